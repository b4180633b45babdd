"""Danger first: does a message tell of acute danger, violence or thoughts of suicide?

The words are in the knowledge file (`safety`), per language; all languages are
searched in every message, because people mix ("benim kocam schlägt mich"). Three
kinds of words:
- danger and self_harm words always count ("bedroht mich", "will nicht mehr leben");
- weak words ("Gewalt", "Angst", "Bedrohung") count only when the writer speaks about
  themself and asks nothing about a partner: "Ich habe Angst, er hat Gewalt angedroht"
  is danger; "Was macht das ADB gegen rassistische Gewalt?" is a question.
The decision what to answer stays in actions.understanding; this module only reads.
"""

from __future__ import annotations

from typing import Mapping, Optional, Tuple

from actions.knowledge import Safety
from actions.languages import TranslatedWords

DANGER = "danger"
SELF_HARM = "self_harm"


class DangerReader:
    """Finds the danger words of every language in a message."""

    def __init__(self, safety: Optional[Safety]) -> None:
        def finder(kind: str) -> Tuple[TranslatedWords, TranslatedWords]:
            """German words whole ("gefahren" is no "Gefahr"); other languages with endings."""
            groups: Mapping[str, Tuple[str, ...]] = getattr(safety, kind) if safety else {}
            german = TranslatedWords(((w, True) for w in groups.get("de", ())), endings=False)
            other = TranslatedWords((w, True) for code, words in groups.items() if code != "de" for w in words)
            return german, other

        self._danger = finder("danger")
        self._self_harm = finder("self_harm")
        self._weak = finder("weak")
        self._self = finder("self_words")

    @staticmethod
    def _in(finders: Tuple[TranslatedWords, TranslatedWords], text: str) -> bool:
        return any(finder.items(text) for finder in finders)

    def read(self, text: str, asks_about_partners: bool) -> Optional[str]:
        """SELF_HARM, DANGER or None. `asks_about_partners`: a partner is named or the
        message asks a question about the page (who, when, how many …)."""
        if self._in(self._self_harm, text):
            return SELF_HARM
        if self._in(self._danger, text):
            return DANGER
        if self._in(self._weak, text) and self._in(self._self, text) and not asks_about_partners:
            return DANGER
        return None
