"""Groups and topics are read in every language the bot reads, not only in German.

Before, nine topics (politische Teilhabe, Verteilung, Religion, Minderheiten …) and four groups
(kommunale Migrantenvertretungen, Kommunen …) had German and English words only: a question about
an integration council in Russian or about a national minority in Polish found nothing. "They"
before a verb ("oni", "они", "ellos") points at the partner talked about, as German "die" does.
The sentences are written for this test (no evaluation sentences); expected partners come from
the knowledge file.
"""

from __future__ import annotations

import pytest

from actions import actions
from actions.memory import Memory
from actions.question import Asked
from tests.support.fixtures import ask, make_tracker


def test_every_group_and_topic_has_words_in_every_language_the_bot_reads(knowledge) -> None:
    """A group or topic without a language's words is invisible in that language: the reply then
    falls back to "which group?" however clearly the message names it."""
    other = [language for language in knowledge.languages if language != "de"]
    missing = [(vocabulary.id, language) for vocabulary in [*knowledge.target_groups, *knowledge.topics]
               for language in other if not vocabulary.translations.get(language)]
    assert not missing, missing


@pytest.mark.parametrize("language, text, vocabulary", [
    ("ru", "В нашем городе выбрали интеграционный совет. Кто в NRW объединяет такие советы?",
     "migrantenvertretungen"),
    ("pl", "Czy w NRW ktoś reprezentuje mniejszości narodowe?", "minderheiten"),
])
def test_a_group_or_topic_said_in_another_language_finds_its_partners(knowledge, language: str, text: str,
                                                                       vocabulary: str) -> None:
    """The partners the knowledge file gives that group or topic answer, named in the reply."""
    answer, slots = ask(text)
    assert slots.get("language") == language
    serving = [p for p in knowledge.partners if vocabulary in (*p.target_groups, *p.topics)]
    assert serving and any(p.display_name in answer for p in serving), answer


@pytest.mark.parametrize("language, text", [
    ("pl", "Czy oni współpracują też ze szkołami?"),
    ("ru", "А они работают и со школами?"),
    ("es", "¿Y ellos trabajan también con las escuelas?"),
])
def test_they_before_a_verb_points_at_the_partner_talked_about(directory, language: str, text: str) -> None:
    """"Czy oni współpracują …?" (do they work with …?) asks about the partner talked about, as German
    "arbeiten die auch …?" does: the pronoun points back, so the subject stays."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(text=text, intent="nlu_fallback"),
                                  Memory(subject="jmd", mentioned=["jmd"], last_asked=Asked.HELP.value,
                                         language=language))
    assert question.language == language and question.points_back, (question.language, question.points_back)
    assert [p.id for p in question.partners] == ["jmd"]


@pytest.mark.parametrize("language, text", [
    ("ru", "А консультацию можно получить и онлайн?"),
    ("ru", "Можно ли получить консультацию онлайн, анонимно?"),
])
def test_a_topic_the_subject_serves_with_a_kind_of_fact_asks_the_subject(directory, language: str, text: str) -> None:
    """Counselling (a topic the JMD serves) asked "online" after the JMD asks how the JMD does it, as
    "Kann man da auch online Beratung bekommen?" does: its sentence with that kind, not everyone who advises."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(text=text, intent="nlu_fallback"),
                                  Memory(subject="jmd", mentioned=["jmd"], last_asked=Asked.HELP.value,
                                         language=language))
    assert question.language == language and question.asked == Asked.FACT, (question.language, question.asked)
    assert question.fact.sentence.partner_id == "jmd" and "~online" in question.fact.matched, question.fact
