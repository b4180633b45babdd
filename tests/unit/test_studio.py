"""The trainer studio's parts: login, partner editor, inbox assignments, the publish gate."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from pathlib import Path
from typing import Sequence

import pytest
import yaml

from actions.directory import PartnerDirectory
from actions.knowledge import load_knowledge
from studio import publish
from studio.auth import Credentials, credentials_from_environment, form_token_ok, user_of
from studio.editor import Editor, form_values
from studio.records import Decisions, add_studio_examples, studio_examples
from tests.support.fixtures import FIXTURE_KNOWLEDGE_FILE, make_tracker


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_login_needs_the_right_user_and_password_and_forms_their_token(monkeypatch) -> None:
    credentials = Credentials("trainer", "geheim")
    assert user_of(basic("trainer", "geheim"), credentials) == "trainer"
    for header in (None, "", basic("trainer", "falsch"), basic("jemand", "geheim"), "Basic ###", "Bearer geheim"):
        assert user_of(header, credentials) is None
    assert form_token_ok(credentials.form_token, credentials) and not form_token_ok("x", credentials)
    assert not form_token_ok(None, credentials)


def test_there_is_no_default_password(monkeypatch) -> None:
    monkeypatch.delenv("STUDIO_PASSWORD", raising=False)
    with pytest.raises(SystemExit, match="STUDIO_PASSWORD"):
        credentials_from_environment("0.0.0.0")
    one, two = credentials_from_environment("127.0.0.1"), credentials_from_environment("127.0.0.1")
    assert one.generated and len(one.password) >= 12 and one.password != two.password
    monkeypatch.setenv("STUDIO_PASSWORD", "aus-der-umgebung")
    assert credentials_from_environment("0.0.0.0").password == "aus-der-umgebung"


@pytest.fixture()
def knowledge_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "partners.yml"
    shutil.copy(FIXTURE_KNOWLEDGE_FILE, copy)
    return copy


@pytest.fixture()
def editor(knowledge_copy: Path, seed_text: str) -> Editor:
    return Editor(knowledge_copy, source=lambda: seed_text)


def test_saving_unchanged_forms_keeps_the_file_byte_for_byte(editor: Editor, knowledge_copy: Path) -> None:
    # The forms as the pages show them (the plain view, not the round-trip document).
    before = knowledge_copy.read_bytes()
    for entry in editor.view()["partners"]:
        assert editor.save(str(entry["id"]), form_values(entry)).ok
    assert knowledge_copy.read_bytes() == before


def test_pages_read_the_file_again_only_after_it_changed(editor: Editor) -> None:
    shown = editor.view()
    assert editor.view() is shown  # not parsed again for the next page
    values = form_values(editor.entry("kfi"))
    assert editor.save("kfi", dict(values, summary=values["summary"] + " Neu ergänzt.")).ok
    assert editor.view() is not shown
    assert form_values(editor.entry("kfi"))["summary"].endswith("Neu ergänzt.")


def test_a_changed_summary_changes_only_its_lines_and_keeps_the_comments(editor: Editor, knowledge_copy: Path) -> None:
    before = knowledge_copy.read_text(encoding="utf-8").splitlines()
    values = form_values(editor.entry("kfi"))
    values["summary"] += " Neu ergänzt."
    assert editor.save("kfi", values).ok
    after = knowledge_copy.read_text(encoding="utf-8").splitlines()
    changed = [line for line in after if line not in before]
    assert changed and all(line.startswith("      ") for line in changed)  # lines of the folded summary only
    assert [line for line in before if line.startswith("#")] == [line for line in after if line.startswith("#")]
    assert load_knowledge(knowledge_copy).partner("kfi").summary.endswith("Neu ergänzt.")


def test_problems_are_named_next_to_their_field_and_nothing_is_saved(editor: Editor, knowledge_copy: Path) -> None:
    before = knowledge_copy.read_bytes()
    values = form_values(editor.entry("kfi"))
    phone = values["phone"].splitlines()[0]
    not_in_seed = dict(values, phone=phone[:-1] + ("1" if phone[-1] != "1" else "2"))
    assert "steht so nicht in der Quelle" in editor.save("kfi", not_in_seed).problems["phone"][0]
    assert "phone" in editor.save("kfi", dict(values, phone="02931 / 82-29OO")).problems
    assert "name" in editor.save("kfi", dict(values, name="")).problems
    assert "kind" in editor.save("kfi", dict(values, kind="Verein")).problems
    assert "id" in editor.save(None, dict(values, id="kfi")).problems
    assert knowledge_copy.read_bytes() == before


def test_a_new_partner_quoted_from_the_source_is_added(editor: Editor, knowledge_copy: Path, seed_text: str) -> None:
    kfi = form_values(editor.entry("kfi"))
    values = dict(kfi, id="kfi_zweit", name="Kompetenzzentrum Zweitstelle", short_name="", aliases="", facts="")
    saved = editor.save(None, values)
    assert saved.ok, saved.problems
    assert load_knowledge(knowledge_copy).partner("kfi_zweit").description == load_knowledge(knowledge_copy).partner("kfi").description


def test_an_assigned_question_is_answered_by_its_partner_without_training(editor: Editor, knowledge_copy: Path) -> None:
    from actions import actions
    from actions.memory import Memory
    from actions.question import Asked

    question = "Wohin mit alten Fotos aus der Gastarbeiterzeit meiner Familie?"
    assert editor.add_questions("domid", "contact", [question]).ok
    directory = PartnerDirectory(load_knowledge(knowledge_copy))
    assert directory.assigned_question(question.lower().rstrip("?")) == (directory.knowledge.partner("domid"), "contact")
    assert directory.assigned_question("Wohin mit alten Möbeln?") is None
    tracker = make_tracker(text=question, intent="out_of_scope")
    read = actions.UNDERSTANDING.get(directory).read(tracker, Memory.from_tracker(tracker))
    assert read.asked == Asked.FIELDS and [p.id for p in read.partners] == ["domid"]
    assert editor.add_questions("domid", "irgendwas", [question + " nochmal"]).problems


def test_examples_for_an_intent_go_to_their_own_file_once(tmp_path: Path) -> None:
    path = tmp_path / "studio.yml"
    assert add_studio_examples("out_of_scope", ["Wie wird das Wetter?", "Wie  wird das Wetter?"], path) == [
        "Wie wird das Wetter?"]
    assert add_studio_examples("out_of_scope", ["Wie wird das Wetter?"], path) == []
    add_studio_examples("ask_partner_info", ["Was macht ihr so?"], path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["version"] == "3.1" and {b["intent"] for b in data["nlu"]} == {"out_of_scope", "ask_partner_info"}
    assert studio_examples(path) == {"ask_partner_info": ["Was macht ihr so?"], "out_of_scope": ["Wie wird das Wetter?"]}


def test_decisions_are_kept(tmp_path: Path) -> None:
    decisions = Decisions(tmp_path / "decisions.json")
    decisions.record(["abc", "def"], "ignore", "trainer")
    kept = Decisions(tmp_path / "decisions.json").all()
    assert kept["abc"]["decision"] == "ignore" and kept["def"]["user"] == "trainer"


class FakeRunner:
    """Stands in for the subprocesses of a publish: records commands, writes NLU reports."""

    def __init__(self, f1_live: float, f1_candidate: float, fail: str = "", data_changed: bool = True) -> None:
        self.f1 = {"live": f1_live, "candidate": f1_candidate}
        self.fail, self.commands = fail, []  # type: List[Sequence[str]]
        self.data_changed = data_changed

    def __call__(self, command: Sequence[str], cwd: Path) -> subprocess.CompletedProcess:
        self.commands.append(command)
        if "--dry-run" in command:  # Rasa: exit code 0 = no component needs training
            return subprocess.CompletedProcess(command, 1 if self.data_changed else 0, "", "")
        if "--out" in command and "test" in command:
            out = Path(command[command.index("--out") + 1])
            out.mkdir(parents=True, exist_ok=True)
            f1 = self.f1["live" if out.name.endswith("live") else "candidate"]
            (out / "intent_report.json").write_text(json.dumps(
                {"greet": {"f1-score": f1}, "weighted avg": {"f1-score": f1}, "accuracy": f1}), encoding="utf-8")
        if "train" in command and "--fixed-model-name" in command:
            folder = Path(command[command.index("--out") + 1])
            (folder / "candidate.tar.gz").write_bytes(b"new model")
        failed = bool(self.fail) and self.fail in " ".join(command)
        return subprocess.CompletedProcess(command, 1 if failed else 0, "", "kaputt" if failed else "")


def run_publish(tmp_path: Path, monkeypatch, runner: FakeRunner) -> publish.Run:
    monkeypatch.setenv("STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("MODEL", str(tmp_path / "models" / "live.tar.gz"))
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "live.tar.gz").write_bytes(b"old model")
    publisher = publish.Publisher("http://127.0.0.1:1", api_token=None, runner=runner)
    run = publish.Run("trainer")
    publisher._run(run)
    return run


def test_a_worse_model_never_goes_live(tmp_path: Path, monkeypatch) -> None:
    run = run_publish(tmp_path, monkeypatch, FakeRunner(f1_live=0.95, f1_candidate=0.82))
    assert not run.live and "schlechter" in run.verdict and run.comparison.worse
    assert (tmp_path / "models" / "live.tar.gz").read_bytes() == b"old model"
    assert [s.state for s in run.steps] == ["fertig", "fertig", "fertig", "übersprungen"]


def test_a_model_no_worse_goes_live(tmp_path: Path, monkeypatch) -> None:
    run = run_publish(tmp_path, monkeypatch, FakeRunner(f1_live=0.95, f1_candidate=0.95))
    assert run.live and (tmp_path / "models" / "live.tar.gz").read_bytes() == b"new model"


def test_failed_validation_trains_nothing(tmp_path: Path, monkeypatch) -> None:
    runner = FakeRunner(0.9, 0.9, fail="tools check")
    run = run_publish(tmp_path, monkeypatch, runner)
    assert not run.live and run.steps[0].state == "fehlgeschlagen" and "kaputt" in run.steps[0].output
    assert not any("train" in c for c in runner.commands)
    assert (tmp_path / "models" / "live.tar.gz").read_bytes() == b"old model"


def test_words_of_every_language_are_saved_in_place_and_checked(editor: Editor, knowledge_copy: Path) -> None:
    from studio.editor import WordEditor

    words = WordEditor(editor)
    before = knowledge_copy.read_bytes()
    for section, entry_id, _ in words.entries()[::8]:  # an unchanged form changes nothing (every 8th entry)
        assert words.save(section, entry_id, words.values(section, entry_id)).ok
    assert knowledge_copy.read_bytes() == before
    values = words.values("topics", "diskriminierung")
    values["lang_tr"] += "\nırkçı hakaret"
    assert words.save("topics", "diskriminierung", values).ok
    topic = load_knowledge(knowledge_copy).topic("diskriminierung")
    assert "ırkçı hakaret" in topic.translations["tr"]
    assert words.save("topics", "gibtsnicht", values).problems


def test_unchanged_training_data_trains_nothing_and_keeps_the_live_model(tmp_path: Path, monkeypatch) -> None:
    runner = FakeRunner(0.9, 0.9, data_changed=False)
    run = run_publish(tmp_path, monkeypatch, runner)
    assert run.live and not [c for c in runner.commands if "train" in c and "--dry-run" not in c]
    assert (tmp_path / "models" / "live.tar.gz").read_bytes() == b"old model"


def test_one_question_more_or_less_in_a_small_intent_is_tolerated_two_are_not() -> None:
    assert not publish.Comparison({"greet": 1.0, "weighted avg": 0.95}, {"greet": 0.889, "weighted avg": 0.945}).worse
    assert publish.Comparison({"greet": 1.0, "weighted avg": 0.95}, {"greet": 0.75, "weighted avg": 0.945}).worse
    assert publish.Comparison({"greet": 1.0, "weighted avg": 0.95}, {"greet": 1.0, "weighted avg": 0.93}).worse
