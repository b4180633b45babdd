"""Multi-turn behaviour over REST: follow-ups, city filter, ambiguity buttons, fallback.

Questions here are not in the training data; expected facts come from the knowledge
file and fixed replies from domain.yml.
"""

from __future__ import annotations

import json
import uuid

import yaml

from actions.directory import PartnerDirectory
from actions.knowledge import PROJECT_ROOT

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))


def _sender() -> str:
    return f"e2e-{uuid.uuid4().hex[:8]}"


def _response_text(name: str) -> str:
    return DOMAIN["responses"][name][0]["text"].strip()


def test_follow_ups_keep_the_partner_and_switch_it(bot, directory: PartnerDirectory) -> None:
    kfi, lir = directory.find_partner("KfI"), directory.find_partner("Landesintegrationsrat")
    sender = _sender()
    assert kfi.name in bot.text(sender, "Was macht das Kompetenzzentrum für Integration?")
    assert kfi.contact_items("phone")[0].value in bot.text(sender, "Und wie ist die Telefonnummer?")
    switched = bot.text(sender, "und vom Landesintegrationsrat?")
    assert lir.contact_items("phone")[0].value in switched and kfi.contact_items("phone")[0].value not in switched


def test_city_filter_on_the_last_partner(bot, directory: PartnerDirectory) -> None:
    adb = directory.find_partner("Antidiskriminierungsbüros NRW")
    sender = _sender()
    bot.text(sender, "Was machen die Antidiskriminierungsbüros?")
    present = bot.text(sender, f"Gibt es das auch in {adb.cities[-1]}?")
    assert present.startswith("Ja") and adb.cities[-1] in present
    absent = bot.text(_sender(), "Gibt es ein Antidiskriminierungsbüro in Bielefeld?")
    assert "Bielefeld" in absent and all(city in absent for city in adb.cities)


def test_several_fitting_partners_are_offered_as_buttons(bot, directory: PartnerDirectory) -> None:
    sender = _sender()
    messages = bot.ask(sender, "An wen können sich Sinti und Roma wenden?")
    buttons = [b for m in messages for b in m.get("buttons", [])]
    group = directory.find_target_group("Sinti und Roma")
    partners = directory.for_target_group(group.id)
    assert 2 <= len(buttons) <= 5 and len(buttons) == len(partners)
    chosen = partners[1]
    intent, _, entities = buttons[1]["payload"].partition("{")
    assert intent == "/ask_partner_info" and json.loads("{" + entities) == {"partner": chosen.id}
    answer = bot.text(sender, buttons[1]["payload"])
    assert chosen.description in answer


def test_out_of_scope_and_gibberish_never_name_a_partner(bot, directory: PartnerDirectory) -> None:
    honest = {_response_text("utter_out_of_scope"), _response_text("utter_default")}
    for question in ("Wie wird das Wetter am Wochenende?", "Wann fährt der nächste ICE nach Hamburg?",
                     "Hast du ein Rezept für Baklava?", "qwpoeiruty zxmnbv"):
        text = bot.text(_sender(), question)
        named = [p.id for p in directory.partners if p.name in text]
        assert text in honest or text.startswith("Ich bin nicht sicher"), (question, text)
        assert not named or text in honest, (question, named)


def test_low_confidence_asks_did_you_mean_then_admits_it(bot) -> None:
    """Unsure recognition, entered as the FallbackClassifier would (intent nlu_fallback):
    "Meinten Sie …?", and "Nein, etwas anderes" gets the honest out-of-scope reply."""
    sender = _sender()
    first = bot.ask(sender, "/nlu_fallback")
    assert first[0]["text"].startswith("Ich bin nicht sicher") and "Meinten Sie" in first[0]["text"]
    assert first[0]["buttons"][-1]["payload"] == "/out_of_scope"
    assert bot.text(sender, "/out_of_scope") == _response_text("utter_out_of_scope")


def test_english_question_gets_the_right_partner(bot, directory: PartnerDirectory) -> None:
    jmd = directory.find_partner("Jugendmigrationsdienste")
    assert jmd.name in bot.text(_sender(), "Who advises young migrants?")
    adb = directory.find_partner("Antidiskriminierungsbüros NRW")
    assert adb.name in bot.text(_sender(), "Where can I report discrimination?")


def test_bot_says_it_is_a_bot(bot) -> None:
    assert bot.text(_sender(), "bist du ein Mensch oder eine Maschine?") == _response_text("utter_iamabot")


def test_fixed_replies_follow_the_conversations_language(bot) -> None:
    """After a Turkish question, the goodbye (a fixed reply, not the action) is Turkish:
    domain.yml has variations per value of the `language` slot that action_answer sets."""
    sender = _sender()
    bot.ask(sender, "Gençlere danışmanlık yapan bir yer var mı?")
    turkish = next(v["text"] for v in DOMAIN["responses"]["utter_goodbye"]
                   if any(c.get("value") == "tr" for c in v.get("condition", [])))
    assert bot.text(sender, "/goodbye") == turkish
    german = next(v["text"] for v in DOMAIN["responses"]["utter_goodbye"] if "condition" not in v)
    assert bot.text(_sender(), "/goodbye") == german


def test_a_long_conversation_keeps_its_subject_across_sessions_and_every_message_is_stored(
        bot, running_bot, directory: PartnerDirectory) -> None:
    """server/turn_bounded_sessions.py starts a new session every few user messages: the
    subject (a slot) is carried over and every message stays in the tracker store."""
    import sqlalchemy as sa

    from server.turn_bounded_sessions import TURNS_PER_SESSION

    sender = _sender()
    kfi = directory.find_partner("KfI")
    assert kfi.name in bot.text(sender, "Was macht das KfI?")
    for turn in range(TURNS_PER_SESSION):
        bot.ask(sender, f"Danke, noch eine Frage Nummer {turn}")
    answer = bot.text(sender, "und wie ist deren Telefonnummer?")
    assert kfi.contact_items("phone")[0].value in answer  # the subject survived the new session
    engine = sa.create_engine(running_bot.tracker_store_url)
    with engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT type_name FROM events WHERE sender_id = :s"), {"s": sender}).all()
    types = [row[0] for row in rows]
    assert types.count("session_started") >= 2
    assert types.count("user") == TURNS_PER_SESSION + 2
