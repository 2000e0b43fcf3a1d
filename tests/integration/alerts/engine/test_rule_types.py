"""Rule types other than threshold, on both backends: any, first_seen, spike, flatline."""

from __future__ import annotations

from datetime import timedelta

from alerts.engine import AlertEngine
from tests.integration.alerts.engine.support import T0, at, config, detection, rule, stored_alerts


def test_first_seen_fires_for_a_group_new_within_the_lookback_only(store_engine):
    engine = AlertEngine(config(rule("first_seen", lookback="30d", realert="1h")), store_engine)
    [announced] = engine.handle([detection("a1", "Reuters")], at(0))
    assert announced.stage == "announced"
    later = T0 + timedelta(hours=3)
    assert engine.handle([detection("a2", "AFP", published=later)], later) == []
    [signed] = engine.handle([detection("s1", "AFP", stage="signed", published=later)], later)
    assert signed.stage == "signed"


def test_first_seen_fires_again_once_the_lookback_has_passed(store_engine):
    engine = AlertEngine(config(rule("first_seen", lookback="7d", realert="1h")), store_engine)
    engine.handle([detection("a1", "Reuters")], at(0))
    later = T0 + timedelta(days=8)
    assert len(engine.handle([detection("a2", "AFP", published=later)], later)) == 1


def test_spike_fires_when_the_recent_rate_reaches_the_factor_times_the_baseline(store_engine):
    spike = rule("spike", window="1h", baseline="1d", factor=3, min_count=3, group_by=["event_type", "actors"])
    # The baseline, about two articles an hour for a day (never three within an hour: no spike of its
    # own, since rules judge in event time), recorded by a replica whose rule could not fire.
    quiet = AlertEngine(config({**spike, "min_count": 1000}), store_engine)
    for index in range(47):
        when = T0 - timedelta(hours=24) + timedelta(minutes=31 * index)
        quiet.handle([detection(f"b{index}", "KCNA", published=when)], when)
    engine = AlertEngine(config(spike), store_engine)
    made = []
    for index, minutes in enumerate((5, 10, 15, 20, 25, 30)):
        when = at(minutes)
        made.append(len(engine.handle([detection(f"s{index}", "KCNA", published=when)], when)))
    # Three in the hour (at +10 min) meet min_count but not 3 x the ~2/h baseline; six do.
    assert made == [0, 0, 0, 0, 1, 0]


def test_spike_needs_its_minimum_count_even_without_a_baseline(store_engine):
    engine = AlertEngine(config(rule("spike", window="1h", min_count=3, factor=2)), store_engine)
    assert engine.handle([detection("a1", "Reuters"), detection("a2", "AFP")], at(1)) == []
    assert len(engine.handle([detection("a3", "TASS")], at(2))) == 1


def test_flatline_fires_when_a_known_source_goes_silent_for_a_window(store_engine):
    silent = rule("flatline", name="kcna-silent", actors=[], sources=["KCNA", "Rodong"], window="6h", realert="1d")
    engine = AlertEngine(config(silent), store_engine)
    engine.handle([detection("k1", "KCNA")], at(0))
    assert engine.tick(T0 + timedelta(hours=5)) == []  # not known for a whole window yet
    later = T0 + timedelta(hours=4)
    engine.handle([detection("r1", "Rodong", published=later)], later)
    [alert] = engine.tick(T0 + timedelta(hours=6, minutes=1))
    assert alert.title == "Fewer than 1 articles in 6h for source=KCNA"
    assert alert.sources == ("KCNA",) and alert.article_ids == ("k1",)
    assert engine.tick(T0 + timedelta(hours=7)) == []  # realert
    assert len(stored_alerts(store_engine)) == 1


def test_flatline_stays_quiet_while_the_source_keeps_reporting(store_engine):
    silent = rule("flatline", name="kcna-silent", actors=[], sources=["KCNA"], window="6h")
    engine = AlertEngine(config(silent), store_engine)
    for hour in range(0, 13, 3):
        when = T0 + timedelta(hours=hour)
        assert engine.handle([detection(f"k{hour}", "KCNA", published=when)], when) == []
