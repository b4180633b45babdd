"""Drop entities that lie inside a longer entity of the same message.

RegexEntityExtractor matches each lookup table on its own, so "Beratungsstelle für
Sinti und Roma" yields the partner and, inside it, the target group "Sinti und
Roma" and the topic "Beratungsstelle". The longer match is what the person named;
the nested ones would make actions and `rasa test` see entities nobody meant.
Rasa 3.6 has no built-in overlap resolution for regex entities, hence this filter.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_END, ENTITY_ATTRIBUTE_START
from rasa.shared.nlu.training_data.message import Message

from nlu_components.base import ConfiguredStep


def _inside(inner: Dict[Text, Any], outer: Dict[Text, Any]) -> bool:
    """True when `inner` lies within `outer` and `outer` is strictly longer."""
    inner_span = (inner[ENTITY_ATTRIBUTE_START], inner[ENTITY_ATTRIBUTE_END])
    outer_span = (outer[ENTITY_ATTRIBUTE_START], outer[ENTITY_ATTRIBUTE_END])
    return (
        outer_span[0] <= inner_span[0]
        and inner_span[1] <= outer_span[1]
        and outer_span[1] - outer_span[0] > inner_span[1] - inner_span[0]
    )


def without_nested(entities: List[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """The entities that no longer entity contains, in their original order."""
    spanned = [e for e in entities if ENTITY_ATTRIBUTE_START in e and ENTITY_ATTRIBUTE_END in e]
    return [e for e in entities if not any(_inside(e, other) for other in spanned if other is not e)]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class NestedEntityFilter(ConfiguredStep):
    """Pipeline step after the extractors: keeps the longest of overlapping entities."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            entities = message.get(ENTITIES, [])
            if entities:
                message.set(ENTITIES, without_nested(entities), add_to_output=True)
        return messages
