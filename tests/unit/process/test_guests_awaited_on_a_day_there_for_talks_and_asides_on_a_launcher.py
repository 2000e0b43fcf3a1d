"""A guest awaited on a day is still awaited, a guest there for talks is there, and a relative aside on a
launcher leaves its launch the news."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch, stage


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Poutine attendu jeudi à Pyongyang", "fr"),
        ("Kim Jong-un attendu la semaine prochaine à Moscou", "fr"),
        ("Lavrov attendu vendredi soir en Corée du Nord", "fr"),
        ("Des ministres nord-coréens attendus lundi à Moscou", "fr"),
        ("Putin expected on Thursday in Pyongyang", "en"),
        ("Kim Jong Un is expected later this week in Vladivostok", "en"),
        ("Ким Чен Ына ждут на следующей неделе в Москве", "ru"),
        ("Лаврова ждут уже завтра в Пхеньяне", "ru"),
    ],
)
def test_a_guest_awaited_on_a_day_in_the_other_partys_place_is_an_announced_visit(detect, title, lang):
    assert stage(detect(title, lang=lang, published="2024-06-17"), "visit") == "announced"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Putin expected on Thursday in Hanoi", "en"),  # another pair
        ("Kim Jong Un expected on Thursday in Wonsan", "en"),  # at home
        ("Russian tourists expected on Sunday in Wonsan", "en"),  # private persons
        ("Heavy rain expected on Thursday in Pyongyang", "en"),  # no guest
        ("North Korean shell output expected to rise sharply", "en"),  # nothing awaited at a place
        ("Kim Jong-un attendu jeudi à Wonsan", "fr"),  # at home
        ("Российских туристов ждут на следующей неделе в Вонсане", "ru"),  # private persons
    ],
)
def test_what_is_awaited_elsewhere_or_by_no_guest_is_no_visit(detect, title, lang):
    assert stage(detect(title, lang=lang, published="2024-06-17"), "visit") is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Lavrov in Pyongyang for talks", "en"),
        ("Kim Jong Un in Moscow for consultations", "en"),
        ("North Korean delegation in Moscow for talks", "en"),
        ("Lavrov à Pyongyang pour des entretiens", "fr"),
        ("Une délégation nord-coréenne à Moscou pour des discussions", "fr"),
        ("Лавров в Пхеньяне для консультаций", "ru"),
    ],
)
def test_a_guest_in_the_other_partys_place_for_talks_is_a_visit_held(detect, title, lang):
    assert stage(detect(title, lang=lang, published="2024-09-13"), "visit") == "held"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kim in Moscow for talks? Analysts doubt it", "en"),  # a question
        ("Russian embassy in Pyongyang hosts talks on tourism", "en"),  # a mission, no guest
        ("Kim Jong Un in Wonsan for talks with officials", "en"),  # at home
        ("Putin in Hanoi for talks", "en"),  # another pair
        ("Lavrov in Pyongyang next week for talks", "en"),  # ahead: no visit held
    ],
)
def test_a_question_a_mission_a_home_tour_or_a_third_place_is_no_visit_held(detect, title, lang):
    assert stage(detect(title, lang=lang, published="2024-09-13"), "visit") != "held"


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("North Korea, which has supplied Russia with troops, test-fires ballistic missile", "", "en"),
        ("North Korea, which sent soldiers to Russia, launches missiles toward East Sea, Seoul says", "", "en"),
        ("La Corée du Nord, qui a envoyé des soldats en Russie, tire un missile balistique", "", "fr"),
        ("КНДР, которая отправила военных в Россию, запустила баллистическую ракету", "", "ru"),
        ("КНДР, отправившая военных в Россию, провела пуск баллистической ракеты", "", "ru"),
    ],
)
def test_a_relative_aside_on_the_launcher_leaves_its_launch_the_news(detect, title, summary, lang):
    found = detect(title, summary, lang=lang, published="2024-11-05")
    assert launch(found) == ("held", ("PRK",))
    assert stage(found, "troop_deployment") is None  # the aside is what is known of the launcher
    assert stage(found, "arms_transfer") is None  # the missiles are fired, not supplied


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("North Korean troops, which arrived in Kursk in October, suffer heavy losses", "en"),
        ("North Korea sends more troops to Russia, Seoul says", "en"),
    ],
)
def test_troops_told_outside_an_aside_stay_a_deployment(detect, title, lang):
    assert stage(detect(title, lang=lang, published="2024-12-05"), "troop_deployment") == "reported"
