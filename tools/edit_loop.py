"""How long from a trainer's edit of the knowledge file to the running bot answering it.

`make edit-loop` measures, in a temporary copy of the project (the repository is
not touched):
  1. a changed phone number: the running action server reloads the knowledge file
     (actions/live_knowledge.py), no training, no restart;
  2. a new partner, asked by its full name before retraining: the reloaded
     knowledge file plus the fuzzy name search in free text already answer it;
  3. a new partner the full way: `make sync` (generate_nlu), `rasa train`, restart,
     first answer to a question using its short name, which needs the new model.
Figures are printed and written to results/edit-loop.json; docs/trainer-guide.md
and the closing notes quote them. The test tests/e2e/test_edit_loop.py runs the
same steps with a shorter training.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import settings
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional

import requests

from actions.knowledge import PROJECT_ROOT, load_knowledge
from tools.sample_questions import phone_question
from tools.launch.local import RASA, RunningBot, start_servers

MODEL_NAME = settings.get("MODEL_NAME")
FICTIONAL_PARTNER = """
  - id: brueckenbau
    name: Beratungszentrum Brückenbau
    short_name: BZB
    aliases: [BZB, Brückenbau-Zentrum]
    kind: Partner
    summary: >-
      Erfundener Testeintrag: das Beratungszentrum Brückenbau berät neu Zugewanderte.
    description: >-
      Das Beratungszentrum Brückenbau ist ein erfundener Eintrag, mit dem geprüft wird,
      ob neue Partner beantwortet werden.
    target_groups: [migranten]
    places:
      - city: Musterstadt
        address: Musterweg 1, 12345 Musterstadt
    contact:
      phone: ["0123 / 4567-0"]
    source: "Testeintrag (erfunden)"
"""
FICTIONAL_PHONE = "0123 / 4567-0"


def changed_number(phone: str) -> str:
    """The same number with its last digit changed: the kind of edit a trainer makes."""
    return phone[:-1] + ("1" if phone[-1] != "1" else "2")


def copy_project(target: Path) -> Path:
    """The project's own files (git's view: tracked and new, not ignored) copied to `target`.

    The venv and the built spaCy pipeline are linked, not copied: they do not change.
    """
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=PROJECT_ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = PROJECT_ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    for linked in (".venv", "build", "web/vendor"):
        if (PROJECT_ROOT / linked).exists():
            (target / linked).parent.mkdir(parents=True, exist_ok=True)
            (target / linked).symlink_to(PROJECT_ROOT / linked)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise RuntimeError(f"{path}: '{old}' nicht gefunden")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_fictional_partner(project: Path) -> None:
    knowledge = project / "knowledge" / "partners.yml"
    knowledge.write_text(knowledge.read_text(encoding="utf-8").rstrip("\n") + "\n" + FICTIONAL_PARTNER,
                         encoding="utf-8")


def ask(bot: RunningBot, sender: str, message: str) -> str:
    response = requests.post(f"{bot.rasa_url}/webhooks/rest/webhook",
                             json={"sender": sender, "message": message}, timeout=60)
    response.raise_for_status()
    return "\n".join(m.get("text", "") for m in response.json())


def seconds_until(answered: Callable[[], bool], limit: float = 60.0) -> float:
    """Seconds until `answered()` is true (polled); raise when `limit` passes."""
    start = time.monotonic()  # the edit was saved just before the call
    while not answered():
        if time.monotonic() - start > limit:
            raise RuntimeError(f"keine passende Antwort nach {limit:.0f} s")
        time.sleep(0.2)
    return time.monotonic() - start


def run_step(command: List[str], cwd: Path, log: Path) -> float:
    """Run a command in the copy; its output goes to `log`; return seconds taken."""
    start = time.monotonic()
    # Rasa's training cache of the project, as `make train` in the project would use it:
    # components whose input did not change (the dialogue policies) are not trained again.
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3",
           "RASA_CACHE_DIRECTORY": str(PROJECT_ROOT / ".rasa" / "cache")}
    with log.open("w") as handle:
        result = subprocess.run(command, cwd=cwd, env=env, stdout=handle, stderr=subprocess.STDOUT)
    if result.returncode:
        raise RuntimeError(f"{' '.join(command)} schlug fehl, siehe {log}")
    return time.monotonic() - start


def sync_and_train(project: Path, work: Path, epochs: Optional[int] = None) -> Dict[str, float]:
    """`make sync` and `make train` in the copy (optionally fewer DIET epochs, for tests)."""
    if epochs is not None:
        config = project / "config.yml"
        text, count = re.subn(r"(\n\s+epochs:) \d+", rf"\g<1> {epochs}", config.read_text(encoding="utf-8"), count=1)
        if count != 1:
            raise RuntimeError(f"{config}: no 'epochs:' setting to shorten")
        config.write_text(text, encoding="utf-8")
    python = str(project / ".venv" / "bin" / "python")
    return {
        "sync_s": run_step([python, "-m", "scripts.build.generate_nlu"], project, work / "sync.log"),
        "train_s": run_step([str(RASA), "train", "--fixed-model-name", MODEL_NAME, "--out", "models"],
                            project, work / "train.log"),
    }


def measure(work: Path, model: Path, epochs: Optional[int] = None) -> Dict[str, float]:
    project = copy_project(work / "project")
    figures: Dict[str, float] = {}
    probe = phone_question(load_knowledge(project / "knowledge" / "partners.yml"))
    question, old, new = probe.question, probe.phone, changed_number(probe.phone)
    with start_servers(work / "before", model=model, project=project) as bot:
        assert old in ask(bot, "lotse-a", question), "Ausgangszustand: alte Nummer erwartet"
        # Each time runs from the saved edit to the first answer that has the new fact.
        replace_in(project / "knowledge" / "partners.yml", old, new)
        figures["phone_change_live_s"] = seconds_until(lambda: new in ask(bot, "lotse-a", question))
        add_fictional_partner(project)
        figures["new_partner_by_full_name_without_training_s"] = seconds_until(
            lambda: FICTIONAL_PHONE in ask(bot, "lotse-b", "Was macht das Beratungszentrum Brückenbau?"))
    started = time.monotonic()
    figures.update(sync_and_train(project, work, epochs))
    restart = time.monotonic()
    with start_servers(work / "after", model=project / "models" / f"{MODEL_NAME}.tar.gz", project=project) as bot:
        figures["restart_s"] = time.monotonic() - restart
        answer = ask(bot, "lotse-c", "Telefon BZB")
        if FICTIONAL_PHONE not in answer:
            raise RuntimeError(f"Der neue Partner wird nach dem Training nicht beantwortet: {answer!r}")
    figures["new_partner_with_training_total_s"] = time.monotonic() - started
    return {k: round(v, 2) for k, v in figures.items()}


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=PROJECT_ROOT / "models" / f"{MODEL_NAME}.tar.gz")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "results" / "edit-loop.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="edit-loop-") as folder:
        figures = measure(Path(folder), args.model)
    labels = {
        "phone_change_live_s": "Telefonnummer geändert -> Antwort neu (ohne Training)",
        "new_partner_by_full_name_without_training_s": "Neuer Partner, voller Name, ohne Training",
        "sync_s": "make sync",
        "train_s": "rasa train",
        "restart_s": "Neustart bis bereit",
        "new_partner_with_training_total_s": "Neuer Partner mit Training, gesamt (Ziel < 180 s)",
    }
    for key, label in labels.items():
        print(f"{label:<58} {figures[key]:>7.1f} s")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"-> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
