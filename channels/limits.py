"""What the channels accept from clients, and how user text is cleaned before NLU.

Pure functions without Rasa imports, so that the rules can be tested in isolation
and are the same for REST and socket.io.

Why these limits (measured against stock Rasa 3.6 with this project's model):

- `MAX_MESSAGE_CHARS = 1000`. Rasa runs NLU synchronously on the server's event
  loop, and DIET's transformer grows with the square of the number of tokens: a
  10 kB message took 1 s, a 200 kB message blocked the whole server (every user)
  for 96 s and then failed with a TensorFlow ResourceExhaustedError, giving no
  reply at all. The longest real question in the training and evaluation data has
  156 characters, so 1000 characters (about 150 words) keeps every real question
  and a pasted paragraph while bounding the time per message. The cut is made at
  the last word boundary so that NLU never sees a half word.
- `MAX_ID_CHARS = 128`. Sender ids are primary keys in the tracker store and lock
  store; Rasa's SQLTrackerStore declares `sender_id` as VARCHAR(255), so PostgreSQL
  would reject longer ids when saving, after the user was answered. rasa-webchat's
  session ids have 32 characters. Longer ids are refused rather than cut, because
  cutting would merge different conversations.
- Control characters and lone surrogates are removed: a lone surrogate made
  spaCy fail (UnicodeEncodeError, no reply), and PostgreSQL refuses NUL bytes in
  text columns. Other whitespace runs become one space and the text is put into
  NFC, so that "ü" typed as "u" + combining diaeresis still matches the lookup
  tables.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Dict, Optional

from channels import replies

MAX_MESSAGE_CHARS = 1000
MAX_ID_CHARS = 128
# Largest request body the REST channel reads. engine.io's default for socket.io is
# the same (max_http_buffer_size). A 200 kB message still fits and is cut instead.
MAX_BODY_BYTES = 1_000_000

# C0/C1 control characters (tab and newline included: they become spaces) and lone
# surrogates, which JSON can encode ("\ud800") but UTF-8 cannot.
_UNWANTED = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


class BadInput(ValueError):
    """A client error; `german` is shown to the client as it is."""

    def __init__(self, reason: str, german: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.german = german


@dataclass(frozen=True)
class CleanText:
    """User text ready for NLU; `truncated` says whether its end was cut off."""

    text: str
    truncated: bool


def clean_text(text: str, limit: int = MAX_MESSAGE_CHARS) -> CleanText:
    """Text without control characters, whitespace collapsed, NFC, at most `limit` characters."""
    text = " ".join(_UNWANTED.sub(" ", unicodedata.normalize("NFC", text)).split())
    if len(text) <= limit:
        return CleanText(text, truncated=False)
    # text[limit] is a space exactly when the cut falls between two words.
    head = text[: limit + 1]
    space = head.rfind(" ")
    cut = head[:space] if space > limit // 2 else text[:limit]  # one giant "word": hard cut
    return CleanText(cut.rstrip(), truncated=True)


def message_text(value: Any) -> str:
    """The `message` field, which must be a string (it may be blank)."""
    if value is None:
        raise BadInput("message_missing", replies.MESSAGE_MISSING)
    if not isinstance(value, str):
        raise BadInput("message_not_text", replies.MESSAGE_NOT_TEXT)
    return value


def conversation_id(value: Any) -> Optional[str]:
    """A sender or session id: a string or an integer, None when absent or blank.

    Unicode and slashes are allowed: the id is only a key in the tracker and lock
    store, never a file name. Control characters and overlong ids are refused.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise BadInput("sender_not_text", replies.SENDER_NOT_TEXT)
    if len(value) > MAX_ID_CHARS:
        raise BadInput("sender_too_long", replies.SENDER_TOO_LONG.format(limit=MAX_ID_CHARS))
    if _UNWANTED.search(value):
        raise BadInput("sender_control_characters", replies.SENDER_CONTROL_CHARACTERS)
    return value


def clean_metadata(value: Any) -> Dict[str, Any]:
    """Client metadata as a dict; anything else (or a JSON string of anything else) is dropped.

    Rasa expects a mapping and failed without a reply on a string or a list.
    Metadata is optional, so broken metadata never costs the user the answer.
    """
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return value if isinstance(value, dict) else {}


def json_object(body: bytes) -> Dict[str, Any]:
    """The request body as a JSON object, or BadInput for anything else."""
    if len(body) > MAX_BODY_BYTES:
        raise BadInput("body_too_large", replies.BODY_TOO_LARGE.format(limit=MAX_BODY_BYTES))
    try:
        parsed = json.loads(body)  # bytes: UTF-8/16/32 detected; invalid UTF-8 is a ValueError
    except (ValueError, RecursionError):  # RecursionError: "[[[[…]]]]" nested thousands deep
        raise BadInput("invalid_json", replies.INVALID_JSON) from None
    if not isinstance(parsed, dict):
        raise BadInput("not_an_object", replies.NOT_AN_OBJECT)
    return parsed
