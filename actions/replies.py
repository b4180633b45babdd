"""The bot's answer frames, read from knowledge/replies.yml (texts are data, not code).

Facts are never in this file: a frame only joins the values the knowledge file gives
("{name}:\n„{quote}“"). A missing frame or placeholder is a KnowledgeError naming the
file and the entry, like every other content error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict

import yaml

from actions.knowledge import PROJECT_ROOT, KnowledgeError

REPLIES_FILE = PROJECT_ROOT / "knowledge" / "replies.yml"
LANGUAGE = "de"


class Replies:
    """Named frames in one language; `text(frame, **values)` fills one."""

    def __init__(self, path: Path = REPLIES_FILE, language: str = LANGUAGE) -> None:
        self.path = path
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as error:
            raise KnowledgeError(f"{path}: kann nicht gelesen werden ({error})") from None
        self.frames: Dict[str, str] = {}
        for name, languages in data.items():
            if not isinstance(languages, dict) or not isinstance(languages.get(language), str):
                raise KnowledgeError(f"{path}: '{name}': Text für Sprache '{language}' fehlt")
            self.frames[name] = languages[language].strip()

    def text(self, frame: str, **values: str) -> str:
        try:
            return self.frames[frame].format(**values)
        except KeyError as error:
            raise KnowledgeError(f"{self.path}: '{frame}': Text oder Platzhalter {error} fehlt") from None
