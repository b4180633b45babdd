"""Start a new Rasa session every TURNS_PER_SESSION user messages, slots carried over.

Why: Rasa 3.6 reads, featurizes and sends to the action server every event of the
current session on every message, so the cost of a message grows with the length of
the conversation (measured: turns 51–60 cost 1.9× turns 1–10 with stock Rasa, 3.3×
once the action call itself was made cheap). A session bounds that work: the SQL
tracker store loads only the events since the last `session_started`, and the
policies and the action server see only those.

Nothing is lost:
- `carry_over_slots_to_new_session: true` (domain.yml) carries the conversation's
  memory (subject, partners mentioned, last list, language), and action_answer reads
  only slots, never older events.
- Every event stays in the tracker store; the trainer inbox reads all of them.
- The rules are single-turn, so no prediction needs a message of an earlier session.

How: `MessageProcessor._has_session_expired` (rasa/core/processor.py) decides whether
a message opens a new session; here it also says yes when the current session already
holds TURNS_PER_SESSION user messages.

Carried over once: Rasa's `ActionSessionStart._slot_set_events_from_tracker` copies
*every* SlotSet event of the ending session into the new one, the copies it made at the
last session start included, so the copied events grow with the whole conversation
(measured: 472 events in the 6th session of 10 turns, 300 of them copied slot events;
turns 51–60 cost 1.9× turns 1–10). Here it carries each slot's last value once, in
the order the slots were last set: the same slot values, a session of the same size.

Installed by `python -m server` with the other changes (server/__main__.py); Rasa versions in
server.PATCHED_RASA_VERSIONS only. Tested in tests/unit/test_turn_bounded_sessions.py and,
over REST with the SQLite store, in tests/e2e/test_conversations.py.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List

import settings
from server import rasa_supported

# User messages per session; LOTSE_TURNS_PER_SESSION=0 turns the bound off.
TURNS_PER_SESSION = settings.get_int("LOTSE_TURNS_PER_SESSION")
_MARK = "_lotse_turn_bounded"

logger = logging.getLogger(__name__)


def user_turns_in_session(tracker: Any) -> int:
    """User messages since the latest session start (the tracker's applied events)."""
    from rasa.shared.core.events import UserUttered

    return sum(isinstance(event, UserUttered) for event in tracker.applied_events())


def install(turns: int = TURNS_PER_SESSION) -> bool:
    """Make a session also expire after `turns` user messages; True if installed."""
    from rasa.core.actions.action import ActionSessionStart
    from rasa.core.processor import MessageProcessor

    if turns <= 0:
        return False
    if not rasa_supported("sessions are not bounded by turns"):
        return False
    current = MessageProcessor._has_session_expired
    if getattr(current, _MARK, None) == turns:
        return True
    original = getattr(current, "__wrapped__", current)

    def _has_session_expired(self: Any, tracker: Any) -> bool:
        if original(self, tracker):
            return True
        if self.domain.session_config.are_sessions_enabled() and user_turns_in_session(tracker) >= turns:
            logger.debug("Session of %s reached %d user messages: a new one starts.", tracker.sender_id, turns)
            return True
        return False

    _has_session_expired.__wrapped__ = original  # type: ignore[attr-defined]
    setattr(_has_session_expired, _MARK, turns)
    MessageProcessor._has_session_expired = _has_session_expired  # type: ignore[assignment]
    ActionSessionStart._slot_set_events_from_tracker = staticmethod(last_slot_values)  # type: ignore[assignment]
    return True


def last_slot_values(tracker: Any) -> List[Any]:
    """One SlotSet per slot with its last value (key, value and metadata as Rasa carries them)."""
    from rasa.shared.core.events import SlotSet

    last: Dict[str, Any] = {}
    for event in tracker.applied_events():
        if isinstance(event, SlotSet):
            last.pop(event.key, None)  # re-inserted: the order of the last setting
            last[event.key] = event
    return [SlotSet(key=e.key, value=e.value, metadata=e.metadata) for e in last.values()]
