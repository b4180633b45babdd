"""Print the intent F1 figures that `rasa test nlu` wrote, so they show up in `make test`."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(report_path: str) -> int:
    report = json.loads(Path(report_path).read_text(encoding="utf-8"))
    print(f"Intent-Erkennung ({report_path}):")
    for name, figures in sorted(report.items()):
        if isinstance(figures, dict) and "f1-score" in figures:
            print(f"  {name:28s} F1 {figures['f1-score']:.3f}  (n={figures.get('support', '?')})")
    if "accuracy" in report:
        print(f"  {'accuracy':28s}    {report['accuracy']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "results/nlu/intent_report.json"))
