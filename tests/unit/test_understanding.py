"""The one place that understands a message: fact search, memory, what is asked.

Expected answers are read from the knowledge file (which sentence carries a year, which
partners a list shows), so the tests check the mechanism, not typed-in facts.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from typing import Any, Dict, List, Optional, Tuple

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions
from actions.fact_index import ANSWER_EVIDENCE, FactIndex, is_concept
from actions.knowledge import QuotedList, Situation, Vocabulary
from actions.situations import Situations
from actions.spelling import fold
from actions.memory import SUBJECT_SLOT, Memory
from actions.router import Router
from actions.answers import Answers
from actions.cues import COMMON_WORD_SHARE, has_pointer, ordinal_in, question_last, relative_where
from actions.question import Asked, Question
from actions.wording import NUMBER_WORDS
from tests.support.fixtures import ask, entity, make_tracker

WORDING = actions.WORDING


@pytest.fixture(scope="module")
def index(knowledge) -> FactIndex:
    return FactIndex(knowledge, WORDING)


def converse(turns: List[Tuple[str, str, List[Dict[str, Any]]]]) -> List[Tuple[str, Dict[str, Any]]]:
    """Play (text, intent, entities) turns through action_answer, carrying the slots as Rasa does."""
    slots: Dict[str, Any] = {}
    results = []
    for text, intent, entities in turns:
        dispatcher = CollectingDispatcher()
        tracker = make_tracker(text=text, intent=intent, entities=entities, slots=dict(slots))
        events = asyncio.run(actions.ActionAnswer().run(dispatcher, tracker, {}))
        for event in events:
            slots[event["name"]] = event["value"]
        results.append(("\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages), dict(slots)))
    return results


# --- fact index -----------------------------------------------------------------------

def test_every_quoted_sentence_is_found_by_its_own_words(knowledge, index: FactIndex) -> None:
    """Lemmas, compounds and concepts are built the same way for questions and sentences."""
    for partner in knowledge.partners:
        for sentence in partner.quoted_sentences:
            hit = index.best(WORDING.terms(sentence), [partner.id])
            assert hit is not None and hit.sentence.text == sentence, (partner.id, sentence)


def test_who_is_the_sentence_that_shares_more_words_not_one_that_names_a_ministry(index: FactIndex) -> None:
    """"Wer hat 2016 übernommen?" of the IntMK: "Zum 1. Oktober 2016 hat Baden-Württemberg … den Vorsitz
    … übernommen" (a state, which the person evidence does not list), not "Informationen zur IntMK
    2015/2016 … Ministeriums …", which shares only "2016"."""
    hit = index.best(WORDING.terms("Wer hat 2016 übernommen?"), ["intmk"], "person")
    assert hit is not None and "Baden-Württemberg" in hit.sentence.text
    # "Vorsitz" is a word of a synonym group (fact_words): it counts as a word shared all the same
    # ("Wer leitete 2016 den Vorsitz?").
    hit = index.best(WORDING.terms("Wer leitete 2016 den Vorsitz?"), ["intmk"], "person")
    assert hit is not None and "Baden-Württemberg" in hit.sentence.text


def test_a_bare_question_word_finds_the_subjects_sentence_of_that_type(knowledge, index: FactIndex) -> None:
    """"seit wann?" about a partner: its first sentence with a year or date."""
    for partner in knowledge.partners:
        dated = [s for s in partner.quoted_sentences if ANSWER_EVIDENCE["date"].search(s)]
        hit = index.best([], [partner.id], "date")
        if dated:
            assert hit is not None and hit.sentence.text == dated[0], partner.id
        else:
            assert hit is None, partner.id


def test_a_word_the_page_uses_but_not_for_this_partner_finds_nothing(knowledge, index: FactIndex) -> None:
    """"Mitglieder?" where the page names members only for other partners: not stated."""
    word = "Mitglieder"
    without = [p for p in knowledge.partners if not any("Mitglied" in s for s in p.quoted_sentences)]
    assert without and any("Mitglied" in s for p in knowledge.partners for s in p.quoted_sentences)
    for partner in without:
        assert index.best(WORDING.terms(word), [partner.id], "number") is None, partner.id


def test_synonyms_from_the_knowledge_file_count_as_one_concept(knowledge, index: FactIndex) -> None:
    group = next(g for g in knowledge.fact_words if len([w for w in g.words if " " not in w and "-" not in w]) > 2)
    words = [w for w in group.words if " " not in w and "-" not in w]
    assert len(set(index.known([WORDING.lemma(w) for w in words]))) == 1


def test_a_word_misspelt_on_the_page_is_found_by_its_right_spelling(knowledge) -> None:
    """The page has typos ("Diskriminieung"): the rightly spelt question word finds the sentence."""
    partner = knowledge.partners[0]
    sentence = partner.quoted_sentences[-1]
    word = max(WORDING.words(sentence), key=len)
    assert len(word) >= 10, word
    misspelt = word[:-3] + word[-2:]  # one letter left out near the end
    changed = dataclasses.replace(partner, facts=(*partner.facts, sentence.replace(word, misspelt)))
    index = FactIndex(dataclasses.replace(knowledge, partners=(changed, *knowledge.partners[1:])), WORDING)
    hit = index.best([WORDING.lemma(word)], [partner.id])
    assert hit is not None and misspelt in " ".join([hit.sentence.text, hit.also.text if hit.also else ""])


def test_an_inflected_twin_is_no_typo(index: FactIndex) -> None:
    """"integration" and "integrations" are one word with a suffix, not a misspelling."""
    word = next(w for w in index._words if len(w) >= 10 and w + "s" not in index._words)
    assert all(not (t.startswith(word) and t != word) for t in index.expand([word]))


def test_a_verb_split_around_the_clause_is_one_term() -> None:
    """German separable verbs: "setzen die sich … ein" is "einsetzen", also in the page's text."""
    assert "einsetzen" in WORDING.terms("Für wen setzen die sich ein?")
    assert "zusammensetzen" in WORDING.terms("Er setzt sich aus 15 Mitgliedern zusammen, die …")
    assert "anbieten" in WORDING.terms("Was bieten die an?")
    assert WORDING.separable_verbs("Wo ist das Büro?") == []
    assert WORDING.separable_verbs("Wer nimmt die auf und verteilt sie?") == ["aufnehmen"]


def test_lemmas_reach_words_typed_without_umlauts() -> None:
    assert WORDING.lemma("beraet") == WORDING.lemma("berät") == WORDING.lemma("beraten")
    assert WORDING.lemma("mitgliedern") == WORDING.lemma("Mitglieder")


def test_an_organisation_is_a_whole_word_not_the_start_of_one() -> None:
    """"Schulentwicklung" names no organisation; "an den Schulen" does."""
    assert ANSWER_EVIDENCE["organisation"].search("im Prozess einer interkulturellen Schulentwicklung") is None
    assert ANSWER_EVIDENCE["organisation"].search("in den Schulen in NRW") is not None


def test_a_stop_word_is_no_term_even_when_its_lemma_is_none() -> None:
    """"welchem" is a stop word; its lemma "welch" is not: neither selects a fact. Number words
    are the exception: "vier" is the number 4."""
    words = [w for w in WORDING.stop_words if w not in NUMBER_WORDS]
    assert all(WORDING.terms(word) == [] for word in words), \
        [(w, WORDING.terms(w)) for w in words if WORDING.terms(w)][:5]


def test_inflected_participles_and_compounds_meet_their_lemma() -> None:
    """The table's lemma of "geförderten" is an adjective whose own lemma leads to the verb;
    an inflected compound the table does not know takes its last part's lemma; a chain that
    runs in a circle keeps the first lemma."""
    assert WORDING.lemma("geförderten") == WORDING.lemma("gefördert") == WORDING.lemma("fördern")
    assert WORDING.lemma("Landesmitteln") == WORDING.lemma("Landesmittel")
    assert WORDING.lemma("Jugendmigrationsdiensten") == WORDING.lemma("Jugendmigrationsdienst")
    circle = next((k, v) for k, v in WORDING._lemmas.items() if WORDING._lemmas.get(v) not in (None, v)
                  and WORDING._lemmas.get(WORDING._lemmas[v]) == v)
    assert WORDING._settled(circle[1]) == circle[1]


def test_an_inflected_isch_adjective_is_no_compound() -> None:
    """"türkischen" is "türkisch", not "Türki|schen": the cut parts made "deutsch-türkischen
    Beziehungen" meet the question better than "nicht nur mit Blick auf die deutsch-türkische Migration"."""
    assert WORDING.parts("türkischen") == () and WORDING.parts("europäischen") == ()
    assert WORDING.terms("zur deutsch-türkischen Migration") == WORDING.terms("die deutsch-türkische Migration")
    assert WORDING.parts("Integrationsforschung") == ("integration", "forschung")


def test_a_compound_typed_without_umlauts_is_split_as_with_them() -> None:
    """The understanding folds the message ("integrationsraete"); the page is split with its
    umlauts. Both must give the same terms, and the surer of the two splits counts."""
    assert WORDING.terms("integrationsraete") == WORDING.terms("Integrationsräte")
    assert WORDING.terms("antidiskriminierungsbueros") == WORDING.terms("Antidiskriminierungsbüros")
    assert WORDING.parts("auslaender") == WORDING.parts("Ausländer")


# --- memory ---------------------------------------------------------------------------

def test_memory_keeps_partners_in_order_and_resolves_ordinals() -> None:
    memory = Memory(subject="b", mentioned=["a", "b"], listed=["x", "y", "z"])
    assert memory.ordinal(0) == "x" and memory.ordinal(1) == "y" and memory.ordinal(-1) == "z"
    assert memory.earlier() == "a"
    events = {e["name"]: e["value"] for e in memory.events(["a"], Asked.FACT.value)}
    assert events["mentioned_partners"] == ["b", "a"] and events["partner"] == "a"
    assert Memory(mentioned=["a", "b"]).ordinal(0) == "a"  # without a list: the order they came up


# --- conversations through action_answer -------------------------------------------------

def test_the_first_and_second_of_a_list_and_a_fact_about_each(directory) -> None:
    group = next(g for g in directory.knowledge.target_groups if len(directory.for_target_group(g.id)) == 2)
    first, second = directory.for_target_group(group.id)
    (listed, _), (about_first, slots), (about_second, _) = converse([
        (f"Wer hilft {group.words[0]}?", "ask_target_group_help", [entity("target_group", group.id)]),
        ("und die erste?", "follow_up", []),
        ("und die zweite?", "follow_up", []),
    ])
    assert first.display_name in listed and second.display_name in listed
    assert first.description in about_first and second.description not in about_first
    assert second.description in about_second
    assert slots["listed_partners"] == [first.id, second.id]
    # "Zweitgenannter?" counts like "der zweite".
    about_second_named = converse([
        (f"Wer hilft {group.words[0]}?", "ask_target_group_help", [entity("target_group", group.id)]),
        ("Zweitgenannter?", "follow_up", []),
    ])[-1][0]
    assert second.description in about_second_named and first.description not in about_second_named


def test_coming_back_to_the_partner_of_before(directory) -> None:
    kfi, lir = directory.find_partner("KfI"), directory.find_partner("Landesintegrationsrat")
    turns = converse([
        ("Was macht das KfI?", "ask_partner_info", [entity("partner", kfi.id)]),
        ("Was macht der Landesintegrationsrat?", "ask_partner_info", [entity("partner", lir.id)]),
        ("nochmal zu dem von vorhin: die Telefonnummer?", "ask_partner_contact", [entity("contact_attribute", "phone")]),
    ])
    assert kfi.contact_items("phone")[0].value in turns[-1][0]
    assert lir.contact_items("phone")[0].value not in turns[-1][0]


def test_an_elliptic_fact_question_about_the_subject_quotes_its_sentence(directory) -> None:
    partner = next(p for p in directory.partners if any("Mitglied" in s for s in p.quoted_sentences))
    sentence = next(s for s in partner.quoted_sentences if "Mitglied" in s)
    turns = converse([
        (f"Was ist {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        ("Mitglieder?", "out_of_scope", []),
    ])
    assert sentence in turns[-1][0] and partner.display_name in turns[-1][0]
    assert "Quelle:" in turns[-1][0] and partner.source in turns[-1][0]


def test_a_fact_the_page_does_not_state_is_said_honestly(directory) -> None:
    partner = next(p for p in directory.partners
                   if not any(ANSWER_EVIDENCE["date"].search(s) for s in p.quoted_sentences))
    text = converse([(f"Seit wann gibt es {partner.name}?", "ask_partner_info", [entity("partner", partner.id)])])[0][0]
    assert "nicht in meinen Unterlagen" in text and partner.description in text


def test_a_group_the_subject_does_not_serve_starts_a_new_subject(directory) -> None:
    parents = directory.find_target_group("Eltern")
    fathers = directory.find_target_group("Väter")
    subject = directory.for_target_group(parents.id)[0]
    helper = directory.for_target_group(fathers.id)[0]
    assert fathers.id not in subject.target_groups
    turns = converse([
        (f"Was macht {subject.name}?", "ask_partner_info", [entity("partner", subject.id)]),
        ("Und für Väter gibt es auch was?", "follow_up", [entity("target_group", fathers.id)]),
    ])
    assert helper.display_name in turns[-1][0]


def test_greeting_with_a_question_answers_the_question(directory) -> None:
    kfi = directory.find_partner("KfI")
    text = converse([("Hallo, wo ist das KfI?", "greet", [entity("partner", kfi.id)])])[0][0]
    assert text.startswith("Hallo") and kfi.places[0].address in text
    assert converse([("Hallo!", "greet", [])])[0][0] == "utter_greet"
    assert converse([("vielen Dank, das hat geholfen", "thank", [])])[0][0] == "utter_you_are_welcome"


def test_a_contact_word_about_the_subject_is_no_question_about_the_bot(directory) -> None:
    """"Wo kann ich mich genauer informieren?" sounds like "was kannst du?": the subject's web address."""
    partner = next(p for p in directory.knowledge.partners if p.contact.get("web"))
    turns = converse([(f"Was ist {partner.display_name}?", "ask_partner_info", [entity("partner", partner.id)]),
                      ("Wo kann ich mich genauer informieren?", "ask_capabilities", [entity("contact_attribute", "web")])])
    assert partner.contact["web"][0].value in turns[-1][0]


def test_the_source_names_the_page_site_and_date_of_the_copy(knowledge) -> None:
    text = converse([("Woher stammen deine Infos? Ist das offiziell?", "ask_capabilities", [])])[0][0]
    assert knowledge.source_site in text and knowledge.source_copied in text
    assert knowledge.source_title.split(": ")[-1] in text


def test_a_weak_match_does_not_overrule_out_of_scope() -> None:
    for text in ("Wie viel Bürgergeld steht mir als Alleinstehender zu?", "Wie wird das Wetter in Köln?"):
        assert converse([(text, "out_of_scope", [])])[0][0] == "utter_out_of_scope", text


def test_a_page_fact_without_a_partner_overrules_out_of_scope(knowledge) -> None:
    sentence = next(s for p in knowledge.partners for s in p.quoted_sentences if "Wahlrecht" in s)
    text = converse([("Dürfen EU-Bürger bei der Kommunalwahl wählen?", "out_of_scope", [])])[0][0]
    assert sentence in text


def test_year_evidence_is_a_year_not_a_digit_inside_a_name() -> None:
    assert not ANSWER_EVIDENCE["number"].search("JMD4YOU")
    assert not ANSWER_EVIDENCE["number"].search("rund 31 Prozent")
    assert ANSWER_EVIDENCE["share"].search("rund 31 Prozent")
    assert re.search(ANSWER_EVIDENCE["date"], "am 26.10.1996 in Oberhausen")


def test_a_word_the_whole_page_uses_names_no_partner(directory) -> None:
    """"werden die vom Land bezahlt?" is about the subject, though "Land" is part of a name
    ("Deutsch|land"): words in many of the page's sentences name no one."""
    understanding = actions.UNDERSTANDING.get(directory)
    common = understanding.index.common(0.12)
    for partner_id, terms in understanding._name_terms.items():
        assert not terms & common, partner_id
    assert understanding._name_terms[directory.partners[0].id], "names keep their own words"


def test_another_question_drops_the_subject(directory) -> None:
    """"andere Frage: …" does not resolve "die" or an elliptic question to the last subject."""
    subject = directory.find_partner("KfI")
    other_ids = [p.id for p in directory.partners if p.id != subject.id]
    turns = converse([
        (f"Was macht {subject.name}?", "ask_partner_info", [entity("partner", subject.id)]),
        ("und die Telefonnummer?", "ask_partner_contact", [entity("contact_attribute", "phone")]),
        ("andere Frage: die Telefonnummer?", "ask_partner_contact", [entity("contact_attribute", "phone")]),
    ])
    assert subject.contact_items("phone")[0].value in turns[1][0]
    assert subject.contact_items("phone")[0].value not in turns[2][0]
    assert other_ids  # the bot asks which partner instead
    assert "Zu welcher Stelle" in turns[2][0]


def test_an_ordinal_past_the_list_asks_which_of_those_named(directory) -> None:
    """"und der dritte?" after a list of two: the two named, not the out-of-scope reply, and
    the list stays for "der erste"."""
    group, listed = next((g, ps) for g in directory.knowledge.target_groups
                         if len(ps := directory.for_target_group(g.id)) == 2)
    turns = converse([
        (f"Wer hilft {group.words[0]}?", "ask_target_group_help", [entity("target_group", group.id)]),
        ("und der dritte?", "follow_up", []),
        ("der erste?", "follow_up", []),
    ])
    assert all(p.display_name in turns[1][0] for p in listed)
    assert listed[0].display_name in turns[2][0] and listed[1].display_name not in turns[2][0]


def test_an_age_stated_asks_for_the_age_limit(directory, index: FactIndex) -> None:
    """"mein Bruder ist 29, kann der auch hin?" about a partner with an age limit: its sentence
    with the age, not the out-of-scope reply."""
    age = WORDING.lemma("Alter")
    partner, sentence = next((p, s) for p in directory.partners for s in p.quoted_sentences
                             if age in WORDING.terms(s) and re.search(r"\d", s))
    turns = converse([
        (f"Was macht {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        ("mein Bruder ist 29, kann der auch hin?", "out_of_scope", []),
    ])
    assert sentence in turns[-1][0]


def test_a_relative_pronoun_points_back_to_nothing() -> None:
    """"gibt es ein Gremium, das sich um … kümmert?" names what it asks for; "machen die das
    auch?" and "gibt es das auch in …" point back."""
    assert not has_pointer("gibt es ein gremium das sich um spaetaussiedler kuemmert".split())
    # So does a noun asked for without an article: "gibt es Fachstellen, die sich … engagieren?".
    assert not has_pointer("gibt es fachstellen die sich gegen rassismus engagieren".split())
    assert has_pointer("machen die auch beratung".split())
    assert has_pointer("gibt es das auch in koeln".split())
    # "dafür" that announces a "dass" clause points to the clause, not back.
    assert not has_pointer("wer setzt sich dafuer ein, dass migranten mitreden".split())
    assert has_pointer("wer bezahlt dafuer".split())
    # "irgendwas, das sich um Jungs kümmert": after a thing, "das" opens a relative clause too;
    # "weißt du, was die machen?" still points back.
    assert not has_pointer("gibt es irgendwas das sich speziell um jungs kuemmert".split())
    assert has_pointer("weisst du was die auch anbieten".split())


def test_a_new_topic_phrase_at_the_end_keeps_the_subject(directory) -> None:
    """"machen die auch noch was anderes?" asks about the subject; only a message that opens
    with the phrase ("andere Frage: …") drops it."""
    subject = directory.find_partner("KfI")
    phrase = next(w for v in directory.knowledge.intent_words if v.id == "new_topic" for w in v.words
                  if len(w.split()) > 1)
    turns = converse([
        (f"Was macht {subject.name}?", "ask_partner_info", [entity("partner", subject.id)]),
        (f"und die Telefonnummer, oder {phrase}?", "ask_partner_contact", [entity("contact_attribute", "phone")]),
    ])
    assert subject.contact_items("phone")[0].value in turns[1][0]


def test_a_yes_no_question_about_oneself_gets_the_fact_not_who_helps(knowledge) -> None:
    """"Hab ich als Spätaussiedler sofort das volle Wahlrecht?" is about oneself, but asks
    for the sentence that decides it; a story of one's situation still asks who helps."""
    sentence = next(s for p in knowledge.partners for s in p.quoted_sentences
                    if "politische Rechte" in s and "Spätaussiedler" in s)
    group = next(g for g in knowledge.target_groups if "Spätaussiedler" in g.words)
    text = converse([("Hab ich als Spätaussiedler sofort volle politische Rechte?", "ask_target_group_help",
                      [entity("target_group", group.id)])])[0][0]
    assert sentence in text
    story = converse([("Ich bin Spätaussiedler und neu in NRW.", "ask_target_group_help",
                       [entity("target_group", group.id)])])[0][0]
    assert sentence not in story


def test_a_word_of_the_subjects_name_with_a_contact_field_is_answered_even_when_the_nlu_is_unsure(directory) -> None:
    """"in welcher Straße ist das Kompetenzzentrum?" after two partners: the classifier is
    unsure (nlu_fallback), but a word of one name and a contact field make it clear."""
    kfi, lir = directory.find_partner("KfI"), directory.find_partner("Landesintegrationsrat")
    head = next(t for t in sorted(actions.UNDERSTANDING.get(directory)._name_terms[kfi.id])
                if t not in actions.UNDERSTANDING.get(directory)._name_terms[lir.id] and len(t) > 8)
    turns = converse([
        ("Was macht das KfI?", "ask_partner_info", [entity("partner", kfi.id)]),
        ("Was macht der Landesintegrationsrat?", "ask_partner_info", [entity("partner", lir.id)]),
        (f"in welcher Straße ist das {head}?", "nlu_fallback", [entity("contact_attribute", "address")]),
    ])
    assert kfi.places[0].address in turns[-1][0]


def test_a_word_of_the_subjects_name_and_a_city_asks_where_it_is(directory) -> None:
    """"Gibt es so ein Büro auch in <Stadt>?" about the subject: a word of its name points
    back to it, so the city asks for its places there, not for a sentence with that word."""
    understanding = actions.UNDERSTANDING.get(directory)
    def whole_words(partner):
        return {WORDING.lemma(w) for name in partner.names for w in WORDING.words(name)}

    # A part of a compound in the name ("…|büro"), not a name of its own.
    partner, place, word = next((p, pl, t) for p in directory.partners if len(p.places) > 1
                                for pl in p.places[1:] for t in sorted(understanding._name_terms[p.id])
                                if pl.city and len(t) > 3 and t not in whole_words(p))
    turns = converse([
        (f"Was macht {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        (f"Habt ihr so ein {word} auch in {place.city}?", "ask_partner_location", [entity("city", place.city)]),
    ])
    first_line = turns[-1][0].splitlines()[0]
    assert place.city in first_line and "„" not in first_line, turns[-1][0]  # the places, not a fact quote


def test_a_word_only_one_sentence_has_names_that_sentence_in_a_conversation(directory, index: FactIndex) -> None:
    """"da steht was von <Wort>, was ist das?" about another partner than the subject: a word
    that only one sentence of the page has is enough to quote that sentence."""
    subject = directory.partners[0]
    # Not a word of the partner's name ("miteinander" of "Integration miteinander e.V."): that names the partner.
    word, sentence = next((w, s) for p in directory.partners[1:] for s in p.quoted_sentences
                          for w in WORDING.words(s) if len(w) > 5 and w not in p.name
                          and len(known := index.known(WORDING.terms(w))) == 1 and index.sentences_with(known[0]) == 1)
    turns = converse([
        (f"Was macht {subject.name}?", "ask_partner_info", [entity("partner", subject.id)]),
        (f"was hat es mit {word} auf sich?", "ask_partner_info", []),
    ])
    assert sentence in turns[-1][0], (word, turns[-1][0])


def _page_sentences(directory) -> List[str]:
    """Every sentence the knowledge file quotes: the partners' and the introduction's."""
    return [*(s for p in directory.partners for s in p.quoted_sentences), *directory.knowledge.general.facts]


def test_one_or_two_words_stay_with_the_subject(directory, index: FactIndex) -> None:
    """"Öffnungszeiten?" about a partner whose sentences do not say it: the page says nothing
    of the subject, even when another partner's sentence has that (compound) word."""
    understanding = actions.UNDERSTANDING.get(directory)
    word, owner = next((w, p) for p in directory.partners for s in p.quoted_sentences for w in WORDING.words(s)
                       if len(w) > 9 and WORDING.parts(w) and all(t in WORDING.terms(s) for t in WORDING.terms(w))
                       and sum(WORDING.lemma(w) in WORDING.terms(x) for x in _page_sentences(directory)) == 1)
    assert understanding._distinct_words(tuple(WORDING.terms(word))) == 1
    subject = next(p for p in directory.partners if p.id != owner.id)
    turns = converse([
        (f"Was macht {subject.name}?", "ask_partner_info", [entity("partner", subject.id)]),
        (f"{word}?", "out_of_scope", []),
    ])
    assert owner.display_name not in turns[-1][0] and subject.display_name in turns[-1][0]


def test_a_what_question_that_sounds_like_contact_asks_for_a_fact(directory, index: FactIndex) -> None:
    """"Was wollen die erreichen?" is classified like "Wie erreiche ich die?"; "was" and a
    fact word of the subject's sentences make it a fact question, not the contact card."""
    partner, word, sentence = next((p, w, s) for p in directory.partners for s in p.quoted_sentences
                                   for w in WORDING.words(s) if len(w) > 6 and index.known(WORDING.terms(w))
                                   and index.best(WORDING.terms(w), [p.id]).sentence.text == s)
    turns = converse([
        (f"Was macht {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        (f"was {word} die", "ask_partner_contact", []),
    ])
    assert sentence in turns[-1][0]
    # "und was wollen die damit erreichen?": the question opens with "was" after "und"; the
    # subject's sentence of its aims says no word of the message ("Ziel", not "erreichen").
    partner = next(p for p in directory.partners if not any("erreich" in s for s in p.quoted_sentences)
                   and (hit := index.best(WORDING.terms("erreichen"), [p.id])) is not None and hit.matched)
    reply = converse([
        (f"Was macht {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        ("und was wollen die damit erreichen?", "ask_partner_contact", []),
    ])[-1][0]
    assert index.best(WORDING.terms("erreichen"), [partner.id]).sentence.text in reply, reply


def test_where_a_partner_sits_is_quoted_from_the_page(directory) -> None:
    """The location answer quotes the partner's sentence that names its city, with the source."""
    partner, sentence = next((p, s) for p in directory.partners for s in p.quoted_sentences
                             if p.cities and any(c in s for c in p.cities))
    text = converse([(f"Wo sitzt {partner.name}?", "ask_partner_location", [entity("partner", partner.id)])])[0][0]
    assert f"„{sentence}“" in text and partner.source in text


def test_the_one_partner_for_a_group_is_shown_in_the_pages_words(directory) -> None:
    """Who helps a group that one partner serves: the page's description of it, not only our summary."""
    group, partner = next((g, ps[0]) for g in directory.knowledge.target_groups
                          if len(ps := directory.for_target_group(g.id)) == 1 and ps[0].description)
    text = converse([(f"Wer hilft {group.words[0]} in dieser Lage bei solchen Fragen?", "ask_target_group_help",
                      [entity("target_group", group.id)])])[0][0]
    assert partner.description in text


def test_topics_the_nlu_missed_are_added_from_the_text(directory) -> None:
    """The NLU found one topic; a word of another topic in the same message counts too."""
    first, second = directory.knowledge.topics[0], directory.knowledge.topics[1]
    word = next(w for w in second.words if " " not in w and len(w) > 5)
    tracker = make_tracker(text=f"Ich suche etwas zu {first.words[0]} und zu {word}", intent="ask_target_group_help",
                           entities=[entity("topic", first.id)])
    question = actions.UNDERSTANDING.get(directory).read(tracker, Memory())
    assert [t.id for t in question.topics][:2] == [first.id, second.id]


def test_also_a_word_of_another_name_is_the_partner_beside_the_subject(directory) -> None:
    """"und gibt es auch einen Verband?" after one partner for a group: the other partner for
    that group whose name has the word, not the subject again."""
    understanding = actions.UNDERSTANDING.get(directory)
    names = understanding._name_terms

    def beside(subject, term):
        return [p for p in directory.partners if p.id != subject.id and term in names[p.id]
                and set(p.target_groups) & set(subject.target_groups)]

    subject, other, word = next((s, p, t) for s in directory.partners for p in directory.partners
                                for t in sorted(names[p.id] - names[s.id])
                                if len(t) > 4 and beside(s, t) == [p]
                                and not all(is_concept(k) for k in understanding.index.known([t]) or [t]))
    turns = converse([
        (f"Was macht {subject.name}?", "ask_partner_info", [entity("partner", subject.id)]),
        (f"und gibt es auch {word}?", "follow_up", []),
    ])
    assert other.display_name in turns[-1][0] and subject.display_name not in turns[-1][0]


def test_a_sentence_that_opens_with_a_pronoun_is_quoted_with_the_one_before(knowledge, index: FactIndex) -> None:
    """"Sie selbst sehen sich … konfrontiert." answers a question that names whom "Sie" means
    (a word of the sentence before), and the answer quotes that sentence first."""
    pairs = [(p, before, after) for p in knowledge.partners
             for before, after in zip(p.quoted_sentences, p.quoted_sentences[1:])
             if re.match(r"(Sie|Er|Es)\b", after)]
    assert pairs, "the fixture page has a sentence that opens with a pronoun"
    partner, before, after = pairs[0]
    own = [t for t in WORDING.terms(after) if t not in WORDING.terms(before)]
    hit = index.best(own, [partner.id])
    assert hit is not None and hit.sentence.text == after and hit.context and hit.context[-1].text == before


def test_only_changed_slots_are_set() -> None:
    """Every event is stored and read back on each later message: unchanged values are not re-set."""
    memory = Memory(subject="a", mentioned=["b", "a"], last_asked=Asked.FACT.value, last_fields=[])
    names = {e["name"] for e in memory.events(["a"], Asked.FACT.value)}
    assert names == set()  # same subject, same question kind: nothing changes
    changed = {e["name"]: e["value"] for e in memory.events(["b"], Asked.FIELDS.value, ["phone"])}
    assert changed == {"mentioned_partners": ["a", "b"], "last_asked": "fields", "last_fields": ["phone"],
                       "partner": "b"}


def test_who_helps_with_more_asked_lists_them_and_quotes_the_sentence_that_says_it(directory, index) -> None:
    """"wer nimmt die auf und verteilt die?" about a group with several partners: the list,
    and the one sentence of them that says it (two words of its own beyond the group's)."""
    vocabulary = {t for v in (*directory.knowledge.target_groups, *directory.knowledge.topics) for w in v.words
                  for t in WORDING.terms(w)}
    for group in directory.knowledge.target_groups:
        partners = directory.for_target_group(group.id)
        if len(partners) < 2:
            continue
        for sentence in partners[0].quoted_sentences:
            own = [w for w in WORDING.words(sentence) if len(w) > 8 and WORDING.lemma(w) not in vocabulary
                   and sum(WORDING.lemma(w) in WORDING.terms(s) for s in _page_sentences(directory)) == 1]
            if len(own) >= 2:
                text = converse([(f"Eine Frage zu {group.words[0]} in Nordrhein-Westfalen: wer macht {own[0]} "
                                  f"und {own[1]}?", "ask_target_group_help",
                                  [entity("target_group", group.id)])])[0][0]
                assert all(p.display_name in text for p in partners) and sentence in text
                return
    pytest.fail("no group with a sentence of two words of its own in the fixture")


def test_und_and_another_name_asks_the_last_fact_question_of_that_partner(directory, index) -> None:
    dated = [p for p in directory.partners if any(ANSWER_EVIDENCE["date"].search(s) for s in p.quoted_sentences)]
    undated = next(p for p in directory.partners
                   if not any(ANSWER_EVIDENCE["date"].search(s) for s in p.quoted_sentences))
    first, second = dated[0], dated[1]
    expected = index.best([], [second.id], "date")
    turns = converse([
        (f"Seit wann gibt es {first.name}?", "ask_partner_info", [entity("partner", first.id)]),
        (f"und {second.name}?", "follow_up", [entity("partner", second.id)]),
        (f"und {undated.name}?", "follow_up", [entity("partner", undated.id)]),
    ])
    assert expected is not None and expected.sentence.text in turns[1][0]
    assert second.description not in turns[1][0]  # the date asked for, not what the partner is
    assert "nicht in meinen Unterlagen" in turns[2][0] and undated.display_name in turns[2][0]


def test_und_and_another_name_asks_the_last_contact_field_of_that_partner(directory) -> None:
    kfi, lir = directory.find_partner("KfI"), directory.find_partner("Landesintegrationsrat")
    turns = converse([
        ("Fax KfI", "ask_partner_contact", [entity("partner", kfi.id), entity("contact_attribute", "fax")]),
        ("und vom Landesintegrationsrat?", "follow_up", [entity("partner", lir.id)]),
        ("und was macht der Landesintegrationsrat?", "ask_partner_info", [entity("partner", lir.id)]),
    ])
    assert lir.contact_items("fax")[0].value in turns[1][0]
    assert lir.contact_items("phone")[0].value not in turns[1][0] and lir.description not in turns[1][0]
    assert lir.description in turns[2][0]  # more than a name: its own question


def test_und_and_an_ordinal_asks_the_last_contact_field_of_that_list_item(directory) -> None:
    group = next(g for g in directory.knowledge.target_groups if len(directory.for_target_group(g.id)) == 2)
    first, second = directory.for_target_group(group.id)
    turns = converse([
        (f"Wer hilft {group.words[0]}?", "ask_target_group_help", [entity("target_group", group.id)]),
        ("Telefon vom ersten?", "ask_partner_contact", [entity("contact_attribute", "phone")]),
        ("und der zweite?", "follow_up", []),
    ])
    phones = second.contact_items("phone")
    assert second.display_name in turns[2][0] and first.display_name not in turns[2][0]
    assert (phones[0].value in turns[2][0]) if phones else "Telefonnummer" in turns[2][0]
    assert second.description not in turns[2][0]  # the phone asked for, not what the partner is


def test_the_question_phrases_own_fact_word_selects_the_sentence_when_nothing_else_does(directory, index) -> None:
    hochschule = next(g for g in directory.knowledge.fact_words if g.id == "hochschule")
    partner = next(p for p in directory.partners
                   if any(w in s for s in p.quoted_sentences for w in hochschule.words))
    sentence = next(s for s in partner.quoted_sentences if any(w in s for w in hochschule.words))
    text = converse([(f"An welcher Uni ist {partner.short_name or partner.name}?", "ask_partner_location",
                      [entity("partner", partner.id)])])[0][0]
    assert sentence in text
    typed_only = index.best([], [partner.id], "organisation")  # what the answer type alone would pick
    assert typed_only is not None and typed_only.sentence.text != sentence


def test_a_place_asked_with_a_stray_word_is_where_the_partner_sits(directory) -> None:
    partner = next(p for p in directory.partners if p.cities and len(p.quoted_sentences) > 2)
    text = converse([(f"wo is das {partner.name}", "ask_partner_location", [entity("partner", partner.id)])])[0][0]
    assert all(city in text for city in partner.cities)
    assert not text.startswith(f"{partner.display_name}:\n„")  # its places, not a fact quote


def test_a_bullet_quoted_with_the_one_it_continues_is_found_by_its_own_words(knowledge, index: FactIndex) -> None:
    """The second bullet of "Ziel … ist • die Interessen …, • sowie die … Anliegen … zu vertreten." is
    quoted with the first; a question with its own words finds it as it found the bullet alone (the
    first bullet's words do not make it a longer, weaker match), and the first bullet stays itself."""
    quoted = next(q for p in knowledge.partners for q in p.lists if len(set(q.sentences())) == len(q.items)
                  and any(item.split(" ", 1)[0] == "sowie" for item in q.items))
    partner = next(p for p in knowledge.partners if quoted in p.lists)
    first, second = quoted.sentences()[:2]
    assert second.startswith(first) and second != first
    own = [t for t in WORDING.terms(quoted.items[1]) if t not in WORDING.terms(quoted.items[0])]
    hit = index.best(own, [partner.id])
    assert hit is not None and hit.sentence.text == second, hit
    hit = index.best(WORDING.terms(quoted.items[0]), [partner.id])
    assert hit is not None and hit.sentence.text == first, hit


def test_an_arabic_question_mark_ends_a_question() -> None:
    """Arabic and Persian end a question with "؟": "… ماذا تفعل؟ المدرسة أيضاً؟" asks two questions,
    after a story sentence, as "… Was machen die? Auch in der Schule?" does."""
    from actions.cues import questions_at_end, split_sentences
    sentences = split_sentences("ابني عمره ١٠ سنوات. ماذا تفعل المبادرة؟ المدرسة أيضاً؟")
    assert questions_at_end(sentences) == ["ماذا تفعل المبادرة؟", "المدرسة أيضاً؟"]


def test_a_part_negated_by_a_hyphen_selects_nothing(directory) -> None:
    assert "eu" not in WORDING.terms("Was dürfen Nicht-EU-Ausländer wählen?")
    assert "auslaender" in WORDING.terms("Was dürfen Nicht-EU-Ausländer wählen?")
    assert "eu" in WORDING.terms("Was dürfen EU-Ausländer wählen?")
    eu = next(s for p in directory.partners for s in p.quoted_sentences if "EU-Staaten" in s)
    text = converse([("Was dürfen Nicht-EU-Ausländer ohne deutschen Pass überhaupt wählen?", "ask_general_info", [])])[0][0]
    assert "„" in text and eu not in text


def test_a_question_about_a_lists_lead_in_gets_the_whole_list(knowledge, index: FactIndex) -> None:
    """"Was sind die Aufgaben?" asks what the lead-in announces: every item, not the best one;
    a question with words of one item gets that item alone."""
    lists = [(p, quoted) for p in knowledge.partners for quoted in p.lists if len(quoted.items) > 1]
    assert lists, "the fixture page has a list with several items"
    for partner, quoted in lists:
        lead = [t for t in WORDING.terms(quoted.lead) if index.known([t])]
        hit = index.best(lead, [partner.id])
        assert hit is not None and hit.whole == quoted, (partner.id, quoted.lead)
        item = quoted.items[-1]
        own = [t for t in WORDING.terms(item) if t not in WORDING.terms(quoted.lead)]
        hit = index.best(own, [partner.id])
        assert hit is not None and hit.whole is None and item in hit.sentence.text, (partner.id, item)
    # The answer quotes the lead-in first, then every item.
    partner, quoted = lists[0]
    hit = index.best([t for t in WORDING.terms(quoted.lead) if index.known([t])], [partner.id])
    router = Router(actions.KNOWLEDGE.current(), actions.REPLIES, CollectingDispatcher(), Memory())
    text = router._quote(hit, partner)
    assert text.index(quoted.lead) < min(text.index(item) for item in quoted.items)


def test_items_that_stand_alone_are_quoted_alone_and_whole_under_their_lead_in(knowledge) -> None:
    """A sentence with a colon announces the sentences after it (items_stand_alone): asked
    about the announcing sentence, the answer is all of them; asked about one, that one,
    without the lead-in glued in front."""
    partner = next(p for p in knowledge.partners if len(p.facts) >= 3 and not p.lists and not any(x.label for x in p.places))
    lead, *items = partner.facts[:3]
    quoted = QuotedList(lead=lead, items=tuple(items), items_stand_alone=True)
    changed = dataclasses.replace(partner, facts=partner.facts[3:], lists=(quoted,))
    index = FactIndex(dataclasses.replace(
        knowledge, partners=tuple(changed if p is partner else p for p in knowledge.partners)), WORDING)
    own_lead = [t for t in WORDING.terms(lead) if all(t not in WORDING.terms(i) for i in items)]
    hit = index.best(own_lead, [partner.id])
    assert hit is not None and hit.sentence.text == lead and hit.whole == quoted
    own_item = [t for t in WORDING.terms(items[1]) if t not in WORDING.terms(lead) and t not in WORDING.terms(items[0])]
    hit = index.best(own_item, [partner.id])
    assert hit is not None and hit.sentence.text == items[1] and hit.whole is None


def test_an_item_that_opens_with_a_pronoun_is_quoted_under_its_lead_in(knowledge) -> None:
    """"Sie können … beitragen" under "Lehrkräfte … können … übernehmen:": the lead-in says
    whom "Sie" means, so it is the item's context, wherever the item stands in the file."""
    partner, sentence = next((p, s) for p in knowledge.partners for s in p.facts
                             if re.match(r"(Sie|Er)\b", s) and not p.lists)
    lead, between = [s for s in partner.facts if s != sentence and not re.match(r"(Sie|Er)\b", s)][:2]
    # Another item stands between the lead-in and the pronoun's sentence.
    quoted = QuotedList(lead=lead, items=(between, sentence), items_stand_alone=True)
    changed = dataclasses.replace(partner, facts=tuple(f for f in partner.facts if f not in (lead, between, sentence)),
                                  lists=(quoted,))
    index = FactIndex(dataclasses.replace(
        knowledge, partners=tuple(changed if p is partner else p for p in knowledge.partners)), WORDING)
    own = [t for t in WORDING.terms(sentence) if t not in WORDING.terms(lead)]
    hit = index.best(own, [partner.id])
    assert hit is not None and hit.sentence.text == sentence and hit.context
    assert hit.context[-1].text == lead


def test_a_group_word_inside_the_question_phrase_names_no_group(knowledge, directory) -> None:
    """"Bei welcher Behörde angesiedelt?" about the subject asks for its organisation: the
    group word of the question phrase ("Behörde") does not start a list of that group."""
    phrase, group = next((w, g) for v in knowledge.question_words if v.id == "organisation" for w in v.words
                         for g in knowledge.target_groups if directory.groups_in(w) == [g])
    partner = next(p for p in directory.partners if any(place.label for place in p.places)
                   and group.id not in p.target_groups)
    turns = converse([
        (f"Was macht {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        (f"{phrase} angesiedelt?", "ask_partner_list", []),
    ])
    assert turns[-1][1]["last_asked"] in (Asked.FACT.value, Asked.NOT_STATED.value), turns[-1][0]
    assert turns[-1][1]["partner"] == partner.id


def test_who_helps_shows_each_partners_sentence_that_fits_the_message(knowledge, directory, index) -> None:
    """A list of who helps quotes, per partner, its page sentence that shares most with the
    message (not the knowledge file's summary), the best-fitting partner first; a partner
    with nothing in common shows its first sentence."""
    group, partners = next((g, directory.for_target_group(g.id)) for g in knowledge.target_groups
                           if len(directory.for_target_group(g.id)) >= 2)
    first, other = partners[-1], partners[0]  # the last on the page fits the message best
    sentence = first.quoted_sentences[-1]
    word = next(w for w in sorted(WORDING.words(sentence), key=len, reverse=True)
                if index.best(WORDING.terms(w), [p.id for p in partners]) is not None
                and index.best(WORDING.terms(w), [p.id for p in partners]).sentence.text == sentence)
    # More than a few words: a short message is answered in simple language instead.
    reply, _ = converse([(f"Guten Tag, ich möchte bitte gerne wissen, wer {group.words[0]} hilft: {word}?",
                          "ask_target_group_help",
                          [entity("target_group", group.id)])])[0]
    assert f"„{sentence}“" in reply and first.summary not in reply
    assert reply.index(first.display_name) < reply.index(other.display_name)
    assert f"„{other.quoted_sentences[0]}“" in reply or any(f"„{s}“" in reply for s in other.quoted_sentences)


# --- described situations -----------------------------------------------------------------

def test_a_situation_needs_a_word_of_every_cue_list_each_in_a_word_of_its_own(knowledge) -> None:
    """Who one is, where, what happened: one word of each list makes the topic; a list
    without a word does not, nor one compound that holds two cues ("Ausländerbehörde")."""
    situation = Situation(topic=knowledge.topics[0].id, label="",
                          all_of=(("Ausländerin", "Herkunft"), ("Vermieter", "Behörde"), ("nicht", "abgelehnt")))
    situations = Situations(dataclasses.replace(knowledge, situations=(situation,)), WORDING)
    assert situations.topics_in("Die Vermieterin hat mich abgelehnt, wegen meiner Herkunft.", "de") == [knowledge.topics[0]]
    assert situations.topics_in("Der Vermieter will nicht an Ausländerinnen vermieten", "de") == [knowledge.topics[0]]
    assert situations.topics_in("Der Vermieter will nicht vermieten", "de") == []
    assert situations.topics_in("Wo ist die Ausländerbehörde, ich finde sie nicht", "de") == []


def test_a_weak_cue_tells_a_situation_only_to_a_question_for_help_or_to_no_question(knowledge) -> None:
    """A bare "nicht" is the only word of the third list: the message tells a refusal when it asks
    for help or asks nothing; a question of another kind ("Wie viele …?") makes "nicht" just a word."""
    situation = Situation(topic=knowledge.topics[0].id, label="",
                          all_of=(("Ausländerin",), ("Vermieter",), ("nicht", "abgelehnt")),
                          weak=("nicht",), help_words=("melden",))
    situations = Situations(dataclasses.replace(knowledge, situations=(situation,)), WORDING)
    refused = "Der Vermieter will nicht an Ausländerinnen vermieten."
    assert situations.topics_in(refused, "de") == [knowledge.topics[0]]
    assert situations.topics_in(f"{refused} Wo kann ich das melden?", "de") == [knowledge.topics[0]]
    assert situations.topics_in(f"{refused} Wie viele Wohnungen gibt es?", "de") == []
    # The asking sentences decide, not a help word of the story before them.
    assert situations.topics_in(f"Ich will das melden. {refused} Wie viele Wohnungen gibt es?", "de",
                                asking="Wie viele Wohnungen gibt es?") == []
    # A strong cue needs no question for help.
    assert situations.topics_in("Der Vermieter hat die Ausländerin abgelehnt. Wie viele Wohnungen gibt es?", "de") \
        == [knowledge.topics[0]]


def test_a_quoted_remark_tells_a_situation_to_a_question_for_help(knowledge) -> None:
    """An insult told by quoting it ("… ruft mir 'X' hinterher") needs no word of who one is, when the
    situation allows it and the asking sentences seek help; a quote and another question do not tell it,
    nor a help word inside the quote, nor an apostrophe within a word."""
    situation = Situation(topic=knowledge.topics[0].id, label="",
                          all_of=(("Ausländerin",), ("Vermieter",), ("abgelehnt",)),
                          help_words=("melden",), quoted_remark=True)
    situations = Situations(dataclasses.replace(knowledge, situations=(situation,)), WORDING)
    told = "Der Hausmeister ruft mir jeden Morgen „du Kakerlake“ hinterher."
    assert situations.topics_in(f"{told} Wo kann ich das melden?", "de") == [knowledge.topics[0]]
    assert situations.topics_in(f"{told} Wie lange dauert das noch?", "de") == []
    assert situations.topics_in("Er sagt 'das melden wir nicht'. Wie lange dauert das noch?", "de") == []
    assert situations.topics_in("Wie geht's? Wo kann ich das melden?", "de") == []
    without = Situations(dataclasses.replace(
        knowledge, situations=(dataclasses.replace(situation, quoted_remark=False),)), WORDING)
    assert without.topics_in(f"{told} Wo kann ich das melden?", "de") == []


def test_a_situation_told_reaches_the_partners_of_its_topic_even_if_classified_out_of_scope(
        knowledge, directory) -> None:
    """The classifier's "out of scope" does not outweigh a situation the knowledge file describes."""
    situation = knowledge.situations[0]
    text = " ".join(cues[0] for cues in situation.all_of)
    reply, slots = converse([(text, "out_of_scope", [])])[0]
    assert slots["last_asked"] == Asked.HELP.value, reply
    assert any(p.display_name in reply for p in directory.for_topic(situation.topic)), reply


def test_an_age_stated_finds_the_partner_whose_page_names_that_age(directory) -> None:
    """"Mein Sohn ist 16, wer kann ihm helfen?": the partner whose sentences say "von 12 bis
    27 Jahren" helps; an age outside every range finds no one by age."""
    partner, low, high = next((p, int(m.group(1)), int(m.group(2))) for p in directory.partners
                              for s in p.quoted_sentences for m in [re.search(r"(\d+) bis (\d+) Jahren", s)] if m)
    reply, slots = converse([(f"Mein Sohn ist {low + 1}, wer kann ihm helfen?", "ask_target_group_help", [])])[0]
    assert slots["last_asked"] == Asked.HELP.value and partner.display_name in reply, reply
    reply, _ = converse([(f"Mein Opa ist {high + 50}, wer kann ihm helfen?", "ask_target_group_help", [])])[0]
    assert partner.display_name not in reply, reply


def test_a_verb_the_page_uses_also_finds_its_noun_inside_a_compound(knowledge, index: FactIndex) -> None:
    """"Wer koordiniert das?" about the KfI: the page says "koordiniert" of another partner and
    "Koordinierungsstelle" of the KfI; the verb finds that compound too. Not a noun the page writes
    alone ("die Vertretung der Interessen"): that is another wording, the verb's sentences answer."""
    sentence = next(s for s in knowledge.partner("kfi").quoted_sentences if "Koordinierungsstelle" in s)
    assert any("koordiniert" in s for p in knowledge.partners for s in p.quoted_sentences if p.id != "kfi")
    hit = index.best(WORDING.terms("Wer koordiniert das?"), ["kfi"], "person")
    assert hit is not None and hit.sentence.text == sentence
    assert WORDING.lemma("Vertretung") not in index.expand(WORDING.terms("vertreten"))


def test_a_phrase_of_a_group_that_ends_in_a_verb_is_met_in_its_other_forms(knowledge, index: FactIndex) -> None:
    """"… auf die Ausgrenzung aufmerksam macht" (the page) is a group's "aufmerksam machen": the
    sentence is found by a question with another word of the group ("Wofür setzen die sich ein?")."""
    group = knowledge.fact_words[0]
    changed = dataclasses.replace(group, words=(*group.words, "aufmerksam machen"))
    index = FactIndex(dataclasses.replace(knowledge, fact_words=(changed, *knowledge.fact_words[1:])), WORDING)
    single = fold(next(w for w in group.words if " " not in w))
    assert single in index.with_group_words("die seitdem auf die ausgrenzung aufmerksam macht").split()
    assert single in index.with_group_words("sie haben aufmerksam gemacht und aufmerksam machten").split()
    assert index.with_group_words("aufmerksam machbar") == "aufmerksam machbar"


def test_a_compound_whose_parts_the_page_uses_is_no_typo(knowledge) -> None:
    """"Integrationspolitik" is a word of its own, not a typo of the page's
    "integrationspolitische": when the page uses both its parts, they are searched, not the
    near word."""
    partner = knowledge.partners[0]
    page = ("Die integrationspolitische Zusammenarbeit wächst.", "Die Politik hört zu.", "Integration gelingt.")
    changed = dataclasses.replace(partner, facts=(*partner.facts, *page))
    index = FactIndex(dataclasses.replace(knowledge, partners=(changed, *knowledge.partners[1:])), WORDING)
    term = WORDING.lemma("Integrationspolitik")
    assert index.expand([term]) == [term]
    hit = index.best(WORDING.terms("Integrationspolitik"), [partner.id])
    assert hit is not None and hit.sentence.text != page[0]
    # Without the page's "Politik", the near word is taken as meant.
    changed = dataclasses.replace(partner, facts=(*partner.facts, page[0], page[2]))
    index = FactIndex(dataclasses.replace(knowledge, partners=(changed, *knowledge.partners[1:])), WORDING)
    assert any(t.startswith("integrationspolit") and t != term for t in index.expand([term]))


def test_a_question_for_a_law_prefers_the_sentence_that_names_one(knowledge, index: FactIndex) -> None:
    """"Auf welchem Gesetz beruht …?" (answer type law): the page's sentence with "Gesetz"."""
    assert ANSWER_EVIDENCE["law"].search("das Gesetz zur Förderung der Teilhabe")
    assert not ANSWER_EVIDENCE["law"].search("ein gesetzlich legitimiertes Gremium")
    laws = [s for s in index.sentences if ANSWER_EVIDENCE["law"].search(s.text)]
    assert laws, "the fixture page names a law"
    hit = index.best(WORDING.terms("Gesetz Integration"), None, "law")
    assert hit is not None and ANSWER_EVIDENCE["law"].search(hit.sentence.text)


def test_a_quoted_sentence_that_names_a_web_site_comes_with_the_partners_web_addresses(
        knowledge, index: FactIndex) -> None:
    """"Öffnungszeiten … finden sich unter www…": the answer lists the partner's web
    addresses with what each offers, not only the one the sentence names."""
    partner, sentence = next((p, s) for p in knowledge.partners for s in p.quoted_sentences
                             if "www." in s and len(p.contact_items("web")) >= 2)
    hit = index.best([t for t in WORDING.terms(sentence) if "www" not in t], [partner.id])
    assert hit is not None and "www." in hit.sentence.text
    dispatcher = CollectingDispatcher()
    q = Question(text="?", intent="ask_partner_info", asked=Asked.FACT, partners=[partner], fact=hit)
    Router(actions.KNOWLEDGE.current(), actions.REPLIES, dispatcher, Memory()).answer(q)
    reply = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert all(item.value in reply for item in partner.contact_items("web")), reply


def test_an_age_in_a_message_of_another_language_is_answered(directory) -> None:
    """A Turkish message with an age in German words ("16 jahre") and no group word reaches
    the other-language rules without an error."""
    reply, slots = converse([("merhaba, kardeşim 16 jahre, bilgi lütfen?", "out_of_scope", [])])[0]
    assert reply


def test_a_place_without_a_city_is_said_with_the_pages_sentence_that_names_it(directory) -> None:
    """"wo ist die angesiedelt?" about the ZfTI: its place has no city of its own ("Institut an der
    Universität Duisburg-Essen"); the page's sentence that names that place is quoted with it."""
    partner, label = next((p, pl.label) for p in directory.partners if not p.cities for pl in p.places
                          if pl.label and any(pl.label in s for s in p.quoted_sentences))
    reply, _ = ask("Wo ist die angesiedelt?", "ask_partner_location", slots={SUBJECT_SLOT: partner.id})
    assert label in reply and any(f"„{s}“" in reply for s in partner.quoted_sentences if label in s), reply


def test_a_contact_block_is_quoted_as_the_page_prints_it_with_the_address_to_copy(directory, index) -> None:
    """The page prints a place one part per line ("Seibertzstr. 1" / "59821 Arnsberg"): the quote
    keeps those lines, and the address follows as the one line of the contact card."""
    partner, place = next((p, pl) for p in directory.partners for pl in p.places if pl.label and pl.address)
    block = "\n".join(part for value in (place.label, place.address) for part in value.split(", "))
    hit = index.hit_for(block)
    assert hit is not None and hit.sentence.contact
    dispatcher = CollectingDispatcher()
    q = Question(text="?", intent="ask_partner_location", asked=Asked.FACT, partners=[partner], fact=hit)
    Router(actions.KNOWLEDGE.current(), actions.REPLIES, dispatcher, Memory()).answer(q)
    text = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert f"„{block}“" in text and place.address in text


def test_a_postcode_is_no_number_and_no_date(knowledge, index: FactIndex) -> None:
    """"Wie viele gibt es?" about a partner with an address: the digits of its contact block
    (house number, postcode) are no count, so a sentence with a real figure is the answer."""
    blocks = [i for i, s in enumerate(index.sentences) if s.contact]
    assert blocks and any(ANSWER_EVIDENCE["number"].search(index.sentences[i].text) for i in blocks)
    assert not any(index._carries(i, kind) for i in blocks for kind in ("number", "date", "share"))
    assert all(index._carries(i, "place") or not ANSWER_EVIDENCE["place"].search(index.sentences[i].text)
               for i in blocks)


def test_content_words_of_the_stop_list_are_terms_but_not_as_compound_parts() -> None:
    """spaCy lists "gegenüber" and "offen" as stop words; asked alone ("gegenüber wem?") they are
    what the question is about. A bad split ("Betr|offene") still yields no "offen"."""
    assert WORDING.terms("gegenüber wem?") == [WORDING.lemma("gegenüber")]
    assert "offen" in WORDING.terms("wann haben die offen")
    assert "offen" not in WORDING.terms("Betroffene")


def test_the_partners_of_a_list_stay_talked_about_after_a_switch(directory) -> None:
    """After a list of two and a question about a third partner, a word of a listed partner's
    name ("nochmal zu der Initiative") still finds it: the list's partners were mentioned."""
    group = next(g for g in directory.knowledge.target_groups if len(directory.for_target_group(g.id)) == 2)
    first, second = directory.for_target_group(group.id)
    third = next(p for p in directory.partners if p not in (first, second))
    word = next(w for w in WORDING.words(first.name) if len(w) > 4
                and not any(w.lower() in n.lower() for p in (second, third) for n in p.names))
    turns = converse([
        (f"Wer hilft {group.words[0]}?", "ask_target_group_help", [entity("target_group", group.id)]),
        (f"Was macht {third.name}?", "ask_partner_info", [entity("partner", third.id)]),
        (f"nochmal zu der {word}: Telefon?", "ask_partner_contact", [entity("contact_attribute", "phone")]),
    ])
    assert first.id in turns[0][1]["mentioned_partners"] and second.id in turns[0][1]["mentioned_partners"]
    assert first.display_name in turns[-1][0] and third.display_name not in turns[-1][0]


def test_the_groups_of_the_asking_sentence_choose_the_partners(directory) -> None:
    """"… sagen die Lehrer. Gibt es was speziell für Jungs?": a group told in the story before
    the question is context; the one in the asking sentence chooses whom to show."""
    told, asked = next((a, b) for a in directory.knowledge.target_groups for b in directory.knowledge.target_groups
                       if a != b and directory.for_target_group(a.id) and directory.for_target_group(b.id)
                       and not {p.id for p in directory.for_target_group(a.id)}
                       & {p.id for p in directory.for_target_group(b.id)})
    text = f"Das sagen die {told.words[0]}. Gibt es etwas für {asked.words[0]}?"
    reply = converse([(text, "ask_target_group_help", [])])[0][0]
    assert all(p.display_name in reply for p in directory.for_target_group(asked.id))
    assert not any(p.display_name in reply for p in directory.for_target_group(told.id))
    # A dash between spaces ends the story too ("ein Fall mit einer Roma-Familie – welche Stellen …?").
    reply = converse([(f"Ein Fall mit {told.words[0]} – gibt es etwas für {asked.words[0]}?", "ask_target_group_help", [])])[0][0]
    assert not any(p.display_name in reply for p in directory.for_target_group(told.id)), reply
    # Two questions at the end ("… für Eltern? Und auch für Väter?") ask for both groups.
    text = f"Ich habe zwei Kinder. Gibt es etwas für {told.words[0]}? Und auch für {asked.words[0]}?"
    reply = converse([(text, "ask_target_group_help", [])])[0][0]
    assert all(p.display_name in reply for g in (told, asked) for p in directory.for_target_group(g.id)), reply


def test_simple_help_keeps_the_pages_sentence_that_fits_the_message(knowledge, directory, index) -> None:
    """A short message gets simple words, and under them, per partner, the page's sentence
    that fits what was asked: the record of what the page says."""
    group, partners = next((g, directory.for_target_group(g.id)) for g in knowledge.target_groups
                           if len(directory.for_target_group(g.id)) >= 2 and all(p.simple for p in directory.for_target_group(g.id)))
    first = partners[-1]
    sentence = first.quoted_sentences[-1]
    word = next(w for w in sorted(WORDING.words(sentence), key=len, reverse=True)
                if (hit := index.best(WORDING.terms(w), [p.id for p in partners])) is not None
                and hit.sentence.text == sentence)
    reply, _ = converse([(f"{group.words[0]} {word} hilfe", "ask_target_group_help",
                          [entity("target_group", group.id)])])[0]
    assert first.simple in reply and f"„{sentence}“" in reply


def test_the_one_partner_for_a_group_comes_with_the_sentence_that_fits_the_message(directory) -> None:
    """One partner for the group: its description, and the sentence that fits the message
    when the description does not hold it (not twice when it does)."""
    from actions.answers import Answers
    from actions.replies import Replies
    answers = Answers(Replies(), directory.knowledge.source_site)
    partner, sentence = next((p, s) for p in directory.partners for s in p.quoted_sentences
                             if p.description and s not in p.description)
    text = answers.partners_for_group("X", [partner], {partner.id: sentence})
    assert f"„{sentence}“" in text and partner.description in text
    inside = next(s for s in partner.quoted_sentences if s in partner.description)
    assert f"„{inside}“" not in answers.partners_for_group("X", [partner], {partner.id: inside})


def test_an_age_after_a_family_word_is_an_age_stated() -> None:
    """"meine tochter 19 sucht ausbildung": an age, as "ist 19" is; a house number is not."""
    from actions.cues import AGE_STATED
    assert AGE_STATED.search("meine tochter 19 sucht ausbildung")
    assert AGE_STATED.search("Mein Sohn, 15, ist neu hier")
    assert not AGE_STATED.search("Adenauerallee 12-14")
    # "He will be 18 in a year": Ukrainian and Russian say an age with the pronoun alone.
    assert all(AGE_STATED.search(t) for t in ("Через рік йому буде 18.", "ей уже 16", "ему исполнилось 18 лет",
                                              "йому скоро буде 17"))
    assert not any(AGE_STATED.search(t) for t in ("йому 5 хвилин", "ему 20 евро", "ему 18 марта пришло письмо",
                                                  "звонил ему 5 раз", "дали ему 50 долларов", "ему 5-10 минут"))


def test_feedback_with_a_question_gets_the_answer_and_feedback_alone_the_fixed_reply(directory) -> None:
    """The classifier may take "kann sie online fragen?" for feedback: with a name, group, topic
    or question word it is answered; "das hat nicht geholfen" alone gets utter_feedback_sorry."""
    partner = next(p for p in directory.partners if p.contact_items("phone"))
    reply, _ = converse([(f"hat nicht geholfen, Telefon vom {partner.short_name or partner.name}?",
                          "feedback_not_helpful", [entity("partner", partner.id), entity("contact_attribute", "phone")])])[0]
    assert partner.contact_items("phone")[0].value in reply
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text="das hat nicht geholfen", intent="feedback_not_helpful", entities=[], slots={})
    asyncio.run(actions.ActionAnswer().run(dispatcher, tracker, {}))
    assert [m.get("response") for m in dispatcher.messages] == ["utter_feedback_sorry"]
    assert not any(m.get("buttons") for m in dispatcher.messages)


def test_a_situation_told_outweighs_a_group_named_on_the_way(directory) -> None:
    """"Wer entscheidet, in welche Stadt wir kommen? … mit Familie": the situation's topic
    chooses the partner, not the group the teller also belongs to."""
    understanding = actions.UNDERSTANDING.get(directory)
    topic, group = next((t, g) for t in directory.knowledge.topics for g in directory.knowledge.target_groups
                        if directory.for_topic(t.id) and directory.for_target_group(g.id)
                        and not {p.id for p in directory.for_topic(t.id)} & {p.id for p in directory.for_target_group(g.id)})
    told = Question(text="?", intent="ask_target_group_help", asked=Asked.HELP, groups=[group], topics=[topic], told=[topic])
    assert [p.id for p in understanding._fitting(told)] == [p.id for p in directory.for_topic(topic.id)]
    named = dataclasses.replace(told, told=[])  # a topic named, not told: both count alike
    assert len(understanding._fitting(named)) == len(directory.for_topic(topic.id)) + len(directory.for_target_group(group.id))


def test_what_a_partner_is_asked_with_a_source_word_is_a_fact_not_the_source(directory) -> None:
    """"Ist das offiziell oder nur ein Verein?" about the subject asks what it is."""
    index = FactIndex(directory.knowledge, WORDING)
    group = next(g for g in directory.knowledge.fact_words if g.id == "behoerde")
    partner = next(p for p in directory.partners if p.id in index.partners_with(f"~{group.id}"))
    word = next(w for w in group.words if not directory.groups_in(fold(w)) and not directory.topics_in(fold(w)))
    turns = converse([
        (f"Was macht {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        (f"ist das offiziell oder nur eine {word}?", "ask_partner_info", []),
    ])
    assert turns[-1][1]["last_asked"] == Asked.FACT.value, turns[-1][0]
    assert converse([("ist das offiziell?", "ask_partner_info", [])])[0][1].get("last_asked") != Asked.FACT.value


def test_a_demonstrative_and_a_noun_point_to_the_subject(directory) -> None:
    """"wo sitzt diese Stelle?": "Stelle" names the subject, so it is where the subject sits."""
    partner = next(p for p in directory.partners if any(pl.address for pl in p.places))
    turns = converse([
        (f"Was macht {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        ("wo sitzt diese Stelle", "ask_partner_location", []),
    ])
    assert turns[-1][1]["last_asked"] == Asked.LOCATION.value, turns[-1][0]
    assert next(pl.address for pl in partner.places if pl.address) in turns[-1][0]


def test_a_word_of_the_subjects_name_after_an_article_points_at_it_and_chooses_no_sentence(directory) -> None:
    """"und was machen die Büros sonst noch, außer Leute beraten?" after the ADB: "die Büros" is the
    subject (its name says "Antidiskriminierungsbüros"), so the sentence that only shares "Büros"
    is no answer; the one about advice is."""
    adb = directory.knowledge.partner("adb")
    advice = next(s for s in adb.quoted_sentences if "Beratung" in s and "Analyse" in s)
    turns = converse([
        ("Was macht das ADB?", "ask_partner_info", [entity("partner", "adb")]),
        ("und was machen die Büros sonst noch, außer Leute beraten?", "ask_partner_info", []),
    ])
    assert advice in turns[-1][0], turns[-1][0]


def test_a_group_of_the_story_does_not_turn_a_partner_named_in_the_question_into_a_list(directory) -> None:
    """"Fast alle Jungs kommen aus muslimischen Familien. Arbeitet das Land mit muslimischen Verbänden
    zusammen?": the boys and families are the writer's people; the partner named is what is asked."""
    partner = directory.knowledge.partner("dialog_muslime")
    turns = converse([("Ich trainiere ein Team, fast alle Jungs kommen aus muslimischen Familien. Arbeitet das "
                       f"Land eigentlich mit {partner.name} zusammen?", "ask_target_group_help",
                       [entity("target_group", "jungen"), entity("target_group", "eltern"),
                        entity("partner", partner.id)])])
    assert turns[-1][1]["last_asked"] == Asked.SUMMARY.value, turns[-1][0]
    assert turns[-1][0].startswith(partner.display_name), turns[-1][0]


def test_a_question_that_calls_the_subject_by_name_asks_about_the_story_before_it(directory) -> None:
    """"Wir wollen mehr Leute für ehrenamtliche Arbeit gewinnen. Ist das auch ein Thema für den
    Beirat?" after the Landesbeirat: "das" is the story; its words choose the Beirat's sentence."""
    partner = directory.knowledge.partner("landesbeirat")
    sentence = next(s for s in partner.quoted_sentences if "bürgerschaftliche Engagement" in s)
    turns = converse([
        (f"Was macht der {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        ("Wir wollen mehr Leute aus dem Chor für ehrenamtliche Arbeit gewinnen. Ist das auch ein Thema für den "
         "Beirat?", "ask_target_group_help", [entity("topic", "ausbildung_beruf")]),
    ])
    assert sentence in turns[-1][0], turns[-1][0]


def test_a_noun_a_relative_clause_describes_asks_for_no_partner_beside_the_subject(directory) -> None:
    """"Bei der Feier soll auch jemand über Diskriminierung sprechen. Gibt es Fachstellen, die sich
    gegen Rassismus engagieren?" after the Landesverband Deutscher Sinti und Roma: "Fachstellen, die …"
    asks for any such, not for the Beratungsstelle for the same people ("gibt es auch eine
    Beratungsstelle?" would)."""
    verband = directory.knowledge.partner("sinti_roma_landesverband")
    turns = converse([
        (f"Was macht der {verband.name}?", "ask_partner_info", [entity("partner", verband.id)]),
        ("Bei der Feier soll auch jemand über Diskriminierung sprechen. Gibt es Fachstellen, die sich gegen "
         "Rassismus engagieren?", "ask_target_group_help", [entity("topic", "diskriminierung")]),
    ])
    assert directory.knowledge.partner("adb").display_name in turns[-1][0], turns[-1][0]


def test_the_city_after_the_noun_that_points_at_the_subject_says_which_one_not_where(directory) -> None:
    """"Kann die Stelle in Düsseldorf auch vermitteln?" about the partner in Düsseldorf asks
    whether it mediates (its sentence), not where it is; "gibt es so eine Stelle in <city>?" asks where."""
    partner = directory.knowledge.partner("sinti_roma_beratung")
    city = partner.cities[0]
    sentence = next(s for s in partner.quoted_sentences if "Vermittlungsstelle" in s)
    turns = converse([
        (f"Was macht {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        (f"Kann die Stelle in {city} auch zwischen Familien und Ämtern vermitteln?", "ask_partner_info",
         [entity("city", city)]),
    ])
    assert turns[-1][1]["last_asked"] == Asked.FACT.value and sentence in turns[-1][0], turns[-1][0]
    turns = converse([
        (f"Was macht {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        (f"gibt es so eine Stelle in {city}?", "ask_partner_location", [entity("city", city)]),
    ])
    assert turns[-1][1]["last_asked"] == Asked.LOCATION.value, turns[-1][0]


def test_coming_back_by_a_word_of_the_partners_page(directory, index: FactIndex) -> None:
    """"nochmal zu dem Amt von vorhin": of the partners talked about, the one whose page has
    the word (or its synonym) is meant, and the word is not what is asked."""
    group, first, second, third = next(
        (g, a, b, c) for g in directory.knowledge.fact_words for a in directory.partners
        for b in directory.partners for c in directory.partners if len({a.id, b.id, c.id}) == 3
        and a.id in index.partners_with(f"~{g.id}") and not {b.id, c.id} & index.partners_with(f"~{g.id}")
        and f"~{g.id}" not in index.common(COMMON_WORD_SHARE)  # a word the whole page uses names no one
        and any(" " not in w and "-" not in w and len(w) > 3 for w in g.words))
    word = next(w for w in group.words if " " not in w and "-" not in w and len(w) > 3)
    turns = converse([  # "von vorhin" alone would mean the second, the one before the last
        (f"Was macht {first.name}?", "ask_partner_info", [entity("partner", first.id)]),
        (f"Was macht {second.name}?", "ask_partner_info", [entity("partner", second.id)]),
        (f"Was macht {third.name}?", "ask_partner_info", [entity("partner", third.id)]),
        (f"nochmal zu dem {word} von vorhin, was machen die?", "ask_partner_info", []),
    ])
    assert turns[-1][1]["partner"] == first.id, turns[-1][0]


def test_a_contact_word_with_a_question_word_gets_the_sentence_that_answers_it(directory, index) -> None:
    """"kann er im Internet fragen, wer antwortet da?": the subject's sentence with a person
    that shares a word beyond the contact word, with its web addresses; "Telefon?" alone
    stays the contact field."""
    person = ANSWER_EVIDENCE["person"]
    partner, sentence, word = next(
        (p, s, w) for p in directory.partners if p.contact_items("web") for s in p.quoted_sentences
        if "www." in s and person.search(s) for w in sorted(WORDING.words(re.sub(r"\S*www\.\S*", " ", s)), key=len, reverse=True)
        if len(w) > 5 and not person.search(w) and WORDING.terms(w) and not directory.partner_mentions(w)
        and (hit := index.best(WORDING.terms(w), [p.id], "person")) is not None and hit.sentence.text == s)
    turns = converse([
        (f"Was macht {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        (f"kann man im Internet {word}, wer antwortet da?", "ask_partner_contact", [entity("contact_attribute", "web")]),
        ("Internet?", "ask_partner_contact", [entity("contact_attribute", "web")]),
    ])
    assert sentence in turns[1][0] and partner.contact_items("web")[0].value in turns[1][0], word
    assert turns[1][1]["last_asked"] == Asked.FACT.value and turns[2][1]["last_asked"] == Asked.FIELDS.value


def test_a_question_for_a_law_gets_the_pages_sentence_that_names_one(directory) -> None:
    """"gibt es dafür ein Gesetz?" sounds like a list question, and "auf welchem Gesetz beruht
    das?" about a partner whose sentences name no law: both get the page's sentence with the law."""
    law = next(f for f in directory.knowledge.general.facts if ANSWER_EVIDENCE["law"].search(f))
    assert law in converse([("gibt es dafür ein Gesetz?", "ask_partner_list", [])])[0][0]
    partner = next(p for p in directory.partners if not any(ANSWER_EVIDENCE["law"].search(s) for s in p.quoted_sentences))
    turns = converse([
        (f"Was macht {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        ("auf welchem Gesetz beruht das alles?", "ask_general_info", []),
    ])
    assert law in turns[-1][0]


def test_a_contact_word_about_the_subject_is_answered_when_the_classifier_is_unsure(directory) -> None:
    """"wo finde ich mehr Infos online?" classified unsure (nlu_fallback): the subject's web
    addresses, not "Meinten Sie …?"."""
    partner = next(p for p in directory.partners if p.contact_items("web"))
    turns = converse([
        (f"Was macht {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        ("wo finde ich mehr infos online?", "nlu_fallback", [entity("contact_attribute", "web")]),
    ])
    assert partner.contact_items("web")[0].value in turns[-1][0], turns[-1][0]


def test_where_someone_is_from_names_no_topic(directory) -> None:
    """"Ich komme aus der Türkei …" says where someone is from: a topic word as the country
    names no topic; the same word elsewhere in the message still does."""
    topic, word = next((t, w) for t in directory.knowledge.topics for w in t.words
                       if " " not in w and "-" not in w and w[:1].isupper() and directory.topics_in(fold(w)) == [t])
    understanding = actions.UNDERSTANDING.get(directory)
    origin = make_tracker(text=f"Ich komme aus der {word}. Was darf ich wählen?", intent="ask_general_info")
    assert topic not in understanding.read(origin, Memory()).topics
    about = make_tracker(text=f"Ich komme aus der {word}. Wer forscht zu {word}?", intent="ask_general_info")
    assert topic in understanding.read(about, Memory()).topics


def test_a_phrase_of_a_synonym_group_stands_for_the_group(knowledge, index: FactIndex) -> None:
    """"ins Leben gerufen" in a question is the group's concept, not the words "Leben" and "rufen"."""
    group, phrase = next((g, w) for g in knowledge.fact_words for w in g.words
                         if " " in w and f"~{g.id}" not in index.known(WORDING.terms(fold(w))))
    rewritten = index.known(WORDING.terms(index.with_group_words(f"wurde das {fold(phrase)}")))
    assert rewritten == [f"~{group.id}"]


def test_a_group_word_asking_who_helps_does_not_name_a_listed_partner(directory) -> None:
    """"gibt es auch was für mich als Vater?" after a list that showed the Väterarbeit asks
    who helps fathers; "Vater" in the partner's name does not make it the subject of a fact."""
    understanding = actions.UNDERSTANDING.get(directory)
    group, partner, word = next(
        (g, p, w) for g in directory.knowledge.target_groups for p in directory.for_target_group(g.id)
        for w in g.words if " " not in w and WORDING.lemma(w) in understanding._name_terms.get(p.id, set()))
    others = [p.id for p in directory.partners if p.id != partner.id][:2]
    memory = Memory(listed=[*others, partner.id], mentioned=[*others, partner.id])
    tracker = make_tracker(text=f"gibt es auch was für mich als {word}", intent="ask_target_group_help",
                           entities=[entity("target_group", group.id)])
    question = understanding.read(tracker, memory)
    assert question.asked == Asked.HELP
    assert not question.points_back


def test_a_which_question_after_a_story_shows_all_partners_of_its_own_topic(directory) -> None:
    """"Hausarbeit über Migrationsgeschichte. Welche wissenschaftlichen Einrichtungen …?": the
    story's topic does not narrow the partners the "welche" question asks for."""
    knowledge = directory.knowledge
    story, asked = next((a, b) for a in knowledge.topics for b in knowledge.topics if a != b
                        and any(a.id in p.topics for p in directory.for_topic(b.id))
                        and any(a.id not in p.topics for p in directory.for_topic(b.id)))
    story_word = next(w for w in story.words if directory.topics_in(fold(w)) == [story])
    asked_word = next(w for w in asked.words if directory.topics_in(fold(w)) == [asked])
    tracker = make_tracker(text=f"Ich schreibe über {story_word}. Welche Stellen gibt es zu {asked_word}?",
                           intent="ask_target_group_help")
    question = actions.UNDERSTANDING.get(directory).read(tracker, Memory())
    assert {p.id for p in question.partners} == {p.id for p in directory.for_topic(asked.id)}
    # "Mit welchen Stellen …?": a preposition before "welche" opens the same question.
    tracker = make_tracker(text=f"Ich schreibe über {story_word}. Mit welchen Stellen zu {asked_word} arbeitet das Land?",
                           intent="ask_target_group_help")
    question = actions.UNDERSTANDING.get(directory).read(tracker, Memory())
    assert {p.id for p in question.partners} == {p.id for p in directory.for_topic(asked.id)}


def test_a_help_list_does_not_quote_the_sentence_it_shows_twice(directory, index) -> None:
    """Who helps, and more was asked: the sentence that answers it is shown once, in the list."""
    for group in directory.knowledge.target_groups:
        partners = directory.for_target_group(group.id)
        if len(partners) < 2:
            continue
        for partner in partners:
            for sentence in partner.quoted_sentences:
                words = sorted({w for w in WORDING.words(sentence) if len(w) > 7}, key=len, reverse=True)[:3]
                hit = index.best(WORDING.terms(" ".join(words)), [p.id for p in partners])
                if len(words) < 3 or hit is None or hit.sentence.text != sentence or hit.also or hit.context \
                        or hit.whole:
                    continue
                reply = converse([(f"Wir sind {group.words[0]} und fragen nach {' '.join(words)} bei euch",
                                   "ask_target_group_help", [entity("target_group", group.id)])])[0][0]
                if sentence in reply:
                    assert reply.count(sentence) == 1, reply
                    return
    pytest.fail("no help list quoted a sentence asked for")


def test_a_number_word_and_its_digits_are_one_term() -> None:
    """"vier Millionen" on the page answers "4 Mio.?": spaCy calls "vier" a stop word, and a
    single digit is too short for a term, but both are the number."""
    assert "4" in WORDING.terms("über vier Millionen Menschen")
    assert "4" in WORDING.terms("mehr als 4 Mio. Menschen")
    assert "12" in WORDING.terms("zwölf Mitglieder") and "12" in WORDING.terms("12 Mitglieder")


def test_a_general_question_about_a_partner_pointed_at_is_about_that_partner(directory) -> None:
    """"der zweite – warum ist das wichtig?" (classified as a general question) after a list:
    what that partner is, not the page's introduction."""
    group, listed = next((g, ps) for g in directory.knowledge.target_groups
                         if len(ps := directory.for_target_group(g.id)) >= 2)
    turns = converse([
        (f"Wer hilft {group.words[0]}?", "ask_target_group_help", [entity("target_group", group.id)]),
        ("der zweite – warum ist das wichtig?", "ask_general_info", []),
    ])
    shown = sorted(listed, key=lambda p: turns[0][0].find(p.display_name))  # best fit first
    assert shown[1].display_name in turns[1][0]
    assert directory.knowledge.general.summary not in turns[1][0]


def test_sowas_in_a_city_asks_where_the_subject_sits(directory) -> None:
    """"gibts sowas in Köln?" after a partner: that partner's places in the city, not every
    partner there."""
    partner, city, other = next((p, c, o) for p in directory.partners if len(p.cities) > 1 for c in p.cities
                                for o in directory.in_city(c) if o.id != p.id)
    turns = converse([
        (f"Was macht {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        (f"gibts sowas in {city}?", "ask_partner_list", [entity("city", city)]),
    ])
    assert city in turns[1][0] and partner.display_name in turns[1][0]
    assert other.display_name not in turns[1][0]


def test_a_group_in_the_genitive_says_whose_and_is_not_asked_about(directory) -> None:
    """"was für die Eltern meiner Schüler?": the parents are asked about, not the pupils."""
    asked, whose = next((a, b) for a in directory.knowledge.target_groups for b in directory.knowledge.target_groups
                        if a != b and directory.groups_in(fold(a.words[0])) == [a]
                        and directory.groups_in(fold(b.words[0])) == [b])
    tracker = make_tracker(text=f"Gibt es auch was für die {asked.words[0]} meiner {whose.words[0]}?",
                           intent="ask_target_group_help")
    question = actions.UNDERSTANDING.get(directory).read(tracker, Memory())
    assert asked in question.groups and whose not in question.groups


def test_a_pronoun_after_the_group_asked_for_means_the_group(directory) -> None:
    """"gibt es was für Eltern, damit die sich einbringen?" after another partner: the pronoun
    is the parents, so the group starts a new subject; "gibt es dort was für Eltern?" stays."""
    group = next(g for g in directory.knowledge.target_groups if directory.for_target_group(g.id)
                 and directory.groups_in(fold(g.words[0])) == [g])
    subject = next(p for p in directory.partners if group.id not in p.target_groups)
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject=subject.id, mentioned=[subject.id])
    after = make_tracker(text=f"und gibt es auch was für {group.words[0]}, damit die sich einbringen?",
                         intent="ask_target_group_help")
    assert not understanding.read(after, memory).points_back
    before = make_tracker(text=f"und gibt es dort auch was für {group.words[0]}?", intent="ask_target_group_help")
    assert understanding.read(before, memory).points_back


def test_a_web_address_comes_with_the_pages_sentence_about_it(directory) -> None:
    """"wie heißt die Webseite?": the address, and the page's sentence that says what the site
    is for ("Unter www.… beraten …"), quoted, after the address."""
    from actions.answers import Answers
    from actions.replies import Replies
    answers = Answers(Replies(), directory.knowledge.source_site)
    host = lambda item: re.sub(r"^https?://", "", item.value).strip("/")  # noqa: E731
    partner, sentence = next((p, s) for p in directory.partners for item in p.contact_items("web")
                             for s in p.quoted_sentences if host(item) in s)
    reply = answers.contact_field(partner, "web")
    assert reply.count(f"„{sentence}“") == 1
    assert reply.index(host(partner.contact_items("web")[0])) < reply.index(f"„{sentence}“")  # the address first


def test_a_hyphenated_name_word_counts_by_its_last_piece(directory) -> None:
    """"Jugend-Migrationsdienst" is a Dienst: "Jugend" alone (as in "Jugendsozialarbeit") does
    not name the partner talked about; the last piece does."""
    understanding = actions.UNDERSTANDING.get(directory)
    partner, first, last = next(
        (p, WORDING.lemma(w.split("-")[0]), WORDING.lemma(w.split("-")[-1]))
        for p in directory.partners for name in p.names for w in re.findall(r"[^\W_]+(?:-[^\W_]+)+", name)
        if not any(WORDING.lemma(v) == WORDING.lemma(w.split("-")[0])
                   for n in p.names for v in WORDING.words(n) if "-" not in n)
        and len(WORDING.lemma(w.split("-")[0])) > 2)
    assert first not in understanding._name_terms[partner.id]
    assert last in understanding._name_terms[partner.id] or last in understanding.index.common(COMMON_WORD_SHARE)


def test_two_groups_asked_for_are_both_named_and_listed_in_the_pages_order(directory) -> None:
    """"gibt es was für Väter und auch was für Eltern?": the heading names both groups as asked;
    the partners come in the page's order, the one a reader of the page counts in ("der erste")."""
    single = [g for g in directory.knowledge.target_groups if len(directory.for_target_group(g.id)) == 1]
    first, second = next((a, b) for a in single for b in single
                         if directory.for_target_group(a.id) != directory.for_target_group(b.id))
    word = {g.id: next(w for w in g.words if directory.groups_in(fold(w)) == [g]) for g in (first, second)}
    for a, b in ((first, second), (second, first)):
        text, _ = ask(f"Gibt es was für {word[a.id]} und auch was für {word[b.id]}?", "ask_target_group_help")
        partners = [directory.for_target_group(g.id)[0] for g in (a, b)]
        in_page_order = sorted(partners, key=directory.partners.index)
        assert [text.index(p.display_name) for p in in_page_order] == sorted(text.index(p.display_name)
                                                                            for p in partners), text
        assert f"{a.label} und {b.label}" in text


def test_a_bare_word_of_the_subjects_sentence_asks_for_it_even_as_a_contact_question(directory) -> None:
    """"Der zweite – Ursprung?" was heard as a contact question: a word that a sentence of the
    subject has as a word of its own asks for that sentence; "wie erreiche ich die?" still asks
    how to reach them."""
    understanding = actions.UNDERSTANDING.get(directory)
    partner = directory.knowledge.partner("landesintegrationsrat")

    def read(text: str) -> Question:
        tracker = make_tracker(text=text, intent="ask_partner_contact", slots={"partner": partner.id})
        return understanding.read(tracker, Memory.from_tracker(tracker))

    question = read("Plattform?")
    assert question.asked == Asked.FACT and "Plattform" in question.fact.sentence.text
    assert read("wie erreiche ich die?").asked == Asked.FIELDS


def test_a_story_before_the_question_keeps_only_its_fact_words(directory) -> None:
    """"Ich arbeite in einer Jugendwerkstatt. Welcher Zusammenschluss vertritt …?": when the
    asking sentence says enough, the story's plain words are not searched; a word of a fact-word
    group in the story is, when the asking sentence says little itself ("Ich bin Italienerin.
    Darf ich wählen?"), and is not when it says much ("ich mache ein Referat über politische
    Teilhabe. Welches Gremium koordiniert die Integrationsräte landesweit?")."""
    understanding = actions.UNDERSTANDING.get(directory)
    eu_word = next(w for v in directory.knowledge.fact_words if v.id == "eu" for w in v.words if " " not in w)

    def content(text: str) -> List[str]:
        tracker = make_tracker(text=text, intent="ask_partner_info")
        return understanding.read(tracker, Memory()).content

    asked = "Wer berät und beschließt über länderübergreifende Angelegenheiten?"
    assert "plattform" not in content(f"Ich arbeite an einer Plattform. {asked}")
    assert "plattform" in content(f"Ich arbeite an einer Plattform, und {asked.lower()}")
    assert understanding.wording.lemma(eu_word) in content(f"Ich komme aus der {eu_word}. Darf ich wählen?")
    assert understanding.wording.lemma(eu_word) not in content(f"Ich komme aus der {eu_word}. {asked}")


def test_a_group_said_after_another_whose_label_says_it_only_describes_that_group(directory) -> None:
    """"Gibt es was für Eltern, die selbst zugewandert sind?": the parents' group is "Eltern mit
    Zuwanderungsgeschichte" already; "zugewandert" brings no partners of its own. Said first
    ("Ich bin Migrant und Vater"), both groups are asked for."""
    understanding = actions.UNDERSTANDING.get(directory)
    parents = next(g for g in directory.knowledge.target_groups if g.id == "eltern")
    (broad,) = directory.groups_said_by_label[parents.id]
    parents_word, broad_word = (next(w for w in g.words if directory.groups_in(fold(w)) == [g]) for g in (parents, broad))

    def partners(text: str) -> set:
        tracker = make_tracker(text=text, intent="ask_target_group_help")
        return {p.id for p in understanding.read(tracker, Memory()).partners}

    assert partners(f"Gibt es was für {parents_word}, die selbst {broad_word} sind?") == {
        p.id for p in directory.for_target_group(parents.id)}
    assert partners(f"Ich bin {broad_word} und gibt es was für {parents_word}?") > {
        p.id for p in directory.for_target_group(parents.id)}


def test_two_groups_said_together_mean_the_group_that_combines_them(directory) -> None:
    """"Wer hilft jungen Leuten mit Migration?": young people and migrants said together are the
    young migrants (`combines`); a partner for that group fits both, one for young people or for
    migrants only one, so it alone answers. A group said alone keeps all its partners."""
    understanding = actions.UNDERSTANDING.get(directory)
    combined = next(g for g in directory.knowledge.target_groups if len(set(g.combines) - {g.id}) == 2)
    first, second = (directory.knowledge.target_group(i) for i in combined.combines)
    entities = [entity("target_group", first.words[0]), entity("target_group", second.words[0])]

    def partners(found: List[Dict[str, Any]]) -> set:
        tracker = make_tracker(text="Wer hilft da?", intent="ask_target_group_help", entities=found)
        return {p.id for p in understanding.read(tracker, Memory()).partners}

    assert partners(entities) == {p.id for p in directory.for_target_group(combined.id)}
    assert partners(entities[:1]) == {p.id for p in directory.for_target_group(first.id)} > partners(entities)


def test_a_kind_of_fact_in_another_language_is_the_subjects_sentence_of_that_kind(directory) -> None:
    """"Ne zaman kuruldu?" about the ZfTI: the knowledge file's Turkish words of the founding and
    of "when" find its founding sentence, quoted in German; the page says no age limit of it, so
    an age stated in Ukrainian ("йому буде 18") gets that, honestly."""
    knowledge = directory.knowledge
    founding = next(g for g in knowledge.fact_words if g.id == "gruendung")
    when = next(g for g in knowledge.question_words if g.id == "date")
    text = f"{when.translations['tr'][0]} {founding.translations['tr'][0]}?"
    reply, _ = ask(text, "nlu_fallback", slots={SUBJECT_SLOT: "zfti"})
    founded = next(s for s in knowledge.partner("zfti").quoted_sentences if "gegründet" in s)
    assert founded in reply
    understanding = actions.UNDERSTANDING.get(directory)
    tracker = make_tracker(text="Через рік йому буде 18. Чи може він тоді ще туди ходити?", intent="out_of_scope")
    assert understanding.read(tracker, Memory(subject="zfti")).asked == Asked.NOT_STATED
    jmd = understanding.read(tracker, Memory(subject="jmd"))
    assert jmd.asked == Asked.FACT and "Alter" in jmd.fact.sentence.text
    # A question word alone in a longer message, or one that asks who helps, is no such question.
    for other in ("Кто может мне помочь?", f"{when.translations['tr'][0]} ayrımcılığa uğradığımda kim bana yardım "
                  "edebilir, bilmiyorum?"):
        read = understanding.read(make_tracker(text=other, intent="out_of_scope"), Memory(subject="zfti"))
        assert read.asked not in (Asked.FACT, Asked.NOT_STATED), other


def test_a_pronoun_after_a_group_asked_for_oneself_means_the_group(directory) -> None:
    """"und für mich als Mutter? Verein mit anderen Eltern, die auch eingewandert sind?" after the
    fathers' partner: "die" follows the parents' word, so the parents' partners are asked for."""
    understanding = actions.UNDERSTANDING.get(directory)
    parents = directory.knowledge.target_group("eltern")
    subject = next(p for p in directory.partners if parents.id not in p.target_groups and p.kind == "Netzwerk")
    text = "und für mich als Mutter? Verein mit anderen Eltern, die auch eingewandert sind?"
    tracker = make_tracker(text=text, intent="ask_target_group_help", entities=[entity("target_group", parents.id)])
    read = understanding.read(tracker, Memory(subject=subject.id, mentioned=[subject.id]))
    assert [p.id for p in read.partners] == [p.id for p in directory.for_target_group(parents.id)]


def test_a_typed_follow_up_after_a_list_is_about_the_first_listed(directory, index: FactIndex) -> None:
    """"welches Jahrzehnt war das?" after a list of partners: the first of the list, whose sentence
    says when, not the listed partner whose date merely scores higher."""
    understanding = actions.UNDERSTANDING.get(directory)
    dated = [p.id for p in directory.partners
             if (hit := index.best([], [p.id], "date")) is not None and hit.has_evidence][:3]
    assert len(dated) >= 2

    def about(listed: List[str]) -> Optional[str]:
        tracker = make_tracker(text="und wann war das?", intent="nlu_fallback")
        read = understanding.read(tracker, Memory(listed=listed, mentioned=listed, last_asked="help"))
        return read.fact.sentence.partner_id if read.fact else None

    assert about(dated) == dated[0]
    assert about(dated[1:] + dated[:1]) == dated[1]


def test_a_kind_at_the_end_of_a_compound_is_a_kind_said(directory) -> None:
    """"Gibt es ein Landesgremium, das sich um deren Aufnahme kümmert?" after a partner of another
    kind: "…gremium" says the kind asked for, so the Gremium for that topic answers, not the subject."""
    understanding = actions.UNDERSTANDING.get(directory)
    topic, partner, gremium = next((t, p, g) for t in directory.knowledge.topics for p in directory.for_topic(t.id)
                                   for g in directory.for_topic(t.id) if p.kind == "Partner" and g.kind == "Gremium")

    def partners(text: str) -> List[str]:
        tracker = make_tracker(text=text, intent="ask_target_group_help", entities=[entity("topic", topic.id)])
        return [p.id for p in understanding.read(tracker, Memory(subject=partner.id, mentioned=[partner.id])).partners]

    assert partners(f"Gibt es ein Landesgremium, das sich um {topic.words[0]} kümmert?") == [gremium.id]
    assert partner.id in partners(f"Gibt es eine Stelle, die sich um {topic.words[0]} kümmert?")


def test_a_city_of_the_story_does_not_keep_a_named_partner_from_its_summary(directory) -> None:
    """"Ich mache Stadtführungen in Köln. Gibt es hier ein Migrationsmuseum …?": the city is where
    the writer works, not what is asked; the partner named is described (not a sentence of another
    partner that happens to share the story's words). A city in the question asks more."""
    understanding = actions.UNDERSTANDING.get(directory)
    partner = next(p for p in directory.partners if p.cities)
    city = partner.cities[0]

    def asked(text: str) -> Asked:
        at = text.index(partner.name)  # found in the text, as the NLU's extractor reports it
        named = {**entity("partner", partner.id), "start": at, "end": at + len(partner.name)}
        tracker = make_tracker(text=text, intent="ask_target_group_help", entities=[entity("city", city), named])
        return understanding.read(tracker, Memory()).asked

    assert asked(f"Ich mache Stadtführungen in {city}. Gibt es hier {partner.name}?") == Asked.SUMMARY
    assert asked(f"Gibt es {partner.name} in {city}?") != Asked.SUMMARY


def test_a_topic_word_in_a_mit_phrase_after_a_group_describes_the_group(directory) -> None:
    """"Wo finden Papas mit Migrationsgeschichte Austausch?": the "mit" phrase says which fathers;
    "Migrationsgeschichte" does not add the history topic's partners. Said on its own
    ("für Väter und zur Migrationsgeschichte") the topic counts."""
    understanding = actions.UNDERSTANDING.get(directory)
    def own_word(vocabulary, finder):
        return next((w for w in vocabulary.words if " " not in w and finder(fold(w)) == [vocabulary]), None)

    group, topic = next((g, t) for g in directory.knowledge.target_groups for t in directory.knowledge.topics
                        if len(directory.for_target_group(g.id)) == 1 and directory.for_topic(t.id)
                        and own_word(g, directory.groups_in) and own_word(t, directory.topics_in)
                        and not directory.groups_in(fold(own_word(t, directory.topics_in)))
                        and not {p.id for p in directory.for_target_group(g.id)} & {p.id for p in directory.for_topic(t.id)})
    group_word, topic_word = own_word(group, directory.groups_in), own_word(topic, directory.topics_in)

    def topics(text: str) -> List[str]:
        tracker = make_tracker(text=text, intent="ask_target_group_help")
        return [t.id for t in understanding.read(tracker, Memory()).topics]

    assert topic.id not in topics(f"Gibt es was für {group_word} mit {topic_word}?")
    assert topic.id in topics(f"Gibt es was für {group_word} und zu {topic_word}?")


def test_kinds_said_with_nicht_are_left_out_of_a_list(directory) -> None:
    """"Welche Partner gibt es, also nicht die Gremien und nicht die Netzwerke?": the list shows
    the partners of the kind not ruled out, none of the others."""
    text, _ = ask("Welche gibt es, also nicht die Gremien und nicht die Netzwerke?", "ask_partner_list",
                  [entity("kind", "Gremium"), entity("kind", "Netzwerk")])
    kept = [p for p in directory.partners if p.kind == "Partner"]
    left_out = [p for p in directory.partners if p.kind != "Partner"]
    assert kept and all(p.display_name in text for p in kept), text
    assert not any(p.display_name in text for p in left_out), text


def test_a_passport_of_a_country_names_no_topic(directory) -> None:
    """"Mein Mann hat nur den türkischen Pass": whose passport someone has says where they are
    from, like "aus der Türkei"; the country's word names no topic."""
    topic, word = next((t, w) for t in directory.knowledge.topics for w in t.words
                       if " " not in w and "-" not in w and w[:1].isupper() and directory.topics_in(fold(w)) == [t])
    understanding = actions.UNDERSTANDING.get(directory)
    passport = make_tracker(text=f"Mein Mann hat nur einen {word} Pass. Was darf er wählen?", intent="ask_general_info")
    assert topic not in understanding.read(passport, Memory()).topics


def test_was_ist_mit_a_city_asks_where_the_subject_sits(directory) -> None:
    """"was ist mit Dortmund?" after a partner, heard unsure by the classifier: the subject's
    place in that city, not "Meinten Sie …?"."""
    partner, city = next((p, c) for p in directory.partners if len(p.cities) > 1 for c in p.cities)
    turns = converse([
        (f"Was macht {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        (f"was ist mit {city}?", "nlu_fallback", [entity("city", city)]),
    ])
    assert city in turns[1][0] and partner.display_name in turns[1][0], turns[1][0]


def test_a_fact_asked_in_another_language_of_a_list_is_the_listed_partner_whose_sentence_says_it(
        directory) -> None:
    """"Bu hizmet kaç yaşına kadar geçerli? Ağabeyi de 26 yaşında." after a list: "bu" points at
    the list; the listed partner with an age sentence answers. The statement after the question
    is context (it tells an age), not what is asked."""
    partner = next(p for p in directory.partners if any("Alter von" in s for s in p.quoted_sentences))
    group_id = next(g for g in partner.target_groups if len(directory.for_target_group(g)) > 1)
    group = next(g for g in directory.knowledge.target_groups if g.id == group_id)
    sentence = next(s for s in partner.quoted_sentences if "Alter von" in s)
    (listed, _), (asked, slots) = converse([
        (f"Wer hilft {group.words[0]}?", "ask_target_group_help", [entity("target_group", group.id)]),
        ("Bu hizmet kaç yaşına kadar geçerli? Ağabeyi de 26 yaşında.", "out_of_scope", []),
    ])
    assert len([p for p in directory.for_target_group(group.id) if p.display_name in listed]) > 1, listed
    assert sentence in asked and slots["last_asked"] == "fact", asked


def test_going_back_a_group_said_names_the_one_partner_talked_about_that_serves_it(directory) -> None:
    """"Zurück zu dem Projekt für Lehrer von vorhin: wo kann ich im Internet mehr lesen?": the group
    names the one partner talked about that serves it; its web address is asked."""
    group, partner, others = next((g, p, listed) for g in directory.knowledge.target_groups
                                  for p in directory.for_target_group(g.id) if p.contact_items("web")
                                  for h in directory.knowledge.target_groups
                                  if len(listed := directory.for_target_group(h.id)) > 1
                                  and not any(g.id in o.target_groups for o in listed))
    other_group = next(g for g in directory.knowledge.target_groups if directory.for_target_group(g.id) == others)
    turns = converse([
        (f"Was macht {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        (f"Wer hilft {other_group.words[0]}?", "ask_target_group_help", [entity("target_group", other_group.id)]),
        ("und die erste?", "follow_up", []),
        (f"Zurück zu dem Projekt für {group.words[0]} von vorhin: wo kann ich im Internet mehr lesen?",
         "ask_target_group_help", [entity("target_group", group.id), entity("contact_attribute", "web")]),
    ])
    assert partner.contact_items("web")[0].value in turns[3][0], turns[3][0]


def test_a_group_word_the_subject_serves_not_is_a_fact_asked_of_it(directory) -> None:
    """"Und wer ist der Träger?" after the ZfTI: "Träger" names a group the ZfTI is not for and a kind
    of fact (Rechtsform); its sentence answers, not the list of who helps Träger."""
    zfti = directory.knowledge.partner("zfti")
    sentence = next(s for s in zfti.quoted_sentences if "Stiftung" in s)
    turns = converse([
        (f"Seit wann gibt es {zfti.short_name}?", "ask_partner_info", [entity("partner", zfti.id)]),
        ("Und wer ist der Träger?", "follow_up", [entity("target_group", "traeger")]),
    ])
    assert sentence in turns[1][0] and turns[1][1]["last_asked"] == "fact", turns[1][0]


def test_a_partner_counted_with_words_the_page_does_not_use_gets_what_the_page_says(directory) -> None:
    """"Woraus ist die zweite hervorgegangen?" (the classifier unsure): the second of the list is
    asked about; the page not saying it of that one is the answer, with what it says, not "Meinten Sie …?"."""
    group = next(g for g in directory.knowledge.target_groups if len(directory.for_target_group(g.id)) == 2)
    second = directory.for_target_group(group.id)[1]
    (_, _), (reply, slots) = converse([
        (f"Wer hilft {group.words[0]}?", "ask_target_group_help", [entity("target_group", group.id)]),
        ("Was treibt die zweite eigentlich an?", "nlu_fallback", []),
    ])
    assert slots["last_asked"] == "not_stated" and second.description in reply, reply


def test_a_pronoun_before_a_conjunction_points_back() -> None:
    """"In welcher Stadt sitzen die, und was ist das rechtlich?": "die" ends its clause (the comma is
    folded away); an article would stand before a noun, never before "und"."""
    assert has_pointer("in welcher stadt sitzen die und was ist das rechtlich".split(), is_noun=WORDING.is_noun)
    assert has_pointer("beraten die oder nicht".split(), is_noun=WORDING.is_noun)
    assert not has_pointer("wer hilft eltern und kindern".split(), is_noun=WORDING.is_noun)


def test_a_possessive_after_the_question_word_and_its_verb_points_back() -> None:
    """"worauf stützt sich ihre Arbeit, Gesetz oder was?" asks about the subject's work ("Arbeit" is
    no topic asked); a possessive in a story is someone else's."""
    assert has_pointer("worauf stuetzt sich ihre arbeit gesetz oder was".split(), is_noun=WORDING.is_noun)
    assert has_pointer("wie ist ihre adresse".split(), is_noun=WORDING.is_noun)
    assert not has_pointer("meine frau und ihre schwester suchen arbeit".split(), is_noun=WORDING.is_noun)


def test_whether_a_claim_is_proven_is_asked_of_the_page_not_of_the_source(directory) -> None:
    """"Ist belegt, dass …?" with a claim after it asks whether the page says so (the Väterarbeit's
    "fördert nachweislich die Entwicklung der Kinder"), not where the last answer came from."""
    reply, slots = ask("Ist das eigentlich belegt, dass die Kinder davon profitieren, wenn Väter in der Erziehung "
                       "mitmachen?", "ask_target_group_help", [entity("target_group", "vaeter")])
    assert "nachweislich die Entwicklung der Kinder" in reply, reply
    # Without a claim, the same words ask for the source: the page and the partner's section.
    partner = directory.knowledge.partner("vaeterarbeit")
    source, _ = ask("Ist das belegt?", "ask_capabilities", slots={SUBJECT_SLOT: partner.id})
    assert partner.source in source and "nachweislich" not in source, source


def test_a_statement_after_the_question_is_context_told_before_it() -> None:
    assert question_last(["Wo ist das?", "Ich wohne in Köln."]) == ["Ich wohne in Köln.", "Wo ist das?"]
    assert question_last(["Ich wohne in Köln.", "Wo ist das?"]) == ["Ich wohne in Köln.", "Wo ist das?"]
    # No question, or something after it that is no statement: as written.
    assert question_last(["Danke.", "Tschüss."]) == ["Danke.", "Tschüss."]
    assert question_last(["Wo ist das?", "Zeig mir die Adresse"]) == ["Wo ist das?", "Zeig mir die Adresse"]


@pytest.mark.parametrize("text, intent", [
    ("bis zu welchem alter?", "goodbye"),
    ("Das Letzte in der Aufzählung: bis zu welchem Alter sind die zuständig?", "follow_up"),
])
def test_a_question_phrase_asks_about_the_subject_whatever_the_classifier_heard(directory, text, intent) -> None:
    """"bis zu welchem Alter?" sounds like "bis bald" (goodbye): a question phrase and hardly
    anything else is a question about the subject, answered with its sentence. A number is a
    number of the phrase's noun: "… sind die zuständig?" asks the age, whatever else the page says
    of the other words ("zuständig", "Aufzählung")."""
    partner = next(p for p in directory.partners if any("Alter von" in s for s in p.quoted_sentences))
    sentence = next(s for s in partner.quoted_sentences if "Alter von" in s)
    turns = converse([
        (f"Was macht {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        (text, intent, []),
    ])
    assert sentence in turns[1][0], turns[1][0]


def test_an_article_before_a_noun_points_back_to_nothing() -> None:
    """"hat das land auch was für die Papas?": "das" before a noun is an article; "fördern die
    den Austausch?" still points back."""
    assert not has_pointer("hat das land auch was fuer die papas".split(), is_noun=WORDING.is_noun)
    assert has_pointer("foerdern die den austausch".split(), is_noun=WORDING.is_noun)
    assert WORDING.is_noun("beratung") and not WORDING.is_noun("auch") and not WORDING.is_noun("den")


def test_a_word_after_an_indefinite_article_names_no_partner_talked_about(directory) -> None:
    """"gibt es für Lehrkräfte auch ein Netzwerk?" after the Elternnetzwerk asks for a network
    for teachers: "ein Netzwerk" is some network, not the one of the subject's name."""
    understanding = actions.UNDERSTANDING.get(directory)
    partner, group, word = next(
        (p, g, t) for p in directory.partners for g in directory.knowledge.target_groups
        if g.id not in p.target_groups and directory.for_target_group(g.id)
        for t in sorted(understanding._name_terms[p.id]) if len(t) > 4 and t.isalpha()
        and not directory.topics_in(t) and not directory.groups_in(t)
        and not any(t in understanding._name_terms[o.id] for o in directory.for_target_group(g.id)))
    memory = Memory(mentioned=[partner.id], listed=[])
    tracker = make_tracker(text=f"gibt es für {group.words[0]} auch ein {word}?",
                           intent="ask_target_group_help", entities=[entity("target_group", group.id)])
    question = understanding.read(tracker, memory)
    assert partner not in question.partners, (partner.id, group.id, word)


def test_a_year_is_no_answer_to_how_many() -> None:
    """"wie viele …?" asks for a count: "im Jahr 2007" carries a date, not a number; "15
    Mitglieder" and "4 Mio." carry numbers."""
    assert not ANSWER_EVIDENCE["number"].search("wurde im Jahr 2007 initiiert")
    assert ANSWER_EVIDENCE["date"].search("wurde im Jahr 2007 initiiert")
    assert ANSWER_EVIDENCE["number"].search("aus 15 Mitgliedern") and ANSWER_EVIDENCE["number"].search("4 Mio. Menschen")


def test_a_group_phrase_in_a_quoted_sentence_stands_for_the_group(knowledge) -> None:
    """The page says "das erste Bundesland", a question "Vorreiter": when a group holds both,
    the sentence is found by the group's word, because its phrase is read as the group too."""
    partner = next(p for p in knowledge.partners if len(p.quoted_sentences) > 2)
    sentence = partner.quoted_sentences[1]
    phrase = " ".join(WORDING.words(sentence)[1:4])
    group = Vocabulary(id="probe", label="Probe", words=("Quastenflosser", phrase))
    index = FactIndex(dataclasses.replace(knowledge, fact_words=(*knowledge.fact_words, group)), WORDING)
    hit = index.best(WORDING.terms("Quastenflosser"), [partner.id])
    assert hit is not None and hit.sentence.text == sentence, (phrase, hit)


def test_a_list_question_pointing_at_the_subject_is_about_the_subject(directory) -> None:
    """"Um welche Themen geht es dort hauptsächlich?" (heard as a list question) after a
    partner: what the partner is about, not every partner of the page."""
    partner, other = directory.partners[0], directory.partners[1]
    turns = converse([
        (f"Was macht {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        ("Um welche Themen geht es dort hauptsächlich?", "ask_partner_list", []),
    ])
    assert partner.display_name in turns[1][0] and other.display_name not in turns[1][0], turns[1][0]


def test_an_ordinal_before_a_word_of_a_lists_lead_in_asks_for_that_item(directory) -> None:
    """"und was ist das dritte Ziel?" after a partner whose page lists its goals ("folgende
    Ziele: …"): the third goal, not the third partner talked about."""
    partner, quoted, noun = next(
        (p, q, w) for p in directory.partners for q in p.lists if not q.items_stand_alone and len(q.items) >= 3
        for w in WORDING.words(q.lead) if w[:1].isupper() and len(w) > 3 and not any(w in n for n in p.names))
    turns = converse([
        (f"Was macht {partner.name}?", "ask_partner_info", [entity("partner", partner.id)]),
        (f"und was ist das dritte {noun}?", "follow_up", []),
    ])
    assert quoted.items[2] in turns[1][0] and quoted.items[0] not in turns[1][0], (noun, turns[1][0])


def test_a_question_whether_such_a_partner_exists_is_answered_by_what_it_is(directory) -> None:
    """"Hat das Land eine eigene Initiative speziell für Jungs?" asks whether such a partner
    exists: its description, not one sentence that shares the group's or the name's words."""
    partner = directory.knowledge.partner("jungenarbeit")
    (reply, slots), = converse([
        ("Hat das Land eine eigene Initiative speziell für Jungs?", "ask_target_group_help",
         [entity("target_group", "jungen")]),
    ])
    assert partner.description in reply and slots["partner"] == partner.id


def test_a_thing_asked_to_exist_at_a_named_partner_is_its_sentence(directory) -> None:
    """"gibt es beim JMD auch eine Onlineberatung?": the partner is named; what is asked to exist
    there is the Onlineberatung, so its sentence answers, not the description."""
    partner = directory.knowledge.partner("jmd")
    sentence = next(s for s in partner.quoted_sentences if "Onlineberatung an" in s)
    (reply, _), = converse([
        ("gibt es beim JMD auch eine Onlineberatung?", "ask_partner_contact",
         [entity("partner", "jmd"), entity("topic", "beratung")]),
    ])
    assert sentence in reply and partner.description not in reply


def test_a_pointer_typed_without_umlauts_points_back(directory) -> None:
    """"bin ich nich zu alt dafur?" (no umlaut keyboard) after the JMD: "dafur" is "dafür", so
    the question is about the JMD's age limit, whatever the classifier heard."""
    partner = directory.knowledge.partner("jmd")
    sentence = next(s for s in partner.quoted_sentences if "12 bis 27" in s)
    turns = converse([
        ("Was machen die Jugendmigrationsdienste?", "ask_partner_info", [entity("partner", "jmd")]),
        ("bin ich nich zu alt dafur?", "feedback_not_helpful", []),
    ])
    assert sentence in turns[1][0]


def test_a_group_said_outweighs_an_age_told(directory) -> None:
    """"mein Junge ist 14 … gibts Angebote extra für Jungen?": the group asked for decides; the
    age only says who is meant, so a partner that fits by age alone is not listed."""
    for_boys = directory.for_target_group("jungen")
    by_age = directory.knowledge.partner("jmd")
    assert by_age not in for_boys and any("12 bis 27" in s for s in by_age.quoted_sentences)
    (reply, _), = converse([
        ("mein Junge ist 14, die Lehrer sagen ständig er macht nur Probleme. gibts Angebote extra für Jungen?",
         "ask_target_group_help", [entity("target_group", "jungen")]),
    ])
    assert all(p.display_name in reply for p in for_boys) and by_age.display_name not in reply


def test_a_word_typed_without_its_umlaut_meets_the_word_with_it() -> None:
    """"wofur kampft die?" on a keyboard without umlauts: "kampft" is "kämpft"; a word the table
    knows as typed stays itself ("fordern" is no "fördern")."""
    assert WORDING.lemma("kampft") == WORDING.lemma("kämpft")
    assert WORDING.lemma("schuler") == WORDING.lemma("Schüler")
    assert WORDING.lemma("fordern") != WORDING.lemma("fördern")


def test_a_group_and_a_topic_named_outweigh_an_out_of_scope_guess(directory) -> None:
    """"ich gehöre zu den Sinti. gibt es eine Beratungsstelle extra für uns?" heard as out of
    scope, but with a group and a topic of the page named: who helps them."""
    partner = directory.knowledge.partner("sinti_roma_beratung")
    (reply, _), = converse([
        ("nebenbei, ich gehöre zu den Sinti. gibt es eine Beratungsstelle extra für uns?", "out_of_scope",
         [entity("topic", "beratung"), entity("target_group", "sinti_roma")]),
    ])
    assert partner.display_name in reply


def test_a_bare_which_question_asks_about_the_subject(directory) -> None:
    """"mit welchem Ziel eigentlich?" after the ZfTI, heard as "bist du ein Bot?": a "welche"
    question with one word of the page asks about the subject."""
    partner = directory.knowledge.partner("zfti")
    sentence = next(s for s in partner.quoted_sentences if "mit dem Ziel" in s)
    turns = converse([
        (f"Was ist das {partner.short_name}?", "ask_partner_info", [entity("partner", partner.id)]),
        ("mit welchem Ziel eigentlich?", "bot_challenge", []),
    ])
    assert sentence in turns[1][0]


def test_a_definite_group_of_the_subject_is_its_people(directory) -> None:
    """"welche Angebote gibt es für die Eltern?" after the Elternnetzwerk: "die Eltern" are the
    subject's, so its sentence answers, not a new list of who helps parents."""
    partner = directory.knowledge.partner("elternnetzwerk")
    sentence = next(s for s in partner.quoted_sentences if s.startswith("Es bietet"))
    turns = converse([
        (f"Was ist das {partner.short_name}?", "ask_partner_info", [entity("partner", partner.id)]),
        ("welche Angebote gibt es für die Eltern?", "ask_target_group_help", [entity("target_group", "eltern")]),
    ])
    assert sentence in turns[1][0] and turns[1][1]["last_asked"] == Asked.FACT.value


def test_a_message_that_says_only_whom_gets_the_sentence_saying_whom_a_partner_is_for(directory) -> None:
    """"gibt es was für mich als Vater?": the Väterarbeit's sentence about projects that address
    fathers ("… die sich speziell an Väter … richten"), not any sentence with "Vätern" in it."""
    partner = directory.knowledge.partner("vaeterarbeit")
    for_whom = next(s for s in partner.quoted_sentences if "richten" in s)
    (reply, _), = converse([
        ("gibt es was für mich als Vater?", "ask_target_group_help", [entity("target_group", "vaeter")]),
    ])
    assert for_whom in reply


def test_a_simple_list_quotes_the_partners_first_sentence_when_nothing_else_fits(directory) -> None:
    """"gibt es was für Eltern?" in simple words: beside the simple text, the page's own first
    sentence of the partner is quoted as the record, as in the full list."""
    partner = directory.knowledge.partner("elternnetzwerk")
    assert not any("richten" in s or "wendet" in s for s in partner.quoted_sentences)
    (reply, _), = converse([
        ("gibt es was für Eltern?", "ask_target_group_help", [entity("target_group", "eltern")]),
    ])
    assert partner.simple in reply and f"„{partner.quoted_sentences[0]}“" in reply


def test_a_question_beside_a_contact_question_gets_its_sentence(directory) -> None:
    """"kostet das was? kann ich auch im Internet fragen?": the first question is answered by the
    sentence about the free online counselling (its web address comes with it), not only by the
    web address the second asks for."""
    partner = directory.knowledge.partner("jmd")
    sentence = next(s for s in partner.quoted_sentences if "kostenlose Onlineberatung" in s)
    turns = converse([
        ("Was machen die Jugendmigrationsdienste?", "ask_partner_info", [entity("partner", "jmd")]),
        ("kostet das was? kann ich auch im internet fragen?", "nlu_fallback", [entity("contact_attribute", "web")]),
    ])
    assert sentence in turns[1][0]


def test_a_single_partner_listed_is_quoted_by_its_sentence_beyond_the_description_that_fits_the_story(
        directory) -> None:
    """"Ich schreibe über deutsch-türkische Migration. Gibt es dafür ein Forschungsinstitut?":
    the one partner comes with its description anyway; the sentence quoted above it is the one
    that fits what the whole message says (the story too), not the short "Institut an der …"
    that shares only "Institut" with the asking sentence."""
    partner = directory.knowledge.partner("zfti")
    fitting = next(s for s in partner.quoted_sentences if s.startswith("Seitdem"))
    assert fitting not in (partner.description or "")
    (reply, _), = converse([
        ("Für mein Studium schreibe ich über deutsch-türkische Migration. Gibt es dafür ein Forschungsinstitut?",
         "ask_target_group_help", [entity("topic", "forschung"), entity("topic", "tuerkei")]),
    ])
    assert f"„{fitting}“" in reply


def test_a_sentence_that_only_names_the_subject_asks_nothing_beside_a_contact_question(directory) -> None:
    """"Zurück zum Landesintegrationsrat: welche Internetseite hat der?": the words before the colon
    say whose web address is asked; they are no question of their own that a quote answers."""
    partner = directory.knowledge.partner("landesintegrationsrat")
    turns = converse([
        ("Was ist der Landesintegrationsrat?", "ask_partner_info", [entity("partner", "landesintegrationsrat")]),
        ("Wie viele Mitglieder hat das KfI?", "ask_partner_info", [entity("partner", "kfi")]),
        ("Zurück zu den kommunalen Integrationsräten und ihrem Rat auf Landesebene: welche Internetseite hat der?",
         "ask_partner_contact", [entity("partner", "landesintegrationsrat"), entity("contact_attribute", "web")]),
    ])
    reply, slots = turns[2]
    assert partner.contact_items("web")[0].value in reply and slots["last_asked"] == "fields"


def test_a_pronoun_after_a_partner_described_in_the_same_message_means_that_partner(directory) -> None:
    """"Ich suche noch ein Institut, das zur Türkei forscht. Was machen die genau?" after the DOMiD:
    "die" is the institute just described, not the museum talked about before."""
    turns = converse([
        ("Gibt es ein Museum zur Einwanderung?", "ask_target_group_help", [entity("topic", "geschichte")]),
        ("Ich suche noch ein Institut, das zur Türkei forscht. Was machen die genau?", "ask_target_group_help",
         [entity("topic", "forschung")]),
    ])
    reply, slots = turns[1]
    assert slots["partner"] == "zfti" and directory.knowledge.partner("zfti").name in reply


def test_a_subject_that_shares_only_a_word_of_every_section_yields_to_a_partner_that_shares_three(directory) -> None:
    """After the KfI, "hat das Land dort einen Konsultativstatus beim Wirtschafts- und Sozialrat?":
    the KfI's sentences share only "Land", a word of every section; the ZfTI's sentence shares the
    status, the council and more, so it answers (a pointer is no reason to keep a subject that has
    nothing on the question)."""
    zfti = directory.knowledge.partner("zfti")
    sentence = next(s for s in zfti.quoted_sentences if "Konsultativstatus" in s)
    turns = converse([
        ("Was ist das KfI?", "ask_partner_info", [entity("partner", "kfi")]),
        ("Und hat das Land dort einen Konsultativstatus beim Wirtschafts- und Sozialrat?", "ask_partner_info", []),
    ])
    assert sentence in turns[1][0] and turns[1][1]["partner"] == "zfti"


def test_a_question_pointing_at_the_subject_stays_with_it_when_only_another_partner_has_its_word(directory) -> None:
    """"kostet das für mich?" after the anti-discrimination offices: "das" points at them; that only
    the JMD's sentence has a word of costs ("kostenlose Onlineberatung") makes no new subject. The
    page says nothing on their costs, and the bot says so about them."""
    adb, jmd = directory.knowledge.partner("adb"), directory.knowledge.partner("jmd")
    turns = converse([
        ("Was sind die Antidiskriminierungsbüros?", "ask_partner_info", [entity("partner", "adb")]),
        ("kostet das für mich?", "out_of_scope", []),
    ])
    reply, slots = turns[1]
    assert adb.display_name in reply and jmd.display_name not in reply and slots["last_asked"] == "not_stated"


def test_a_partner_named_in_a_question_whether_it_belongs_to_the_subject_gets_the_subjects_sentence(directory) -> None:
    """After the LAG JSA, "gehören die Jugendmigrationsdienste auch dazu?": the LAG's sentence that
    names them (its Träger run … Jugendmigrationsdienste) answers, not what the JMD are; "und die
    JMD, was bieten die an?" asks about the JMD themselves."""
    lag = directory.knowledge.partner("lag_jsa")
    sentence = next(s for s in lag.quoted_sentences if s.endswith("Jugendmigrationsdienste."))
    turns = converse([
        ("Was macht die LAG JSA?", "ask_partner_info", [entity("partner", "lag_jsa")]),
        ("gehören die Jugendmigrationsdienste auch dazu?", "ask_partner_info", [entity("partner", "jmd")]),
    ])
    assert sentence in turns[1][0] and turns[1][1]["partner"] == "lag_jsa"
    turns = converse([
        ("Was macht die LAG JSA?", "ask_partner_info", [entity("partner", "lag_jsa")]),
        ("und die Jugendmigrationsdienste, was bieten die an?", "ask_partner_info", [entity("partner", "jmd")]),
    ])
    assert sentence not in turns[1][0] and turns[1][1]["partner"] == "jmd"
    # Said as a statement, then asked about them: a question about the JMD.
    turns = converse([
        ("Was macht die LAG JSA?", "ask_partner_info", [entity("partner", "lag_jsa")]),
        ("Die Jugendmigrationsdienste gehören da ja auch dazu. Wie viele gibt es davon bundesweit?",
         "ask_partner_info", [entity("partner", "jmd")]),
    ])
    assert sentence not in turns[1][0] and turns[1][1]["partner"] == "jmd"


def test_a_question_for_the_offer_also_asks_for_the_tasks(directory) -> None:
    """"Was bieten die Jugendmigrationsdienste konkret an?": the sentence on their main tasks
    ("… zählen zu den wesentlichen Aufgaben der JMD") answers, not only the shorter one that
    happens to say "bieten" (the online counselling). The knowledge file says so: the group
    'angebot' asks also for 'aufgabe'."""
    jmd = directory.knowledge.partner("jmd")
    tasks = next(s for s in jmd.quoted_sentences if "wesentlichen Aufgaben" in s)
    (reply, _), = converse([
        ("Was bieten die Jugendmigrationsdienste konkret an?", "ask_partner_info", [entity("partner", "jmd")]),
    ])
    assert tasks in reply


def test_a_question_for_where_a_named_partners_fact_comes_from_gets_its_sentence(directory) -> None:
    """"Quelle für Infos zur IntMK 2015/16?" asks where the page says to look, not where the bot's
    answers come from: the IntMK's sentence that shares "2015" answers. "Woher hast du die Infos
    über das KfI?" still gets the source."""
    intmk = directory.knowledge.partner("intmk")
    sentence = next(s for s in intmk.quoted_sentences if "2015/2016" in s)
    (reply, slots), = converse([
        ("Quelle für Infos zur IntMK 2015/16?", "out_of_scope", [entity("partner", "intmk")]),
    ])
    assert sentence in reply and slots["last_asked"] == "fact"
    kfi = directory.knowledge.partner("kfi")
    (reply, _), = converse([
        ("Woher hast du die Infos über das KfI?", "out_of_scope", [entity("partner", "kfi")]),
    ])
    assert kfi.source in reply and directory.knowledge.source_copied in reply  # the source reply: its date


def test_the_close_second_quoted_is_the_sentence_sharing_most_of_the_question_prose_before_an_item(
        directory, index: FactIndex) -> None:
    """"wessen Interessen vertreten die?" about the LAG JSA: its short list items win on length,
    but the sentence of prose that says whose interests (the description's "Als … Zusammenschluss
    … vertritt … die Interessen sozial benachteiligter …") shares more of the question and is
    quoted beside the item."""
    lag = directory.knowledge.partner("lag_jsa")
    prose = next(s for s in lag.quoted_sentences if s.startswith("Als pluraler Zusammenschluss"))
    hit = index.best(WORDING.terms("wessen Interessen vertreten die?"), ["lag_jsa"])
    assert hit is not None and hit.sentence.text != prose and hit.also is not None and hit.also.text == prose


def test_und_with_a_group_after_a_figure_asks_the_figure_of_that_group(knowledge) -> None:
    """"Wie viele Muslime leben in NRW?" -> "Und Menschen mit Einwanderungsgeschichte insgesamt?":
    the same question (how many) of the group just named, which the page's introduction answers,
    not a partner's sentence that merely names such people."""
    figure = next(f for f in knowledge.general.facts if "vier Millionen" in f)
    turns = converse([
        ("Wie viele Musliminnen und Muslime leben in NRW?", "ask_general_info", []),
        ("Und Menschen mit Einwanderungsgeschichte insgesamt?", "ask_general_info",
         [entity("target_group", "migranten")]),
    ])
    assert "Millionen" in turns[0][0] and figure in turns[1][0]


def test_a_complaint_after_a_story_quotes_the_sentence_that_says_where_to_turn(directory) -> None:
    """"Der Vermieter hat mir die Wohnung nicht gegeben, wegen meiner Herkunft. Wo kann ich
    mich beschweren?": "beschweren" is a word of the topic discrimination and of the kind of
    fact "Anlaufstelle"; the offices' sentence on "Anlaufstellen … für von Diskriminierung
    Betroffene" says more than the topic, so it is the reason quoted, not the sentence that
    shares most of the topic's own words."""
    understanding = actions.UNDERSTANDING.get(directory)
    kind = next(g for g in directory.knowledge.fact_words if g.id == "anlaufstelle")
    word = next(w for w in kind.words if any(t.id == "diskriminierung" for t in directory.topics_in(fold(w))))
    tracker = make_tracker(text=f"Der Vermieter hat mir die Wohnung nicht gegeben, wegen meiner Herkunft. "
                                f"Wo kann ich mich {word}?", intent="ask_target_group_help")
    question = understanding.read(tracker, Memory())
    assert question.asked == Asked.HELP and question.partners[0].id == "adb"
    assert "Anlaufstellen" in question.reasons["adb"]


def test_a_thing_only_one_partners_page_names_makes_it_first_of_the_list(directory, index) -> None:
    """"Er sagt, es gibt Jugendwerkstätten. Wer macht sowas?" with a topic whose partners do
    not say it: the partner whose page names that thing comes first. A word of a story told
    before "wer kann mir helfen?" does not (it is no thing asked for)."""
    understanding = actions.UNDERSTANDING.get(directory)
    topic = next(t for t in directory.knowledge.topics if len(directory.for_topic(t.id)) >= 2)
    fitting = {p.id for p in directory.for_topic(topic.id)}
    partner, word = next(
        (p, w) for p in directory.partners if p.id not in fitting for s in p.quoted_sentences
        for w in WORDING.words(s) if len(w) >= 12 and w[0].isupper() and not directory.topics_in(fold(w))
        and not directory.groups_in(fold(w)) and not any(fold(w) in fold(" ".join([o.name, *o.aliases]))
                                                         for o in directory.partners)
        and index.partners_with(WORDING.lemma(w)) == {p.id})
    asked = make_tracker(text=f"Ich habe von {word} gehört. Wer macht sowas?", intent="ask_target_group_help",
                         entities=[entity("topic", topic.id)])
    question = understanding.read(asked, Memory())
    assert question.asked == Asked.HELP and question.partners[0].id == partner.id, (word, question.partners)
    told = make_tracker(text=f"Ich habe von {word} gehört. Wer kann mir helfen?", intent="ask_target_group_help",
                        entities=[entity("topic", topic.id)])
    assert partner.id not in {p.id for p in understanding.read(told, Memory()).partners}


def test_a_contact_question_that_asks_a_kind_of_fact_too_gets_the_sentence_first(directory, index) -> None:
    """"Kann man sich beim JMD auch anonym im Internet beraten lassen?": the web address is asked,
    and "anonym" asks what the page says of it: the sentence that says it ("… eine anonyme und
    kostenlose Onlineberatung") comes first, the web addresses after it."""
    kind = next(g for g in directory.knowledge.fact_words if g.id == "anonym")
    partner = next(p for p in directory.partners if p.contact_items("web")
                   and p.id in index.partners_with(f"~{kind.id}"))
    sentence = next(s for s in partner.quoted_sentences if f"~{kind.id}" in index.known(WORDING.terms(s)))
    reply = converse([(f"Kann man sich bei {partner.short_name} auch {kind.words[0]} im Internet beraten lassen?",
                       "ask_partner_contact", [entity("partner", partner.id), entity("contact_attribute", "web")])])[0][0]
    web = partner.contact_items("web")[0].value
    assert sentence in reply and web in reply and reply.index(sentence) < reply.index(web), reply
    # Without the kind of fact, the web address alone.
    reply = converse([(f"Hat {partner.short_name} eine Internetseite?", "ask_partner_contact",
                       [entity("partner", partner.id), entity("contact_attribute", "web")])])[0][0]
    assert web in reply and sentence not in reply, reply


def test_a_contact_question_naming_the_subject_by_a_kind_of_fact_gets_the_contact_alone(directory) -> None:
    """"Zurück zur Verteilstelle aus Arnsberg: haben die eine Homepage?": "Verteilstelle" names
    the subject (a word of its name that is also a kind of fact); it asks nothing beside the
    web address, so no sentence is quoted before it."""
    understanding = actions.UNDERSTANDING.get(directory)
    partner, alias = next((p, w) for p in directory.partners if p.contact_items("web") for a in p.aliases
                          for w in a.split() if w.isalpha() and len(w) >= 6
                          and any(is_concept(t) for t in understanding.index.known([WORDING.lemma(w)])))
    tracker = make_tracker(text=f"Zurück zur {alias}: haben die eine Homepage?", intent="ask_partner_contact",
                           entities=[entity("partner", partner.id), entity("contact_attribute", "web")])
    question = understanding.read(tracker, Memory(mentioned=[partner.id], subject=partner.id))
    assert question.asked == Asked.FIELDS and question.fact is None, (alias, question.fact)


def test_a_kind_the_subject_is_not_asked_for_a_group_starts_a_new_subject(directory) -> None:
    """"Gibt es auf Landesebene ein eigenes Gremium für diese Gruppe?" after a partner (not a
    Gremium) that also serves the group: "diese" points at the group; the answer is the group's
    partners of that kind, not the subject."""
    understanding = actions.UNDERSTANDING.get(directory)
    group, subject, other = next(
        (g, s, o) for g in directory.knowledge.target_groups for s in directory.for_target_group(g.id)
        for o in directory.for_target_group(g.id) if s.kind != o.kind)
    # A word of the subject's page in the message ("auf Landesebene" ~ "landesweit") must not keep it.
    word = next(w for s in subject.quoted_sentences for w in WORDING.words(s) if len(w) >= 8 and w.isalpha()
                and not directory.groups_in(fold(w)) and not directory.topics_in(fold(w))
                and not any(w in o for o in other.quoted_sentences)
                and not any(fold(w) in fold(" ".join([o.name, *o.aliases])) for o in directory.partners))
    tracker = make_tracker(text=f"Gibt es da auch ein eigenes {other.kind} zu {word} für diese Gruppe?",
                           intent="ask_target_group_help",
                           entities=[entity("target_group", group.id), entity("kind", other.kind)])
    question = understanding.read(tracker, Memory(mentioned=[subject.id], subject=subject.id,
                                                  last_asked=Asked.FACT.value))
    assert other.id in {p.id for p in question.partners} and subject.id not in {p.id for p in question.partners}


def test_questions_that_name_no_group_ask_about_the_group_of_the_nearest_sentence(directory) -> None:
    """"… meine Eltern kamen aus Griechenland. Eine Kollegin meinte, es gibt ein Landesprojekt
    für Lehrkräfte wie mich. Was hat es damit auf sich?": the question names no group; the
    sentence nearest before it says which one is asked about, the story before that is context."""
    understanding = actions.UNDERSTANDING.get(directory)
    told, asked = [(g, w) for g in directory.knowledge.target_groups for w in g.words[:1]
                   if [x.id for x in directory.groups_in(fold(w))] == [g.id]][:2]
    tracker = make_tracker(text=f"Es geht um {told[1]}. Eine Kollegin meinte, es gibt ein Projekt für {asked[1]}. "
                                f"Was hat es damit auf sich?", intent="ask_target_group_help")
    question = understanding.read(tracker, Memory())
    assert [g.id for g in question.groups] == [asked[0].id]


def test_such_or_their_group_after_a_partner_are_the_partners_own_people(directory) -> None:
    """After the LAG JSA, "Welche Einrichtungen betreiben solche Träger vor Ort?" asks about the
    LAG's Träger, not who helps Träger: the message points back at the LAG."""
    understanding = actions.UNDERSTANDING.get(directory)
    for words in ("solche Träger", "ihre Träger", "die Träger", "diese Träger"):
        tracker = make_tracker(text=f"Welche Einrichtungen betreiben {words} vor Ort?", intent="ask_target_group_help",
                               entities=[entity("target_group", "traeger")])
        question = understanding.read(tracker, Memory(subject="lag_jsa", mentioned=["lag_jsa"]))
        assert question.points_back and [p.id for p in question.partners] == ["lag_jsa"], words
    tracker = make_tracker(text="Welche Einrichtungen betreiben Träger vor Ort?", intent="ask_target_group_help",
                           entities=[entity("target_group", "traeger")])
    assert not understanding.read(tracker, Memory(subject="lag_jsa", mentioned=["lag_jsa"])).points_back


def test_a_subjects_sentence_that_shares_only_the_groups_words_yields_to_a_better_one(directory) -> None:
    """After a fact about the JMD (who serve young people too), "und wer setzt sich für die Interessen
    benachteiligter junge Leute ein?": its sentences share only "Junge" (the group's word as said);
    the LAG JSA's sentence on disadvantaged young people answers. "Um welche Jugendlichen geht es denen?" after
    the LAG stays with the LAG: a word part ("…lichen") is no reason to leave it."""
    understanding = actions.UNDERSTANDING.get(directory)
    group = [entity("target_group", "junge_menschen")]

    def partners(text: str, subject: str) -> List[str]:
        memory = Memory(subject=subject, mentioned=[subject], last_asked=Asked.FACT.value)
        tracker = make_tracker(text=text, intent="ask_target_group_help", entities=group)
        return [p.id for p in understanding.read(tracker, memory).partners]

    assert partners("und wer setzt sich bei politischen Entscheidungsträgern für die Interessen benachteiligter "
                    "junge Leute ein?", "jmd") == ["lag_jsa"]
    assert partners("Um welche Jugendlichen geht es denen?", "lag_jsa") == ["lag_jsa"]


def test_counting_ones_own_questions_is_no_reference_to_a_listed_partner(directory) -> None:
    """"Letzte Frage: …" counts the writer's questions; "der letzte" after a list is a partner."""
    from actions.cues import ordinal_in
    assert ordinal_in("letzte frage wo werden grundsatzentscheidungen getroffen".split()) is None
    assert ordinal_in("zweite sache wer hilft".split()) is None
    assert ordinal_in("fuer das zweite kapitel wer vertritt die traeger".split()) is None
    assert ordinal_in("und der letzte wo ist der".split()) == -1
    # "noch eine zweite Organisation" asks for one more; "die zweite" counts back.
    assert ordinal_in("gibt es noch eine zweite organisation fuer sie".split()) is None
    assert ordinal_in("und die zweite wo ist die".split()) == 1


def test_a_partner_talked_about_is_named_by_a_word_in_the_story_before_the_question(directory) -> None:
    """"nochmal zu der Initiative für Jungs: tragen die auch Projekte zusammen?" after the
    Jungen-Initiative and another partner: "Initiative" (before the colon) names it."""
    initiative = directory.knowledge.partner("jungenarbeit")
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="lag_jsa", mentioned=["jungenarbeit", "lag_jsa"])
    tracker = make_tracker(text="nochmal zu der Initiative: tragen die auch Projekte und Angebote zusammen?",
                           intent="follow_up")
    assert understanding.read(tracker, memory).partners == [initiative]


def test_checking_a_claim_about_oneself_asks_for_the_fact(knowledge) -> None:
    """"Mein Enkel meint, ich habe keine politischen Rechte. Stimmt das für Spätaussiedler?": the sentence
    that decides it, not who helps Spätaussiedler."""
    sentence = next(s for p in knowledge.partners for s in p.quoted_sentences
                    if "politische Rechte" in s and "Spätaussiedler" in s)
    group = next(g for g in knowledge.target_groups if "Spätaussiedler" in g.words)
    text = converse([("Mein Enkel meint, ich habe keine vollen politischen Rechte. Stimmt das für Spätaussiedler?",
                      "ask_target_group_help", [entity("target_group", group.id)])])[0][0]
    assert sentence in text


def test_a_whole_question_about_a_topic_after_a_fact_leaves_the_subject(directory) -> None:
    """After a fact of the Landesintegrationsrat, "und zwischen den Bundesländern, wo stimmen die sich
    bei Integration ab?" asks about the Länder ("die" after the topic's word is them), not about the
    subject. "und die Bundesländer?" after the fact stays a follow-up."""
    understanding = actions.UNDERSTANDING.get(directory)
    topic = next(t for t in directory.knowledge.topics if "Bundesländer" in t.words)
    subject = next(p for p in directory.partners if topic.id not in p.topics)
    memory = Memory(subject=subject.id, mentioned=[subject.id], last_asked=Asked.FACT.value)
    tracker = make_tracker(text="und zwischen den Bundesländern, wo stimmen die sich bei der Integration ab?",
                           intent="ask_partner_info", entities=[entity("topic", topic.id)])
    question = understanding.read(tracker, memory)
    assert not question.points_back and subject not in question.partners
    tracker = make_tracker(text="und die Bundesländer?", intent="follow_up", entities=[entity("topic", topic.id)])
    assert understanding.read(tracker, memory).partners == [subject]


def test_their_group_after_a_list_is_the_people_of_the_one_listed_partner_that_serves_them(directory) -> None:
    """After a list of partners for young people, "was haben deren Träger vor Ort für Angebote?": the
    one listed partner whose people Träger are (the LAG JSA)."""
    understanding = actions.UNDERSTANDING.get(directory)
    listed = [p.id for p in directory.for_target_group("junge_menschen")]
    owners = [pid for pid in listed if "traeger" in directory.knowledge.partner(pid).target_groups]
    assert len(listed) > 1 and len(owners) == 1
    tracker = make_tracker(text="was haben deren Träger vor Ort für Angebote?", intent="ask_target_group_help",
                           entities=[entity("target_group", "traeger")])
    question = understanding.read(tracker, Memory(listed=listed, mentioned=listed, last_asked=Asked.HELP.value))
    assert [p.id for p in question.partners] == owners


def test_a_contact_field_for_a_compound_with_a_groups_word_is_the_one_partner_for_that_group(directory) -> None:
    """"Wo finde ich mehr Infos zum Väterprojekt im Netz?": "Väter…" names the one partner for
    fathers; its web address (or that the page has none), not "Zu welcher Stelle?"."""
    (partner,) = directory.for_target_group("vaeter")
    text = converse([("Wo finde ich mehr Infos zum Väterprojekt im Netz?", "ask_partner_contact",
                      [entity("contact_attribute", "web")])])[0][0]
    assert partner.display_name in text


def test_a_sentence_of_another_partner_that_shares_only_the_topics_words_does_not_answer(directory) -> None:
    """"Wo stimmen sich die Bundesländer in der Integrationspolitik ab?": not the KfI's sentence on
    what other Bundesländer practise, but the topic's partners."""
    understanding = actions.UNDERSTANDING.get(directory)
    topic = next(t for t in directory.knowledge.topics if "Bundesländer" in t.words)
    tracker = make_tracker(text="Wo stimmen sich die Bundesländer untereinander in der Integrationspolitik ab?",
                           intent="ask_partner_location", entities=[entity("topic", topic.id)])
    question = understanding.read(tracker, Memory())
    assert question.partners and all(topic.id in p.topics for p in question.partners)


def test_a_partner_named_before_the_question_whether_another_belongs_is_the_subject(directory) -> None:
    """"nochmal zur LAG von vorhin: gehören die Jugendmigrationsdienste da auch dazu?" after another
    partner: the LAG's sentence that names the JMD."""
    lag = directory.knowledge.partner("lag_jsa")
    sentence = next(s for s in lag.quoted_sentences if s.endswith("Jugendmigrationsdienste."))
    turns = converse([
        ("Was macht die LAG JSA?", "ask_partner_info", [entity("partner", "lag_jsa")]),
        ("Was macht die Landesinitiative Jungenarbeit?", "ask_partner_info", [entity("partner", "jungenarbeit")]),
        ("nochmal zur LAG JSA von vorhin: gehören die Jugendmigrationsdienste da auch dazu?", "ask_partner_info",
         [entity("partner", "lag_jsa"), entity("partner", "jmd")]),
    ])
    assert sentence in turns[2][0]


def test_the_words_after_von_vorhin_are_the_question_not_the_name(directory) -> None:
    """"nochmal zu dem Elternverein von vorhin, helfen die auch, dass ich im Stadtteil mitmache?":
    "Elternverein" names the partner talked about; "Stadtteil" is what is asked."""
    understanding = actions.UNDERSTANDING.get(directory)
    parents = directory.knowledge.partner("elternnetzwerk")
    other = next(p for p in directory.partners if p.id != parents.id and "eltern" not in p.target_groups)
    memory = Memory(subject=other.id, mentioned=[parents.id, other.id])
    tracker = make_tracker(text="nochmal zu dem Elternverein von vorhin, helfen die auch, dass ich im Stadtteil mitmache?",
                           intent="follow_up")
    question = understanding.read(tracker, memory)
    assert question.partners == [parents] and understanding.wording.lemma("Stadtteil") in question.content


def test_a_partner_counted_is_asked_about_whatever_group_a_word_names(directory) -> None:
    """"Und die erste? Wer steht als Träger dahinter?" after a list of two: the first of them is
    asked about ("Träger" here is no question who helps Träger)."""
    understanding = actions.UNDERSTANDING.get(directory)
    listed = ["zfti", "domid"]
    tracker = make_tracker(text="Und die erste? Wer steht als Träger dahinter?", intent="ask_target_group_help",
                           entities=[entity("target_group", "traeger")])
    question = understanding.read(tracker, Memory(subject="domid", listed=listed, mentioned=listed,
                                                  last_asked=Asked.SUMMARY.value))
    assert [p.id for p in question.partners] == ["zfti"] and question.asked != Asked.HELP


def test_a_demonstrative_before_a_topics_word_points_at_the_topic_not_the_subject(directory) -> None:
    """"Gibt es eine Beratungsstelle speziell für Angehörige dieser Minderheit?" after the
    anti-discrimination offices: the minority's partners; "wo sitzt diese Stelle?" is the subject."""
    understanding = actions.UNDERSTANDING.get(directory)
    topic = next(t for t in directory.knowledge.topics if "Minderheit" in t.words)
    subject = next(p for p in directory.partners if topic.id not in p.topics)
    memory = Memory(subject=subject.id, mentioned=[subject.id])
    tracker = make_tracker(text="Gibt es eine Beratungsstelle speziell für Angehörige dieser Minderheit?",
                           intent="ask_target_group_help", entities=[entity("topic", topic.id)])
    question = understanding.read(tracker, memory)
    assert not question.points_back and subject not in question.partners
    tracker = make_tracker(text="wo sitzt diese Stelle?", intent="ask_partner_location")
    assert understanding.read(tracker, memory).partners == [subject]


def test_da_in_a_last_sentence_that_asks_nothing_points_at_what_was_told(directory) -> None:
    """"… wo die Bundesländer gemeinsam über Integration entscheiden. Was sage ich da?" after
    another partner: the one partner for what was told, not the subject."""
    understanding = actions.UNDERSTANDING.get(directory)
    topic = next(t for t in directory.knowledge.topics if "Bundesländer" in t.words)
    (owner,) = directory.for_topic(topic.id)
    subject = next(p for p in directory.partners if topic.id not in p.topics)
    memory = Memory(subject=subject.id, mentioned=[subject.id])
    tracker = make_tracker(text="Meine Teilnehmenden fragen oft, wo die Bundesländer gemeinsam über Integration "
                                "entscheiden. Was sage ich da?", intent="ask_partner_info",
                           entities=[entity("topic", topic.id)])
    assert understanding.read(tracker, memory).partners == [owner]


def test_a_city_of_the_story_is_where_the_writer_is_not_what_is_asked(directory) -> None:
    """"Ich arbeite an einer Schule in Duisburg. Netzwerk für Väter – gibt's das?": who helps
    fathers, not where the partner described sits (and not "Meinten Sie …?")."""
    understanding = actions.UNDERSTANDING.get(directory)
    group = directory.knowledge.target_group("vaeter")
    (only,) = directory.for_target_group(group.id)
    tracker = make_tracker(text="Ich arbeite an einer Schule in Duisburg. Netzwerk für Väter – gibt's das?",
                           intent="nlu_fallback", entities=[entity("city", "Duisburg"),
                                                            entity("target_group", group.id)])
    question = understanding.read(tracker, Memory())
    assert question.asked == Asked.HELP and question.partners == [only]


def test_the_last_quote_answers_only_for_its_own_partner(directory) -> None:
    """"ok und das dritte, das mit den jungs – von welchem ministerium kommt das?" after a quote
    of the LAG JSA: the partner described (the boys' initiative) is asked about, not the quote's."""
    understanding = actions.UNDERSTANDING.get(directory)
    lag = directory.knowledge.partner("lag_jsa")
    quote = next(s for s in lag.quoted_sentences if "Träger" in s)
    memory = Memory(subject=lag.id, listed=["jmd", lag.id], mentioned=["jmd", lag.id], last_quote=quote,
                    last_asked=Asked.FACT.value)
    tracker = make_tracker(text="ok und das dritte, das mit den jungs – von welchem ministerium kommt das?",
                           intent="nlu_fallback", entities=[entity("target_group", "jungen")])
    question = understanding.read(tracker, memory)
    assert [p.id for p in question.partners] == ["jungenarbeit"]


def test_a_part_of_a_groups_word_names_no_partner(directory) -> None:
    """"Und gibt es einen Verbund von Elternvereinen mit Migrationsgeschichte?" after the DOMiD:
    "Migration" inside "Migrationsgeschichte" is no word of the DOMiD's name here; who helps parents."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="domid", mentioned=["domid"])
    tracker = make_tracker(text="Und gibt es einen Verbund von Elternvereinen mit Migrationsgeschichte?",
                           intent="ask_target_group_help", entities=[entity("target_group", "eltern")])
    question = understanding.read(tracker, memory)
    assert question.asked == Asked.HELP and "domid" not in [p.id for p in question.partners]


def test_a_relative_clause_describes_what_is_sought_and_names_no_one(directory) -> None:
    """"Gibt es auch ein Forschungsinstitut, das sich mit türkeistämmiger Migration befasst?"
    after the DOMiD: "Migration" in the clause does not make it the DOMiD; the institute is another."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="domid", mentioned=["domid"])
    tracker = make_tracker(text="Gibt es auch ein Forschungsinstitut, das sich mit türkeistämmiger Migration befasst?",
                           intent="ask_target_group_help", entities=[entity("topic", "forschung")])
    question = understanding.read(tracker, memory)
    assert [p.id for p in question.partners][:1] == ["zfti"]


def test_a_genitive_s_meets_its_noun() -> None:
    """"des Wissenschaftleraustauschs" meets "Austausch"; a short word keeps its "s" ("Haus")."""
    assert WORDING.lemma("Austauschs") == WORDING.lemma("Austausch") == "austausch"
    assert "austausch" in WORDING.terms("Wissenschaftleraustauschs")
    assert WORDING.lemma("Beirates") == WORDING.lemma("Beirat")
    assert WORDING.lemma("Haus") == "haus"


def test_what_a_partners_own_sentences_call_it_names_it(directory) -> None:
    """"Fördert das Institut auch den Austausch von Forschenden …?" after the ZfTI, whose page
    says "Das Institut ist eine Stiftung …": the ZfTI, not a list of who helps researchers."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="zfti", mentioned=["domid", "zfti"], last_asked=Asked.FACT.value)
    tracker = make_tracker(text="Fördert das Institut auch den Austausch von Forschenden zwischen beiden Ländern?",
                           intent="ask_target_group_help", entities=[entity("target_group", "forschende")])
    question = understanding.read(tracker, memory)
    assert [p.id for p in question.partners] == ["zfti"] and question.asked == Asked.FACT


def test_the_writers_own_relative_is_not_whom_a_question_for_the_writer_asks_for(directory) -> None:
    """"ich bin 16 … mit meiner Mutter … wer hilft mir?": the writer (16) is asked for, not parents;
    "meine Eltern brauchen Hilfe. Wer hilft ihnen?" asks for parents."""
    understanding = actions.UNDERSTANDING.get(directory)
    tracker = make_tracker(text="hi ich bin 16 und seit drei Wochen hier mit meiner Mutter. ich will zur Schule "
                                "gehen und später arbeiten. wer hilft mir", intent="ask_target_group_help")
    question = understanding.read(tracker, Memory())
    assert "eltern" not in [g.id for g in question.groups] and "jmd" in [p.id for p in question.partners]
    tracker = make_tracker(text="Meine Mutter versteht die Schule nicht. Wer hilft Eltern?", intent="ask_target_group_help")
    assert "eltern" in [g.id for g in understanding.read(tracker, Memory()).groups]
    tracker = make_tracker(text="Ich suche Hilfe für meine Eltern, wer hilft mir da?", intent="ask_target_group_help")
    assert "eltern" in [g.id for g in understanding.read(tracker, Memory()).groups]


def test_a_contact_word_that_names_a_partner_from_before_is_no_field_asked(directory) -> None:
    """"das online ding von vorhin, bis wie alt darf man da hin?": "online" names the JMD (its
    online counselling); the age is asked, not the web address."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="adb", mentioned=["jmd", "adb"], last_asked=Asked.FIELDS.value)
    tracker = make_tracker(text="ok egal. das online ding von vorhin, bis wie alt darf man da hin?",
                           intent="ask_partner_contact", entities=[entity("contact_attribute", "web")])
    question = understanding.read(tracker, memory)
    assert [p.id for p in question.partners] == ["jmd"] and not question.fields and question.asked == Asked.FACT
    # A contact word that does not name it is asked of it.
    memory = Memory(subject="adb", mentioned=["elternnetzwerk", "adb"], last_asked=Asked.FIELDS.value)
    tracker = make_tracker(text="die Telefonnummer vom Elternverein von vorhin bräuchte ich noch", intent="ask_partner_contact",
                           entities=[entity("contact_attribute", "phone")])
    question = understanding.read(tracker, memory)
    assert [p.id for p in question.partners] == ["elternnetzwerk"] and question.fields == ["phone"]


def test_a_list_item_counted_by_number_of_a_partner_named(directory) -> None:
    """"zurück zur Landesinitiative: was war nochmal Ziel Nummer 3?" while another partner is the
    subject: the third item of the named partner's list of goals."""
    understanding = actions.UNDERSTANDING.get(directory)
    partner = directory.knowledge.partner("jungenarbeit")
    goals = next(q for q in partner.lists if "Ziele" in q.lead)
    memory = Memory(subject="lag_jsa", mentioned=["jungenarbeit", "lag_jsa"])
    tracker = make_tracker(text="ok zurück zur Landesinitiative Jungenarbeit: was war nochmal Ziel Nummer 3?",
                           intent="ask_partner_info", entities=[entity("partner", "jungenarbeit")])
    question = understanding.read(tracker, memory)
    assert question.fact is not None and question.fact.sentence.text == goals.sentences()[2]


def test_a_gender_mark_inside_a_word_is_no_word_break() -> None:
    """"Migrant*innen", "Lehrer:innen" are read as "Migrantinnen", "Lehrerinnen"."""
    assert fold("Migrant*innen und Lehrer:innen") == "migrantinnen und lehrerinnen"
    assert WORDING.terms("Migrant*innen") == WORDING.terms("Migrantinnen")
    assert fold("Termin um 12:30") == "termin um 12 30"
    assert fold("Migrant*innenorganisationen für/in Köln") == "migrantinnenorganisationen fuer in koeln"


def test_a_which_question_for_a_kind_of_partner_describes_the_one_sought(directory) -> None:
    """"Welches Institut forscht zu Migration zwischen Deutschland und der Türkei?" after the
    DOMiD: "Migration" (a word of the DOMiD's name) describes the institute sought, the ZfTI."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="domid", mentioned=["domid"], last_asked=Asked.HELP.value)
    tracker = make_tracker(text="Für die Literatur: Welches Institut forscht zu Migration zwischen Deutschland "
                                "und der Türkei?", intent="ask_target_group_help", entities=[entity("topic", "tuerkei")])
    question = understanding.read(tracker, memory)
    assert [p.id for p in question.partners][:1] == ["zfti"]
    # One that points back stays with the subject.
    tracker = make_tracker(text="Welches Institut arbeitet dort mit zur Migration?", intent="ask_partner_info")
    assert [p.id for p in understanding.read(tracker, memory).partners] == ["domid"]


def test_a_verb_meets_the_pages_noun_of_its_stem(index: FactIndex) -> None:
    """"forscht" meets the page's "Forschung"; a verb the page uses stays itself, and a noun does
    not become a verb ("Sitzung" is no "mit Sitz in")."""
    assert "forschung" in index.known(WORDING.terms("forscht"))
    assert index.expand(["begleiten"])[:1] == ["begleiten"]
    assert "sitzen" not in index.expand(WORDING.terms("Sitzung"))


def test_who_does_something_for_a_group_the_subject_serves_is_asked_of_all(directory) -> None:
    """"und wer spricht mit der Politik für junge Leute, die es schwer haben mit der Ausbildung?"
    after the JMD: the JMD's sentence shares only the group's words; who speaks for them is the
    LAG JSA, whose sentence says it."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="jmd", mentioned=["jmd"], last_asked=Asked.HELP.value)
    tracker = make_tracker(text="und wer spricht mit politik fur junge leute die schwer haben mit ausbildung?",
                           intent="ask_target_group_help",
                           entities=[entity("target_group", "junge_menschen"), entity("topic", "ausbildung_beruf")])
    question = understanding.read(tracker, memory)
    assert question.asked == Asked.HELP and [p.id for p in question.partners][:1] == ["lag_jsa"]


def test_da_after_a_city_points_at_the_city_not_the_subject(directory) -> None:
    """"… wir wohnen in Köln. gibt es da was?" after the Landesverband: a new question (a situation
    told), not about the subject; "gibt es dort in Köln …?" still points back."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="sinti_roma_landesverband", mentioned=["sinti_roma_landesverband"],
                    last_asked=Asked.FACT.value)
    tracker = make_tracker(text="mein sohn wird auf arbeit schlecht behandelt, wir wohnen in koeln. gibt es da was?",
                           intent="ask_target_group_help", entities=[entity("city", "Köln")])
    assert not understanding.read(tracker, memory).points_back
    tracker = make_tracker(text="Gibt es dort in Köln eine Anlaufstelle?", intent="ask_target_group_help",
                           entities=[entity("city", "Köln")])
    assert understanding.read(tracker, memory).points_back


def test_wer_sitzt_asks_who_is_in_it_not_where(directory) -> None:
    """"Wer sitzt da drin?" after the IntMK: its members' sentence, not where it sits."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="intmk", mentioned=["intmk"], last_asked=Asked.FACT.value)
    question = understanding.read(make_tracker(text="Wer sitzt da drin?", intent="bot_challenge"), memory)
    assert question.asked == Asked.FACT and question.fact is not None and "Mitglieder" in question.fact.sentence.text


def test_an_abbreviation_is_expanded_by_the_sentence_that_spells_it_out(directory) -> None:
    """"Wofür steht die Abkürzung DOMiD?": the sentence that opens "DOMiD, das Dokumentations-
    zentrum …"; "(kurz: IntMK)" spells the IntMK out."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(text="Wofür steht die Abkürzung DOMiD eigentlich?", intent="ask_partner_info",
                                               entities=[entity("partner", "domid")]), Memory())
    assert question.fact is not None and question.fact.sentence.text.startswith("DOMiD, das")
    assert ANSWER_EVIDENCE["expansion"].search("Ausdruck der Zusammenarbeit ist die Integrationsministerkonferenz "
                                               "(kurz: IntMK).")


def test_a_citys_adjective_names_the_partner_talked_about_there(directory) -> None:
    """"Nochmal zu der Kölner Einrichtung von vorhin: ist das ein Verein?": the DOMiD (Köln), not
    the partner talked about last."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="lehrkraefte", mentioned=["domid", "zfti", "lehrkraefte"], last_asked=Asked.HELP.value)
    tracker = make_tracker(text="Nochmal zu der Kölner Einrichtung von vorhin: ist das ein Verein oder eine staatliche Stelle?",
                           intent="ask_partner_list")
    assert [p.id for p in understanding.read(tracker, memory).partners] == ["domid"]
    # "eine andere Kölner …" asks for another one.
    tracker = make_tracker(text="Gibt es noch eine andere Kölner Beratungsstelle?", intent="ask_target_group_help")
    assert "domid" not in [p.id for p in understanding.read(tracker, memory).partners]


def test_an_ordinal_before_a_time_counts_no_partner() -> None:
    """"letzte Woche haben Zuschauer …" counts time; "der letzte" counts partners."""
    assert ordinal_in("beim spiel letzte woche haben zuschauer gerufen".split()) is None
    assert ordinal_in("und der letzte".split()) == -1


def test_an_ordinal_before_a_thing_the_page_never_names_counts_no_partner(directory) -> None:
    """"Beim letzten Turnier wurde einer meiner Jungs … beleidigt. An wen können wir uns wenden?"
    after the Väterarbeit asks anew who helps: "letzten" in the story counts tournaments, not
    partners. In the asking sentence an ordinal counts the list shown, whatever noun follows."""
    understanding = actions.UNDERSTANDING.get(directory)

    def counted(*sentences: str) -> Optional[int]:
        return understanding._ordinal(fold(" ".join(sentences)).split(), list(sentences))

    assert counted("Beim letzten Turnier wurde er beleidigt.", "An wen können wir uns wenden?") is None
    # The asking sentence counts the list, whatever the noun: "Was ist mit dem zweiten Vorschlag?"
    assert counted("Was ist mit dem zweiten Vorschlag?") == 1 and counted("Der erste Eintrag, was ist das?") == 0
    assert counted("Ich habe eine Frage.", "Wo sitzt der zweite Verband?") == 1
    assert counted("und der letzte") == -1
    # Not a noun right after it: "Die erste: Standort?", "das erste bitte".
    assert counted("Die erste: Standort?") == 0 and counted("das erste bitte") == 0
    memory = Memory(subject="vaeterarbeit", mentioned=["vaeterarbeit"], last_asked=Asked.HELP.value)
    tracker = make_tracker(text="Beim letzten Turnier wurde einer meiner Jungs wegen seiner Hautfarbe beleidigt. "
                                "An wen können wir uns wenden?", intent="ask_target_group_help")
    question = understanding.read(tracker, memory)
    assert question.asked == Asked.HELP and "vaeterarbeit" not in [p.id for p in question.partners]


def test_an_age_stated_is_no_figure_and_a_story_group_does_not_silence_it(directory) -> None:
    """"Meine Enkelin ist 15 und kommt aus Russland … Wer kann ihr helfen?" after the Landesbeirat:
    "15" does not find "aus 15 … Mitgliedern"; the partner for her age is among those who help."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="landesbeirat", mentioned=["landesbeirat"], last_asked=Asked.FACT.value)
    tracker = make_tracker(text="Meine Enkelin ist 15 und kommt nächsten Monat aus Russland zu uns, spricht kaum "
                                "Deutsch. Wer kann ihr helfen?", intent="ask_target_group_help",
                           entities=[entity("target_group", "spaetaussiedler")])
    question = understanding.read(tracker, memory)
    assert "15" not in question.content and question.asked == Asked.HELP and "jmd" in [p.id for p in question.partners]


def test_a_pronoun_after_a_question_word_and_its_verb_points_back() -> None:
    """"Worauf stützen die ihre Arbeit?" points back; "Wer berät die Eltern?" names them."""
    assert has_pointer("worauf stuetzen die ihre arbeit".split(), None, WORDING.is_noun)
    assert not has_pointer("wer beraet die eltern".split(), None, WORDING.is_noun)
    assert not has_pointer("was machen die kommunalen integrationsraete".split(), None, WORDING.is_noun)


def test_stimmt_das_asks_about_the_claim_told_not_a_partner_it_describes(directory) -> None:
    """"Mein Nachbar sagt, wir Spätaussiedler dürfen sofort überall wählen. Stimmt das?": the story's
    words choose the fact; "das" is the claim, not the partner for Spätaussiedler."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(listed=["jmd", "landesbeirat"], mentioned=["landesbeirat", "jmd"], last_asked=Asked.FIELDS.value)
    tracker = make_tracker(text="Mein Nachbar sagt, wir Spätaussiedler dürfen sofort überall wählen. Stimmt das?",
                           intent="ask_target_group_help", entities=[entity("target_group", "spaetaussiedler")])
    question = understanding.read(tracker, memory)
    assert question.asked == Asked.FACT and question.fact is not None and "Spätaussiedler" in question.fact.sentence.text


def test_auch_with_a_plain_word_of_anothers_name_does_not_switch_to_it(directory) -> None:
    """"machen die nur NRW oder auch ganz Deutschland?" after the ADB: the ADB is asked about, not
    the DOMiD ("… Migration in Deutschland"); "und gibt es auch einen Verband?" still switches."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="adb", mentioned=["jmd", "adb"], last_asked=Asked.HELP.value)
    tracker = make_tracker(text="machen die nur nrw oder auch ganz deutschland", intent="ask_partner_info")
    assert [p.id for p in understanding.read(tracker, memory).partners] == ["adb"]
    memory = Memory(subject="sinti_roma_beratung", mentioned=["sinti_roma_beratung"], last_asked=Asked.HELP.value)
    tracker = make_tracker(text="und gibt es auch einen Verband?", intent="ask_partner_info")
    assert [p.id for p in understanding.read(tracker, memory).partners] == ["sinti_roma_landesverband"]
    # A synonym-group word after "eine" is the thing sought: "auch eine Stiftung?" after the DOMiD.
    memory = Memory(subject="domid", mentioned=["domid"], last_asked=Asked.HELP.value)
    tracker = make_tracker(text="und gibt es auch eine Stiftung?", intent="ask_partner_info")
    assert [p.id for p in understanding.read(tracker, memory).partners] == ["zfti"]


def test_a_name_without_the_middle_of_its_compound_names_the_partner(directory) -> None:
    """"nochmal die jugenddienste: hast du eine mail?", "die Jugend-Dienste", "die jugend dienste":
    the Jugendmigrationsdienste, even to an unsure classifier. "Jugendarbeit" (a word of the page)
    is no shortened "Jugendsozialarbeit"."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="landesintegrationsrat", mentioned=["jmd", "adb", "landesintegrationsrat"],
                    last_asked=Asked.FACT.value)
    for text in ("nochmal die jugenddienste: hast du eine mail von denen", "und die Jugend-Dienste, mail?",
                 "nochmal zu den jugend dienste von vorhin: mail bitte"):
        tracker = make_tracker(text=text, intent="nlu_fallback", entities=[entity("contact_attribute", "email")])
        assert [p.id for p in understanding.read(tracker, memory).partners] == ["jmd"], text
    found = understanding._shortened.find("Jugendarbeit und Jugendsozialarbeit, Landschaft")
    assert found == []


def test_a_place_phrase_of_a_fact_word_group_is_no_topic_and_sowas_points_back(directory) -> None:
    """"gibts sowas in anderen bundesländern auch?" after the ADB: whether it is unique (the ADB's
    "bundesweit bislang einzigartig"), not who makes the Länder's integration policy."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="adb", mentioned=["adb"], last_asked=Asked.LOCATION.value)
    tracker = make_tracker(text="gibts sowas in anderen bundesländern auch so?", intent="out_of_scope")
    question = understanding.read(tracker, memory)
    assert question.asked == Asked.FACT and question.fact is not None
    assert question.fact.sentence.partner_id == "adb" and "einzigartig" in question.fact.sentence.text


def test_words_of_the_named_partners_own_name_choose_no_fact(directory) -> None:
    """"Was macht der Landesbeirat für Spätaussiedler?": "Spätaussiedler" is a word of its name
    ("…Spätaussiedlerfragen"): the summary, not the sentence with the most "Spätaussiedler". A
    compound's last part is not: "die Integrationsräte" stay what is asked about the Landesintegrationsrat."""
    understanding = actions.UNDERSTANDING.get(directory)
    tracker = make_tracker(text="Was macht der Landesbeirat für Spätaussiedler?", intent="ask_partner_info",
                           entities=[entity("partner", "landesbeirat"), entity("target_group", "spaetaussiedler")])
    question = understanding.read(tracker, Memory())
    assert question.asked == Asked.SUMMARY and "spaetaussiedler" not in question.content and not question.groups
    tracker = make_tracker(text="Was macht der Landesintegrationsrat für die Integrationsräte in den Städten?",
                           intent="ask_partner_info", entities=[entity("partner", "landesintegrationsrat")])
    assert "integrationsrat" in understanding.read(tracker, Memory()).content


def test_a_part_of_a_group_word_is_no_typo_of_another_page_word(index: FactIndex) -> None:
    """"Wer ist da zusammengeschlossen?": "zusammen|geschlossen" is a word of a group ("Gründung");
    its part "schliessen" is not corrected to the page's "angeschlossen"."""
    expanded = index.expand(WORDING.terms("zusammengeschlossen"))
    assert "~gruendung" in expanded and "anschliessen" not in expanded
    assert "anschliessen" in index.expand(["schliessen"])  # alone it is still corrected


def test_wer_steht_als_traeger_dahinter_asks_the_subjects_legal_form(directory) -> None:
    """"Und die erste? Wer steht als Träger dahinter?" about the ZfTI: "dahinter" points back, and
    "Träger" asks what kind of body it is ("eine Stiftung des Landes"), not for the Träger of the
    Jugendsozialarbeit."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="zfti", mentioned=["zfti"], last_asked=Asked.SUMMARY.value)
    tracker = make_tracker(text="Wer steht als Träger dahinter?", intent="ask_target_group_help",
                           entities=[entity("target_group", "traeger")])
    question = understanding.read(tracker, memory)
    assert question.asked == Asked.FACT and question.fact is not None
    assert question.fact.sentence.partner_id == "zfti" and "Stiftung" in question.fact.sentence.text


def test_own_name_words_keep_phrases_other_words_and_a_name_alone(directory) -> None:
    """After a review: a group said by another word too stays asked about; a message of the name
    and its own words is a name alone, even to an unsure classifier; a shortened name is not
    joined across a sentence."""
    understanding = actions.UNDERSTANDING.get(directory)
    tracker = make_tracker(text="Hilft der Landesbeirat für Spätaussiedler auch Aussiedlern?", intent="ask_partner_info",
                           entities=[entity("partner", "landesbeirat")])
    assert [g.id for g in understanding.read(tracker, Memory()).groups] == ["spaetaussiedler"]
    tracker = make_tracker(text="Landesbeirat Spätaussiedler?", intent="nlu_fallback")
    question = understanding.read(tracker, Memory())
    assert question.asked == Asked.SUMMARY and [p.id for p in question.partners] == ["landesbeirat"]
    assert understanding._shortened.find("Ich habe Fragen zur Jugend. Dienste wie Beratung gibt es wo?") == []


def test_a_topic_only_one_partner_has_names_it_among_those_talked_about(directory) -> None:
    """"Nur türkische Migration oder breiter?" after the DOMiD and the ZfTI: "Migration" is a word of
    the DOMiD's name, but the Türkei is the ZfTI's alone; the word alone no longer names the DOMiD.
    A topic several partners have names none ("Beratung")."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="zfti", mentioned=["domid", "zfti"], last_asked=Asked.FACT.value)
    tracker = make_tracker(text="Nur türkische Migration oder breiter?", intent="ask_target_group_help",
                           entities=[entity("topic", "tuerkei")])
    question = understanding.read(tracker, memory)
    assert [p.id for p in question.partners] == ["zfti"]
    assert question.fact is not None and "nicht nur" in question.fact.sentence.text
    assert "#tuerkei" in understanding._called("zfti") and not any(
        t.startswith("#") for t in understanding._called("jmd") | understanding._called("adb"))


def test_seit_wann_without_a_year_quotes_what_the_page_says_of_the_time(directory) -> None:
    """"seit welchem Jahr gibt's die Büros schon?" after the ADB: "Büros" is how the message calls the
    ADB, and the page gives no year; its sentences that say when ("in den vergangenen Jahren", "das
    erste Bundesland gewesen") answer, both. A partner with a year keeps that one sentence."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="adb", mentioned=["adb"], last_asked=Asked.LOCATION.value)
    tracker = make_tracker(text="seit welchem jahr gibts die büros schon?", intent="ask_target_group_help")
    question = understanding.read(tracker, memory)
    assert question.asked == Asked.FACT and question.fact is not None and question.fact.also is not None
    quoted = question.fact.sentence.text + question.fact.also.text
    assert "erste Bundesland gewesen" in quoted and "vergangenen Jahren" in quoted
    hit = understanding.index.best([], ["zfti"], "date")
    assert hit is not None and "1985" in hit.sentence.text and hit.also is None


def test_a_topic_the_classifier_found_inside_a_fact_word_phrase_is_no_topic(directory) -> None:
    """"War NRW mit sowas früher als andere Bundesländer?" after the ADB: the classifier's topic
    (the Länder's integration policy) is said only inside the Vorreiter phrase; "sowas" points back."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="adb", mentioned=["adb"], last_asked=Asked.FACT.value)
    tracker = make_tracker(text="War NRW mit sowas eigentlich eher dran als andere Bundesländer?",
                           intent="nlu_fallback", entities=[entity("topic", "integrationspolitik")])
    question = understanding.read(tracker, memory)
    assert not question.topics and question.asked == Asked.FACT and question.fact is not None
    assert question.fact.sentence.partner_id == "adb"


def test_told_to_go_back_or_shouted_at_is_a_discrimination_situation(knowledge) -> None:
    """"Kunde schreit weg mit euch Ausländer" in a shop, "zurück nach Polen" said at the hospital:
    the anti-discrimination topic, from the knowledge file's situation words."""
    situations = Situations(knowledge, WORDING)
    for text in ("ich habe kleine laden. kunde schreit weg mit euch auslaender. wo ich kann hingehen?",
                 "im krankenhaus eine patientin hat gesagt ich soll zuruck nach polen gehen und nicht ihr waschen"):
        assert [t.id for t in situations.topics_in(text, "de")] == ["diskriminierung"], text
    assert situations.topics_in("im krankenhaus hat die ärztin gesagt ich soll nicht zurück kommen", "de") == []


def test_an_age_stated_in_another_language_asks_who_helps_at_that_age(directory) -> None:
    """"oğlum 15 yaşında, ona yardım ederler mi?", "мій син 17 років …": the age counts as in German
    (the JMD's 12 to 27); a son alone is no word of the Jungen group, in any language. A time
    ("3 роки тут", "here 3 years") is no age."""
    from actions.cues import AGE_STATED
    for text, age in (("oğlum 15 yaşında", "15"), ("мій син 17 років", "17"), ("my son is 16 years old", "16"),
                      ("my son is 14, is there help?", "14"), ("ابني عمره 16 سنة", "16"), ("syn ma 17 lat", "17"),
                      ("сыну 16 лет", "16")):
        found = AGE_STATED.search(text)
        assert found is not None and age in found.group(), text
    # Each branch's near misses: a time, an amount, a count, a word that ends like a child word.
    for text in ("ми тут уже 3 роки", "we are here 3 years", "im 19. Jahrhundert", "мне 5 минут", "людей 20 было",
                 "Дочке 3 месяца", "I'm 5 minutes late", "my son is 5 minutes away", "firma ma 20 lat",
                 "عمره 3 أشهر", "are 3 ani de experienta"):
        assert AGE_STATED.search(text) is None, text
    understanding = actions.UNDERSTANDING.get(directory)
    tracker = make_tracker(text="türkçe yazabilir miyim? oğlum 15 yaşında, ona yardım ederler mi?", intent="out_of_scope")
    question = understanding.read(tracker, Memory(subject="jmd", mentioned=["jmd"], last_asked=Asked.SUMMARY.value))
    assert question.language == "tr" and question.age == 15
    assert question.asked == Asked.HELP and [p.id for p in question.partners] == ["jmd"]


def test_wer_sitzt_da_drin_asks_for_the_members_of_any_body(directory) -> None:
    """"wer sitzt da drin?" after the Landesbeirat: the sentence on its members ("aus 15 ehrenamtlich
    berufenen Mitgliedern"), not its first sentence that names people ("die Landesregierung … beraten")."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="landesbeirat", mentioned=["landesbeirat"], last_asked=Asked.HELP.value)
    question = understanding.read(make_tracker(text="wer sitzt da drin?", intent="bot_challenge"), memory)
    assert question.asked == Asked.FACT and question.fact is not None
    quoted = [question.fact.sentence.text, *(s.text for s in (question.fact.also, *question.fact.context) if s)]
    assert any("Mitgliedern" in text for text in quoted)


def test_da_after_a_story_with_a_topic_is_that_case(directory) -> None:
    """"… hat zu mir gesagt, geh zurück in dein Land. Ist das Diskriminierung? Wer hilft mir da?"
    after the JMD: "da" is the case told, who helps with discrimination answers, not the JMD."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="jmd", mentioned=["kfi", "jmd"], last_asked=Asked.HELP.value)
    tracker = make_tracker(text="Beim Amt hat eine Frau zu mir gesagt, geh zurück in dein Land. Ist das "
                                "Diskriminierung? Wer hilft mir da?", intent="ask_target_group_help",
                           entities=[entity("topic", "diskriminierung")])
    question = understanding.read(tracker, memory)
    assert not question.points_back and question.asked == Asked.HELP
    assert "adb" in [p.id for p in question.partners] and "jmd" not in [p.id for p in question.partners]


def test_a_question_phrase_written_small_keeps_its_noun(directory) -> None:
    """"bis zu welchem alter?" after the Jungen-Initiative and the JMD: "alter" written small is the
    noun "Alter" (the lemma table reads it as a form of "altern"); the initiative states no age, the
    JMD's sentence with the ages answers."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="jungenarbeit", mentioned=["jmd", "jungenarbeit"], last_asked=Asked.HELP.value)
    question = understanding.read(make_tracker(text="bis zu welchem alter?", intent="ask_partner_info"), memory)
    assert question.asked == Asked.FACT and question.fact is not None
    assert "12 bis 27" in question.fact.sentence.text


def test_a_demonstrative_before_a_noun_of_the_story_points_into_the_message(directory) -> None:
    """"Meine Frau sitzt im Integrationsrat. Gibt es eine landesweite Vertretung für diese Räte?"
    after the IntMK: "diese Räte" are the Integrationsrat told, the Landesintegrationsrat answers."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="intmk", mentioned=["intmk"], last_asked=Asked.FACT.value)
    tracker = make_tracker(text="Meine Frau sitzt bei uns im Integrationsrat. Gibt es eine landesweite Vertretung "
                                "für diese Räte?", intent="ask_target_group_help",
                           entities=[entity("target_group", "migrantenvertretungen")])
    question = understanding.read(tracker, memory)
    assert not question.points_back and [p.id for p in question.partners] == ["landesintegrationsrat"]
    # A word that only ends like the noun is none said before: "insgesamt" is no "Amt".
    tracker = make_tracker(text="Ich habe insgesamt zwei Fragen. Wo ist dieses Amt?", intent="ask_partner_location")
    assert understanding.read(tracker, Memory(subject="kfi", mentioned=["kfi"])).points_back


def test_an_english_question_for_an_abbreviation_of_this_network(directory) -> None:
    """"what means MSO? i read it somewhere with this network" after the Elternnetzwerk (the
    classifier hears a list of networks): "this network" is the subject, the sentence with "(MSO)"."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="elternnetzwerk", mentioned=["elternnetzwerk"], last_asked=Asked.FACT.value)
    tracker = make_tracker(text="what means MSO? i read it somewhere with this network", intent="nlu_fallback",
                           entities=[entity("kind", "Netzwerk")])
    question = understanding.read(tracker, memory)
    assert question.answer_type == "expansion" and question.asked == Asked.FACT and question.fact is not None
    assert "(MSO)" in question.fact.sentence.text
    # "this" before no kind of partner points nowhere: "Who can help me with this problem?" asks anew.
    tracker = make_tracker(text="My landlord refused me because I am a foreigner. Who can help me with this problem?",
                           intent="ask_target_group_help")
    assert not understanding.read(tracker, memory).points_back


def test_a_sentence_of_the_introduction_that_names_one_partner_is_that_partners(directory, index) -> None:
    """The introduction's "Die Stiftung Zentrum für Türkeistudien … ist ein wichtiges … Kompetenzzentrum
    zur Entwicklungen in der Türkei …" is about the ZfTI: an answer by it names the ZfTI (with the
    introduction as source), and the ZfTI becomes the subject. When a sentence of the ZfTI's own
    section fits nearly as well, that one answers: the section says it in more detail."""
    understanding = actions.UNDERSTANDING.get(directory)
    intro = next(s for s in directory.knowledge.general.facts if "Türkeistudien" in s)
    # Nothing asked beyond it: the introduction's sentence stays, and it is the ZfTI's.
    question = Question(text="", intent="ask_partner_info", asked=Asked.FACT, content=[])
    understanding._answered_by(question, index.hit_for(intro))
    assert question.fact is not None and question.fact.sentence.text == intro
    assert [p.id for p in question.partners] == ["zfti"]
    text, slots = ask("Welches Institut forscht zu Migration zwischen Deutschland und der Türkei?",
                      "ask_target_group_help")
    assert "ZfTI" in text and slots.get(SUBJECT_SLOT) == "zfti"
    # "Welches Institut …?" asks which partner it is: what the ZfTI is (its own section's words).
    question = understanding.read(make_tracker(
        text="Welches Institut forscht zu Migration zwischen Deutschland und der Türkei?",
        intent="ask_target_group_help"), Memory())
    assert question.asked == Asked.SUMMARY and [p.id for p in question.partners] == ["zfti"]


def test_who_answers_there_asks_who_advises(directory) -> None:
    """"Wer antwortet da, sind das Fachleute?" about the JMD: the sentence that says who advises
    ("beraten Sozialpädagogen aus den JMD"), not "the page does not say"."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="jmd", mentioned=["jmd"], last_asked=Asked.FIELDS.value)
    question = understanding.read(make_tracker(text="wer antwortet da, sind das Fachleute?",
                                               intent="ask_partner_info"), memory)
    assert question.asked == Asked.FACT and question.fact is not None
    assert "Sozialpädagogen" in question.fact.sentence.text


def test_heute_is_a_word_of_the_question(directory) -> None:
    """"woran forschen die heute?" of the ZfTI: its tasks "heute", not its founding in 1985 (spaCy
    counts "heute" as a stop word)."""
    understanding = actions.UNDERSTANDING.get(directory)
    tracker = make_tracker(text="das zentrum für türkeistudien, woran forschen die heute?", intent="ask_partner_info",
                           entities=[entity("partner", "zfti")])
    question = understanding.read(tracker, Memory())
    assert question.fact is not None and "umfassen heute" in question.fact.sentence.text


def test_a_sentence_going_back_describes_the_partner_the_asking_words_choose(directory) -> None:
    """"ok. und nochmal das Institut an meiner Uni – wer ist da eigentlich der Träger?": "Uni" says
    which partner, the Träger is asked ("eine Stiftung des Landes"). When the asking words alone find
    nothing, the describing ones still count: "Nochmal zu der Onlineberatung von vorhin: wer antwortet
    da eigentlich, Ehrenamtliche?" is the JMD's online counselling ("beraten Sozialpädagogen")."""
    from actions.cues import goes_back
    assert goes_back("und nochmal das institut an meiner uni") and goes_back("zurueck zum museum:")
    assert not goes_back("wer ist da der traeger?")
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="zfti", mentioned=["domid", "zfti"], listed=["zfti", "domid"], last_asked=Asked.HELP.value)
    tracker = make_tracker(text="ok. und nochmal das institut an meiner uni - wer ist da eigentlich der träger?",
                           intent="ask_target_group_help", entities=[entity("target_group", "traeger")])
    question = understanding.read(tracker, memory)
    assert question.fact is not None and "Stiftung des Landes" in question.fact.sentence.text
    memory = Memory(subject="jmd", mentioned=["jmd"], last_asked=Asked.HELP.value)
    tracker = make_tracker(text="Danke. Nochmal zu der Onlineberatung von vorhin: wer antwortet da eigentlich, "
                                "Ehrenamtliche?", intent="ask_target_group_help", entities=[entity("topic", "beratung")])
    question = understanding.read(tracker, memory)
    assert question.fact is not None and "Sozialpädagogen" in question.fact.sentence.text


def test_the_question_word_of_a_describing_sentence_is_no_question(directory) -> None:
    """"Meine Teilnehmenden fragen oft, wo die Bundesländer gemeinsam über Integrationsfragen
    entscheiden. Was sage ich da?": "wo" describes the IntMK; it does not ask where it sits."""
    understanding = actions.UNDERSTANDING.get(directory)
    tracker = make_tracker(text="Meine Teilnehmenden fragen oft, wo die Bundesländer gemeinsam über Integrationsfragen "
                                "entscheiden. Was sage ich da?", intent="ask_target_group_help",
                           entities=[entity("topic", "integrationspolitik")])
    question = understanding.read(tracker, Memory())
    assert [p.id for p in question.partners] == ["intmk"]
    assert question.answer_type is None and question.asked != Asked.LOCATION


def test_tipps_are_the_pages_hinweise(directory) -> None:
    """"Bekommt man von denen auch Tipps zu neuen Fördertöpfen?" after the LAG JSA: its "Hinweise auf
    neue Fördermöglichkeiten" (the knowledge file's Hinweis group holds "Tipps")."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="lag_jsa", mentioned=["lag_jsa"], last_asked=Asked.FACT.value)
    tracker = make_tracker(text="Bekommt man von denen auch Tipps zu neuen Fördertöpfen?", intent="nlu_fallback")
    question = understanding.read(tracker, memory)
    assert question.fact is not None and "Hinweise auf neue Fördermöglichkeiten" in question.fact.sentence.text


def test_which_partners_a_rare_word_of_the_page_is_said_of(directory) -> None:
    """"Welche der Integrationspartner gibt es schon seit 1985?" after the Landesintegrationsrat asks
    among all partners: those whose sentences say "1985" (the ZfTI, the Beratungsstelle für Sinti und
    Roma), each with that sentence, and "die zweite davon" counts in that list."""
    from actions.cues import which_noun
    assert which_noun("welche der integrationspartner gibt es".split()) == "integrationspartner"
    assert which_noun("welches institut forscht".split()) == "institut"
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="landesintegrationsrat", mentioned=["landesintegrationsrat"],
                    last_asked=Asked.LOCATION.value)
    tracker = make_tracker(text="Welche der Integrationspartner gibt es schon seit 1985?", intent="ask_partner_list")
    question = understanding.read(tracker, memory)
    assert question.asked == Asked.LIST and [p.id for p in question.partners] == ["zfti", "sinti_roma_beratung"]
    assert all("1985" in question.reasons[p.id] for p in question.partners)
    text, slots = ask("Welche der Integrationspartner gibt es schon seit 1985?", "ask_partner_list",
                      slots={"partner": "landesintegrationsrat", "mentioned_partners": ["landesintegrationsrat"]})
    assert "Sinti und Roma" in text and "1985" in text and "Landesintegrationsrat" not in text
    assert slots.get("listed_partners") == ["zfti", "sinti_roma_beratung"]


def test_not_going_in_person_asks_for_the_online_counselling(directory) -> None:
    """"Gibt es da auch was für Jugendliche, die nicht persönlich hingehen wollen?" after the JMD: the
    JMD's "anonyme und kostenlose Onlineberatung" (the Online group holds "nicht persönlich")."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="jmd", mentioned=["jmd"], last_asked=Asked.FACT.value)
    tracker = make_tracker(text="Gibt es da auch was für Jugendliche, die nicht persönlich hingehen wollen?",
                           intent="ask_target_group_help")
    question = understanding.read(tracker, memory)
    assert question.fact is not None and "Onlineberatung" in question.fact.sentence.text


def test_a_bot_is_no_form_of_bieten() -> None:
    """"wer antwortet da, echte Leute oder ein Bot?": the lemma table reads "bot" as "bieten", which
    would make it ask for the partner's offers."""
    assert WORDING.lemma("Bot") == "bot" and "bieten" not in WORDING.terms("echte leute oder n bot")
    assert WORDING.lemma("bietet") == "bieten"


def test_a_leitgedanke_is_the_pages_prinzip(directory) -> None:
    """"Unter welchem Leitgedanken stimmen sich die Länder dort ab?" about the IntMK: the Länder's
    "Prinzip „Einheit im Ziel - Vielfalt der Wege“" (the Grundsatz group holds "Leitgedanke")."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="intmk", mentioned=["intmk"], last_asked=Asked.FACT.value)
    tracker = make_tracker(text="Unter welchem Leitgedanken stimmen sich die Länder dort ab?", intent="ask_partner_info")
    question = understanding.read(tracker, memory)
    assert question.fact is not None and "Prinzip" in question.fact.sentence.text


def test_a_date_answer_without_a_year_quotes_one_partner_only(index: FactIndex) -> None:
    """"Seit wann gibt es den JMD und die Büros?": the second sentence quoted with the first is
    of the same partner, never another's under the first one's name (review)."""
    ids = [p.id for p in actions.KNOWLEDGE.current().knowledge.partners]
    for first in ids:
        for second in ids:
            hit = index.best([], [first, second], "date")
            if hit is not None and hit.also is not None:
                assert hit.also.partner_id == hit.sentence.partner_id, (first, second)


def test_welches_buero_about_the_offices_stays_with_them(directory) -> None:
    """"Welches Büro ist das nächste?" after the ADB asks about the ADB's offices; only "welche der
    …" asks among all partners (review)."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="adb", mentioned=["adb"], last_asked=Asked.LOCATION.value)
    for text in ("Welches Büro ist das nächste?", "Welches der Büros ist am nächsten an Essen?"):
        question = understanding.read(make_tracker(text=text, intent="ask_partner_location"), memory)
        assert [p.id for p in question.partners] == ["adb"], text


def test_a_son_in_another_language_is_a_young_person_with_migration_history(directory) -> None:
    """"oğlum için yardım var mı?": a son named in Turkish asks who helps young people with a migration
    history (the JMD), not nothing; in German "Sohn" names no group."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(text="oğlum için yardım var mı?", intent="out_of_scope"), Memory())
    assert question.asked == Asked.HELP and "jmd" in [p.id for p in question.partners]


def test_all_of_the_story_asks_for_no_list_of_all(directory) -> None:
    """"… alle sehen die nur als Problem. Gibt es vom Land was extra für Jungs?": "alle" of the story
    before the question is no list of every partner; the asking sentence's group is asked for. Only an
    "alle" in the asking sentence ("Zeig mir alle Partner") lists them all."""
    understanding = actions.UNDERSTANDING.get(directory)
    story = "ich mache sport mit jungs, viele aus einwandererfamilien. alle sehen die nur als problem. "
    question = understanding.read(make_tracker(text=story + "gibt es vom land was extra für jungs?",
                                               intent="ask_target_group_help",
                                               entities=[entity("target_group", "jungen")]), Memory())
    assert not question.wants_all and question.asked == Asked.HELP
    assert [p.id for p in question.partners] == ["jungenarbeit"]
    for text in ("Zeig mir alle Partner", "Kannst du mir alle Partner zeigen? Das wäre nett.",
                 "Zeig mir alle Stellen, die helfen. Danke!"):
        question = understanding.read(make_tracker(text=text, intent="ask_partner_list"), Memory())
        assert question.wants_all and question.asked == Asked.LIST, text


def test_an_english_question_which_ministry_launched_it(directory) -> None:
    """"which ministry launched this initiative?" about the Landesinitiative Jungenarbeit asks who
    initiated it (an organisation): the sentence that names the Ministerium, quoted in German."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="jungenarbeit", mentioned=["jungenarbeit"], last_asked=Asked.HELP.value)
    tracker = make_tracker(text="sorry my german is not so good: which ministry launched this initiative?",
                           intent="ask_target_group_help")
    question = understanding.read(tracker, memory)
    assert question.language == "en" and question.answer_type == "organisation"
    assert question.asked == Asked.FACT and question.fact is not None
    assert "Ministerium für Kinder, Jugend, Familie" in question.fact.sentence.text


def test_a_partner_described_and_asked_to_exist_is_said_what_it_is(directory) -> None:
    """"Gibt es in NRW auch Forschung zur Türkei …?" while the conversation is about the DOMiD: a
    partner not talked about yet, asked to exist by what it does, is said what it is (its
    description), with the page's sentence found when the description does not say it. A partner
    asked for by its name ("Gibt es beim JMD eine Onlineberatung?") gets the one sentence asked."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="domid", mentioned=["domid"], last_asked=Asked.FACT.value)
    text = "Meine Nachbarin ist Türkin. Gibt es in NRW auch Forschung zur Türkei und zur Einwanderung von dort?"
    entities = [entity("topic", "forschung"), entity("topic", "tuerkei")]
    question = understanding.read(make_tracker(text=text, intent="ask_target_group_help", entities=entities), memory)
    assert question.asked == Asked.SUMMARY and [p.id for p in question.partners] == ["zfti"]
    reply, _ = ask(text, "ask_target_group_help", entities, slots={SUBJECT_SLOT: "domid"})
    zfti = directory.knowledge.partner("zfti")
    assert zfti.description in reply
    assert question.fact is not None and question.fact.sentence.text in reply
    question = understanding.read(make_tracker(text="Gibt es beim JMD eine Onlineberatung?", intent="ask_partner_info",
                                               entities=[entity("partner", "jmd")]), memory)
    assert question.asked == Asked.FACT and "Onlineberatung" in question.fact.sentence.text
    # "Wer …?" asks the fact, mostly of someone else (review): "Baden-Württemberg", not the IntMK's summary.
    question = understanding.read(make_tracker(text="Wer hat im Oktober 2016 den Vorsitz übernommen?",
                                               intent="ask_partner_info"), memory)
    assert question.asked == Asked.FACT and "Baden-Württemberg" in question.fact.sentence.text
    # In another language the sentence found is said after what the partner is, as in German (review).
    hit = actions.UNDERSTANDING.get(directory).index.best(["konsultativstatus"], ["zfti"])
    for language in ("de", "en"):
        dispatcher = CollectingDispatcher()
        q = Question(text="?", intent="ask_target_group_help", asked=Asked.SUMMARY, partners=[zfti], fact=hit,
                     language=language)
        Router(actions.KNOWLEDGE.current(), actions.REPLIES, dispatcher, Memory()).answer(q)
        reply = "\n".join(m.get("text") or "" for m in dispatcher.messages)
        assert zfti.description in reply and "Konsultativstatus" in reply, language


def test_which_body_does_something_is_said_what_it_is(directory) -> None:
    """"Welches Gremium bündelt die Ausländerbeiräte und Integrationsräte auf Landesebene?" asks
    which partner it is, as "gibt es" does: the answer is what the Landesintegrationsrat is (its
    description: "… unterstützt die kommunalen Migrantenvertretungen, koordiniert ihre Arbeit …"),
    not one sentence that shares the councils' words."""
    understanding = actions.UNDERSTANDING.get(directory)
    text = "Ich recherchiere für einen Artikel: Welches Gremium bündelt die Ausländerbeiräte und Integrationsräte?"
    entities = [entity("target_group", "migrantenvertretungen"), entity("kind", "Gremium")]
    question = understanding.read(make_tracker(text=text, intent="ask_target_group_help", entities=entities),
                                  Memory())
    assert question.asked == Asked.SUMMARY and [p.id for p in question.partners] == ["landesintegrationsrat"]
    reply, _ = ask(text, "ask_target_group_help", entities)
    assert "koordiniert ihre Arbeit" in reply
    # Without "einen": a sentence that shares only the councils' words is not said after it (review).
    text = "Welches Gremium bündelt die Ausländerbeiräte und Integrationsräte?"
    question = understanding.read(make_tracker(text=text, intent="ask_target_group_help", entities=entities), Memory())
    assert question.asked == Asked.SUMMARY and question.fact is None


def test_a_place_label_that_a_sentence_says_whole_is_quoted_as_that_sentence(knowledge, index: FactIndex) -> None:
    """The ZfTI's place "Institut an der Universität Duisburg-Essen" is said whole by its sentence
    "Das ZfTI ist Institut an der Universität Duisburg-Essen.": a question about it is answered
    by the page's sentence, not by the bare label; a block the sentences do not say (an address)
    stays searchable."""
    zfti = knowledge.partner("zfti")
    label = next(p.label for p in zfti.places if p.label)
    assert any(label in s for s in zfti.quoted_sentences)
    assert not [s for s in index.sentences if s.contact and s.partner_id == "zfti"]
    hit = index.best(["institut", "universitaet", "duisburg"], ["zfti"])
    assert hit is not None and hit.sentence.text in zfti.quoted_sentences and label in hit.sentence.text
    blocks = [s for s in index.sentences if s.contact]
    assert blocks and all(not any(b.text in t for t in knowledge.partner(b.partner_id).quoted_sentences)
                          for b in blocks)


def test_why_quotes_the_reason_with_the_sentences_it_points_back_to(index: FactIndex) -> None:
    """"Warum …?" asks for a reason: the sentence that gives one ("Auch aufgrund dieser Unterschiede …",
    "Vor diesem Hintergrund …"), quoted after the sentences it points back to, in page order."""
    hit = index.best(WORDING.terms("Warum gilt dieses Prinzip?"), ["intmk"], "reason")
    assert hit is not None and hit.sentence.text.startswith("Auch aufgrund dieser Unterschiede")
    assert [s.text[:30] for s in hit.context] == ["Zwischen den Ländern bestehen "]
    hit = index.best([], ["jungenarbeit"], "reason")
    assert hit is not None and hit.sentence.text.startswith("Vor diesem Hintergrund")
    assert [s.text[:20] for s in hit.context] == ["Jungen werden in der", "Sie selbst sehen sic"]


def test_why_about_the_subject_is_answered_with_its_reason(knowledge) -> None:
    """"und wieso?" after the Jungen-Initiative: the background, then the initiative."""
    reply, _ = ask("und wieso?", "ask_partner_info", slots={SUBJECT_SLOT: "jungenarbeit"})
    assert reply.index("defizitär und problembeladen") < reply.index("Vor diesem Hintergrund")


def test_a_list_says_of_a_partner_the_sentence_that_says_what_it_is() -> None:
    """The Jungen-Initiative's description opens with its background ("Jungen werden … dargestellt");
    a list that has no sentence of it for the message says its `opening`: what the initiative is."""
    partner = actions.KNOWLEDGE.current().knowledge.partner("jungenarbeit")
    assert partner is not None and partner.opening and not partner.description.startswith(partner.opening)
    assert Answers.reason_for(partner, {}) == partner.opening
    assert Answers.reason_for(partner, {"jungenarbeit": "anders"}) == "anders"  # the sentence that fits comes first


def test_a_noun_after_a_demonstrative_names_another_partner_talked_about() -> None:
    """"Zurück zu …: diese Büros" after the offices and then the Jungen-Initiative means the offices:
    in a message that goes back, the noun names the one partner talked about whose name has it."""
    replies = converse([
        ("Was machen die Antidiskriminierungsbüros?", "ask_partner_info", [entity("partner", "adb")]),
        ("Und was macht die Landesinitiative Jungenarbeit?", "ask_partner_info", [entity("partner", "jungenarbeit")]),
        ("Zurück zu meinem Problem: wie arbeiten diese Büros?", "ask_partner_info", []),
    ])
    assert replies[-1][1][SUBJECT_SLOT] == "adb"


def test_a_noun_that_gibt_es_asks_for_names_no_partner_talked_about() -> None:
    """"Gibt es Fachstellen, die sich gegen Rassismus engagieren?" after the Sinti and Roma partners
    asks who works against racism: "Fachstellen" is no name of the Beratungsstelle talked about."""
    replies = converse([
        ("Gibt es eine Beratungsstelle für Sinti und Roma?", "ask_target_group_help", [entity("target_group", "sinti_roma")]),
        ("Gibt es Fachstellen, die sich gegen Rassismus engagieren?", "ask_target_group_help",
         [entity("topic", "diskriminierung")]),
    ])
    reply, _ = replies[-1]
    assert reply.split("\n\n")[1].startswith("Antidiskriminierungsbüros")


def test_a_chain_is_quoted_in_page_order_when_its_first_sentence_is_the_close_second(index: FactIndex) -> None:
    """"Vor diesem Hintergrund …" with "Jungen werden …" as its close second: the chain stays in page
    order ("Jungen werden …", "Sie selbst …", "Vor diesem Hintergrund …"), "Sie selbst" never first."""
    from dataclasses import replace
    hit = index.best([], ["jungenarbeit"], "reason")
    assert hit is not None and len(hit.context) == 2
    hit = replace(hit, also=hit.context[0])
    partner = actions.KNOWLEDGE.current().knowledge.partner("jungenarbeit")
    text = Router(actions.KNOWLEDGE.current(), actions.REPLIES, CollectingDispatcher(), Memory())._quote(hit, partner)
    assert text.index("Jungen werden") < text.index("Sie selbst") < text.index("Vor diesem Hintergrund")


def test_a_noun_after_a_demonstrative_that_calls_the_subject_keeps_it() -> None:
    """"Wo sitzt diese Stelle?" after the Beratungsstelle and then the offices (their
    "Anlaufstellen"): the offices, not the Beratungsstelle named by "Stelle"."""
    replies = converse([
        ("Was macht die Beratungsstelle für Sinti und Roma?", "ask_partner_info", [entity("partner", "sinti_roma_beratung")]),
        ("Und was machen die Antidiskriminierungsbüros?", "ask_partner_info", [entity("partner", "adb")]),
        ("Wo sitzt diese Stelle?", "ask_partner_location", []),
    ])
    assert replies[-1][1][SUBJECT_SLOT] == "adb"


def test_a_group_word_with_an_age_after_it_is_who_the_story_is_about(directory) -> None:
    """"Ein Schüler (15) ist vor drei Wochen angekommen … Gibt es dafür eine Anlaufstelle?": "Schüler" is
    who has the age; the partner for that age helps, not the teachers' project, whose page names pupils.
    Asked for at the end ("Gibt es in NRW etwas für Schüler?"), the group stays."""
    understanding = actions.UNDERSTANDING.get(directory)
    text = ("Ich unterrichte eine Klasse in Hamm. Ein Schüler (15) ist vor drei Wochen angekommen und braucht "
            "Begleitung. Gibt es dafür eine Anlaufstelle?")
    question = understanding.read(make_tracker(text=text, intent="ask_target_group_help",
                                               entities=[entity("target_group", "schueler")]), Memory())
    assert question.age == 15 and question.asked == Asked.HELP
    assert [p.id for p in question.partners][:1] == ["jmd"] and not question.groups
    boys = ("Einer von den Jungs ist 14, erst seit dem Sommer in Deutschland und kommt in der Schule kaum mit. "
            "Wer kann ihn unterstützen?")
    question = understanding.read(make_tracker(text=boys, intent="ask_target_group_help",
                                               entities=[entity("target_group", "jungen")]), Memory())
    assert question.age == 14 and [p.id for p in question.partners][:1] == ["jmd"]
    asked = "Ein Schüler (15) ist neu in meiner Klasse. Gibt es in NRW etwas für Schüler?"
    question = understanding.read(make_tracker(text=asked, intent="ask_target_group_help",
                                               entities=[entity("target_group", "schueler")]), Memory())
    assert [g.id for g in question.groups] == ["schueler"]


def test_a_noun_written_small_is_read_as_the_noun_of_a_fact_word(directory) -> None:
    """"passt er vom alter her überhaupt rein?" after the JMD: read folded, "alter" is the verb "altern";
    as the noun "Alter" it asks for the age the JMD's sentence states."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(text="passt er vom alter her überhaupt rein?", intent="out_of_scope"),
                                  Memory(subject="jmd", mentioned=["jmd"], last_asked=Asked.HELP.value))
    assert question.asked == Asked.FACT and "12 bis 27" in question.fact.sentence.text


def test_a_web_word_beside_a_group_in_another_language_asks_who_helps(directory) -> None:
    """"Genç göçmenler için internet üzerinden danışmanlık var mı?" names whom it is for: who helps young
    migrants answers, as in German, not a question back for whose web address."""
    understanding = actions.UNDERSTANDING.get(directory)
    text = "Genç göçmenler için internet üzerinden danışmanlık var mı?"
    question = understanding.read(make_tracker(text=text, intent="nlu_fallback"), Memory())
    assert question.language == "tr" and question.fields == ["web"]
    assert question.asked == Asked.HELP and "jmd" in [p.id for p in question.partners]
    # A topic alone ("danışmanlık": advice) names no one it is for: not a list of everyone who advises.
    topic_only = understanding.read(make_tracker(text="İnternet üzerinden danışmanlık var mı?", intent="nlu_fallback"),
                                    Memory())
    assert topic_only.topics and topic_only.asked != Asked.HELP


def test_a_help_word_that_is_also_a_kind_of_fact_asks_that_fact_of_the_subject(directory) -> None:
    """"Devlet bunu destekliyor mu?" after the fathers' network: "destek" (help) is in "destekliyor"
    (supports), a word of the funding; the subject's funding sentence answers, not "not understood"."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(text="Devlet bunu destekliyor mu?", intent="nlu_fallback"),
                                  Memory(subject="vaeterarbeit", mentioned=["vaeterarbeit"],
                                         last_asked=Asked.SUMMARY.value))
    assert question.language == "tr" and question.asked == Asked.FACT
    assert "gefördert" in question.fact.sentence.text


def test_a_city_written_in_another_script_is_that_city(directory) -> None:
    """"А в Кёльне тоже есть?" after the anti-discrimination offices: the knowledge file's `city_names`
    say "Кёльне" is Köln, so the offices' places answer, as "und in Köln?" does."""
    understanding = actions.UNDERSTANDING.get(directory)
    tracker = make_tracker(text="А в Кёльне тоже есть такой офис?", intent="nlu_fallback")
    question = understanding.read(tracker, Memory(subject="adb", mentioned=["adb"], last_asked=Asked.SUMMARY.value))
    assert question.language == "ru" and question.cities == ["Köln"] and question.asked == Asked.LOCATION
    assert [p.id for p in question.partners] == ["adb"]


def test_whose_after_which_is_the_one_sought_and_its_contact_comes_with_it(directory) -> None:
    """"Welches Gremium bündelt die kommunalen Migrantenvertretungen, und wie lautet dessen Faxnummer?"
    after the Landesbeirat: "dessen" is the Gremium's asked for, not the subject's; the partner whose
    sentence answers is named, with the fax asked of it."""
    understanding = actions.UNDERSTANDING.get(directory)
    text = "Welches Gremium bündelt die kommunalen Migrantenvertretungen, und wie lautet dessen Faxnummer?"
    tracker = make_tracker(text=text, intent="ask_target_group_help",
                           entities=[entity("contact_attribute", "fax"),
                                     entity("target_group", "migrantenvertretungen")])
    question = understanding.read(tracker, Memory(subject="landesbeirat", mentioned=["landesbeirat"],
                                                  last_asked=Asked.FACT.value))
    assert not question.points_back and question.asked == Asked.FIELDS and question.fields == ["fax"]
    assert [p.id for p in question.partners] == ["landesintegrationsrat"]
    assert has_pointer("welches gremium ist das und wer sitzt dort".split())


def test_a_demonstrative_of_another_language_points_at_the_subject(directory) -> None:
    """"Bu enstitü hangi üniversitede?" after the ZfTI: "bu" (this, the knowledge file's `this` words)
    points at the subject; "üniversite" is what is asked about, not a group to find partners for."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(text="Bu enstitü hangi üniversitede?", intent="out_of_scope"),
                                  Memory(subject="zfti", mentioned=["zfti"], last_asked=Asked.HELP.value))
    assert question.language == "tr" and question.asked == Asked.FACT
    assert [p.id for p in question.partners] == ["zfti"] and "Universität" in question.fact.sentence.text


def test_a_value_asked_in_another_language_is_the_subjects_when_its_sentence_has_it(directory) -> None:
    """"Konseyde kaç üye göçmen?" (how many members … migrants) after the Landesbeirat: a number whose
    words find the subject's sentence with a number answers from it, not a list of everyone for
    migrants (German names the subject by the page's words; these words are Turkish)."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(text="Konseyde kaç üye göçmen?", intent="nlu_fallback"),
                                  Memory(subject="landesbeirat", mentioned=["landesbeirat"], last_asked=Asked.HELP.value))
    assert question.language == "tr" and question.groups and question.asked == Asked.FACT
    assert [p.id for p in question.partners] == ["landesbeirat"] and "Mitgliedern" in question.fact.sentence.text


def test_a_group_in_another_language_described_by_another_asks_for_the_first(directory) -> None:
    """"للآباء المهاجرين" (for migrant fathers): the fathers' label already says the migrants, so the
    fathers' network answers, not everyone for migrants (the words have no order to go by)."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(text="هل هناك شيء للآباء المهاجرين في NRW؟", intent="ask_general_info"),
                                  Memory())
    assert question.language == "ar" and question.asked == Asked.HELP
    assert [p.id for p in question.partners] == ["vaeterarbeit"]


def test_such_people_in_the_question_are_the_storys(directory) -> None:
    """"… als Spätaussiedler gekommen. Gibt es ein Gremium, das sich um solche Familien kümmert?": "solche"
    says the families are those of the story, so the story's group is asked for too: the Gremium for
    Spätaussiedler, not every partner for parents."""
    understanding = actions.UNDERSTANDING.get(directory)
    text = ("Ich helfe einer Familie, die gerade als Spätaussiedler nach NRW gekommen ist. "
            "Gibt es beim Land ein Gremium, das sich um solche Familien kümmert?")
    tracker = make_tracker(text=text, intent="ask_target_group_help",
                           entities=[entity("target_group", "eltern"), entity("target_group", "spaetaussiedler"),
                                     entity("kind", "Gremium")])
    question = understanding.read(tracker, Memory())
    assert question.asked == Asked.HELP and [p.id for p in question.partners] == ["landesbeirat"]


def test_a_relative_where_asks_for_a_partner_not_a_place(directory) -> None:
    """"gibt es in nrw eine stelle wo man sowas melden kann?" asks for one, not where: no place is asked,
    and the town told is no list of partners there. "weiß jemand, wo man …" still asks where."""
    understanding = actions.UNDERSTANDING.get(directory)
    text = "ich wohne in hamm und wurde beleidigt wegen rassismus. gibt es in nrw eine stelle wo man sowas melden kann?"
    tracker = make_tracker(text=text, intent="ask_target_group_help",
                           entities=[entity("city", "hamm"), entity("topic", "diskriminierung")])
    question = understanding.read(tracker, Memory())
    assert question.answer_type != "place" and question.asked == Asked.HELP
    assert "adb" in [p.id for p in question.partners]
    words = "weiss jemand wo man sowas melden kann".split()
    assert relative_where(words, WORDING.is_noun) == set()


def test_a_story_before_asking_for_some_partner_names_none_talked_about(directory) -> None:
    """"… viele Mütter und Väter kommen nie. Gibt es einen Verbund für Eltern, die eingewandert sind?"
    after a list with the fathers' and the teachers' networks: "einen" asks for some partner for parents;
    "Väter" in the story and "eingewandert" in what is sought name none of those listed."""
    understanding = actions.UNDERSTANDING.get(directory)
    listed = ["jungenarbeit", "vaeterarbeit", "lehrkraefte", "elternnetzwerk"]
    text = ("Jetzt die Eltern: viele Mütter und Väter kommen nie, ich will sie mitnehmen. "
            "Gibt es einen Verbund für Eltern, die eingewandert sind?")
    tracker = make_tracker(text=text, intent="ask_target_group_help",
                           entities=[entity("target_group", "eltern"), entity("target_group", "vaeter")])
    question = understanding.read(tracker, Memory(mentioned=listed, listed=listed, last_asked=Asked.HELP.value))
    assert question.asked == Asked.HELP and question.partners[0].id == "elternnetzwerk"


def test_the_words_before_von_vorhin_name_the_partner_gone_back_to(directory) -> None:
    """"nochmal zu der roma stelle von vorhin: beraten die auch deutsche familien?": "roma stelle" is the
    Beratungsstelle of the two partners for Sinti und Roma (the KfI's "Verteilstelle" has the word too);
    "deutsche" after it is the question, not the Verband Deutscher Sinti und Roma."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="adb", mentioned=["kfi", "sinti_roma_beratung", "sinti_roma_landesverband", "adb"],
                    listed=["adb", "sinti_roma_landesverband"], last_asked=Asked.SUMMARY.value)
    tracker = make_tracker(text="nochmal zu der roma stelle von vorhin: beraten die auch deutsche familien?",
                           intent="ask_partner_info", entities=[entity("target_group", "sinti_roma")])
    question = understanding.read(tracker, memory)
    assert [p.id for p in question.partners] == ["sinti_roma_beratung"]


def test_people_told_with_a_definite_article_are_no_partner_described(directory) -> None:
    """"Die Eltern wollen später selbst anderen helfen, ehrenamtlich. Passt das dazu?" after the Landesbeirat:
    the parents are the family talked about; "dazu" is the subject, not the parents' network."""
    understanding = actions.UNDERSTANDING.get(directory)
    tracker = make_tracker(text="Die Eltern wollen später selbst anderen helfen, ehrenamtlich. Passt das dazu?",
                           intent="ask_target_group_help", entities=[entity("target_group", "eltern")])
    question = understanding.read(tracker, Memory(subject="landesbeirat", mentioned=["landesbeirat"],
                                                  last_asked=Asked.FACT.value))
    assert [p.id for p in question.partners] == ["landesbeirat"]


def test_the_age_of_the_storys_people_counts_when_the_question_asks_for_such(directory) -> None:
    """"Zwei meiner Schüler sind 15 und gerade erst angekommen. Wer berät solche Jugendlichen?": the pupils'
    age says whom a partner must serve (the youth migration services), not the teachers' project that
    names pupils."""
    understanding = actions.UNDERSTANDING.get(directory)
    text = "Zwei meiner Schüler sind 15 und gerade erst angekommen. Wer berät solche Jugendlichen?"
    tracker = make_tracker(text=text, intent="ask_target_group_help",
                           entities=[entity("target_group", "schueler"), entity("target_group", "junge_menschen")])
    question = understanding.read(tracker, Memory())
    assert question.age == 15 and question.asked == Asked.HELP and [p.id for p in question.partners] == ["jmd"]


def test_people_told_with_an_article_describe_the_partner_sought_when_a_kind_is_named(directory) -> None:
    """"die papas bei uns fragen, ob es für sie auch so ein netzwerk gibt. wie heisst das?" after the parents'
    network: the story names the kind sought for the fathers; "das" is that network, not the subject."""
    understanding = actions.UNDERSTANDING.get(directory)
    text = "die papas bei uns fragen ob es fuer sie auch so ein netzwerk gibt. wie heisst das?"
    tracker = make_tracker(text=text, intent="ask_partner_info",
                           entities=[entity("target_group", "vaeter"), entity("kind", "Netzwerk")])
    question = understanding.read(tracker, Memory(subject="elternnetzwerk", mentioned=["elternnetzwerk"],
                                                  last_asked=Asked.SUMMARY.value))
    assert [p.id for p in question.partners] == ["vaeterarbeit"]


def test_a_group_in_another_language_said_apart_from_another_counts_on_its_own(directory) -> None:
    """"Li dibistanê mamosteyek … ez biyanî me …" (a teacher … I am a foreigner): the teachers' label says
    migrants, but the foreigner is the writer, said apart: the migrants' partners stay."""
    understanding = actions.UNDERSTANDING.get(directory)
    text = "Li dibistanê mamosteyek ji ber ku ez biyanî me cudakariyê li min dike. Li NRW li ku derê alîkarî heye?"
    question = understanding.read(make_tracker(text=text, intent="ask_target_group_help"), Memory())
    assert question.language == "ku" and {"lehrkraefte", "migranten"} <= {g.id for g in question.groups}


def test_a_pronoun_after_a_list_with_a_group_means_the_listed_partners_for_it(directory) -> None:
    """"was bieten die für mütter, gibt es kurse?" after a list of four networks: "die" are those of the
    list for mothers (the parents' network), not the one whose sentence shares "pädagogisch"."""
    understanding = actions.UNDERSTANDING.get(directory)
    listed = ["elternnetzwerk", "jungenarbeit", "vaeterarbeit"]
    tracker = make_tracker(text="was bieten die für mütter, gibt es kurse?", intent="nlu_fallback",
                           entities=[entity("target_group", "eltern")])
    question = understanding.read(tracker, Memory(mentioned=listed, listed=listed, last_asked=Asked.HELP.value))
    assert [p.id for p in question.partners] == ["elternnetzwerk"]


def test_a_kind_after_an_article_names_the_one_partner_of_that_kind_talked_about(directory) -> None:
    """"Danke. Zurück zu dem Gremium: wen berät das eigentlich?" after the Landesbeirat (a Gremium) and
    networks: the Gremium talked about, not the last partner."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="jmd", mentioned=["landesbeirat", "elternnetzwerk", "lag_jsa", "jmd"],
                    listed=["jmd", "lag_jsa"], last_asked=Asked.FIELDS.value)
    tracker = make_tracker(text="Danke. Zurück zu dem Gremium: wen berät das eigentlich?", intent="ask_target_group_help",
                           entities=[entity("kind", "Gremium")])
    question = understanding.read(tracker, memory)
    assert [p.id for p in question.partners] == ["landesbeirat"]


def test_a_city_in_an_earlier_question_of_the_message_is_asked(directory) -> None:
    """"gibt es das auch in paderborn? wo finde ich die stelle hier vor ort" after the JMD: the city of the
    first question is asked too; the JMD's places (and where to find the local offices), not the sentence
    that says "vor Ort"."""
    understanding = actions.UNDERSTANDING.get(directory)
    tracker = make_tracker(text="gibt es das auch in paderborn? wo finde ich die stelle hier vor ort",
                           intent="ask_partner_location", entities=[entity("city", "paderborn")])
    question = understanding.read(tracker, Memory(subject="jmd", mentioned=["jmd"], last_asked=Asked.HELP.value))
    assert question.asked == Asked.LOCATION and [p.id for p in question.partners] == ["jmd"]


def test_a_group_a_word_of_a_name_says_does_not_narrow_the_list(directory) -> None:
    """"nochmal die jugend migration dienst, email adresse bitte" after a list: "migration" is a word of the
    JMD's name, no group asked "für": the list is not narrowed to the partners for migrants."""
    understanding = actions.UNDERSTANDING.get(directory)
    listed = ["jmd", "kfi", "vaeterarbeit"]
    tracker = make_tracker(text="nochmal die jugend migration dienst, email adresse bitte", intent="ask_partner_contact",
                           entities=[entity("contact_attribute", "email")])
    question = understanding.read(tracker, Memory(mentioned=listed, listed=listed, last_asked=Asked.HELP.value))
    assert question.partners and question.partners[0].id == "jmd"


@pytest.mark.parametrize("words, points", [
    ("is there also a council for migrants".split(), False),
    ("there are offices in five cities".split(), False),
    ("can i go there tomorrow".split(), True),
])
def test_there_with_a_form_of_be_says_something_exists_and_points_nowhere(words, points) -> None:
    assert has_pointer(words) is points


def test_a_question_phrase_of_several_words_says_the_answer_type_over_a_bare_question_word(directory) -> None:
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(text="ZfTI: wer steckt dahinter, welche Organisation?",
                                               intent="ask_partner_info", entities=[entity("partner", "zfti")]),
                                  Memory())
    assert question.answer_type == "organisation"


@pytest.mark.parametrize("words, points", [
    ("einer der lehrer hat gesagt das land hilft".split(), False),
    ("viele der eltern kommen nie".split(), False),
    ("machen die auch beratung".split(), True),
])
def test_a_word_that_counts_out_of_a_group_makes_der_an_article(words, points) -> None:
    """"Einer der Lehrer hat gesagt …": "der" after "einer" is the article of a genitive, no
    pronoun pointing at the partner talked about."""
    assert has_pointer(words) is points
