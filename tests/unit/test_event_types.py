"""server/event_types.py: the same event classes as Rasa's scan, without scanning per event."""

from __future__ import annotations

from typing import Iterator
from unittest import mock

import pytest
from rasa.shared.core.events import BotUttered, Event, SlotSet
from rasa.shared.utils.common import all_subclasses

from server import event_types


@pytest.fixture
def stock_resolve() -> Iterator[object]:
    stock = Event.__dict__["resolve_by_type"]
    yield stock.__func__
    Event.resolve_by_type = stock


def test_every_event_type_resolves_to_the_class_rasa_finds(stock_resolve) -> None:
    names = {cls.type_name for cls in all_subclasses(Event)}
    expected = {name: stock_resolve(name) for name in names}
    assert event_types.install()
    assert {name: Event.resolve_by_type(name) for name in names} == expected


def test_unknown_names_behave_as_in_rasa(stock_resolve) -> None:
    assert event_types.install()
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no such event", default=SlotSet) is SlotSet
    with pytest.raises(ValueError, match="Unknown event name 'no such event'"):
        Event.resolve_by_type("no such event")


def test_the_class_tree_is_walked_once_not_per_event(stock_resolve) -> None:
    assert event_types.install()
    events = [{"event": "bot", "text": "Hallo"}, {"event": "slot", "name": "partner", "value": "kfi"}] * 50
    with mock.patch("rasa.shared.utils.common.all_subclasses", wraps=all_subclasses) as walk:
        Event.resolve_by_type("bot")
        walked_for_one = walk.call_count
        assert walked_for_one > 0
        deserialised = [Event.from_parameters(e) for e in events]
    assert walk.call_count == walked_for_one
    assert isinstance(deserialised[0], BotUttered) and isinstance(deserialised[1], SlotSet)
