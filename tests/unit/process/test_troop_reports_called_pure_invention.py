"""Troop deployments (round 30, lead): a party that calls the reports a pure invention denies them, even where
the body's troop word ("fighter pilots", « pilotes de chasse ») is not the headline's."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import directed, told


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Pyongyang dément avoir envoyé des pilotes en Russie",
            "Le ministère a qualifié de « pure invention » des informations selon lesquelles des pilotes de chasse "
            "auraient été envoyés en Russie.",
            "fr",
        ),
        (
            "North Korea says pilot reports are pure invention",
            "The defence ministry said South Korean reports that fighter pilots had been sent to Russia were pure "
            "invention.",
            "en",
        ),
    ],
)
def test_reports_called_a_pure_invention_are_denied(detect_rules, title, summary, lang):
    assert told(detect_rules(title, summary, lang=lang), "troop_deployment") == (None, None, None)


def test_an_invention_that_is_no_report_denies_nothing(detect_rules):
    detection = detect_rules(
        "Des pilotes de chasse nord-coréens envoyés en Russie, selon Séoul",
        "Le renseignement sud-coréen affirme que des pilotes de chasse ont été envoyés dans l'Extrême-Orient russe.",
        "fr",
    )
    assert directed(detection, "troop_deployment") == ("reported", "PRK", "RUS")
