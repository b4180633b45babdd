"""The knowledge file's situations: described situations reach their topic.

A trainer who edits the cue lists of `situations` sees here whether typical descriptions
still reach the topic (and a harmless message does not). The sentences are written for
this test; they are no evaluation sentences and no training data.
"""

from __future__ import annotations

import pytest

from actions.actions import WORDING
from actions.knowledge import KnowledgeBase
from actions.situations import Situations


@pytest.fixture(scope="module")
def situations(knowledge: KnowledgeBase) -> Situations:
    return Situations(knowledge, WORDING)


@pytest.mark.parametrize("text, topic, language", [
    ("Unsere Oma kommt als Spätaussiedlerin. Wer legt fest, in welchem Ort sie wohnt?", "verteilung", "de"),
    ("Mein Cousin kommt bald her, wer sagt ihm, in welche Stadt er ziehen muss?", "verteilung", "de"),
    ("Ein Mann im Bus hat mich angeschrien, ich soll zurück nach Syrien gehen.", "diskriminierung", "de"),
    ("Im Supermarkt schreit ein Kunde: weg mit euch Ausländern! Wo kann ich das melden?", "diskriminierung", "de"),
    ("Beim Turnier haben Leute auf der Tribüne meine Tochter wegen ihrer Hautfarbe beschimpft.", "diskriminierung", "de"),
    ("Eine Patientin will sich nicht von mir pflegen lassen, weil ich Muslima bin.", "diskriminierung", "de"),
    # An insult quoted, with no word of who one is, and a question for help.
    ("Auf dem Parkplatz hat mir ein Mann 'hau ab, du Kameltreiber' nachgerufen. Wo kann ich das melden?",
     "diskriminierung", "de"),
    # A bare "kein" (a weak cue) with a question for help.
    ("Die Firma nimmt keine Bewerberin mit Kopftuch. An wen kann ich mich wenden?", "diskriminierung", "de"),
    ("In der Klinik hat der Arzt meine Frau wegen ihrem Kopftuch sehr respektlos behandelt.", "diskriminierung", "de"),
    # A people named by its ending ("*aner", "*nesen"), not listed word by word.
    ("Der Vermieter sagt am Telefon, an Kolumbianerinnen vermietet er keine Wohnung.", "diskriminierung", "de"),
    ("Auf dem Markt beschimpft ein Kunde die Sudanesen am Nachbarstand.", "diskriminierung", "de"),
    # Othering said as "solche wie …" at a place of everyday service.
    ("An der Tankstelle hieß es, die Toilette sei nicht für solche wie mich.", "diskriminierung", "de"),
    # A town the knowledge file does not know, after "nach".
    ("Wer hat bestimmt, dass meine Eltern nach Gelsenkirchen kommen?", "verteilung", "de"),
    # The cue lists in the other languages (`languages`), and a message that mixes them with German.
    ("Арендодатель отказал нам, потому что мы иностранцы, квартиру не дал.", "diskriminierung", "ru"),
    ("Ev sahibi bize yabancı olduğumuz için evi vermedi.", "diskriminierung", "tr"),
    ("Nuestra familia llega en marzo: ¿quién asigna el municipio?", "verteilung", "es"),
    ("Mein Bruder kommt bald. Qui décide dans quelle ville il va habiter ?", "verteilung", "fr"),
    ("Ez penaber im, kar nadin min.", "diskriminierung", "ku"),
    # A long German word with one letter replaced ("entscheidt" is no cue: a letter left out is not guessed).
    ("Wer endscheidet eigentlich, in welche Stadt meine Schwester kommt?", "verteilung", "de"),
])
def test_a_described_situation_reaches_its_topic(situations: Situations, text: str, topic: str, language: str) -> None:
    assert topic in [t.id for t in situations.topics_in(text, language)]


@pytest.mark.parametrize("text, language", [
    ("Meine Schwester wohnt in Köln. Wo ist dort das Museum?", "de"),
    ("Ich gehe morgen zurück nach Hause, danke für die Infos.", "de"),
    ("Mein Sohn ist Flüchtling und möchte in einer Mannschaft Fußball spielen, findet aber keine.", "de"),
    ("Der Planer in der Firma ist nie da, ich bin schon dreimal dort gewesen.", "de"),
    # A bare "nicht" or "keine" (weak cues) and a question that seeks no help: the story is context.
    ("Viele Migranten in unserem Verein reden nicht viel. Gibt es ein Netzwerk für Vereine?", "de"),
    ("An unserer Schule gibt es keine Lehrerin mit Kopftuch. Ist das überall so?", "de"),
    # A quote without a question for help, and a quote of what someone asks.
    ("Mein Sohn nennt seinen Lehrer immer 'den Chef'. Gibt es ein Netzwerk für Väter?", "de"),
    ("¿En qué ciudad está la oficina de los jóvenes?", "es"),
    # Not a typo: another word ("schreiben" is no "schreien"), another form ("Migranten" is no
    # "Migrantin"), another language's cue ("Institut" is no "instituto").
    ("Ich schreibe an der Schule eine Arbeit über junge Migranten und suche ein Institut, nicht mehr.", "de"),
    ("Где находится консультация для беженцев в Дюссельдорфе?", "ru"),
    # Another language's short cue is a word of this one: Kurmanji "na" (no) is Portuguese "in the".
    ("Sou imigrante e dou aulas na escola do bairro.", "pt"),
])
def test_a_harmless_message_is_no_situation(situations: Situations, text: str, language: str) -> None:
    assert situations.topics_in(text, language) == []
