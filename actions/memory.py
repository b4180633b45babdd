"""What the conversation has talked about so far, kept in typed Rasa slots.

"die", "dort", "deren" mean the partner talked about last; "der erste", "die zweite"
an item of the list the bot just showed (or, without a list, the partners in the
order they came up); "von vorhin" the one before the current subject. Every answer
writes back which partners it was about, so the bot's own answers count as much as
the user's words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

SUBJECT_SLOT = "partner"
MENTIONED_SLOT = "mentioned_partners"
LISTED_SLOT = "listed_partners"
ASKED_SLOT = "last_asked"
FIELDS_SLOT = "last_fields"
QUOTE_SLOT = "last_quote"
ANSWER_TYPE_SLOT = "last_answer_type"
TERMS_SLOT = "last_terms"
# The conversation's language: "ok" or "danke" keep it (actions.languages).
LANGUAGE_SLOT = "language"
# Enough for a conversation that switches between several partners and comes back.
MAX_MENTIONED = 12


def _text(value: Any) -> Optional[str]:
    return value if isinstance(value, str) and value else None


def _slot_value(value: Any) -> Any:
    """An empty list, an empty text and None are the same empty slot."""
    return value or None


def _ids(value: Any) -> List[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


@dataclass
class Memory:
    """The conversation so far: subject, partners in order of mention, the last list."""

    subject: Optional[str] = None
    mentioned: List[str] = field(default_factory=list)
    listed: List[str] = field(default_factory=list)
    last_asked: Optional[str] = None
    last_fields: List[str] = field(default_factory=list)
    last_quote: Optional[str] = None  # the sentence the last fact answer quoted
    last_answer_type: Optional[str] = None  # what the last fact question asked for ("date")
    last_terms: List[str] = field(default_factory=list)  # and its words, to ask it again of another partner
    language: Optional[str] = None    # the language of the conversation so far

    @classmethod
    def from_tracker(cls, tracker: Tracker) -> "Memory":
        return cls(
            subject=_text(tracker.get_slot(SUBJECT_SLOT)),
            mentioned=_ids(tracker.get_slot(MENTIONED_SLOT)),
            listed=_ids(tracker.get_slot(LISTED_SLOT)),
            last_asked=_text(tracker.get_slot(ASKED_SLOT)),
            last_fields=_ids(tracker.get_slot(FIELDS_SLOT)),
            last_quote=_text(tracker.get_slot(QUOTE_SLOT)),
            last_answer_type=_text(tracker.get_slot(ANSWER_TYPE_SLOT)),
            last_terms=_ids(tracker.get_slot(TERMS_SLOT)),
            language=_text(tracker.get_slot(LANGUAGE_SLOT)),
        )

    def language_events(self, language: str, served: Sequence[str]) -> List[Dict[str, Any]]:
        """Remember the message's language if the bot reads it and it changed (German is the default)."""
        changed = language != (self.language or served[0])
        return [SlotSet(LANGUAGE_SLOT, language)] if language in served and changed else []

    @property
    def named(self) -> List[str]:
        """What an ordinal counts in: the list shown, else the partners in the order they came up."""
        return self.listed or self.mentioned

    def ordinal(self, index: int) -> Optional[str]:
        """"der erste" (0), "die zweite" (1), "der letzte" (-1) of `named`."""
        try:
            return self.named[index]
        except IndexError:
            return None

    def earlier(self) -> Optional[str]:
        """"von vorhin": the partner talked about before the current one."""
        others = [p for p in self.mentioned if p != self.subject]
        return others[-1] if others else None

    def events(
        self,
        about: Sequence[str],
        asked: Optional[str],
        fields: Sequence[str] = (),
        listed: Sequence[str] = (),
        quote: Optional[str] = None,
        answer_type: Optional[str] = None,
        terms: Sequence[str] = (),
    ) -> List[Dict[str, Any]]:
        """Slot events after an answer about `about` (one subject, or the shown list);
        `answer_type` and `terms`: the fact question answered, to be asked again of another partner.

        Only slots whose value changes: every event is stored, read back and featurized on
        each later message of the session, so unchanged values would only add cost."""
        mentioned = [p for p in self.mentioned if p not in about] + list(about)
        events = [SlotSet(MENTIONED_SLOT, mentioned[-MAX_MENTIONED:]), SlotSet(ASKED_SLOT, asked),
                  SlotSet(FIELDS_SLOT, list(fields)), SlotSet(QUOTE_SLOT, quote),
                  SlotSet(ANSWER_TYPE_SLOT, answer_type), SlotSet(TERMS_SLOT, list(terms))]
        if listed:
            # A list replaces the single subject: "Geht das auch online?" is about the list.
            events += [SlotSet(LISTED_SLOT, list(listed)), SlotSet(SUBJECT_SLOT, None)]
        elif len(about) == 1:
            events += [SlotSet(SUBJECT_SLOT, about[0])]
            if about[0] not in self.listed:
                events += [SlotSet(LISTED_SLOT, [])]
        now = {SUBJECT_SLOT: self.subject, MENTIONED_SLOT: self.mentioned, LISTED_SLOT: self.listed,
               ASKED_SLOT: self.last_asked, FIELDS_SLOT: self.last_fields, QUOTE_SLOT: self.last_quote,
               ANSWER_TYPE_SLOT: self.last_answer_type, TERMS_SLOT: self.last_terms}
        return [e for e in events if _slot_value(now[e["name"]]) != _slot_value(e["value"])]
