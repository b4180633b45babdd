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
The decision what to answer stays in actions.understanding; this module only reads.
"""

from __future__ import annotations

from typing import Callable, List, Mapping, Optional, Sequence, Tuple

from actions.knowledge import Safety
from actions.languages import TranslatedWords

DANGER = "danger"
SELF_HARM = "self_harm"
# Words a German phrase may have between two of its own words.
MAX_GAP = 1
Lemmas = Callable[[str], List[str]]


class _GermanPhrases:
    """German danger words and phrases, compared as lemma sequences with small gaps."""

    def __init__(self, phrases: Sequence[str], lemmas: Lemmas) -> None:
        self._lemmas = lemmas
        self._phrases = [lemmas(p) for p in phrases if lemmas(p)]

    def items(self, text: str) -> List[bool]:
        words = self._lemmas(text)
        return [True for phrase in self._phrases if _in_order(phrase, words)]


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
        def finder(kind: str) -> Tuple[object, TranslatedWords]:
            """German as lemmas; other languages with their endings."""
            groups: Mapping[str, Tuple[str, ...]] = getattr(safety, kind) if safety else {}
            german = _GermanPhrases(groups.get("de", ()), lemmas)
            other = TranslatedWords((w, True) for code, words in groups.items() if code != "de" for w in words)
            return german, other

        self._danger = finder("danger")
        self._self_harm = finder("self_harm")
        self._weak = finder("weak")
        self._self = finder("self_words")

    @staticmethod
    def _in(finders: Tuple[object, TranslatedWords], text: str) -> bool:
        return any(finder.items(text) for finder in finders)  # type: ignore[attr-defined]

    def read(self, text: str, asks_about_partners: bool) -> Optional[str]:
        """SELF_HARM, DANGER or None. `asks_about_partners`: a partner is named or the
        message asks about the page (who, when, how many, which services …)."""
        if self._in(self._self_harm, text):
            return SELF_HARM
        if self._in(self._danger, text):
            return DANGER
        if self._in(self._weak, text) and self._in(self._self, text) and not asks_about_partners:
            return DANGER
        return None
