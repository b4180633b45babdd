"""A trainer's edit of the knowledge file is live without retraining or restarting."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from actions.knowledge import DEFAULT_KNOWLEDGE_FILE
from actions.live_knowledge import LiveKnowledge


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "partners.yml"
    shutil.copy(DEFAULT_KNOWLEDGE_FILE, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    # Some file systems keep a coarse mtime; move it on so the change is seen.
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_changed_phone_number_is_answered_after_save(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    live = LiveKnowledge(path)
    kfi = live.current().find_partner("KfI")
    old = kfi.contact_items("phone")[0].value
    _edit(path, old, "02931 / 82-1234")
    assert live.current().find_partner("KfI").contact_items("phone")[0].value == "02931 / 82-1234"


def test_broken_edit_keeps_the_last_good_version(tmp_path: Path, caplog) -> None:
    path = _copy(tmp_path)
    live = LiveKnowledge(path)
    before = live.current()
    _edit(path, "kind: Gremium", "kind: Verein")
    assert live.current() is before
    assert str(path) in caplog.text and "Verein" in caplog.text
    # Fixing the file makes the fixed version live.
    _edit(path, "kind: Verein", "kind: Gremium")
    assert live.current() is not before
    assert len(live.current().partners) == len(before.partners)


def test_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    live = LiveKnowledge(_copy(tmp_path))
    assert live.current() is live.current()
