"""Find partners by what people call them, and filter them by group, topic, city, kind.

The NLU maps most mentions to ids already (generated synonyms), but an entity may
still arrive as raw text: a spelling the lookup tables do not list, or a slot value
from an older conversation. Every mention therefore goes through the same folded
comparison, with a close-match fallback for small typos.
"""

from __future__ import annotations

from typing import Iterable, List, Optional, Tuple

from rapidfuzz import fuzz

from actions.knowledge import KnowledgeBase, Partner, Vocabulary
from actions.mentions import FoldedNames, MentionFinder
from actions.spelling import fold

# Below this length a close match is more often another abbreviation (JMD/JSA).
_MIN_FUZZY_LENGTH = 5
_FUZZY_CUTOFF = 85.0
# A question a trainer assigned (studio inbox) is recognised again when it is nearly the
# same message (typos, word order), not when it merely shares words.
_ASSIGNED_CUTOFF = 90.0


def _name_index(entries: Iterable[Tuple[str, object]]) -> FoldedNames:
    """Whole entity values to items: names as written, folded, small typos tolerated."""
    return FoldedNames(entries, _MIN_FUZZY_LENGTH, _FUZZY_CUTOFF, with_variants=False)


class PartnerDirectory:
    """Read-only queries over the knowledge base, used by every action."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.knowledge = knowledge
        self._partners = _name_index(
            (name, partner)
            for partner in knowledge.partners
            for name in (partner.id, *partner.names)
        )
        self._groups = _name_index(_vocabulary_entries(knowledge.target_groups))
        self._topics = _name_index(_vocabulary_entries(knowledge.topics))
        self._cities = _name_index((city, city) for city in knowledge.cities)
        # Free-text search for when the NLU found no entity (typos, inflections).
        partner_names = MentionFinder((n, p) for p in knowledge.partners for n in p.names)
        self.partners_named_exactly_in = partner_names.exact_items
        self.partner_mentions = partner_names.find
        group_words = MentionFinder((w, g) for g in knowledge.target_groups for w in g.words)
        self.groups_in = group_words.items
        self.group_mentions = group_words.find
        # The groups a group's label says beyond its first word: "Eltern mit Zuwanderungsgeschichte"
        # are "Menschen mit Zuwanderungsgeschichte" too (Understanding: a group said after it describes it).
        self.groups_said_by_label = {
            g.id: [o for o in self.groups_in(" ".join(["menschen", *fold(g.label).split()[1:]])) if o != g]
            for g in knowledge.target_groups}
        topic_words = MentionFinder((w, t) for t in knowledge.topics for w in t.words)
        self.topics_in = topic_words.items
        self.topic_mentions = topic_words.find
        # "die Kölner Einrichtung": a city's adjective ("Köln" + "er") says the city too, and can
        # name the partner there (Understanding._named_by_city).
        adjectives = MentionFinder((f"{c}er", c) for c in knowledge.cities if " " not in c)
        self.city_adjective_mentions = adjectives.find
        self.cities_in = MentionFinder([*((c, c) for c in knowledge.cities),
                                        *((f"{c}er", c) for c in knowledge.cities if " " not in c),
                                        *((name, c) for c, names in knowledge.city_names.items()
                                          for name in names)]).items
        # "kfi emial adresse": contact words are few and short, so one typo is allowed from 5 letters.
        self.fields_in = MentionFinder(((w, c.id) for c in knowledge.contact_words for w in c.words),
                                       one_typo_from=5).items
        self._assigned = [(fold(q.text), partner, q.asked) for partner in knowledge.partners for q in partner.questions]

    @property
    def partners(self) -> Tuple[Partner, ...]:
        return self.knowledge.partners

    def find_partner(self, mention: Optional[str]) -> Optional[Partner]:
        """The partner meant by an id, name, short form or alias (typos tolerated)."""
        return self._partners.lookup(mention)

    def find_target_group(self, mention: Optional[str]) -> Optional[Vocabulary]:
        """The target group meant by an id or an everyday word."""
        return self._groups.lookup(mention)

    def find_topic(self, mention: Optional[str]) -> Optional[Vocabulary]:
        """The topic meant by an id or an everyday word."""
        return self._topics.lookup(mention)

    def find_city(self, mention: Optional[str]) -> Optional[str]:
        """The city as written in the knowledge file, if any partner sits there."""
        return self._cities.lookup(mention)

    def assigned_question(self, text: str) -> Optional[Tuple[Partner, str]]:
        """The partner and what is asked, when a trainer assigned (nearly) this question to a partner."""
        key = fold(text)
        scored = [(fuzz.token_sort_ratio(key, folded), partner, asked) for folded, partner, asked in self._assigned]
        best = max(scored, key=lambda s: s[0], default=None)
        return (best[1], best[2]) if best is not None and best[0] >= _ASSIGNED_CUTOFF else None

    def for_target_group(self, group_id: str) -> List[Partner]:
        return [p for p in self.partners if group_id in p.target_groups]

    def for_topic(self, topic_id: str) -> List[Partner]:
        return [p for p in self.partners if topic_id in p.topics]

    def in_city(self, city: str) -> List[Partner]:
        return [p for p in self.partners if city in p.cities]

    def of_kind(self, kind: str) -> List[Partner]:
        return [p for p in self.partners if p.kind == kind]


def _vocabulary_entries(items: Iterable[Vocabulary]) -> Iterable[Tuple[str, Vocabulary]]:
    for item in items:
        for name in (item.id, item.label, *item.words):
            yield name, item
