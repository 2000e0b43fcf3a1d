"""Arms sent to a third country: the receiver after "to"/"à" is another state, not the watched party named elsewhere."""

from __future__ import annotations

import pytest


def arms(detection):
    """(actors, stage, from, to) of the first arms transfer, or None."""
    for event in detection.events:
        if event.type == "arms_transfer":
            return tuple(event.actors), event.stage, event.from_, event.to
    return None


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Pyongyang shipped rocket launchers to Syria, a new study finds",
            "The study was presented at a conference in Moscow.",
            "en",
        ),
        (
            "La Corée du Nord a expédié des obus au Myanmar, selon des experts",
            "Le rapport a été publié à Moscou la semaine dernière.",
            "fr",
        ),
        (
            "Russia delivers fighter jets to Iran as Kim Jong Un watches the air show",
            "",
            "en",
        ),
    ],
)
def test_weapons_sent_to_a_third_country_are_not_a_transfer_between_the_pair(detect, title, summary, lang):
    assert arms(detect(title, summary=summary, lang=lang)) is None


@pytest.mark.parametrize(
    ("title", "lang", "direction"),
    [
        ("North Korea delivered more shells to Russia for use in Ukraine, Kyiv says", "en", ("PRK", "RUS")),
        ("La Russie a livré des systèmes antiaériens à la Corée du Nord, selon Séoul", "fr", ("RUS", "PRK")),
        ("Russia fired North Korean missiles at Ukraine overnight", "en", ("PRK", "RUS")),
    ],
)
def test_a_watched_receiver_or_a_front_after_the_preposition_keeps_the_transfer(detect, title, lang, direction):
    event = arms(detect(title, lang=lang))
    assert event is not None and event[2:] == direction
