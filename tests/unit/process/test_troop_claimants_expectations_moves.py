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
