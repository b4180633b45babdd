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


def test_the_bench_question_comes_from_the_knowledge_file(knowledge) -> None:
    partner = next(p for p in knowledge.partners if p.id == bench._PHONE.partner_id)
    assert bench.QUESTIONS["action"] == f"Telefonnummer {partner.short_name}"
    assert bench.EXPECTED["action"] == partner.contact_items("phone")[0].value
