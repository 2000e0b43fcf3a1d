"""A ship or unit armed with missiles carries them and fires none: "armed with" / « armé(e)(s) de » is a
missile launch ``exclude``, so neither the rules nor the backstop read a launch in it; a deed told beside it
still is one."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Une frégate russe armée de missiles hypersoniques Zircon prend la mer", "fr"),
        ("Des sous-marins russes armés de missiles Kalibr quittent Sébastopol", "fr"),
        ("Russian frigate armed with Zircon hypersonic missiles sails for the Atlantic", "en"),
    ],
)
def test_a_ship_armed_with_missiles_launches_nothing(detect, title, lang):
    assert launch(detect(title, lang=lang)) == (None, ())


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("A Russian frigate armed with Kalibr missiles fired at Odesa overnight, Kyiv says", "en"),
        ("Une frégate russe armée de missiles Kalibr a tiré sur Odessa, selon Kiev", "fr"),
    ],
)
def test_a_ship_armed_with_missiles_that_fires_them_launches(detect, title, lang):
    assert launch(detect(title, lang=lang)) == ("held", ("RUS",))
