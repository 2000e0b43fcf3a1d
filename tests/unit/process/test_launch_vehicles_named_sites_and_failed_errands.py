"""Launches told by a Russian vehicle's oblique case or its lift-off noun, a date set by the state commission, a
launch site that names the state, and a failed launch's errand (launch27, round 27): «дату старта «Союза МС-…»
перенесли», «назначила пуск «Протона»», «утвердила дату старта», «с побережья в районе Синпхо», « une fusée qui
devait placer en orbite un satellite a subi une avarie »."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Дату старта «Союза МС-26» к МКС перенесли на 20 сентября",
            "Пилотируемый корабль отправится с Байконура позже, чем планировалось, сообщили в Роскосмосе.",
        ),
        ("Пуск «Протона» с навигационным спутником отложили", "Причиной стала замена блока управления."),
        ("Госкомиссия утвердила дату старта ракеты «Союз-2.1б» с Плесецка", ""),
        ("Госкомиссия назначила пуск «Протона» с метеоспутником", "Об этом сообщили в Роскосмосе."),
    ],
)
def test_a_russian_launch_set_or_put_off_is_announced(detect_rules, title, summary):
    assert launch(detect_rules(title, summary, lang="ru", published="2024-08-30")) == ("announced", ("RUS",))


def test_a_lift_off_noun_of_a_crewed_ship_is_a_launch(detect_rules):
    assert launch(
        detect_rules(
            "Роскосмос показал кадры старта «Союза МС-25» с Байконура",
            "Корабль вышел на расчётную орбиту.",
            lang="ru",
            published="2024-08-30",
        )
    ) == ("held", ("RUS",))


def test_a_launch_site_names_the_state_that_fires(detect_rules):
    assert launch(
        detect_rules(
            "Из района Синпхо в сторону Японского моря выпущены две крылатые ракеты",
            "Об этом сообщил ОКНШ Южной Кореи.",
            lang="ru",
            published="2024-08-30",
        )
    ) == ("held", ("PRK",))


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Физики уточнили радиус протона", "Измерения провели в России."),  # the particle, not the rocket
        ("Путин назначил нового командующего ВКС", "Указ опубликован на сайте Кремля."),
        # «дать старт» starts anything: the nominative «старт» is no launch cue
        ("Путин дал старт дальнему походу фрегата с ракетами «Циркон»", ""),
    ],
)
def test_a_particle_an_appointment_or_a_start_is_no_launch(detect_rules, title, summary):
    assert launch(detect_rules(title, summary, lang="ru", published="2024-08-30")) == (None, ())


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Une fusée russe perdue",
            "Une fusée Soyouz qui devait mettre en orbite un satellite météo a subi une avarie peu après son "
            "décollage de Plessetsk, a annoncé Roscosmos.",
            "fr",
        ),
        (
            "Ракета потеряна",
            "Ракета «Союз-2», которая должна была вывести на орбиту спутник, потерпела аварию через три минуты "
            "после старта с Плесецка.",
            "ru",
        ),
    ],
)
def test_what_a_failed_launch_was_to_do_is_no_plan(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang, published="2024-08-30")) == ("held", ("RUS",))


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Une fusée russe doit placer un satellite en orbite",
            "Une fusée Soyouz qui doit placer en orbite un satellite météo décollera vendredi de Plessetsk, "
            "a annoncé Roscosmos.",
            "fr",
        ),
        (
            "Роскосмос готовит новый пуск",
            "Ракета «Союз-2», которая должна вывести на орбиту спутник, стартует с Плесецка после аварии прошлого "
            "года.",
            "ru",
        ),
    ],
)
def test_an_errand_ahead_stays_a_plan(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang, published="2024-08-30")) == ("announced", ("RUS",))
