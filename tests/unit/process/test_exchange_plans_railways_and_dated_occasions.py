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
