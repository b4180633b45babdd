"""Rasa's SQLTrackerStore, but failing fast with a clear message when the database is down.

Rasa 3.6's SQLTrackerStore retries an unreachable database every 5 seconds forever,
so a wrong `TRACKER_STORE_URL` looks like a hanging server. This subclass first
checks the connection for at most `STORE_WAIT_SECONDS` (default 20, so a database
that is still starting is waited for), then stops the server with a message that
names the URL (password hidden). SQLite URLs get their folder created.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any, Optional

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.exceptions import RasaException

from settings import TRACKER_STORE_URL, wait_seconds

logger = logging.getLogger(__name__)


class StoreUnavailable(RasaException):
    """A configured store cannot be reached; the server must not start without it."""


def safe_url(url: str) -> str:
    """The URL with its password replaced by ***, for messages and logs."""
    try:
        return sa.engine.make_url(url).__repr__()
    except Exception:  # an unparsable URL is shown as given: it holds no valid password
        return url


def wait_for_database(url: str, seconds: float) -> None:
    """Connect once per second until `seconds` have passed; raise StoreUnavailable then."""
    engine = sa.create_engine(url, **create_engine_kwargs(url))
    deadline = time.monotonic() + seconds
    try:
        while True:
            try:
                with engine.connect():
                    return
            except sa.exc.SQLAlchemyError as error:
                if time.monotonic() >= deadline:
                    raise StoreUnavailable(
                        f"Tracker store not reachable at {safe_url(url)} after {seconds:.0f} s "
                        f"({type(error.orig or error).__name__}). Check {TRACKER_STORE_URL}, or start the "
                        f"database; unset {TRACKER_STORE_URL} for the embedded SQLite default."
                    ) from None
                time.sleep(1)
    finally:
        engine.dispose()


class CheckedSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore from a full SQLAlchemy URL (`url:` in endpoints.yml)."""

    def __init__(self, host: Optional[str] = None, **kwargs: Any) -> None:
        url = (host or "").strip()
        if "://" not in url:
            raise StoreUnavailable(
                f"{TRACKER_STORE_URL} must be a full database URL such as sqlite:///state/tracker.db "
                f"or postgresql://user:password@host:5432/db, not {url!r}."
            )
        if url.startswith("sqlite:///"):
            Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        wait_for_database(url, wait_seconds())
        logger.info(f"Tracker store: {safe_url(url)}")
        super().__init__(host=url, **kwargs)
