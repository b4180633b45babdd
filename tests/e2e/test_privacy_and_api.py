"""Exposure: Rasa's HTTP API is off unless a token is set; typed personal data stays out of the logs."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Callable, Dict, Iterator, Optional

import pytest
import requests

from tools.launch.local import PROJECT_ROOT, RunningBot, free_port

PERSONAL = "Meine Nummer ist 0171 9876543 und meine Mail anna.beispiel@example.org, wer berät junge Migranten?"
SECRETS = ("9876543", "anna.beispiel@example.org")


def _logs(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in folder.rglob("*.log"))


def test_typed_phone_and_email_are_not_logged(running_bot: RunningBot) -> None:
    response = requests.post(f"{running_bot.rasa_url}/webhooks/rest/webhook",
                             json={"sender": "privat", "message": PERSONAL}, timeout=60)
    assert response.status_code == 200 and "Jugendmigrationsdienst" in response.text
    logs = _logs(running_bot.launcher.work)
    assert logs, "the servers write logs"
    assert not [s for s in SECRETS if s in logs]


def test_rest_api_is_off_by_default(running_bot: RunningBot) -> None:
    for path in ("/status", "/conversations/privat/tracker", "/model"):
        assert requests.get(f"{running_bot.rasa_url}{path}", timeout=10).status_code == 404, path


class RunScript:
    """`make run` (honcho with the Procfile) on free ports, stopped with Ctrl-C (SIGINT)."""

    def __init__(self, work: Path, extra_env: Optional[Dict[str, str]] = None) -> None:
        work.mkdir(parents=True, exist_ok=True)
        self.ports = {name: free_port() for name in ("ACTION_PORT", "RASA_PORT", "WEB_PORT")}
        env = {**os.environ, **{k: str(v) for k, v in self.ports.items()},
               "TRACKER_STORE_URL": f"sqlite:///{work / 'tracker.db'}", **(extra_env or {})}
        env.pop("ACTION_SERVER_URL", None)  # derived from ACTION_PORT by settings.py
        env.pop("MAKEFLAGS", None)
        self.output = (work / "run.out").open("w")
        self.process = subprocess.Popen(["make", "--no-print-directory", "run"], cwd=PROJECT_ROOT, env=env,
                                        stdout=self.output, stderr=subprocess.STDOUT, start_new_session=True)
        self.url = f"http://127.0.0.1:{self.ports['RASA_PORT']}"
        self.work = work

    def wait_until_running(self, seconds: float = 240) -> None:
        deadline = time.monotonic() + seconds
        while "is running" not in (self.work / "run.out").read_text():
            assert self.process.poll() is None, (self.work / "run.out").read_text()
            assert time.monotonic() < deadline, "make run did not start"
            time.sleep(0.5)

    def stop(self) -> int:
        os.killpg(self.process.pid, signal.SIGINT)
        return self.process.wait(timeout=60)


@pytest.fixture()
def run_script(tmp_path: Path) -> Iterator[Callable[..., RunScript]]:
    started = []

    def start(**env: str) -> RunScript:
        script = RunScript(tmp_path / f"run{len(started)}", env)
        started.append(script)
        script.wait_until_running()
        return script

    yield start
    for script in started:
        if script.process.poll() is None:
            script.stop()


def test_api_with_token_requires_the_token_and_personal_data_stays_out_of_logs(run_script) -> None:
    bot = run_script(RASA_API_TOKEN="geheim-123")
    assert requests.get(f"{bot.url}/status", timeout=10).status_code == 401
    assert requests.get(f"{bot.url}/status", params={"token": "falsch"}, timeout=10).status_code == 401
    assert requests.get(f"{bot.url}/status", params={"token": "geheim-123"}, timeout=10).status_code == 200
    answer = requests.post(f"{bot.url}/webhooks/rest/webhook", json={"sender": "p", "message": PERSONAL}, timeout=60)
    assert "Jugendmigrationsdienst" in answer.text
    bot.stop()
    output = (bot.work / "run.out").read_text()
    for process in ("actions", "rasa", "web", "ready"):  # Ctrl-C stops every process of the Procfile
        assert f"{process}.1 stopped" in output, output[-2000:]
    assert "Traceback" not in output
    assert not [s for s in SECRETS if s in output]
