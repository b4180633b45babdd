"""A trainer's edit reaches the running bot: a phone number without training, a new partner with one.

Runs in a temporary copy of the project (tools/edit_loop.py), with a shorter
training than `make train` (fewer DIET epochs) to keep `make test` short. The
times are measured by `make edit-loop`, not asserted here.
"""

from __future__ import annotations

from pathlib import Path

from tools import edit_loop
from tools.launch.local import MODEL


def test_edited_phone_and_new_partner_are_answered_over_rest(tmp_path: Path) -> None:
    # measure() asks over REST after each step and raises unless the answer has the new value.
    figures = edit_loop.measure(tmp_path, MODEL, epochs=20)
    assert set(figures) >= {"phone_change_live_s", "new_partner_by_full_name_without_training_s", "train_s",
                            "new_partner_with_training_total_s"}
    # The repository itself is untouched: only the copy got the fictional partner.
    assert "brueckenbau" not in (edit_loop.PROJECT_ROOT / "knowledge" / "partners.yml").read_text(encoding="utf-8")
    assert "brueckenbau" in (tmp_path / "project" / "knowledge" / "partners.yml").read_text(encoding="utf-8")
