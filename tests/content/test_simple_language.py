"""Simple language: short German questions about who helps get short sentences.

Readability is measured with the Wiener Sachtextformel (textstat, German): about the
school grade a text needs (4 very easy … 15 very hard). The page's own summaries
measure 9–18 here; simple texts must stay at or below MAX_WSTF.
"""

from __future__ import annotations

import re

import pytest
import textstat

from actions.knowledge import CONTACT_ATTRIBUTES
from actions.replies import Replies
from tests.support.fixtures import ask

MAX_WSTF = 9.5
MAX_SENTENCE_WORDS = 12
textstat.set_lang("de")


def wstf(text: str) -> float:
    return float(textstat.wiener_sachtextformel(text, 1))


def prose(answer: str, knowledge) -> str:
    """The sentences of an answer: without partner names and labelled contact lines."""
    names = {p.display_name for p in knowledge.partners}
    labels = tuple(f"{Replies().text('label_' + name)}:" for name in CONTACT_ATTRIBUTES)
    lines = [line for line in answer.splitlines()
             if line.strip() and line not in names and not line.startswith(labels) and not line.endswith(":")]
    return " ".join(lines)


def test_every_partner_has_a_simple_text_that_reads_easily(knowledge) -> None:
    too_hard = {p.id: round(wstf(p.simple or ""), 1) for p in knowledge.partners
                if not p.simple or wstf(p.simple) > MAX_WSTF}
    assert not too_hard, f"knowledge/partners.yml: simple fehlt oder ist zu schwer (WSTF > {MAX_WSTF}): {too_hard}"
    long_sentences = [s for p in knowledge.partners for s in re.split(r"(?<=[.?!])\s+", p.simple or "")
                      if len(s.split()) > MAX_SENTENCE_WORDS]
    assert not long_sentences


def test_simple_texts_state_no_new_numbers_or_places(knowledge) -> None:
    """Simple language says the same as the page: every number and city in it is the partner's."""
    for partner in knowledge.partners:
        quoted = " ".join((partner.summary, *partner.quoted_sentences))
        for number in re.findall(r"\d+", partner.simple or ""):
            assert number in quoted, (partner.id, number)
        for city in knowledge.cities:
            if city in (partner.simple or ""):
                assert city in partner.cities, (partner.id, city)


@pytest.mark.parametrize("group", ["junge_menschen", "eltern", "sinti_roma", "vaeter"])
def test_a_short_question_about_who_helps_is_answered_in_simple_language(knowledge, group: str) -> None:
    word = knowledge.target_group(group).words[0]
    short, _ = ask(f"hilfe {word}", "ask_target_group_help")
    long_question, _ = ask(f"Ich suche seit einiger Zeit eine Stelle in Nordrhein-Westfalen, die {word} "
                           "unterstützt, können Sie mir sagen, wer das macht?", "ask_target_group_help")
    fitting = [p for p in knowledge.partners if group in p.target_groups]
    assert any(p.display_name in short for p in fitting)
    simple, usual = wstf(prose(short, knowledge)), wstf(prose(long_question, knowledge))
    assert simple <= MAX_WSTF, (simple, short)
    assert simple < usual, (simple, usual)
