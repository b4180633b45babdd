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
    # A website asked for: then what the page does say, its sentence with the partner's fullest name
    # (the name to search for), quoted.
    said = Answers(Replies(), knowledge.source_site).contact_field(partner, "web").split("\n")
    names = sorted({partner.name, partner.short_name or "", *partner.aliases} - {""}, key=len, reverse=True)
    naming = next(s for n in names for s in partner.quoted_sentences if n in s)
    assert said[1:] == [f"„{naming}“"]
    # The real file says it as before.
    assert Answers(Replies(), knowledge.source_site).contact_card(partner) == (
        f"Für {name} stehen keine Kontaktdaten in meinen Unterlagen.")


def test_the_first_partner_of_a_list_is_said_what_it_is_before_the_sentence_that_fits(knowledge) -> None:
    """A list of who helps: the first partner (the one the message fits best) is introduced as a
    single partner is, by its description (every sentence of it: what it is and what it does), and
    then by the sentence that fits the message; the others by that sentence alone, so the list
    stays short."""
    described = [p for p in knowledge.partners if len([s for s in p.quoted_sentences if s in p.description]) >= 2]
    first = described[0]
    second = next(p for p in knowledge.partners if p is not first and len(p.quoted_sentences) >= 2)
    own = [s for s in first.quoted_sentences if s in first.description]
    reasons = {p.id: p.quoted_sentences[-1] for p in (first, second)}
    assert reasons[first.id] not in own
    answers = Answers(Replies(), knowledge.source_site)
    reply = answers.partners_for_group("Eltern", [first, second], reasons)
    block_first, block_second = reply.split("\n• ")[1:]
    assert all(f"„{s}“" in block_first for s in own) and reasons[first.id] in block_first
    assert block_first.index(own[-1]) < block_first.index(reasons[first.id])
    assert reasons[second.id] in block_second and second.quoted_sentences[0] not in block_second
    # A reason that is a sentence of the description is said once.
    reply = answers.partners_for_group("Eltern", [first, second], {first.id: own[-1]})
    assert reply.count(own[-1]) == 1


def test_the_first_partner_of_a_list_is_said_in_the_order_of_its_description(knowledge) -> None:
    """Its description's sentences as the page has them: a list's lead-in before its items
    (review: the items came first, in the order the fact search keeps them)."""
    answers = Answers(Replies(), knowledge.source_site)
    for partner in knowledge.partners:
        said = answers.sentences_listed(partner, {}, first=True)
        own = [s for s in said if s in (partner.description or "")]
        assert own == sorted(own, key=(partner.description or "").index), partner.id
