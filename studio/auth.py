"""Who may use the studio: HTTP Basic login, credentials from the environment.

The studio changes the bot, so every request needs the login. The password comes
from STUDIO_PASSWORD; there is no default password. Without one the studio only
starts on a loopback address and makes up a one-time password, printed once at start
(as Jupyter does with its token). Forms carry a token of this process (CSRF), so
another web page cannot make a logged-in browser change the bot.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import os
import secrets
from dataclasses import dataclass, field
from typing import Optional

import settings

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str
    generated: bool = False
    # Sent with every form and checked on every change (one per studio process).
    form_token: str = field(default_factory=lambda: secrets.token_urlsafe(24))


def credentials_from_environment(host: str) -> Credentials:
    """STUDIO_USER / STUDIO_PASSWORD; a made-up password only on a loopback address."""
    user = settings.get("STUDIO_USER")
    password = os.environ.get("STUDIO_PASSWORD", "")
    if password:
        return Credentials(user, password)
    if host not in LOOPBACK:
        raise SystemExit(f"STUDIO_PASSWORD must be set when the studio listens on {host} (not only this machine).")
    return Credentials(user, secrets.token_urlsafe(12), generated=True)


def user_of(authorization: Optional[str], credentials: Credentials) -> Optional[str]:
    """The logged-in user of an Authorization header, or None."""
    if not authorization or not authorization.startswith("Basic "):
        return None
    try:
        user, _, password = base64.b64decode(authorization[6:]).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    same_user = hmac.compare_digest(user.encode(), credentials.user.encode())
    same_password = hmac.compare_digest(password.encode(), credentials.password.encode())
    return user if same_user and same_password else None


def form_token_ok(sent: Optional[str], credentials: Credentials) -> bool:
    return bool(sent) and hmac.compare_digest(str(sent).encode(), credentials.form_token.encode())
