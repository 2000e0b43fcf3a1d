"""A watched state's region or city in a launch's origin or target says where, not who (places24).

The firer's own state named again after an origin preposition is where it fired from, not the supplier
of the weapon ("fired by Russian troops from the Bryansk region"); a place a strike noun aims at is its
target even with the noun's qualifiers before the preposition (« Frappes ukrainiennes nocturnes sur
Voronej »). Kursk, listed in the watchlist, and the generated places behave alike."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Experts study missile debris in Zaporizhzhia",
            "Officials said the KN-23 was fired by Russian troops from the Bryansk region.",
            "en",
        ),
        (
            "Experts study missile debris in Zaporizhzhia",
            "Officials said the KN-23 was fired by Russian troops from the Kursk region.",
            "en",
        ),
        (
            "Débris de missile examinés à Zaporijia",
            "D'après les enquêteurs, le KN-23 a été tiré par les forces russes depuis la région de Voronej.",
            "fr",
        ),
        (
            "Débris de missile examinés à Zaporijia",
            "D'après les enquêteurs, le KN-23 a été tiré par les forces russes depuis la région de Koursk.",
            "fr",
        ),
        (
            "В Запорожье исследуют обломки ракеты",
            "По словам следователей, ракета KN-23 была запущена российскими военными из Брянской области.",
            "ru",
        ),
    ],
)
def test_the_firers_own_region_is_where_it_fired_from(detect, title, summary, lang):
    assert launch(detect(title, summary, lang=lang)) == ("held", ("RUS",))


@pytest.mark.parametrize(
    "title",
    [
        "Frappes ukrainiennes nocturnes sur Voronej : drones et missiles",
        "Tirs ukrainiens sur Koursk : drones et missiles",
    ],
)
def test_a_place_a_qualified_strike_noun_aims_at_is_no_launcher(detect, title):
    assert launch(detect(title, "", lang="fr")) == (None, ())
