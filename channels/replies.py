"""Everything the channels themselves say, in German.

These texts are sent without Rasa's dialogue (blank message, cut message, server
fault) or returned as the `message` of a 4xx answer, so they live here and not in
domain.yml. They name no phone number, address or URL on purpose: every contact
detail the bot gives must come from knowledge/partners.yml.
"""

from __future__ import annotations

EXAMPLE = "„Wer berät junge Migranten?“"

# Replies in the conversation (REST 200 and socket.io bot_uttered).
BLANK = f"Was möchten Sie wissen? Schreiben Sie Ihre Frage, zum Beispiel: {EXAMPLE}"
TRUNCATED = (
    "Ihre Nachricht ist sehr lang. Ich habe nur den Anfang (höchstens {limit} Zeichen) "
    "gelesen. Kurze Fragen verstehe ich am besten."
)
FAULT = (
    "Entschuldigung, ich kann gerade keine Auskunft geben. "
    "Bitte versuchen Sie es in ein paar Minuten noch einmal."
)
UNREADABLE = "Diese Nachricht konnte ich nicht lesen. Bitte schreiben Sie Ihre Frage als Text."

# `message` of a REST 4xx answer: addressed to whoever wrote the client.
_SHAPE = '{"sender": "anna", "message": "Wer berät junge Migranten?"}'
INVALID_JSON = f"Die Anfrage ist leer oder kein gültiges JSON. Erwartet wird zum Beispiel {_SHAPE}."
NOT_AN_OBJECT = f"Die Anfrage muss ein JSON-Objekt sein, zum Beispiel {_SHAPE}."
BODY_TOO_LARGE = "Die Anfrage ist zu groß (höchstens {limit} Bytes). Bitte senden Sie eine kürzere Frage."
MESSAGE_MISSING = "Das Feld „message“ fehlt. Bitte senden Sie Ihre Frage als Text im Feld „message“."
MESSAGE_NOT_TEXT = f"Das Feld „message“ muss ein Text sein, zum Beispiel {EXAMPLE}."
SENDER_NOT_TEXT = "Das Feld „sender“ (die Kennung des Gesprächs) muss ein Text oder eine Zahl sein."
SENDER_TOO_LONG = "Das Feld „sender“ ist zu lang (höchstens {limit} Zeichen)."
SENDER_CONTROL_CHARACTERS = "Das Feld „sender“ darf keine Steuerzeichen enthalten."
