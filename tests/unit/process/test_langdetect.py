import pytest

from process.langdetect import guess, normalise, resolve
from process.text import tokenize


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La Russie et la Corée du Nord ont signé un traité", "fr"),
        ("Russia and North Korea signed a treaty on Wednesday", "en"),
        ("Russland und Nordkorea haben einen Vertrag mit der Armee unterzeichnet", "de"),
        ("Rusia y Corea del Norte firman un tratado de asociación", "es"),
        ("Россия и КНДР подписали договор о партнёрстве", "ru"),
        ("Pyongyang Moscow", "und"),
    ],
)
def test_guess_picks_the_language_of_the_function_words(text, lang):
    assert guess(t.form for t in tokenize(text) if t.is_word) == lang


def test_normalise_keeps_the_primary_subtag():
    assert normalise("fr-FR") == "fr"
    assert normalise("en_GB") == "en"
    assert normalise("  ") is None


def test_a_declared_language_stands_unless_the_text_plainly_says_otherwise():
    english = [t.form for t in tokenize("Putin will visit North Korea this week for the first time in 24 years.")]
    assert resolve("fr", english) == "en"
    assert resolve("fr", [t.form for t in tokenize("Putin in Pyongyang")]) == "fr"
    assert resolve(None, english) == "en"
    assert resolve("en-GB", english) == "en"
