"""PostgreSQL, Redis and nginx from Debian's packages, started on loopback for the cluster.

Used by `make run-cluster`, the scale-out tests (tests/cluster) and `make bench`.
Each service runs from a folder of its own (data, config, logs) on a free port
and is stopped when its context ends, so tests leave nothing running and need no
system service. PostgreSQL refuses to run as root: it is run as the `postgres`
user that Debian's package creates.

Why not pytest-postgresql / pytest-redis (checked for issue 13): they start the same
Debian binaries, but only inside pytest (`make bench` and `make run-cluster` need these
services too, and one launcher for all three keeps them alike), and pytest-postgresql
runs pg_ctl as the current user, which PostgreSQL refuses when that user is root (CI).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator, List, Optional, Sequence

from actions.knowledge import PROJECT_ROOT
from tools.launch.local import free_port, stop_process

DEBIAN_PACKAGES = ("postgresql", "redis-server", "nginx")


class ServiceError(RuntimeError):
    """A service is not installed or did not start; the message says what to do."""


def wait_for_port(port: int, process: Optional[subprocess.Popen], log: Path, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise ServiceError(f"process ended early, see {log}:\n{log.read_text(errors='replace')[-2000:]}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.2)
    raise ServiceError(f"nothing listens on 127.0.0.1:{port} after {seconds:.0f} s, see {log}")


def _binary(pattern: str, package: str) -> str:
    found = sorted(glob.glob(pattern)) or ([shutil.which(pattern)] if shutil.which(pattern) else [])
    if not found:
        raise ServiceError(f"{pattern} not found: install Debian's {package} package "
                           f"(scripts/build/install_debian_packages.sh {package})")
    return found[-1]


def _as_postgres(command: Sequence[str]) -> List[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else list(command)


@contextlib.contextmanager
def postgres(port: Optional[int] = None, database: str = "integrationslotse") -> Iterator[str]:
    """A throw-away PostgreSQL cluster on 127.0.0.1; yields the SQLAlchemy URL of `database`."""
    initdb = _binary("/usr/lib/postgresql/*/bin/initdb", "postgresql")
    bindir = Path(initdb).parent
    port = port or free_port()
    # Not under pytest's tmp folder: that is private to root, and postgres runs as postgres.
    folder = Path(tempfile.mkdtemp(prefix="lotse-pg-"))
    folder.chmod(0o755)
    data, log = folder / "data", folder / "postgres.log"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    try:
        subprocess.run(_as_postgres([initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"]),
                       check=True, capture_output=True)
        process = subprocess.Popen(
            _as_postgres([str(bindir / "postgres"), "-D", str(data), "-p", str(port), "-c", "listen_addresses=127.0.0.1",
                          "-c", f"unix_socket_directories={folder}", "-c", "max_connections=200",
                          "-c", "fsync=off", "-c", "synchronous_commit=off"]),
            stdout=log.open("w"), stderr=subprocess.STDOUT)
        try:
            wait_for_port(port, process, log)
            _create_database(bindir, port, database)
            yield f"postgresql://postgres@127.0.0.1:{port}/{database}"
        finally:
            stop_process(process)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _create_database(bindir: Path, port: int, database: str) -> None:
    deadline = time.monotonic() + 30
    while True:
        result = subprocess.run(_as_postgres([str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port),
                                              "-U", "postgres", database]), capture_output=True, text=True)
        if result.returncode == 0:
            return
        if time.monotonic() > deadline:  # the server accepts TCP before it accepts logins
            raise ServiceError(f"createdb failed: {result.stderr.strip()}")
        time.sleep(0.5)


@contextlib.contextmanager
def redis(folder: Path, port: Optional[int] = None) -> Iterator[str]:
    """A Redis server on 127.0.0.1 without persistence; yields its redis:// URL."""
    server = _binary("redis-server", "redis-server")
    port = port or free_port()
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "redis.log"
    process = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "no", "--dir", str(folder)], stdout=log.open("w"),
                               stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, process, log)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop_process(process)


NGINX_TEMPLATE = """\
# GENERATED by tools/launch/services.py for the local cluster; see docs/scaling.md.
{user_line}worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {folder}/tmp;
  proxy_temp_path {folder}/tmp;
  fastcgi_temp_path {folder}/tmp;
  uwsgi_temp_path {folder}/tmp;
  scgi_temp_path {folder}/tmp;
  types {{ text/html html; text/css css; application/javascript js; image/png png; image/svg+xml svg; }}
  client_max_body_size 256k;

  # REST: any instance can answer any message (shared PostgreSQL tracker store and
  # Redis lock store), so requests are spread evenly.
  upstream rasa_rest {{
{rest_servers}
    keepalive 32;
  }}
  # socket.io: python-socketio keeps each client's session in the memory of one
  # instance, so a client must always reach the same one (sticky by client address).
  upstream rasa_socketio {{
    ip_hash;
{rest_servers}
  }}

  server {{
    listen 127.0.0.1:{port};
    location /socket.io/ {{
      proxy_pass http://rasa_socketio;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection "upgrade";
      proxy_set_header Host $host;
      proxy_read_timeout 120s;
    }}
    location /webhooks/ {{
      proxy_pass http://rasa_rest;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
    }}
    location / {{
      root {web_root};
      index index.html;
    }}
  }}
}}
"""


@contextlib.contextmanager
def nginx(folder: Path, rasa_ports: Sequence[int], web_root: Path, port: Optional[int] = None) -> Iterator[str]:
    """nginx on 127.0.0.1 in front of the Rasa servers, serving the widget page; yields its URL."""
    binary = _binary("/usr/sbin/nginx", "nginx")
    port = port or free_port()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tmp").mkdir(exist_ok=True)
    config = folder / "nginx.conf"
    # Started as root, nginx's workers would run as "nobody" and could not read the page
    # from this user's private temporary folders; the local cluster keeps the user.
    user_line = "user root;\n" if os.geteuid() == 0 else ""
    config.write_text(NGINX_TEMPLATE.format(
        folder=folder, port=port, web_root=web_root, user_line=user_line,
        rest_servers="\n".join(f"    server 127.0.0.1:{p};" for p in rasa_ports),
    ), encoding="utf-8")
    log = folder / "error.log"
    subprocess.run([binary, "-t", "-c", str(config), "-p", str(folder)], check=True, capture_output=True)
    process = subprocess.Popen([binary, "-c", str(config), "-p", str(folder), "-g", "daemon off;"],
                               stdout=(folder / "nginx.out").open("w"), stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, process, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_process(process)


def project_web_root() -> Path:
    return PROJECT_ROOT / "web"
