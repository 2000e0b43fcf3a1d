"""Arms transfers: help to put a satellite into orbit ("helped Pyongyang put a satellite into orbit",
«помогла вывести спутник на орбиту») is know-how given for a weapons programme, as help to build
satellites is; a satellite put into orbit with nobody's help is no transfer."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Seoul says Moscow helped Pyongyang put a satellite into orbit", "en"),
        ("Сеул: Москва помогла Пхеньяну вывести спутник на орбиту", "ru"),
    ],
)
def test_help_to_put_a_satellite_into_orbit_is_a_transfer(detect, title, lang):
    assert arms(detect(title, "", lang=lang, published="2023-11-25"))[1:] == ("reported", "RUS", "PRK")


def test_a_satellite_put_into_orbit_alone_is_no_transfer(detect):
    title = "North Korea puts a spy satellite into orbit; Russia stays silent"
    assert arms(detect(title, "", published="2023-11-25")) is None
