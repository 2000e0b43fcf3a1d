"""Silences on both backends: silenced alerts are stored, not delivered, and counted."""

from __future__ import annotations

from datetime import timedelta

import pytest
from prometheus_client import REGISTRY

from alerts.engine import AlertEngine
from alerts.silences import Silences
from tests.integration.alerts.engine.support import at, config, detection, rule, stored_alerts, stored_deliveries


def silenced_count() -> float:
    return REGISTRY.get_sample_value("veille_alerts_silenced_total", {"rule": "rus-prk", "reason": "silence"}) or 0.0


def test_a_silenced_alert_is_stored_and_counted_but_not_delivered(store_engine):
    engine = AlertEngine(config(rule(type="any", follow_ups=True)), store_engine)
    silences = Silences(store_engine)
    silences.create(now=at(0), duration=timedelta(hours=6), reason="maintenance", author="ops", rule="rus-prk")
    before = silenced_count()
    assert engine.handle([detection("a1", "Reuters")], at(1)) == []
    [row] = stored_alerts(store_engine)
    assert row.status == "silenced"
    assert stored_deliveries(store_engine) == []
    assert silenced_count() == before + 1
    # Its follow-ups stay muted, even after the silence ended.
    assert engine.handle([detection("a2", "AFP", published=at(400))], at(400)) == []
    assert stored_deliveries(store_engine) == []


def test_a_silence_can_match_one_actor_only(store_engine):
    engine = AlertEngine(config(rule(type="any", actors=["RUS"])), store_engine)
    Silences(store_engine).create(
        now=at(0), duration=timedelta(hours=6), reason="known story", author="ops", matchers={"actor": "VNM"}
    )
    assert engine.handle([detection("v1", "Reuters", actors=("RUS", "VNM"))], at(1)) == []
    assert len(engine.handle([detection("p1", "Reuters")], at(2))) == 1


def test_a_silence_mutes_follow_ups_of_an_alert_sent_before_it(store_engine):
    engine = AlertEngine(config(rule(type="any", follow_ups=True)), store_engine)
    engine.handle([detection("a1", "Reuters")], at(0))
    Silences(store_engine).create(now=at(1), duration=timedelta(hours=1), reason="noisy", author="ops")
    assert engine.handle([detection("a2", "AFP", published=at(2))], at(2)) == []
    assert [d.revision for d in stored_deliveries(store_engine)] == [0]


def test_silences_are_listed_while_active_and_can_be_expired_early(store_engine):
    silences = Silences(store_engine)
    silence = silences.create(now=at(0), duration=timedelta(hours=6), reason="  drill \n", author="ops", rule="r")
    assert silence.reason == "drill"
    assert [s.id for s in silences.list(at(10))] == [silence.id]
    assert silences.list(at(400)) == []
    assert silences.expire(silence.id, at(20))
    assert not silences.expire(silence.id, at(21))
    assert silences.list(at(30)) == []
    assert [s.expired_at for s in silences.list(at(30), include_expired=True)] == [at(20)]
    engine = AlertEngine(config(rule(type="any", name="r")), store_engine)
    assert len(engine.handle([detection("a1", "Reuters")], at(30))) == 1


@pytest.mark.parametrize(
    ("request_", "error"),
    [
        ({"matchers": {"colour": "red"}}, "unknown silence matcher colour"),
        ({"duration": timedelta(0)}, "positive duration"),
        ({"reason": "  "}, "needs a reason"),
    ],
)
def test_bad_silence_requests_are_refused_with_the_reason(store_engine, request_, error):
    arguments = {"now": at(0), "duration": timedelta(hours=1), "reason": "x", "author": "ops", **request_}
    with pytest.raises(ValueError, match=error):
        Silences(store_engine).create(**arguments)
