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
from typing import List, Optional, Tuple

import spacy
from compound_split import char_split

from actions.spelling import fold, one_umlaut_more, with_umlauts, without_gender_marks

_WORD = re.compile(r"[\wÄÖÜäöüß]+(?:-[\wÄÖÜäöüß]+)*")
# char_split scores a split from about -1 (unlikely) to 1 (sure); below this the
# "split" is usually a cut through one word ("Vors" + "itz").
_MIN_SPLIT_SCORE = -0.6
_MIN_PART_LENGTH = 4
_MIN_COMPOUND_LENGTH = 9
# How often a lemma is looked up again: "geförderten" -> "geförderte" -> "gefördert" -> "fördern".
_MAX_LEMMA_STEPS = 3
# A word this short keeps its final "s" ("Haus", "Kurs"): no genitive is cut from it.
_MIN_GENITIVE_LENGTH = 5


# Particles of German separable verbs ("setzt sich … ein"), and where a clause ends.
_VERB_PARTICLES = frozenset("ab an auf aus bei dar ein fest her hin mit nach vor weg weiter zu zurück zusammen".split())
_CLAUSE = re.compile(r"[,.;:!?]|\b(?:und|oder|aber|dann)\b", re.IGNORECASE)
# "Nicht-EU-Ausländer" asks about everyone but EU citizens: "EU" must not select the EU's sentence.
_NEGATED = re.compile(r"\b(nicht|non)-[^\W_]+(?=-)", re.IGNORECASE)

# Number words as digits (folded): spaCy calls them stop words, but "vier Millionen" answers "4 Mio.?".
# "ein(s)" is left out: it is mostly the article.
NUMBER_WORDS = {"zwei": "2", "drei": "3", "vier": "4", "fuenf": "5", "sechs": "6", "sieben": "7",
                "acht": "8", "neun": "9", "zehn": "10", "elf": "11", "zwoelf": "12"}

# Words spaCy's German stop list holds that carry what a question asks about: "gegenüber wem?"
# (advocacy), "offen" (opening hours), "Mittel" (funds), "Recht(e)" (rights), "Teil" (part of),
# "heute" ("woran forschen die heute?": the ZfTI's tasks "heute", not its founding in 1985).
_CONTENT_WORDS = frozenset({"gegenüber", "offen", "mittel", "recht", "rechte", "rechten", "teil", "heute"})
# Words the lemma table reads as forms of a verb: "echte Leute oder ein Bot?" is no "bieten", "der
# Dienst für junge Leute" no "dienen" (the table has "Dienste" -> "Dienst", but "Dienst" -> "dienen").
_OWN_LEMMAS = {"bot": "bot", "bots": "bot", "dienst": "dienst"}


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
        # The table's lemmas: a noun's lemma ("Land") is often no key of its own.
        self._lemma_values = frozenset(self._lemmas.values())
        # Compound parts keep spaCy's whole list: "Betr|offene" must not yield "offen".
        self._part_stop_words = frozenset(fold(w) for w in nlp.Defaults.stop_words)
        self.stop_words = self._part_stop_words - {fold(w) for w in _CONTENT_WORDS}

    def words(self, text: str) -> List[str]:
        """The words of a text as typed (hyphenated words split), without punctuation."""
        return [part for word in _WORD.findall(without_gender_marks(text)) for part in word.split("-") if part]

    @functools.lru_cache(maxsize=20000)
    def lemma(self, word: str) -> str:
        """The folded lemma. Lower-case nouns ("mitgliedern") are looked up capitalised too,
        and words typed or folded without umlauts ("beraet") with them ("berät").

        The table's lemma of an inflected participle is the adjective ("geförderten" ->
        "geförderte"), whose own lemma is the participle and then the verb: the lookup is
        followed to its end, so "die geförderten Büros" meets "gefördert" and "fördern".
        A compound the table does not know ("Landesmitteln") keeps its first part and takes
        the lemma of its last ("Landes|mittel"), so inflected compounds meet each other."""
        if fold(word.lower()) in _OWN_LEMMAS:
            return _OWN_LEMMAS[fold(word.lower())]
        found = self._lookup(word)
        if found is word:
            return fold(self._compound_lemma(word) or word)
        return fold(self._settled(found))

    def is_noun(self, word: str) -> bool:
        """Is a word typed in lower case a noun ("land", "beratung")? The lookup table knows
        nouns only capitalised; "den", "auch", "gut" it knows in lower case, or not at all."""
        lower = word.lower()
        if self._lemmas.get(lower) or self._lemmas.get(with_umlauts(lower)) or lower in self._lemma_values:
            return False
        return bool(self._lemmas.get(lower.capitalize()) or self._lemmas.get(with_umlauts(lower).capitalize())
                    or lower.capitalize() in self._lemma_values)

    def is_word(self, word: str) -> bool:
        """Does the lookup table know the word (as typed, capitalised, or with umlauts)?"""
        return any(self._in_table(form) or self._base_form(form) for form in (word, with_umlauts(word)))

    def _settled(self, lemma: str) -> str:
        """The end of the table's chain from a lemma, or the lemma itself when the chain
        does not settle within a few steps or runs in a circle ("deutsch" -> "deutschen" -> "deutsch")."""
        chain = [lemma]
        for _ in range(_MAX_LEMMA_STEPS):
            further = self._lemmas.get(chain[-1])
            if not further or further == chain[-1]:
                return chain[-1]
            if further in chain:
                break
            chain.append(further)
        return lemma

    def _lookup(self, word: str) -> str:
        """The table's lemma of a word as typed, capitalised, lower case or with umlauts; the
        word itself (the same object) when the table does not know it."""
        for form in (word, with_umlauts(word)):
            lemma = self._in_table(form)
            if lemma:
                return lemma
        if self._base_form(word):
            return word
        for form in one_umlaut_more(word):
            lemma = self._in_table(form) or self._base_form(form)
            if lemma:
                return lemma
        return self._genitive(word) or word

    def _genitive(self, word: str) -> str:
        """"Austauschs" -> "Austausch", "Beirates" -> "Beirat": a genitive -s or -es that the
        table does not list, on a noun it knows; "" otherwise. An adverb of such a noun the
        table lacks meets it too ("abends" -> "Abend"), which is what a search wants."""
        if len(word) <= _MIN_GENITIVE_LENGTH or word[-1:] not in ("s", "S"):
            return ""
        stems = (word[:-1], word[:-2]) if word[-2:].lower() == "es" else (word[:-1],)
        for stem in stems:
            noun = stem[:1].upper() + stem[1:]
            lemma = self._lemmas.get(noun) or (noun if noun in self._lemma_values else "")
            if lemma:
                return lemma
        return ""

    def _in_table(self, form: str) -> str:
        """The table's lemma of a form as typed, capitalised or in lower case; "" if unknown."""
        return self._lemmas.get(form) or self._lemmas.get(form.capitalize()) or self._lemmas.get(form.lower()) or ""

    def _base_form(self, form: str) -> str:
        """The form as the table's base form ("Vater", "beraten"), as typed, capitalised or in
        lower case; "" if the table has no such lemma."""
        return next((f for f in (form, form.capitalize(), form.lower()) if f in self._lemma_values), "")

    def _compound_lemma(self, word: str) -> str:
        """"Landesmitteln" -> "Landesmittel": the first part as written, the last one's lemma."""
        split = self._split(word)
        if not split:
            return ""
        first, second = split
        last = self._noun_in_table(second) or self._compound_lemma(second) \
            or self._genitive(second)  # "Jugend|migrations|diensten"
        return first + last.lower() if last else ""

    def _noun_in_table(self, part: str) -> str:
        """The table's lemma of a compound's part as split (capitalised), looked up as a noun: "Dienst",
        not the verb form "dienst" (-> "dienen"); "" if unknown."""
        return self._lemmas.get(part) or self._lemmas.get(with_umlauts(part)) or ""

    @functools.lru_cache(maxsize=20000)
    def parts(self, word: str) -> Tuple[str, ...]:
        """The lemmas of a compound's two parts ("Wahlrecht" -> "wahl", "recht"), or (). An
        inflected "-isch" adjective is none: "türkischen" is no "Türki|schen"."""
        if self._lookup(word).lower().endswith("isch") and not word.lower().endswith("isch"):
            return ()
        split = self._unlinked_split(word)
        if not split:
            return ()
        first, second = split
        return (self.lemma(first), self.lemma(second))

    @functools.lru_cache(maxsize=20000)
    def all_parts(self, word: str) -> Tuple[str, ...]:
        """A compound split as far as the splitter is sure, as lemmas: "Jugendmigrationsdienste" ->
        "jugend", "migration", "dienst" (`parts` stops at two: "jugend", "migrationsdienst"); () if
        it is no compound. The last part is looked up as a noun ("Dienst", not "dienen")."""
        split = self._unlinked_split(word)
        if not split:
            return ()
        first, second = split
        last = self._noun_in_table(second) or self._genitive(second) or second
        return (self.lemma(first), *(self.all_parts(second) or (fold(last),)))

    def _unlinked_split(self, word: str) -> Optional[Tuple[str, str]]:
        """`_split` without the linking -s of the first part ("Antidiskriminierungs|büro")."""
        split = self._split(word)
        if not split:
            return None
        first, second = split
        if first.endswith("s") and len(first) > _MIN_PART_LENGTH + 1:
            first = first[:-1]
        return first, second

    @functools.lru_cache(maxsize=20000)
    def _split(self, word: str) -> Optional[Tuple[str, str]]:
        """char_split's best split of a compound, or None if it is unsure. A word typed or
        folded without umlauts is split with them too, and the surer split counts:
        "Auslaender" is "Ausl|aender" (-0.17) but "Ausländer" "Aus|länder" (0.85)."""
        if len(word) < _MIN_COMPOUND_LENGTH or not word.isalpha():
            return None
        splits = [split for form in dict.fromkeys((word, with_umlauts(word)))
                  for split in char_split.split_compound(form.capitalize())[:1]]
        if not splits:
            return None
        score, first, second = max(splits)
        if score < _MIN_SPLIT_SCORE or min(len(first), len(second)) < _MIN_PART_LENGTH:
            return None
        return first, second

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
            # "vier Millionen" meets "4 Mio.": a number word is its digits, and digits are a term.
            number = NUMBER_WORDS.get(fold(word.lower()), word if word.isdigit() else None)
            if number is not None:
                terms.append(number)
                continue
            lemma = self.lemma(word)
            # "welchem" is a stop word, its lemma "welch" is not: either one leaves the word out.
            if len(lemma) < 2 or lemma in self.stop_words or fold(word.lower()) in self.stop_words:
                continue
            terms.append(lemma)
            terms.extend(p for p in self.parts(word) if p not in self._part_stop_words)
        return terms + self.separable_verbs(text)
