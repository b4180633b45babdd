"""The bot's answer frames, read from knowledge/replies.yml (texts are data, not code).

Facts are never in this file: a frame only joins the values the knowledge file gives
("{name}:\\n„{quote}“"). Every frame has a German text; other languages are optional
per frame, and a frame missing in a language is said in German (a content test lists
what is missing). A missing frame or placeholder is a KnowledgeError naming the file
and the entry, like every other content error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

import yaml

from actions.knowledge import PROJECT_ROOT, KnowledgeError

REPLIES_FILE = PROJECT_ROOT / "knowledge" / "replies.yml"
LANGUAGE = "de"


class Replies:
    """Named frames by language; `text(frame, language, **values)` fills one."""

    def __init__(self, path: Path = REPLIES_FILE, language: str = LANGUAGE) -> None:
        self.path = path
        self.language = language
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as error:
            raise KnowledgeError(f"{path}: kann nicht gelesen werden ({error})") from None
        self.frames: Dict[str, Dict[str, str]] = {}
        for name, languages in data.items():
            if not isinstance(languages, dict) or not isinstance(languages.get(language), str):
                raise KnowledgeError(f"{path}: '{name}': Text für Sprache '{language}' fehlt")
            for code, text in languages.items():
                if not isinstance(text, str) or not text.strip():
                    raise KnowledgeError(f"{path}: '{name}': Text für Sprache '{code}' ist leer")
            self.frames[name] = {str(code): text.strip() for code, text in languages.items()}

    def text(self, frame: str, language: str = LANGUAGE, **values: str) -> str:
        """The frame in `language` (German if it has no text in that language), filled in."""
        try:
            texts = self.frames[frame]
            return texts.get(language, texts[self.language]).format(**values)
        except KeyError as error:
            raise KnowledgeError(f"{self.path}: '{frame}': Text oder Platzhalter {error} fehlt") from None

    def missing(self, languages: List[str]) -> List[str]:
        """"frame: language" for every frame without a text in one of `languages`."""
        return [f"{name}: {code}" for name, texts in self.frames.items() for code in languages if code not in texts]
