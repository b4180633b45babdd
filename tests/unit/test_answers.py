"""The words of the German answers are data: a trainer's change in replies.yml changes the answer.

Runs on the fixture knowledge file and a copy of knowledge/replies.yml with reworded frames.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from actions.answers import Answers
from actions.replies import REPLIES_FILE, Replies


def _replies_with(tmp_path: Path, **german: str) -> Replies:
    """knowledge/replies.yml with the German text of some frames replaced."""
    frames = yaml.safe_load(REPLIES_FILE.read_text(encoding="utf-8"))
    for frame, text in german.items():
        frames[frame]["de"] = text
    path = tmp_path / "replies.yml"
    path.write_text(yaml.safe_dump(frames, allow_unicode=True), encoding="utf-8")
    return Replies(path)


def test_the_no_contact_answers_say_the_frames_of_the_replies_file(knowledge, tmp_path: Path) -> None:
    partner = next(p for p in knowledge.partners if not p.contact and not p.places and not p.cities)
    reworded = Answers(_replies_with(tmp_path, no_contact_details="Zu {name} ist nichts notiert.",
                                     missing_phone="Keine Nummer von {name}.",
                                     no_contact_on_page="Auch {site} nennt nichts."), "example.org")
    name = partner.display_name
    assert reworded.contact_card(partner) == f"Zu {name} ist nichts notiert."
    assert reworded.contact_field(partner, "phone") == f"Keine Nummer von {name}. Auch example.org nennt nichts."
    # The real file says it as before.
    assert Answers(Replies(), knowledge.source_site).contact_card(partner) == (
        f"Für {name} stehen keine Kontaktdaten in meinen Unterlagen.")
