"""The partner editor: a form over one entry of the knowledge file, saved in place.

The file on disk stays the single source of truth and readable YAML: the entry is
changed in the round-trip document (comments, order, quotes of the other entries stay
as they are), written to a temporary copy and checked there with the same checks as
`make validate` (the schema of actions/knowledge.py, every quote and value in the
source texts). Only a copy without problems replaces the file; otherwise the form
comes back with each problem next to its field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

from actions.knowledge import CONTACT_FIELDS, KINDS, KnowledgeError, Stamp, file_stamp, load_knowledge, parse_yaml
from actions.sources import not_in_source, source_text
from studio.records import dump, round_trip, write_atomically

# Form fields in the order the page shows them: (name, label, kind)
TEXT_FIELDS: Tuple[Tuple[str, str], ...] = (
    ("name", "Offizieller Name"), ("short_name", "Kurzform (z. B. KfI)"), ("summary", "Ein Satz: was die Stelle tut"),
    ("simple", "Dasselbe in einfacher Sprache"), ("description", "Beschreibung (wörtlich aus der Quelle)"),
    ("opening", "Satz der Beschreibung, der sagt, was die Stelle ist (nur wenn der erste den Hintergrund nennt)"),
    ("source", "Abschnitt der Quelle"),
)
LINE_FIELDS: Tuple[Tuple[str, str], ...] = (
    ("aliases", "Weitere Namen (einer je Zeile)"),
    ("phone", "Telefon (eine Nummer je Zeile; auch: Nummer | Hinweis | wie die Seite sie druckt)"),
    ("fax", "Fax (auch: Nummer | Hinweis | wie die Seite sie druckt)"),
    ("email", "E-Mail (auch: Adresse | Hinweis | wie die Seite sie druckt)"), ("web", "Web-Adresse"),
    ("places", "Orte: Stadt | Adresse | Bezeichnung (einer je Zeile)"),
    ("facts", "Weitere wörtliche Sätze der Quelle (einer je Zeile)"),
)
_ID = re.compile(r"^[a-z0-9_]+$")


@dataclass
class Saved:
    """The result of a save: problems per form field (empty: saved)."""

    problems: Dict[str, List[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def _lines(text: str) -> List[str]:
    return [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]


def form_values(entry: Mapping[str, Any]) -> Dict[str, Any]:
    """What the form shows for an entry of the file."""
    contact = entry.get("contact") or {}

    def value_line(item: Any) -> str:
        """"value", "value | note" or "value | note | page" (the line as the page prints it)."""
        if not isinstance(item, dict):
            return str(item)
        parts = [str(item.get(k) or "") for k in ("value", "note", "page")]
        return " | ".join(parts if parts[2] else parts[:2] if parts[1] else parts[:1])

    values: Dict[str, Any] = {name: str(entry.get(name) or "") for name, _ in TEXT_FIELDS}
    values["id"] = str(entry.get("id") or "")
    values["kind"] = str(entry.get("kind") or "")
    values["aliases"] = "\n".join(entry.get("aliases") or [])
    for name in CONTACT_FIELDS:
        values[name] = "\n".join(value_line(v) for v in contact.get(name) or [])
    values["places"] = "\n".join(" | ".join(str(p.get(k) or "") for k in ("city", "address", "label")).rstrip(" |")
                                 for p in entry.get("places") or [])
    values["facts"] = "\n".join(entry.get("facts") or [])
    values["target_groups"] = list(entry.get("target_groups") or [])
    values["topics"] = list(entry.get("topics") or [])
    values["questions"] = [f"{q.get('text')} ({q.get('asked')})" for q in entry.get("questions") or []]
    return values


def _set(entry: CommentedMap, key: str, value: Any) -> None:
    """Set or (when empty) remove a key, keeping the position of keys that stay."""
    if value in (None, "", [], {}):
        entry.pop(key, None)
    else:
        entry[key] = value


def _flow(items: List[str]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _folded(text: str, width: int = 88) -> Any:
    """A long text as the file writes it: a folded block (`>-`), wrapped at `width`."""
    if len(text) <= width:
        return text
    folded = FoldedScalarString(text)
    positions, line_start = [], 0
    for index, char in enumerate(text):
        if char == " " and index - line_start > width - 20 and (text.find(" ", index + 1) - line_start > width
                                                                  or text.find(" ", index + 1) < 0):
            positions.append(index)
            line_start = index + 1
    folded.fold_pos = positions
    return folded


def apply_form(entry: CommentedMap, form: Mapping[str, Any]) -> None:
    """Write the form's changed values into the entry of the round-trip document.

    Fields the trainer did not change are left exactly as written (quotes, line
    folding, flow lists), so a save changes only the lines of what was changed."""
    before = form_values(entry)

    def changed(name: str, value: Any) -> bool:
        old = before.get(name)
        if isinstance(value, list):
            return list(value) != list(old or [])
        return " ".join(str(value or "").split()) != " ".join(str(old or "").split())

    for name, _ in TEXT_FIELDS:
        value = " ".join(str(form.get(name) or "").split())
        if changed(name, value):
            _set(entry, name, _folded(value) if name in ("description", "summary") else value)
    if changed("kind", form.get("kind")):
        _set(entry, "kind", str(form.get("kind") or ""))
    for name in ("aliases",):
        if changed(name, "\n".join(_lines(form.get(name, "")))):
            _set(entry, name, _flow(_lines(form.get(name, ""))))
    for name in ("target_groups", "topics"):
        if changed(name, list(form.get(name) or [])):
            _set(entry, name, _flow(list(form.get(name) or [])))
    if changed("places", "\n".join(_lines(form.get("places", "")))):
        _set(entry, "places", _places(form))
    if any(changed(n, "\n".join(_lines(form.get(n, "")))) for n in CONTACT_FIELDS):
        _set(entry, "contact", _contact(form))
    if changed("facts", "\n".join(_lines(form.get("facts", "")))):
        _set(entry, "facts", [DoubleQuotedScalarString(f) for f in _lines(form.get("facts", ""))])


def _places(form: Mapping[str, Any]) -> List[CommentedMap]:
    places = []
    for line in _lines(form.get("places", "")):
        city, address, label = (part.strip() for part in (line.split("|") + ["", ""])[:3])
        place = CommentedMap((k, v) for k, v in (("city", city), ("label", label), ("address", address)) if v)
        places.append(place)
    return places


def _contact(form: Mapping[str, Any]) -> CommentedMap:
    contact = CommentedMap()
    for name in CONTACT_FIELDS:
        items: List[Any] = []
        for line in _lines(form.get(name, "")):
            value, note, page = (part.strip() for part in (line.split("|", 2) + ["", ""])[:3])
            item = CommentedMap((k, v) for k, v in (("value", value), ("note", note), ("page", page)) if v)
            items.append(item if len(item) > 1 else DoubleQuotedScalarString(value))
        if items:
            contact[name] = _flow(items) if all(isinstance(i, str) for i in items) else items
    return contact


def _field_of(message: str) -> str:
    found = re.search(r"Feld '([a-z_]+)'", message)
    name = found.group(1) if found else "allgemein"
    return {"address": "places", "city": "places", "label": "places", "value": "phone"}.get(name, name)


class Editor:
    """Reads and saves partner entries of one knowledge file."""

    def __init__(self, path: Path, source: Callable[[], str] = source_text) -> None:
        self.path = path
        self.source = source  # the texts every quote and value must be in
        self._view: Tuple[Optional[Stamp], Any] = (None, None)

    def document(self) -> Any:
        """The file as a round-trip document, read anew: for a change that is written back."""
        return round_trip().load(self.path.read_text(encoding="utf-8"))

    def view(self) -> Any:
        """The file as plain data for pages that only show it; not to be changed.

        Parsed again only when the file changed on disk: the round-trip parse of the
        knowledge file takes seconds, and a trainer opening a page must not wait.
        """
        stamp = file_stamp(self.path)
        if stamp is None or stamp != self._view[0]:
            self._view = (stamp, parse_yaml(self.path.read_text(encoding="utf-8")))
        return self._view[1]

    def entry(self, partner_id: str) -> Optional[Mapping[str, Any]]:
        return next((p for p in self.view()["partners"] if p.get("id") == partner_id), None)

    def vocabulary(self) -> Dict[str, List[Tuple[str, str]]]:
        """The target groups and topics a partner can be given, (id, label)."""
        data = self.view()
        return {key: [(str(v["id"]), str(v.get("label") or v["id"])) for v in data.get(key) or []]
                for key in ("target_groups", "topics")}

    def save(self, partner_id: Optional[str], form: Mapping[str, Any]) -> Saved:
        """Change (or, with partner_id None, add) an entry; saved only without problems."""
        document = self.document()
        partners = document["partners"]
        if partner_id is None:
            new_id = str(form.get("id") or "").strip()
            if not _ID.match(new_id):
                return Saved({"id": ["Kennung: nur Kleinbuchstaben a-z, Ziffern und _"]})
            if any(p.get("id") == new_id for p in partners):
                return Saved({"id": [f"Die Kennung '{new_id}' gibt es schon."]})
            entry = CommentedMap(id=new_id)
            partners.append(entry)
        else:
            entry = next((p for p in partners if p.get("id") == partner_id), None)
            if entry is None:
                return Saved({"allgemein": [f"Keinen Eintrag '{partner_id}' in {self.path.name} gefunden."]})
        if str(form.get("kind") or "") not in KINDS:
            return Saved({"kind": [f"Bitte eine Art wählen: {', '.join(KINDS)}"]})
        apply_form(entry, form)
        return self._write_checked(document, quoted_entry=str(entry["id"]))

    def add_questions(self, partner_id: str, asked: str, texts: List[str]) -> Saved:
        """Assign inbox questions to a partner (`questions`): answered so from now on, without training."""
        document = self.document()
        entry = next((p for p in document["partners"] if p.get("id") == partner_id), None)
        if entry is None:
            return Saved({"allgemein": [f"Keinen Eintrag '{partner_id}' gefunden."]})
        questions = entry.get("questions")
        if questions is None:
            questions = entry["questions"] = CommentedSeq()
        known = {str(q.get("text")) for q in questions}
        for text in texts:
            if text not in known:
                questions.append(CommentedMap(text=DoubleQuotedScalarString(text), asked=asked))
        return self._write_checked(document)

    def _write_checked(self, document: Any, quoted_entry: Optional[str] = None) -> Saved:
        """Write `document` only if a copy of it passes the schema and, for `quoted_entry`,
        every quote and value of that partner is in the source texts."""
        text = dump(document)
        candidate = self.path.with_name(f".{self.path.name}.candidate")
        candidate.write_text(text, encoding="utf-8")
        try:
            knowledge = load_knowledge(candidate)
        except KnowledgeError as error:
            message = str(error).replace(str(candidate), self.path.name)
            return Saved({_field_of(message): [message.split(": ", 1)[-1]]})
        finally:
            candidate.unlink(missing_ok=True)
        problems: Dict[str, List[str]] = {}
        partner = knowledge.partner(quoted_entry) if quoted_entry else None
        for field_name, quoted in not_in_source(partner, self.source()) if partner else []:
            problems.setdefault(field_name.split(".")[0], []).append(
                f"„{quoted}“ steht so nicht in der Quelle (knowledge/seed/, knowledge/sources/)")
        if problems:
            return Saved(problems)
        write_atomically(self.path, text)
        return Saved()


def _other_languages(document: Any) -> List[str]:
    """The file's languages besides German (their words are kept under `languages`)."""
    return [str(code) for code in document.get("languages") or [] if code != "de"]


# Sections of the knowledge file whose entries are words people ask with, in every language.
WORD_SECTIONS: Tuple[str, ...] = ("target_groups", "topics", "contact_words")


class WordEditor:
    """Words of target groups, topics and contact words, German and per language, saved in place.

    Words are not quotes: they are checked by the schema only (a language must be one
    of the file's `languages`). German words feed the NLU after `make sync` and training;
    the other languages' words are read by the action server at once.
    """

    def __init__(self, editor: Editor) -> None:
        self.editor = editor

    def languages(self) -> List[str]:
        return _other_languages(self.editor.view())

    def entries(self) -> List[Tuple[str, str, str]]:
        """(section, id, label) of every entry with words."""
        data = self.editor.view()
        return [(section, str(e["id"]), str(e.get("label") or e["id"]))
                for section in WORD_SECTIONS for e in data.get(section) or []]

    def values(self, section: str, entry_id: str, document: Any = None) -> Optional[Dict[str, str]]:
        document = document if document is not None else self.editor.view()
        entry = self._entry(document, section, entry_id)
        if entry is None:
            return None
        values = {"words": "\n".join(entry.get("words") or [])}
        for code in _other_languages(document):
            values[f"lang_{code}"] = "\n".join((entry.get("languages") or {}).get(code) or [])
        return values

    @staticmethod
    def _entry(document: Any, section: str, entry_id: str) -> Optional[CommentedMap]:
        if section not in WORD_SECTIONS:
            return None
        return next((e for e in document.get(section) or [] if str(e.get("id")) == entry_id), None)

    def save(self, section: str, entry_id: str, form: Mapping[str, Any]) -> Saved:
        document = self.editor.document()
        entry = self._entry(document, section, entry_id)
        if entry is None:
            return Saved({"allgemein": [f"Keinen Eintrag '{entry_id}' unter {section} gefunden."]})
        before = self.values(section, entry_id, document) or {}
        words = _lines(form.get("words", ""))
        if "\n".join(words) != before.get("words"):
            _set(entry, "words", _flow(words))
        for code in _other_languages(document):
            translated = _lines(form.get(f"lang_{code}", ""))
            if "\n".join(translated) == before.get(f"lang_{code}"):
                continue
            languages = entry.get("languages")
            if languages is None:
                languages = entry["languages"] = CommentedMap()
            _set(languages, code, _flow(translated))
        return self.editor._write_checked(document)
