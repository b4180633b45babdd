"""Described situations -> topics.

People who are treated unfairly rarely name the topic; they tell what happened: "Der
Vermieter gibt mir die Wohnung nicht, weil ich Ausländerin bin." The knowledge file's
`situations` give a topic and cue lists (who one is, where it happened, what happened);
a message with a word of every list is about that topic, and the partners for the topic
answer it. Words are compared by lemma and by compound part, so "Vermieterin",
"Wohnungssuche" and "Ausländerinnen" count; small words ("nicht", "kein") count too,
because a refusal is often said with nothing else. A cue that starts with "*" is a word
ending ("*aner": Kolumbianer, Marokkaner, Amerikaner): the names of peoples are an open list.
A cue the knowledge file calls weak ("nicht", "kein") tells a refusal only when the message asks
for help ("… wo kann ich mich melden?") or asks nothing (the story alone): "An unserer Schule
gibt es keine Lehrerin mit Kopftuch. Ist das überall so?" tells no situation.
An insult is often told by quoting it, without a word of who one is ("… ruft ihm 'X' hinterher. Wo
kann ich das melden?"): for a situation marked `quoted_remark`, a quoted remark and a question for
help tell it.
A long word typed with one letter wrong ("endscheidet") counts as the cue it nearly is: people
who write little German tell their situation with typos. Only a letter replaced, not one added or
left out: those make other words and other forms ("schreiben" is no "schreien", "Institut" no
Spanish "instituto").
"""

from __future__ import annotations

import re
from itertools import product
from typing import Dict, FrozenSet, List, NamedTuple, Optional, Set, Tuple

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
# A remark quoted ('…', "…", „…“, «…»): opened before a word, closed after one, within one line;
# not the apostrophe inside a word ("gibt's", "Almanya'da").
_QUOTED = re.compile(r"(?<!\w)['\"„“‚«‹][^'\"„“”‘’«»‹›\n]{1,80}?['\"“”‘’»›](?!\w)")
# What makes the asking sentences a question (Latin and Arabic script).
_QUESTION_MARKS = frozenset("?؟")
# A typed word this long may differ from a cue word of its length by one letter.
_MIN_TYPO_LENGTH = 8
_MAX_TYPOS = 1
# The letter replaced is not one of the last three: there a word takes its endings ("Migranten" is no
# "Migrantin", "gekündigte" no "gekündigt").
_KEPT_ENDING = 3


class _Rule(NamedTuple):
    """A situation in the words of one language: its cue lists, and the same without its weak cues."""

    topic: Vocabulary
    cue_lists: Tuple[Tuple[Cue, ...], ...]
    strong_lists: Tuple[Tuple[Cue, ...], ...]
    help_cues: Tuple[Cue, ...]
    quoted_remark: bool


class Situations:
    """The topics of the situations a message describes."""

    def __init__(self, knowledge: KnowledgeBase, wording: Wording) -> None:
        self.wording = wording
        # Per language of the message, each situation's cue lists: German and that language's.
        topics = {t.id: t for t in knowledge.topics}
        self._rules: Dict[str, List[_Rule]] = {}
        for language in ["de", *sorted({code for s in knowledge.situations for code in s.languages})]:
            self._rules[language] = []
            for situation in knowledge.situations:
                weak = {self._cue(cue) for cue in situation.weak}
                lists = tuple(tuple(self._cue(cue) for cue in cues) for cues in situation.cue_lists(language))
                self._rules[language].append(_Rule(
                    topics[situation.topic], lists, tuple(tuple(c for c in cues if c not in weak) for cues in lists),
                    tuple(self._cue(word) for word in situation.help_words), situation.quoted_remark))
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

    def topics_in(self, text: str, language: str, asking: Optional[str] = None) -> List[Vocabulary]:
        """The topics whose every cue list has a cue in the text, each in words of its own:
        "Ausländerbehörde" alone is not "Ausländer" at a "Behörde". The cues are German and
        those of the message's language (a German word in a Turkish message counts too).
        A match that needs a weak cue counts when `asking` (the sentences that ask; the whole
        text when not given) has a help word, or asks nothing (a story told on its own). A
        situation told by a quoted remark counts with a help word too."""
        words = _Said([self._forms(w) for w in self.wording.words(text)])
        asked = text if asking is None else asking
        found = []
        for rule in self._rules.get(language, self._rules["de"]):
            told = _distinct(tuple(_positions(cues, words) for cues in rule.cue_lists))
            if told and rule.strong_lists != rule.cue_lists \
                    and not _distinct(tuple(_positions(cues, words) for cues in rule.strong_lists)):
                told = not _QUESTION_MARKS & set(asked) or self._seeks_help(rule, asked)
            if not told and rule.quoted_remark and _QUOTED.search(text):
                told = self._seeks_help(rule, asked)
            if told:
                found.append(rule.topic)
        return found

    def _seeks_help(self, rule: _Rule, asked: str) -> bool:
        """Do the asking sentences have a help word of the rule? Read only when a rule needs it (the
        words' forms take a compound split each), and not inside a remark quoted ("… sagt 'wir helfen
        euch nicht'. Wie lange noch?")."""
        asked_words = _Said([self._forms(w) for w in self.wording.words(_QUOTED.sub(" ", asked))])
        return bool(_positions(rule.help_cues, asked_words))


class _Said:
    """A message's words (each as its forms), indexed by form: the situations' cues (about 1,100
    cue words per message, 15 languages' lists) are looked up, not compared with every word."""

    def __init__(self, words: List[FrozenSet[str]]) -> None:
        self._words = words
        self._at: Dict[str, List[int]] = {}
        for at, forms in enumerate(words):
            for form in forms:
                self._at.setdefault(form, []).append(at)
        self._places: Dict[FrozenSet[str], FrozenSet[int]] = {}

    def places(self, part: FrozenSet[str]) -> FrozenSet[int]:
        """Where a cue word occurs: a form of a word is the cue word, or ends with its ending ("*aner")."""
        found = self._places.get(part)
        if found is None:
            at = {i for cue in part for i in self._at.get(cue, ())}
            at.update(i for cue in part if cue.startswith("*") for i, forms in enumerate(self._words)
                      if any(form.endswith(cue[1:]) and len(form) - len(cue) + 1 >= _STEM_BEFORE_ENDING
                             for form in forms))
            found = self._places[part] = frozenset(at)
        return found


def _positions(cues: Tuple[Cue, ...], words: _Said) -> FrozenSet[int]:
    """Where in the message a cue of the list occurs (every word of a cue, in any form)."""
    found: Set[int] = set()
    for cue in cues:
        places = [words.places(part) for part in cue]
        if cue and all(places):
            found.update(places[0])
    return frozenset(found)


def _distinct(positions: Tuple[FrozenSet[int], ...]) -> bool:
    """Can each list be matched by a different word of the message?"""
    return any(len(set(choice)) == len(choice) for choice in product(*positions))
