"""The trainer guide's examples are asked of the running bot and must be answered as the guide says."""

from __future__ import annotations

import re
from typing import List, Tuple

import pytest

from settings import PROJECT_ROOT
from tools.check_training_data import _comparable, held_out_sentences

GUIDE = PROJECT_ROOT / "docs" / "trainer-guide.md"


def examples() -> List[Tuple[str, str]]:
    """(question, what the answer names) of the guide's table under "## Beispiele"."""
    text = GUIDE.read_text(encoding="utf-8").split("## Beispiele", 1)[1]
    rows = [line.strip("| ").split(" | ") for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    return [(question.strip(), named.strip(" |")) for question, named in rows[1:]]


def test_the_guide_has_examples_that_are_no_test_sentences() -> None:
    held = held_out_sentences()
    assert len(examples()) >= 3
    assert not [q for q, _ in examples() if _comparable(q) in held]


def test_each_task_of_the_guide_fits_in_ten_lines() -> None:
    sections = re.split(r"^## ", GUIDE.read_text(encoding="utf-8"), flags=re.M)[1:]
    tasks = [s for s in sections if re.match(r"\d\.", s)]
    assert len(tasks) == 5
    assert all(len([line for line in s.splitlines()[1:] if line.strip()]) <= 10 for s in tasks)


@pytest.mark.parametrize("question, named", examples())
def test_a_guide_example_is_answered_as_the_guide_says(bot, question: str, named: str) -> None:
    assert named in bot.text("leitfaden", question)
