"""What the project's pipeline steps share: they are built from their config alone.

Rasa calls `create` for every graph component; steps that train nothing and store
nothing only need their config, which Rasa has already merged with
`get_default_config()`.
"""

from __future__ import annotations

from typing import Any, Dict, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage


class ConfiguredStep(GraphComponent):
    """A pipeline step without training or stored state."""

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.config = config

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "ConfiguredStep":
        return cls(config)
