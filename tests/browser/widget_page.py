"""The chat widget as a test sees it: open it, ask, read the answer (shared by the browser tests)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from playwright.sync_api import expect

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

OPEN_LABEL = "Chat mit dem NRW Integrationslotsen öffnen"
INPUT_LABEL = "Ihre Frage an den Integrationslotsen"
XSS = "<img src=x onerror=alert(1)>"


def open_chat(page: "Page") -> None:
    """Open the widget with its launcher unless it is open already."""
    input_box = page.get_by_role("textbox", name=INPUT_LABEL)
    launcher = page.get_by_role("button", name=OPEN_LABEL)
    expect(launcher.or_(input_box).first).to_be_visible()
    if launcher.is_visible():
        launcher.click()
    expect(input_box).to_be_visible()


def answer_to(page: "Page", question: str) -> "Locator":
    """The bot's message group that follows the user's (last) message `question`."""
    asked = page.locator(".rw-from-client").filter(has_text=re.compile("^" + re.escape(question) + "$")).last
    return asked.locator("xpath=following-sibling::div[contains(@class, 'rw-from-response')][1]")


def ask(page: "Page", question: str) -> "Locator":
    """Type a question, send it with Enter and return the bot's answer once it is there."""
    input_box = page.get_by_role("textbox", name=INPUT_LABEL)
    input_box.fill(question)
    input_box.press("Enter")
    answer = answer_to(page, question)
    expect(answer).to_be_visible()
    return answer


