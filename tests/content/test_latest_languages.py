"""The knowledge file's latest languages, Albanian and Greek: read, answered in them, danger first.

The sentences are written for this test (no evaluation sentences). Expected partners and the
reply frames are read from the real knowledge and reply files.
"""

from __future__ import annotations

import pytest

from actions.replies import Replies
from tests.support.fixtures import ask

REPLIES = Replies()


@pytest.mark.parametrize("language, text, partner", [
    ("sq", "Përshëndetje, a ka në NRW ndonjë këshillim për të rinjtë migrantë?", "jmd"),
    ("sq", "Ku mund të raportoj diskriminimin racor në NRW?", "adb"),
    ("el", "Καλησπέρα, υπάρχει στη NRW συμβουλευτική για νέους μετανάστες;", "jmd"),
    ("el", "Πού μπορώ να καταγγείλω μια ρατσιστική διάκριση στη NRW;", "adb"),
])
def test_a_question_is_answered_in_its_language_with_the_partner(knowledge, language: str, text: str,
                                                                 partner: str) -> None:
    answer, slots = ask(text)
    assert slots.get("language") == language
    assert knowledge.partner(partner).display_name in answer, answer
    # The page's German text is announced in the user's language.
    assert REPLIES.text("german_follows", language, site=knowledge.source_site) in answer, answer


@pytest.mark.parametrize("language, text", [
    ("sq", "Më kërcënon fqinji me thikë, kam frikë"),
    ("el", "Ο γείτονας με απειλεί με ένα μαχαίρι και φοβάμαι πολύ"),
])
def test_danger_gets_the_numbers_in_the_users_language(knowledge, language: str, text: str) -> None:
    answer, _ = ask(text)
    numbers = [n for n in knowledge.safety.numbers if not n.crisis]
    assert numbers and all(f"{n.number} – {n.names[language]}" in answer for n in numbers), answer
