"""The evaluation sets (tests/evaluation/) over REST, against thresholds.

`make evaluate` prints the same figures per category and compares pipelines; this
test makes `make test` fail when any set (held-out parts included, as a figure only)
falls below tests/e2e/evaluation_thresholds.yml.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from tools.evaluate import evaluate, save_summary


def test_every_evaluation_set_stays_above_its_threshold(running_bot) -> None:
    thresholds = yaml.safe_load((Path(__file__).with_name("evaluation_thresholds.yml")).read_text(encoding="utf-8"))
    summary = evaluate(running_bot.rasa_url, "e2e")
    save_summary(summary)  # the figures of this run, for `python -m tools figures`
    below = {name: f"{figures['share']:.1%} < {thresholds[name]:.1%}"
             for name, figures in summary["per_set"].items() if figures["share"] < thresholds[name]}
    assert set(summary["per_set"]) == set(thresholds), "thresholds.yml must name every evaluation set"
    assert not below, below
