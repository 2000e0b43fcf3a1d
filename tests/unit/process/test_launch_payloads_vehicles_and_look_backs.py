"""Launches told with a payload's state, a launch vehicle's long name, or a lapse of years that dates
another deed (launch24b).

A third state that only qualifies the satellites a launch carries («стартовали египетские спутники») owns
the payload, not the launch: the body's rocket is the news; the modifiers of a launch vehicle's noun phrase
(a quoted name, «с разгонным блоком «Фрегат»») are no distance to its lift-off; and «N лет назад» opens a
look-back only at the headline's start: further on it dates another deed («…, что и семь лет назад»)."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Стартовали иранские спутники связи",
            "Ракета-носитель «Союз-2.1в» стартовала с космодрома Плесецк, сообщили в Роскосмосе.",
            "ru",
        ),
    ],
)
def test_a_state_that_only_qualifies_the_payload_is_no_other_story(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang, published="2025-03-13")) == ("held", ("RUS",))


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Новый спутник на орбите",
            "Ракета-носитель «Союз-2.1а» с разгонным блоком «Волга» и тремя аппаратами стартовала в четверг "
            "с космодрома Плесецк.",
            "ru",
        ),
    ],
)
def test_a_vehicles_modifiers_are_no_distance_to_its_lift_off(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang, published="2025-03-13")) == ("held", ("RUS",))


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "КНДР провела испытание с той же площадки, что и семь лет назад",
            "Северная Корея провела испытание баллистической ракеты средней дальности, сообщило агентство ЦТАК.",
            "ru",
        ),
    ],
)
def test_years_ago_past_the_headlines_start_dates_another_deed(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang, published="2025-03-13")) == ("held", ("PRK",))


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Семь лет назад КНДР запустила ракету «Хвасон-15»",
            "Северная Корея провела испытание межконтинентальной баллистической ракеты 29 ноября 2017 года.",
            "ru",
        ),
    ],
)
def test_years_ago_opening_the_headline_is_a_look_back(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang, published="2025-03-13")) == (None, ())
