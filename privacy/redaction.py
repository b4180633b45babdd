"""Replace personal data in user messages with placeholders before anything is written.

Residents sometimes type their own phone number, e-mail address, date of birth,
street address or bank account into the chat. Reports (`make inbox`) and logs
keep the question but never those details. The patterns err on the side of
redacting: a partner's office number typed by a counsellor is redacted as well,
which costs nothing because the knowledge file has it.
"""

from __future__ import annotations

import re
from typing import List, Pattern, Tuple

_RULES: List[Tuple[Pattern[str], str]] = [
    # E-mail addresses, also written "name [at] example.de" or "name(at)example.de".
    (re.compile(r"[\w.+-]+\s*(?:@|\[at\]|\(at\))\s*[\w-]+(?:\.[\w-]+)+", re.IGNORECASE), "[E-Mail]"),
    # IBAN (DE and others): two letters, two digits, 11 to 30 alphanumerics in groups.
    (re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b"), "[IBAN]"),
    # Dates such as a date of birth: 3.4.1990, 03.04.90, 1990-04-03.
    (re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)?\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b"), "[Datum]"),
    # Phone numbers: an optional +, then at least 6 digits, possibly split by spaces, /, -, ().
    (re.compile(r"(?<![\w])(?:\+|00)?\(?\d[\d\s/()\-.]{4,}\d(?![\w])"), "[Telefon]"),
    # Street and house number: "Musterstraße 12", "Am Markt 3a", "Hauptstr. 5".
    (re.compile(
        r"\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer)\s+\d+\s?[a-z]?\b",
        re.IGNORECASE,
    ), "[Adresse]"),
]


def redact(text: str) -> str:
    """`text` with e-mail addresses, IBANs, dates, phone numbers and street addresses replaced."""
    for pattern, placeholder in _RULES:
        text = pattern.sub(placeholder, text)
    return text
