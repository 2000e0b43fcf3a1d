"""Arms transfers (arms26): a state gives nothing to itself, so its weapon's name after the giving verb is its make,
not an indirect object; a Russian genitive right before the weapon completes the noun before it («армии КНДР»);
«выпущенный» with an armed formation as agent is fired, not produced (the firer received, the maker gave); trainer
aircraft and military communications are arms; "N. Korean" names North Korea; a name joined to a maker's verb
("Pyongyang-built") made the weapon."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import directed, told


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("North Korea sent KN-23 missiles to Russia, Kyiv says", "en", ("reported", "PRK", "RUS")),
        ("Russia will share Kalibr missile technology with North Korea", "en", ("announced", "RUS", "PRK")),
        (
            "Update: Russia agrees to share submarine technology with N. Korean navy, NIS says",
            "en",
            ("announced", "RUS", "PRK"),
        ),
    ],
)
def test_a_weapon_named_after_the_verb_by_the_subjects_state_is_its_make(detect_rules, title, lang, expected):
    assert directed(detect_rules(title, "", lang=lang), "arms_transfer") == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Russia gave North Korea air defence systems", ("reported", "RUS", "PRK")),
        ("North Korea sent Russia more KN-23 missiles", ("reported", "PRK", "RUS")),
    ],
)
def test_the_other_state_after_the_verb_still_receives(detect_rules, title, expected):
    assert directed(detect_rules(title, "", lang="en"), "arms_transfer") == expected


def test_a_genitive_completing_the_noun_before_the_weapon_is_no_maker(detect_rules):
    detection = detect_rules("Москва поставит армии Северной Кореи зенитные комплексы", "", lang="ru")
    assert directed(detection, "arms_transfer") == ("announced", "RUS", "PRK")


def test_a_name_after_a_supply_noun_still_gives(detect_rules):
    detection = detect_rules("Поставки КНДР ракет в Россию выросли", "", lang="ru")
    assert directed(detection, "arms_transfer") == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    "title",
    [
        "Снаряд, выпущенный российскими войсками по Херсону, изготовлен в КНДР",
        "Снаряд, выпущенный российской артиллерией по Никополю, изготовлен в Северной Корее",
        "Херсон: ракета, выпущенная российскими расчетами, изготовлена в КНДР",
    ],
)
def test_an_army_that_fired_the_weapon_received_it(detect_rules, title):
    assert directed(detect_rules(title, "", lang="ru"), "arms_transfer") == ("reported", "PRK", "RUS")


def test_a_factory_that_issued_the_weapon_still_made_it(detect_rules):
    detection = detect_rules("Снаряды, выпущенные северокорейским заводом, нашли у российских военных", "", lang="ru")
    assert directed(detection, "arms_transfer") == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("КНДР получит от России учебные самолёты", "ru", ("announced", "RUS", "PRK")),
        ("Россия поставила КНДР средства военной связи", "ru", ("reported", "RUS", "PRK")),
        (
            "Russia handed North Korea military satellite communication stations, report says",
            "en",
            ("reported", "RUS", "PRK"),
        ),
        ("La Russie a livré à Pyongyang des stations de communication militaires", "fr", ("reported", "RUS", "PRK")),
    ],
)
def test_trainer_aircraft_and_military_communications_are_arms(detect_rules, title, lang, expected):
    assert directed(detect_rules(title, "", lang=lang), "arms_transfer") == expected


def test_a_civilian_satellite_link_is_no_weapon(detect_rules):
    detection = detect_rules("Россия поставит КНДР станции спутниковой связи для телевидения", "", lang="ru")
    assert told(detection, "arms_transfer") == (None, None, None)


@pytest.mark.parametrize(
    "title",
    [
        "Kharkiv: fragments point to North Korean-made missile",
        "Kharkiv attack: fragments point to Pyongyang-built missile",
    ],
)
def test_a_name_joined_to_its_makers_verb_made_the_weapon_found(detect_rules, title):
    assert directed(detect_rules(title, "", lang="en"), "arms_transfer") == ("reported", "PRK", "RUS")


def test_a_made_weapon_fired_by_the_other_state_keeps_its_direction(detect_rules):
    detection = detect_rules("Russia fires North Korean-made shells, Kyiv says", "", lang="en")
    assert directed(detection, "arms_transfer") == ("reported", "PRK", "RUS")
