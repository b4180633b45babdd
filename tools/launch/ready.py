"""The readiness step of `make run`: the `ready` process of the Procfile.

honcho (https://github.com/nickstenning/honcho) starts the processes of the Procfile
and stops all of them on Ctrl-C or as soon as one ends; it has no notion of a
process being *ready*. This small process fills that gap: it waits until the action
server, the Rasa server and the widget page answer, prints where they are, and then
stays alive, so that a server that never comes up ends it, and honcho stops the rest.

`--ports-free` runs before honcho: a port already in use is named clearly instead of
a server failing to bind in the middle of the others' output.
"""

from __future__ import annotations

import argparse
import socket
import sys
import threading
import time
from typing import List, Optional, Sequence, Tuple

import requests

import settings

# (name, setting with the port, health path, seconds it may take)
SERVERS: Tuple[Tuple[str, str, str, int], ...] = (
    ("action server", "ACTION_PORT", "/health", 120),
    ("Rasa server", "RASA_PORT", "/", 240),
    ("widget page", "WEB_PORT", "/", 30),
)


def ports_in_use(host: str, ports: Sequence[int]) -> List[int]:
    """The ports something already listens on."""
    used = []
    for port in ports:
        with socket.socket() as sock:
            sock.settimeout(0.5)
            if sock.connect_ex((host, port)) == 0:
                used.append(port)
    return used


def wait_until_ready(host: str) -> Optional[str]:
    """None when all servers answer; otherwise which one did not, in time."""
    for name, port_setting, path, seconds in SERVERS:
        url = f"http://{host}:{settings.get_int(port_setting)}{path}"
        started = time.monotonic()
        while True:
            try:
                if requests.get(url, timeout=2).status_code < 500:
                    print(f"{name} ready ({time.monotonic() - started:.0f} s): {url}", flush=True)
                    break
            except requests.RequestException:
                pass
            if time.monotonic() - started > seconds:
                return f"{name} did not answer within {seconds} s ({url}); see its lines above"
            time.sleep(1)
    return None


def banner() -> str:
    rasa, web, action = (settings.get(name) for name in ("RASA_PORT", "WEB_PORT", "ACTION_PORT"))
    return f"""
The NRW Integrationslotse is running:
  Chat page:      http://localhost:{web}
  REST channel:   curl -s localhost:{rasa}/webhooks/rest/webhook -H 'Content-Type: application/json' \\
                    -d '{{"sender": "ich", "message": "Wer berät junge Migranten?"}}'
  Action server:  http://localhost:{action}/health
Press Ctrl-C to stop all three."""


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ports-free", action="store_true", help="only check that the three ports are free")
    args = parser.parse_args(argv)
    host = settings.get("LOTSE_HOST")
    if args.ports_free:
        used = ports_in_use(host, [settings.get_int(s) for _, s, _, _ in SERVERS])
        for port in used:
            print(f"Port {port} on {host} is already in use. Stop what runs there "
                  "(or set ACTION_PORT/RASA_PORT/WEB_PORT) and try again.", file=sys.stderr)
        return 1 if used else 0
    problem = wait_until_ready(host)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    print(banner(), flush=True)
    threading.Event().wait()  # stay alive until honcho stops everything
    return 0


if __name__ == "__main__":
    sys.exit(main())
