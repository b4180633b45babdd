"""Danger first: does a message tell of acute danger, violence or thoughts of suicide?

The words are in the knowledge file (`safety`), per language; all languages are
searched in every message, because people mix ("benim kocam schlägt mich"). Three
kinds of words:
- danger and self_harm words always count ("bedroht mich", "will nicht mehr leben");
- weak words ("Gewalt", "Angst", "Bedrohung") count only when the writer speaks about
  themself and asks nothing about a partner: "Ich habe Angst, er hat Gewalt angedroht"
  is danger; "Was macht das ADB gegen rassistische Gewalt?" is a question.
German words are compared as lemmas (actions.wording), so "umbringt" meets
"umbringen"; a German phrase may have one extra word between its words, so "mir das
Leben zu nehmen" meets "mir das Leben nehmen" and "bringt uns um" meets "bringt um".
Other languages are compared with their endings (actions.languages.TranslatedWords).
The decision what to answer stays in actions.understanding and actions.deciding; this
module only reads.
"""

from __future__ import annotations

import re
from typing import Callable, List, Mapping, Optional, Sequence, Tuple

from actions.knowledge import Safety
from actions.languages import TranslatedWords

DANGER = "danger"
SELF_HARM = "self_harm"
# Words a German phrase may have between two of its own words.
MAX_GAP = 1
Lemmas = Callable[[str], List[str]]
# A participle used as an attribute after a definite article ("für die verfolgten Sinti und Roma",
# "die bedrohten Menschen") tells of others, not of the writer: a weak word in it counts for nothing.
# Not after "ein"/"eine" nor after "bin"/"sind": "Ich bin eine bedrohte Frau" tells of the writer.
_ATTRIBUTIVE_PARTICIPLE = re.compile(
    r"(?<!\bbin )(?<!\bsind )(?<!\bist )\b((?:der|die|das|den|dem|des|diese[mnrs]?)\s+)(?:ge)?[a-zäöüß]+(?:t|en)"
    r"(?:e|en|er|es|em)\b(?=\s+[^\W\d_])", re.IGNORECASE)


class _GermanPhrases:
    """German danger words and phrases, compared as lemma sequences with small gaps."""

    def __init__(self, phrases: Sequence[str], lemmas: Lemmas) -> None:
        self._phrases = [lemmatized for lemmatized in map(lemmas, phrases) if lemmatized]

    def found(self, lemmas_of_text: Sequence[str]) -> bool:
        return any(_in_order(phrase, lemmas_of_text) for phrase in self._phrases)


class _Words:
    """One kind of danger words: the German ones as lemmas, the other languages with endings."""

    def __init__(self, by_language: Mapping[str, Tuple[str, ...]], lemmas: Lemmas) -> None:
        self._german = _GermanPhrases(by_language.get("de", ()), lemmas)
        self._other = TranslatedWords((w, True) for code, words in by_language.items() if code != "de" for w in words)

    def found(self, text: str, lemmas_of_text: Sequence[str]) -> bool:
        return self._german.found(lemmas_of_text) or bool(self._other.items(text))


def _in_order(phrase: Sequence[str], words: Sequence[str]) -> bool:
    """`phrase` occurs in `words` in order, with at most MAX_GAP other words between two of its words."""
    for start, word in enumerate(words):
        if word != phrase[0]:
            continue
        position = start
        for part in phrase[1:]:
            window = words[position + 1: position + 2 + MAX_GAP]
            if part not in window:
                break
            position += 1 + window.index(part)
        else:
            return True
    return False


class DangerReader:
    """Finds the danger words of every language in a message."""

    def __init__(self, safety: Optional[Safety], lemmas: Lemmas) -> None:
        self._lemmas = lemmas

        def words(kind: str) -> _Words:
            return _Words(getattr(safety, kind) if safety else {}, lemmas)

        self._danger = words("danger")
        self._self_harm = words("self_harm")
        self._weak = words("weak")
        self._self = words("self_words")

    def read(self, text: str, asks_about_partners: bool) -> Optional[str]:
        """SELF_HARM, DANGER or None. `asks_about_partners`: a partner is named or the
        message asks about the page (who, when, how many, which services …)."""
        lemmas = self._lemmas(text)  # once per message, for every kind of word
        if self._self_harm.found(text, lemmas):
            return SELF_HARM
        if self._danger.found(text, lemmas):
            return DANGER
        if asks_about_partners or not self._self.found(text, lemmas):
            return None
        told = _ATTRIBUTIVE_PARTICIPLE.sub(r"\1", text)
        if self._weak.found(told, self._lemmas(told) if told != text else lemmas):
            return DANGER
        return None
