"""Browser test of the chat widget page: conversation, buttons, reload, links, safety.

Needs the running servers (see conftest.py); one conversation per test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, List


if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page, WebSocketRoute

from playwright.sync_api import expect

from actions.directory import PartnerDirectory
from tests.browser.widget_page import INPUT_LABEL, XSS, answer_to, ask, open_chat  # noqa: F401

def tel_href(phone: str) -> str:
    """The tel: link the page should make of a German phone number as the seed writes it."""
    return "tel:+49" + re.sub(r"\D", "", phone)[1:]


def test_conversation_in_the_widget(
    page: "Page", web_url: str, results_dir: Path, directory: PartnerDirectory
) -> None:
    """Greeting buttons, a question with links, reload, and an HTML injection attempt."""
    dialogs: List[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(web_url)
    expect(page).to_have_title(re.compile("Integrationslotse"))
    open_chat(page)
    expect(page.get_by_role("heading", name="NRW Integrationslotse")).to_be_visible()
    expect(page.get_by_role("textbox", name=INPUT_LABEL)).to_have_attribute("placeholder", "Ihre Frage …")

    # The greeting (initPayload /greet) comes with buttons; click one with the mouse.
    page.get_by_role("button", name="Was kannst du?").click()
    capabilities = answer_to(page, "Was kannst du?")
    expect(capabilities).to_contain_text("Sie können mich fragen")

    # That answer has a button too; press it with the keyboard.
    next_button = page.get_by_role("button", name="Welche Stellen gibt es?")
    next_button.focus()
    page.keyboard.press("Enter")
    expect(answer_to(page, "Welche Stellen gibt es?")).to_contain_text("Ich kenne diese Partner")

    # A question typed by the user; the contact data become links.
    jmd = directory.find_partner("Jugendmigrationsdienste")
    answer = ask(page, "Wer berät junge Migranten?")
    expect(answer).to_contain_text(jmd.name)
    expect(answer.locator(f'a[href="mailto:{jmd.contact_items("email")[0].value}"]')).to_have_count(1)
    web_link = answer.locator(f'a[href="https://{jmd.contact_items("web")[0].value}"]')
    expect(web_link).to_have_attribute("target", "_blank")
    expect(web_link).to_have_attribute("rel", "noopener noreferrer")
    kfi_phone = directory.find_partner("KfI").contact_items("phone")[0].value
    # The number to dial calls; so does the page's own "Tel.: …" line the source line quotes.
    expect(ask(page, "Telefonnummer KfI").locator(f'a[href="{tel_href(kfi_phone)}"]').first).to_have_text(kfi_phone)

    # The conversation survives a reload (session storage + Rasa session persistence).
    page.reload()
    open_chat(page)
    expect(answer_to(page, "Wer berät junge Migranten?")).to_contain_text("Jugendmigrationsdienste")

    # HTML typed by the user is shown as text, never run.
    ask(page, XSS)
    expect(page.locator(".rw-client").filter(has_text=XSS)).to_have_count(1)
    assert page.locator("#integrationslotse img[src='x']").count() == 0
    assert page.evaluate("document.querySelectorAll('[onerror]').length") == 0
    assert dialogs == []

    page.screenshot(path=str(results_dir / "widget.png"))


def test_bot_html_and_script_links_are_not_executed(page: "Page", web_url: str) -> None:
    """A bot message with HTML and a javascript: link is shown as text, the link disarmed.

    The real bot never sends such text; the test injects one bot_uttered event into
    the page's socket.io WebSocket (after the transport upgrade from polling).
    """
    marker = "Testnachricht bitte ignorieren"
    evil = ("<img src=x onerror=alert(1)> <script>alert(2)</script> [Klick](javascript:alert(3)) "
            "Telefon: 0211 / 99416-0, Fax: 0211 / 99416-15")
    dialogs: List[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    upgraded: List[bool] = []

    def route(ws: "WebSocketRoute") -> None:
        server = ws.connect_to_server()

        def from_page(message: "str | bytes") -> None:
            server.send(message)
            if message == "5":  # Engine.IO "upgrade": from now on all traffic uses this WebSocket
                upgraded.append(True)
            if isinstance(message, str) and message.startswith("42") and marker in message:
                ws.send("42" + json.dumps(["bot_uttered", {"text": evil}]))

        ws.on_message(from_page)
        server.on_message(lambda message: ws.send(message))

    page.route_web_socket(re.compile(r".*/socket\.io/.*"), route)
    page.goto(web_url)
    open_chat(page)
    expect(page.get_by_role("button", name="Was kannst du?")).to_be_visible()
    for _ in range(150):  # wait (at most 15 s) for socket.io's upgrade from polling to WebSocket
        if upgraded:
            break
        page.wait_for_timeout(100)
    assert upgraded, "socket.io did not switch to the WebSocket transport"

    page.get_by_role("textbox", name=INPUT_LABEL).fill(marker)
    page.get_by_role("textbox", name=INPUT_LABEL).press("Enter")
    injected = page.locator(".rw-response").filter(has_text="onerror=alert(1)")
    expect(injected).to_be_visible()
    expect(injected).to_contain_text("<img src=x onerror=alert(1)> <script>alert(2)</script>")
    assert page.locator("#integrationslotse img[src='x'], #integrationslotse script").count() == 0
    link = injected.get_by_text("Klick", exact=True)
    expect(link).to_have_attribute("data-lotse-blocked", "true")  # react-markdown made it a link
    expect(link).not_to_have_attribute("href", re.compile("javascript", re.I))
    link.click()
    # The phone number after "Telefon" is a link, the fax number after "Fax" is not.
    expect(injected.locator("a[href^='tel:']")).to_have_count(1)
    expect(injected.locator('a[href="tel:+49211994160"]')).to_have_text("0211 / 99416-0")
    assert page.evaluate("document.querySelectorAll('[onerror]').length") == 0
    assert dialogs == []


def test_a_chosen_language_greets_and_danger_numbers_are_links(page: "Page", web_url: str) -> None:
    """The page's language choice restarts the chat in that language (sent as metadata);
    a message about danger gets 110 and 112 first, as links that call."""
    from actions.knowledge import load_knowledge
    from actions.replies import Replies

    knowledge, replies = load_knowledge(), Replies()
    page.goto(web_url)
    page.get_by_label(re.compile("Sprache des Chats")).select_option("tr")
    page.wait_for_load_state()
    expect(page.get_by_label(re.compile("Sprache des Chats"))).to_have_value("tr")
    open_chat(page)
    # The greeting (the button payload /greet, no words to detect) is in the chosen language.
    expect(page.locator(".rw-from-response").first).to_contain_text(replies.text("intro", "tr"))

    # A phone number labelled in another script calls too; the fax number beside it does not.
    kfi = knowledge.partner("kfi")
    contact = ask(page, "Я хочу поговорить с человеком из KfI")
    expect(contact).to_contain_text(kfi.contact_items("fax")[0].value)
    expect(contact.locator(f'a[href="{tel_href(kfi.contact_items("phone")[0].value)}"]')).to_have_count(1)
    expect(contact.locator(f'a[href="{tel_href(kfi.contact_items("fax")[0].value)}"]')).to_have_count(0)

    answer = ask(page, "Kocam beni dövüyor, çok korkuyorum, yardım edin")
    expect(answer).to_contain_text(replies.text("emergency_intro", "tr"))
    for number in (n for n in knowledge.safety.numbers if not n.crisis):
        expect(answer.locator(f'a[href="tel:{number.number}"]')).to_have_text(number.number)
