"""The studio's inbox: the report of tools/inbox.py, minus what a trainer already handled.

A decision is kept per message text (folded), so a group leaves the inbox once it is
handled and a new wording of the same question still shows up.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Dict, List, Optional

import sqlalchemy as sa

import settings
from actions.spelling import fold
from studio.records import Decisions
from tools.inbox import Group, Inbox, build_inbox, missing_sqlite_file, read_events

LOW_CONFIDENCE = 0.6


def text_key(text: str) -> str:
    return hashlib.sha1(fold(text).encode("utf-8")).hexdigest()[:16]


def group_key(group: Group) -> str:
    return text_key(group.items[0].text)


def load_inbox(decisions: Decisions, url: Optional[str] = None) -> Inbox:
    """The inbox of the tracker store, without the messages a trainer handled."""
    url = url or settings.get("TRACKER_STORE_URL")
    if missing_sqlite_file(url) is not None:  # no conversation stored yet
        return Inbox([], 0, 0, Counter())
    try:
        inbox = build_inbox(read_events(url), LOW_CONFIDENCE)
    except sa.exc.SQLAlchemyError:
        return Inbox([], 0, 0, Counter())
    handled = decisions.all()
    for group in inbox.groups:
        group.items = [i for i in group.items if text_key(i.text) not in handled]
    inbox.groups = [g for g in inbox.groups if g.items]
    return inbox


def find_group(inbox: Inbox, key: str) -> Optional[Group]:
    return next((g for g in inbox.groups if group_key(g) == key), None)


def texts_of(group: Group) -> List[str]:
    return list(dict.fromkeys(i.text for i in group.items))


def week_rows(inbox: Inbox) -> List[Dict[str, object]]:
    """Per ISO week: messages, how many landed in the inbox, and the share."""
    return [{"week": week, "listed": listed, "asked": asked, "share": listed / asked if asked else 0.0}
            for week, (listed, asked) in sorted(inbox.weeks.items(), reverse=True)]
