"""Watchlist matching: which words stand for which entity, and where."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import make_article


def ids(detection) -> list[str]:
    return [e.id for e in detection.entities]


@pytest.mark.parametrize(
    "title",
    [
        "Corée du Nord",
        "COREE DU NORD",
        "coree-du-nord",
        "le dirigeant nord-coréen",
        "la RPDC",
        "North Korea",
        "north-korea",
        "the DPRK",
        "DPR Korea",
        "N. Korea",
        "Pyongyang",
        "Kim Jong-un",
        "Kim Jong Un",
        "Kim Jung-un",
        "Kim Jong-eun",
        "the Democratic People’s Republic of Korea",
    ],
)
def test_names_of_north_korea_in_any_spelling_map_to_prk(detect, title):
    assert ids(detect(title)) == ["PRK"]


@pytest.mark.parametrize(
    "title",
    ["Russie", "la Fédération de Russie", "Moscou", "le Kremlin", "Poutine", "Vladimir Putin", "Lavrov", "russe"],
)
def test_names_of_russia_map_to_rus(detect, title):
    assert ids(detect(title)) == ["RUS"]


@pytest.mark.parametrize(
    "title",
    ["Corée du Sud", "South Korea", "sud-coréen", "South Korean", "Seoul", "Korea", "la Corée", "Korean Peninsula"],
)
def test_south_korea_and_bare_korea_are_never_prk(detect, title):
    assert ids(detect(title)) == []


def test_mentions_carry_offsets_into_title_and_summary_joined_by_a_blank_line(extractor):
    article = make_article("Putin lands in Pyongyang", "Kim Jong Un greeted the Russian president.")
    detection = extractor.extract([article])[0]
    for entity in detection.entities:
        assert article.text[entity.start : entity.end] == entity.text
    assert [(e.id, e.text) for e in detection.entities] == [
        ("RUS", "Putin"),
        ("PRK", "Pyongyang"),
        ("PRK", "Kim Jong Un"),
        ("RUS", "Russian president"),
    ]


def test_a_person_counts_only_while_in_office_on_the_article_date(detect):
    assert ids(detect("Kim Jong Il visits Moscow", published="2001-08-04")) == ["PRK", "RUS"]
    assert ids(detect("Kim Jong Il", published="2024-06-19")) == []
    assert ids(detect("Andrei Belousov", published="2023-01-10")) == []
    assert ids(detect("Andrei Belousov", published="2024-06-19")) == ["RUS"]


def test_case_sensitive_names_do_not_match_other_cases(extractor, lexicon_config):
    from process.text import tokenize
    from process.watchlist import Watchlist

    watchlist = Watchlist(lexicon_config.watchlist)
    for text, expected in (("US warns Russia", ["USA", "RUS"]), ("Russia told us", ["RUS"])):
        found = [m.entity for m in watchlist.find(text, tokenize(text), None)]
        assert found == expected


def test_context_countries_are_recognised_but_never_reported(detect):
    detection = detect("Putin meets To Lam in Hanoi")
    assert ids(detection) == ["RUS"]


@pytest.mark.parametrize(
    "title",
    ["Библиотека имени Ким Ир Сена получила книги", "Ансамбль имени Ким Чен Ира выступил с концертом"],
)
def test_an_institution_named_after_a_founder_is_his_state_whatever_the_date(detect, title):
    assert ids(detect(title, lang="ru", published="2023-03-01")) == ["PRK"]
