"""The knowledge file's fact words: a word people use finds the page's sentence that says it otherwise.

The page names kinds of things ("Wohlfahrtsverbänden"); people name the ones they know ("Caritas",
"Diakonie"). The sentences here are written for this test; they are no evaluation sentences.
"""

from __future__ import annotations

import pytest

from actions.actions import WORDING
from actions.fact_index import FactIndex, is_concept
from actions.knowledge import KnowledgeBase
from actions.memory import SUBJECT_SLOT
from actions.spelling import fold
from tests.support.fixtures import ask


@pytest.fixture(scope="module")
def index(knowledge: KnowledgeBase) -> FactIndex:
    return FactIndex(knowledge, WORDING)


@pytest.mark.parametrize("text, partner, words", [
    ("Und mit der Diakonie?", "kfi", "Wohlfahrtsverbänden"),
    ("Auch mit der AWO und dem Roten Kreuz?", "kfi", "Wohlfahrtsverbänden"),
])
def test_a_word_people_use_finds_the_sentence_that_says_it_otherwise(
        index: FactIndex, text: str, partner: str, words: str) -> None:
    hit = index.best(WORDING.terms(text), [partner])
    assert hit is not None and words in hit.sentence.text


def test_early_with_it_asks_whether_nrw_was_first(index: FactIndex) -> None:
    """"war NRW früh mit sowas?" about the anti-discrimination offices: a phrase of the "Vorreiter" words
    (a kind of fact, so the question is about the page, not unclear), which finds a sentence that says
    NRW was first or is unique."""
    terms = WORDING.terms(index.with_group_words(fold("war NRW früh mit sowas?")))
    assert any(is_concept(t) for t in index.known(terms))
    hit = index.best(terms, ["adb"])
    assert hit is not None and ("erste Bundesland" in hit.sentence.text or "einzigartig" in hit.sentence.text)


def test_state_or_private_asks_what_kind_of_body_it_is(index: FactIndex) -> None:
    """"Ist das vom Staat oder privat?" about the ZfTI: the "Rechtsform" words find its sentence that says
    it is a foundation of the Land."""
    hit = index.best(WORDING.terms(index.with_group_words(fold("Ist das vom Staat oder privat?"))), ["zfti"])
    assert hit is not None and "Stiftung des Landes" in hit.sentence.text


@pytest.mark.parametrize("text", [
    "Кто запустил этот проект?",
    "Кто это запустил?",
    "Bu projeyi kim başlattı?",
])
def test_who_launched_it_in_another_language_is_who_called_it_into_being(text: str) -> None:
    """"initiiert", "ins Leben gerufen", "launched" are founding words; so are their translations:
    asked about the boys' initiative, the answer quotes the sentence of the ministry that developed it."""
    answer, slots = ask(text, slots={SUBJECT_SLOT: "jungenarbeit", "mentioned_partners": ["jungenarbeit"]})
    assert "eine Initiative entwickelt" in answer and slots["last_asked"] == "fact", answer
