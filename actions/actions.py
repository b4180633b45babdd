"""The Rasa custom action of the NRW Integrationslotse: understand once, route once.

Every question-like intent runs `action_answer` (data/rules). The intent is Rasa's
coarse guess; the fine reading (subject, what is asked, the fact that answers it)
happens once in actions.understanding, and actions.router gives the one answer.

The knowledge file is loaded when the action server imports this module, and
reloaded when a trainer saves a change (actions/live_knowledge.py), so changed facts
are live without retraining. A broken file at start stops the action server with
exit code 1 and a message naming the file, the entry and the field: serving wrong or
partial facts is worse than not starting.

The action server's numeric libraries run one BLAS thread (`single_blas_thread`, called
after the imports below have loaded them).
"""

from __future__ import annotations

import logging
import sys
import threading
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from threadpoolctl import threadpool_limits

from actions.answers import feedback_buttons
from actions.directory import PartnerDirectory
from actions.fact_index import FactIndex
from actions.knowledge import KnowledgeError
from actions.live_knowledge import LiveKnowledge
from actions.memory import Memory
from actions.replies import Replies
from actions.router import Router
from actions.question import FEEDBACK_INTENTS, Asked
from actions.understanding import Understanding
from actions.wording import Wording

logger = logging.getLogger(__name__)
Events = List[Dict[Text, Any]]


def single_blas_thread() -> None:
    """Limit every BLAS library loaded so far (numpy's and scipy's OpenBLAS) to one thread.

    Why: the action's numeric work is a few tiny vector products per message (language
    detection, the fact search's scores). With OpenBLAS's default of one thread per core,
    its helper threads spin on the other core after each product: measured 2026-11-27,
    the action server used 26 ms of CPU per answered message, 2.4 ms with one thread
    (same answers, same answer time). That CPU is taken from the Rasa servers on the
    same machine, under load and in the cluster. threadpoolctl sets the limit at run
    time, so it holds however the action server is started; the libraries are loaded
    by this module's imports, which is why it runs here.
    """
    threadpool_limits(limits=1, user_api="blas")


single_blas_thread()


def _load() -> Tuple[LiveKnowledge, Replies]:
    """Load the knowledge and reply files or stop the process with a message a trainer can act on."""
    try:
        return LiveKnowledge(), Replies()
    except KnowledgeError as error:
        message = f"Die Wissensdatei ist fehlerhaft, der Action-Server startet nicht.\n{error}"
        logger.error(message)
        print(message, file=sys.stderr)
        raise SystemExit(1) from None


KNOWLEDGE, REPLIES = _load()
# The lemmatizer tables load once per process (about 1.5 s); the index is rebuilt per file version.
WORDING = Wording()


class _UnderstandingCache:
    """The Understanding of the knowledge file's current version (index built once per version)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._for: Optional[PartnerDirectory] = None
        self._understanding: Optional[Understanding] = None

    def get(self, directory: PartnerDirectory) -> Understanding:
        with self._lock:
            if self._for is not directory or self._understanding is None:
                self._understanding = Understanding(directory, WORDING, FactIndex(directory.knowledge, WORDING))
                self._for = directory
            return self._understanding


UNDERSTANDING = _UnderstandingCache()


def ask_for_feedback(dispatcher: CollectingDispatcher, replies: Replies) -> None:
    """Put the 👍/👎 buttons (titles from `replies`) under the last answer, unless it already offers a choice."""
    if dispatcher.messages and dispatcher.messages[-1].get("text") and not dispatcher.messages[-1].get("buttons"):
        dispatcher.messages[-1]["buttons"] = feedback_buttons(replies)


class ActionAnswer(Action):
    """Understand the latest message with the conversation, answer it, remember the subject."""

    knowledge: LiveKnowledge = KNOWLEDGE

    def name(self) -> Text:
        return "action_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> Events:
        # One snapshot of the knowledge file per answer: the question and the answer read
        # the same version.
        directory = self.knowledge.current()
        memory = Memory.from_tracker(tracker)
        question = UNDERSTANDING.get(directory).read(tracker, memory)
        logger.debug("understood %r as %s about %s", question.text, question.asked.value,
                     [p.id for p in question.partners])
        events = Router(directory, REPLIES, dispatcher, memory).answer(question)
        if question.intent not in FEEDBACK_INTENTS or question.asked != Asked.SMALL_TALK:
            ask_for_feedback(dispatcher, REPLIES)  # not under the reply to feedback itself
        return events + memory.language_events(question.language, directory.knowledge.languages)
