"""Arms transfers (arms26): a party that says its forces use only their own make denies any supply ("insists its
army fires only home-made shells", «стреляет только отечественными снарядами», « ne tire que des obus de
fabrication nationale »); "not only domestic shells" denies nothing, and "does not deny" stays no news."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import directed, told


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Kremlin says its army uses only domestic ammunition, not North Korean shells", "", "en"),
        (
            "Russian army fires only home-made missiles, ministry says after Seoul report on North Korean supplies",
            "",
            "en",
        ),
        (
            "Минобороны России настаивает, что армия стреляет только отечественными снарядами",
            "Ведомство назвало дезинформацией сообщения о поставках боеприпасов из КНДР.",
            "ru",
        ),
        ("Минобороны: армия стреляет только отечественными снарядами, а не северокорейскими", "", "ru"),
        ("Moscou assure que son armée ne tire que des obus de fabrication nationale, pas nord-coréens", "", "fr"),
    ],
)
def test_a_claim_of_only_home_made_weapons_denies_the_supply(detect_rules, title, summary, lang):
    assert told(detect_rules(title, summary, lang=lang), "arms_transfer") == (None, None, None)


def test_not_only_domestic_shells_is_no_denial(detect_rules):
    detection = detect_rules("Russia fires not only domestic shells but also North Korean ones, Kyiv says", "", "en")
    assert directed(detection, "arms_transfer") == ("reported", "PRK", "RUS")


def test_a_home_made_weapon_shipped_abroad_is_still_a_transfer(detect_rules):
    detection = detect_rules("North Korea ships its home-made missiles to Russia", "", lang="en")
    assert directed(detection, "arms_transfer") == ("reported", "PRK", "RUS")


def test_a_denial_not_made_stays_no_news(detect_rules):
    detection = detect_rules("Kremlin does not deny North Korean shells reached its army", "", lang="en")
    assert told(detection, "arms_transfer") == (None, None, None)
