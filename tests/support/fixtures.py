"""Shared fixtures of all test folders: the knowledge base, the seed text, trackers, the servers.

Registered for every test by `pytest_plugins` in tests/conftest.py. `knowledge` is the
file the environment names (INTEGRATIONSLOTSE_KNOWLEDGE_FILE): tests/unit/conftest.py
points it at the fixture file FIXTURE_KNOWLEDGE_FILE, tests/content at the real one.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.directory import PartnerDirectory
from actions.knowledge import PROJECT_ROOT, KnowledgeBase, load_knowledge
from actions.sources import SEED_FILE, normalise, source_text  # noqa: F401 - used by the test folders
from tools.launch.local import RunningBot, start_servers

REAL_KNOWLEDGE_FILE = PROJECT_ROOT / "knowledge" / "partners.yml"
FIXTURE_KNOWLEDGE_FILE = Path(__file__).resolve().parent / "knowledge" / "partners.yml"


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="session")
def directory(knowledge: KnowledgeBase) -> PartnerDirectory:
    return PartnerDirectory(knowledge)


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed page plus any further source texts: what every fact must quote."""
    return source_text()


@pytest.fixture(scope="session")
def running_bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBot]:
    """Action server, Rasa server (trained model) and widget page, once per session."""
    with start_servers(tmp_path_factory.mktemp("servers")) as bot:
        yield bot


def make_tracker(
    text: str = "",
    intent: str = "",
    entities: Optional[List[Dict[str, Any]]] = None,
    slots: Optional[Dict[str, Any]] = None,
) -> Tracker:
    """A tracker whose latest user message carries the given intent and entities."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": entities or []}
    return Tracker(
        sender_id="test",
        slots=slots or {},
        latest_message=latest,
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def entity(name: str, value: str) -> Dict[str, Any]:
    return {"entity": name, "value": value}


def ask(text: str, intent: str = "out_of_scope", entities: Optional[List[Dict[str, Any]]] = None,
        slots: Optional[Dict[str, Any]] = None) -> Tuple[str, Dict[str, Any]]:
    """One message through the action server's answer action, in-process; (reply text, slots after)."""
    from actions import actions  # imported late: loads the knowledge file the environment names

    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text=text, intent=intent, entities=entities, slots=dict(slots or {}))
    events = asyncio.run(actions.ActionAnswer().run(dispatcher, tracker, {}))
    slots_after = {**(slots or {}), **{e["name"]: e["value"] for e in events if e.get("event") == "slot"}}
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages), slots_after
