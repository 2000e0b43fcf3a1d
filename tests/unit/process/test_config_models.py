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
