"""What the studio writes, each to its one place, and the log of who changed what.

- knowledge/partners.yml: partner entries and their `questions` (round-trip YAML:
  comments and order stay; the file stays the single source of truth),
- data/nlu/studio.yml: training examples a trainer assigned to an intent (a data file
  made for the studio, never merged into generated files),
- state/studio/decisions.json: which inbox groups were handled ("ignore" included),
- state/studio/changes.jsonl: one line per change: when, who, what.
A file is written to a temporary name and then renamed, so a crash never leaves half a file.
"""

from __future__ import annotations

import io
import json
import os
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

import settings

STUDIO_EXAMPLES = settings.PROJECT_ROOT / "data" / "nlu" / "studio.yml"
_HEADER = ("# Training examples assigned in the trainer studio (inbox → \"should have been answered by …\").\n"
           "# Written by the studio; may be edited by hand like any file under data/nlu/.\n")


def state_dir() -> Path:
    folder = settings.path("STATE_DIR") / "studio"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.studio-tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def round_trip() -> YAML:
    """ruamel.yaml as the knowledge file is written: comments, order and quotes kept, long lines kept."""
    loader = YAML()
    loader.preserve_quotes = True
    loader.width = 4096
    loader.indent(mapping=2, sequence=4, offset=2)
    return loader


def dump(data: Any) -> str:
    out = io.StringIO()
    round_trip().dump(data, out)
    return out.getvalue()


def log_change(user: str, what: str, details: Dict[str, Any]) -> None:
    line = {"at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "user": user, "what": what, **details}
    with (state_dir() / "changes.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(line, ensure_ascii=False) + "\n")


def changes(limit: int = 50) -> List[Dict[str, Any]]:
    path = state_dir() / "changes.jsonl"
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()[-limit:]
    return [json.loads(line) for line in reversed(lines) if line.strip()]


class Decisions:
    """Inbox groups a trainer handled, by the group's key, so they leave the inbox."""

    def __init__(self, path: Optional[Path] = None) -> None:
        self.path = path or state_dir() / "decisions.json"

    def all(self) -> Dict[str, Dict[str, Any]]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def record(self, keys: List[str], decision: str, user: str, **details: Any) -> None:
        """One decision for several messages, in one read and one write of the file."""
        data = self.all()
        for key in keys:
            data[key] = {"decision": decision, "user": user, "at": time.time(), **details}
        write_atomically(self.path, json.dumps(data, ensure_ascii=False, indent=1))


def studio_examples(path: Path = STUDIO_EXAMPLES) -> Dict[str, List[str]]:
    """intent -> examples of data/nlu/studio.yml."""
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    result: Dict[str, List[str]] = {}
    for block in data.get("nlu") or []:
        lines = str(block.get("examples") or "").splitlines()
        result.setdefault(str(block["intent"]), []).extend(line[2:].strip() for line in lines if line.startswith("- "))
    return result


def add_studio_examples(intent: str, texts: List[str], path: Path = STUDIO_EXAMPLES) -> List[str]:
    """Add examples under `intent` (none twice); returns those that were new."""
    examples = studio_examples(path)
    known = set(examples.get(intent, []))
    new = [t for t in dict.fromkeys(" ".join(t.split()) for t in texts) if t and t not in known]
    if not new:
        return []
    examples.setdefault(intent, []).extend(new)
    blocks = [{"intent": name, "examples": LiteralScalarString("".join(f"- {t}\n" for t in items))}
              for name, items in sorted(examples.items())]
    write_atomically(path, _HEADER + dump({"version": "3.1", "nlu": blocks}))
    return new
