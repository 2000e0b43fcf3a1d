"""A headline reaction whose lead tells the launch as the day's news (launchB23).

"Tokyo convenes security council as missile lands off Sado": the headline answers a launch it names no
launcher of; the lead opens on the watched state that fired, dated the article's day or the day before
("North Korea launched … on Monday"), or puts the launch hours before the reaction. A lead that dates
the launch days back, or a headline that does, tells a reaction to an earlier launch: no launch.
« son intention de lancer » is a plan."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "summary", "lang", "published", "expected"),
    [
        (
            "Tokyo convenes security council as missile lands off Sado island",
            "North Korea launched a ballistic missile toward the east on Monday, Japan's coast guard said. "
            "Tokyo convened its national security council within the hour.",
            "en",
            "2024-06-17",  # a Monday
            ("held", ("PRK",)),
        ),
        (
            "Seoul raises alert level along the border",
            "South Korea raised its alert level on Friday, hours after North Korea fired two cruise missiles "
            "into the Yellow Sea. The North's missiles flew some 300 kilometres, the Joint Chiefs of Staff said.",
            "en",
            "2024-06-21",
            ("held", ("PRK",)),
        ),
        (
            "Tokyo place ses intercepteurs en alerte",
            "La Corée du Nord a signalé lundi aux autorités japonaises son intention de lancer un satellite "
            "dans les dix jours. Le gouvernement japonais a ordonné d'abattre tout débris menaçant.",
            "fr",
            "2024-06-18",  # a Tuesday: Monday is the day before
            ("announced", ("PRK",)),
        ),
    ],
)
def test_a_headline_reaction_to_the_days_launch_leaves_the_lead_news(
    detect_rules, title, summary, lang, published, expected
):
    assert launch(detect_rules(title, summary, lang=lang, published=published)) == expected


@pytest.mark.parametrize(
    ("title", "summary", "published"),
    [
        # the lead dates the launch days back: the headline's drill answers an earlier launch
        (
            "US and Japanese jets fly joint drill off Kyushu",
            "North Korea fired an intercontinental ballistic missile on Thursday, and US and Japanese fighters "
            "held a joint drill on Sunday in response.",
            "2024-06-23",  # a Sunday
        ),
        # the headline puts the launch days back
        (
            "Seoul holds live-fire drill days after the launch",
            "North Korea fired an intercontinental ballistic missile on Saturday. South Korea held a live-fire "
            "drill near the border.",
            "2024-06-23",
        ),
        # the lead opens on the reacting state, no lapse governs the launcher
        (
            "Seoul raises alert level along the border",
            "South Korea raised its alert level on Friday over North Korea's missile launches this year.",
            "2024-06-21",
        ),
    ],
)
def test_a_reaction_to_an_earlier_launch_tells_no_launch(detect_rules, title, summary, published):
    assert launch(detect_rules(title, summary, lang="en", published=published)) == (None, ())
