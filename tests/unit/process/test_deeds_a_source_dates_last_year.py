"""A source's headline claim about a deed done long ago is news; an aside that recalls one is not."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import directed, make_article


@pytest.mark.parametrize(
    ("title", "lang", "event_type"),
    [
        ("North Korea sent Russia millions of shells last year, Seoul says", "en", "arms_transfer"),
        ("La Corée du Nord a livré des obus à la Russie l'an dernier, selon Séoul", "fr", "arms_transfer"),
        ("КНДР в прошлом году поставила России снаряды, заявили в Сеуле", "ru", "arms_transfer"),
        ("North Korea sent troops to Russia last year, Seoul says", "en", "troop_deployment"),
    ],
)
def test_a_sources_claim_of_last_years_deed_is_reported(rules_extractor, title, lang, event_type):
    detection = rules_extractor.extract([make_article(title, lang=lang, published="2025-03-01")])[0]
    assert directed(detection, event_type) == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "event_type"),
    [
        # a relative clause recalls the troops: the missiles are the news
        ("North Korea, which sent troops to Russia last year, fires missiles, Seoul says", "troop_deployment"),
        # no source: the headline recalls
        ("North Korea sent troops to Russia last year", "troop_deployment"),
        # a type with no reported stage keeps its dates: the treaty's signing is recalled
        ("Putin says treaty signed with Kim last year is working well", "agreement"),
    ],
)
def test_a_recalled_deed_without_a_sources_claim_stays_background(rules_extractor, title, event_type):
    detection = rules_extractor.extract([make_article(title, published="2025-03-01")])[0]
    assert directed(detection, event_type) is None
