"""Where a bench's markdown report goes: standard output, and the `--md` file when asked."""

from __future__ import annotations

from pathlib import Path


def save(text: str, md: Path | None) -> None:
    """Write the report to `md` (parents made, one final newline); nothing without a path."""
    if md is not None:
        md.parent.mkdir(parents=True, exist_ok=True)
        md.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def publish(text: str, md: Path | None) -> None:
    """Print the report, and save it when a path is given."""
    print(text.rstrip("\n"))
    save(text, md)
