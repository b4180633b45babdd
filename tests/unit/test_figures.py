"""`make figures` reads the reports of the last runs; a missing report is named, never guessed."""

from __future__ import annotations

import json
from pathlib import Path

from tools import figures


def test_figures_come_from_the_reports_and_missing_ones_are_named(tmp_path: Path) -> None:
    (tmp_path / "nlu").mkdir()
    (tmp_path / "nlu" / "intent_report.json").write_text(
        json.dumps({"weighted avg": {"f1-score": 0.91234}, "accuracy": 0.9}), encoding="utf-8")
    (tmp_path / "evaluation").mkdir()
    (tmp_path / "evaluation" / "e2e.json").write_text(json.dumps(
        {"label": "e2e", "per_set": {"facts:holdout": {"right": 3, "total": 4, "share": 0.75}}}), encoding="utf-8")
    text = figures.render(tmp_path)
    assert "0.912" in text and "facts:holdout: 3/4 = 75.0%" in text
    assert "results/bench.json; `make bench`" in text and "no report yet" in text


def test_main_writes_figures_md(tmp_path: Path) -> None:
    assert figures.main(["--results", str(tmp_path)]) == 0
    assert (tmp_path / "figures.md").read_text(encoding="utf-8").startswith("# Figures of the last runs")
