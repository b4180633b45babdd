"""Hand a user's text to Rasa so that the user always gets a reply.

Why this is needed: when a custom action fails (action server down, timeout, HTTP
500), Rasa 3.6's `RemoteAction.run` raises a RasaException, which
`MessageProcessor._run_action` logs and swallows ("Bot will continue, but the
actions events are lost"); the prediction loop then listens again. No bot message is
sent and the user waits in silence. Every user message in this bot normally gets
at least one reply, so "Rasa sent nothing" is the one symptom that covers all such
faults (action server down or failing, a tracker store that cannot be read, an
exception in NLU, no model loaded), and the channels answer it with `replies.FAULT`.

Rasa sends every bot message through `OutputChannel.send_response` (processor
`_send_bot_messages`), so `WatchedOutput` notes it there. The channel's own texts
(blank message, cut message, fault) go through `send_text_message` directly and
therefore do not count as an answer.
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage
from rasa.core.channels.rest import QueueOutputChannel

from channels import replies
from channels.limits import MAX_MESSAGE_CHARS, clean_text

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


class WatchedOutput:
    """Mixin for an OutputChannel that remembers whether Rasa sent a bot message."""

    answered: bool = False

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        self.answered = True
        await super().send_response(recipient_id, message)  # type: ignore[misc]


class WatchedCollectingOutput(WatchedOutput, CollectingOutputChannel):
    """Rasa's CollectingOutputChannel (REST replies as one JSON list), watched."""


class WatchedQueueOutput(WatchedOutput, QueueOutputChannel):
    """Rasa's QueueOutputChannel (REST with ?stream=true), watched."""


async def answer(
    on_new_message: OnNewMessage,
    text: str,
    output: OutputChannel,
    sender_id: str,
    input_channel: str,
    metadata: Optional[Dict[str, Any]],
) -> None:
    """Clean `text`, let Rasa handle it, and make sure `sender_id` hears something.

    A blank text gets `replies.BLANK` without running NLU: NLU on nothing picks an
    arbitrary intent (stock Rasa answered "" with "Meinten Sie …?" and buttons),
    while the honest reply is to ask for the question. A cut text is announced first
    (`replies.TRUNCATED`), so the user knows why the answer may miss their point.
    """
    if not isinstance(output, WatchedOutput):
        raise TypeError(f"{type(output).__name__} is not a WatchedOutput")
    cleaned = clean_text(text)
    if not cleaned.text:
        await output.send_text_message(sender_id, replies.BLANK)
        return
    if cleaned.truncated:
        logger.info("Message of %s cut from %d characters to %d", sender_id, len(text), len(cleaned.text))
        await output.send_text_message(sender_id, replies.TRUNCATED.format(limit=MAX_MESSAGE_CHARS))
    message = UserMessage(cleaned.text, output, sender_id, input_channel=input_channel, metadata=metadata)
    try:
        await on_new_message(message)
    except Exception:  # CancelledError is not an Exception: a cancelled request has no one to answer
        logger.exception("Rasa failed on a message of %s", sender_id)
    if not output.answered:
        logger.error("No bot message for %s (action server down?); sent the fault message", sender_id)
        await output.send_text_message(sender_id, replies.FAULT)
