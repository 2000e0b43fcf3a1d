"""A launch whose date is set is still ahead (launchC, round 23): « décollage fixé au … » (the lift-off noun
« décollage » is a launch deed, as « lancement » is), «запуск назначен на …»."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Ravitaillement de la station spatiale",
            "Le décollage du Soyouz est fixé au 3 mars à Plessetsk, annonce Roscosmos.",
            "fr",
        ),
        (
            "Nouveau satellite météo",
            "Le tir de la fusée Angara-A5 programmé pour le 12 avril depuis Vostotchny, indique Roscosmos.",
            "fr",
        ),
    ],
)
def test_a_launch_whose_date_is_fixed_is_announced(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang)) == ("announced", ("RUS",))


def test_a_lift_off_noun_is_a_launch_deed(detect_rules):
    assert launch(
        detect_rules(
            "Un Soyouz réussit son décollage depuis Baïkonour",
            "Trois satellites Glonass sont à bord, selon Roscosmos.",
            lang="fr",
        )
    ) == ("held", ("RUS",))


def test_a_launch_pushed_back_is_still_ahead(detect_rules):
    assert launch(
        detect_rules(
            "Weather delays Vostochny mission",
            "The Angara rocket launch has been pushed back to Friday because of high winds, Roscosmos said.",
        )
    ) == ("announced", ("RUS",))


def test_the_modifiers_of_a_launch_noun_are_no_distance_to_its_plan(detect_rules):
    """«Пуск ракеты … с научным спутником «…» запланирован»: adjectives, prepositions and a quoted name
    between the rocket and the plan's verb belong to the noun phrase."""
    assert launch(
        detect_rules(
            "Новый спутник полетит в декабре",
            "Пуск ракеты «Ангара-А5» с новым метеорологическим спутником «Электро-Л» запланирован на декабрь, "
            "сообщили в Роскосмосе.",
            lang="ru",
        )
    ) == ("announced", ("RUS",))
