"""Rasa's SQLTrackerStore, failing fast when the database is down, one query less per message.

Rasa 3.6's SQLTrackerStore retries an unreachable database every 5 seconds forever,
so a wrong `TRACKER_STORE_URL` looks like a hanging server. This subclass first
checks the connection for at most `STORE_WAIT_SECONDS` (default 20, so a database
that is still starting is waited for), then stops the server with a message that
names the URL (password hidden). SQLite URLs get their folder created.

Round trips (issue 12): for every message Rasa 3.6 reads the conversation's events
(one SELECT), and on saving first COUNTs them again to know which events are new,
then INSERTs those. The count is the number of events the read returned, unless
someone else wrote to the conversation in between, which the lock store prevents
(one server handles a conversation at a time). So the read remembers that number on
the tracker and the save uses it instead of the COUNT; a tracker that was not read
from the store (a new conversation), or a second save, counts as Rasa does.
Measured in tests/unit/test_tracker_store.py (statements per message, same events).

The read on PostgreSQL: Rasa 3.6 joins the events with a one-row subquery for the latest
`session_started` (`FROM events, (SELECT max(timestamp) …)`). PostgreSQL's planner,
expecting one row per sender, puts that subquery inside a nested loop and runs it once
per event of the conversation (EXPLAIN ANALYZE: loops=436 at turn 60), so the read grew
from 0.5 ms to 16–23 ms per message over 60 turns while the session stayed 10 turns
long. Here the same condition is a scalar subquery in WHERE, which PostgreSQL (and
SQLite) evaluates once: the same events, in the same order.
"""

from __future__ import annotations

import itertools
import logging
import time
from pathlib import Path
from typing import Any, Iterator, Optional, Text

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException

from settings import TRACKER_STORE_URL, wait_seconds

logger = logging.getLogger(__name__)
# Set on a tracker read from the store: how many of its events the store holds.
_EVENTS_IN_STORE = "_integrationslotse_events_in_store"


class StoreUnavailable(RasaException):
    """A configured store cannot be reached; the server must not start without it."""


def safe_url(url: str) -> str:
    """The URL with its password replaced by ***, for messages and logs."""
    try:
        return sa.engine.make_url(url).__repr__()
    except Exception:  # an unparsable URL is shown as given: it holds no valid password
        return url


def wait_for_database(url: str, seconds: float) -> None:
    """Connect once per second until `seconds` have passed; raise StoreUnavailable then."""
    engine = sa.create_engine(url, **create_engine_kwargs(url))
    deadline = time.monotonic() + seconds
    try:
        while True:
            try:
                with engine.connect():
                    return
            except sa.exc.SQLAlchemyError as error:
                if time.monotonic() >= deadline:
                    raise StoreUnavailable(
                        f"Tracker store not reachable at {safe_url(url)} after {seconds:.0f} s "
                        f"({type(error.orig or error).__name__}). Check {TRACKER_STORE_URL}, or start the "
                        f"database; unset {TRACKER_STORE_URL} for the embedded SQLite default."
                    ) from None
                time.sleep(1)
    finally:
        engine.dispose()


class CheckedSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore from a full SQLAlchemy URL (`url:` in endpoints.yml)."""

    def __init__(self, host: Optional[str] = None, **kwargs: Any) -> None:
        url = (host or "").strip()
        if "://" not in url:
            raise StoreUnavailable(
                f"{TRACKER_STORE_URL} must be a full database URL such as sqlite:///state/tracker.db "
                f"or postgresql://user:password@host:5432/db, not {url!r}."
            )
        if url.startswith("sqlite:///"):
            Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        wait_for_database(url, wait_seconds())
        logger.info(f"Tracker store: {safe_url(url)}")
        super().__init__(host=url, **kwargs)

    async def _retrieve(self, sender_id: Text, fetch_events_from_all_sessions: bool) -> Optional[DialogueStateTracker]:
        tracker = await super()._retrieve(sender_id, fetch_events_from_all_sessions)
        if tracker is not None and not fetch_events_from_all_sessions:
            # The read returned the events since the last session start: what save would count.
            setattr(tracker, _EVENTS_IN_STORE, len(tracker.events))
        return tracker

    def _event_query(self, session: Any, sender_id: Text, fetch_events_from_all_sessions: bool) -> Any:
        """Rasa's query for a conversation's events, with the session start as a scalar subquery."""
        events = self.SQLEvent
        query = session.query(events).filter(events.sender_id == sender_id)
        if not fetch_events_from_all_sessions:
            session_start = (
                sa.select(sa.func.max(events.timestamp))
                .where(events.sender_id == sender_id, events.type_name == SessionStarted.type_name)
                .scalar_subquery()
            )
            # Events since the latest session start, or all if there is none (as in Rasa).
            query = query.filter(sa.or_(events.timestamp >= session_start, session_start.is_(None)))
        return query.order_by(events.id)

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        """The events the store does not hold yet, without a COUNT after a read."""
        stored = tracker.__dict__.pop(_EVENTS_IN_STORE, None)
        if stored is None:
            return super()._additional_events(session, tracker)
        return itertools.islice(tracker.events, stored, len(tracker.events))
