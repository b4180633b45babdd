"""The project's second change to Rasa: a new session every N user messages, slots carried."""

from __future__ import annotations

import time
from typing import Iterator
from unittest import mock

import pytest
from rasa.core.actions.action import ActionSessionStart
from rasa.core.processor import MessageProcessor
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from server import turn_bounded_sessions

DOMAIN = Domain.from_yaml("""
version: "3.1"
session_config:
  session_expiration_time: 60
  carry_over_slots_to_new_session: true
slots:
  partner:
    type: text
    mappings: [{type: custom}]
""")


@pytest.fixture
def bounded() -> Iterator[None]:
    stock = MessageProcessor._has_session_expired
    stock_carry = ActionSessionStart.__dict__["_slot_set_events_from_tracker"]
    assert turn_bounded_sessions.install(turns=3)
    yield
    MessageProcessor._has_session_expired = stock
    ActionSessionStart._slot_set_events_from_tracker = stock_carry


def processor() -> MessageProcessor:
    instance = MessageProcessor.__new__(MessageProcessor)  # only its domain is read here
    instance.domain = DOMAIN
    return instance


def tracker(turns: int, session_start: bool = True) -> DialogueStateTracker:
    events = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")] \
        if session_start else []
    for turn in range(turns):
        events += [UserUttered(f"frage {turn}", timestamp=time.time()), ActionExecuted("action_answer"),
                   SlotSet("partner", "kfi"), ActionExecuted("action_listen")]
    return DialogueStateTracker.from_events("anna", events, slots=DOMAIN.slots)


def test_a_session_ends_after_its_number_of_user_messages(bounded: None) -> None:
    assert not processor()._has_session_expired(tracker(2))
    assert processor()._has_session_expired(tracker(3))


def test_only_the_current_sessions_messages_count(bounded: None) -> None:
    """Two messages before the last session start and one after: not yet expired."""
    old = tracker(2).events
    events = [*old, ActionExecuted("action_session_start"), SessionStarted(), SlotSet("partner", "kfi"),
              ActionExecuted("action_listen"), UserUttered("neu", timestamp=time.time())]
    assert not processor()._has_session_expired(DialogueStateTracker.from_events("anna", events, slots=DOMAIN.slots))


def test_time_based_expiry_still_applies(bounded: None) -> None:
    one_turn = tracker(1)
    with mock.patch("time.time", return_value=time.time() + 2 * 3600):
        assert processor()._has_session_expired(one_turn)


def test_stock_rasa_never_ends_a_session_by_turns() -> None:
    assert not processor()._has_session_expired(tracker(50))


def test_installing_twice_keeps_one_layer(bounded: None) -> None:
    first = MessageProcessor._has_session_expired
    assert turn_bounded_sessions.install(turns=3)
    assert MessageProcessor._has_session_expired is first


def test_zero_turns_switches_it_off() -> None:
    stock = MessageProcessor._has_session_expired
    assert turn_bounded_sessions.install(turns=0) is False
    assert MessageProcessor._has_session_expired is stock


def test_a_new_session_carries_each_slot_once_with_its_last_value(bounded: None) -> None:
    """Rasa copies every SlotSet of the ending session, its own earlier copies included:
    the copies grow with the conversation. Carried here: each slot's last value, once."""
    events = list(tracker(0).events)
    for session in range(5):
        current = DialogueStateTracker.from_events("anna", events, slots=DOMAIN.slots)
        carried = ActionSessionStart._slot_set_events_from_tracker(current)
        assert [(e.key, e.value) for e in carried] == ([("partner", f"p{session - 1}")] if session else [])
        events += [ActionExecuted("action_session_start"), SessionStarted(), *carried, ActionExecuted("action_listen")]
        for turn in range(3):
            events += [UserUttered(f"frage {turn}"), SlotSet("partner", "kfi"), SlotSet("partner", f"p{session}"),
                       ActionExecuted("action_listen")]
    final = DialogueStateTracker.from_events("anna", events, slots=DOMAIN.slots)
    assert final.get_slot("partner") == "p4"
