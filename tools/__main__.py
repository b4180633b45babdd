"""`python -m tools <command>`: the trainer and operator commands, one entry point.

Each command is a module with a `main(argv)`; `python -m tools <command> --help`
shows its options. The Makefile targets call these; the list below is the
one place that names them.
"""

from __future__ import annotations

import importlib
import sys
from typing import Dict, List, Optional, Tuple

# command -> (module with main(argv), what it does)
COMMANDS: Dict[str, Tuple[str, str]] = {
    "sync": ("scripts.build.generate_nlu", "regenerate NLU vocabulary and partner test stories from the knowledge file"),
    "check": ("tools.check_training_data", "the project's own checks of knowledge file and training data"),
    "inbox": ("tools.inbox", "questions the bot could not answer, from the conversation store"),
    "evaluate": ("tools.evaluate", "held-out questions and conversations over REST, per class"),
    "results": ("tools.print_results", "print an intent report of `rasa test nlu`, optionally with thresholds"),
    "figures": ("tools.figures", "the figures of the last runs (results/figures.md), from their reports"),
    "edit-loop": ("tools.edit_loop", "time a phone change and a new partner from edit to answer"),
    "bench": ("tools.bench", "latency, throughput, memory: project vs stock Rasa, one server vs cluster"),
    "cluster": ("tools.launch.cluster", "two Rasa servers behind nginx on PostgreSQL and Redis"),
    "ready": ("tools.launch.ready", "wait until the servers of `make run` answer, then print where they are"),
    "retention": ("privacy.retention", "delete conversations older than RETENTION_DAYS"),
    "settings": ("settings", "ports, URLs and paths with their current values"),
}


def usage() -> str:
    width = max(map(len, COMMANDS))
    lines = ["usage: python -m tools <command> [options]   (python -m tools <command> --help)", "", "commands:"]
    lines += [f"  {name:<{width}}  {meaning}" for name, (_, meaning) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help", "help"):
        print(usage())
        return 0
    command, rest = args[0], args[1:]
    if command not in COMMANDS:
        print(f"unknown command {command!r}\n\n{usage()}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[command][0])
    return int(module.main(rest) or 0)


if __name__ == "__main__":
    sys.exit(main())
