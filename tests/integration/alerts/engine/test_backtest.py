"""Backtest on both backends: stored detections replayed through a rule file; nothing sent or stored."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from alerts.backtest import backtest, load_rule_file
from alerts.engine import AlertEngine
from alerts.state import alerts, notices
from tests.integration.alerts.engine.support import T0, config, detection, stored_deliveries
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
