"""`make retention`: delete conversation events older than a number of days from the tracker store.

Conversations hold what residents typed, sometimes personal details. They are
kept only as long as trainers need them for the inbox: by default 30 days
(`RETENTION_DAYS`, or `--days`). Works on Rasa's SQL tracker store (SQLite by
default, PostgreSQL in the cluster): one DELETE on Rasa's `events` table, so a
running bot keeps working; a conversation with recent events loses only its old ones.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import List, Optional

import sqlalchemy as sa

import settings
from settings import TRACKER_STORE_URL, endpoint_environment


def delete_older_than(url: str, days: float, now: Optional[float] = None) -> int:
    """Delete events older than `days`; return how many were deleted."""
    cutoff = (now if now is not None else time.time()) - days * 86400
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            if not sa.inspect(connection).has_table("events"):
                return 0
            result = connection.execute(sa.text("DELETE FROM events WHERE timestamp < :cutoff"), {"cutoff": cutoff})
            return int(result.rowcount or 0)
    finally:
        engine.dispose()


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=float, default=float(settings.get("RETENTION_DAYS")),
                        help="keep this many days (default: $RETENTION_DAYS, see settings.py)")
    parser.add_argument("--db", help="SQLAlchemy URL of the tracker store (default: $TRACKER_STORE_URL)")
    args = parser.parse_args(argv)
    if args.days < 0:
        print("--days darf nicht negativ sein.", file=sys.stderr)
        return 2
    url = args.db or endpoint_environment()[TRACKER_STORE_URL]
    try:
        deleted = delete_older_than(url, args.days)
    except sa.exc.SQLAlchemyError as error:
        print(f"Der Tracker-Store kann nicht bereinigt werden: {type(error).__name__}", file=sys.stderr)
        return 1
    print(f"{deleted} Ereignisse gelöscht, die älter als {args.days:g} Tage waren.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
