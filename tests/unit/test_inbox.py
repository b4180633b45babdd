"""`make inbox` on a tracker store with known events, and the redaction it relies on."""

from __future__ import annotations

import asyncio
import csv
from pathlib import Path
from typing import List

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from privacy.redaction import redact
from tools import inbox

T0 = 1_790_000_000.0


def said(text: str, intent: str, confidence: float, at: float) -> List[Event]:
    return [
        UserUttered(text, {"name": intent, "confidence": confidence}, timestamp=at,
                    parse_data={"intent": {"name": intent, "confidence": confidence}, "entities": [], "text": text}),
        ActionExecuted("action_answer", timestamp=at + 0.1),
        BotUttered("Antwort", timestamp=at + 0.2),
        ActionExecuted("action_listen", timestamp=at + 0.3),
    ]


@pytest.fixture()
def store_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    store = SQLTrackerStore(Domain.empty(), host=url)
    conversations = {
        "anna": [
            *said("Wie wird das Wetter morgen?", "out_of_scope", 0.91, T0),
            *said("asdf qwertz", "nlu_fallback", 0.31, T0 + 10),
            *said("Telefon KfI", "ask_partner_contact", 0.97, T0 + 20),
            *said("/feedback_helpful", "feedback_helpful", 1.0, T0 + 30),
        ],
        "ben": [
            *said("wie wird das wetter übermorgen? ruf mich an: 0171 1234567", "out_of_scope", 0.88, T0 + 100),
            *said("Wo ist die Beratung für Roma", "ask_partner_location", 0.45, T0 + 110),
            *said("Was macht das ZfTI", "ask_partner_info", 0.93, T0 + 120),
            *said("das hat nicht geholfen", "feedback_not_helpful", 0.95, T0 + 130),
        ],
    }
    for sender, events in conversations.items():
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    return url


def test_inbox_lists_unanswered_questions_grouped_newest_first(store_url: str, tmp_path: Path) -> None:
    assert inbox.main(["--db", store_url, "--out", str(tmp_path / "out")]) == 0
    markdown = (tmp_path / "out" / "inbox.md").read_text(encoding="utf-8")
    rows = list(csv.DictReader((tmp_path / "out" / "inbox.csv").open(encoding="utf-8")))

    by_text = {r["frage"]: r for r in rows}
    assert by_text["Was macht das ZfTI"]["grund"] == inbox.NOT_HELPFUL
    assert by_text["Wo ist die Beratung für Roma"]["grund"] == inbox.LOW_CONFIDENCE
    assert by_text["asdf qwertz"]["grund"] == inbox.FALLBACK
    assert "Telefon KfI" not in by_text  # answered with confidence and 👍
    # Both weather questions are one group of two; the redacted phone number is gone.
    weather = [r for r in rows if "wetter" in r["frage"].lower()]
    assert len(weather) == 2 and {r["gruppe"] for r in weather} == {weather[0]["gruppe"]}
    assert weather[0]["anzahl_gruppe"] == "2" and all(r["grund"] == inbox.OUT_OF_SCOPE for r in weather)
    assert "0171" not in markdown and not any("0171" in v for r in rows for v in r.values())
    assert "[Telefon]" in markdown
    # Newest group first: the 👎 at T0+130 is the newest event.
    assert rows[0]["frage"] == "Was macht das ZfTI"
    assert "👍 1, 👎 1" in markdown and "2 Gespräche, 8 Nachrichten" in markdown


def test_empty_default_store_says_so(tmp_path: Path, capsys) -> None:
    assert inbox.main(["--db", f"sqlite:///{tmp_path / 'none.db'}", "--out", str(tmp_path)]) == 0
    assert "Noch keine Gespräche" in capsys.readouterr().out


@pytest.mark.parametrize("text, kept, gone", [
    ("Meine Nummer ist 0171 1234567, Mail max.mustermann@web.de", "Meine Nummer ist", ["0171", "mustermann"]),
    ("ruf mich an unter +49 (0)221 12 34 56", "ruf mich an", ["221", "+49"]),
    ("ich wohne in der Musterstraße 12a, geboren am 3.4.1990", "ich wohne in der", ["Muster", "1990"]),
    ("IBAN DE89 3704 0044 0532 0130 00 bitte", "bitte", ["3704"]),
    ("schreib an info [at] beispiel.de", "schreib an", ["beispiel"]),
])
def test_redaction_removes_personal_data(text: str, kept: str, gone: List[str]) -> None:
    redacted = redact(text)
    assert kept in redacted and not any(g in redacted for g in gone), redacted


def test_redaction_keeps_ordinary_questions() -> None:
    for question in ["Wer berät junge Migranten?", "Ich bin 17 und seit 2019 in Köln", "Gibt es das in 50667 Köln?"]:
        assert redact(question) == question


def test_asking_again_in_other_words_lists_the_first_answer_with_what_was_recognised(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    store = SQLTrackerStore(Domain.empty(), host=url)
    first = said("Wer hilft mir bei Ärger mit dem Vermieter?", "ask_target_group_help", 0.93, T0)
    first[0].parse_data["entities"] = [{"entity": "topic", "value": "wohnen"}]
    events = [*first, *said("ich meine Hilfe bei Ärger mit meinem Vermieter wegen Herkunft", "ask_target_group_help",
                            0.9, T0 + 20), *said("danke", "thank", 0.99, T0 + 40)]
    asyncio.run(store.save(DialogueStateTracker.from_events("cem", events)))
    report = inbox.build_inbox(inbox.read_events(url), 0.6)
    (group,) = report.groups
    (item,) = group.items
    assert item.reason == inbox.ASKED_AGAIN and item.text.startswith("Wer hilft mir")
    assert item.answer == "Antwort" and item.recognised == ("topic=wohnen",)
    assert report.weeks == {item.week: (1, 3)}


@pytest.mark.parametrize("first, then, rephrased", [
    ("Wer hilft mir bei Rassismus?", "ich meine Hilfe bei Rassismus auf der Arbeit", True),
    ("Wer hilft mir bei Rassismus?", "Wer hilft mir bei Rassismus?", True),
    ("Wo ist das Antidiskriminierungsbüro?", "Wo ist das Antidiskriminierungsbüro in Köln?", False),
    ("Wer berät junge Migranten?", "Und die Telefonnummer von denen?", False),
])
def test_asked_again_means_the_same_question_not_a_narrower_or_next_one(first: str, then: str, rephrased: bool) -> None:
    assert inbox._rephrased(first, then) is rephrased
