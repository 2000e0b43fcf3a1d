"""Agreements and visits of round 23's fresh sets (agree27).

A date after a participle that qualifies the text dates that participle, not the main deed ("ratified on
Thursday the agreement signed last year"); a chamber that "validates" or "green-lights" a text ratifies it; a
text qualified by a signing of the month before, its day more than a week old, is recalled («соглашение,
подписанное 12 мая» in June); a programme of exchanges is a signed text; a third state that partners both
parties (Nicaragua) keeps the pair out of its deals; a capitalised «Ли» is a Korean surname, no question
particle; the Far East ministry is Russia's."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


@pytest.mark.parametrize(
    ("summary", "lang"),
    [
        (
            "Russia's parliament on Thursday ratified the transport agreement signed last year with North Korea.",
            "en",
        ),
        (
            "Le Parlement russe a ratifié jeudi l'accord sur les transports routiers signé l'an dernier avec la "
            "Corée du Nord.",
            "fr",
        ),
    ],
)
def test_a_date_after_the_texts_participle_dates_the_signing_not_the_ratification(detect, summary, lang):
    assert stage(detect("Transports", summary, lang=lang, published="2025-12-11"), "agreement") == "ratified"


@pytest.mark.parametrize(
    ("summary", "lang"),
    [
        # coordinated deeds share their date: no text stands between them
        ("Russia signed and ratified the transport agreement with North Korea last year.", "en"),
        # the date after the main deed dates it
        ("La Russie a ratifié l'an dernier l'accord sur les transports signé avec la Corée du Nord.", "fr"),
    ],
)
def test_a_date_of_the_main_deed_still_recalls_it(detect, summary, lang):
    assert stage(detect("Transports", summary, lang=lang, published="2025-12-11"), "agreement") is None


def test_the_participle_keeps_its_comma_segment_date(detect):
    summary = "Госдума в четверг ратифицировала соглашение о транспорте, подписанное с КНДР в прошлом году."
    assert stage(detect("Транспорт", summary, lang="ru", published="2025-12-11"), "agreement") == "ratified"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russia's upper house green-lights legal aid treaty with North Korea", "en"),
        ("La Douma valide l'accord d'entraide judiciaire avec la Corée du Nord", "fr"),
        ("Совет Федерации утвердил соглашение с КНДР о правовой помощи", "ru"),
    ],
)
def test_a_chamber_that_validates_a_text_ratifies_it(detect, title, lang):
    assert stage(detect(title, "", lang=lang, published="2025-10-08"), "agreement") == "ratified"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Le gouvernement russe valide l'accord d'entraide judiciaire avec la Corée du Nord", "fr"),
        ("Правительство России утвердило соглашение с КНДР о правовой помощи", "ru"),
    ],
)
def test_a_cabinet_that_validates_a_text_ratifies_nothing(detect, title, lang):
    assert stage(detect(title, "", lang=lang, published="2025-10-08"), "agreement") != "ratified"


@pytest.mark.parametrize(
    ("summary", "lang", "published"),
    [
        (
            "Статья о взаимной помощи, включённая в соглашение между Россией и КНДР, подписанное 12 мая в Москве, "
            "вызывает споры у юристов.",
            "ru",
            "2025-06-02",
        ),
        (
            "La clause d'assistance de l'accord signé le 20 mai entre la Russie et la Corée du Nord divise les "
            "juristes.",
            "fr",
            "2025-06-03",
        ),
    ],
)
def test_a_text_qualified_by_a_signing_weeks_old_of_last_month_is_recalled(detect, summary, lang, published):
    assert stage(detect("Juristes", summary, lang=lang, published=published), "agreement") is None


@pytest.mark.parametrize(
    ("summary", "lang"),
    [
        # a few days old, the qualified text is still the news
        ("Договор между Россией и КНДР, подписанный 30 мая в Москве, вызывает споры у юристов.", "ru"),
        # a finite verb tells the deed itself, whatever its day
        ("Russia and North Korea signed on May 12 an agreement on legal aid, the ministry said.", "en"),
    ],
)
def test_a_signing_of_last_month_told_by_its_day_is_otherwise_news(detect, summary, lang):
    assert stage(detect("Legal aid", summary, lang=lang, published="2025-06-02"), "agreement") == "signed"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russia and North Korea to sign a student exchange programme next year", "en"),
        ("La Russie et la Corée du Nord signeront un programme d'échanges universitaires", "fr"),
        ("Россия и КНДР подпишут программу обменов в сфере образования", "ru"),
    ],
)
def test_an_exchange_programme_to_be_signed_is_announced(detect, title, lang):
    assert stage(detect(title, "", lang=lang, published="2025-09-12"), "agreement") == "announced"


def test_students_under_an_exchange_programme_sign_nothing(detect):
    found = detect("North Korean students arrive in Russia under an exchange programme", "", published="2025-09-12")
    assert stage(found, "agreement") is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Nicaragua and North Korea sign education accord in Moscow", "en"),
        ("À Moscou, le Nicaragua et la Corée du Nord signent un accord culturel", "fr"),
        ("Никарагуа и КНДР подписали в Москве меморандум об образовании", "ru"),
    ],
)
def test_a_third_partners_deal_signed_in_moscow_is_not_the_pairs(detect, title, lang):
    found = detect(title, "", lang=lang, published="2025-05-22")
    assert stage(found, "agreement") is None
    assert stage(found, "visit") is None


def test_the_pair_signing_in_moscow_still_signs(detect):
    found = detect("Russia and North Korea sign education accord in Moscow", "", published="2025-05-22")
    assert stage(found, "agreement") == "signed"


def test_a_korean_surname_li_asks_no_question(detect):
    summary = (
        "Министр внутренних дел России провёл переговоры с прибывшим с официальным визитом министром КНДР Ли Чхан Хо."
    )
    assert stage(detect("Переговоры в Москве", summary, lang="ru", published="2025-03-14"), "visit") == "held"


def test_a_lower_case_particle_still_asks(detect):
    found = detect("Приедет ли министр КНДР в Москву", "", lang="ru", published="2025-03-14")
    assert stage(found, "visit") is None


def test_the_far_east_ministry_is_russias(detect):
    title = "Министр по развитию Дальнего Востока прибыл в Пхеньян для переговоров о туризме"
    assert stage(detect(title, "", lang="ru", published="2025-08-14"), "visit") == "held"
