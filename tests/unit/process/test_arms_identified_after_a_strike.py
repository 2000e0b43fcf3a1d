"""Arms transfers (arms27c): a weapon that the item's launcher fired and that a later sentence identifies as another
state's make, naming only the maker ("Russia fired ten missiles at Odesa" + "experts said the debris came from a
North Korean KN-23"): the maker supplied the launcher, a reported transfer, across sentences."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch
from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Russia fires missiles at Odesa overnight",
            "Russia launched ten missiles at the port overnight, the air force said. Experts who examined the debris"
            " said it came from a North Korean KN-23.",
            "en",
        ),
        (
            "La Russie tire des missiles sur Odessa",
            "La Russie a tiré dix missiles sur le port dans la nuit. Les enquêteurs ont établi qu'il s'agissait de"
            " missiles nord-coréens KN-23.",
            "fr",
        ),
        (
            "Россия ночью обстреляла Одессу ракетами",
            "Россия выпустила по порту десять ракет. Эксперты по обломкам установили, что это были северокорейские"
            " ракеты KN-23.",
            "ru",
        ),
    ],
)
def test_a_weapon_identified_after_the_strike_was_supplied_to_the_launcher(detect_rules, title, summary, lang):
    detection = detect_rules(title, summary, lang=lang)
    assert arms(detection) == (("PRK", "RUS"), "reported", "PRK", "RUS")
    assert launch(detection) == ("held", ("RUS",))


@pytest.mark.parametrize(
    ("summary", "lang"),
    [
        # the other state acts: its own test, not a weapon's make
        ("Russia launched ten missiles at the port overnight. North Korea tested new cruise missiles on Friday.", "en"),
        # no weapon: the other state's troops are another story
        ("Russia launched ten missiles at the port overnight. North Korean troops keep fighting in Kursk.", "en"),
    ],
)
def test_a_state_that_acts_in_a_later_sentence_supplied_nothing(detect_rules, summary, lang):
    assert arms(detect_rules("Russia fires missiles at Odesa overnight", summary, lang=lang)) is None


def troops(detection):
    """The troop deployment of ``detection``, or None."""
    return next((e for e in detection.events if e.type == "troop_deployment"), None)


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Ukrainian soldiers capture North Korean mortars from Russian troops near Pokrovsk", "en"),
        ("Des soldats ukrainiens capturent un mortier nord-coréen aux troupes russes", "fr"),
        ("Украинские десантники захватили северокорейские гаубицы у российских войск", "ru"),
    ],
)
def test_a_weapon_captured_from_a_sides_troops_was_supplied_to_that_side(detect_rules, title, lang):
    detection = detect_rules(title, "", lang=lang)
    assert arms(detection) == (("PRK", "RUS"), "reported", "PRK", "RUS")
    assert troops(detection) is None


def test_a_captured_weapon_in_the_captors_service_is_no_transfer(detect_rules):
    # the participle tells what the weapon is now, in the captors' hands: no supply told
    assert arms(detect_rules("Ukrainian gunners fire captured North Korean howitzers at Russian lines", "")) is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        # the demonym before the troops, not a weapon: a deployment still
        ("North Korean troops captured Russian howitzers' positions in Kursk", "en"),
        ("North Korean soldiers deployed to Kursk with Russian rifles", "en"),
    ],
)
def test_troops_of_a_watched_state_are_still_its_deployment(detect_rules, title, lang):
    assert troops(detect_rules(title, "", lang=lang)) is not None
