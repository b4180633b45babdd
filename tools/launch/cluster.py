"""`make run-cluster`: two Rasa servers and the action server behind nginx, on PostgreSQL and Redis.

The same project, endpoints.yml and model as `make run`; only the environment
differs: TRACKER_STORE_URL points at PostgreSQL (conversations shared by both Rasa
servers) and LOCK_STORE_URL at Redis (one lock per conversation across servers).
nginx spreads REST requests over both servers and keeps each socket.io client on
one (python-socketio keeps its sessions in one process's memory). All services
run on loopback from temporary folders; docs/scaling.md maps them onto hosts.
Used by `make run-cluster`, tests/cluster and `make bench`.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional

from tools.launch import services
from tools.launch.local import (
    MODEL, PROJECT_ROOT, Launcher, action_server_command, copy_page, free_port, rasa_server_command,
    server_environment,
)
from settings import ACTION_SERVER_URL, LOCK_STORE_URL, TRACKER_STORE_URL


@dataclass
class Cluster:
    """Addresses of a running cluster, and how to restart one Rasa server."""

    url: str  # nginx: widget page, /webhooks/rest/webhook, /socket.io/
    rasa_urls: List[str]
    action_url: str
    postgres_url: str
    redis_url: str
    launcher: Launcher
    model: Path
    rasa_ports: List[int] = field(default_factory=list)

    def start_rasa(self, index: int) -> None:
        port = self.rasa_ports[index]
        self.launcher.start(f"rasa-{index + 1}", rasa_server_command(self.model, port, self.url),
                            f"http://127.0.0.1:{port}/webhooks/rest/", 240)

    def restart_rasa(self, index: int) -> None:
        self.launcher.stop(f"rasa-{index + 1}")
        self.start_rasa(index)


@contextlib.contextmanager
def start_cluster(work: Path, model: Path = MODEL, instances: int = 2,
                  ports: Optional[Dict[str, int]] = None) -> Iterator[Cluster]:
    """PostgreSQL, Redis, the action server, `instances` Rasa servers and nginx, until the context ends."""
    ports = ports or {}
    work.mkdir(parents=True, exist_ok=True)
    with services.postgres(ports.get("postgres")) as postgres_url, \
            services.redis(work / "redis", ports.get("redis")) as redis_url:
        action_port = ports.get("actions") or free_port()
        rasa_ports = [ports.get(f"rasa-{i + 1}") or free_port() for i in range(instances)]
        nginx_port = ports.get("nginx") or free_port()
        env = server_environment(work, {TRACKER_STORE_URL: postgres_url, LOCK_STORE_URL: redis_url,
                                        ACTION_SERVER_URL: f"http://127.0.0.1:{action_port}/webhook"})
        launcher = Launcher(work, PROJECT_ROOT, env)
        cluster = Cluster(f"http://127.0.0.1:{nginx_port}", [f"http://127.0.0.1:{p}" for p in rasa_ports],
                          f"http://127.0.0.1:{action_port}", postgres_url, redis_url, launcher, model,
                          rasa_ports)
        try:
            launcher.start("actions", action_server_command(action_port),
                           f"http://127.0.0.1:{action_port}/health", 120)
            for index in range(instances):
                print(f"==> Starting Rasa server {index + 1} of {instances} on :{rasa_ports[index]}", flush=True)
                cluster.start_rasa(index)
            web_root = copy_page(work / "web", cluster.url)
            with services.nginx(work / "nginx", rasa_ports, web_root, nginx_port):
                yield cluster
        finally:
            launcher.stop_all()


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument("--port", type=int, default=8080, help="nginx port (page, REST, socket.io)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    work = Path(tempfile.mkdtemp(prefix="lotse-cluster-"))
    started = time.monotonic()
    print("==> Starting PostgreSQL, Redis, the action server, two Rasa servers and nginx", flush=True)
    try:
        with start_cluster(work, args.model, ports={"nginx": args.port, "actions": 5055, "rasa-1": 5005,
                                                    "rasa-2": 5006}) as cluster:
            print(f"""
The cluster is running ({time.monotonic() - started:.0f} s to start; logs in {work}):
  Chat page and REST via nginx: {cluster.url}   (POST {cluster.url}/webhooks/rest/webhook)
  Rasa servers:                 {', '.join(cluster.rasa_urls)}
  Action server:                {cluster.action_url}
  PostgreSQL (tracker store):   {cluster.postgres_url}
  Redis (lock store):           {cluster.redis_url}
Press Ctrl-C to stop everything.""", flush=True)
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        print("\n==> Stopping...", flush=True)
    except (services.ServiceError, RuntimeError) as error:
        print(f"The cluster did not start: {error}", file=sys.stderr)
        return 1
    print("==> Stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
