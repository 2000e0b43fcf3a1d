"""Several alert replicas on one store: each alert fires once and each delivery is sent once.

Run on both backends: PostgreSQL is where replicas really race (row locks, SKIP LOCKED); on SQLite
the same code must hold with writers queued behind ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta

import pytest

from alerts.engine import AlertEngine
from alerts.outbox import Outbox
from tests.integration.alerts.engine.support import Recording, at, config, detection, rule, stored_alerts
from veille.store import create_engine

ROUNDS = 12


def run_together(*calls: Callable[[], object]) -> list[object]:
    """Run ``calls`` in threads released at the same moment; return their results (re-raise failures)."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)
    errors: list[BaseException] = []

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = calls[index]()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results


@pytest.fixture
def replicas(store_url):
    """Two engines (connection pools) on the same fresh store, as two workers would have."""
    engines = [create_engine(store_url), create_engine(store_url)]
    yield engines
    for engine in engines:
        engine.dispose()


def group_detections(round_: int, *sources: str):
    """Detections of one group per round (its own actor pair), one article per source."""
    actors = ("RUS", f"X{round_:02d}")
    return [detection(f"r{round_}-{source}", source, actors=actors) for source in sources]


def test_two_replicas_with_the_same_detections_fire_each_alert_once(replicas):
    first, second = (AlertEngine(config(rule(min_count=2, actors=["RUS"])), e) for e in replicas)
    for round_ in range(ROUNDS):
        batch = group_detections(round_, "Reuters", "AFP")
        results = run_together(lambda b=batch: first.handle(b, at(1)), lambda b=batch: second.handle(b, at(1)))
        assert sum(len(made) for made in results) == 1
    assert len(stored_alerts(replicas[0])) == ROUNDS


def test_two_replicas_with_different_reports_of_one_group_fire_it_exactly_once(replicas):
    first, second = (AlertEngine(config(rule(min_count=3, actors=["RUS"])), e) for e in replicas)
    for round_ in range(ROUNDS):
        yonhap, reuters, afp = group_detections(round_, "Yonhap", "Reuters", "AFP")
        assert first.handle([yonhap], at(0)) == []  # the group is known: its lineage row exists
        results = run_together(lambda d=reuters: first.handle([d], at(1)), lambda d=afp: second.handle([d], at(1)))
        made = [a for alerts in results for a in alerts]
        assert len(made) == 1 and sorted(made[0].sources) == ["AFP", "Reuters", "Yonhap"]
    assert len(stored_alerts(replicas[0])) == ROUNDS


def test_an_announcement_and_a_signature_handled_at_once_leave_only_the_signature_active(replicas):
    first, second = (AlertEngine(config(rule(type="any", actors=["RUS"])), e) for e in replicas)
    for round_ in range(ROUNDS):
        actors = ("RUS", f"X{round_:02d}")
        announced = detection(f"r{round_}-a", "Reuters", actors=actors, stage="announced")
        signed = detection(f"r{round_}-s", "AFP", actors=actors, stage="signed")
        old_news = detection(f"r{round_}-o", "TASS", actors=actors, stage="announced", published=at(-5000))
        assert first.handle([old_news], at(0)) == []  # the lineage is known: its row exists
        run_together(lambda d=announced: first.handle([d], at(1)), lambda d=signed: second.handle([d], at(1)))
    statuses = sorted((row.stage, row.status) for row in stored_alerts(replicas[0]))
    assert statuses == [("announced", "inhibited")] * ROUNDS + [("signed", "active")] * ROUNDS


def test_two_outboxes_send_every_delivery_exactly_once(replicas):
    engine = AlertEngine(config(rule(type="any", actors=["RUS"])), replicas[0])
    for round_ in range(ROUNDS):
        engine.handle(group_detections(round_, "Reuters"), at(1))
    receivers = [Recording(), Recording()]
    outboxes = [Outbox(e, {"ops": r}, rate_interval=timedelta(0)) for e, r in zip(replicas, receivers, strict=True)]
    run_together(*(lambda o=o: o.deliver_due(at(2), limit=ROUNDS) for o in outboxes))
    sent = [n.idempotency_key for r in receivers for n in r.notices]
    assert len(sent) == ROUNDS and len(set(sent)) == ROUNDS


def test_two_workers_consuming_the_same_detections_notify_each_alert_exactly_once(replicas):
    receivers = [Recording(), Recording()]
    workers = [
        (AlertEngine(config(rule(min_count=2, actors=["RUS"])), e), Outbox(e, {"ops": r}, rate_interval=timedelta(0)))
        for e, r in zip(replicas, receivers, strict=True)
    ]
    batches = [group_detections(round_, "Reuters", "AFP", "TASS") for round_ in range(ROUNDS)]

    def work(engine, outbox):
        for batch in batches:
            engine.handle(batch, at(1))
            outbox.deliver_due(at(2))
        return outbox.deliver_due(at(3))

    run_together(*(lambda w=w: work(*w) for w in workers))
    sent = sorted(n.alert.alert_id for r in receivers for n in r.notices)
    assert len(sent) == ROUNDS and len(set(sent)) == ROUNDS
