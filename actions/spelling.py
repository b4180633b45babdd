"""Spelling forms of German names, shared by the NLU generator and the resolver.

Residents often type without umlauts ("Vaeter", "Koeln") or in lower case; the
NLU lookup tables get those variants generated, and the resolver compares folded
forms, so both sides agree on what counts as the same name.
"""

from __future__ import annotations

import re
from typing import List

_UMLAUTS_AS_DIGRAPH = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
_UMLAUTS_AS_VOWEL = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U", "ß": "ss"})
_NOT_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """A comparison key: lower case, umlauts as ae/oe/ue, punctuation as single spaces."""
    folded = text.casefold().translate(_UMLAUTS_AS_DIGRAPH)
    return _NOT_WORD.sub(" ", folded).strip()


def spelling_variants(name: str) -> List[str]:
    """The name as written, with umlauts as ae/oe/ue, and with plain vowels; no repeats."""
    variants = [name, name.translate(_UMLAUTS_AS_DIGRAPH), name.translate(_UMLAUTS_AS_VOWEL)]
    return list(dict.fromkeys(variants))
