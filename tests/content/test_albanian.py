"""Albanian, the knowledge file's newest language: read, answered in it, danger first.

The sentences are written for this test (no evaluation sentences). Expected partners and the
reply frames are read from the real knowledge and reply files.
"""

from __future__ import annotations

import pytest

from actions.replies import Replies
from tests.support.fixtures import ask

REPLIES = Replies()


@pytest.mark.parametrize("text, partner", [
    ("Përshëndetje, a ka në NRW ndonjë këshillim për të rinjtë migrantë?", "jmd"),
    ("Ku mund të raportoj diskriminimin racor në NRW?", "adb"),
])
def test_an_albanian_question_is_answered_in_albanian_with_the_partner(knowledge, text: str, partner: str) -> None:
    answer, slots = ask(text)
    assert slots.get("language") == "sq"
    assert knowledge.partner(partner).display_name in answer, answer
    # The page's German text is announced in Albanian.
    assert REPLIES.text("german_follows", "sq", site=knowledge.source_site) in answer, answer


def test_danger_in_albanian_gets_the_numbers_in_albanian(knowledge) -> None:
    answer, _ = ask("Më kërcënon fqinji me thikë, kam frikë")
    numbers = [n for n in knowledge.safety.numbers if not n.crisis]
    assert numbers and all(f"{n.number} – {n.names['sq']}" in answer for n in numbers), answer
