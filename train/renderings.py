"""A page's HTML turned into text the ways crawlers and corpus tools do it.

Each rendering keeps the whole page -- menus, teasers, footers -- except `trafilatura`, which
is an extractor's own (imperfect) main text.  These are the raw records the line model learns
from: real furniture in the layouts real tools produce.
"""

from __future__ import annotations

from collections.abc import Callable


def _inscriptis(html: str) -> str:
    import inscriptis

    return inscriptis.get_text(html)


def _html_text(html: str) -> str:
    import html_text

    return html_text.extract_text(html)


def _html2text(html: str) -> str:
    import html2text

    conv = html2text.HTML2Text()
    conv.body_width = 0  # no hard wrapping: one paragraph per line, as crawlers store it
    return conv.handle(html)


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=True, favor_recall=True) or ""


def _resiliparse(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return extract_plain_text(HTMLTree.parse(html), main_content=False)


RENDERINGS: dict[str, Callable[[str], str]] = {
    "inscriptis": _inscriptis,
    "html-text": _html_text,
    "html2text": _html2text,
    "trafilatura": _trafilatura,
    "resiliparse": _resiliparse,
}
