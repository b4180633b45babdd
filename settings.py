"""Ports, hosts, URLs, paths and store addresses of the project, in one place.

Every entry point reads these: the servers (the `${VAR}` entries of endpoints.yml
have no defaults in Rasa, so `endpoint_environment()` fills them in), the tools,
the tests, and the Makefile, which includes what `python3 settings.py --make`
prints. Each setting is an environment variable with a default; setting the
variable overrides it everywhere at once (`RASA_PORT=6005 make run`).

Standard library only: the Makefile runs this file with the machine's python3
before the project's virtual environment exists.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Tuple

PROJECT_ROOT = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Setting:
    """One environment variable; `default` may refer to other settings as {NAME}."""

    name: str
    default: str
    meaning: str


SETTINGS: Tuple[Setting, ...] = (
    Setting("LOTSE_HOST", "127.0.0.1", "interface the servers of `make run` listen on"),
    Setting("ACTION_PORT", "5055", "port of the action server"),
    Setting("RASA_PORT", "5005", "port of the Rasa server (REST and socket.io channels)"),
    Setting("WEB_PORT", "8080", "port of the widget page (`make run`) or nginx (`make run-cluster`)"),
    Setting("ACTION_SERVER_URL", "http://localhost:{ACTION_PORT}/webhook", "where Rasa calls the actions"),
    Setting("TRACKER_STORE_URL", "sqlite:///state/tracker.db", "database of the conversations"),
    Setting("LOCK_STORE_URL", "", "Redis URL of the lock store; empty: Rasa's in-memory locks (one server)"),
    Setting("STORE_WAIT_SECONDS", "20", "how long a store may be unreachable when a server starts"),
    Setting("LOTSE_TURNS_PER_SESSION", "10", "user messages per Rasa session (0: no bound)"),
    Setting("INTEGRATIONSLOTSE_KNOWLEDGE_FILE", "knowledge/partners.yml", "the partner knowledge file"),
    Setting("MODEL_NAME", "integrationslotse", "file name of the trained model under models/"),
    Setting("MODEL", "models/{MODEL_NAME}.tar.gz", "the model the servers load"),
    Setting("LOG_DIR", "logs", "log files of `make run`"),
    Setting("RESULTS_DIR", "results", "reports of tests, evaluation and bench"),
    Setting("RETENTION_DAYS", "30", "conversations older than this are deleted by `make retention`"),
    Setting("STUDIO_PORT", "8090", "port of the trainer studio (`make studio`)"),
    Setting("STUDIO_USER", "trainer", "login name of the trainer studio"),
    Setting("RASA_URL", "http://127.0.0.1:{RASA_PORT}", "where the studio and the tools reach the Rasa server"),
    Setting("STATE_DIR", "state", "runtime data: conversations (SQLite), the studio's decisions and change log"),
    Setting("LOTSE_CHROMIUM", "/usr/bin/chromium", "browser of the widget tests"),
)

# Names used as keys by the stores and launchers (a typo is then an ImportError, not a silent miss).
ACTION_SERVER_URL, TRACKER_STORE_URL, LOCK_STORE_URL = "ACTION_SERVER_URL", "TRACKER_STORE_URL", "LOCK_STORE_URL"

_BY_NAME = {setting.name: setting for setting in SETTINGS}
_REFERENCE = re.compile(r"\{([A-Z_]+)\}")


def get(name: str, environ: Optional[Mapping[str, str]] = None) -> str:
    """The value of one setting: the environment's if set (even empty), else the default."""
    env = os.environ if environ is None else environ
    if name in env:
        return env[name]
    return _REFERENCE.sub(lambda match: get(match.group(1), env), _BY_NAME[name].default)


def get_int(name: str, environ: Optional[Mapping[str, str]] = None) -> int:
    """An integer setting; a value that is not a number is a clear error naming the variable."""
    value = get(name, environ)
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"{name}={value!r} is not a whole number (see settings.py)") from None


def path(name: str, environ: Optional[Mapping[str, str]] = None) -> Path:
    """A path setting; relative paths are relative to the project folder."""
    value = Path(get(name, environ))
    return value if value.is_absolute() else PROJECT_ROOT / value


def wait_seconds() -> float:
    """How long a store may be unreachable at start before the server gives up (never negative)."""
    try:
        return max(0.0, float(get("STORE_WAIT_SECONDS")))
    except ValueError:
        return float(_BY_NAME["STORE_WAIT_SECONDS"].default)


def endpoint_environment(environ: Optional[Mapping[str, str]] = None) -> Dict[str, str]:
    """`environ` (default: os.environ) with every setting filled in, for a server process."""
    env = dict(os.environ if environ is None else environ)
    for setting in SETTINGS:
        env[setting.name] = get(setting.name, env)
    return env


def make_lines() -> str:
    """The settings as Makefile variables: exported, overridable from the environment."""
    lines = ["# Generated from settings.py by `python3 settings.py --make`; do not edit."]
    for setting in SETTINGS:
        default = _REFERENCE.sub(r"$(\1)", setting.default)
        lines.append(f"export {setting.name} ?= {default}")
    return "\n".join(lines) + "\n"


def describe() -> str:
    """One line per setting with its current value, for `python3 settings.py`."""
    return "\n".join(f"{s.name}={get(s.name)}    # {s.meaning}" for s in SETTINGS)


def main(argv: Optional[List[str]] = None) -> int:
    """Print the settings (`--make`: as Makefile variables)."""
    args = sys.argv[1:] if argv is None else argv
    print(make_lines() if args == ["--make"] else describe() + "\n", end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
