"""The alert engine on both backends: firing, grouping, realert, stages, inhibition, retractions, replays."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from alerts.engine import AlertEngine
from alerts.outbox import Outbox
from alerts.state import detections, notices, observations
from tests.integration.alerts.engine.support import (
    T0,
    Recording,
    at,
    config,
    detection,
    rule,
    stored_alerts,
    stored_deliveries,
)


def test_threshold_fires_at_the_second_distinct_source_and_not_before(store_engine):
    engine = AlertEngine(config(rule(min_count=2)), store_engine)
    assert engine.handle([detection("a1", "Reuters")], at(1)) == []
    assert engine.handle([detection("a2", "Reuters")], at(2)) == []
    fired = engine.handle([detection("a3", "AFP")], at(3))
    assert [(a.kind, a.sources, a.stage, a.article_ids) for a in fired] == [
        ("new", ("Reuters", "AFP"), "announced", ("a1", "a2", "a3"))
    ]
    assert fired[0].first_seen == T0 and fired[0].fired_at == T0  # event time: when the reports were published
    assert [(d.alert_id, d.receiver, d.status) for d in stored_deliveries(store_engine)] == [
        (fired[0].alert_id, "ops", "pending")
    ]


def test_threshold_can_count_articles_instead_of_sources(store_engine):
    engine = AlertEngine(config(rule(count="articles", min_count=2)), store_engine)
    assert engine.handle([detection("a1", "Reuters")], at(1)) == []
    assert len(engine.handle([detection("a2", "Reuters")], at(2))) == 1


def test_syndicated_copies_of_one_wire_story_count_once(store_engine):
    engine = AlertEngine(config(rule(min_count=2, dedup_syndicated=True)), store_engine)
    wire = "f0f0f0f0f0f0f0f0"
    assert engine.handle([detection("a1", "Le Monde", fingerprint=wire)], at(1)) == []
    assert engine.handle([detection("a2", "Le Figaro", fingerprint="f0f0f0f0f0f0f0f1")], at(2)) == []
    fired = engine.handle([detection("a3", "Yonhap", fingerprint="0123456789abcdef")], at(3))
    assert len(fired) == 1
    assert fired[0].sources == ("Le Monde", "Le Figaro", "Yonhap")


def test_old_news_never_fires(store_engine):
    engine = AlertEngine(config(rule(type="any", max_age="48h")), store_engine)
    old = T0 - timedelta(days=3)
    batch = [detection("old1", "Reuters", published=old), detection("old2", "AFP", published=old)]
    assert engine.handle(batch, T0) == []
    assert stored_alerts(store_engine) == []


def test_old_reports_do_not_help_fresh_ones_reach_the_threshold(store_engine):
    engine = AlertEngine(config(rule(min_count=2, max_age="48h")), store_engine)
    assert engine.handle([detection("old", "Reuters", published=T0 - timedelta(days=3))], T0) == []
    assert engine.handle([detection("new", "AFP")], at(1)) == []


def test_realert_period_holds_one_alert_and_sends_a_follow_up_per_new_source(store_engine):
    engine = AlertEngine(config(rule(min_count=2, follow_ups=True)), store_engine)
    first = engine.handle([detection("a1", "Reuters"), detection("a2", "AFP")], at(5))
    assert [a.kind for a in first] == ["new"]
    Outbox(store_engine, {"ops": Recording()}).deliver_due(at(6))  # the first notice went out
    update = engine.handle([detection("a3", "TASS", published=at(10))], at(10))
    assert [(a.alert_id, a.kind, a.revision, len(a.sources)) for a in update] == [(first[0].alert_id, "update", 1, 3)]
    same_outlet = engine.handle([detection("a4", "TASS", published=at(20))], at(20))
    assert same_outlet == []
    [row] = stored_alerts(store_engine)
    assert row.revision == 1
    assert '"a4"' in row.payload
    assert [(d.revision, d.status) for d in stored_deliveries(store_engine)] == [(0, "sent"), (1, "pending")]


def test_reports_published_together_make_one_notice_whatever_the_batches(store_engine):
    engine = AlertEngine(config(rule(min_count=2, follow_ups=True)), store_engine)
    engine.handle([detection("a1", "Reuters"), detection("a2", "AFP")], at(5))
    # Published at the same time as the others, arriving later but before anything was sent.
    [rewritten] = engine.handle([detection("a3", "TASS")], at(6))
    assert (rewritten.kind, rewritten.revision) == ("new", 0)
    assert [d.revision for d in stored_deliveries(store_engine)] == [0]
    receiver = Recording()
    Outbox(store_engine, {"ops": receiver}).deliver_due(at(7))
    [notice] = receiver.notices
    assert notice.alert.kind == "new" and notice.alert.revision == 0
    assert notice.alert.sources == ("Reuters", "AFP", "TASS")
    assert notice.alert.article_ids == ("a1", "a2", "a3")


def test_a_report_published_after_the_firing_is_a_follow_up_even_before_the_first_notice_went_out(store_engine):
    engine = AlertEngine(config(rule(min_count=2, follow_ups=True)), store_engine)
    engine.handle([detection("a1", "Reuters"), detection("a2", "AFP")], at(5))
    [update] = engine.handle([detection("a3", "TASS", published=at(6))], at(6))
    assert (update.kind, update.revision, update.sources) == ("update", 1, ("Reuters", "AFP", "TASS"))
    receiver = Recording()
    Outbox(store_engine, {"ops": receiver}, rate_interval=timedelta(0)).deliver_due(at(7))
    assert [(n.alert.kind, len(n.alert.sources), n.thread_ref) for n in receiver.notices] == [
        ("new", 2, None),
        ("update", 3, "ops-1"),
    ]


def test_without_follow_ups_the_alert_is_still_updated_but_nothing_more_is_sent(store_engine):
    engine = AlertEngine(config(rule(min_count=2)), store_engine)
    engine.handle([detection("a1", "Reuters"), detection("a2", "AFP")], at(5))
    assert engine.handle([detection("a3", "TASS", published=at(10))], at(10)) == []
    [row] = stored_alerts(store_engine)
    assert '"TASS"' in row.payload and row.revision == 0
    assert len(stored_deliveries(store_engine)) == 1


def test_after_the_realert_period_the_group_fires_a_new_alert(store_engine):
    engine = AlertEngine(config(rule(type="any", realert="6h", max_age="48h")), store_engine)
    [first] = engine.handle([detection("a1", "Reuters")], at(0))
    later = T0 + timedelta(hours=7)
    [second] = engine.handle([detection("a2", "AFP", published=later)], later)
    assert second.kind == "new" and second.alert_id != first.alert_id
    assert first.alert_id.endswith(":0") and second.alert_id.endswith(":1")


def test_a_change_of_stage_is_a_new_alert_that_refers_to_the_previous_one(store_engine):
    engine = AlertEngine(config(rule(type="any")), store_engine)
    [announced] = engine.handle([detection("a1", "Reuters", stage="announced")], at(0))
    [signed] = engine.handle([detection("s1", "AFP", stage="signed", published=at(60))], at(60))
    assert signed.kind == "new" and signed.stage == "signed"
    assert signed.previous_alert_id == announced.alert_id
    assert announced.previous_alert_id is None


def test_a_signed_alert_inhibits_the_announced_one_of_the_same_group(store_engine):
    engine = AlertEngine(config(rule(type="any", follow_ups=True)), store_engine)
    [announced] = engine.handle([detection("a1", "Reuters", stage="announced")], at(0))
    engine.handle([detection("s1", "AFP", stage="signed", published=at(60))], at(60))
    # A late "to be signed" report from a new outlet: no follow-up for the inhibited announcement.
    assert engine.handle([detection("a2", "TASS", stage="announced", published=at(70))], at(70)) == []
    statuses = {row.stage: row.status for row in stored_alerts(store_engine)}
    assert statuses == {"announced": "inhibited", "signed": "active"}
    sent_for = sorted((d.alert_id == announced.alert_id, d.revision) for d in stored_deliveries(store_engine))
    assert sent_for == [(False, 0), (True, 0)]


def test_an_announcement_arriving_after_the_signature_is_stored_inhibited_and_not_sent(store_engine):
    engine = AlertEngine(config(rule(type="any")), store_engine)
    [signed] = engine.handle([detection("s1", "AFP", stage="signed")], at(0))
    assert engine.handle([detection("a1", "Reuters", stage="announced")], at(5)) == []
    rows = {row.stage: row for row in stored_alerts(store_engine)}
    assert rows["announced"].status == "inhibited"
    assert [d.alert_id for d in stored_deliveries(store_engine)] == [signed.alert_id]


def test_alerts_of_other_actors_are_not_inhibited_by_a_signature(store_engine):
    engine = AlertEngine(config(rule(type="any", actors=["RUS"])), store_engine)
    engine.handle([detection("s1", "AFP", stage="signed")], at(0))
    fired = engine.handle([detection("v1", "Reuters", stage="announced", actors=("RUS", "VNM"))], at(5))
    assert [a.actors for a in fired] == [("RUS", "VNM")]


def test_denials_from_min_count_outlets_send_one_retraction_follow_up_of_the_alert(store_engine):
    engine = AlertEngine(config(rule(min_count=2)), store_engine)
    [alert] = engine.handle([detection("a1", "Reuters"), detection("a2", "AFP")], at(5))
    assert engine.handle([detection("d1", "TASS", stage=None, retraction=True, published=at(30))], at(30)) == []
    [retraction] = engine.handle([detection("d2", "Yonhap", stage=None, retraction=True, published=at(40))], at(40))
    assert (retraction.alert_id, retraction.kind, retraction.revision) == (alert.alert_id, "retraction", 1)
    assert retraction.evidence == "evidence of d2" and retraction.evidence_source == "Yonhap"
    assert retraction.sources == ("Reuters", "AFP") and retraction.denied_by == ("TASS", "Yonhap")
    [row] = stored_alerts(store_engine)
    assert row.retracted
    # A third denial does not retract twice, and denials never fire.
    assert engine.handle([detection("d3", "KCNA", stage=None, retraction=True, published=at(50))], at(50)) == []
    assert len(stored_alerts(store_engine)) == 1


def test_a_denial_without_an_alert_to_retract_does_nothing(store_engine):
    engine = AlertEngine(config(rule(type="any")), store_engine)
    assert engine.handle([detection("d1", "TASS", stage=None, retraction=True)], at(0)) == []
    assert stored_alerts(store_engine) == []


def test_replaying_the_same_detections_changes_nothing(store_engine):
    batch = [detection("a1", "Reuters"), detection("a2", "AFP"), detection("a3", "TASS")]
    first = AlertEngine(config(rule(min_count=2, follow_ups=True)), store_engine).handle(batch, at(5))
    assert [(a.kind, len(a.sources)) for a in first] == [("new", 3)]  # one transaction: judged once for the batch
    restarted = AlertEngine(config(rule(min_count=2, follow_ups=True)), store_engine)
    assert restarted.handle(batch, at(6)) == []
    assert restarted.handle(batch[:1], at(7)) == []
    with store_engine.connect() as conn:
        counts = [conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one() for t in (detections, notices)]
        assert conn.execute(sa.select(sa.func.count()).select_from(observations)).scalar_one() == 3
    assert counts == [3, 1]
    # one delivery: all three were published together, so they make one notice
    assert len(stored_alerts(store_engine)) == 1 and len(stored_deliveries(store_engine)) == 1


def test_filters_on_language_source_and_stage(store_engine):
    engine = AlertEngine(config(rule(type="any", languages=["en"], sources=["AFP"], stages=["signed"])), store_engine)
    assert engine.handle([detection("x1", "AFP", stage="signed", lang="fr")], at(0)) == []
    assert engine.handle([detection("x2", "TASS", stage="signed", lang="en")], at(1)) == []
    assert engine.handle([detection("x3", "AFP", stage="announced", lang="en")], at(2)) == []
    assert len(engine.handle([detection("x4", "AFP", stage="signed", lang="en")], at(3))) == 1


def test_filters_on_feed_tags_and_mentioned_entities(store_engine):
    engine = AlertEngine(config(rule(type="any", actors=[], tags=["asia", "wire"], entities=["PRK"])), store_engine)
    assert engine.handle([detection("x1", "AFP", tags=("europe",))], at(0)) == []
    assert engine.handle([detection("x2", "AFP", tags=("wire",), actors=("RUS", "VNM"))], at(1)) == []
    assert len(engine.handle([detection("x3", "AFP", tags=("wire",))], at(2))) == 1


def test_a_rule_without_receivers_delivers_to_every_configured_receiver(store_engine):
    engine = AlertEngine(config(rule(type="any"), receivers=("ops", "mail")), store_engine)
    engine.handle([detection("a1", "Reuters")], at(0))
    assert sorted(d.receiver for d in stored_deliveries(store_engine)) == ["mail", "ops"]


def test_a_hostile_oversized_source_name_still_groups_and_fires(store_engine):
    engine = AlertEngine(config(rule(type="any", group_by=["source", "stage"])), store_engine)
    [alert] = engine.handle([detection("a1", "X" * 5000)], at(0))
    assert len(alert.group_key) < 300 and alert.sources == ("X" * 5000,)


def test_pruning_drops_old_detections_and_reports_but_never_what_a_rule_still_needs(store_engine):
    engine = AlertEngine(config(rule("first_seen", lookback="120d")), store_engine)
    engine.handle([detection("old", "Reuters", published=T0)], T0)
    later = T0 + timedelta(days=100)
    assert engine.prune(later, keep=timedelta(days=30)) == 0  # first_seen looks back 120 days
    assert engine.handle([detection("again", "AFP", published=later)], later) == []
    much_later = T0 + timedelta(days=200)
    assert engine.prune(much_later, keep=timedelta(days=30)) == 2  # "old": its detection and its report
    with store_engine.connect() as conn:
        assert conn.execute(sa.select(detections.c.article_id)).scalars().all() == ["again"]
    assert len(stored_alerts(store_engine)) == 1


def test_a_report_arriving_after_its_notice_was_sent_only_adds_a_follow_up(store_engine):
    engine = AlertEngine(config(rule(min_count=2, follow_ups=True)), store_engine)
    receiver = Recording()
    outbox = Outbox(store_engine, {"ops": receiver}, rate_interval=timedelta(0))
    engine.handle([detection("a", "Reuters", published=at(0)), detection("c", "AFP", published=at(20))], at(21))
    outbox.deliver_due(at(22))
    engine.handle([detection("b", "TASS", published=at(10))], at(40))  # published before the firing, arrived late
    outbox.deliver_due(at(41))
    assert [(n.alert.kind, n.alert.revision, n.alert.sources) for n in receiver.notices] == [
        ("new", 0, ("Reuters", "AFP")),
        ("update", 1, ("Reuters", "TASS", "AFP")),
    ]


def test_a_store_made_by_an_older_veille_gets_the_new_report_columns(store_engine):
    with store_engine.begin() as conn:  # alert_observations as the first release created it
        conn.execute(
            sa.text(
                "CREATE TABLE alert_observations (rule VARCHAR(128), group_key TEXT, article_id VARCHAR(128),"
                " source TEXT NOT NULL, fingerprint VARCHAR(16), url TEXT, title TEXT NOT NULL,"
                " reported_at TIMESTAMP NOT NULL, PRIMARY KEY (rule, group_key, article_id))"
            )
        )
    engine = AlertEngine(config(rule(min_count=2)), store_engine)
    assert len(engine.handle([detection("a1", "Reuters"), detection("a2", "AFP")], at(5))) >= 1
    assert {"lang", "evidence", "object", "observed_at", "from_id", "to_id", "claimed_by"} <= {
        c["name"] for c in sa.inspect(store_engine).get_columns("alert_observations")
    }


def test_a_notice_waits_for_its_event_time_plus_the_lateness_then_carries_what_arrived_meanwhile(store_engine):
    engine = AlertEngine(config(rule(min_count=2, lateness="5m")), store_engine)
    receiver = Recording()
    outbox = Outbox(store_engine, {"ops": receiver}, rate_interval=timedelta(0))
    engine.handle([detection("a", "Reuters", published=at(0)), detection("b", "AFP", published=at(1))], at(2))
    assert outbox.deliver_due(at(5)) == 0  # held until 08:06 for late reports
    engine.handle([detection("c", "TASS", published=at(1))], at(5))  # published with b, arrived late
    assert outbox.deliver_due(at(6)) == 1
    assert [n.alert.sources for n in receiver.notices] == [("Reuters", "AFP", "TASS")]
