"""A message that asks something is no goodbye: the action reads it instead.

A goodbye is the one intent Rasa answers by itself (data/rules/conversation.yml:
goodbye -> utter_goodbye, no action server needed). DIET has seen goodbyes in German and
English only; a question in a language it was not trained on ("Ev navend li kîjan bajarî
ye? Navnîşan çi ye?") can come out as a confident goodbye, and the user gets "Auf
Wiedersehen". No goodbye of the training data asks anything, so a "?" makes the guess
doubtful: the intent becomes nlu_fallback, as FallbackClassifier sets it for an unsure
guess, and action_answer decides what was asked (a bare goodbye in it is still small talk).
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu_components.base import ConfiguredStep

GOODBYE = "goodbye"


def asks(text: Text) -> bool:
    """The message has a question mark: it asks something."""
    return "?" in text


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class QuestionIsNoGoodbye(ConfiguredStep):
    """Pipeline step after FallbackClassifier: a goodbye that asks becomes nlu_fallback."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent: Dict[Text, Any] = message.get(INTENT) or {}
            if intent.get(INTENT_NAME_KEY) == GOODBYE and asks(message.get(TEXT) or ""):
                doubted = {INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME,
                           PREDICTED_CONFIDENCE_KEY: intent.get(PREDICTED_CONFIDENCE_KEY)}
                message.set(INTENT, doubted, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [doubted, *(message.get(INTENT_RANKING_KEY) or [])],
                            add_to_output=True)
        return messages
