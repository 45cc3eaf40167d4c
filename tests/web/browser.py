"""Driving Debian's chromium (/usr/bin/chromium) with Playwright; never a downloaded browser."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def chromium(*extra: str) -> Iterator[Browser]:
    """Headless chromium (with ``extra`` arguments), closed afterwards."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=[*ARGS, *extra])
        try:
            yield browser
        finally:
            browser.close()
