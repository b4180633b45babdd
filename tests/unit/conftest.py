"""Unit tests test code, not content: they read the fixture knowledge file.

Set before any test module imports the action server (actions.actions loads the
knowledge file the environment names when it is imported), so a trainer's correct
edit of knowledge/partners.yml cannot turn a unit test red.
"""

import os

import pytest

from tests.support.fixtures import FIXTURE_KNOWLEDGE_FILE

os.environ["INTEGRATIONSLOTSE_KNOWLEDGE_FILE"] = str(FIXTURE_KNOWLEDGE_FILE)


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The frozen copy of the seed page the fixture knowledge file was cut from."""
    return (FIXTURE_KNOWLEDGE_FILE.parent / "seed.txt").read_text(encoding="utf-8")
