"""The outbox on both backends: sent once, threaded, retried with backoff, failed with a reason, resumed."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from alerts.engine import AlertEngine
from alerts.outbox import Outbox
from tests.integration.alerts.engine.support import (
    Dying,
    Flaky,
    Recording,
    Rejecting,
    WorkerDied,
    at,
    config,
    detection,
    rule,
    stored_deliveries,
)


def fire(store_engine, *article_ids_and_sources, now=None, **rule_overrides):
    """Fire the test rule (any) with one detection per (article id, source) pair."""
    engine = AlertEngine(config(rule(type="any", **rule_overrides)), store_engine)
    made = []
    for index, (article_id, source) in enumerate(article_ids_and_sources):
        made += engine.handle([detection(article_id, source, published=at(index))], now or at(index))
    return made


def test_each_notice_is_sent_once_with_a_stable_key_and_follow_ups_thread_under_the_first(store_engine):
    engine = AlertEngine(config(rule(type="any", follow_ups=True)), store_engine)
    [first] = engine.handle([detection("a1", "Reuters", published=at(0))], at(0))
    ops = Recording()
    outbox = Outbox(store_engine, {"ops": ops}, rate_interval=timedelta(0))
    assert outbox.deliver_due(at(1)) == 1
    [update] = engine.handle([detection("a2", "AFP", published=at(2))], at(2))
    assert update.kind == "update"
    assert outbox.deliver_due(at(3)) == 1
    assert outbox.deliver_due(at(4)) == 0
    assert [(n.alert.revision, n.thread_ref) for n in ops.notices] == [(0, None), (1, "ops-1")]
    assert ops.notices[0].idempotency_key == f"{first.alert_id}:0:ops"
    assert [d.status for d in stored_deliveries(store_engine)] == ["sent", "sent"]
    assert outbox.next_due() is None


def test_deliveries_claimed_in_the_rules_transaction_are_sent_once_it_commits(store_engine):
    engine = AlertEngine(config(rule(type="any")), store_engine)
    ops = Recording()
    outbox = Outbox(store_engine, {"ops": ops})
    claims = []
    batch = [detection("a1", "Reuters", published=at(0))]
    [notice] = engine.handle(batch, at(0), claim=lambda conn: claims.extend(outbox.claim(conn, at(0))))
    assert [(c.alert_id, c.receiver) for c in claims] == [(notice.alert_id, "ops")]
    assert [(d.status, d.attempts) for d in stored_deliveries(store_engine)] == [("sending", 1)]
    assert outbox.deliver_due(at(0)) == 0  # leased: no one claims it again
    assert outbox.deliver_claimed(claims, at(0)) == 1
    assert [n.alert.alert_id for n in ops.notices] == [notice.alert_id]
    assert [d.status for d in stored_deliveries(store_engine)] == ["sent"]


def test_a_batch_that_makes_nothing_to_deliver_claims_nothing(store_engine):
    engine = AlertEngine(config(rule(type="any")), store_engine)
    calls = []
    engine.handle([detection("a1", "Reuters", published=at(0))], at(0))
    engine.handle([detection("a1", "Reuters", published=at(0))], at(1), claim=calls.append)  # a replay
    assert calls == []


def test_a_follow_up_waits_until_the_first_notice_is_delivered(store_engine):
    engine = AlertEngine(config(rule(type="any", follow_ups=True)), store_engine)
    engine.handle([detection("a1", "Reuters", published=at(0))], at(0))
    flaky = Flaky(failures=1, retry_after=60)
    outbox = Outbox(store_engine, {"ops": flaky}, rate_interval=timedelta(0))
    assert outbox.deliver_due(at(5)) == 1  # the first notice failed once
    later = at(5) + timedelta(seconds=20)
    engine.handle([detection("a2", "AFP", published=later)], later)  # an update, queued behind it
    assert outbox.deliver_due(later) == 0  # the follow-up is not attempted before the first notice
    assert flaky.notices == []
    assert outbox.deliver_due(at(5) + timedelta(seconds=60)) == 2
    assert [(n.alert.revision, n.thread_ref) for n in flaky.notices] == [(0, None), (1, "ops-1")]


def test_retry_after_from_the_receiver_is_honoured(store_engine):
    fire(store_engine, ("a1", "Reuters"))
    flaky = Flaky(failures=1, retry_after=30)
    outbox = Outbox(store_engine, {"ops": flaky})
    outbox.deliver_due(at(1))
    assert outbox.next_due() == at(1) + timedelta(seconds=30)
    assert outbox.deliver_due(at(1) + timedelta(seconds=29)) == 0
    assert outbox.deliver_due(at(1) + timedelta(seconds=30)) == 1
    [row] = stored_deliveries(store_engine)
    assert (row.status, row.attempts, row.last_error) == ("sent", 2, None)


def test_transient_failures_back_off_exponentially_with_jitter_up_to_a_cap(store_engine):
    fire(store_engine, ("a1", "Reuters"))
    outbox = Outbox(
        store_engine,
        {"ops": Flaky(failures=10)},
        backoff_base=timedelta(seconds=2),
        backoff_cap=timedelta(seconds=10),
        rate_interval=timedelta(0),
        rng=random.Random(7),
    )
    now = at(1)
    delays = []
    for _ in range(5):
        outbox.deliver_due(now)
        due = outbox.next_due()
        delays.append((due - now).total_seconds())
        now = due
    for delay, capped in zip(delays, [2, 4, 8, 10, 10], strict=True):
        assert capped / 2 <= delay <= capped
    assert stored_deliveries(store_engine)[0].last_error == "HTTP 429 rate_limited"


def test_a_permanent_error_ends_failed_with_its_one_line_reason(store_engine):
    fire(store_engine, ("a1", "Reuters"))
    outbox = Outbox(store_engine, {"ops": Rejecting()})
    assert outbox.deliver_due(at(1)) == 1
    [row] = stored_deliveries(store_engine)
    assert (row.status, row.last_error) == ("failed", "HTTP 400 invalid_payload from hooks.slack.example")
    assert outbox.next_due() is None


def test_transient_failures_give_up_after_max_attempts(store_engine):
    fire(store_engine, ("a1", "Reuters"))
    outbox = Outbox(store_engine, {"ops": Flaky(failures=99, retry_after=1)}, max_attempts=3)
    now = at(1)
    for _ in range(3):
        outbox.deliver_due(now)
        now += timedelta(seconds=1)
    [row] = stored_deliveries(store_engine)
    assert (row.status, row.last_error) == ("failed", "gave up after 3 attempts: HTTP 429 rate_limited")


def test_a_delivery_for_a_receiver_no_longer_configured_fails_with_a_reason(store_engine):
    fire(store_engine, ("a1", "Reuters"))
    Outbox(store_engine, {}).deliver_due(at(1))
    [row] = stored_deliveries(store_engine)
    assert (row.status, row.last_error) == ("failed", "no receiver named 'ops' in the configuration")


def test_one_message_per_second_per_receiver(store_engine):
    fire(store_engine, ("a1", "Reuters"), ("b1", "AFP"), now=at(0), stages=[], group_by=["source"])
    ops = Recording()
    outbox = Outbox(store_engine, {"ops": ops})
    assert outbox.deliver_due(at(1)) == 1
    assert outbox.next_due() == at(1) + timedelta(seconds=1)
    assert outbox.deliver_due(at(1) + timedelta(seconds=1)) == 1
    assert len(ops.notices) == 2
    assert [d.attempts for d in stored_deliveries(store_engine)] == [1, 1]


def test_alerts_fired_before_a_crash_are_delivered_once_after_the_restart(store_engine, store_url):
    made = fire(store_engine, ("a1", "Reuters"))
    store_engine.dispose()  # the worker dies between "fired" and "delivered"
    from veille.store import create_engine

    restarted = create_engine(store_url)
    try:
        AlertEngine(config(rule(type="any")), restarted).handle([detection("a1", "Reuters")], at(2))
        ops = Recording()
        assert Outbox(restarted, {"ops": ops}).deliver_due(at(3)) == 1
        assert [n.alert.alert_id for n in ops.notices] == [made[0].alert_id]
    finally:
        restarted.dispose()


def test_a_worker_dying_mid_send_leaves_a_lease_that_another_resumes_after_expiry(store_engine):
    fire(store_engine, ("a1", "Reuters"))
    with pytest.raises(WorkerDied):
        Outbox(store_engine, {"ops": Dying()}, lease=timedelta(minutes=2)).deliver_due(at(1))
    assert stored_deliveries(store_engine)[0].status == "sending"
    ops = Recording()
    survivor = Outbox(store_engine, {"ops": ops}, lease=timedelta(minutes=2))
    assert survivor.deliver_due(at(2)) == 0  # still leased to the dead worker
    assert survivor.next_due() == at(1) + timedelta(minutes=2)
    assert survivor.deliver_due(at(4)) == 1
    assert survivor.deliver_due(at(10)) == 0
    assert len(ops.notices) == 1
    assert stored_deliveries(store_engine)[0].status == "sent"


class Slow(Recording):
    """A send so slow that the lease runs out and ``takeover`` (another worker) handles the delivery meanwhile."""

    def __init__(self, takeover) -> None:
        super().__init__()
        self.takeover = takeover

    def send(self, notice):
        self.takeover()
        return super().send(notice)


def test_a_worker_whose_lease_ran_out_does_not_overwrite_the_outcome_of_the_one_that_took_over(store_engine):
    fire(store_engine, ("a1", "Reuters"))
    survivor = Outbox(store_engine, {"ops": Rejecting()}, lease=timedelta(minutes=2))
    slow = Slow(lambda: survivor.deliver_due(at(10)))
    Outbox(store_engine, {"ops": slow}, lease=timedelta(minutes=2)).deliver_due(at(1))
    [row] = stored_deliveries(store_engine)
    assert (row.status, row.attempts) == ("failed", 2)
    assert row.last_error.startswith("HTTP 400")
