"""Which language a message is in, and the words of the other languages the bot reads.

Detection: py3langid (the langid.py model, offline), restricted to the languages the
knowledge file has words for. Chosen over lingua-language-detector because it knows
Kurmanji (lingua reads it as Lithuanian) and was right as often on our short chat
messages (74 vs 73 of 80); version 0.2.2 because 0.3+ needs NumPy 2, which
TensorFlow 2.12 (Rasa 3.6) cannot load.

Short messages ("ok", "danke", a name) are too short for any detector: they keep the
conversation's language (slot `language`), else the language the widget sends as
metadata, else German. A message in a language the bot does not read is reported
as "unknown" only when the detector over all languages is sure of it.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple, TypeVar

from actions.spelling import fold

T = TypeVar("T")

# At least this many letters and this confidence for a detected language to count.
MIN_LETTERS = 12
MIN_CONFIDENCE = 0.9
# Languages whose demonstrative takes the article before its noun ("αυτό το μουσείο").
_ARTICLES = {"el": frozenset("ο η το οι τα του της των τον την τους τις".split())}
# An unsure model is overruled by this many stop words of one language (and twice another's).
MIN_STOP_VOTE = 4
# A message of at most this many words ("KfI Telefon", a German name) keeps the conversation's language.
MAX_KEPT_WORDS = 2
# A detected language the bot does not read counts only this surely (all-language model).
MIN_UNKNOWN_CONFIDENCE = 0.99
MIN_UNKNOWN_WORDS = 4
UNKNOWN = "unknown"
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# Arabic and Farsi glue "and", "the", "for", "with" to the word: و ال لل ب ل.
_ARABIC_PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب", "ل")
# Inflection endings a word of the knowledge file may carry in a message (Turkish,
# Slavic and Romanian suffixes): a word of 4+ letters matches a message word that
# starts with it and is at most this much longer.
MAX_ENDING = 5
MIN_STEM = 4
DICTIONARY_ENDING = 2


def _latin(text: str) -> bool:
    """Most letters are Latin (German, English, Turkish, Polish, Romanian, Kurmanji)."""
    letters = _LETTER.findall(text)
    return sum(ord(c) < 0x250 for c in letters) * 2 > len(letters)


@lru_cache(maxsize=32)
def stop_words(language: str) -> frozenset:
    """spaCy's stop words of a language, folded; empty where spaCy has none (Kurmanji)."""
    try:
        module = importlib.import_module(f"spacy.lang.{language}.stop_words")
    except ImportError:
        return frozenset()
    return frozenset(_plain(fold(word)) for word in module.STOP_WORDS)


def _plain(word: str) -> str:
    """The word without accents ("çfarë" -> "cfare"): words are compared so, as spaCy's Albanian
    stop words are written without them and people type either way."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _message_words(text: str) -> Set[str]:
    """The folded words of a message without accents, to compare with stop words."""
    return {_plain(word) for word in fold(text).split()}


class LanguageDetector:
    """Detects one of the served languages of a message (py3langid, loaded once).

    A character model alone takes "are you a real person?" for Romanian and
    "landesintegrazionsrat telefonnumer" for English. So a detected language also
    written in Latin letters needs one of its small words (spaCy's stop words: "kim",
    "jest", "si", and the knowledge file's question words of that language: spaCy's
    Portuguese has no "quantos", "destes"); without any, the message keeps the
    conversation's language ("KfI Telefon", "ADB Standorte").
    And where German or English small words outnumber the detected language's, the
    message is German or English.
    """

    def __init__(self, languages: Sequence[str],
                 question_words: Sequence[Tuple[str, Sequence[str]]] = (),
                 small_words: Sequence[Tuple[str, Sequence[str]]] = ()) -> None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        self.languages = tuple(languages)
        # spaCy's stop words of each language and the knowledge file's small words of a language spaCy
        # has none for (Kurmanji "ji", "li"): without them such a language had one small word at most, so
        # a Kurmanji message with German look-alikes ("in", "an", "hin") was taken for German.
        # Joined once here, not for each message and language.
        own = {code: frozenset(_plain(fold(w)) for w in words) for code, words in small_words}
        self._stop: Dict[str, frozenset] = {
            code: stop_words(code) | own.get(code, frozenset()) for code in self.languages}
        # The knowledge file's one-word question words by language ("quantos", "kiedy").
        self._question_words: Dict[str, frozenset] = {}
        for code, words in question_words:
            folded = {_plain(fold(w)) for w in words if len(fold(w).split()) == 1}
            self._question_words[code] = self._question_words.get(code, frozenset()) | folded
        self._served = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
        self._served.set_languages(list(self.languages))
        self._all = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)

    def detect(self, text: str, previous: Optional[str] = None, metadata: Optional[str] = None) -> str:
        """The language of `text`: a served code, UNKNOWN, or (too short) the conversation's."""
        fallback = next((code for code in (previous, metadata) if code in self.languages), self.languages[0])
        if text.startswith("/") or len(_LETTER.findall(text)) < MIN_LETTERS:
            return fallback
        if previous in self.languages and len(text.split()) <= MAX_KEPT_WORDS:
            return fallback  # "Antidiskriminierungsbüro" in a Turkish conversation: still Turkish
        language, confidence = self._served.classify(text)
        if language not in self.languages or confidence < MIN_CONFIDENCE:
            voted = self._by_stop_words(text)
            # Italian or Spanish share stop words with Romanian: a language the bot does not
            # read that the all-language model is sure of is no vote for a served one.
            return voted if voted and not self.unknown(text) else fallback
        words = _message_words(text)
        # A language with no stop words (neither spaCy's nor the knowledge file's) cannot be checked: it
        # counts as said.
        own = len(words & self._small_words(language)) if self._stop_words(language) else 1
        if not own and _latin(text):  # other scripts are not mistaken for German or English
            return fallback
        # A language the bot does not read, that the all-language model is sure of, is that: Italian read as
        # Spanish has English look-alikes ("in", "per", "i"), but is no English.
        if language != self.languages[0] and self.unknown(text):
            return UNKNOWN
        for rival in (self.languages[0], "en"):
            if rival in self.languages and rival != language and len(words & stop_words(rival)) > own:
                return rival
        return str(language)

    def _small_words(self, language: str) -> frozenset:
        """spaCy's stop words of a language and the knowledge file's question words in it."""
        return self._stop_words(language) | self._question_words.get(language, frozenset())

    def _stop_words(self, language: str) -> frozenset:
        """spaCy's stop words of a language, and the knowledge file's small words of it."""
        return self._stop[language] if language in self._stop else stop_words(language)

    def _by_stop_words(self, text: str) -> Optional[str]:
        """When the model is unsure, a served language whose stop words the message is full of
        ("unde pot sa ma plang daca am fost discriminat …", Romanian typed without diacritics,
        which the model takes for German): at least MIN_STOP_VOTE of them, and twice as many
        as any other language's. None otherwise."""
        if not _latin(text):
            return None
        words = _message_words(text)
        votes = sorted(((len(words & self._stop_words(code)), code) for code in self.languages), reverse=True)
        (best, code), (second, _) = votes[0], votes[1] if len(votes) > 1 else (0, "")
        return code if best >= MIN_STOP_VOTE and best >= 2 * second else None

    def classify(self, text: str) -> str:
        """The likeliest served language of a text, however short or unsure."""
        return str(self._served.classify(text)[0])

    def surely(self, text: str, language: str) -> bool:
        """The model is sure a text is in `language`, short as it is ("Mitglieder?" is German,
        though a message that short keeps the conversation's language)."""
        found, confidence = self._served.classify(text)
        return found == language and confidence >= MIN_CONFIDENCE

    def unknown(self, text: str) -> bool:
        """The all-language model is sure the text is in a language the bot does not read."""
        if len(_LETTER.findall(text)) < MIN_LETTERS or len(set(fold(text).split())) < MIN_UNKNOWN_WORDS:
            return False
        language, sure = self._all.classify(text)
        return language not in self.languages and sure >= MIN_UNKNOWN_CONFIDENCE and not self._full_of_served(text)

    def _full_of_served(self, text: str) -> bool:
        """Half the message's words are stop words of the served language it is most like: it is in
        that language, even when the all-language model prefers a relative the bot does not read
        (Russian with "Казахстана" read as Serbian)."""
        language, _ = self._served.classify(text)
        words = _message_words(text)
        own = len(words & self._stop_words(str(language)))
        return own >= MIN_STOP_VOTE and own * 2 >= len(words)


def points_back(words: Sequence[str], pointers: frozenset, language: str) -> bool:
    """A demonstrative of the message's language before a word that is no small word ("bu
    enstitü", "этот совет", "ces bureaux") or last ("Что это?"): it points at what the conversation
    is about. Before a small word it is something else ("esta la oficina" is "está", "ce que" is "what");
    Greek puts the article between ("αυτό το γραφείο"), so there the word after the article counts."""
    small = stop_words(language)
    articles = _ARTICLES.get(language, frozenset())

    def noun_follows(index: int) -> bool:
        after = index + 2 if index + 2 < len(words) and words[index + 1] in articles else index + 1
        return after == len(words) or _plain(words[after]) not in small

    return any(word in pointers and noun_follows(index) for index, word in enumerate(words))


@lru_cache(maxsize=4)
def detector_for(languages: Tuple[str, ...],
                 question_words: Tuple[Tuple[str, Tuple[str, ...]], ...] = (),
                 small_words: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()) -> LanguageDetector:
    """One detector per set of languages (and question and small words) and process (the model
    loads in about 0.2 s)."""
    return LanguageDetector(languages, question_words, small_words)


def _forms(word: str) -> List[str]:
    """The word and, for Arabic script, the word without a glued-on prefix."""
    forms = [word]
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            forms.append(word[len(prefix):])
    return forms


class TranslatedWords:
    """Finds the words of other languages in a message: whole phrases, or one word with
    an inflection ending ("gençlere" for "gençler"), or with an Arabic prefix ("للشباب")."""

    def __init__(self, entries: Iterable[Tuple[str, T]], endings: bool = True) -> None:
        # endings=False: whole words only (German: "gefahren" is no "Gefahr").
        self._endings = endings
        # Phrases by their first word, each with its place in the entries (the order of matches).
        self._phrases: Dict[str, List[Tuple[int, List[str], T]]] = {}
        self._words: Dict[str, List[T]] = {}
        for place, (text, item) in enumerate(entries):
            words = fold(text).split()
            if len(words) > 1:
                self._phrases.setdefault(words[0], []).append((place, words, item))
            elif words:
                # Indexed also without its own ending: "дискриминация" meets "дискриминацией".
                word = words[0]
                for cut in range(0, DICTIONARY_ENDING + 1 if endings else 1):
                    if cut == 0 or len(word) - cut >= MIN_STEM + 1:
                        self._words.setdefault(word[:len(word) - cut], []).append(item)

    def items(self, text: str) -> List[T]:
        return list(dict.fromkeys(item for _, _, item in self.find(text)))  # order kept, each item once

    def find(self, text: str) -> List[Tuple[int, int, T]]:
        """(first word, word after the last, item) of every match: phrases first, then words."""
        words = fold(text).split()
        phrases: List[Tuple[int, int, int, T]] = []
        for start, first in enumerate(words):
            for own in self._owns(first):
                phrases.extend((place, start, start + len(phrase), item)
                               for place, phrase, item in self._phrases.get(own, ())
                               if start + len(phrase) <= len(words)
                               and all(self._same(said, part) for said, part in zip(words[start + 1:], phrase[1:])))
        found: List[Tuple[int, int, T]] = [(start, end, item) for _, start, end, item in sorted(
            phrases, key=lambda match: match[:2])]
        for at, word in enumerate(words):
            for form in _forms(word):
                for key in self._keys(form):
                    found.extend((at, at + 1, item) for item in self._words.get(key, []))
        return found

    def _owns(self, said: str) -> Iterable[str]:
        """The phrase words a word as said can be (see `_same`): itself, or without an ending.
        Phrases are looked up by their first word so, not each tried at every word of the message."""
        yield said
        if self._endings:
            for cut in range(1, MAX_ENDING + 1):
                if len(said) - cut > MIN_STEM:
                    yield said[:-cut]

    def _same(self, said: str, own: str) -> bool:
        """A word of a phrase as said: the same, or (with endings) with an inflection ending
        ("kîjan bajaran" for "kîjan bajar")."""
        return said == own or self._endings and len(own) > MIN_STEM and said.startswith(own) \
            and len(said) - len(own) <= MAX_ENDING

    def _keys(self, form: str) -> Iterable[str]:
        yield form
        if not self._endings:
            return
        for cut in range(1, MAX_ENDING + 1):
            stem = form[:-cut]
            if len(stem) >= MIN_STEM:
                yield stem
