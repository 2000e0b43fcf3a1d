"""Language identification: tags normalised, missing ones guessed from stopwords, declared ones overruled."""

from __future__ import annotations

from pathlib import Path

import pytest

from process.text import tokenize
from veille.language import UNDETERMINED, detect_language, guess_words, normalize_lang, resolve


def folded(text: str) -> list[str]:
    """The folded words of ``text``, as the extractor hands them over."""
    return [t.form for t in tokenize(text) if t.is_word]


ENGLISH = folded("Putin will visit North Korea this week for the first time in 24 years.")


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("fr-FR", "fr"),
        ("EN_us", "en"),
        ("en_GB", "en"),
        (" de ", "de"),
        ("ru", "ru"),
        ("", None),
        ("  ", None),
        (None, None),
        ("x", None),
        ("12", None),
    ],
)
def test_declared_tags_are_reduced_to_their_primary_subtag(tag, expected):
    assert normalize_lang(tag) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vladimir Poutine est arrivé à Pyongyang pour signer un traité avec la Corée du Nord", "fr"),
        ("Putin arrived in Pyongyang to sign a treaty with North Korea, the Kremlin said", "en"),
        ("Putin ist in Pjöngjang eingetroffen, um mit Nordkorea einen Vertrag zu unterzeichnen", "de"),
        ("Putin llegó a Pyongyang para firmar un tratado con Corea del Norte, según el Kremlin", "es"),
        ("Путин прибыл в Пхеньян, чтобы подписать договор с КНДР, как сообщил Кремль", "ru"),
    ],
)
def test_stopwords_identify_the_five_languages_in_raw_text(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "Putin Pyongyang Kim", "12 345 678", "le the"])
def test_thin_or_mixed_evidence_gives_no_language(text):
    assert detect_language(text) is None


def test_accented_stopwords_count_in_raw_text_as_in_folded_words():
    text = "Après Pyongyang, Hanoï a été choisi"
    assert detect_language(text) == guess_words(folded(text)) == "fr"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La Russie et la Corée du Nord ont signé un traité", "fr"),
        ("Russia and North Korea signed a treaty on Wednesday", "en"),
        ("Russland und Nordkorea haben einen Vertrag mit der Armee unterzeichnet", "de"),
        ("Rusia y Corea del Norte firman un tratado de asociación", "es"),
        ("Россия и КНДР подписали договор о партнёрстве", "ru"),
    ],
)
def test_folded_words_are_guessed_from_their_function_words(text, lang):
    assert guess_words(folded(text)) == lang
    assert resolve(None, folded(text)) == lang


def test_without_a_declared_tag_the_most_likely_language_is_taken_even_on_thin_evidence():
    assert guess_words(folded("Putin said")) is None
    assert resolve(None, folded("Putin said")) == "en"
    assert resolve("x", folded("Putin said")) == "en"


def test_without_a_declared_tag_or_any_stopword_the_language_is_undetermined():
    assert resolve(None, folded("Pyongyang Moscow")) == UNDETERMINED


def test_a_declared_language_stands_unless_the_text_plainly_says_otherwise():
    assert resolve("fr", ENGLISH) == "en"
    assert resolve("fr", folded("Putin in Pyongyang")) == "fr"
    assert resolve(None, ENGLISH) == "en"
    assert resolve("en-GB", ENGLISH) == "en"


CYRILLIC_SAMPLES = [
    line.split("\t", 1)
    for line in (Path(__file__).parent / "cyrillic_samples.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def test_cyrillic_alone_does_not_make_russian():
    guessed = [(lang, detect_language(text)) for lang, text in CYRILLIC_SAMPLES]
    right = sum(lang == guess for lang, guess in guessed)
    taken_for_russian = [lang for lang, guess in guessed if guess == "ru" and lang != "ru"]
    assert len({lang for lang, _ in CYRILLIC_SAMPLES}) == 6
    assert right >= 0.95 * len(CYRILLIC_SAMPLES), guessed
    assert len(taken_for_russian) <= 1, taken_for_russian
    assert all(guess == "ru" for lang, guess in guessed if lang == "ru")


def test_a_ukrainian_item_declared_russian_is_processed_as_ukrainian():
    text = "Путін і Кім Чен Ин підписали договір про всеосяжне стратегічне партнерство"
    assert resolve("ru", folded(text)) == "uk"
    russian = "Россия и КНДР подписали в Пхеньяне договор о всеобъемлющем партнерстве"
    assert resolve("uk", folded(russian), russian) == "ru"


def test_a_few_cyrillic_words_do_not_overrule_a_declared_tag():
    assert resolve("ru", folded("Пхеньян Москва")) == "ru"


def test_cyrillic_languages_are_told_apart_on_the_letters_folding_drops():
    # Folded, "вернувшийся из Курской" loses its й and reads as Bulgarian.
    text = "Командир полка, вернувшийся из Курской области, получил награду"
    assert guess_words(folded(text)) != "ru"
    assert detect_language(text) == "ru"
    assert resolve("ru", folded(text), text) == "ru"
    assert resolve(None, folded(text), text) == "ru"


def test_a_short_cyrillic_headline_keeps_the_language_its_feed_declares():
    text = "Фигуристка Ким Ён А открыла школу"
    assert resolve("ru", folded(text), text) == "ru"
    assert resolve(None, folded(text), text) != UNDETERMINED
