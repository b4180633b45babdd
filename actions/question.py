"""The typed question: what one message is about and what it asks for (`Asked`).

actions.understanding fills it in once per message; actions.router maps each `Asked` to
one answer. Nothing after the understanding re-reads the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Dict, List, Optional

from actions.cues import questions_at_end
from actions.fact_index import Hit
from actions.knowledge import Partner, Vocabulary
from actions.spelling import fold


class Asked(str, Enum):
    """What a message asks for; each value has one answer in actions.router."""

    EMERGENCY = "emergency"          # danger, violence, thoughts of suicide: 110/112 first
    PERSON = "person"                # "Kann ich mit jemandem sprechen?": the human contact
    LANGUAGES = "languages"          # a language the bot does not read: which ones it reads
    SMALL_TALK = "small_talk"        # a greeting, thanks, "bist du ein Bot?" and nothing else
    SOURCE = "source"                # where the information comes from
    FIELDS = "fields"                # phone, fax, e-mail, web, address
    LOCATION = "location"            # where a partner sits
    FACT = "fact"                    # one quoted sentence
    NOT_STATED = "not_stated"        # a fact the page does not state
    SUMMARY = "summary"              # what a partner is and does
    HELP = "help"                    # who helps a group / with a topic / in a situation
    LIST = "list"                    # partners of a kind, city, topic or all
    GENERAL = "general"              # the page's general facts
    WHICH_PARTNER = "which_partner"  # a partner question without any subject
    NOT_LISTED = "not_listed"        # "der dritte" of a list of two: which of those named
    UNCLEAR = "unclear"              # "Meinten Sie …?"
    OUT_OF_SCOPE = "out_of_scope"


# Feedback typed or sent by the 👍/👎 buttons: alone it gets its fixed reply, like small talk.
FEEDBACK_INTENTS = ("feedback_helpful", "feedback_not_helpful")
SMALL_TALK_INTENTS = ("greet", "thank", "goodbye", "bot_challenge", "ask_capabilities", *FEEDBACK_INTENTS)
# What a trainer's choice in the studio (knowledge file, `questions`) means as an answer.
ANSWER_FOR_TRAINER_CHOICE = {"summary": Asked.SUMMARY, "contact": Asked.FIELDS, "location": Asked.LOCATION}


@dataclass
class Question:
    """One message, understood: who or what it is about and what it asks for."""

    text: str
    intent: str
    asked: Asked
    sentences: List[str] = field(default_factory=list)  # the message split into its sentences, once
    partners: List[Partner] = field(default_factory=list)
    named: bool = False                    # the partners were named in this message
    groups: List[Vocabulary] = field(default_factory=list)
    topics: List[Vocabulary] = field(default_factory=list)
    cities: List[str] = field(default_factory=list)
    kinds: List[str] = field(default_factory=list)
    fields: List[str] = field(default_factory=list)
    answer_type: Optional[str] = None      # "date", "number", … (question_words ids)
    content: List[str] = field(default_factory=list)  # the words that select a fact (lemmas, no names)
    fact: Optional[Hit] = None
    # Who helps: per partner, its page sentence that shares most with the message (partner id -> text).
    reasons: Dict[str, str] = field(default_factory=dict)
    small_talk: Optional[str] = None       # the greeting/thanks intent that came with a question
    wants_all: bool = False
    ranking: List[str] = field(default_factory=list)  # the classifier's other guesses, best first
    refers_back: bool = False              # "die", "dort", "der erste", "und …?": about the conversation's subject
    points_back: bool = False              # a pronoun or pointer ("die", "dort", "der erste"), not only "und …?"
    counted: bool = False                  # an ordinal chose the partner ("und die erste?")
    only_names: bool = False               # nothing but a partner's name and small words ("KfI")
    language: str = "de"                   # the message's language (actions.languages), or "unknown"
    danger: Optional[str] = None           # actions.safety.DANGER or SELF_HARM
    simple: bool = False                   # a short German message: answered in simple language
    situation: bool = False                # a topic came from a described situation (actions.situations)
    told: List[Vocabulary] = field(default_factory=list)  # the topics of the situations told
    age: Optional[int] = None              # an age the message states ("mein Sohn ist 15")
    # The group asked for is the story's people ("… solche Jugendlichen?"): its age still counts.
    such_as_told: bool = False
    # The words of the story before the question, when the asking sentence alone chose the fact
    # ("ich schreibe über deutsch-türkische Migration. Gibt es ein Institut dafür?").
    story: List[str] = field(default_factory=list)
    # The words of a sentence that goes back to a partner ("nochmal das Institut an meiner Uni – …"):
    # they may only describe it; the asking sentence's own words choose the fact if they can.
    back_words: List[str] = field(default_factory=list)
    # A list of the partners the page says a figure of ("Welche Partner gibt es seit 1985?"), with `reasons`.
    said_of: bool = False

    @property
    def doubted(self) -> bool:
        """The classifier took the message as out of scope, or was unsure."""
        return self.intent in ("out_of_scope", "nlu_fallback")

    @property
    def asking(self) -> str:
        """The last sentence, folded: the one that asks ("…, Gesamtschule Duisburg. Netzwerk für
        Lehrkräfte – gibt's das?" asks in "gibt's das?"); "" for an empty message."""
        return fold(self.sentences[-1]) if self.sentences else ""

    @property
    def asking_sentences(self) -> List[str]:
        """The last sentence and the questions right before it, as written: "Ich habe zwei Kinder.
        Gibt es was für Eltern? Und für Väter?" asks the last two."""
        return questions_at_end(self.sentences)

    @property
    def partner(self) -> Optional[Partner]:
        return self.partners[0] if self.partners else None

    @property
    def in_simple_words(self) -> bool:
        """Answered in simple language: a short German message, and every partner has simple words."""
        return self.simple and all(p.simple for p in self.partners)
