"""A named partner keeps a partner question out of the fallback; everything else stays there."""

from __future__ import annotations

from typing import Dict, List

from rasa.shared.nlu.training_data.message import Message

from nlu_components.named_partner import NamedPartnerKeepsIntent


def _message(ranking: List[Dict], entities: List[Dict]) -> Message:
    fallback = {"name": "nlu_fallback", "confidence": 0.5}
    return Message(data={"text": "x", "intent": fallback, "intent_ranking": [fallback, *ranking], "entities": entities})


def _processed(message: Message) -> str:
    component = NamedPartnerKeepsIntent(NamedPartnerKeepsIntent.get_default_config())
    return component.process([message])[0].get("intent")["name"]


PARTNER = [{"entity": "partner", "value": "kfi", "start": 0, "end": 3}]


def test_partner_question_naming_a_partner_leaves_the_fallback() -> None:
    ranking = [{"name": "ask_partner_info", "confidence": 0.42}, {"name": "greet", "confidence": 0.3}]
    assert _processed(_message(ranking, PARTNER)) == "ask_partner_info"


def test_without_a_partner_or_with_another_best_guess_the_fallback_stays() -> None:
    partner_question = [{"name": "ask_partner_info", "confidence": 0.42}]
    assert _processed(_message(partner_question, [])) == "nlu_fallback"
    weather = [{"name": "out_of_scope", "confidence": 0.45}, {"name": "ask_partner_info", "confidence": 0.4}]
    assert _processed(_message(weather, PARTNER)) == "nlu_fallback"
    too_weak = [{"name": "ask_partner_info", "confidence": 0.2}]
    assert _processed(_message(too_weak, PARTNER)) == "nlu_fallback"
