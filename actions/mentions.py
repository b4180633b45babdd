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
from rapidfuzz.distance import OSA

from actions.spelling import fold, spelling_variants

T = TypeVar("T")

# Folded names shorter than this must match exactly: abbreviations (JMD, JSA, KfI)
# are one letter apart from each other, and short words too ("schule"/"schuler").
MIN_FUZZY_LENGTH = 8
SCORE_CUTOFF = 88.0
# At most this many letters wrong, missing, extra or swapped in a name matched as misspelt.
MAX_TYPOS = 2


@dataclass(frozen=True)
class Mention(Generic[T]):
    """An item found in the text: which words (token span) and how sure (0–100)."""

    item: T
    start: int
    end: int
    score: float


class FoldedNames(Generic[T]):
    """Folded names mapped to items: exact match first, then the closest name for typos.

    Shared by the directory (a whole entity value: "Landesintegrationsrt") and the
    MentionFinder (every word n-gram of a message), with their own bounds.
    """

    def __init__(
        self,
        entries: Iterable[Tuple[str, T]],
        min_fuzzy_length: int = MIN_FUZZY_LENGTH,
        score_cutoff: float = SCORE_CUTOFF,
        with_variants: bool = True,
        one_typo_from: Optional[int] = None,
    ) -> None:
        """`one_typo_from`: shorter names (from this length on) still match with one typo,
        a swapped pair of letters included ("emial"); for small closed word lists only."""
        self.items: Dict[str, T] = {}
        written: List[str] = []
        for name, item in entries:
            # "Köln" is also typed "Koln".
            for variant in spelling_variants(name) if with_variants else [name]:
                key = fold(variant)
                if key:
                    self.items.setdefault(key, item)
            written.append(fold(name))
        self.keys = list(self.items)
        # Typos are measured against the names as written, not against their umlaut-less variants:
        # "Integrationsfragen" is two letters from "Integrationsraten", three from "Integrationsräten".
        self._written = [key for key in dict.fromkeys(written) if key]
        # A typo keeps a name's length within MAX_TYPOS letters: a word group is compared only with
        # the names of about its length, not with every name (a message has hundreds of word groups).
        self._by_length: Dict[int, List[str]] = {}
        for key in self._written:
            for length in range(len(key) - MAX_TYPOS, len(key) + MAX_TYPOS + 1):
                self._by_length.setdefault(length, []).append(key)
        self.min_fuzzy_length = min_fuzzy_length
        self.score_cutoff = score_cutoff
        self.one_typo_from = one_typo_from

    def match(self, key: str) -> Optional[Tuple[str, float]]:
        """The known name for a folded key, with its score (100 = exact), or None."""
        if key in self.items:
            return key, 100.0
        if len(key) < self.min_fuzzy_length:
            return self._one_typo(key)
        near = self._by_length.get(len(key))
        if not near:
            return None
        result = process.extractOne(key, near, scorer=fuzz.ratio, score_cutoff=self.score_cutoff)
        # A long word shares much with another by its first part alone: "Integrationsfragen" is 89 %
        # like "Integrationsräten", but three letters apart. A typo is one or two.
        if result is None or len(result[0]) < self.min_fuzzy_length or OSA.distance(key, result[0]) > MAX_TYPOS:
            return None
        return result[0], float(result[1])

    def _one_typo(self, key: str) -> Optional[Tuple[str, float]]:
        if self.one_typo_from is None or len(key) < self.one_typo_from:
            return None
        result = process.extractOne(key, self.keys, scorer=OSA.distance, score_cutoff=1)
        if result is None or len(result[0]) < self.one_typo_from:
            return None
        return result[0], 90.0

    def lookup(self, mention: Optional[str]) -> Optional[T]:
        """The item a whole mention means, or None."""
        # A slot or entity can hold a number: '/ask_partner_info{"partner": 5}' typed by a user.
        match = self.match(fold(mention)) if isinstance(mention, str) and mention else None
        return self.items[match[0]] if match else None


# Each word of a misspelt several-word name must still resemble its counterpart:
# "väter mit zuwanderungsgeschichte" is no misspelt "Lehrer mit Zuwanderungsgeschichte".
MIN_WORD_SCORE = 70.0


def _word_by_word(phrase: str, name: str) -> bool:
    """Same number of words, and each word close to its counterpart."""
    words, name_words = phrase.split(), name.split()
    return len(words) == len(name_words) and all(
        fuzz.ratio(a, b) >= MIN_WORD_SCORE for a, b in zip(words, name_words))


class MentionFinder(Generic[T]):
    """Matches word n-grams of a text against a fixed list of names."""

    def __init__(self, entries: Iterable[Tuple[str, T]], one_typo_from: Optional[int] = None) -> None:
        self._names = FoldedNames(entries, one_typo_from=one_typo_from)
        self._max_words = max((len(k.split()) for k in self._names.keys), default=1)

    def find(self, text: str, exact_only: bool = False) -> List[Mention[T]]:
        """All non-overlapping mentions, best first (longer spans win over shorter ones)."""
        words = fold(text).split()
        candidates: List[Mention[T]] = []
        for size in range(min(self._max_words, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size])
                match = self._names.match(phrase)
                # A typo changes letters, not words: "gegen diskriminierung" is no misspelt
                # "NRW gegen Diskriminierung".
                if match and match[1] < 100.0 and not _word_by_word(phrase, match[0]):
                    match = None
                if match and (match[1] >= 100.0 or not exact_only):
                    candidates.append(Mention(self._names.items[match[0]], start, start + size, match[1]))
        chosen: List[Mention[T]] = []
        for mention in sorted(candidates, key=lambda m: (-(m.end - m.start), -m.score, m.start)):
            if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
                chosen.append(mention)
        return sorted(chosen, key=lambda m: (-m.score, m.start))

    def items(self, text: str) -> List[T]:
        """The distinct items mentioned, best first."""
        return self._distinct(self.find(text))

    def exact_items(self, text: str) -> List[T]:
        """The distinct items whose name is written exactly (after folding), no typo guesses."""
        return self._distinct(self.find(text, exact_only=True))

    @staticmethod
    def _distinct(mentions: Iterable[Mention[T]]) -> List[T]:
        return distinct_items(mentions)


def distinct_items(mentions: Iterable[Mention[T]]) -> List[T]:
    """The distinct items of mentions, in their order (what `MentionFinder.items` returns),
    for a caller that needs the mentions' positions as well."""
    seen: List[T] = []
    for mention in mentions:
        if mention.item not in seen:
            seen.append(mention.item)
    return seen


def first_starts(mentions: Iterable[Mention[T]]) -> Dict[T, int]:
    """Where each item is first mentioned (its first word's index)."""
    starts: Dict[T, int] = {}
    for mention in mentions:
        starts[mention.item] = min(mention.start, starts.get(mention.item, mention.start))
    return starts

