"""Spelling forms of German names, shared by the NLU generator and the resolver.

Residents often type without umlauts ("Vaeter", "Koeln") or in lower case; the
NLU lookup tables get those variants generated, and the resolver compares folded
forms, so both sides agree on what counts as the same name.
"""

from __future__ import annotations

import re
from typing import FrozenSet, Iterator, List

_UMLAUTS_AS_DIGRAPH = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
_UMLAUTS_AS_VOWEL = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U", "ß": "ss"})
_NOT_WORD = re.compile(r"[^\w]+")
_GENDER_MARK = re.compile(r"(?<=[^\W\d_])(?:[*:_](?=innen|in\b)|/(?=innen))", re.IGNORECASE)
_DIGRAPHS_AS_UMLAUT = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))
_PLAIN_TO_UMLAUT = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"}


def without_gender_marks(text: str) -> str:
    """"Migrant*innen", "Lehrer:innen", "Schüler/innen" -> "Migrantinnen" …: the gender mark
    inside a word is no word break."""
    return _GENDER_MARK.sub("", text)


def fold(text: str) -> str:
    """A comparison key: lower case, umlauts as ae/oe/ue, gender marks joined ("Migrant*innen"),
    punctuation as single spaces."""
    # The Turkish capital "İ" folds to "i" and a combining dot, which is no word character: dropped,
    # so "İsmim" stays one word.
    folded = without_gender_marks(text).casefold().replace("\u0307", "").translate(_UMLAUTS_AS_DIGRAPH)
    return _NOT_WORD.sub(" ", folded).strip()


def spelling_variants(name: str) -> List[str]:
    """The name as written, with umlauts as ae/oe/ue, and with plain vowels; no repeats."""
    variants = [name, name.translate(_UMLAUTS_AS_DIGRAPH), name.translate(_UMLAUTS_AS_VOWEL)]
    return list(dict.fromkeys(variants))


def with_umlauts(word: str) -> str:
    """"beraet" -> "berät": a folded or digraph-typed word, as the lemma table spells it."""
    for digraph, umlaut in _DIGRAPHS_AS_UMLAUT:
        word = word.replace(digraph, umlaut)
    return word


def one_umlaut_more(word: str) -> Iterator[str]:
    """"kampft" -> "kämpft", "schuler" -> "schüler": a keyboard without umlauts types the plain
    vowel. The caller tries these only after the word as typed, one vowel at a time, so a word
    the table knows ("fordern") is never read as another ("fördern")."""
    for index, vowel in enumerate(word):
        umlaut = _PLAIN_TO_UMLAUT.get(vowel)
        if umlaut:
            yield word[:index] + umlaut + word[index + 1:]


def with_plain_vowels(words: str) -> FrozenSet[str]:
    """The folded words and, for people who type without umlauts, their plain-vowel spelling
    ("dafuer" and "dafur"): `fold` makes "ü" "ue", a keyboard without umlauts gives "u"."""
    folded = words.split()
    return frozenset([*folded, *(w.replace("ue", "u").replace("oe", "o").replace("ae", "a") for w in folded)])
