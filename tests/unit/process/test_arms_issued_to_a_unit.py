"""Arms transfers: a unit that "was issued" another state's weapons holds them ("a Russian brigade was
issued North Korean shells"): the passive's subject receives, the weapon's maker supplied it. A warning
issued to a state is no weapon."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    "title",
    [
        "Russian marines were issued North Korean rifles and mortars, prosecutors say",
        "A Russian motor rifle unit has been issued North Korean rocket launchers, documents show",
    ],
)
def test_a_unit_issued_the_other_s_weapons_received_them(detect, title):
    assert arms(detect(title, lang="en"))[1:] == ("reported", "PRK", "RUS")


def test_a_warning_issued_is_no_transfer(detect):
    assert arms(detect("Russia was issued a warning over North Korean missile deals", lang="en")) is None
