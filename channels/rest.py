"""The REST channel (POST /webhooks/rest/webhook) without 5xx answers to bad input.

Stock Rasa 3.6 (`rasa.core.channels.rest.RestInput`) reads the body with
`request.json.get(...)`: a JSON array, string, number, null or an empty body ends in
an AttributeError and a 500; invalid JSON gets Sanic's English 400; a `message` that
is not a string, or a `metadata` that is not an object, is accepted with 200 and an
empty reply list. A missing, null or empty `sender` puts every such client into one
shared conversation called "default".

`SafeRestInput` keeps the URL (Rasa mounts a channel at /webhooks/<name()>), the
request and reply format and `?stream=true`, and changes only this:

- a body that is not a JSON object, a missing or non-string `message`, or an
  unusable `sender` gets a 400 (413 for bodies over 1 MB) with a German
  `message`: {"status": 400, "error": "<reason>", "message": "<German text>"};
- a missing, null or blank `sender` starts a conversation of its own (the reply's
  `recipient_id` names it, so a client can continue it); numbers are accepted as ids;
- `metadata` that is not an object is dropped instead of failing the message;
- the text is cleaned and cut, and the user always gets a reply (channels.guard).
"""

from __future__ import annotations

import uuid
from asyncio import Queue
from dataclasses import dataclass
from typing import Any, Dict, Union

import rasa.utils.endpoints
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse, ResponseStream

from channels.guard import OnNewMessage, WatchedCollectingOutput, WatchedQueueOutput, answer
from channels.limits import BadInput, clean_metadata, conversation_id, json_object, message_text


@dataclass(frozen=True)
class RestRequest:
    """The checked fields of one POST to the webhook."""

    text: str
    sender_id: str
    input_channel: str
    metadata: Dict[str, Any]


def new_sender_id() -> str:
    """An id for a client that sent none: its own conversation, never a shared one."""
    return f"anonym-{uuid.uuid4().hex}"


class SafeRestInput(RestInput):
    """Rasa's REST channel, answering bad input with 400 + German text instead of 500."""

    @classmethod
    def name(cls) -> str:
        """"rest": Rasa derives the URL /webhooks/rest/webhook from it."""
        return "rest"

    def read_request(self, body: bytes) -> RestRequest:
        """Check the body; BadInput says in German what is wrong with it."""
        fields = json_object(body)
        channel = fields.get("input_channel")
        return RestRequest(
            text=message_text(fields.get("message")),
            sender_id=conversation_id(fields.get("sender")) or new_sender_id(),
            input_channel=channel if isinstance(channel, str) and channel.strip() else self.name(),
            metadata=clean_metadata(fields.get("metadata")),
        )

    @staticmethod
    async def on_message_wrapper(  # type: ignore[override]
        on_new_message: OnNewMessage,
        text: str,
        queue: Queue,
        sender_id: str,
        input_channel: str,
        metadata: Dict[str, Any],
    ) -> None:
        """Rasa's stream mode (?stream=true) calls this; it answers through `answer` too."""
        await answer(on_new_message, text, WatchedQueueOutput(queue), sender_id, input_channel, metadata)
        await queue.put("DONE")

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """The routes of Rasa's RestInput: GET / (health) and POST /webhook."""
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> Union[HTTPResponse, ResponseStream]:
            try:
                checked = self.read_request(request.body or b"")
            except BadInput as error:
                status = 413 if error.reason == "body_too_large" else 400
                return response.json(
                    {"status": status, "error": error.reason, "message": error.german}, status=status
                )
            if rasa.utils.endpoints.bool_arg(request, "stream", default=False):
                return response.stream(
                    self.stream_response(
                        on_new_message, checked.text, checked.sender_id, checked.input_channel, checked.metadata
                    ),
                    content_type="text/event-stream",
                )
            output = WatchedCollectingOutput()
            await answer(on_new_message, checked.text, output, checked.sender_id, checked.input_channel,
                         checked.metadata)
            return response.json(output.messages)

        return webhook
