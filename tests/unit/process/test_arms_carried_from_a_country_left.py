"""Arms transfers: weapons a visitor carries out of the country he leaves (« quitte la Russie avec des
drones offerts », "leaves Russia with drones") were given there, as weapons carried home from it."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kim Jong-un a quitté la Russie avec des fusils et des drones offerts en cadeau", "fr"),
        ("Kim leaves Russia with kamikaze drones presented by his hosts", "en"),
    ],
)
def test_weapons_carried_out_of_a_country_left_were_given_there(detect, title, lang):
    assert arms(detect(title, "", lang=lang, published="2023-09-18"))[1:] == ("reported", "RUS", "PRK")


def test_the_country_left_is_the_giver_either_way(detect):
    title = "Choïgou quitte Pyongyang avec des missiles offerts par Kim"
    found = arms(detect(title, "", lang="fr", published="2023-09-18"))
    assert found[1:] == ("reported", "PRK", "RUS")
