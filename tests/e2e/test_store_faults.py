"""An unreachable PostgreSQL or Redis at start stops the Rasa server with a clear message, not a hang."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tools.launch.local import MODEL, PROJECT_ROOT, RASA, free_port, server_environment


@pytest.mark.parametrize("variable, url, message", [
    ("TRACKER_STORE_URL", "postgresql://lotse:geheim@127.0.0.1:{port}/integrationslotse",
     "Tracker store not reachable at postgresql://lotse:***@127.0.0.1:{port}/integrationslotse"),
    ("LOCK_STORE_URL", "redis://127.0.0.1:{port}/0", "Lock store (Redis) not reachable at redis://127.0.0.1:{port}/0"),
])
def test_unreachable_store_stops_the_server_with_its_url(tmp_path: Path, variable: str, url: str, message: str) -> None:
    port = free_port()  # nothing listens there
    env = server_environment(tmp_path, {variable: url.format(port=port), "STORE_WAIT_SECONDS": "2"})
    result = subprocess.run(
        [str(RASA), "run", "--model", str(MODEL), "--endpoints", "endpoints.yml", "--port", str(free_port()),
         "--interface", "127.0.0.1"],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=180,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert message.format(port=port) in output
    assert "geheim" not in output  # the password is never printed
