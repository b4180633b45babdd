"""The conversation lock store: in-memory for one server, Redis for several.

Rasa locks each conversation while it handles a message. With several Rasa
servers the lock must be shared, or two servers answer the same conversation at
once; Rasa's RedisLockStore does that. `LOCK_STORE_URL` picks it: empty means
in-memory, `redis://[:password@]host:port/db` means Redis. Redis is pinged at
start, because RedisLockStore connects lazily and an unreachable Redis would only
show up as failing user messages.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Optional
from urllib.parse import urlsplit

from rasa.core.lock import TicketLock
from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from settings import LOCK_STORE_URL, wait_seconds
from stores.tracker_store import StoreUnavailable

logger = logging.getLogger(__name__)


def redis_lock_store(url: str, seconds: float) -> RedisLockStore:
    """A RedisLockStore for `url`, after Redis answered a ping within `seconds`."""
    import redis

    parts = urlsplit(url)
    db = int(parts.path.strip("/") or 0)
    store = RedisLockStore(
        host=parts.hostname or "localhost", port=parts.port or 6379, db=db,
        password=parts.password, use_ssl=parts.scheme == "rediss", key_prefix="integrationslotse",
    )
    deadline = time.monotonic() + seconds
    while True:
        try:
            store.red.ping()
            return store
        except redis.exceptions.RedisError as error:
            if time.monotonic() >= deadline:
                shown = url.replace(f":{parts.password}@", ":***@") if parts.password else url
                raise StoreUnavailable(
                    f"Lock store (Redis) not reachable at {shown} after {seconds:.0f} s "
                    f"({type(error).__name__}). Check {LOCK_STORE_URL}, or start Redis; "
                    f"leave {LOCK_STORE_URL} empty for one server with the in-memory lock store."
                ) from None
            time.sleep(1)


class SharedLockStore(LockStore):
    """Delegates to Rasa's InMemoryLockStore or RedisLockStore, chosen by the URL.

    LockStore's own methods (tickets, cleanup) are built on get/save/delete, so
    forwarding those three is all a store needs.
    """

    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **_: Any) -> None:
        url = ((endpoint_config.url if endpoint_config else None) or "").strip()
        if url and not url.startswith(("redis://", "rediss://")):
            raise StoreUnavailable(f"{LOCK_STORE_URL} must be empty or a redis:// URL, not {url!r}.")
        self.backend: LockStore = redis_lock_store(url, wait_seconds()) if url else InMemoryLockStore()
        logger.info(f"Lock store: {type(self.backend).__name__}")

    def get_lock(self, conversation_id: str) -> Optional[TicketLock]:
        return self.backend.get_lock(conversation_id)

    def delete_lock(self, conversation_id: str) -> None:
        self.backend.delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        self.backend.save_lock(lock)
