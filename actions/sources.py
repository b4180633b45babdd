"""The source texts every fact must quote, and the check that a partner's facts do.

The seed page (knowledge/seed/) and further source texts a trainer saved
(knowledge/sources/*.txt). Used by `make validate` (tools/check_training_data.py), the
trainer studio before it saves an entry, and the content tests, so all three accept
and refuse exactly the same entries.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator, List, Optional, Tuple

import settings
from actions.knowledge import Partner

SEED_FILE = settings.PROJECT_ROOT / "knowledge" / "seed" / "chancen-nrw-partner-gremien-netzwerke.txt"
SOURCES_DIR = settings.PROJECT_ROOT / "knowledge" / "sources"


def source_text(seed: Path = SEED_FILE, sources: Path = SOURCES_DIR) -> str:
    """The seed page plus every further source text."""
    texts = [seed.read_text(encoding="utf-8")]
    texts += [path.read_text(encoding="utf-8") for path in sorted(sources.glob("*.txt"))]
    return "\n\n".join(texts)


def normalise(text: str) -> str:
    """Compare texts as the knowledge file may quote them.

    Whitespace is collapsed, the page's e-mail obfuscation ("info [at] x.de") is
    undone, and line-break hyphens inside words ("Migrati-onshintergrund") are
    removed on both sides.
    """
    text = re.sub(r"\s*\[at\]\s*", "@", text)
    text = re.sub(r"(?<=[a-zäöüß])-(?=[a-zäöüß])", "", text)
    return " ".join(text.split())


def quoted_texts(partner: Partner) -> Iterator[Tuple[str, str]]:
    """(field, text) of everything the entry quotes: description sentences, facts, lists."""
    for sentence in re.split(r"(?<=[.!?])\s+", partner.description):
        yield "description", sentence
    for fact in partner.facts:
        yield "facts", fact
    for quoted in partner.lists:
        for text in (quoted.lead, *quoted.items):
            yield "lists", text


def contact_values(partner: Partner) -> Iterator[Tuple[str, str]]:
    """(field, value) of every contact value and place; an address is compared part by part."""
    for field_name, items in partner.contact.items():
        for item in items:
            yield field_name, item.value
            if item.note:
                yield f"{field_name}.note", item.note
            if item.page:
                yield f"{field_name}.page", item.page
    for place in partner.places:
        for value in (place.address, place.city, place.label):
            if value:
                yield "places", value


def not_in_source(partner: Partner, source: Optional[str] = None) -> List[Tuple[str, str]]:
    """(field, text) of the entry's quotes and values that the source texts do not contain."""
    text = normalise(source if source is not None else source_text())
    missing = [(f, t) for f, t in quoted_texts(partner) if normalise(t) not in text]
    # An address is one line per part in the seed ("Seibertzstr. 1\n59821 Arnsberg");
    # a note may join two phrases of the seed with a dash.
    missing += [(f, v) for f, v in contact_values(partner)
                if any(normalise(part) not in text for part in re.split(r", | – ", v))]
    return missing
