"""A signed plan of exchanges is an agreement; Russian Railways names Russia; a text "signed in" a place is
news, not recalled."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


@pytest.mark.parametrize(
    ("lang", "title", "summary", "expected"),
    [
        (
            "en",
            "Moscow and Pyongyang education ministries meet",
            "Russia and North Korea signed a plan for exchanges of students and teachers for 2026.",
            "signed",
        ),
        (
            "fr",
            "Jeunesse : Moscou et Pyongyang signent un plan d'échanges pour 2026",
            "Le texte prévoit des camps d'été communs.",
            "signed",
        ),
        (
            "ru",
            "Минпросвещения съездит в КНДР",
            "Россия и КНДР намерены подписать план обменов школьниками на 2026 год.",
            "announced",
        ),
    ],
)
def test_a_signed_plan_of_exchanges_is_an_agreement(detect_rules, lang, title, summary, expected):
    assert stage(detect_rules(title, summary, lang=lang, published="2025-10-08"), "agreement") == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "РЖД повысили тарифы на перевозку угля"),
        ("en", "RZD raises freight tariffs for coal"),
    ],
)
def test_russian_railways_names_russia(detect_rules, lang, text):
    assert {e.id for e in detect_rules(text, "", lang=lang).entities} == {"RUS"}


def test_a_text_signed_in_a_place_is_news(detect_rules):
    detection = detect_rules(
        "Russia, North Korea expand fisheries cooperation",
        "The memorandum was signed in Vladivostok by officials of Russia and North Korea on Monday.",
        published="2025-10-08",
    )
    assert stage(detection, "agreement") == "signed"


def test_a_text_signed_in_an_old_year_is_still_recalled(detect_rules):
    detection = detect_rules(
        "Russia and North Korea mark old treaty",
        "The treaty between Russia and North Korea was signed in 2000 by Putin and Kim Jong Il.",
        published="2025-10-08",
    )
    assert stage(detection, "agreement") is None


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        (
            "en",
            "Russia-North Korea bridge deal takes effect",
            "The bridge agreement between Russia and North Korea took effect on Friday. It was signed in Pyongyang"
            " in June, during Putin's state visit.",
        ),
        (
            "fr",
            "L'accord sur le pont entre la Russie et la Corée du Nord entre en vigueur",
            "Le texte a été signé à Pyongyang en juin, lors de la visite d'État de Vladimir Poutine.",
        ),
        (
            "ru",
            "Соглашение России и КНДР о мосте вступило в силу",
            "Документ был подписан в Пхеньяне в июне, во время первого визита Путина.",
        ),
    ],
)
def test_a_trip_told_as_the_occasion_of_an_old_deed_is_recalled(detect_rules, lang, title, summary):
    detection = detect_rules(title, summary, lang=lang, published="2024-12-20")
    assert stage(detection, "agreement") == "in_force"
    assert stage(detection, "visit") is None


def test_a_trip_told_as_the_occasion_of_a_recent_deed_is_news(detect_rules):
    detection = detect_rules(
        "Russia and North Korea sign bridge deal",
        "The agreement was signed in Pyongyang on Wednesday, during Putin's state visit.",
        published="2024-06-20",
    )
    assert stage(detection, "visit") == "held"
