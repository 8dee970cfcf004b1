"""A crawl record written to attack whoever looks at it: markup that would run script in a
page, and terminal escapes that would retitle the window, clear the screen or recolour it."""

from __future__ import annotations

import json
from pathlib import Path

ESC = "\x1b"
HOSTILE_ID = '<img src=x onerror="document.body.setAttribute(\'data-pwned-id\',1)">'
HOSTILE_TEXT = (
    " date 2025-03-04 200\n"
    "<script>document.title='PWNED'</script>Harbour Council Backs Ferry Plan\n"
    "The harbour council voted on Tuesday to keep the night ferry running through the winter, "
    "after a petition signed by more than 3,000 residents. <img src=x "
    "onerror=\"document.body.setAttribute('data-pwned-img','1')\"> The vote was eleven to "
    "four.\n"
    "Councillors said the ferry costs about 40,000 euros a month to run at night and that the "
    f"port would share the cost. {ESC}]0;PWNED-TITLE\x07{ESC}[2J{ESC}[31mThe operator "
    "welcomed the decision and said timetables would be published next week.\n"
    "<iframe src=\"javascript:document.body.setAttribute('data-pwned-frame',1)\"></iframe>"
    "Residents of the outer islands, who rely on the late crossing to reach hospital shifts, "
    "had campaigned for the service since the spring.\n"
    "<a href=\"javascript:document.body.setAttribute('data-pwned-link',1)\">Share this "
    "article</a> Share on Facebook Share on Twitter\n"
    f"<script>document.body.setAttribute('data-pwned-tail','1')</script>{ESC}]0;PWNED2\x07\n"
)
MARKERS = ("<script>document.title='PWNED'</script>", "onerror=", "javascript:")


def write_hostile_jsonl(path: Path, extra: int = 0) -> Path:
    """The hostile record (with a hostile id and URL) and `extra` plain ones, as JSONL input."""
    rows = [{"id": HOSTILE_ID, "url": "javascript:alert(1)//evil.example/x", "text": HOSTILE_TEXT}]
    for i in range(extra):
        rows.append({"id": f"plain-{i}", "text": (
            f" date 2025-03-0{1 + i % 9} 200\nPlain Story Number {i}\n"
            f"This is the plain story number {i}, written in sentences that end with a stop. "
            "It has a second sentence so it reads as a paragraph of an article.\n"
            "A second paragraph adds a little more about the same plain story.\n")})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path
