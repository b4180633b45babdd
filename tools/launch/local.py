"""Start the action server, the Rasa server and the widget page for end-to-end tests.

Free ports are chosen so that a bot started with `make run` (5055/5005/8080) does
not interfere. Used by the session fixture `running_bot` (tests/support/fixtures.py), `make evaluate`,
`make bench` and the cluster (tools/launch/cluster.py): one launcher for tests and tools,
which is why it is not a pytest plugin (pytest-xprocess works only inside pytest).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Optional

import requests
import yaml

from actions.knowledge import PROJECT_ROOT
import settings
from settings import ACTION_SERVER_URL, LOCK_STORE_URL, TRACKER_STORE_URL, endpoint_environment

MODEL = settings.path("MODEL")
# How web/index.html configures the widget's server for `make run`.
PAGE_SOCKET_URL = 'socketUrl: "http://localhost:5005"'
RASA = PROJECT_ROOT / ".venv" / "bin" / "rasa"
VENV_PYTHON = PROJECT_ROOT / ".venv" / "bin" / "python"
# The Rasa server as the project runs it: Rasa with the changes in server/ installed.
PROJECT_RASA = [str(VENV_PYTHON), "-m", "server"]


@dataclass(frozen=True)
class RunningBot:
    """Addresses of the three servers of one test session."""

    rasa_url: str
    action_url: str
    web_url: str
    tracker_store_url: str
    launcher: "Launcher"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, log: Path, seconds: int,
                  answered: Callable[[requests.Response], bool] = lambda r: r.ok) -> None:
    """Wait until `url` answers as `answered` expects (default: 2xx); fail early if the process ends."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} ended early, see {log}:\n{log.read_text()[-3000:]}")
        try:
            if answered(requests.get(url, timeout=2)):
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} not up after {seconds} s, see {log}")


def copy_page(target: Path, rasa_url: str) -> Path:
    """A copy of web/ whose widget talks to `rasa_url` instead of localhost:5005.

    Serving a copy keeps the page a real page from a real loopback server; a page
    rewritten in the browser would count as coming from nowhere, and Chromium's
    local-network protection would then block its requests to the Rasa server.
    """
    shutil.copytree(PROJECT_ROOT / "web", target, ignore=shutil.ignore_patterns("node_modules"))
    index = target / "index.html"
    html = index.read_text(encoding="utf-8")
    if PAGE_SOCKET_URL not in html:
        raise RuntimeError(f"web/index.html no longer contains {PAGE_SOCKET_URL}")
    index.write_text(html.replace(PAGE_SOCKET_URL, f'socketUrl: "{rasa_url}"'), encoding="utf-8")
    return target


def server_environment(work: Path, overrides: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """The servers' environment: quiet Rasa, and a tracker store of their own in `work`."""
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}
    env[TRACKER_STORE_URL] = f"sqlite:///{work / 'tracker.db'}"
    env[LOCK_STORE_URL] = ""
    env.update(overrides or {})
    return endpoint_environment(env)


def stop_process(process: subprocess.Popen, seconds: float = 30) -> None:
    """Terminate, and kill if it has not ended after `seconds`."""
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Launcher:
    """Starts server processes (a log each in `work`), waits until they answer, stops them all.

    Shared by the test servers, the cluster and the benchmark, which also reads the
    processes' peak memory.
    """

    def __init__(self, work: Path, cwd: Path, env: Dict[str, str]) -> None:
        self.work, self.cwd, self.env = work, cwd, env
        self.processes: Dict[str, subprocess.Popen] = {}
        self.ready_seconds: Dict[str, float] = {}  # from process start until its health URL answered

    def start(self, name: str, command: List[str], health_url: str, limit: int,
              env: Optional[Dict[str, str]] = None) -> subprocess.Popen:
        log = self.work / f"{name}.log"
        started = time.monotonic()
        process = subprocess.Popen(command, cwd=self.cwd, env={**self.env, **(env or {})},
                                   stdout=log.open("a"), stderr=subprocess.STDOUT)
        self.processes[name] = process
        wait_until_up(health_url, process, log, limit)
        self.ready_seconds[name] = time.monotonic() - started
        return process

    def stop(self, name: str) -> None:
        stop_process(self.processes.pop(name))

    def stop_all(self) -> None:
        for name in reversed(list(self.processes)):
            self.stop(name)


def action_server_command(port: int) -> List[str]:
    return [str(RASA), "run", "actions", "--port", str(port)]


def stock_endpoints(project: Path, work: Path) -> Path:
    """The project's endpoints.yml with Rasa's own SQLTrackerStore instead of the project's (stores/).

    The tracker store's saved query is one of the project's speed changes (issue 12), so
    the bench's stock Rasa runs without it; same database URL, same locks.
    """
    endpoints = yaml.safe_load((project / "endpoints.yml").read_text(encoding="utf-8"))
    endpoints["tracker_store"]["type"] = "sql"
    target = work / "endpoints-stock.yml"
    target.write_text(yaml.safe_dump(endpoints), encoding="utf-8")
    return target


def rasa_server_command(model: Path, port: int, *cors: str, stock: bool = False,
                        api_token: Optional[str] = None, endpoints: Path = Path("endpoints.yml")) -> List[str]:
    """`rasa run` with the project's endpoints.yml (its variables come from the environment).

    `stock=True` starts Rasa without the project's changes (server/), for the bench's
    comparison; pass `endpoints=stock_endpoints(…)` with it for Rasa's own tracker store.
    """
    rasa = [str(RASA)] if stock else PROJECT_RASA
    command = [*rasa, "run", "--model", str(model), "--endpoints", str(endpoints),
               "--interface", "127.0.0.1", "--port", str(port)]
    command += ["--enable-api", "--auth-token", api_token] if api_token else []
    return command + (["--cors", *cors] if cors else [])


@contextlib.contextmanager
def start_servers(
    work: Path, model: Path = MODEL, env_overrides: Optional[Dict[str, str]] = None, project: Path = PROJECT_ROOT,
    stock_rasa: bool = False, api_token: Optional[str] = None,
) -> Iterator[RunningBot]:
    """Run the three servers (logs and tracker store in `work`) with `model` until the context ends.

    `project` is the folder they run in (its actions, knowledge file and endpoints.yml):
    a temporary copy of the project in the edit-loop and studio tests. With `api_token`,
    Rasa's HTTP API is on (the studio loads a new model through it). `stock_rasa`: Rasa
    without the project's changes to it, server/ and the tracker store (for the bench).
    """
    if not model.exists():
        raise RuntimeError(f"{model} fehlt: erst `make train` (make test tut das selbst)")
    work.mkdir(parents=True, exist_ok=True)
    action_port, rasa_port, web_port = free_port(), free_port(), free_port()
    web_origin = f"http://127.0.0.1:{web_port}"
    env = server_environment(work, {ACTION_SERVER_URL: f"http://127.0.0.1:{action_port}/webhook", **(env_overrides or {})})
    launcher = Launcher(work, project, env)
    try:
        launcher.start("actions", action_server_command(action_port), f"http://127.0.0.1:{action_port}/health", 120)
        endpoints = stock_endpoints(project, work) if stock_rasa else Path("endpoints.yml")
        launcher.start("rasa", rasa_server_command(model, rasa_port, web_origin, stock=stock_rasa, api_token=api_token,
                                                   endpoints=endpoints),
                       f"http://127.0.0.1:{rasa_port}/webhooks/rest/", 240)
        launcher.start("web", [sys.executable, "-m", "http.server", str(web_port), "--bind", "127.0.0.1",
                               "--directory", str(copy_page(work / "web", f"http://127.0.0.1:{rasa_port}"))],
                       f"{web_origin}/", 30)
        yield RunningBot(
            rasa_url=f"http://127.0.0.1:{rasa_port}",
            action_url=f"http://127.0.0.1:{action_port}",
            web_url=f"{web_origin}/",
            tracker_store_url=env[TRACKER_STORE_URL],
            launcher=launcher,
        )
    finally:
        launcher.stop_all()
