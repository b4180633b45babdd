"""The project's SQL tracker store: one query less per message, the same events stored.

Both stores run on SQLite files side by side; the statements each sends to the database
are counted with SQLAlchemy's own event hook, for the same conversation.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import List, Tuple

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered

from stores.tracker_store import CheckedSQLTrackerStore

DOMAIN = Domain.from_yaml("version: '3.1'\nslots:\n  partner:\n    type: text\n    mappings: [{type: custom}]\n")


def _store(kind: type, path: Path) -> Tuple[SQLTrackerStore, List[str]]:
    store = kind(domain=DOMAIN, host=f"sqlite:///{path}") if kind is CheckedSQLTrackerStore else kind(
        domain=DOMAIN, dialect="sqlite", db=str(path))
    statements: List[str] = []
    sa.event.listen(store.engine, "before_cursor_execute",
                    lambda conn, cursor, statement, *args: statements.append(statement))
    return store, statements


async def _message(store: SQLTrackerStore, sender: str, turn: int, new_session: bool = False) -> None:
    """What Rasa does for one message: read the conversation, add the turn's events, save."""
    tracker = await store.get_or_create_tracker(sender)
    if new_session:
        tracker.update(ActionExecuted("action_session_start"))
        tracker.update(SessionStarted())
    tracker.update(UserUttered(f"Frage {turn}", {"name": "ask_partner_info"}))
    tracker.update(SlotSet("partner", f"p{turn}"))
    tracker.update(ActionExecuted("action_listen"))
    await store.save(tracker)


def _stored(path: Path) -> List[Tuple[str, str]]:
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT type_name, data FROM events ORDER BY id")).fetchall()
    engine.dispose()
    return [(kind, json.loads(data).get("text") or json.loads(data).get("value") or "") for kind, data in rows]


@pytest.mark.parametrize("turns", [6])
def test_one_query_less_per_message_and_the_same_events(tmp_path: Path, turns: int) -> None:
    stock, stock_statements = _store(SQLTrackerStore, tmp_path / "stock.db")
    ours, our_statements = _store(CheckedSQLTrackerStore, tmp_path / "ours.db")

    async def conversation(store: SQLTrackerStore, statements: List[str]) -> List[int]:
        per_message = []
        for turn in range(turns):
            before = len(statements)
            await _message(store, "resident", turn, new_session=turn == 3)
            per_message.append(len(statements) - before)
        return per_message

    stock_counts = asyncio.run(conversation(stock, stock_statements))
    our_counts = asyncio.run(conversation(ours, our_statements))
    # The first message creates the conversation (nothing to read): both count.
    assert our_counts[0] == stock_counts[0]
    assert all(ours_n == stock_n - 1 for ours_n, stock_n in zip(our_counts[1:], stock_counts[1:])), (
        our_counts, stock_counts)
    assert not any("count(" in s.lower() for s in our_statements[len(our_statements) // 2:])
    # Nothing lost, nothing twice, across a new session too.
    assert _stored(tmp_path / "ours.db") == _stored(tmp_path / "stock.db")


def test_a_second_save_without_a_read_counts_as_rasa_does(tmp_path: Path) -> None:
    """Only the first save after a read trusts the read; a second one asks the database."""
    ours, _ = _store(CheckedSQLTrackerStore, tmp_path / "ours.db")
    stock, _ = _store(SQLTrackerStore, tmp_path / "stock.db")

    async def twice(store: SQLTrackerStore) -> None:
        await _message(store, "resident", 0)
        tracker = await store.retrieve("resident")
        tracker.update(UserUttered("eins", {"name": "greet"}))
        await store.save(tracker)
        tracker.update(UserUttered("zwei", {"name": "greet"}))
        await store.save(tracker)

    asyncio.run(twice(ours))
    asyncio.run(twice(stock))
    assert _stored(tmp_path / "ours.db") == _stored(tmp_path / "stock.db")


def test_a_read_returns_the_sessions_events_as_rasa_does_with_the_session_start_looked_up_once(tmp_path: Path) -> None:
    """The session start is a scalar subquery in WHERE (PostgreSQL evaluates it once), not a
    joined subquery that PostgreSQL re-ran for every event of the conversation."""
    from sqlalchemy.dialects import postgresql

    stock, _ = _store(SQLTrackerStore, tmp_path / "stock.db")
    ours, _ = _store(CheckedSQLTrackerStore, tmp_path / "ours.db")

    async def conversation(store: SQLTrackerStore) -> List[List[str]]:
        reads = []
        for turn in range(7):
            await _message(store, "resident", turn, new_session=turn in (2, 5))
            for all_sessions in (False, True):
                tracker = await store._retrieve("resident", fetch_events_from_all_sessions=all_sessions)
                reads.append([str(event) for event in tracker.events])
        return reads

    assert asyncio.run(conversation(ours)) == asyncio.run(conversation(stock))
    with ours.session_scope() as session:
        sql = str(ours._event_query(session, "resident", False).statement.compile(dialect=postgresql.dialect()))
    assert "FROM events, (SELECT" not in sql and "FROM events \nWHERE" in sql, sql
