"""Described situations -> topics.

People who are treated unfairly rarely name the topic; they tell what happened: "Der
Vermieter gibt mir die Wohnung nicht, weil ich Ausländerin bin." The knowledge file's
`situations` give a topic and cue lists (who one is, where it happened, what happened);
a message with a word of every list is about that topic, and the partners for the topic
answer it. Words are compared by lemma and by compound part, so "Vermieterin",
"Wohnungssuche" and "Ausländerinnen" count; small words ("nicht", "kein") count too,
because a refusal is often said with nothing else. A cue that starts with "*" is a word
ending ("*aner": Kolumbianer, Marokkaner, Amerikaner): the names of peoples are an open list.
A long word typed with one letter wrong ("endscheidet") counts as the cue it nearly is: people
who write little German tell their situation with typos. Only a letter replaced, not one added or
left out: those make other words and other forms ("schreiben" is no "schreien", "Institut" no
Spanish "instituto").
"""

from __future__ import annotations

import re
from itertools import product
from typing import Dict, FrozenSet, List, Set, Tuple

from rapidfuzz.distance import Hamming

from actions.knowledge import KnowledgeBase, Vocabulary
from actions.spelling import fold
from actions.wording import Wording


# "Vermieterin", "Ausländerinnen": the masculine stem of a feminine noun (at least four letters).
_FEMININE = re.compile(r"^(\w{4,})in(?:nen)?$")
# A cue: per word of it, the forms that word may take ("Vermieterin" -> vermieterin, vermieter),
# or, written "*aner", the ending (kept as "*aner").
Cue = Tuple[FrozenSet[str], ...]
# A word ending matches a word with at least this many letters before it: "*aner" is "Albaner", not
# "Planer" (the knowledge file's endings are chosen so that few other words end so).
_STEM_BEFORE_ENDING = 3
# A typed word this long may differ from a cue word of its length by one letter.
_MIN_TYPO_LENGTH = 8
_MAX_TYPOS = 1
# The letter replaced is not one of the last three: there a word takes its endings ("Migranten" is no
# "Migrantin", "gekündigte" no "gekündigt").
_KEPT_ENDING = 3


class Situations:
    """The topics of the situations a message describes."""

    def __init__(self, knowledge: KnowledgeBase, wording: Wording) -> None:
        self.wording = wording
        # Per language of the message, each situation's cue lists: German and that language's.
        topics = {t.id: t for t in knowledge.topics}
        self._rules: Dict[str, List[Tuple[Vocabulary, Tuple[Tuple[Cue, ...], ...]]]] = {}
        for language in ["de", *sorted({code for s in knowledge.situations for code in s.languages})]:
            self._rules[language] = [
                (topics[situation.topic],
                 tuple(tuple(self._cue(cue) for cue in cues) for cues in situation.cue_lists(language)))
                for situation in knowledge.situations]
        # The German cue words long enough to be recognised with a typo, by length (not another
        # language's: "Migranten" is no Spanish "migrantes" typed wrong).
        self._long_cues: Dict[int, List[str]] = {}
        for form in sorted({form for situation in knowledge.situations for cues in situation.all_of
                            for cue in cues for part in self._cue(cue) for form in part
                            if len(form) >= _MIN_TYPO_LENGTH and not form.startswith("*")}):
            self._long_cues.setdefault(len(form), []).append(form)

    def _as_written(self, word: str) -> Set[str]:
        """A word as typed (folded) and as lemma."""
        return {fold(word.lower()), self.wording.lemma(word)}

    def _forms(self, word: str) -> FrozenSet[str]:
        """A message word as written, as compound parts, and a feminine noun also in its
        masculine form ("Vermieterin" -> "vermieter"), which spaCy's table often lacks."""
        forms = self._as_written(word) | set(self.wording.parts(word))
        forms |= {m.group(1) for f in tuple(forms) for m in [_FEMININE.match(f)] if m}
        return frozenset(forms | self._nearly(forms))

    def _nearly(self, forms: Set[str]) -> Set[str]:
        """The cue word a long word is with one typo ("endscheidet" -> "entscheidet"), if any."""
        typed = [f for f in forms if len(f) >= _MIN_TYPO_LENGTH]
        if not typed or any(f in self._long_cues.get(len(f), ()) for f in typed):
            return set()
        return {cue for f in typed for cue in self._long_cues.get(len(f), ())
                if f[-_KEPT_ENDING:] == cue[-_KEPT_ENDING:]
                and Hamming.distance(f, cue, score_cutoff=_MAX_TYPOS) <= _MAX_TYPOS}

    def _cue(self, text: str) -> Cue:
        """A cue of several words ("nicht rein") needs all of them. A cue word stands for
        itself and its lemma, not its parts ("Wohnungssuche" is no cue for "Suche")."""
        if text.startswith("*"):
            return (frozenset({"*" + fold(text[1:])}),)
        return tuple(frozenset(self._as_written(word)) for word in self.wording.words(text))

    def topics_in(self, text: str, language: str) -> List[Vocabulary]:
        """The topics whose every cue list has a cue in the text, each in words of its own:
        "Ausländerbehörde" alone is not "Ausländer" at a "Behörde". The cues are German and
        those of the message's language (a German word in a Turkish message counts too)."""
        words = [self._forms(w) for w in self.wording.words(text)]
        return [topic for topic, cue_lists in self._rules.get(language, self._rules["de"])
                if _distinct(tuple(_positions(cues, words) for cues in cue_lists))]


def _positions(cues: Tuple[Cue, ...], words: List[FrozenSet[str]]) -> FrozenSet[int]:
    """Where in the message a cue of the list occurs (every word of a cue, in any form)."""
    found: Set[int] = set()
    for cue in cues:
        places = [[i for i, forms in enumerate(words) if _matches(part, forms)] for part in cue]
        if cue and all(places):
            found.update(places[0])
    return frozenset(found)


def _matches(part: FrozenSet[str], forms: FrozenSet[str]) -> bool:
    """A cue word matches a form of the message's word, or its ending ("*aner") ends one."""
    return bool(part & forms) or any(
        cue.startswith("*") and form.endswith(cue[1:]) and len(form) - len(cue) + 1 >= _STEM_BEFORE_ENDING
        for cue in part for form in forms)


def _distinct(positions: Tuple[FrozenSet[int], ...]) -> bool:
    """Can each list be matched by a different word of the message?"""
    return any(len(set(choice)) == len(choice) for choice in product(*positions))
