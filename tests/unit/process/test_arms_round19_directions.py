"""Arms transfers (arms24): directions of round 19's constructions — know-how to make a weapon handed
over, an acquisition negotiated, an "anti-ship" weapon, an earlier verb standing for the weapon, and
helicopters and radars as military equipment."""

from __future__ import annotations

import pytest


def direction(detection) -> tuple[str | None, str | None]:
    """The direction of the arms transfer in ``detection`` ((None, None) without one)."""
    event = next((e for e in detection.events if e.type == "arms_transfer"), None)
    return (event.from_, event.to) if event else (None, None)


def test_production_know_how_handed_over_is_no_messenger(detect):
    # «производства» names what the technology is for, not a deed that would make «передаст» a messenger's
    title = "Москва передаст Пхеньяну технологию производства крылатых ракет, сообщили в Сеуле"
    assert direction(detect(title, "", lang="ru")) == ("RUS", "PRK")


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Pyongyang négocie avec Moscou l'acquisition d'avions de combat", "fr", ("RUS", "PRK")),
        ("Moscou discute avec Pyongyang l'acquisition de nouveaux obus", "fr", ("PRK", "RUS")),
        ("North Korea is in talks with Russia over the acquisition of fighter jets", "en", ("RUS", "PRK")),
    ],
)
def test_acquisition_negotiated_makes_the_negotiator_the_buyer(detect, title, lang, expected):
    assert direction(detect(title, "", lang=lang)) == expected


def test_technology_that_went_into_a_weapon_was_supplied(detect):
    title = "Russian radar technology went into North Korea's new frigate, Seoul says"
    assert direction(detect(title, "", lang="en")) == ("RUS", "PRK")


def test_anti_ship_is_a_weapon_not_a_shipment(detect):
    title = "North Korea is negotiating with Russia to obtain anti-ship cruise missiles"
    assert direction(detect(title, "", lang="en")) == ("RUS", "PRK")


def test_headline_verb_subject_is_no_maker_of_the_weapon(detect):
    # the body names only the maker; the headline's verb orients the pair, its subject uses the weapon
    detection = detect(
        "Russia used North Korean KN-23 against Dnipro, Kyiv says",
        "A ballistic missile that hit a power plant in the Dnipropetrovsk region on Sunday was a North Korean KN-23,"
        " the Ukrainian military said.",
        lang="en",
    )
    assert direction(detection) == ("PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang", "expected"),
    [
        ("Des hélicoptères de fabrication russe repérés près de Wonsan en Corée du Nord", "", "fr", ("RUS", "PRK")),
        ("Satellite images show Russian-made military helicopters delivered to North Korea", "", "en", ("RUS", "PRK")),
        ("В КНДР заметили радиолокационную станцию российского производства", "", "ru", ("RUS", "PRK")),
        ("Russia delivered a radar station to North Korea, analysts say", "", "en", ("RUS", "PRK")),
    ],
)
def test_helicopters_and_radars_are_military_equipment(detect, title, summary, lang, expected):
    assert direction(detect(title, summary, lang=lang)) == expected


def test_accusation_called_speculation_is_a_denial(detect):
    title = "Шойгу: слухи о поставках российских истребителей в КНДР — домыслы западной прессы"
    detection = detect(title, "", lang="ru")
    assert not [e for e in detection.events if e.type == "arms_transfer"]
    assert [e for e in detection.retractions if e.type == "arms_transfer"]


def test_commitment_to_supply_is_a_plan(detect):
    detection = detect("Selon Séoul, Moscou s'est engagée à livrer des avions de combat à Pyongyang", "", lang="fr")
    event = next(e for e in detection.events if e.type == "arms_transfer")
    assert (event.stage, event.from_, event.to) == ("announced", "RUS", "PRK")
