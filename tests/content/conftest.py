"""Content tests check the real knowledge file and project data (not the unit fixture)."""

import pytest

from actions.directory import PartnerDirectory
from actions.knowledge import KnowledgeBase, load_knowledge
from tests.support.fixtures import REAL_KNOWLEDGE_FILE


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeBase:
    return load_knowledge(REAL_KNOWLEDGE_FILE)


@pytest.fixture(scope="session")
def directory(knowledge: KnowledgeBase) -> PartnerDirectory:
    return PartnerDirectory(knowledge)
