"""The socket.io channel (rasa-webchat) without silent failures on bad input.

Stock Rasa 3.6 (`rasa.core.channels.socketio.SocketIOInput`) answers nothing when
a `user_uttered` payload is not an object, its `message` is not a string or its
`customData` is a broken JSON string (the handler raises inside python-socketio);
with `session_persistence` it also ignores every message without `session_id`.
None of these crash the server, but each leaves the user in silence.

`SafeSocketIOInput` keeps Rasa's blueprint, events, rooms and output (and so
everything rasa-webchat relies on: user_uttered / bot_uttered, session_request /
session_confirm, the `customData` metadata) and replaces only the two handlers that
read client data:

- `session_request` accepts any payload; an unusable `session_id` gets a fresh one;
- `user_uttered` answers a payload it cannot read with `replies.UNREADABLE`, uses
  the socket's own id when a message has no valid `session_id` (the socket always
  receives what is sent to its id), drops unusable metadata, and hands the text to
  `channels.guard.answer` (cleaning, cutting, blank reply, fault reply).
"""

from __future__ import annotations

import inspect
import uuid
from typing import Any, Dict, Optional

from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint
from socketio import AsyncServer

from channels import replies
from channels.guard import OnNewMessage, WatchedOutput, answer
from channels.limits import BadInput, clean_metadata, conversation_id


class WatchedSocketIOOutput(WatchedOutput, SocketIOOutput):
    """Rasa's socket.io output (bot_uttered to the conversation's room), watched."""


def valid_id(value: Any) -> Optional[str]:
    """A usable session id, or None (socket.io has no status code to refuse one with)."""
    try:
        return conversation_id(value)
    except BadInput:
        return None


async def enter_room(sio: AsyncServer, sid: str, room: str, namespace: Optional[str]) -> None:
    """Put socket `sid` into `room`, whichever python-socketio is installed.

    Up to 5.9 `enter_room` is a plain function; from 5.10 on it is a coroutine,
    which Rasa 3.6 never awaits (RasaHQ/rasa#13027), so clients got no replies.
    """
    entered = sio.enter_room(sid, room, namespace=namespace)
    if inspect.isawaitable(entered):
        await entered


class SafeSocketIOInput(SocketIOInput):
    """Rasa's socket.io channel whose handlers never fail on client data."""

    @classmethod
    def name(cls) -> str:
        """"socketio": the name Rasa and the widget's setup know this channel by."""
        return "socketio"

    async def conversation_of(self, sio: AsyncServer, sid: str, data: Dict[str, Any]) -> str:
        """The sender id of a message from socket `sid`: its session or, lacking one, the socket.

        A session the socket has not joined (no session_request after a reconnect) is
        joined now, because replies are sent to the session's room.
        """
        session_id = valid_id(data.get("session_id")) if self.session_persistence else None
        if session_id is None:
            return sid
        if session_id not in sio.rooms(sid, namespace=self.namespace):
            await enter_room(sio, sid, session_id, self.namespace)
        return session_id

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """Rasa's blueprint, with the handlers for session_request and user messages replaced."""
        blueprint = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None  # set by SocketIOInput.blueprint

        async def session_request(sid: str, data: Any = None, *_: Any) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            session_id = valid_id(requested) or uuid.uuid4().hex
            if self.session_persistence:
                await enter_room(sio, sid, session_id, self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        async def handle_message(sid: str, data: Any = None, *_: Any) -> None:
            output = WatchedSocketIOOutput(sio, self.bot_message_evt)
            if not isinstance(data, dict):
                await output.send_text_message(sid, replies.UNREADABLE)
                return
            sender_id = await self.conversation_of(sio, sid, data)
            text = data.get("message")
            if not isinstance(text, str):
                await output.send_text_message(sender_id, replies.UNREADABLE)
                return
            metadata = clean_metadata(data.get(self.metadata_key))
            await answer(on_new_message, text, output, sender_id, self.name(), metadata)

        # python-socketio keeps one handler per event: these replace Rasa's.
        sio.on("session_request", session_request, namespace=self.namespace)
        sio.on(self.user_message_evt, handle_message, namespace=self.namespace)
        return blueprint
