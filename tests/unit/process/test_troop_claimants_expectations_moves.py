"""Round (17), troops18: who acknowledges a deployment (a region named in a soldier's phrase or before a
headline's colon is no speaker), expectations told as plans, moves under way as deeds, groundbreakings
as commemorations, prisoners offered for a swap, and the direction a speaker in the other capital gives."""

from __future__ import annotations

import pytest

from tests.unit.process.test_troop_acknowledgements import troops


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Un soldat nord-coréen fait prisonnier dit avoir été trompé",
            "L'un des soldats nord-coréens détenus par l'armée ukrainienne dans la région de Koursk a déclaré lors "
            "d'un entretien qu'il croyait partir en Russie pour un entraînement.",
            "fr",
        ),
        (
            "Captured North Korean describes his unit's journey",
            "A North Korean soldier captured by Ukraine in the Kursk region has said he had been sent to Russia with "
            "his unit last autumn.",
            "en",
        ),
    ],
)
def test_a_soldier_speaking_from_a_region_is_no_acknowledgement_by_its_state(detect, title, summary, lang):
    found = troops(detect(title, summary, lang=lang, published="2025-03-02"))
    assert found is not None and found[1] == "reported"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Koursk : des centaines de soldats nord-coréens tués en une semaine, selon Kiev", "fr"),
        ("Kursk: hundreds of North Korean soldiers killed this week, Kyiv says", "en"),
    ],
)
def test_a_region_before_the_colon_yields_to_the_headline_s_speaker(detect, title, lang):
    found = troops(detect(title, lang=lang, published="2025-03-02"))
    assert found is not None and found[1] == "reported"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kim lays first stone of a hall commemorating North Korean soldiers who fell for Russia", "en"),
        ("Pyongyang broke ground on a monument honouring its soldiers killed fighting alongside Russia", "en"),
        ("Ким Чен Ын заложил мемориал северокорейским военным, погибшим за Россию", "ru"),
    ],
)
def test_a_groundbreaking_or_commemoration_honours_the_troops(detect, title, lang):
    found = troops(detect(title, lang=lang, published="2025-10-02"))
    assert found is not None and found[1:] == ("confirmed", "PRK", "RUS")


def test_a_move_under_way_is_a_deed(detect):
    title = "Pyongyang transferring thousands of military engineers to Russia, Seoul lawmakers told"
    found = troops(detect(title, lang="en", published="2025-10-02"))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


def test_the_receiver_s_expectation_is_a_plan(detect):
    title = "Moscow expects a fresh contingent of North Korean troops by summer, Kyiv's spy chief says"
    found = troops(detect(title, lang="en", published="2025-04-02"))
    assert found is not None and found[1:] == ("announced", "PRK", "RUS")
