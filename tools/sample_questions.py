"""Questions the tools (bench, edit loop) ask a running bot, built from the knowledge file.

No partner name or phone number is typed into the tools: a trainer who changes a
phone number or removes a partner must not break `make bench` or the edit loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from actions.knowledge import KnowledgeBase, load_knowledge


@dataclass(frozen=True)
class PhoneQuestion:
    """"Telefonnummer <short name>" and the phone number the answer must contain."""

    partner_id: str
    question: str
    phone: str


def phone_question(knowledge: Optional[KnowledgeBase] = None) -> PhoneQuestion:
    """The first partner with a short name and a phone number (asked as counsellors do)."""
    knowledge = knowledge or load_knowledge()
    for partner in knowledge.partners:
        phones = partner.contact_items("phone")
        if partner.short_name and phones:
            return PhoneQuestion(partner.id, f"Telefonnummer {partner.short_name}", phones[0].value)
    raise LookupError("no partner in the knowledge file has a short name and a phone number")
