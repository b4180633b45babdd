"""Undo the fallback for a partner question that names a partner the lookup tables know.

The FallbackClassifier turns every message below its confidence threshold into
`nlu_fallback` ("Meinten Sie …?"). For "Hi, what does the Kompetenzzentrum für
Integration do?" the intent model may be unsure while the partner name was found
exactly; asking back then costs the resident a click and helps nobody. When the
message names a partner (entity `partner`) and the classifier's own best guess is a
question about a partner, that guess is kept. Messages without a named partner, or
whose best guess is something else (weather, chitchat), still go to the fallback.
Runs after FallbackClassifier.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    ENTITIES, ENTITY_ATTRIBUTE_TYPE, INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY,
)
from rasa.shared.nlu.training_data.message import Message

from nlu_components.base import ConfiguredStep


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class NamedPartnerKeepsIntent(ConfiguredStep):
    """A named partner makes a partner question clear enough to answer."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "intents": ["ask_partner_info", "ask_partner_location", "ask_partner_contact", "follow_up"],
            # Below this the classifier's guess is too weak even with a name.
            "min_confidence": 0.3,
        }

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        self.intents = set(config["intents"])
        self.min_confidence = float(config["min_confidence"])

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            if intent.get(INTENT_NAME_KEY) != DEFAULT_NLU_FALLBACK_INTENT_NAME:
                continue
            if not any(e.get(ENTITY_ATTRIBUTE_TYPE) == "partner" for e in message.get(ENTITIES) or []):
                continue
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or []
                       if r.get(INTENT_NAME_KEY) != DEFAULT_NLU_FALLBACK_INTENT_NAME]
            if ranking and ranking[0].get(INTENT_NAME_KEY) in self.intents \
                    and float(ranking[0].get(PREDICTED_CONFIDENCE_KEY) or 0) >= self.min_confidence:
                message.set(INTENT, ranking[0], add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
