"""The version-2 contract: direction and claimant on events and alerts; version-1 records still read."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from veille.contracts import SCHEMA_VERSION, Alert, Detection, Event

V1_DETECTION = (
    '{"schema_version":1,"article":{"schema_version":1,"id":"a1","feed_id":"f","source":"Yonhap",'
    '"url":null,"title":"t","lang":"en","published":null,"fetched_at":"2024-10-18T08:00:00Z","tags":[],'
    '"fingerprint":null},"lang":"en","entities":[],"events":[{"schema_version":1,"type":"arms_transfer",'
    '"actors":["PRK","RUS"],"stage":"reported","trigger":"shells","evidence":"e","confidence":0.9}],'
    '"retractions":[],"processed_at":"2024-10-18T08:00:01Z"}'
)


def test_a_version_1_detection_decodes_without_direction_or_claimant():
    detection = Detection.model_validate_json(V1_DETECTION)
    (event,) = detection.events
    assert event.schema_version == 1
    assert (event.from_, event.to, event.claimed_by) == (None, None, None)


def test_direction_is_serialised_as_from_and_to_and_reads_back():
    event = Event(
        type="arms_transfer", actors=("RUS", "PRK"), stage="reported", to="PRK", claimed_by="KOR", **{"from": "RUS"}
    )
    raw = json.loads(event.to_bytes())
    assert (raw["schema_version"], raw["from"], raw["to"], raw["claimed_by"]) == (SCHEMA_VERSION, "RUS", "PRK", "KOR")
    assert "from_" not in raw
    assert Event.model_validate_json(event.to_bytes()) == event


def test_an_alert_carries_direction_and_claimant():
    alert = Alert.model_validate(
        {
            "alert_id": "x",
            "rule": "r",
            "event_type": "troop_deployment",
            "actors": ["PRK", "RUS"],
            "group_key": "g",
            "title": "t",
            "first_seen": "2024-10-18T08:00:00Z",
            "fired_at": "2024-10-18T08:00:00Z",
            "from": "PRK",
            "to": "RUS",
            "claimed_by": "KOR",
        }
    )
    assert (alert.from_, alert.to, alert.claimed_by) == ("PRK", "RUS", "KOR")
    assert json.loads(alert.to_bytes())["from"] == "PRK"


def test_a_newer_version_is_refused():
    with pytest.raises(ValidationError, match="newer"):
        Event(type="visit", actors=("PRK",), schema_version=SCHEMA_VERSION + 1)
