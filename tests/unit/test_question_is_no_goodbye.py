"""The pipeline step that lets the action read a "goodbye" that asks something."""

from __future__ import annotations

from typing import Any, Dict

from rasa.shared.nlu.training_data.message import Message

from nlu_components.question_is_no_goodbye import QuestionIsNoGoodbye


def _classified(text: str, intent: str, confidence: float = 0.89) -> Message:
    guess: Dict[str, Any] = {"name": intent, "confidence": confidence}
    ranking = [guess, {"name": "greet", "confidence": 0.1}]
    return Message(data={"text": text, "intent": guess, "intent_ranking": ranking})


def _step(message: Message) -> Message:
    return QuestionIsNoGoodbye({}).process([message])[0]


def test_a_goodbye_that_asks_goes_to_the_action_as_an_unsure_guess() -> None:
    message = _step(_classified("Ev navend li kîjan bajarî ye? Navnîşan çi ye?", "goodbye"))
    assert message.get("intent") == {"name": "nlu_fallback", "confidence": 0.89}
    # The classifier's guesses stay in the ranking, after the fallback (as FallbackClassifier does).
    assert [r["name"] for r in message.get("intent_ranking")] == ["nlu_fallback", "goodbye", "greet"]


def test_a_plain_goodbye_and_other_questions_are_left_as_classified() -> None:
    assert _step(_classified("Tschüss, bis bald", "goodbye")).get("intent")["name"] == "goodbye"
    assert _step(_classified("Wo ist das KfI?", "ask_partner_location")).get("intent")["name"] == "ask_partner_location"
