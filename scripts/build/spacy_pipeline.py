"""Build the German spaCy pipeline that Rasa's SpacyNLP loads by path.

German spaCy models cannot be downloaded on our machines, so the pipeline is
built from `spacy.blank("de")` (German tokenizer rules) plus the lookup
lemmatizer of spacy-lookups-data ("berät" -> "beraten"), and saved into the
ignored build folder. With `de_core_news_md` installed, point config.yml's
`model:` at it instead (see README).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import spacy

from actions.knowledge import PROJECT_ROOT

DEFAULT_OUTPUT = PROJECT_ROOT / "build" / "spacy-de"


def build(output: Path) -> None:
    """Create the pipeline and write it to `output` (replacing an older build)."""
    nlp = spacy.blank("de")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.meta["name"] = "integrationslotse_de"
    nlp.meta["description"] = "spacy.blank('de') + lookup lemmatizer (spacy-lookups-data)"
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = output.with_name(output.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    nlp.to_disk(staging)
    shutil.rmtree(output, ignore_errors=True)
    staging.rename(output)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    build(args.output)
    check = spacy.load(args.output)
    lemmas = [t.lemma_ for t in check("Wer berät die jungen Migranten?")]
    print(f"spaCy-Pipeline gespeichert in {args.output} (Probe: {' '.join(lemmas)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
