"""Arms transfers (armsrec17): in French, « à » after a word of buying names the seller, not the receiver."""

from __future__ import annotations

import pytest


def direction(detection) -> tuple[str | None, str | None]:
    """The direction of the arms transfer in ``detection`` ((None, None) without one)."""
    event = next((e for e in detection.events if e.type == "arms_transfer"), None)
    return (event.from_, event.to) if event else (None, None)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Le Kremlin a acheté des obusiers à Pyongyang", ("PRK", "RUS")),
        ("La Corée du Nord achèterait des systèmes antiaériens à la Russie", ("RUS", "PRK")),
        ("Moscou finalise l'achat de roquettes à la Corée du Nord", ("PRK", "RUS")),
    ],
)
def test_a_to_preposition_after_buying_names_the_seller(detect, title, expected):
    assert direction(detect(title, "", lang="fr")) == expected


def test_a_to_preposition_after_a_delivery_still_names_the_receiver(detect):
    assert direction(detect("Moscou a expédié des obusiers à Pyongyang", "", lang="fr")) == ("RUS", "PRK")
