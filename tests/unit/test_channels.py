"""The hardened REST and socket.io channels (channels/) without servers.

REST is driven through Sanic's ASGI interface with the channel registered the way
`rasa run` registers it (so the URL /webhooks/rest/webhook is checked too) and a
fake agent instead of the model. socket.io handlers are called directly, with the
AsyncServer's emit and rooms replaced by recorders.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest
import yaml
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage, register
from rasa.shared.utils.common import class_from_module_path
from sanic import Sanic

from actions.knowledge import PROJECT_ROOT
from channels import replies
from channels.guard import WatchedCollectingOutput, answer
from channels.limits import (
    MAX_BODY_BYTES,
    MAX_ID_CHARS,
    MAX_MESSAGE_CHARS,
    BadInput,
    clean_metadata,
    clean_text,
    conversation_id,
    json_object,
    message_text,
)
from channels.socketio import SafeSocketIOInput

CREDENTIALS = yaml.safe_load((PROJECT_ROOT / "credentials.yml").read_text(encoding="utf-8"))
SOCKETIO_KEY = "channels.socketio.SafeSocketIOInput"
LONG_TEXT = "Wer berät junge Migranten in Köln und Umgebung? " * 5000  # about 240 kB
TRUNCATED = replies.TRUNCATED.format(limit=MAX_MESSAGE_CHARS)


# --- cleaning and limits --------------------------------------------------------------


def test_clean_text_removes_control_characters_and_lone_surrogates() -> None:
    cleaned = clean_text("Hallo\x00\x01\x1b Welt\x7f\u0085 \ud800 wer\thilft?\n")
    assert cleaned.text == "Hallo Welt wer hilft?" and not cleaned.truncated


def test_clean_text_keeps_emoji_html_and_composes_umlauts() -> None:
    assert clean_text("👋🏽 <b>Bu\u0308ro</b> ' OR 1=1").text == "👋🏽 <b>Büro</b> ' OR 1=1"


def test_clean_text_cuts_long_text_on_a_word_boundary() -> None:
    cleaned = clean_text(LONG_TEXT)
    words = set(LONG_TEXT.split())
    assert cleaned.truncated and MAX_MESSAGE_CHARS - 50 < len(cleaned.text) <= MAX_MESSAGE_CHARS
    assert " ".join(LONG_TEXT.split()).startswith(cleaned.text)
    assert all(word in words for word in cleaned.text.split())


def test_clean_text_keeps_text_of_exactly_the_limit_and_cuts_one_giant_word() -> None:
    exact = "a" * (MAX_MESSAGE_CHARS - 5) + " bbbb"
    assert clean_text(exact).text == exact and not clean_text(exact).truncated
    giant = clean_text("x" * 5000)
    assert giant.truncated and giant.text == "x" * MAX_MESSAGE_CHARS
    between_words = clean_text("a" * MAX_MESSAGE_CHARS + " rest")
    assert between_words.text == "a" * MAX_MESSAGE_CHARS


@pytest.mark.parametrize("value", [None, "", "   "])
def test_missing_or_blank_sender_means_none(value: Any) -> None:
    assert conversation_id(value) is None


@pytest.mark.parametrize("value", ["anna", "ünïcødé-👋-用户", "../../etc/passwd", "a/b", "x" * MAX_ID_CHARS])
def test_odd_but_harmless_sender_ids_are_kept(value: str) -> None:
    assert conversation_id(value) == value


def test_numeric_sender_becomes_text() -> None:
    assert conversation_id(42) == "42"


@pytest.mark.parametrize(
    "value, reason",
    [(True, "sender_not_text"), ({"id": 1}, "sender_not_text"), ([1], "sender_not_text"), (1.5, "sender_not_text"),
     ("x" * (MAX_ID_CHARS + 1), "sender_too_long"), (10**200, "sender_too_long"),
     ("a\x00b", "sender_control_characters"), ("a\nb", "sender_control_characters")],
)
def test_unusable_sender_is_refused_in_german(value: Any, reason: str) -> None:
    with pytest.raises(BadInput) as error:
        conversation_id(value)
    assert error.value.reason == reason and "„sender“" in error.value.german


@pytest.mark.parametrize("value, reason", [(None, "message_missing"), (42, "message_not_text"),
                                           ({"text": "Hallo"}, "message_not_text"), (["Hallo"], "message_not_text"),
                                           (True, "message_not_text")])
def test_message_must_be_text(value: Any, reason: str) -> None:
    with pytest.raises(BadInput) as error:
        message_text(value)
    assert error.value.reason == reason and "„message“" in error.value.german
    assert message_text("") == ""


@pytest.mark.parametrize("value, expected", [({"a": 1}, {"a": 1}), ('{"a": 1}', {"a": 1}), ("{kaputt", {}),
                                             ("[1]", {}), ([1, 2], {}), (5, {}), (None, {})])
def test_metadata_is_a_dict_or_dropped(value: Any, expected: Dict[str, Any]) -> None:
    assert clean_metadata(value) == expected


@pytest.mark.parametrize(
    "body, reason",
    [
        pytest.param(b"", "invalid_json", id="empty body"),
        pytest.param(b'{"sender": "x", "message": ', "invalid_json", id="cut JSON"),
        pytest.param(b'{"message": "Hallo \xff\xfe"}', "invalid_json", id="invalid UTF-8"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, "invalid_json", id="nested 100000 deep"),
        pytest.param(b'{"sender": ' + b"9" * 5000 + b"}", "invalid_json", id="5000-digit number"),
        pytest.param(b"[]", "not_an_object", id="empty array"),
        pytest.param(b'[{"message": "Hallo"}]', "not_an_object", id="array"),
        pytest.param(b'"Hallo"', "not_an_object", id="string"),
        pytest.param(b"42", "not_an_object", id="number"),
        pytest.param(b"null", "not_an_object", id="null"),
        pytest.param(b"x" * (MAX_BODY_BYTES + 1), "body_too_large", id="body over 1 MB"),
    ],
)
def test_body_must_be_a_json_object(body: bytes, reason: str) -> None:
    with pytest.raises(BadInput) as error:
        json_object(body)
    assert error.value.reason == reason


# --- answer(): blank, cut, fault -------------------------------------------------------


class FakeRasa:
    """Stands in for Rasa's on_new_message: replies, stays silent or fails."""

    def __init__(self, behaviour: str = "reply") -> None:
        self.behaviour = behaviour
        self.received: List[UserMessage] = []

    async def __call__(self, message: UserMessage) -> None:
        self.received.append(message)
        if self.behaviour == "fail":
            raise RuntimeError("action server exploded")
        if self.behaviour == "reply":
            await message.output_channel.send_response(message.sender_id, {"text": f"Antwort auf: {message.text}"})


def _answer(rasa: FakeRasa, text: str) -> List[str]:
    output = WatchedCollectingOutput()
    asyncio.run(answer(rasa, text, output, "anna", "rest", {}))
    return [m["text"] for m in output.messages]


def test_a_reply_from_rasa_is_passed_on_without_fault_message() -> None:
    rasa = FakeRasa("reply")
    assert _answer(rasa, "  Wer berät\tjunge Migranten?  ") == ["Antwort auf: Wer berät junge Migranten?"]
    assert rasa.received[0].sender_id == "anna" and rasa.received[0].input_channel == "rest"


@pytest.mark.parametrize("behaviour", ["silent", "fail"])
def test_no_reply_from_rasa_gives_the_german_fault_message(behaviour: str) -> None:
    rasa = FakeRasa(behaviour)
    assert _answer(rasa, "Wer berät junge Migranten?") == [replies.FAULT]
    assert len(rasa.received) == 1


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "\x00\x01"])
def test_blank_text_is_asked_about_without_running_nlu(text: str) -> None:
    rasa = FakeRasa("reply")
    assert _answer(rasa, text) == [replies.BLANK]
    assert rasa.received == []


def test_long_text_is_cut_before_rasa_sees_it_and_the_user_is_told() -> None:
    rasa = FakeRasa("reply")
    texts = _answer(rasa, LONG_TEXT)
    assert texts[0] == TRUNCATED and texts[1].startswith("Antwort auf: Wer berät junge Migranten")
    assert len(rasa.received[0].text) <= MAX_MESSAGE_CHARS


def test_answer_refuses_an_output_it_cannot_watch() -> None:
    with pytest.raises(TypeError):
        asyncio.run(answer(FakeRasa(), "Hallo", CollectingOutputChannel(), "anna", "rest", {}))


# --- REST channel over ASGI ------------------------------------------------------------


class FakeAgent:
    """app.ctx.agent as Rasa's channel handler calls it; sender "stumm" gets no reply."""

    def __init__(self) -> None:
        self.received: List[UserMessage] = []

    async def handle_message(self, message: UserMessage) -> None:
        self.received.append(message)
        if message.sender_id != "stumm":
            await message.output_channel.send_response(message.sender_id, {"text": f"Antwort auf: {message.text}"})


class AsgiClient:
    """Sends HTTP requests to a Sanic app through ASGI, on one event loop."""

    def __init__(self, app: Sanic) -> None:
        self.app = app
        self.loop = asyncio.new_event_loop()
        self.loop.run_until_complete(self._start())

    async def _start(self) -> None:
        started = asyncio.Event()
        messages = [{"type": "lifespan.startup"}]

        async def receive() -> Dict[str, Any]:
            if messages:
                return messages.pop()
            await asyncio.Event().wait()  # the lifespan task waits here until the loop closes
            return {}

        async def send(message: Dict[str, Any]) -> None:
            if message["type"] == "lifespan.startup.complete":
                started.set()

        self.lifespan = asyncio.ensure_future(self.app({"type": "lifespan", "asgi": {"version": "3.0"}}, receive, send))
        await asyncio.wait_for(started.wait(), 10)

    def post(self, path: str, body: bytes, query: str = "") -> Tuple[int, bytes]:
        return self.loop.run_until_complete(self._request("POST", path, body, query))

    def get(self, path: str) -> Tuple[int, bytes]:
        return self.loop.run_until_complete(self._request("GET", path, b"", ""))

    async def _request(self, method: str, path: str, body: bytes, query: str) -> Tuple[int, bytes]:
        events = [{"type": "http.request", "body": body, "more_body": False}]
        result: Dict[str, Any] = {"body": b""}

        async def receive() -> Dict[str, Any]:
            return events.pop() if events else {"type": "http.disconnect"}

        async def send(message: Dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                result["status"] = message["status"]
            elif message["type"] == "http.response.body":
                result["body"] += message.get("body", b"")

        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
            "path": path, "raw_path": path.encode(), "query_string": query.encode(), "root_path": "",
            "headers": [(b"host", b"test"), (b"content-type", b"application/json")],
            "server": ("test", 80), "client": ("127.0.0.1", 1),
        }
        await self.app(scope, receive, send)
        return result["status"], result["body"]

    def close(self) -> None:
        self.lifespan.cancel()
        self.loop.run_until_complete(asyncio.gather(self.lifespan, return_exceptions=True))
        self.loop.close()


@pytest.fixture(scope="module")
def rest() -> Iterator[Tuple[AsgiClient, FakeAgent]]:
    """The REST channel from credentials.yml, mounted under /webhooks/ as `rasa run` does."""
    app = Sanic(f"test_channels_{uuid.uuid4().hex[:8]}")
    agent = FakeAgent()
    app.ctx.agent = agent
    channel = class_from_module_path("channels.rest.SafeRestInput").from_credentials(None)
    register([channel], app, route="/webhooks/")
    client = AsgiClient(app)
    yield client, agent
    client.close()


HOOK = "/webhooks/rest/webhook"


def _post(client: AsgiClient, payload: Dict[str, Any], query: str = "") -> Tuple[int, Any]:
    status, body = client.post(HOOK, json.dumps(payload).encode(), query)
    return status, json.loads(body)


def test_credentials_register_the_safe_channels_under_the_stock_names() -> None:
    assert set(CREDENTIALS) == {"channels.rest.SafeRestInput", SOCKETIO_KEY}
    for path, name in (("channels.rest.SafeRestInput", "rest"), (SOCKETIO_KEY, "socketio")):
        channel = class_from_module_path(path).from_credentials(CREDENTIALS[path])
        assert channel.name() == name and channel.url_prefix() == name
    socket = SafeSocketIOInput.from_credentials(CREDENTIALS[SOCKETIO_KEY])
    assert (socket.user_message_evt, socket.bot_message_evt, socket.session_persistence, socket.metadata_key) == (
        "user_uttered", "bot_uttered", True, "customData")


def test_rest_health_and_a_normal_question(rest: Tuple[AsgiClient, FakeAgent]) -> None:
    client, agent = rest
    assert client.get("/webhooks/rest/") == (200, b'{"status":"ok"}')
    status, messages = _post(client, {"sender": "anna", "message": "Wer berät junge Migranten?", "metadata": {"a": 1}})
    assert status == 200 and messages == [{"recipient_id": "anna", "text": "Antwort auf: Wer berät junge Migranten?"}]
    assert agent.received[-1].metadata == {"a": 1} and agent.received[-1].input_channel == "rest"


@pytest.mark.parametrize(
    "body, status, german",
    [
        pytest.param(b"", 400, replies.INVALID_JSON, id="empty body"),
        pytest.param(b'{"sender": "x", "message": ', 400, replies.INVALID_JSON, id="cut JSON"),
        pytest.param(b"sender=a&message=b", 400, replies.INVALID_JSON, id="form-encoded"),
        pytest.param(b'[{"sender": "x", "message": "Hallo"}]', 400, replies.NOT_AN_OBJECT, id="array"),
        pytest.param(b'"Hallo"', 400, replies.NOT_AN_OBJECT, id="string"),
        pytest.param(b"null", 400, replies.NOT_AN_OBJECT, id="null"),
        pytest.param(b'{"sender": "x"}', 400, replies.MESSAGE_MISSING, id="no message"),
        pytest.param(b'{"sender": "x", "message": 42}', 400, replies.MESSAGE_NOT_TEXT, id="message number"),
        pytest.param(b'{"sender": {"id": 1}, "message": "Hallo"}', 400, replies.SENDER_NOT_TEXT, id="sender object"),
        pytest.param(b'{"sender": "a\\u0000b", "message": "Hallo"}', 400, replies.SENDER_CONTROL_CHARACTERS,
                     id="sender NUL"),
        pytest.param(b" " * (MAX_BODY_BYTES + 1), 413, replies.BODY_TOO_LARGE.format(limit=MAX_BODY_BYTES),
                     id="body over 1 MB"),
    ],
)
def test_rest_bad_body_gets_4xx_with_german_json(rest: Tuple[AsgiClient, FakeAgent], body: bytes, status: int,
                                                  german: str) -> None:
    client, agent = rest
    before = len(agent.received)
    got_status, got_body = client.post(HOOK, body)
    assert got_status == status
    assert json.loads(got_body)["message"] == german and json.loads(got_body)["status"] == status
    assert len(agent.received) == before  # never reached Rasa
    for stream in ("", "stream=true"):
        assert client.post(HOOK, body, stream)[0] == status


def test_rest_missing_sender_gets_a_conversation_of_its_own(rest: Tuple[AsgiClient, FakeAgent]) -> None:
    client, _ = rest
    ids = {_post(client, {"message": "Hallo"})[1][0]["recipient_id"] for _ in range(2)}
    ids.add(_post(client, {"sender": None, "message": "Hallo"})[1][0]["recipient_id"])
    ids.add(_post(client, {"sender": "", "message": "Hallo"})[1][0]["recipient_id"])
    assert len(ids) == 4 and all(i.startswith("anonym-") for i in ids)
    assert _post(client, {"sender": 42, "message": "Hallo"})[1][0]["recipient_id"] == "42"


def test_rest_silent_rasa_gives_the_fault_message(rest: Tuple[AsgiClient, FakeAgent]) -> None:
    client, _ = rest
    assert _post(client, {"sender": "stumm", "message": "Wer berät junge Migranten?"}) == (
        200, [{"recipient_id": "stumm", "text": replies.FAULT}])
    status, body = client.post(HOOK, json.dumps({"sender": "stumm", "message": "Hallo"}).encode(), "stream=true")
    assert status == 200 and [json.loads(line)["text"] for line in body.decode().splitlines()] == [replies.FAULT]


def test_rest_blank_long_and_broken_metadata(rest: Tuple[AsgiClient, FakeAgent]) -> None:
    client, agent = rest
    assert _post(client, {"sender": "anna", "message": " \n "}) == (200, [{"recipient_id": "anna",
                                                                          "text": replies.BLANK}])
    status, messages = _post(client, {"sender": "anna", "message": LONG_TEXT})
    assert status == 200 and messages[0]["text"] == TRUNCATED and len(agent.received[-1].text) <= MAX_MESSAGE_CHARS
    status, messages = _post(client, {"sender": "anna", "message": "Hallo", "metadata": "kaputt"})
    assert status == 200 and messages[0]["text"] == "Antwort auf: Hallo" and agent.received[-1].metadata == {}


# --- socket.io handlers ----------------------------------------------------------------


class SocketHarness:
    """SafeSocketIOInput's handlers with emit and rooms recorded instead of sent."""

    def __init__(self, rasa: FakeRasa, async_enter_room: bool = False) -> None:
        self.channel = SafeSocketIOInput.from_credentials(CREDENTIALS[SOCKETIO_KEY])
        self.channel.blueprint(rasa)
        sio = self.channel.sio
        self.emitted: List[Tuple[str, Any, Optional[str]]] = []
        self.rooms: Dict[str, List[str]] = {}

        async def emit(event: str, data: Any = None, room: Optional[str] = None, **_: Any) -> None:
            self.emitted.append((event, data, room))

        def enter(sid: str, room: str, namespace: Optional[str] = None) -> None:
            self.rooms.setdefault(sid, []).append(room)

        async def enter_async(sid: str, room: str, namespace: Optional[str] = None) -> None:
            enter(sid, room, namespace)

        sio.emit = emit
        sio.enter_room = enter_async if async_enter_room else enter
        sio.rooms = lambda sid, namespace=None: self.rooms.get(sid, [])
        self.handlers = sio.handlers["/"]

    def call(self, event: str, *args: Any) -> None:
        asyncio.run(self.handlers[event](*args))

    def bot_texts(self, room: str) -> List[str]:
        return [data["text"] for event, data, to in self.emitted if event == "bot_uttered" and to == room]


def test_socket_session_request_joins_the_session_room() -> None:
    harness = SocketHarness(FakeRasa())
    harness.call("session_request", "sid1", {"session_id": "sitzung-1"})
    assert harness.rooms["sid1"] == ["sitzung-1"] and harness.emitted == [("session_confirm", "sitzung-1", "sid1")]


@pytest.mark.parametrize("data", [None, "kaputt", [1], {"session_id": {"a": 1}}, {"session_id": "x" * 500}, {}])
def test_socket_session_request_with_unusable_data_gets_a_fresh_session(data: Any) -> None:
    harness = SocketHarness(FakeRasa())
    harness.call("session_request", "sid1", data)
    (event, session_id, room), = harness.emitted
    assert event == "session_confirm" and room == "sid1" and len(session_id) == 32
    assert harness.rooms["sid1"] == [session_id]


def test_socket_message_reaches_rasa_with_session_and_metadata() -> None:
    rasa = FakeRasa()
    harness = SocketHarness(rasa)
    harness.call("session_request", "sid1", {"session_id": "sitzung-1"})
    harness.call("user_uttered", "sid1", {"message": "Hallo", "session_id": "sitzung-1", "customData": {"lang": "de"}})
    message = rasa.received[0]
    assert (message.text, message.sender_id, message.input_channel, message.metadata) == (
        "Hallo", "sitzung-1", "socketio", {"lang": "de"})
    assert harness.bot_texts("sitzung-1") == ["Antwort auf: Hallo"]


@pytest.mark.parametrize("payload", ["Hallo", ["Hallo"], 42, None])
def test_socket_payload_that_is_no_object_is_answered_to_the_socket(payload: Any) -> None:
    rasa = FakeRasa()
    harness = SocketHarness(rasa)
    harness.call("user_uttered", "sid1", payload)
    assert harness.bot_texts("sid1") == [replies.UNREADABLE] and rasa.received == []


def test_socket_event_without_any_data_is_answered() -> None:
    harness = SocketHarness(FakeRasa())
    harness.call("user_uttered", "sid1")
    assert harness.bot_texts("sid1") == [replies.UNREADABLE]


@pytest.mark.parametrize("message", [42, None, {"text": "Hallo"}, ["Hallo"]])
def test_socket_message_that_is_no_text_is_answered_in_the_session(message: Any) -> None:
    rasa = FakeRasa()
    harness = SocketHarness(rasa)
    harness.call("user_uttered", "sid1", {"message": message, "session_id": "sitzung-1"})
    assert harness.bot_texts("sitzung-1") == [replies.UNREADABLE] and rasa.received == []


@pytest.mark.parametrize("session_id", [None, "", {"a": 1}, "x" * 500, "a\x00b"])
def test_socket_message_without_usable_session_is_answered_to_the_socket(session_id: Any) -> None:
    rasa = FakeRasa()
    harness = SocketHarness(rasa)
    harness.call("user_uttered", "sid1", {"message": "Hallo", "session_id": session_id})
    assert rasa.received[0].sender_id == "sid1" and harness.bot_texts("sid1") == ["Antwort auf: Hallo"]


@pytest.mark.parametrize("async_enter_room", [False, True])
def test_socket_message_for_a_session_not_joined_joins_it(async_enter_room: bool) -> None:
    """Also with python-socketio >= 5.10, whose enter_room is a coroutine."""
    harness = SocketHarness(FakeRasa(), async_enter_room=async_enter_room)
    harness.call("user_uttered", "sid2", {"message": "Hallo", "session_id": "sitzung-9"})
    assert harness.rooms["sid2"] == ["sitzung-9"] and harness.bot_texts("sitzung-9") == ["Antwort auf: Hallo"]


def test_socket_broken_metadata_blank_long_and_silent_rasa() -> None:
    rasa = FakeRasa()
    harness = SocketHarness(rasa)
    harness.call("user_uttered", "sid1", {"message": "Hallo", "session_id": "s", "customData": "{kaputt"})
    assert rasa.received[-1].metadata == {}
    harness.call("user_uttered", "sid1", {"message": "  ", "session_id": "s"})
    harness.call("user_uttered", "sid1", {"message": LONG_TEXT, "session_id": "s"})
    assert len(rasa.received) == 2 and len(rasa.received[-1].text) <= MAX_MESSAGE_CHARS
    rasa.behaviour = "silent"
    harness.call("user_uttered", "sid1", {"message": "Wer berät junge Migranten?", "session_id": "s"})
    texts = harness.bot_texts("s")
    assert texts[0] == "Antwort auf: Hallo" and texts[1:3] == [replies.BLANK, TRUNCATED]
    assert texts[-1] == replies.FAULT and texts.count(replies.FAULT) == 1
