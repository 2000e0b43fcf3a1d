"""The operator commands on both backends: alerts list, silence, silences, expire, rules backtest."""

from __future__ import annotations

import io
from argparse import Namespace
from datetime import UTC, datetime, timedelta

import pytest

from alerts import admin
from alerts.engine import AlertEngine
from alerts.outbox import Outbox
from tests.integration.alerts.engine.support import Rejecting, config, detection, rule
from veille.errors import ConfigError


def run(command, cfg, **args) -> tuple[int, str]:
    out = io.StringIO()
    code = command(cfg, Namespace(**args), out)
    return code, out.getvalue()


def test_alerts_list_shows_each_alert_with_its_deliveries_and_failure_reasons(store_url, store_engine):
    cfg = config(rule(type="any"), store_url=store_url)
    now = datetime.now(UTC)
    hostile = detection("a1", "Reuters", published=now)
    hostile = hostile.model_copy(
        update={"article": hostile.article.model_copy(update={"title": "Traité\x1b[2J signé\r\nFAKE"})}
    )
    [alert] = AlertEngine(cfg, store_engine).handle([hostile], now)
    Outbox(store_engine, {"ops": Rejecting()}).deliver_due(now)
    code, out = run(admin.list_alerts, cfg, status=None, limit=10)
    assert code == 0
    lines = out.splitlines()
    assert alert.alert_id in lines[0] and "[active]" in lines[0] and "stage=announced" in lines[0]
    assert lines[1] == "    Traité [2J signé FAKE"
    assert lines[2] == "    -> ops r0: failed (1 attempts)  HTTP 400 invalid_payload from hooks.slack.example"
    assert run(admin.list_alerts, cfg, status="sent", limit=10)[1] == "no alerts\n"
    assert alert.alert_id in run(admin.list_alerts, cfg, status="failed", limit=10)[1]
    with pytest.raises(ConfigError, match="--status 'lost' is not one of"):
        run(admin.list_alerts, cfg, status="lost", limit=10)


def test_silence_commands_create_list_and_expire(store_url, store_engine):
    cfg = config(rule(type="any"), store_url=store_url)
    code, out = run(
        admin.create_silence, cfg, rule="rus-prk", duration="6h", reason="summit week", author="ana", match=None
    )
    assert code == 0 and out.startswith("silenced: ")
    silence_id = out.split()[1]
    code, out = run(admin.list_silences, cfg, all=False)
    assert out.startswith(silence_id) and "rule=rus-prk" in out and "by ana: summit week" in out
    assert AlertEngine(cfg, store_engine).handle([detection("a1", "Reuters")], datetime.now(UTC)) == []
    assert run(admin.expire_silence, cfg, silence_id=silence_id) == (0, f"silence {silence_id} expired\n")
    assert run(admin.expire_silence, cfg, silence_id=silence_id)[0] == 1
    assert run(admin.list_silences, cfg, all=False)[1] == "no silences\n"
    assert "expired" in run(admin.list_silences, cfg, all=True)[1]


def test_silence_refuses_an_unknown_rule_a_bad_duration_and_a_bad_matcher_in_one_go(store_url):
    cfg = config(rule(type="any"), store_url=store_url)
    with pytest.raises(ConfigError) as caught:
        run(admin.create_silence, cfg, rule="nope", duration="6x", reason="r", author=None, match=["colour=red"])
    assert [p.split(":")[1].strip() for p in caught.value.problems] == ["--rule", "--match 'colour=red'", "--for"]


def test_silence_by_actor_matcher(store_url, store_engine):
    cfg = config(rule(type="any", actors=["RUS"]), store_url=store_url)
    run(admin.create_silence, cfg, rule=None, duration="1h", reason="known", author="ana", match=["actor=VNM"])
    engine = AlertEngine(cfg, store_engine)
    now = datetime.now(UTC)
    assert engine.handle([detection("v1", "Reuters", actors=("RUS", "VNM"), published=now)], now) == []
    assert len(engine.handle([detection("p1", "Reuters", published=now)], now)) == 1


def test_rules_backtest_prints_what_the_rule_file_would_have_sent(store_url, store_engine, tmp_path):
    cfg = config(store_url=store_url)
    now = datetime.now(UTC)
    live = AlertEngine(cfg, store_engine)
    live.handle([detection("a1", "Reuters", published=now), detection("a2", "AFP", published=now)], now)
    old = now - timedelta(days=40)
    live.handle([detection("o1", "Reuters", published=old, stage="signed")], old)
    path = tmp_path / "rules.yaml"
    path.write_text(
        "rules:\n  - {name: try-me, type: threshold, event_type: agreement, actors: [RUS], min_count: 2}\n",
        encoding="utf-8",
    )
    code, out = run(admin.backtest, cfg, rule_file=str(path), since="30d")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].startswith("1 alerts and 0 follow-ups from 2 detections since ")
    assert "new" in lines[1] and "try-me stage=announced actors=PRK,RUS sources=2" in lines[1]
    with pytest.raises(ConfigError, match="--since"):
        run(admin.backtest, cfg, rule_file=str(path), since="a month")


def test_rules_backtest_of_a_full_config_replays_its_store_unless_config_is_given(store_url, store_engine, tmp_path):
    now = datetime.now(UTC)
    AlertEngine(config(store_url=store_url), store_engine).handle(
        [detection("a1", "Reuters", published=now), detection("a2", "AFP", published=now)], now
    )
    path = tmp_path / "veille.yaml"
    path.write_text(
        f"store: {{url: '{store_url}'}}\n"
        "rules:\n  - {name: try-me, type: threshold, event_type: agreement, actors: [RUS], min_count: 2}\n",
        encoding="utf-8",
    )
    elsewhere = config(store_url=f"sqlite:///{tmp_path / 'empty.db'}")

    code, out = run(admin.backtest, elsewhere, rule_file=str(path), since="30d", config=None)
    assert code == 0
    assert out.startswith("1 alerts and 0 follow-ups from 2 detections since ")

    code, out = run(admin.backtest, elsewhere, rule_file=str(path), since="30d", config="elsewhere.yaml")
    assert code == 0
    assert out.startswith("0 alerts and 0 follow-ups from 0 detections since ")
