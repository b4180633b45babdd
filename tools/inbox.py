"""`make inbox`: the questions the bot could not answer, for trainers, grouped and counted.

Reads the conversations from the tracker store (TRACKER_STORE_URL, by default the
SQLite file state/tracker.db; PostgreSQL works the same) and lists every user
message that
  - ended in the fallback (the NLU was unsure: intent nlu_fallback),
  - was taken as out of scope (intent out_of_scope),
  - was understood with low confidence (below --low, default 0.6),
  - got an answer the resident marked as not helpful (👎 / "hat nicht geholfen"), or
  - was followed at once by the same question in other words (a likely wrong answer).
Each listed message carries the bot's answer and what the NLU recognised (intent,
confidence, entities), so a trainer can choose a fix without asking the bot again.
Messages are redacted (privacy/redaction.py) before anything else happens, grouped
by similarity (rapidfuzz), counted, and written newest group first to
results/inbox.md and results/inbox.csv, with a summary of the 👍/👎 feedback.

The events table is Rasa's own (SQLTrackerStore), read directly with SQLAlchemy:
one query, no Rasa start-up, and the same code for SQLite and PostgreSQL.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

import sqlalchemy as sa
from rapidfuzz import fuzz

from actions.knowledge import PROJECT_ROOT
from actions.spelling import fold
from privacy.redaction import redact
from settings import TRACKER_STORE_URL, endpoint_environment

FALLBACK, OUT_OF_SCOPE, LOW_CONFIDENCE, NOT_HELPFUL, ASKED_AGAIN = (
    "nicht verstanden", "außerhalb des Themas", "unsicher erkannt", "hat nicht geholfen", "anders nochmal gefragt")
HELPFUL_INTENT, NOT_HELPFUL_INTENT = "feedback_helpful", "feedback_not_helpful"
SIMILAR = 80  # rapidfuzz token_set_ratio from which two questions count as one
# The next message repeats the question in other words: similar, but not the same text.
REPHRASED = 55


@dataclass(frozen=True)
class Unanswered:
    """One user message a trainer should look at (already redacted)."""

    text: str
    reason: str
    intent: str
    confidence: float
    timestamp: float
    conversation: str
    answer: str = ""                       # what the bot said (redacted)
    recognised: Tuple[str, ...] = ()       # entities the NLU found, "partner=kfi"

    @property
    def week(self) -> str:
        """ISO week of the message, "2026-W48": the inbox counts per week."""
        year, week, _ = datetime.fromtimestamp(self.timestamp, tz=timezone.utc).isocalendar()
        return f"{year}-W{week:02d}"


@dataclass
class Group:
    """Similar unanswered messages, shown as one line of the report."""

    items: List[Unanswered] = field(default_factory=list)

    @property
    def newest(self) -> float:
        return max(i.timestamp for i in self.items)

    @property
    def reasons(self) -> str:
        return ", ".join(f"{r} ({n})" if n > 1 else r for r, n in Counter(i.reason for i in self.items).most_common())


@dataclass
class Inbox:
    """What the report shows."""

    groups: List[Group]
    conversations: int
    user_messages: int
    feedback: Counter
    # ISO week -> (messages listed here, all user messages): is the bot getting better?
    weeks: Dict[str, Tuple[int, int]] = field(default_factory=dict)


def missing_sqlite_file(url: str) -> Optional[Path]:
    """The SQLite file of a sqlite:/// URL when it does not exist yet (no conversation so far)."""
    if not url.startswith("sqlite:///"):
        return None
    database = Path(url[len("sqlite:///"):])
    return None if database.exists() else database


def read_events(url: str) -> Dict[str, List[dict]]:
    """Every conversation's events (Rasa's JSON), in order, keyed by sender id."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            if not sa.inspect(connection).has_table("events"):
                return {}
            rows = connection.execute(sa.text(
                "SELECT sender_id, data FROM events WHERE type_name IN ('user', 'bot', 'action') ORDER BY sender_id, id"
            ))
            conversations: Dict[str, List[dict]] = {}
            for sender_id, data in rows:
                conversations.setdefault(sender_id, []).append(json.loads(data))
            return conversations
    finally:
        engine.dispose()


@dataclass
class _Turn:
    """A user message and what the bot said to it."""

    event: dict
    answer: List[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return str(self.event.get("text") or "")

    @property
    def parse(self) -> dict:
        return self.event.get("parse_data") or {}

    @property
    def intent(self) -> Tuple[str, float]:
        intent = self.parse.get("intent") or {}
        return str(intent.get("name") or ""), float(intent.get("confidence") or 0.0)


def _turns(events: List[dict]) -> List[_Turn]:
    turns: List[_Turn] = []
    for event in events:
        if event.get("event") == "user":
            turns.append(_Turn(event))
        elif event.get("event") == "bot" and turns and event.get("text"):
            turns[-1].answer.append(str(event["text"]))
    return turns


def _rephrased(question: str, next_question: str) -> bool:
    """"Wer hilft mir bei Rassismus?" then "ich meine Hilfe bei Rassismus": the answer missed.

    The same question again counts too; a question that only adds words ("Wo ist das ADB?",
    then "Wo ist das ADB in Köln?") narrows a right answer down and does not count."""
    a, b = fold(question), fold(next_question)
    words_a, words_b = set(a.split()), set(b.split())
    if len(words_b) <= 2 or (words_a != words_b and (words_a <= words_b or words_b <= words_a)):
        return False
    return words_a == words_b or fuzz.token_set_ratio(a, b) >= REPHRASED


def unanswered_in(events: List[dict], conversation: str, low: float) -> Iterable[Unanswered]:
    """The messages of one conversation that the inbox lists, and why."""
    turns = _turns(events)
    last_question: Optional[Unanswered] = None
    for number, turn in enumerate(turns):
        name, confidence = turn.intent
        timestamp = float(turn.event.get("timestamp") or 0)
        if name == NOT_HELPFUL_INTENT and last_question is not None:
            yield Unanswered(last_question.text, NOT_HELPFUL, last_question.intent, last_question.confidence,
                             timestamp, conversation, last_question.answer, last_question.recognised)
        if turn.text.startswith("/"):  # a button: its question was the message before
            continue
        recognised = tuple(f"{e.get('entity')}={e.get('value')}" for e in turn.parse.get("entities") or [])
        item = Unanswered(redact(turn.text), "", name, confidence, timestamp, conversation,
                          redact("\n".join(turn.answer)), recognised)
        last_question = item
        if name in (HELPFUL_INTENT, NOT_HELPFUL_INTENT):
            continue
        following = turns[number + 1] if number + 1 < len(turns) else None
        reason = (FALLBACK if name == "nlu_fallback" else OUT_OF_SCOPE if name == "out_of_scope"
                  else LOW_CONFIDENCE if confidence < low
                  else ASKED_AGAIN if following is not None and not following.text.startswith("/")
                  and _rephrased(turn.text, following.text) else "")
        if reason:
            yield Unanswered(item.text, reason, name, confidence, timestamp, conversation, item.answer, recognised)


def group_similar(items: List[Unanswered]) -> List[Group]:
    """Greedy grouping: a message joins the first group whose first message is similar."""
    groups: List[Group] = []
    for item in sorted(items, key=lambda i: -i.timestamp):
        key = fold(item.text)
        for group in groups:
            if fuzz.token_set_ratio(key, fold(group.items[0].text)) >= SIMILAR:
                group.items.append(item)
                break
        else:
            groups.append(Group([item]))
    return sorted(groups, key=lambda g: -g.newest)


def build_inbox(conversations: Dict[str, List[dict]], low: float) -> Inbox:
    items: List[Unanswered] = []
    feedback: Counter = Counter()
    user_messages = 0
    for conversation, events in conversations.items():
        items.extend(unanswered_in(events, conversation, low))
        for event in events:
            if event.get("event") == "user":
                user_messages += 1
                feedback[((event.get("parse_data") or {}).get("intent") or {}).get("name")] += 1
    feedback = Counter({k: feedback[k] for k in (HELPFUL_INTENT, NOT_HELPFUL_INTENT)})
    listed = Counter(i.week for i in items)
    asked = Counter(Unanswered("", "", "", 0, float(e.get("timestamp") or 0), "").week
                    for events in conversations.values() for e in events if e.get("event") == "user")
    weeks = {week: (listed[week], asked[week]) for week in sorted(asked)}
    return Inbox(group_similar(items), len(conversations), user_messages, feedback, weeks)


def _when(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def write_markdown(inbox: Inbox, path: Path) -> None:
    helpful, not_helpful = inbox.feedback[HELPFUL_INTENT], inbox.feedback[NOT_HELPFUL_INTENT]
    lines = [
        "# Posteingang: Fragen, die der Lotse nicht beantworten konnte",
        "",
        f"{inbox.conversations} Gespräche, {inbox.user_messages} Nachrichten, "
        f"{sum(len(g.items) for g in inbox.groups)} davon hier gelistet in {len(inbox.groups)} Gruppen. "
        f"Rückmeldungen: 👍 {helpful}, 👎 {not_helpful}.",
        "",
        "Persönliche Daten (Telefon, E-Mail, Datum, Adresse, IBAN) sind ersetzt. Neueste Gruppe zuerst.",
        "",
        "| Anzahl | Frage | weitere ähnliche | Grund | erkannt als | zuletzt |",
        "|---:|---|---|---|---|---|",
    ]
    for group in inbox.groups:
        first = group.items[0]
        others = "; ".join(dict.fromkeys(i.text for i in group.items[1:] if i.text != first.text))[:300]
        cell = lambda s: s.replace("|", "\\|").replace("\n", " ")  # noqa: E731 - table cell escaping
        lines.append(f"| {len(group.items)} | {cell(first.text)} | {cell(others)} | {group.reasons} | "
                     f"{first.intent} ({first.confidence:.2f}) | {_when(group.newest)} |")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_csv(inbox: Inbox, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["gruppe", "anzahl_gruppe", "frage", "grund", "erkannt_als", "konfidenz", "zeit", "gespraech"])
        for number, group in enumerate(inbox.groups, start=1):
            for item in group.items:
                writer.writerow([number, len(group.items), item.text, item.reason, item.intent,
                                 f"{item.confidence:.2f}", _when(item.timestamp), item.conversation])


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="SQLAlchemy URL of the tracker store (default: $TRACKER_STORE_URL)")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "results", help="folder for inbox.md and inbox.csv")
    parser.add_argument("--low", type=float, default=0.6, help="confidence below which a message counts as unsure")
    args = parser.parse_args(argv)
    url = args.db or endpoint_environment()[TRACKER_STORE_URL]
    missing = missing_sqlite_file(url)
    if missing is not None:
        print(f"Noch keine Gespräche gespeichert ({missing} fehlt): erst mit `make run` chatten.")
        return 0
    try:
        inbox = build_inbox(read_events(url), args.low)
    except sa.exc.SQLAlchemyError as error:
        print(f"Der Tracker-Store {url} kann nicht gelesen werden: {type(error).__name__}: {error.args[0] if error.args else ''}",
              file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    write_markdown(inbox, args.out / "inbox.md")
    write_csv(inbox, args.out / "inbox.csv")
    print(f"{len(inbox.groups)} Gruppen aus {inbox.conversations} Gespräche(n); 👍 {inbox.feedback[HELPFUL_INTENT]}, "
          f"👎 {inbox.feedback[NOT_HELPFUL_INTENT]} -> {args.out / 'inbox.md'}, {args.out / 'inbox.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
