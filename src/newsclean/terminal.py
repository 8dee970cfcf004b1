"""Crawled text and file names, safe to print on a terminal.

A record can hold escape sequences that a terminal obeys -- `ESC ] 0 ; title BEL` retitles
the window, `ESC [ 2 J` clears the screen, a bare carriage return overwrites what was
printed -- and so can a file name.  Everything newsclean prints for a person to read (`show`,
`boilerplate show`, messages on stderr) goes through `visible` or `one_line` first: control
characters (C0, DEL, C1) are written as escapes (`\\x1b`, `\\r`) instead of being sent raw.
Data outputs (clean's JSON, restore's records) are not touched: they must stay exact.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, a carriage return not ending a line, DEL, C1 controls
_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
# ... and in a one-line message, tabs and line ends too
_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f]")
_NAMED = {"\r": "\\r", "\n": "\\n", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    return _NAMED.get(c) or f"\\x{ord(c):02x}"


def visible(text: str) -> str:
    """Text with its layout (newlines, tabs, CRLF line ends) and every other control
    character shown as an escape."""
    return _IN_TEXT.sub(_escape, text)


def one_line(text: str) -> str:
    """A message or a name on one line: every control character shown as an escape."""
    return _IN_LINE.sub(_escape, text)
