"""Tracker stores side by side: what one message costs the store, early and late in a conversation.

For every message Rasa reads the conversation from the tracker store and saves it
again. This times exactly that (read, one turn's events, save), in-process, for:

- the project's SQL store (stores/tracker_store.py) and Rasa's own, on SQLite (one
  server) and on PostgreSQL (the cluster), with the SQL statements per message counted;
- Rasa's RedisTrackerStore, the other shared store a cluster could use.

The conversation is the project's: a new session every `TURNS_PER_SESSION` user messages
(server/turn_bounded_sessions.py). Reported: median milliseconds per message over turns
1–10 and 51–60, and their ratio (a store whose cost grows with the conversation shows it).
Part of `make bench` (tools/bench.py); PostgreSQL and Redis come from tools/launch/services.py.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List

import sqlalchemy as sa
from rasa.core.tracker_store import RedisTrackerStore, SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered

from actions.knowledge import PROJECT_ROOT
from stores.tracker_store import CheckedSQLTrackerStore
from tools.launch import services

TURNS = 60
CONVERSATIONS = 3
FIRST, LAST = slice(0, 10), slice(TURNS - 10, TURNS)
TURNS_PER_SESSION = 10  # as server/turn_bounded_sessions.py starts them (LOTSE_TURNS_PER_SESSION default)


def _turn(tracker, turn: int) -> None:
    """The events of one answered question, as the project's action writes them."""
    if turn and turn % TURNS_PER_SESSION == 0:
        tracker.update(ActionExecuted("action_session_start"))
        tracker.update(SessionStarted())
        tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered(f"Was macht die Stelle Nummer {turn}?", {"name": "ask_partner_info", "confidence": 0.99},
                               [{"entity": "partner", "value": "kfi", "start": 0, "end": 3}]))
    tracker.update(ActionExecuted("action_answer"))
    tracker.update(BotUttered("Das Kompetenzzentrum für Integration (KfI) … " * 4))
    for slot, value in (("partner", "kfi"), ("mentioned_partners", ["kfi", "jmd"]), ("last_asked", "summary")):
        tracker.update(SlotSet(slot, value))
    tracker.update(ActionExecuted("action_listen"))


async def _conversation(store: TrackerStore, sender: str) -> List[float]:
    timings = []
    for turn in range(TURNS):
        start = time.perf_counter()
        tracker = await store.get_or_create_tracker(sender)
        _turn(tracker, turn)
        await store.save(tracker)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def measure(make_store: Callable[[], TrackerStore]) -> Dict[str, float]:
    """Median ms per message over the first and the last ten turns, statements per message."""
    store = make_store()
    statements: List[str] = []
    if isinstance(store, SQLTrackerStore):
        sa.event.listen(store.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    runs = [asyncio.run(_conversation(store, f"bench-{n}")) for n in range(CONVERSATIONS)]
    first = statistics.median(t for run in runs for t in run[FIRST])
    last = statistics.median(t for run in runs for t in run[LAST])
    result = {"turns_1_10_ms": round(first, 2), "turns_51_60_ms": round(last, 2),
              "last_vs_first": round(last / first, 2)}
    if isinstance(store, SQLTrackerStore):
        result["statements_per_message"] = round(len(statements) / (TURNS * CONVERSATIONS), 2)
    return result


def compare_stores(work: Path) -> Dict[str, Dict[str, float]]:
    """Every store of the list above, on throw-away databases under `work`."""
    work.mkdir(parents=True, exist_ok=True)
    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    report: Dict[str, Dict[str, float]] = {}
    report["sqlite:project"] = measure(lambda: CheckedSQLTrackerStore(domain=domain, host=f"sqlite:///{work}/p.db"))
    report["sqlite:stock"] = measure(lambda: SQLTrackerStore(domain=domain, dialect="sqlite", db=str(work / "s.db")))
    with services.postgres(database="stores") as url:
        engine_url = sa.engine.make_url(url)
        report["postgresql:project"] = measure(lambda: CheckedSQLTrackerStore(domain=domain, host=url))
        report["postgresql:stock"] = measure(lambda: SQLTrackerStore(
            domain=domain, dialect="postgresql", host=engine_url.host, port=engine_url.port,
            db=engine_url.database, username=engine_url.username))
    with services.redis(work / "redis") as url:
        redis_url = sa.engine.make_url(url.replace("redis://", "redis+x://"))
        report["redis:stock"] = measure(lambda: RedisTrackerStore(
            domain=domain, host=redis_url.host, port=redis_url.port, db=0))
    return report


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="stores-") as folder:
        for name, figures in compare_stores(Path(folder)).items():
            print(f"{name:22} {figures}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
