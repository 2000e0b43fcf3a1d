"""A third country named in a headline after the launch it opens with is the launch's occasion, not another
state's story ("Rocket launch overshadows Austin's stop in Tokyo"); one that a source or agent word governs
still fires its own ("Missile test by South Korea"). « croit savoir » reports what a country believes."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


def test_a_country_after_the_headline_launch_is_its_occasion(detect_rules):
    detection = detect_rules(
        "Rocket launch overshadows Austin's stop in Tokyo",
        "North Korea launched a short-range ballistic missile toward the sea on Thursday, hours before the "
        "Pentagon chief landed.",
    )
    assert launch(detection) == ("held", ("PRK",))


def test_a_launch_told_with_a_later_election_abroad_is_news(detect_rules):
    detection = detect_rules(
        "Officials expect cruise missile test soon as Japan votes",
        "North Korea test-fired two cruise missiles over the Yellow Sea on Sunday morning.",
    )
    assert launch(detection) == ("held", ("PRK",))


def test_a_test_by_a_third_country_in_the_headline_still_makes_the_body_its_story(detect_rules):
    detection = detect_rules(
        "Missile test by South Korea rattles the region",
        "Seoul said the launch answered North Korea's recent provocations.",
    )
    assert launch(detection)[0] is None


def test_a_country_that_believes_it_knows_is_a_source(detect_rules):
    detection = detect_rules("Londres croit savoir que la Russie a tiré un missile Iars vendredi", "", lang="fr")
    assert launch(detection) == ("held", ("RUS",))


def test_a_country_after_a_headline_launch_told_as_an_action_is_its_occasion(detect_rules):
    detection = detect_rules(
        "Minister sees satellite launch near as Japan holds election",
        "North Korea is preparing to launch a reconnaissance satellite within days, lawmakers were told.",
    )
    assert launch(detection) == ("announced", ("PRK",))


def test_a_country_acting_after_a_watched_state_flags_a_launch_leaves_the_launch_news(detect_rules):
    detection = detect_rules(
        "Tokyo closes fishing zones after Pyongyang announces launch window",
        "North Korea said it plans to launch a rocket carrying a satellite between Monday and Friday.",
    )
    assert launch(detection) == ("announced", ("PRK",))


def test_a_country_told_of_a_launch_by_a_watched_state_in_russian_leaves_the_launch_news(detect_rules):
    detection = detect_rules(
        "Морская администрация Японии получила от КНДР уведомление о пуске",
        "Пхеньян намерен запустить ракету-носитель со спутником на следующей неделе.",
        lang="ru",
    )
    assert launch(detection) == ("announced", ("PRK",))


def test_a_third_country_firing_after_a_watched_state_names_its_own_launch_only(detect_rules):
    detection = detect_rules(
        "South Korea test-fires missile after North Korean warning",
        "The South's navy fired a new ship-to-ship missile off its west coast on Tuesday.",
    )
    assert launch(detection)[0] is None


@pytest.mark.parametrize(
    "title",
    [
        "Le général rend compte à Kim Jong-un du tir d'un Hwasong-18",
        "Choïgou a rendu compte à Vladimir Poutine de l'essai d'un missile Sarmat",
    ],
)
def test_a_report_on_a_test_is_no_plan_even_past_a_name(detect_rules, title):
    assert launch(detect_rules(title, "", lang="fr"))[0] == "held"


def test_counting_on_a_test_is_still_a_plan(detect_rules):
    assert launch(detect_rules("La Russie compte tester un missile Sarmat", "", lang="fr"))[0] == "announced"
