"""Tracker data older than the retention period is deleted, newer data is kept."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from privacy import retention

DAY = 86400.0


def test_old_events_are_deleted_and_recent_ones_kept(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    store = SQLTrackerStore(Domain.empty(), host=url)
    now = time.time()
    old = [UserUttered("Meine Nummer ist 0171 1234567", timestamp=now - 40 * DAY),
           ActionExecuted("action_listen", timestamp=now - 40 * DAY)]
    recent = [UserUttered("Telefon KfI", timestamp=now - 2 * DAY), ActionExecuted("action_listen", timestamp=now - 2 * DAY)]
    asyncio.run(store.save(DialogueStateTracker.from_events("alt", old)))
    asyncio.run(store.save(DialogueStateTracker.from_events("gemischt", old + recent)))

    assert retention.main(["--db", url, "--days", "30"]) == 0

    assert asyncio.run(store.retrieve_full_tracker("alt")) is None  # nothing of it is left
    kept = asyncio.run(store.retrieve_full_tracker("gemischt")).events
    assert [e.text for e in kept if isinstance(e, UserUttered)] == ["Telefon KfI"]
    assert retention.delete_older_than(url, 30) == 0  # nothing left to delete
    assert retention.delete_older_than(url, 1) == 2  # then the two-day-old events
