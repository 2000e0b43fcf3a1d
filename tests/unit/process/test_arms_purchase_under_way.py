"""Arms transfers: a purchase told as under way ("is buying", "in the process of acquiring") is still
being arranged, a plan; a purchase told as done ("bought") and weapons in use stay reported."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    "title",
    [
        "Moscow is buying drones from Pyongyang, Western officials say",
        "Russia in the process of acquiring North Korean missiles, Seoul says",
        "Russia purchasing North Korean howitzers, U.S. intelligence finds",
    ],
)
def test_a_purchase_under_way_is_a_plan(detect, title):
    assert arms(detect(title, "", published="2023-03-01"))[1:] == ("announced", "PRK", "RUS")


@pytest.mark.parametrize(
    "title",
    [
        "Russia bought North Korean artillery shells last year, Seoul says",
        "Russia is using North Korean shells in Ukraine, Kyiv says",
    ],
)
def test_a_purchase_made_or_weapons_in_use_stay_reported(detect, title):
    assert arms(detect(title, "", published="2023-03-01"))[1:] == ("reported", "PRK", "RUS")
