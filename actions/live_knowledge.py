"""The knowledge file as the action server sees it: reloaded when a trainer saves it.

A changed phone number, address or description must be live without retraining
the Rasa model (the NLU only needs retraining for new names). Before each answer the
action server compares the file's modification time and size with the loaded
version and reloads when they differ. A broken edit does not take the bot down and
loses nothing: the error (file, entry, field) goes to the log, and the last good
version keeps answering until the file is fixed.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Optional

from actions.directory import PartnerDirectory
from actions.knowledge import KnowledgeError, Stamp, file_stamp, knowledge_file_path, load_knowledge

logger = logging.getLogger(__name__)


class LiveKnowledge:
    """Holds the current PartnerDirectory of one knowledge file."""

    def __init__(self, path: Optional[Path] = None) -> None:
        """Load the file now; raises KnowledgeError when it is broken (the server must not start)."""
        self.path = Path(path) if path else knowledge_file_path()
        self._lock = threading.Lock()
        self._stamp = file_stamp(self.path)
        self._directory = PartnerDirectory(load_knowledge(self.path))
        self._failed_stamp: Optional[Stamp] = None

    def current(self) -> PartnerDirectory:
        """The directory of the file as it is now, or the last good one if the file is broken."""
        stamp = file_stamp(self.path)
        if stamp == self._stamp or stamp == self._failed_stamp:
            return self._directory
        with self._lock:
            if stamp not in (self._stamp, self._failed_stamp):
                self._reload(stamp)
        return self._directory

    def _reload(self, stamp: Optional[Stamp]) -> None:
        try:
            directory = PartnerDirectory(load_knowledge(self.path))
        except KnowledgeError as error:
            self._failed_stamp = stamp
            logger.error(
                "Die geänderte Wissensdatei ist fehlerhaft; der Bot antwortet weiter mit dem "
                "letzten fehlerfreien Stand.\n%s", error,
            )
            return
        self._directory, self._stamp, self._failed_stamp = directory, stamp, None
        logger.info("Wissensdatei neu geladen: %s (%d Einträge)", self.path, len(directory.partners))
