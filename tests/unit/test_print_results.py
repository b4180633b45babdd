"""A worse NLU model fails CI: the F1 thresholds of `make test-rasa`."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tools.print_results import below_thresholds, main

REPORT = {"greet": {"f1-score": 0.98, "support": 10}, "ask_partner_info": {"f1-score": 0.81, "support": 20},
          "weighted avg": {"f1-score": 0.9}, "accuracy": 0.9}


def test_figures_above_their_thresholds_pass() -> None:
    assert below_thresholds(REPORT, {"weighted_f1": 0.85, "intents": {"greet": 0.95}}) == []


def test_a_weaker_intent_or_overall_figure_is_named() -> None:
    problems = below_thresholds(REPORT, {"weighted_f1": 0.95, "intents": {"ask_partner_info": 0.85, "gone": 0.5}})
    assert len(problems) == 3
    assert any(p.startswith("ask_partner_info") for p in problems)
    assert any(p.startswith("gone") for p in problems)  # an intent that disappeared fails too


def test_the_command_fails_with_exit_code_1(tmp_path: Path) -> None:
    report, thresholds = tmp_path / "report.json", tmp_path / "thresholds.yml"
    report.write_text(json.dumps(REPORT), encoding="utf-8")
    thresholds.write_text(yaml.safe_dump({"intents": {"ask_partner_info": 0.9}}), encoding="utf-8")
    assert main([str(report), "--thresholds", str(thresholds)]) == 1
    thresholds.write_text(yaml.safe_dump({"intents": {"ask_partner_info": 0.8}}), encoding="utf-8")
    assert main([str(report), "--thresholds", str(thresholds)]) == 0


def test_the_projects_thresholds_name_real_intents() -> None:
    """Every intent in tests/nlu/f1_thresholds.yml exists in the domain."""
    root = Path(__file__).resolve().parents[2]
    thresholds = yaml.safe_load((root / "tests" / "nlu" / "f1_thresholds.yml").read_text(encoding="utf-8"))
    intents = set(yaml.safe_load((root / "domain.yml").read_text(encoding="utf-8"))["intents"])
    assert set(thresholds["intents"]) <= intents
