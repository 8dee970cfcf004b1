"""Headless Chromium for the tests that look at a page as a person would.

`chromium_path()` finds Debian's chromium; when it is missing and we run as root (CI, a fresh
machine), it is installed once with apt-get (`apt-get update && apt-get install -y
chromium`); NEWSCLEAN_NO_BROWSER_INSTALL=1 turns the install off, NEWSCLEAN_NO_BROWSER=1
makes the tests run as on a machine without a browser.  tests/cdp.py drives it as a person
would (keyboard, mouse) over the DevTools pipe.  `dump_dom(url)` is the DOM
after the page loaded (scripts, if any could run, have run by then); `screenshot(url, png)`
saves what a person sees.  The tests that need it skip, saying why, when no browser can be
had: their other assertions (on the HTML itself) still run.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "screenshots"


@functools.cache
def chromium_path() -> str | None:
    if os.environ.get("NEWSCLEAN_NO_BROWSER") == "1":  # to see the suite without a browser
        return None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("NEWSCLEAN_NO_BROWSER_INSTALL") == "1" or os.geteuid() != 0:
        return None
    if shutil.which("apt-get") is None:
        return None
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        subprocess.run(["apt-get", "update", "-qq"], env=env, timeout=600,
                       capture_output=True, check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends",
                        "chromium", "fonts-dejavu-core"], env=env, timeout=900,
                       capture_output=True, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return shutil.which("chromium")


def _run(args: list[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    exe = chromium_path()
    assert exe is not None
    with tempfile.TemporaryDirectory(prefix="newsclean-chromium-") as profile:
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", "--no-default-browser-check", "--disable-extensions",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--metrics-recording-only", "--hide-scrollbars",
               f"--user-data-dir={profile}", *args]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                              check=False)


def dump_dom(url: str) -> str:
    """The page's DOM as Chromium holds it once loaded (after any script would have run)."""
    done = _run(["--virtual-time-budget=3000", "--dump-dom", url])
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def screenshot(url: str, name: str, width: int = 1200, height: int = 2400) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    png = OUT / name
    png.unlink(missing_ok=True)
    done = _run([f"--window-size={width},{height}", f"--screenshot={png}", url])
    assert png.is_file() and png.stat().st_size > 5_000, done.stderr[-2000:]
    return png


def parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def executable_parts(doc: lxml.html.HtmlElement) -> list[str]:
    """Whatever in a DOM could run or load something: script, iframe, object, embed, frame
    elements, on* handler attributes, javascript: / data:text/html URLs, and marks a hostile
    script would leave."""
    found = []
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag.lower() in ("script", "iframe", "object", "embed", "frame", "frameset",
                              "base", "link", "meta") and not (
                el.tag.lower() == "meta" and el.get("http-equiv") == "Content-Security-Policy"
                or el.tag.lower() == "meta" and (el.get("charset") or el.get("name"))):
            found.append(f"<{el.tag}>")
        for attr, value in el.attrib.items():
            low = value.strip().lower()
            if attr.lower().startswith("on"):
                found.append(f"{el.tag} {attr}=")
            if attr.lower() in ("href", "src", "action", "formaction", "xlink:href") and (
                    low.startswith(("javascript:", "data:text/html", "vbscript:"))):
                found.append(f"{el.tag} {attr}={value[:30]}")
            if attr.lower().startswith("data-pwned"):
                found.append("data-pwned (a script ran)")
    title = doc.find(".//title")
    if title is not None and "PWNED" in (title.text or ""):
        found.append("title changed by a script")
    return found
