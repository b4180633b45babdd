"""README and the docs stay true: every command and file path they name exists.

A reader copies commands and paths from these pages; a renamed file or target must
turn this test red, not leave a page that sends people to nothing. Paths under
folders that are built or written by a run (ignored by git) are checked by folder only.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest

from settings import PROJECT_ROOT
from tools.__main__ import COMMANDS

PAGES = [PROJECT_ROOT / "README.md", *sorted((PROJECT_ROOT / "docs").glob("*.md"))]
# Written by a run, not in a clean clone: only their top folder must be known.
GENERATED_ROOTS = {"results", "models", "build", "logs", "state", ".venv", ".rasa", "web/vendor",
                   "data/nlu/studio.yml"}  # the studio creates it with its first example
TOP_LEVEL = {p.name for p in PROJECT_ROOT.iterdir()} | GENERATED_ROOTS


def _project_files() -> List[str]:
    """The project's files: git's list, or (a copy without .git) every file outside generated folders."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=PROJECT_ROOT,
                            capture_output=True, text=True)
    if listed.returncode == 0:
        return listed.stdout.splitlines()
    skip = GENERATED_ROOTS | {".git", "node_modules", "__pycache__"}
    return [str(p.relative_to(PROJECT_ROOT)) for p in PROJECT_ROOT.rglob("*")
            if p.is_file() and not skip & set(p.relative_to(PROJECT_ROOT).parts)]


_TRACKED = _project_files()
# Bare file and folder names ("partners.yml", "seed/") may be named relative to a folder the text is about.
TRACKED_NAMES = {Path(line).name for line in _TRACKED} | {part for line in _TRACKED for part in Path(line).parts[:-1]}
CODE = re.compile(r"`([^`\n]+)`")
PATH = re.compile(r"^(?:\./)?((?:[\w.-]+/)+[\w.*-]*|[\w-]+\.(?:yml|yaml|py|md|txt|json|sh|html|js|css|lock|in))$")
MAKE = re.compile(r"\bmake ([a-z][a-z0-9-]*)")
TOOLS = re.compile(r"python -m tools ([a-z][a-z-]*)")


def _make_targets() -> set:
    text = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z0-9-]*):", text, flags=re.M))


def _mentions(page: Path) -> Iterator[Tuple[int, str]]:
    in_block = False
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            in_block = not in_block
            continue
        spans = [line.split(" #")[0]] if in_block else CODE.findall(line)
        for span in spans:
            yield number, span


def _missing_paths(page: Path) -> List[str]:
    missing = []
    for number, span in _mentions(page):
        for token in span.split():
            token = token.strip("(),;:'\"").rstrip(".")
            match = PATH.match(token)
            if not match or "://" in token or token.startswith(("-", "$", "<", "~", "/")) or "{" in token:
                continue
            name = match.group(1).rstrip("/")
            if "/" in name and name.split("/")[0] not in TOP_LEVEL:
                continue  # "name/alias", "application/json": words with a slash, not project paths
            if any(name == root or name.startswith(root + "/") for root in GENERATED_ROOTS):
                continue
            if "/" not in name and name not in TRACKED_NAMES:
                missing.append(f"{page.name}:{number}: {name}")
            elif "/" in name and not list(PROJECT_ROOT.glob(name)):
                missing.append(f"{page.name}:{number}: {name}")
    return missing


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_path_named_in_the_page_exists(page: Path) -> None:
    assert not _missing_paths(page)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_command_named_in_the_page_exists(page: Path) -> None:
    targets = _make_targets()
    text = page.read_text(encoding="utf-8")
    unknown = [f"make {t}" for t in (t.rstrip("-") for t in MAKE.findall(text)) if t not in targets]
    unknown += [f"python -m tools {c}" for c in TOOLS.findall(text) if c not in COMMANDS]
    assert not unknown


PHONE = re.compile(r"\b0\d{3,4} / [\d-]+\d")


def test_the_readme_types_no_phone_number() -> None:
    """Facts live in the knowledge file only: a number typed into the README goes stale with the next edit.
    (The trainer guide shows changed and invented numbers on purpose, as exercises.)"""
    assert not PHONE.findall((PROJECT_ROOT / "README.md").read_text(encoding="utf-8"))
