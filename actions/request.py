"""What the latest user message asks about: partners, groups, topics, cities, fields.

Entities found by the NLU come first. When the NLU found none of a kind, the message
text is searched with typo tolerance (actions.mentions), so "landesintegrazionsrat
telefonnumer" still reaches the Landesintegrationsrat. Cities the knowledge file
does not know ("Bielefeld") are kept as typed, so that answers can say that there is
nothing there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from rasa_sdk import Tracker

from actions.directory import PartnerDirectory
from actions.knowledge import CONTACT_ATTRIBUTES, KINDS, Partner, Vocabulary
from actions.spelling import fold


# Words that point back to what was just talked about ("Um wie viele Menschen geht es da?").
_REFERS_BACK = re.compile(r"\b(da|dort|dabei|davon|dazu|darin|dafür|denen|deren)\b", re.IGNORECASE)
# "Wann wurde ... gegründet?" / "In welcher Stadt war das?": about the past, i.e. the facts.
_ASKS_ABOUT_PAST = re.compile(r"\b(war|waren|wurde|wurden|gegründet|gegruendet|entstanden|entstand)\b", re.IGNORECASE)
# Words around a city in an elliptic follow-up: "und in Bielefeld?", "auch in Köln?", "what about Bonn?"
_ELLIPSIS_WORDS = frozenset(
    "und in im auch gibt gibts es das was ist mit wie sieht aus da dort denn noch bei so and what about also".split()
)
# Small words around a bare name: "landesinitiative jungenarbait", "gibt es den JMD?"
_NAME_ONLY_WORDS = _ELLIPSIS_WORDS | frozenset(
    "der die den dem des ein eine einen gibt gibts info infos zu ueber the a an is are".split()
)
# "Wer ... alles", "alle Stellen": the person wants the whole list, not the best match.
_ASKS_FOR_ALL = re.compile(r"\b(alle|alles|sämtliche|all)\b", re.IGNORECASE)


def latest_values(tracker: Tracker, entity: str) -> List[str]:
    """The values of one entity type in the latest user message, without repeats."""
    return list(dict.fromkeys(str(v) for v in tracker.get_latest_entity_values(entity)))


def _unique(items: List) -> List:
    result: List = []
    for item in items:
        if item is not None and item not in result:
            result.append(item)
    return result


@dataclass
class Request:
    """The subjects of one user message, resolved against the knowledge file."""

    text: str = ""
    partners: List[Partner] = field(default_factory=list)
    groups: List[Vocabulary] = field(default_factory=list)
    topics: List[Vocabulary] = field(default_factory=list)
    cities: List[str] = field(default_factory=list)
    kinds: List[str] = field(default_factory=list)
    fields: List[str] = field(default_factory=list)
    previous_partner: Optional[Partner] = None
    offered_partners: List[Partner] = field(default_factory=list)
    # The message is nothing but partner names (typos allowed) and small words.
    only_partner_names: bool = False

    @property
    def partner(self) -> Optional[Partner]:
        """The partner asked about: named now, else the one talked about before."""
        return self.partners[0] if self.partners else self.previous_partner

    @property
    def refers_back(self) -> bool:
        """The message points back to the last subject with da/dort/dabei/davon/…"""
        return bool(_REFERS_BACK.search(self.text))

    @property
    def asks_about_past(self) -> bool:
        """'In welcher Stadt war das?': a past event (a founding), not today's address."""
        return bool(_ASKS_ABOUT_PAST.search(self.text))

    @property
    def only_a_city(self) -> bool:
        """'und in Bielefeld?': nothing but a city and a few small words (a follow-up)."""
        city_words = {w for city in self.cities for w in fold(city).split()}
        rest = [w for w in fold(self.text).split() if w not in _ELLIPSIS_WORDS and w not in city_words]
        return bool(self.cities) and not rest

    @property
    def asks_for_all(self) -> bool:
        """'Wer beschäftigt sich alles mit …?': list everyone, not only the best fit."""
        return bool(_ASKS_FOR_ALL.search(self.text))


def _partner_names_in(text: str, tracker: Tracker, directory: PartnerDirectory) -> Tuple[List[Partner], str]:
    """Partners named in the text (typos allowed), and the folded text with every name cut out.

    Names the NLU found are cut out first; the rest of the text is searched once, and
    that one search gives both the partners and what remains for groups and topics.
    """
    spans = sorted(((e.get("start"), e.get("end")) for e in tracker.latest_message.get("entities") or []
                    if e.get("entity") == "partner" and isinstance(e.get("start"), int) and isinstance(e.get("end"), int)),
                   reverse=True)
    for start, end in spans:
        text = f"{text[:start]} {text[end:]}"
    words = fold(text).split()
    mentions = directory.partner_mentions(text)
    for mention in mentions:
        words[mention.start:mention.end] = [""] * (mention.end - mention.start)
    return _unique([m.item for m in mentions]), " ".join(w for w in words if w)


def _as_list(value: object) -> List:
    return value if isinstance(value, list) else []


def read_request(
    tracker: Tracker, directory: PartnerDirectory, partner_slot: str, offered_slot: str = "offered_partners"
) -> Request:
    """Collect what the latest message is about (entities first, then the text)."""
    text = str(tracker.latest_message.get("text") or "")
    partners = _unique([directory.find_partner(v) for v in latest_values(tracker, "partner")])
    groups = _unique([directory.find_target_group(v) for v in latest_values(tracker, "target_group")])
    topics = _unique([directory.find_topic(v) for v in latest_values(tracker, "topic")])
    cities = _unique([directory.find_city(v) or v for v in latest_values(tracker, "city")])
    fields = [f for f in latest_values(tracker, "contact_attribute") if f in CONTACT_ATTRIBUTES]
    only_partner_names = False
    if not text.startswith("/"):  # button payloads carry their entities already
        # "Integrationsforschung" in "Zentrum für ... Integrationsforschung" is a name, not a topic.
        in_text, rest = _partner_names_in(text, tracker, directory)
        partners = partners or in_text
        only_partner_names = bool(partners) and all(w in _NAME_ONLY_WORDS for w in rest.split())
        groups = groups or directory.groups_in(rest)
        topics = topics or directory.topics_in(rest)
        cities = cities or directory.cities_in(rest)
        if (tracker.latest_message.get("intent") or {}).get("name") == "ask_partner_contact":
            # The whole phrase with typos ("emial adresse" is the e-mail address, not the
            # "adresse" the lookup saw); only for contact questions.
            fields = directory.fields_in(rest) or fields
    return Request(
        text=text,
        partners=partners,
        groups=groups,
        topics=topics,
        cities=cities,
        kinds=[k for k in latest_values(tracker, "kind") if k in KINDS],
        fields=fields,
        previous_partner=directory.find_partner(tracker.get_slot(partner_slot)),
        offered_partners=_unique([directory.find_partner(v) for v in _as_list(tracker.get_slot(offered_slot))]),
        only_partner_names=only_partner_names,
    )
