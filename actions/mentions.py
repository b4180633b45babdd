"""Find partners, target groups, topics and cities in free text, tolerating typos.

The NLU's lookup tables only match names spelled as listed. People write
"landesintegrazionsrat", "beratungstelle sinit und roma" or "Landesintegrationsrats";
when the NLU found no entity of a kind, the actions look into the message text with
rapidfuzz over word n-grams, comparing folded forms (lower case, ae/oe/ue).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Generic, Iterable, List, Optional, Tuple, TypeVar

from rapidfuzz import fuzz, process

from actions.spelling import fold, spelling_variants

T = TypeVar("T")

# Folded names shorter than this must match exactly: abbreviations (JMD, JSA, KfI)
# are one letter apart from each other, and short words too ("schule"/"schuler").
MIN_FUZZY_LENGTH = 8
SCORE_CUTOFF = 88.0


@dataclass(frozen=True)
class Mention(Generic[T]):
    """An item found in the text: which words (token span) and how sure (0–100)."""

    item: T
    start: int
    end: int
    score: float


class MentionFinder(Generic[T]):
    """Matches word n-grams of a text against a fixed list of names."""

    def __init__(self, entries: Iterable[Tuple[str, T]]) -> None:
        self._items: Dict[str, T] = {}
        for name, item in entries:
            for variant in spelling_variants(name):  # "Köln" is also typed "Koln"
                key = fold(variant)
                if key:
                    self._items.setdefault(key, item)
        self._keys = list(self._items)
        self._max_words = max((len(k.split()) for k in self._keys), default=1)

    def find(self, text: str) -> List[Mention[T]]:
        """All non-overlapping mentions, best first (longer spans win over shorter ones)."""
        words = fold(text).split()
        candidates: List[Mention[T]] = []
        for size in range(min(self._max_words, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size])
                match = self._match(phrase)
                if match:
                    candidates.append(Mention(self._items[match[0]], start, start + size, match[1]))
        chosen: List[Mention[T]] = []
        for mention in sorted(candidates, key=lambda m: (-(m.end - m.start), -m.score, m.start)):
            if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
                chosen.append(mention)
        return sorted(chosen, key=lambda m: (-m.score, m.start))

    def _match(self, phrase: str) -> Optional[Tuple[str, float]]:
        if phrase in self._items:
            return phrase, 100.0
        if len(phrase) < MIN_FUZZY_LENGTH:
            return None
        result = process.extractOne(phrase, self._keys, scorer=fuzz.ratio, score_cutoff=SCORE_CUTOFF)
        if result is None or len(result[0]) < MIN_FUZZY_LENGTH:
            return None
        return result[0], float(result[1])

    def items(self, text: str) -> List[T]:
        """The distinct items mentioned, best first."""
        seen: List[T] = []
        for mention in self.find(text):
            if mention.item not in seen:
                seen.append(mention.item)
        return seen

