"""Backtest on both backends: stored detections replayed through a rule file; nothing sent or stored."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alerts.backtest import backtest, delivered_notices, load_rule_file
from alerts.engine import AlertEngine
from alerts.state import TABLES, alerts, notices
from tests.integration.alerts.engine.support import T0, config, detection, rule, stored_deliveries
from veille.errors import ConfigError

RULE_FILE = """
rules:
  - name: rus-prk-agreements
    type: threshold
    event_type: agreement
    actors: [RUS, PRK]
    min_count: 2
    window: 12h
"""


def record_history(store_engine):
    """What the live worker saw (its config has no rule yet): a treaty announced, a distractor, a signature."""
    live = AlertEngine(config(), store_engine)
    day = timedelta(days=1)
    for when, batch in [
        (T0, [detection("a1", "Reuters"), detection("a2", "AFP")]),
        (T0 + day, [detection("v1", "Reuters", actors=("RUS", "VNM")), detection("v2", "AFP", actors=("RUS", "VNM"))]),
        (T0 + 2 * day, [detection("s1", "TASS", stage="signed", published=T0 + 2 * day)]),
        (T0 + 2 * day, [detection("s2", "Yonhap", stage="signed", published=T0 + 2 * day)]),
    ]:
        assert live.handle(batch, when) == []


def test_backtest_reports_the_alerts_a_rule_would_have_sent_without_sending_or_storing_them(store_engine, tmp_path):
    record_history(store_engine)
    path = tmp_path / "rules.yaml"
    path.write_text(RULE_FILE, encoding="utf-8")
    result = backtest(
        config(), store_engine, load_rule_file(path).rules, T0 - timedelta(days=1), T0 + timedelta(days=3)
    )
    assert result.detections == 6
    assert [(a.kind, a.stage, a.sources) for a in result.notices] == [
        ("new", "announced", ("Reuters", "AFP")),
        ("new", "signed", ("TASS", "Yonhap")),
    ]
    assert result.notices[1].previous_alert_id == result.notices[0].alert_id
    with store_engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(alerts)).scalar_one() == 0
        assert conn.execute(sa.select(sa.func.count()).select_from(notices)).scalar_one() == 0
    assert stored_deliveries(store_engine) == []


def test_backtest_replays_only_the_detections_since_the_given_time(store_engine, tmp_path):
    record_history(store_engine)
    path = tmp_path / "rules.yaml"
    path.write_text(RULE_FILE, encoding="utf-8")
    result = backtest(
        config(), store_engine, load_rule_file(path).rules, T0 + timedelta(hours=36), T0 + timedelta(days=3)
    )
    assert result.detections == 2
    assert [a.stage for a in result.alerts] == ["signed"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("rules: []", "rules: the file holds no rule"),
        ("- name: x", ": Input should be a valid dictionary"),
        ("rules:\n  - {name: x, type: threshold, event_type: a, min_count: 0}", "rules.0.threshold.min_count"),
        ("rules:\n  - {name: x, type: sometimes, event_type: a}", "rules.0: Input tag 'sometimes'"),
        ("rules: [\n", "invalid YAML"),
    ],
)
def test_a_bad_rule_file_is_refused_with_one_line_naming_the_file_and_field(tmp_path, text, problem):
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_rule_file(path)
    assert len(caught.value.problems) == 1
    assert caught.value.problems[0].startswith(str(path))
    assert problem in caught.value.problems[0]


LIVE_RULE = rule(min_count=2, follow_ups=True, lateness="2m")
STORY = [
    detection("a1", "Reuters", published=T0),
    detection("a2", "AFP", published=T0 + timedelta(minutes=20)),
    detection("a3", "TASS", published=T0 + timedelta(minutes=40)),
    detection("s1", "Yonhap", stage="signed", published=T0 + timedelta(hours=2)),
    detection("s2", "KCNA", stage="signed", published=T0 + timedelta(hours=2)),
    detection("d1", "RIA", stage="signed", retraction=True, published=T0 + timedelta(hours=3)),
    detection("d2", "Izvestia", stage=None, retraction=True, published=T0 + timedelta(hours=3, minutes=5)),
]


def sent(found) -> set[tuple]:
    return {(a.kind, a.alert_id, a.revision, a.sources, a.denied_by) for a in found}


@pytest.mark.timeout(600)
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(STORY), replicas=st.lists(st.integers(0, 1), min_size=len(STORY), max_size=len(STORY)))
def test_backtest_gives_the_notices_live_processing_gave_whatever_order_live_replicas_saw(
    store_engine, tmp_path, order, replicas
):
    live = [AlertEngine(config(LIVE_RULE), store_engine) for _ in range(2)]
    with store_engine.begin() as conn:  # a fresh store for each drawn order
        for table in reversed(TABLES):
            conn.execute(table.delete())
    for index, (found, replica) in enumerate(zip(order, replicas, strict=True)):
        live[replica].handle([found], T0 + timedelta(hours=4, minutes=index))  # all arrive after the last report
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump({"rules": [LIVE_RULE]}), encoding="utf-8")
    result = backtest(
        config(), store_engine, load_rule_file(path).rules, T0 - timedelta(days=1), T0 + timedelta(days=1)
    )
    assert sent(result.notices) == sent(delivered_notices(store_engine))
    assert {a.kind for a in result.notices} == {"new", "update", "retraction"}


def test_a_full_configuration_is_accepted_with_its_includes_and_variables(tmp_path):
    (tmp_path / "rules.yaml").write_text(RULE_FILE.replace("min_count: 2", "min_count: ${MIN_COUNT:-3}"), "utf-8")
    path = tmp_path / "veille.yaml"
    path.write_text(
        "include: [rules.yaml]\n"
        "receivers:\n  - {type: console, name: ops}\n"
        "watchlist:\n  - {id: RUS, names: {en: [Russia]}}\n  - {id: PRK, names: {en: [North Korea]}}\n",
        encoding="utf-8",
    )

    source = load_rule_file(path)

    [rule] = source.rules
    assert (rule.name, rule.min_count) == ("rus-prk-agreements", 3)
    assert source.config is not None
    assert [r.name for r in source.config.receivers] == ["ops"]


def test_a_stand_alone_rule_file_brings_no_configuration(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text(RULE_FILE, encoding="utf-8")
    assert load_rule_file(path).config is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("receivers: []\n", "rules: the configuration holds no rule"),
        ("rules:\n  - {name: x, type: threshold, event_type: a, min_count: 0}\nfeeds: []\n", "rules.0.threshold"),
        ("include: [missing.yaml]\n", "missing.yaml: cannot read"),
    ],
)
def test_a_bad_configuration_is_refused_with_one_line_naming_the_file(tmp_path, text, problem):
    path = tmp_path / "veille.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_rule_file(path)
    [line] = caught.value.problems
    assert line.startswith(str(tmp_path))
    assert problem in line
