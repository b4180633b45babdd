"""Words of the other languages that matched a common word of another meaning, and no longer do.

A single word of the knowledge file matches a said word with up to five more letters, and is
also indexed without its last one or two letters (actions.languages.TranslatedWords), across
all the languages the bot reads. So Polish "meczet" (mosque) met "mecze" (football matches),
Spanish "profesor" met "profesional", French "conseils" made every "conseil" (council) advice.
These entries are now phrases or longer forms of the same word. Each test writes a sentence of
its own (no evaluation sentences) with the colliding word, reads it as the bot does and checks
that the wrong group, topic or danger is gone; where the sentence also names the right thing,
that it is still found.
"""

from __future__ import annotations

from typing import List

import pytest

from actions import actions
from actions.memory import Memory
from actions.question import Question
from tests.support.fixtures import make_tracker


def _read(directory, text: str, language: str) -> Question:
    """The message read as the bot reads it, in a conversation already in `language`."""
    question = actions.UNDERSTANDING.get(directory).read(make_tracker(text=text, intent="nlu_fallback"),
                                                           Memory(language=language))
    assert question.language == language, (text, question.language)
    return question


def _groups(question: Question) -> List[str]:
    return [group.id for group in question.groups]


def _topics(question: Question) -> List[str]:
    return [topic.id for topic in question.topics]


def test_football_matches_are_no_mosque(directory) -> None:
    """Polish "meczet" (mosque) was also indexed as "mecze" and so read the football matches
    ("mecze") as the Muslim communities; "meczetów" keeps the mosque and its forms."""
    assert "muslime" not in _groups(_read(directory, "Czy w weekend są mecze piłkarskie dla dzieci?", "pl"))
    assert "muslime" in _groups(_read(directory, "Czy przy meczecie jest doradztwo dla rodzin?", "pl"))


def test_a_professional_is_no_teacher(directory) -> None:
    """Spanish "profesor", cut to "profes", met "profesional": a nurse asking to work in her
    profession was read as asking for teachers. "profesores" still finds "profesor"."""
    question = _read(directory, "Soy enfermera profesional, ¿quién me ayuda a trabajar en Alemania?", "es")
    assert "lehrkraefte" not in _groups(question)
    assert "lehrkraefte" in _groups(_read(directory, "Mi profesor de alemán me trata mal, ¿a quién puedo pedir ayuda?", "es"))


def test_education_is_no_educator(directory) -> None:
    """Turkish "eğitimci" (educator), cut to "eğitim", made every word about education
    ("eğitim almak": to get training) a question for teachers."""
    question = _read(directory, "Almanya'da mesleki eğitim almak istiyorum, nereye başvurmalıyım?", "tr")
    assert "lehrkraefte" not in _groups(question)


def test_the_first_is_no_boys(directory) -> None:
    """Arabic "الأولاد" (the boys), cut to "الأول", read "الأول" (the first) as boys; "أولاد"
    with the article taken off still finds the boys."""
    assert "jungen" not in _groups(_read(directory, "متى يكون الموعد الأول المتاح للاستشارة؟", "ar"))
    assert "jungen" in _groups(_read(directory, "هل هناك برامج للأولاد في المدرسة؟", "ar"))


def test_searching_for_is_no_research(directory) -> None:
    """Arabic "بحث" is research and searching: "البحث عن عمل" (looking for work) was read as the
    research topic. Research is now "بحث علمي", "أبحاث" and the like."""
    question = _read(directory, "البحث عن عمل صعب جدا، من يساعدني في كتابة السيرة الذاتية؟", "ar")
    assert "forschung" not in _topics(question)


def test_to_have_is_no_mother(directory) -> None:
    """Ukrainian "мати" is mother and the verb "to have": "хочу мати роботу" (I want to have a
    job) was read as the parents' group."""
    assert "eltern" not in _groups(_read(directory, "Я хочу мати роботу в Німеччині, хто допоможе?", "uk"))


@pytest.mark.parametrize("language, text", [
    ("fr", "Comment fonctionne le conseil d'intégration de notre ville ?"),
    ("es", "¿Cómo funciona el consejo de integración de mi ciudad?"),
    ("pt", "Como funciona o conselho de integração da minha cidade?"),
    ("sq", "Si funksionon këshilli i integrimit në qytetin tonë?"),
    ("ro", "Cum funcționează consiliul de integrare din orașul nostru?"),
])
def test_a_council_is_no_counselling(directory, language: str, text: str) -> None:
    """Advice words ("conseils", "consejos", "conselho", "këshillë", "consilier") were indexed as
    "conseil", "consejo", "conselh", "këshill", "consili": every integration council read as
    counselling. The council itself is still found."""
    question = _read(directory, text, language)
    assert "beratung" not in _topics(question)
    assert "migrantenvertretungen" in _groups(question)


@pytest.mark.parametrize("language, text", [
    ("en", "I am from Romania and looking for a job in Cologne, who can help?"),
    ("ru", "Меня зовут Роман, я ищу курсы немецкого языка."),
])
def test_romania_is_no_roma(directory, language: str, text: str) -> None:
    """English "roma" met "Romania" and "Romanian", Russian "рома" the name "Роман": the Sinti
    and Roma partners answered a Romanian looking for work. Roma are now named in phrases."""
    assert "sinti_roma" not in _groups(_read(directory, text, language))


def test_defends_is_no_weapon(directory) -> None:
    """Polish "bron" (weapon, typed without "ń") met "broni" (defends), and danger words count in
    every message: asking who defends migrants' rights got the emergency numbers."""
    question = _read(directory, "Kto w NRW broni praw migrantów?", "pl")
    assert question.danger is None


def test_costs_is_no_knife(directory) -> None:
    """French "couteau" (knife), cut to "coute", met "coute" (costs, typed without "û"): asking
    what the counselling costs got the emergency numbers. A knife is still danger."""
    assert _read(directory, "Combien ça coute, la consultation ?", "fr").danger is None
    assert _read(directory, "Mon voisin a un couteau et il me menace !", "fr").danger is not None


def test_attached_to_is_no_link(directory) -> None:
    """Kurmanji "girêdan" (a link) was a web-address word; "girêdayî" (attached to, belonging to) met it
    with its cut ending, so "which office does it belong to?" asked for the web address."""
    question = _read(directory, "Ev komele bi kîjan wezaretê ve girêdayî ye?", "ku")
    assert "web" not in question.fields, question.fields
