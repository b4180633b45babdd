"""End to end over POST /webhooks/rest/webhook: NLU, dialogue and the action server together.

Expected facts are read from the knowledge file (whose values the unit tests trace
to the seed), so these tests check that the running bot delivers them.
"""

from __future__ import annotations

import uuid

import yaml

from actions.directory import PartnerDirectory
from actions.knowledge import PROJECT_ROOT


def _sender() -> str:
    return f"e2e-{uuid.uuid4().hex[:8]}"


def test_young_migrants_get_the_jmd_and_how_to_reach_them(bot, directory: PartnerDirectory) -> None:
    jmd = directory.find_partner("Jugendmigrationsdienste")
    text = bot.text(_sender(), "Wer berät junge Migranten?")
    assert jmd.name in text
    assert jmd.contact_items("web")[0].value in text and jmd.contact_items("email")[0].value in text


def test_phone_of_the_landesintegrationsrat(bot, directory: PartnerDirectory) -> None:
    lir = directory.find_partner("Landesintegrationsrat")
    text = bot.text(_sender(), "Telefonnummer vom Landesintegrationsrat")
    assert lir.contact_items("phone")[0].value in text
    assert lir.contact_items("fax")[0].value not in text


def test_address_of_the_kfi(bot, directory: PartnerDirectory) -> None:
    kfi = directory.find_partner("Kompetenzzentrum für Integration")
    text = bot.text(_sender(), "Adresse vom Kompetenzzentrum für Integration")
    assert kfi.places[0].address in text


def test_antidiscrimination_offices_in_all_cities(bot, directory: PartnerDirectory) -> None:
    adb = directory.find_partner("Antidiskriminierungsbüro")
    text = bot.text(_sender(), "Wo ist das Antidiskriminierungsbüro?")
    assert len(adb.cities) == 5 and all(city in text for city in adb.cities)


def test_follow_up_question_keeps_the_partner(bot, directory: PartnerDirectory) -> None:
    kfi = directory.find_partner("KfI")
    sender = _sender()
    assert kfi.contact_items("phone")[0].value in bot.text(sender, "Tel. KfI")
    assert kfi.contact_items("fax")[0].value in bot.text(sender, "und das Fax?")


def test_missing_phone_is_said_honestly(bot, directory: PartnerDirectory) -> None:
    domid = directory.find_partner("DOMiD")
    assert not domid.contact_items("phone")
    text = bot.text(_sender(), "Telefonnummer von DOMiD")
    assert "keine Telefonnummer" in text and "Köln" in text


def test_greeting_has_buttons_and_weather_is_out_of_scope(bot) -> None:
    sender = _sender()
    greeting = bot.ask(sender, "Hallo")
    assert greeting and greeting[0].get("buttons")
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    out_of_scope = domain["responses"]["utter_out_of_scope"][0]["text"]
    weather = bot.text(sender, "Wie wird das Wetter morgen?")
    assert weather == out_of_scope.strip()
