"""The ``watchlist`` and ``events`` config sections refuse configurations that cannot work."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from process.events import EventType
from veille.config.events import EventTypeConfig
from veille.config.watchlist import EntityConfig


def test_an_entity_without_names_or_people_is_rejected():
    with pytest.raises(ValidationError, match="nothing could ever match it"):
        EntityConfig(id="IRN")


def test_office_dates_must_be_ordered():
    with pytest.raises(ValidationError, match="before since"):
        EntityConfig(id="IRN", people=[{"names": ["Raisi"], "since": "2021-08-03", "until": "2020-01-01"}])


def test_a_pending_stage_must_be_a_stage_of_the_type():
    with pytest.raises(ValidationError, match="pending stage 'planned'"):
        EventTypeConfig(type="deal", triggers={"en": ["deal"]}, stages=[{"name": "signed", "pending": "planned"}])


def test_an_event_type_needs_triggers_and_a_way_to_get_a_stage():
    with pytest.raises(ValidationError, match="has no triggers"):
        EventTypeConfig(type="deal", stages=[{"name": "signed"}])
    with pytest.raises(ValidationError, match="needs stages or a default_stage"):
        EventTypeConfig(type="deal", triggers={"en": ["deal"]})


def test_an_event_type_keeps_only_the_fronts_its_watchlist_can_use():
    config = EventTypeConfig(
        type="arms_transfer",
        directed=True,
        fronts={"UKR": "RUS"},
        triggers={"en": ["shells"]},
        stages=[{"name": "reported", "cues": {"en": ["sent"]}}],
    )
    assert EventType.compile(config, {"PRK": True, "RUS": True, "UKR": False}).fronts == {"UKR": "RUS"}
    assert EventType.compile(config, {"CHN": True, "IRN": True}).fronts == {}  # watching other states
    assert EventType.compile(config, {"PRK": True, "RUS": False, "UKR": False}).fronts == {}  # RUS only context


def test_the_shape_words_load_from_the_name_shapes_lexicon_folded(lexicon_config):
    from process.name_shape import ShapeWords

    words = ShapeWords.from_config(lexicon_config.name_shapes)
    assert {"tuesday", "december"} <= words.calendar
    assert {"rue", "street", "улица"} <= words.streets
    assert {",", "(", "штате"} <= words.region_links
    assert words.language_before == {"le", "du", "en"}
    assert {"mr", "mme"} <= words.honorifics  # "Mr Peskov": a form of address, no given name
    for region in ("idaho", "quebec", "пенсильвании"):  # folded, and Russian regions as prefixes
        assert words.regions.match_at([region], 0) is not None
    assert words.regions.match_at(["washington"], 0) is None  # "Moscow, Washington and Beijing"


def test_a_config_without_name_shapes_reads_no_region_date_or_street(lexicon_config):
    from process.text import tokenize
    from process.watchlist import Watchlist

    text = "Moscow, Kansas police search a house on the rue de Moscou"
    bare = Watchlist(lexicon_config.watchlist)
    shaped = Watchlist(lexicon_config.watchlist, lexicon_config.name_shapes)
    assert [m.entity for m in bare.find(text, tokenize(text), None)] == ["RUS", "RUS"]
    assert shaped.find(text, tokenize(text), None) == []
