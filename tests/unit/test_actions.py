"""Custom actions, run as Rasa runs them: a Tracker in, a CollectingDispatcher out.

Expected values are read from the knowledge file, so a test checks that the answer
carries the file's facts, not a number typed into the test.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any, Dict, List, Tuple

import pytest
from rasa_sdk import Action
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import actions
from actions.knowledge import KINDS, KnowledgeBase
from tests.support.fixtures import entity, make_tracker, normalise


class AnswerAs(actions.ActionAnswer):
    """action_answer, run with the intent the NLU would have given (unless a test sets one)."""

    def __init__(self, intent: str) -> None:
        self.intent = intent


def run_messages(action: Action, **tracker_args: Any) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
    """Run an action; return the messages it sent and the events it returned."""
    if isinstance(action, AnswerAs):
        tracker_args.setdefault("intent", action.intent)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, make_tracker(**tracker_args), {}))
    assert all(m.get("text") or m.get("response") for m in dispatcher.messages), "every message needs content"
    return dispatcher.messages, events


def run(action: Action, **tracker_args: Any) -> Tuple[str, List[Dict[str, Any]]]:
    """Run an action; return all text it sent (joined) and the events it returned."""
    messages, events = run_messages(action, **tracker_args)
    return "\n".join(m.get("text") or m["response"] for m in messages), events


def partner_entities(partner_id: str, *extra: Dict[str, Any]) -> List[Dict[str, Any]]:
    return [entity("partner", partner_id), *extra]


# --- contact -------------------------------------------------------------------------

@pytest.mark.parametrize("field_name", ["phone", "fax", "email", "web", "address"])
def test_contact_field_gives_the_files_values_or_says_there_are_none(knowledge: KnowledgeBase, field_name: str) -> None:
    for partner in knowledge.partners:
        text, events = run(
            AnswerAs("ask_partner_contact"),
            entities=partner_entities(partner.id, entity("contact_attribute", field_name)),
        )
        if field_name == "address":
            expected = [p.address for p in partner.places if p.address]
        else:
            expected = [i.value for i in partner.contact_items(field_name)]
        for value in expected:
            assert value in text, f"{partner.id}: {value} fehlt"
        if not expected:
            assert "keine" in text and "in meinen Unterlagen" in text, f"{partner.id}: {text}"
        assert SlotSet("partner", partner.id) in events


def test_no_contact_data_gives_the_seat_in_the_pages_words(directory) -> None:
    """A partner with a seat but no contact data: the seat, and the page's sentence that names it."""
    partner, sentence = next((p, s) for p in directory.partners if not any(p.contact_items(f) for f in
                             ("phone", "fax", "email", "web")) and not any(pl.address for pl in p.places)
                             for s in p.quoted_sentences if p.cities and any(c in s for c in p.cities))
    text, _ = run(AnswerAs("ask_partner_contact"), entities=partner_entities(partner.id, entity("contact_attribute", "phone")))
    assert "keine Telefonnummer" in text and sentence in text, text


def test_missing_phone_offers_what_the_file_has(directory) -> None:
    partner = next(p for p in directory.partners if not p.contact_items("phone") and p.contact_items("email"))
    text, _ = run(AnswerAs("ask_partner_contact"), entities=partner_entities(partner.id, entity("contact_attribute", "phone")))
    assert "keine Telefonnummer" in text
    assert partner.contact_items("email")[0].value in text


def test_contact_without_attribute_gives_the_whole_card(directory) -> None:
    partner = directory.find_partner("KfI")
    text, _ = run(AnswerAs("ask_partner_contact"), entities=partner_entities(partner.id))
    for field_name in ("phone", "fax", "email", "web"):
        for item in partner.contact_items(field_name):
            assert item.value in text
    assert partner.places[0].address in text


def test_two_attributes_in_one_question_are_both_answered(directory) -> None:
    partner = directory.find_partner("Landesintegrationsrat")
    text, _ = run(
        AnswerAs("ask_partner_contact"),
        entities=partner_entities(partner.id, entity("contact_attribute", "phone"), entity("contact_attribute", "fax")),
    )
    assert partner.contact_items("phone")[0].value in text and partner.contact_items("fax")[0].value in text


# --- which partner is meant ------------------------------------------------------------

def test_follow_up_without_name_uses_the_partner_talked_about(directory) -> None:
    partner = directory.find_partner("Landesintegrationsrat")
    text, events = run(
        AnswerAs("ask_partner_contact"),
        entities=[entity("contact_attribute", "phone")],
        slots={"partner": partner.id},
    )
    assert partner.contact_items("phone")[0].value in text
    # The subject stays (an unchanged slot is not set again).
    assert all(e["value"] == partner.id for e in events if e["name"] == "partner")


def test_a_newly_named_partner_wins_over_the_slot(directory) -> None:
    kfi, lir = directory.find_partner("KfI"), directory.find_partner("Landesintegrationsrat")
    text, events = run(AnswerAs("ask_partner_location"), entities=partner_entities(kfi.id), slots={"partner": lir.id})
    assert kfi.places[0].address in text and SlotSet("partner", kfi.id) in events


def test_raw_entity_text_with_typo_is_resolved(directory) -> None:
    text, events = run(AnswerAs("ask_partner_info"), entities=[entity("partner", "Landesintegrationsrt")])
    assert SlotSet("partner", directory.find_partner("Landesintegrationsrat").id) in events


def test_a_typo_is_a_letter_or_two_of_the_name_as_written(directory) -> None:
    """"Integrationsfragen" is no misspelt "Integrationsräten" (three letters apart as written,
    though two from its umlaut-less variant); "Integrationsrate" and "Spataussidler" are typos."""
    councils = next(g for g in directory.knowledge.target_groups if "Integrationsräten" in g.words)
    assert directory.groups_in("integrationsfragen") == []
    assert directory.groups_in("integrationsraeten") == [councils]
    assert directory.groups_in("integrationsrate") == [councils]
    assert [g.id for g in directory.groups_in("spataussidler")] == ["spaetaussiedler"]


def test_no_partner_at_all_asks_which_one(directory) -> None:
    text, events = run(AnswerAs("ask_partner_contact"), entities=[entity("contact_attribute", "phone")])
    assert "Zu welcher Stelle" in text
    assert all((p.short_name or p.name) in text for p in directory.partners)
    assert events == []


# --- what / where -----------------------------------------------------------------------

def test_info_quotes_the_description_and_names_the_partner(knowledge: KnowledgeBase) -> None:
    for partner in knowledge.partners:
        text, events = run(AnswerAs("ask_partner_info"), text=f"Was macht {partner.name}?",
                           entities=partner_entities(partner.id))
        assert partner.description in text
        assert SlotSet("partner", partner.id) in events


def test_location_names_every_city(knowledge: KnowledgeBase) -> None:
    for partner in knowledge.partners:
        text, _ = run(AnswerAs("ask_partner_location"), entities=partner_entities(partner.id))
        for city in partner.cities:
            assert city in text
        if not partner.places:
            assert "weder Sitz noch Adresse" in text


def test_a_city_typed_in_lower_case_is_said_back_as_a_name(directory) -> None:
    partner = max(directory.partners, key=lambda p: len(p.cities))
    text, _ = run(AnswerAs("ask_partner_location"), entities=partner_entities(partner.id, entity("city", "bielefeld")))
    assert "Bielefeld" in text and "bielefeld" not in text


def test_location_in_a_city_without_an_office_lists_the_others(directory) -> None:
    partner = max(directory.partners, key=lambda p: len(p.cities))
    text, _ = run(AnswerAs("ask_partner_location"), entities=partner_entities(partner.id, entity("city", "Bielefeld")))
    assert "keinen Standort in Bielefeld" in text
    assert all(city in text for city in partner.cities)
    present = partner.cities[-1]
    text, _ = run(AnswerAs("ask_partner_location"), entities=partner_entities(partner.id, entity("city", present)))
    assert text.startswith("Ja,") and present in text


# --- who helps / lists --------------------------------------------------------------------

def test_target_group_with_one_partner_gives_its_contact(directory) -> None:
    group = directory.find_target_group("junge Migranten")
    (partner,) = directory.for_target_group(group.id)
    text, events = run(AnswerAs("ask_target_group_help"), entities=[entity("target_group", group.id)])
    assert partner.display_name in text
    for line in (i.value for f in ("email", "web") for i in partner.contact_items(f)):
        assert line in text
    assert SlotSet("partner", partner.id) in events


def test_target_group_with_several_partners_lists_all(directory) -> None:
    group = next(g for g in directory.knowledge.target_groups if len(directory.for_target_group(g.id)) > 1)
    text, events = run(AnswerAs("ask_target_group_help"), entities=[entity("target_group", group.id)])
    partners = directory.for_target_group(group.id)
    assert all(p.display_name in text for p in partners)
    # No single partner is talked about now; the offered ones are remembered instead.
    assert all(e["value"] is None for e in events if e["name"] == "partner")  # none was set before
    assert SlotSet("listed_partners", [p.id for p in partners]) in events


def test_contact_follow_up_after_a_choice_answers_for_the_offered_partners(directory) -> None:
    offered = [p for p in directory.partners if p.contact_items("web")][:2]
    text, events = run(AnswerAs("ask_target_group_help"), text="Geht das auch online?",
                       entities=[entity("contact_attribute", "web")],
                       slots={"listed_partners": [p.id for p in offered], "last_asked": "help"})
    assert all(p.contact_items("web")[0].value in text for p in offered)
    assert not any(e.get("name") == "partner" and e.get("value") for e in events)


def test_a_page_fact_beats_the_partner_talked_about(directory) -> None:
    """A figure of the page's introduction is answered from the introduction, even while
    another partner is the subject of the conversation."""
    general = directory.knowledge.general.facts[0]
    partner = directory.partners[0]
    text, _ = run(AnswerAs("ask_general_info"), text="Wie viele Menschen mit Einwanderungsgeschichte leben in NRW?",
                  slots={"partner": partner.id})
    assert general in text and partner.display_name not in text


def test_who_all_lists_every_partner_of_the_topic_not_only_the_best_fit(directory) -> None:
    topic = next(t for t in directory.knowledge.topics if len(directory.for_topic(t.id)) > 1)
    group = directory.find_target_group("Migranten")
    entities = [entity("topic", topic.id), entity("target_group", group.id)]
    text, _ = run(AnswerAs("ask_target_group_help"), text="Wer beschäftigt sich alles damit?", entities=entities)
    assert all(p.display_name in text for p in directory.for_topic(topic.id))


def test_topic_instead_of_group_is_answered(directory) -> None:
    topic = directory.find_topic("Rassismus")
    text, _ = run(AnswerAs("ask_target_group_help"), entities=[entity("topic", "Rassismus")])
    assert all(p.display_name in text for p in directory.for_topic(topic.id))


def test_unknown_group_asks_for_whom(directory) -> None:
    text, events = run(AnswerAs("ask_target_group_help"), entities=[])
    assert "Für wen" in text and all(g.label in text for g in directory.knowledge.target_groups)


def test_list_by_city(directory) -> None:
    for city in directory.knowledge.cities:
        text, _ = run(AnswerAs("ask_partner_list"), entities=[entity("city", city)])
        assert all(p.display_name in text for p in directory.in_city(city))
        others = [p for p in directory.partners if p not in directory.in_city(city)]
        assert not any(p.display_name in text for p in others)


def test_list_for_a_city_without_partners_names_known_cities(directory) -> None:
    text, _ = run(AnswerAs("ask_partner_list"), entities=[entity("city", "Bielefeld")])
    assert "Bielefeld" in text and all(c in text for c in directory.knowledge.cities)


@pytest.mark.parametrize("kind", KINDS)
def test_list_by_kind(directory, kind: str) -> None:
    text, _ = run(AnswerAs("ask_partner_list"), entities=[entity("kind", kind)])
    for partner in directory.partners:
        assert (partner.display_name in text) == (partner.kind == kind), partner.id


def test_list_without_filter_names_every_partner(directory) -> None:
    text, _ = run(AnswerAs("ask_partner_list"), entities=[])
    assert all(p.display_name in text for p in directory.partners)


def test_general_info_states_the_pages_facts(knowledge: KnowledgeBase) -> None:
    text, _ = run(AnswerAs("ask_general_info"))
    assert all(fact in text for fact in knowledge.general.facts)


# --- nothing invented -----------------------------------------------------------------------

_CHECKABLE = re.compile(r"\d[\d /\-]{5,}\d|[\w.+-]+@[\w.-]+\.\w+|(?:https?://|www\.)\S+|\b\d{5} [A-ZÄÖÜ]\w+")


def _all_answers(knowledge: KnowledgeBase):
    for partner in knowledge.partners:
        for action in (AnswerAs("ask_partner_info"), AnswerAs("ask_partner_location"), AnswerAs("ask_partner_contact")):
            for attribute in (None, "phone", "fax", "email", "web", "address"):
                extra = [entity("contact_attribute", attribute)] if attribute else []
                yield run(action, entities=partner_entities(partner.id, *extra))[0]
    for group in knowledge.target_groups:
        yield run(AnswerAs("ask_target_group_help"), entities=[entity("target_group", group.id)])[0]


def test_every_number_address_and_link_in_any_answer_is_in_the_seed(knowledge: KnowledgeBase, seed_text: str) -> None:
    seed = normalise(seed_text)
    checked = 0
    for text in _all_answers(knowledge):
        for token in _CHECKABLE.findall(text):
            token = token.rstrip(").,“”")  # a link at the end of a quoted sentence
            assert normalise(token) in seed, f"'{token}' steht nicht in der Quelle"
            checked += 1
    assert checked > 50


# --- typos, follow-ups, ambiguity, fallback ----------------------------------------------------

def test_misspelled_partner_without_entity_is_found_in_the_text(directory) -> None:
    lir = directory.find_partner("Landesintegrationsrat")
    text, events = run(
        AnswerAs("ask_partner_contact"),
        text="landesintegrazionsrat telefonnumer",
        entities=[entity("contact_attribute", "phone")],
    )
    assert lir.contact_items("phone")[0].value in text and SlotSet("partner", lir.id) in events


def test_follow_up_about_another_partner_asks_the_same_thing(directory) -> None:
    lir, kfi = directory.find_partner("Landesintegrationsrat"), directory.find_partner("KfI")
    _, events = run(AnswerAs("ask_partner_contact"), entities=partner_entities(kfi.id, entity("contact_attribute", "fax")))
    slots = {e["name"]: e["value"] for e in events}
    text, events = run(
        AnswerAs("follow_up"),
        text="und vom Landesintegrationsrat?",
        entities=partner_entities(lir.id),
        slots=slots,
    )
    assert lir.contact_items("fax")[0].value in text and kfi.contact_items("fax")[0].value not in text
    assert SlotSet("partner", lir.id) in events


def test_follow_up_with_a_city_filters_the_last_partner(directory) -> None:
    adb = max(directory.partners, key=lambda p: len(p.cities))
    present = adb.cities[0]
    text, _ = run(AnswerAs("follow_up"), text=f"Gibt es das auch in {present}?",
                  entities=[entity("city", present)], slots={"partner": adb.id, "last_asked": "location"})
    assert text.startswith("Ja,") and present in text
    text, _ = run(AnswerAs("follow_up"), text="und in Bielefeld?",
                  entities=[entity("city", "Bielefeld")], slots={"partner": adb.id, "last_question": "info"})
    assert "keinen Standort in Bielefeld" in text and all(c in text for c in adb.cities)


def test_several_fitting_partners_come_with_at_most_five_buttons(directory) -> None:
    group = max(directory.knowledge.target_groups, key=lambda g: len(directory.for_target_group(g.id)))
    partners = directory.for_target_group(group.id)
    assert len(partners) > 1
    messages, _ = run_messages(AnswerAs("ask_target_group_help"), entities=[entity("target_group", group.id)])
    buttons = messages[-1]["buttons"]
    assert 2 <= len(buttons) <= 5 and len(buttons) == min(5, len(partners))
    for button, partner in zip(buttons, partners):
        assert button["payload"] == f'/ask_partner_info{{"partner": "{partner.id}"}}'
        assert button["title"] in (partner.short_name, partner.name)


def test_an_answer_asks_for_feedback_but_a_choice_does_not(directory) -> None:
    messages, _ = run_messages(AnswerAs("ask_partner_contact"), entities=partner_entities("kfi"))
    feedback = [b["payload"] for b in messages[-1]["buttons"]]
    assert feedback == ["/feedback_helpful", "/feedback_not_helpful"]
    assert all(not m.get("buttons") for m in messages[:-1])
    group = max(directory.knowledge.target_groups, key=lambda g: len(directory.for_target_group(g.id)))
    messages, _ = run_messages(AnswerAs("ask_target_group_help"), entities=[entity("target_group", group.id)])
    assert not any(b["payload"].startswith("/feedback") for b in messages[-1]["buttons"])


def test_a_button_payload_answers_the_chosen_partner(directory) -> None:
    partner = directory.find_partner("Beratungsstelle für Sinti und Roma")
    text, events = run(AnswerAs("ask_partner_info"), text=f'/ask_partner_info{{"partner": "{partner.id}"}}',
                       entities=partner_entities(partner.id))
    assert partner.description in text and SlotSet("partner", partner.id) in events


def test_a_described_situation_reaches_the_topic_partner(directory) -> None:
    topic = directory.find_topic("Rassismus")
    text, _ = run(AnswerAs("ask_partner_info"), text="Ich wurde rassistisch beleidigt, an wen wende ich mich?")
    assert all(p.display_name in text for p in directory.for_topic(topic.id))


def test_did_you_mean_offers_german_buttons_and_a_way_out(directory) -> None:
    kfi = directory.find_partner("KfI")
    # A bare name is a question about the partner, however unsure the classifier is;
    # a name inside words the classifier could not place gets "Meinten Sie …?".
    text, _ = run(AnswerAs("nlu_fallback"), text="kfi???", entities=partner_entities(kfi.id))
    assert kfi.description in text
    tracker_args = dict(text="kfi, das mit dem formular???", intent="nlu_fallback", entities=partner_entities(kfi.id))
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(**tracker_args)
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.5},
        {"name": "ask_partner_contact", "confidence": 0.25},
        {"name": "ask_partner_info", "confidence": 0.2},
    ]
    asyncio.run(AnswerAs("nlu_fallback").run(dispatcher, tracker, {}))
    (message,) = dispatcher.messages
    assert "Meinten Sie" in message["text"]
    payloads = [b["payload"] for b in message["buttons"]]
    assert payloads == [f'/ask_partner_contact{{"partner": "{kfi.id}"}}', f'/ask_partner_info{{"partner": "{kfi.id}"}}', "/out_of_scope"]
    assert all(kfi.short_name in b["title"] for b in message["buttons"][:2])


def test_out_of_scope_with_a_recognised_partner_answers_it(directory) -> None:
    """Typed without umlauts ("gegrundet") and heard as out of scope: the founding sentence."""
    zfti = directory.find_partner("ZfTI")
    founded = next(s for s in zfti.quoted_sentences if "gegründet" in s)
    text, events = run(AnswerAs("out_of_scope"), text="zentrum fur turkeistudien wan gegrundet",
                       entities=partner_entities(zfti.id))
    assert founded in text and SlotSet("partner", zfti.id) in events


def test_out_of_scope_without_a_recognised_partner_stays_out_of_scope(directory) -> None:
    messages, events = run_messages(AnswerAs("out_of_scope"), text="Wie wird das Wetter in Köln?",
                                    entities=[entity("city", "Köln")])
    assert [m["response"] for m in messages] == ["utter_out_of_scope"] and events == []


def test_out_of_scope_with_an_exactly_written_name_answers_it_but_a_typo_does_not(directory) -> None:
    """A partner added after the last training is found by its exact name, never by a guess."""
    partner = directory.find_partner("Landesinitiative Jungenarbeit")
    text, _ = run(AnswerAs("out_of_scope"), text=f"Was ist eigentlich die {partner.name}?")
    assert partner.description in text
    messages, _ = run_messages(AnswerAs("out_of_scope"), text="Was ist eigentlich die Landesinitiatve Jungenarbiet?")
    assert [m.get("response") for m in messages] == ["utter_out_of_scope"]


def test_partners_fitting_most_of_the_message_win(directory) -> None:
    """'Meine Eltern sind Spätaussiedler ... Gremium': Spätaussiedler + Gremium beat Eltern."""
    late = directory.find_target_group("Spätaussiedler")
    parents = directory.find_target_group("Eltern")
    best = [p for p in directory.for_target_group(late.id) if p.kind == "Gremium"]
    assert best and not {p.id for p in directory.for_target_group(parents.id)} & {p.id for p in best}
    text, _ = run(AnswerAs("ask_target_group_help"), text="",
                  entities=[entity("target_group", parents.id), entity("target_group", late.id), entity("kind", "Gremium")])
    assert all(p.display_name in text for p in best)
    assert not any(p.display_name in text for p in directory.for_target_group(parents.id))


def test_list_question_naming_only_a_partner_describes_it(directory) -> None:
    partner = directory.find_partner("Elternnetzwerk")
    text, _ = run(AnswerAs("ask_partner_list"), text="gibts ein elternetzwerk in nrw")
    assert partner.description in text


def test_general_question_naming_a_partner_is_answered_about_the_partner(directory) -> None:
    lir = directory.find_partner("Landesintegrationsrat")
    text, events = run(AnswerAs("ask_general_info"), text="Was macht Landesintegrationsrat Nordrhein-Westfalen?",
                       intent="ask_general_info", entities=partner_entities(lir.id))
    assert lir.description in text and SlotSet("partner", lir.id) in events
    text, _ = run(AnswerAs("ask_general_info"), text="Wie viele Migranten leben in NRW?", intent="ask_general_info")
    assert directory.knowledge.general.facts[0] in text


def test_a_topic_word_inside_a_partner_name_is_not_a_topic(directory) -> None:
    """'Integrationsforschung' in 'Zentrum für Türkeistudien und Integrationsforschung' is part of the name."""
    zfti = directory.find_partner("ZfTI")
    assert directory.topics_in(zfti.name), "the name contains a topic word, else this test proves nothing"
    for entities in ([], partner_entities(zfti.id)):
        text, events = run(AnswerAs("ask_target_group_help"), text=f"Was macht {zfti.name}?", entities=entities)
        assert zfti.description in text and SlotSet("partner", zfti.id) in events
        assert not any(p.display_name in text for p in directory.partners if p is not zfti)


def test_figure_question_about_a_group_quotes_the_sentence_with_its_number(directory) -> None:
    """"Wie viele Muslime …?": the page's sentence with that group's number, and its partner."""
    group = directory.find_target_group("Muslime")
    partner, sentence = next((p, s) for p in directory.for_target_group(group.id) for s in p.quoted_sentences
                             if re.search(r"\d", s))
    text, _ = run(AnswerAs("ask_general_info"), text=f"Wie viele {group.words[0]} gibt es in NRW?",
                  entities=[entity("target_group", group.id)])
    assert partner.display_name in text and sentence in text


def test_where_was_that_after_a_founding_quotes_the_place_of_the_founding(directory) -> None:
    """"In welcher Stadt war das?" asks about the past: the dated sentence with its place,
    not today's address; "Wo sitzen die?" asks for today's place."""
    partner = next(p for p in directory.partners if p.places and any(
        re.search(r"\b(1[89]|20)\d\d\b", s) and re.search(r" in [A-ZÄÖÜ]", s) for s in p.quoted_sentences))
    founding = next(s for s in partner.quoted_sentences if re.search(r" in [A-ZÄÖÜ]", s))
    text, _ = run(AnswerAs("ask_partner_location"), text="und in welcher Stadt war das?", slots={"partner": partner.id})
    assert founding in text
    text, _ = run(AnswerAs("ask_partner_location"), text="Wo sitzen die?", slots={"partner": partner.id})
    assert founding not in text and partner.cities[0] in text


def test_city_follow_up_after_a_choice_answers_for_the_offered_partners(directory) -> None:
    offered = [p for p in directory.partners if len(p.cities) > 1][:1] + [directory.partners[0]]
    text, _ = run(AnswerAs("follow_up"), text="und in Hagen?", entities=[entity("city", "Hagen")],
                  slots={"listed_partners": [p.id for p in offered], "last_asked": "help"})
    assert all(p.display_name in text for p in offered) and "Hagen" in text


def test_misspelt_contact_word_is_understood_in_a_contact_question(directory) -> None:
    kfi = directory.find_partner("KfI")
    text, _ = run(AnswerAs("ask_partner_contact"), text="kfi emial adresse", intent="ask_partner_contact",
                  entities=partner_entities(kfi.id))
    assert kfi.contact_items("email")[0].value in text
    assert kfi.contact_items("phone")[0].value not in text  # the field asked for, not the whole card


def test_a_lone_city_after_an_answer_is_a_follow_up_even_if_taken_as_out_of_scope(directory) -> None:
    adb = max(directory.partners, key=lambda p: len(p.cities))
    text, _ = run(AnswerAs("out_of_scope"), text="und in Bielefeld?", intent="out_of_scope",
                  entities=[entity("city", "Bielefeld")], slots={"partner": adb.id, "last_asked": "location"})
    assert "Bielefeld" in text and all(c in text for c in adb.cities)
    # Without an answer before it, or with more than a city, it stays out of scope.
    for text_, slots in (("und in Bielefeld?", {}), ("Wie wird das Wetter in Bielefeld?", {"partner": adb.id,
                                                                                          "last_asked": "location"})):
        messages, _ = run_messages(AnswerAs("out_of_scope"), text=text_, intent="out_of_scope",
                                   entities=[entity("city", "Bielefeld")], slots=slots)
        assert [m.get("response") for m in messages] == ["utter_out_of_scope"]


def test_a_bare_misspelt_name_taken_as_out_of_scope_is_answered(directory) -> None:
    partner = directory.find_partner("Landesinitiative Jungenarbeit")
    text, _ = run(AnswerAs("out_of_scope"), text="landesinitiative jungenarbait", intent="out_of_scope")
    assert partner.description in text
    # A misspelt name inside another question is still no reason to leave out of scope.
    messages, _ = run_messages(AnswerAs("out_of_scope"), intent="out_of_scope",
                               text="Wie wird das Wetter bei der landesinitiative jungenarbait morgen?")
    assert [m.get("response") for m in messages] == ["utter_out_of_scope"]


def test_a_contact_value_names_its_source_with_the_line_the_page_prints(directory) -> None:
    """"Tel. KfI?": the number to dial, then the source with the page's own line ("Tel.: …")."""
    partner = next(p for p in directory.partners if any(i.page for i in p.contact_items("phone")))
    (item,) = partner.contact_items("phone")
    text, _ = run(AnswerAs("ask_partner_contact"), entities=partner_entities(partner.id, entity("contact_attribute", "phone")))
    lines = text.splitlines()
    assert item.value in lines[1] and item.page in lines[-1] and partner.source in lines[-1], text
    # A value without a printed line has no such source line.
    plain = next(p for p in directory.partners if p.contact_items("fax") and not any(i.page for i in p.contact_items("fax")))
    text, _ = run(AnswerAs("ask_partner_contact"), entities=partner_entities(plain.id, entity("contact_attribute", "fax")))
    assert plain.source not in text


def test_a_city_without_an_office_quotes_where_the_page_sends_the_reader(directory) -> None:
    """"wo finde ich die JMD in Bochum?": none listed there, and the page's "Kontaktdaten,
    Öffnungszeiten und Angebote finden sich unter www…" with the web addresses."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text="wo finde ich die Jugendmigrationsdienste in Bochum?", intent="ask_partner_location",
                           entities=[entity("partner", "jmd"), entity("city", "Bochum")])
    asyncio.run(actions.ActionAnswer().run(dispatcher, tracker, {}))
    text = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "Bochum" in text and "„Kontaktdaten, Öffnungszeiten und Angebote finden sich unter" in text
    assert "www.jmd-onlineberatung.de" in text
