"""A third country named in a headline after the launch it opens with is the launch's occasion, not another
state's story ("Rocket launch overshadows Austin's stop in Tokyo"); one that acts after, or is told by, a
watched state's launch notice leaves the launch the item's news; one that a source or agent word governs
still fires its own ("Missile test by South Korea"). « croit savoir » reports what a country believes, and
« rend compte de l'essai » reports a deed, even past a name."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "summary", "lang", "expected"),
    [
        (
            "Rocket launch overshadows Austin's stop in Tokyo",
            "North Korea launched a short-range ballistic missile toward the sea on Thursday, hours before the "
            "Pentagon chief landed.",
            "en",
            ("held", ("PRK",)),
        ),
        (
            "Officials expect cruise missile test soon as Japan votes",
            "North Korea test-fired two cruise missiles over the Yellow Sea on Sunday morning.",
            "en",
            ("held", ("PRK",)),
        ),
        (
            "Minister sees satellite launch near as Japan holds election",
            "North Korea is preparing to launch a reconnaissance satellite within days, lawmakers were told.",
            "en",
            ("announced", ("PRK",)),
        ),
        (
            "Tokyo closes fishing zones after Pyongyang announces launch window",
            "North Korea said it plans to launch a rocket carrying a satellite between Monday and Friday.",
            "en",
            ("announced", ("PRK",)),
        ),
        (
            "Морская администрация Японии получила от КНДР уведомление о пуске",
            "Пхеньян намерен запустить ракету-носитель со спутником на следующей неделе.",
            "ru",
            ("announced", ("PRK",)),
        ),
    ],
)
def test_a_third_country_beside_the_headline_launch_leaves_the_launch_news(
    detect_rules, title, summary, lang, expected
):
    assert launch(detect_rules(title, summary, lang=lang)) == expected


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Missile test by South Korea rattles the region", "Seoul said the launch answered recent provocations."),
        (
            "South Korea test-fires missile after North Korean warning",
            "The South's navy fired a new ship-to-ship missile off its west coast on Tuesday.",
        ),
    ],
)
def test_a_third_country_s_own_launch_stays_its_story(detect_rules, title, summary):
    assert launch(detect_rules(title, summary))[0] is None


def test_a_country_that_believes_it_knows_is_a_source(detect_rules):
    detection = detect_rules("Londres croit savoir que la Russie a tiré un missile Iars vendredi", "", lang="fr")
    assert launch(detection) == ("held", ("RUS",))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Le général rend compte à Kim Jong-un du tir d'un Hwasong-18", "held"),
        ("Choïgou a rendu compte à Vladimir Poutine de l'essai d'un missile Sarmat", "held"),
        ("La Russie compte tester un missile Sarmat", "announced"),
    ],
)
def test_a_report_on_a_test_is_no_plan_even_past_a_name(detect_rules, title, expected):
    assert launch(detect_rules(title, "", lang="fr"))[0] == expected
