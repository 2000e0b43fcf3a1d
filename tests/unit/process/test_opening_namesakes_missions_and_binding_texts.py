"""A demonym naming a game's opening and a village named like a capital are not the state; a visit to a
mission at home is no trip between states; a counted, abbreviated crowd of soldiers is no delegation; a text
that becomes binding is in force; a text signed «тогда» (then) is background."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


def _ids(detection) -> list[str]:
    return sorted({e.id for e in detection.entities})


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("fr", "Carlsen sauve la nulle avec une défense russe", "Le champion d'échecs a tenu face à Caruana."),
        ("en", "Caruana wins with the Russian Game", "The chess world champion needed only 30 moves."),
        ("ru", "Гроссмейстер выиграл, разыграв русскую партию", "Турнир по шахматам завершился в Берлине."),
        ("en", "Storm floods the main road in Kremlin", "Kremlin, a quiet ranching community, lost power."),
        ("fr", "Inondations à Moscou", "Moscou, un petit village de l'Ohio, a été évacué."),
    ],
)
def test_a_games_opening_and_a_village_named_like_the_state_are_not_it(detect, lang, title, summary):
    assert _ids(detect(title, summary, lang=lang)) == []


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("fr", "La défense russe revendique la prise d'un village", "L'armée a publié une vidéo."),
        ("en", "Russian defence ministry says drones downed", "The ministry gave no figure."),
        ("en", "Kremlin says talks with Pyongyang went well", "The Kremlin, a fortress, hosted the talks."),
    ],
)
def test_the_state_named_beside_such_words_is_still_the_state(detect, lang, title, summary):
    assert "RUS" in _ids(detect(title, summary, lang=lang))


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("ru", "Ким Чен Ын посетил российское посольство в Пхеньяне"),
        ("en", "Kim Jong Un visits the Russian embassy in Pyongyang"),
    ],
)
def test_a_leader_visiting_a_mission_at_home_makes_no_visit(detect_rules, lang, title):
    assert stage(detect_rules(title, "", lang=lang), "visit") is None


def test_a_leader_visiting_the_other_state_is_still_a_visit(detect_rules):
    assert stage(detect_rules("Ким Чен Ын посетил Россию", "", lang="ru"), "visit") == "held"


def test_a_counted_abbreviated_crowd_of_soldiers_is_no_visit(detect_rules):
    detection = detect_rules("В Курскую область прибыли около 3 тыс. военных из КНДР", "", lang="ru")
    assert stage(detection, "visit") is None


def test_an_officials_arrival_is_still_a_visit(detect_rules):
    detection = detect_rules("В Пхеньян прибыл министр обороны России Андрей Белоусов", "", lang="ru")
    assert stage(detection, "visit") == "held"


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("fr", "Le traité entre Moscou et Pyongyang a acquis force obligatoire"),
        ("fr", "Le pacte russo-nord-coréen est devenu contraignant"),
        ("en", "Russia-North Korea treaty became binding on Wednesday"),
    ],
)
def test_a_text_that_becomes_binding_is_in_force(detect_rules, lang, title):
    assert stage(detect_rules(title, "", lang=lang), "agreement") == "in_force"


def test_a_text_signed_then_is_background(detect_rules):
    detection = detect_rules(
        "Как изменилась торговля Москвы и Пхеньяна",
        "Товарооборот вырос благодаря подписанному тогда соглашению о торговле между Россией и КНДР.",
        lang="ru",
    )
    assert stage(detection, "agreement") is None


def test_a_text_signed_today_is_still_news(detect_rules):
    detection = detect_rules(
        "Москва и Пхеньян подписали соглашение о торговле",
        "Соглашение между Россией и КНДР подписано сегодня в Москве.",
        lang="ru",
    )
    assert stage(detection, "agreement") == "signed"
