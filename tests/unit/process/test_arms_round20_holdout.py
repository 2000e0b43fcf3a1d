"""Arms transfers (arms24b): constructions of round 20's arms errors — a weapon named for attack, a demonym after
the weapon, a list of weapons under one time word, armour, mines and aircraft as weapons, a third state sending
something else, a state that sanctions."""

from __future__ import annotations

import pytest


def arms(detection) -> list:
    """The arms transfers of ``detection``."""
    return [e for e in detection.events if e.type == "arms_transfer"]


def told(detection) -> tuple[str | None, str | None, str | None]:
    """``(stage, from, to)`` of the one arms transfer in ``detection``."""
    (event,) = arms(detection)
    return event.stage, event.from_, event.to


def test_a_weapon_named_for_attack_is_no_attack_made(detect):
    # folded, « d'attaque » read as « attaqué »: Russia "attacked", so it held the drones; a plan both sides
    # discuss says nothing of who gives
    title = "La Russie mène des discussions avec la Corée du Nord sur la fourniture de drones d'attaque"
    assert told(detect(title, "", lang="fr")) == ("announced", None, None)


def test_a_demonym_after_the_weapon_is_its_maker(detect):
    # « nord-coréens » qualifies the shells as "North Korean" does before them; the demonym on the documents is no giver
    title = "Des documents russes détaillent les livraisons d'obus nord-coréens, affirme Kiev"
    assert told(detect(title, "", lang="fr"))[1:] == ("PRK", "RUS")


def test_a_list_of_weapons_shares_the_time_word_before_its_first(detect):
    # "earlier" dates "supplying shells and rocket launchers", both members; the howitzers are still ahead
    title = "North Korea is preparing to ship howitzers to Russia after earlier supplying shells and rocket launchers"
    assert told(detect(title, "", lang="en")) == ("announced", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Russia is getting ready to deliver tanks to North Korea, Seoul believes", "en", ("announced", "RUS", "PRK")),
        ("Moscou a livré des chars à Pyongyang, selon Séoul", "fr", ("reported", "RUS", "PRK")),
        ("North Korean anti-personnel mines found near Kharkiv", "en", ("reported", "PRK", "RUS")),
        (
            "Des mines antichars nord-coréennes retrouvées près de Kharkiv",
            "fr",
            ("reported", "PRK", "RUS"),
        ),
        ("Россия передала КНДР партию учебно-боевых самолетов", "ru", ("reported", "RUS", "PRK")),
        (
            "КНДР получила российские реактивные системы залпового огня",
            "ru",
            ("reported", "RUS", "PRK"),
        ),
    ],
)
def test_armour_mines_aircraft_and_spelled_out_launchers_are_weapons(detect, title, lang, expected):
    assert told(detect(title, "", lang=lang)) == expected


def test_a_think_tank_is_no_weapon(detect):
    title = "Think tanks in Moscow and Pyongyang sign a research memorandum"
    assert not arms(detect(title, "", lang="en"))


def test_a_third_state_sending_something_else_is_no_party(detect):
    # Tokyo sends investigators, not the missiles: no transfer between the watched pair
    title = "Tokyo veut envoyer des enquêteurs en Ukraine pour examiner les missiles nord-coréens"
    assert not arms(detect(title, "", lang="fr"))


def test_a_co_giver_listed_with_a_party_shares_the_deed(detect):
    title = "La Corée du Nord et l'Iran fournissent des drones à la Russie, selon Kiev"
    assert told(detect(title, "", lang="fr"))[1:] == ("PRK", "RUS")


@pytest.mark.parametrize(
    "title",
    [
        "Australia sanctions North Korean officials over missiles sent to Russia",
        "New Zealand sanctions North Korean vessels over shells shipped to Russia",
    ],
)
def test_a_state_that_sanctions_a_party_reacts(detect, title):
    # the body tells the grounds of the penalty, not news of its own
    summary = "North Korea has sent ballistic missiles and shells to Russia for its war, the foreign minister said."
    assert not arms(detect(title, summary, lang="en"))
