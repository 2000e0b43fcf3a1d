"""Arms transfers (armsrec17): a country that reports a launch in the headline is a source, not a reaction,
for the weapons the body says the launcher supplies."""

from __future__ import annotations

import pytest


def direction(detection) -> tuple[str | None, str | None] | None:
    """The direction of the arms transfer in ``detection`` (None without one)."""
    event = next((e for e in detection.events if e.type == "arms_transfer"), None)
    return (event.from_, event.to) if event else None


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Séoul signale un nouveau tir de la Corée du Nord",
            "Pyongyang a tiré lundi un missile de courte portée. "
            "D'après des experts, Pyongyang teste des missiles qu'il vend à Moscou.",
            "fr",
        ),
        (
            "South Korea reports North Korean launch off its east coast",
            "North Korea fired a short-range missile on Monday. "
            "Experts say Pyongyang is trying out missiles it exports to Moscow.",
            "en",
        ),
    ],
)
def test_a_launch_reported_by_a_third_country_leaves_the_launchers_supplies_news(detect, title, summary, lang):
    assert direction(detect(title, summary, lang=lang)) == ("PRK", "RUS")


def test_a_third_country_condemning_a_launch_still_reacts(detect):
    title = "Seoul condemns North Korean launch"
    summary = (
        "North Korea fired a short-range missile on Monday. "
        "Experts say Pyongyang is trying out missiles it exports to Moscow."
    )
    assert direction(detect(title, summary, lang="en")) is None
