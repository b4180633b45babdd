"""`make bench` is not run by `make test`; its parts that can break silently are tested here."""

from __future__ import annotations

from pathlib import Path

from tools import bench

LOCUST_CSV = (
    "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,"
    "Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%\n"
    "POST,action answer,400,2,41,45.3,30,210,180,9.97,0.05,41,44,46,48,60,81,120,150,200,210,210\n"
    ",Aggregated,400,2,41,45.3,30,210,180,9.97,0.05,41,44,46,48,60,81,120,150,200,210,210\n"
)


def test_locust_figures_are_read_from_its_csv(tmp_path: Path) -> None:
    stats = tmp_path / "locust-single_stats.csv"
    stats.write_text(LOCUST_CSV, encoding="utf-8")
    assert bench.locust_figures(stats) == {"requests": 400, "errors": 2, "p50_ms": 41.0, "p95_ms": 81.0,
                                           "p99_ms": 150.0, "messages_per_s": 10.0}


def test_the_understanding_step_is_timed_in_process() -> None:
    figures = bench.time_understanding(rounds=1)
    assert figures["messages"] > 0 and 0 < figures["p50_ms"] <= figures["p95_ms"]


def test_long_messages_are_timed_each_once() -> None:
    texts = bench.long_messages()
    assert texts and len(set(texts)) == len(texts)
    assert min(len(text.split()) for text in texts) >= bench.LONG_MESSAGE_WORDS
    figures = bench.time_long_messages(limit=3)
    assert figures["messages"] == 3 and 0 < figures["p50_ms"] <= figures["p95_ms"]


def test_the_bench_question_comes_from_the_knowledge_file(knowledge) -> None:
    partner = next(p for p in knowledge.partners if p.id == bench._PHONE.partner_id)
    assert bench.QUESTIONS["action"] == f"Telefonnummer {partner.short_name}"
    assert bench.EXPECTED["action"] == partner.contact_items("phone")[0].value


def test_the_store_bench_times_a_store_early_and_late_and_counts_its_statements(tmp_path) -> None:
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    from stores.tracker_store import CheckedSQLTrackerStore
    from tools import store_bench

    domain = Domain.load(str(store_bench.PROJECT_ROOT / "domain.yml"))
    ours = store_bench.measure(lambda: CheckedSQLTrackerStore(domain=domain, host=f"sqlite:///{tmp_path}/p.db"))
    stock = store_bench.measure(lambda: SQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "s.db")))
    assert ours["turns_1_10_ms"] > 0 and ours["turns_51_60_ms"] > 0
    assert abs(ours["last_vs_first"] - ours["turns_51_60_ms"] / ours["turns_1_10_ms"]) < 0.02  # from unrounded times
    # One COUNT less per message, except the first message of each conversation.
    assert stock["statements_per_message"] - ours["statements_per_message"] > 0.9


def test_stock_rasa_gets_rasas_own_tracker_store_with_the_same_database(tmp_path, monkeypatch) -> None:
    from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
    from rasa.utils.endpoints import read_endpoint_config

    from settings import TRACKER_STORE_URL, endpoint_environment
    from tools.launch.local import PROJECT_ROOT, stock_endpoints

    for name, value in endpoint_environment({TRACKER_STORE_URL: f"sqlite:///{tmp_path / 't.db'}"}).items():
        monkeypatch.setenv(name, value)

    project = read_endpoint_config(str(PROJECT_ROOT / "endpoints.yml"), "tracker_store")
    stock = read_endpoint_config(str(stock_endpoints(PROJECT_ROOT, tmp_path)), "tracker_store")
    assert project.type != stock.type
    assert stock.url == project.url and stock.kwargs == project.kwargs
    store = TrackerStore.create(stock)
    assert type(store) is SQLTrackerStore
