"""The words of a message or a quoted sentence, as the fact search compares them.

"Wie viele Mitglieder hat der Landesbeirat?" and "Er setzt sich aus 15 ehrenamtlich
berufenen Mitgliedern zusammen" share a word only after lemmatising ("Mitglieder" and
"Mitgliedern" -> "mitglied"), and "Wahlrecht" meets "Wahl" only after compound
splitting. Both come from maintained libraries:

- lemmas: spaCy's German lookup lemmatizer (spacy-lookups-data), the same tables the
  NLU pipeline uses (scripts/build/spacy_pipeline.py), so both sides lemmatise alike;
- compounds: compound-split (`char_split`, a German splitter trained on n-gram
  statistics; measured here: "Onlineberatung" -> "Online" + "Beratung").

Terms are folded like every other comparison in the project (lower case, ä -> ae),
so residents typing without umlauts meet the quoted text.
"""

from __future__ import annotations

import functools
import re
from typing import List, Tuple

import spacy
from compound_split import char_split

from actions.spelling import fold

_WORD = re.compile(r"[\wÄÖÜäöüß]+(?:-[\wÄÖÜäöüß]+)*")
# char_split scores a split from about -1 (unlikely) to 1 (sure); below this the
# "split" is usually a cut through one word ("Vors" + "itz").
_MIN_SPLIT_SCORE = -0.6
_MIN_PART_LENGTH = 4
_MIN_COMPOUND_LENGTH = 9


# Particles of German separable verbs ("setzt sich … ein"), and where a clause ends.
_VERB_PARTICLES = frozenset("ab an auf aus bei dar ein fest her hin mit nach vor weg weiter zu zurück zusammen".split())
_CLAUSE = re.compile(r"[,.;:!?]|\b(?:und|oder|aber|dann)\b", re.IGNORECASE)
# "Nicht-EU-Ausländer" asks about everyone but EU citizens: "EU" must not select the EU's sentence.
_NEGATED = re.compile(r"\b(nicht|non)-[^\W_]+(?=-)", re.IGNORECASE)

_UMLAUT_DIGRAPHS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))


def _with_umlauts(word: str) -> str:
    """"beraet" -> "berät": how a folded or umlaut-less word is looked up as a second try."""
    for digraph, umlaut in _UMLAUT_DIGRAPHS:
        word = word.replace(digraph, umlaut)
    return word


def without_negated(text: str) -> str:
    """The text without parts negated by a hyphen: "Nicht-EU-Ausländer" -> "Nicht-Ausländer"."""
    return _NEGATED.sub(r"\1", text)


class Wording:
    """Turns text into folded lemma terms, compound parts included, stop words left out."""

    def __init__(self) -> None:
        nlp = spacy.blank("de")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        self._lemmas = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
        self.stop_words = frozenset(fold(w) for w in nlp.Defaults.stop_words)

    def words(self, text: str) -> List[str]:
        """The words of a text as typed (hyphenated words split), without punctuation."""
        return [part for word in _WORD.findall(text) for part in word.split("-") if part]

    @functools.lru_cache(maxsize=20000)
    def lemma(self, word: str) -> str:
        """The folded lemma. Lower-case nouns ("mitgliedern") are looked up capitalised too,
        and words typed or folded without umlauts ("beraet") with them ("berät")."""
        for form in (word, _with_umlauts(word)):
            lemma = self._lemmas.get(form) or self._lemmas.get(form.capitalize()) or self._lemmas.get(form.lower())
            if lemma:
                return fold(lemma)
        return fold(word)

    @functools.lru_cache(maxsize=20000)
    def parts(self, word: str) -> Tuple[str, ...]:
        """The lemmas of a compound's two parts ("Wahlrecht" -> "wahl", "recht"), or ()."""
        if len(word) < _MIN_COMPOUND_LENGTH or not word.isalpha():
            return ()
        splits = char_split.split_compound(word.capitalize())
        if not splits:
            return ()
        score, first, second = splits[0]
        if score < _MIN_SPLIT_SCORE or min(len(first), len(second)) < _MIN_PART_LENGTH:
            return ()
        # The linking -s of "Antidiskriminierungs|büro" is not part of the word.
        if first.endswith("s") and len(first) > _MIN_PART_LENGTH + 1:
            first = first[:-1]
        return (self.lemma(first), self.lemma(second))

    def separable_verbs(self, text: str) -> List[str]:
        """German verbs split around the clause: "Für wen setzen die sich ein?" -> "einsetzen",
        "wer nimmt die auf und …" -> "aufnehmen". A clause that ends in a verb particle is
        joined with the clause's word that makes a known verb form with it."""
        verbs: List[str] = []
        for clause in _CLAUSE.split(text):
            words = [w.lower() for w in self.words(clause or "")]
            if len(words) < 2 or words[-1] not in _VERB_PARTICLES:
                continue
            for word in words[:-1]:
                joined = words[-1] + word
                lemma = self._lemmas.get(joined) or (joined if self._is_infinitive(joined) else None)
                if lemma:  # looked up like every word, so that it meets the fact words' lemmas
                    verbs.append(self.lemma(lemma))
                    break
        return verbs

    def _is_infinitive(self, word: str) -> bool:
        """Infinitives are the lookup table's values, not keys: "einsetzen" is one if its
        third person ("einsetzt", "anbietet") leads back to it."""
        stem = word[:-2] if word.endswith("en") else ""
        return bool(stem) and any(self._lemmas.get(stem + end) == word for end in ("t", "et"))

    def terms(self, text: str) -> List[str]:
        """Lemma terms of a text with compound parts and split verbs, stop words and
        one-letter words left out; a part negated by a hyphen ("Nicht-EU-Ausländer") is no term."""
        terms: List[str] = []
        for word in self.words(without_negated(text)):
            lemma = self.lemma(word)
            if len(lemma) < 2 or lemma in self.stop_words:
                continue
            terms.append(lemma)
            terms.extend(p for p in self.parts(word) if p not in self.stop_words)
        return terms + self.separable_verbs(text)
