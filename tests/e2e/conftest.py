"""Start the action server and the Rasa server with the trained model, once per session.

Ports differ from `make run`'s (5055/5005) so that a running bot does not interfere.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path
from typing import Dict, Iterator, List

import pytest
import requests

from actions.knowledge import PROJECT_ROOT

MODEL = PROJECT_ROOT / "models" / "integrationslotse.tar.gz"
RASA = PROJECT_ROOT / ".venv" / "bin" / "rasa"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, log: Path, seconds: int) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} ended early, see {log}:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    raise RuntimeError(f"{url} not up after {seconds} s, see {log}")


class Bot:
    """The running bot, spoken to over the REST channel."""

    def __init__(self, rasa_url: str) -> None:
        self.url = f"{rasa_url}/webhooks/rest/webhook"

    def ask(self, sender: str, message: str) -> List[Dict]:
        response = requests.post(self.url, json={"sender": sender, "message": message}, timeout=30)
        response.raise_for_status()
        return response.json()

    def text(self, sender: str, message: str) -> str:
        return "\n".join(m.get("text", "") for m in self.ask(sender, message))


@pytest.fixture(scope="session")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    if not MODEL.exists():
        pytest.fail(f"{MODEL} fehlt: erst `make train` (make test tut das selbst)")
    work = tmp_path_factory.mktemp("servers")
    action_port, rasa_port = _free_port(), _free_port()
    endpoints = work / "endpoints.yml"
    endpoints.write_text(f"action_endpoint:\n  url: http://127.0.0.1:{action_port}/webhook\n", encoding="utf-8")
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}
    processes: List[subprocess.Popen] = []
    try:
        action_log = work / "actions.log"
        processes.append(subprocess.Popen(
            [str(RASA), "run", "actions", "--port", str(action_port)],
            cwd=PROJECT_ROOT, env=env, stdout=action_log.open("w"), stderr=subprocess.STDOUT,
        ))
        _wait_until_up(f"http://127.0.0.1:{action_port}/health", processes[-1], action_log, 120)
        rasa_log = work / "rasa.log"
        processes.append(subprocess.Popen(
            [str(RASA), "run", "--model", str(MODEL), "--endpoints", str(endpoints),
             "--interface", "127.0.0.1", "--port", str(rasa_port)],
            cwd=PROJECT_ROOT, env=env, stdout=rasa_log.open("w"), stderr=subprocess.STDOUT,
        ))
        _wait_until_up(f"http://127.0.0.1:{rasa_port}/webhooks/rest/", processes[-1], rasa_log, 240)
        yield Bot(f"http://127.0.0.1:{rasa_port}")
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
