"""Find an event's class by its type name with a table built once, not a scan per event.

Why: Rasa 3.6.21's `Event.resolve_by_type` (rasa/shared/core/events.py) walks the
whole Event class tree (`all_subclasses`, recursive, with an `inspect.isabstract` test
per class) for every event it deserialises: 28 µs per event here. The SQL tracker
store deserialises every event of the session on every message, and the action
server's response once more: measured 2026-11-27, 5 % of the Rasa server's CPU under
load (py-spy), about 1 ms per message.

What stays the same: the class found for a type name is the first of
`all_subclasses(Event)` with that `type_name`, as in Rasa. The table is built from that
same list the first time it is needed. A name not in the table (an event class defined
later, "topic", an unknown name) goes to Rasa's original method, which then scans,
returns the default or raises its own ValueError.

Installed by `python -m server` (server/__main__.py); Rasa versions in
server.PATCHED_RASA_VERSIONS only. Tested in tests/unit/test_event_types.py.
"""

from __future__ import annotations

from typing import Any, Dict, Optional

from server import rasa_supported

_MARK = "_lotse_event_table"


def install() -> bool:
    """Replace `Event.resolve_by_type` with the table lookup; True if installed."""
    from rasa.shared.core.events import Event
    from rasa.shared.utils import common

    if not rasa_supported("events are resolved as Rasa does"):
        return False
    original = Event.resolve_by_type
    if getattr(original, _MARK, False):
        return True
    table: Dict[str, Any] = {}

    def resolve_by_type(type_name: str, default: Optional[Any] = None) -> Optional[Any]:
        if not table:
            for cls in common.all_subclasses(Event):
                table.setdefault(cls.type_name, cls)  # the first one wins, as in Rasa's scan
        found = table.get(type_name)
        return found if found is not None else original(type_name, default)

    resolve_by_type.__doc__ = original.__doc__
    setattr(resolve_by_type, _MARK, True)
    Event.resolve_by_type = staticmethod(resolve_by_type)  # type: ignore[assignment]
    return True
