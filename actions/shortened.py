"""Partner names shortened by leaving out the middle of a compound.

People shorten long compound names: "die Jugenddienste", "die Jugend-Dienste" or "die
Jugend Dienste" for the Jugendmigrationsdienste, "die Integrationskonferenz" for the
Integrationsministerkonferenz. Neither the NLU's lookup tables nor the typo-tolerant
MentionFinder find them (too many letters are missing). A word, or two words written
apart, that keeps a name word's first and last compound part names that partner, when:

- the name word has three parts or more (leaving one out still says which name it is), the
  last one no short ending;
- no other partner's name shortens the same way;
- the short form is no word of its own: not in the lemma table ("Land|wirt|schaft" would
  make "Landschaft" a name) and not a word of the page ("Jugendarbeit" is one of the
  Jungen-Initiative's fields, not the Jugendsozialarbeit).
"""

from __future__ import annotations

import re
from typing import Callable, Dict, Iterable, List, Optional, Set, Tuple

from actions.knowledge import Partner
from actions.mentions import Mention
from actions.spelling import fold
from actions.wording import Wording

# A shortened name that says less is too often another word.
_MIN_SHORT_LENGTH = 9
# A word that ends a sentence or a phrase is not joined with the next ("zur Jugend. Dienste …").
_ENDS_A_PHRASE = re.compile(r"[.,;:!?)\]]$")
# The last part kept is a noun, not a short ending ("Bezirks|regie|rung", "Inter|kultur|elle").
_MIN_LAST_PART = 5


class ShortenedNames:
    """Finds partner names shortened to their first and last compound part."""

    def __init__(self, partners: Iterable[Partner], wording: Wording, page_word: Callable[[str], bool]) -> None:
        self._wording = wording
        self._page_word = page_word
        owners: Dict[Tuple[str, str], Set[str]] = {}
        by_id: Dict[str, Partner] = {}
        for partner in partners:
            by_id[partner.id] = partner
            for name in partner.names:
                for word in re.findall(r"[^\W\d_]+", name):
                    parts = wording.all_parts(word)
                    if len(parts) >= 3:
                        owners.setdefault((parts[0], parts[-1]), set()).add(partner.id)
        self._names: Dict[Tuple[str, str], Partner] = {
            key: by_id[next(iter(ids))] for key, ids in owners.items()
            if len(ids) == 1 and len(key[1]) >= _MIN_LAST_PART
            and not page_word(key[0] + key[1]) and not wording.is_word(key[0] + key[1])}

    def find(self, text: str) -> List[Mention[Partner]]:
        """The shortened names in a text, as mentions over its folded words (one word, a
        hyphenated one, or two words written apart, not across a sentence or a comma)."""
        if not self._names:
            return []
        words: List[str] = []
        joinable: List[bool] = []  # may the word be joined with the next one?
        for chunk in text.split():
            folded = fold(chunk).split()
            words += folded
            joinable += [True] * (len(folded) - 1) + [bool(folded) and not _ENDS_A_PHRASE.search(chunk)]
        if len(words) != len(fold(text).split()):  # folding did not keep the words apart as written
            return []
        found: List[Mention[Partner]] = []
        taken: Set[int] = set()
        for size in (1, 2):
            for start in range(len(words) - size + 1):
                if taken & set(range(start, start + size)) or size == 2 and not joinable[start]:
                    continue
                partner = self._named("".join(words[start:start + size]))
                if partner is not None:
                    found.append(Mention(partner, start, start + size, 100.0))
                    taken.update(range(start, start + size))
        return found

    def _named(self, joined: str) -> Optional[Partner]:
        if len(joined) < _MIN_SHORT_LENGTH or not joined.isalpha() or self._page_word(self._wording.lemma(joined)):
            return None
        parts = self._wording.all_parts(joined)
        return self._names.get((parts[0], parts[-1])) if len(parts) == 2 else None
