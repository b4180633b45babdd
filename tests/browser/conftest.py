"""Fixtures for the browser test of the chat widget page (web/index.html).

The servers come from the session fixture `running_bot` (tests/support/fixtures.py), on free
ports; the page is served from a copy whose socketUrl points at the test's Rasa
server (see tools/launch/local.py). The test
drives Debian's Chromium (/usr/bin/chromium, installed by scripts/build/install_debian_packages.sh)
through Playwright; Playwright's own browser downloads are not used.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import pytest

from tools.launch.local import RunningBot

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PROJECT_ROOT = Path(__file__).resolve().parents[2]
RESULTS_DIR = PROJECT_ROOT / "results"
CHROMIUM = os.environ.get("LOTSE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

@pytest.fixture(scope="session")
def web_url(running_bot: RunningBot) -> str:
    """The page's URL on the test's own web server."""
    return running_bot.web_url


@pytest.fixture(scope="session")
def browser() -> Iterator["Browser"]:
    """One headless Debian Chromium for the whole session."""
    from playwright import sync_api

    assert os.access(CHROMIUM, os.X_OK), f"{CHROMIUM} is missing – run scripts/build/install_debian_packages.sh chromium"
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: "Browser", web_url: str) -> Iterator["Page"]:
    """A fresh page in its own context (empty storage, so a new conversation)."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="de-DE")
    context.set_default_timeout(20_000)
    new_page = context.new_page()
    yield new_page
    context.close()


@pytest.fixture(scope="session")
def results_dir() -> Path:
    """results/ in the project root, created when missing."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    return RESULTS_DIR
