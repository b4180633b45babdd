"""Print the intent F1 figures that `rasa test nlu` wrote, and fail below the thresholds.

`make test-rasa` runs it with tests/nlu/f1_thresholds.yml: a model whose weighted F1
or the F1 of one intent falls below its figure fails CI (exit code 1, naming the
intent). The thresholds are today's figures minus a small margin; raise them when the
model gets better, never lower them to make a change pass.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Dict, List, Optional

import yaml


def below_thresholds(report: Dict, thresholds: Dict) -> List[str]:
    """One line per figure of `report` that is under its threshold (or missing)."""
    problems = []
    overall = thresholds.get("weighted_f1")
    weighted = (report.get("weighted avg") or {}).get("f1-score")
    if overall is not None and (weighted is None or weighted < overall):
        problems.append(f"weighted F1 {weighted} < {overall}")
    for intent, minimum in (thresholds.get("intents") or {}).items():
        f1 = (report.get(intent) or {}).get("f1-score")
        if f1 is None or f1 < minimum:
            problems.append(f"{intent}: F1 {f1} < {minimum}")
    return problems


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", default="results/nlu/intent_report.json")
    parser.add_argument("--thresholds", type=Path, help="YAML with weighted_f1 and intents: {name: min F1}")
    args = parser.parse_args(argv)
    report = json.loads(Path(args.report).read_text(encoding="utf-8"))
    print(f"Intent-Erkennung ({args.report}):")
    for name, figures in sorted(report.items()):
        if isinstance(figures, dict) and "f1-score" in figures:
            print(f"  {name:28s} F1 {figures['f1-score']:.3f}  (n={figures.get('support', '?')})")
    if "accuracy" in report:
        print(f"  {'accuracy':28s}    {report['accuracy']:.3f}")
    if args.thresholds:
        problems = below_thresholds(report, yaml.safe_load(args.thresholds.read_text(encoding="utf-8")) or {})
        if problems:
            print(f"Schlechter als {args.thresholds} erlaubt:\n  " + "\n  ".join(problems), file=sys.stderr)
            return 1
        print(f"Alle Werte über den Schwellen in {args.thresholds}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
