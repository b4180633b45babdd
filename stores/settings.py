"""Defaults of the variables in endpoints.yml, shared by the scripts, the tests and the stores.

Rasa's `${VAR}` substitution in endpoints.yml has no defaults, so every entry point
(the test servers, `make inbox`, `make retention`) calls `endpoint_environment()` to
fill in the embedded default: the action server on localhost:5055, conversations in
SQLite under the ignored `state/` folder (they survive a restart) and Rasa's
in-memory lock store (enough for one server). The Makefile and scripts/run.sh set
the same defaults.
"""

from __future__ import annotations

import os
from typing import Dict, Mapping, Optional

DEFAULT_TRACKER_STORE_URL = "sqlite:///state/tracker.db"
DEFAULT_ACTION_SERVER_URL = "http://localhost:5055/webhook"
ACTION_SERVER_URL = "ACTION_SERVER_URL"
TRACKER_STORE_URL = "TRACKER_STORE_URL"
LOCK_STORE_URL = "LOCK_STORE_URL"
STORE_WAIT_SECONDS = "STORE_WAIT_SECONDS"


def endpoint_environment(environ: Optional[Mapping[str, str]] = None) -> Dict[str, str]:
    """`environ` (default: os.environ) with the variables of endpoints.yml set, defaults where unset."""
    env = dict(os.environ if environ is None else environ)
    env.setdefault(ACTION_SERVER_URL, DEFAULT_ACTION_SERVER_URL)
    env.setdefault(TRACKER_STORE_URL, DEFAULT_TRACKER_STORE_URL)
    env.setdefault(LOCK_STORE_URL, "")
    return env


def wait_seconds() -> float:
    """How long a store may be unreachable at start before the server gives up."""
    try:
        return max(0.0, float(os.environ.get(STORE_WAIT_SECONDS, "20")))
    except ValueError:
        return 20.0
