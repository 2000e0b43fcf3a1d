"""The alerts worker: Detections in, fired alerts stored, notifications delivered.

Two loops share one process:

- the **stage runner** consumes ``detections`` (group ``<prefix>.alerts``); for each batch the
  rule engine records observations, fires or follows up alerts, enqueues their deliveries and
  claims those due now in the same SQL transaction, then hands the claims to the dispatcher and
  publishes the notices on ``alerts`` (key: alert id);
- the **dispatcher** thread sends the claims it is handed at once, and the other due deliveries
  of the SQL outbox (retries, rate-limited, held for lateness, other replicas' leftovers),
  sleeping until the next one is due or a batch wakes it; it ticks the engine so flatline rules
  are judged on time, and prunes old detections hourly (never below what the rules' lookbacks need).

Replicas share detections through the consumer group and deliveries through outbox leases.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import sqlalchemy as sa

from alerts.engine import AlertEngine
from alerts.metrics import init_labels
from alerts.outbox import Claim, Outbox
from alerts.receivers import build
from alerts.receivers.base import Receiver
from alerts.render import display_names
from alerts.state import deliveries
from veille.bus import Bus
from veille.config import VeilleConfig
from veille.contracts import Contract, Detection
from veille.errors import TransientError
from veille.runner import Backoff, Outgoing, StageRunner
from veille.store import outage

log = logging.getLogger(__name__)

T = TypeVar("T")

_TICK = timedelta(seconds=30)
_PRUNE = timedelta(hours=1)
_IDLE_WAIT = 5.0


def transient_db(call: Callable[[], T]) -> T:
    """Run ``call``; a database that is down or busy becomes a TransientError (retried, not dead-lettered)."""
    try:
        return call()
    except sa.exc.DBAPIError as exc:
        reason = outage(exc)
        if reason is None:
            raise
        raise TransientError(reason) from None


class AlertsWorker:
    """The rule engine behind a stage runner, plus the outbox dispatcher (see module doc)."""

    def __init__(self, config: VeilleConfig, bus: Bus, engine: sa.Engine) -> None:
        self.config = config
        self.engine = engine
        self.rules = AlertEngine(config, engine)
        names = display_names(config.watchlist)
        self.receivers: dict[str, Receiver] = {r.name: build(r, config.data_dir, names=names) for r in config.receivers}
        self.outbox = Outbox(engine, self.receivers)
        init_labels([rule.name for rule in config.rules], list(self.receivers))
        self._topic = config.topic("alerts")
        self._wake = threading.Event()
        self._claimed: deque[Claim] = deque()  # claimed by committed batches, for the dispatcher to send
        self.runner = StageRunner(
            "alerts",
            bus,
            group_id=f"{config.kafka.topic_prefix}.alerts",
            source_topic=config.topic("detections"),
            model=Detection,
            handler=self.handle,
            dlq_topic=config.topic("dlq"),
        )

    def handle(self, messages: Sequence[Contract]) -> list[Outgoing]:
        """Evaluate rules on a batch of detections; the notices it made go to the ``alerts`` topic."""
        detections = [m for m in messages if isinstance(m, Detection)]
        now = datetime.now(UTC)
        claimed: list[Claim] = []
        made = transient_db(
            lambda: self.rules.handle(detections, now, claim=lambda conn: claimed.extend(self.outbox.claim(conn, now)))
        )
        self._claimed.extend(claimed)  # the transaction committed: they are ours to send
        if made:
            self._wake.set()
        return [Outgoing(self._topic, alert.alert_id, alert) for alert in made]

    def run(self, stop: threading.Event) -> None:
        """Consume detections and deliver notifications until ``stop`` is set."""
        dispatcher = threading.Thread(target=self._dispatch, args=(stop,), name="alerts-dispatcher", daemon=True)
        dispatcher.start()
        try:
            self.runner.run(stop)
        finally:
            stop.set()
            self._wake.set()
            dispatcher.join(timeout=30)
            try:  # what the last batches claimed goes now, not when its lease ends
                self._send_claimed()
            except TransientError as exc:
                log.warning("alerts worker: %s; claimed deliveries go out when their lease ends", exc)
            self.close()

    def _dispatch(self, stop: threading.Event) -> None:
        backoff = Backoff(base=1.0, cap=60.0)
        failures = 0
        next_tick = next_prune = datetime.now(UTC)
        while not stop.is_set():
            try:
                self._send_claimed()
                now = datetime.now(UTC)
                if now >= next_prune:
                    pruned = transient_db(lambda now=now: self.rules.prune(now))
                    if pruned:
                        log.info("pruned %d old detections and reports", pruned)
                    next_prune = now + _PRUNE
                if now >= next_tick:
                    if transient_db(lambda now=now: self.rules.tick(now)):
                        self._wake.set()
                    next_tick = now + _TICK
                attempted = transient_db(lambda now=now: self.outbox.deliver_due(now))
                failures = 0
                if attempted:
                    continue
                due = transient_db(self.outbox.next_due)
                wait = _IDLE_WAIT if due is None else (due - datetime.now(UTC)).total_seconds()
                wait = min(max(wait, 0.05), _IDLE_WAIT, (next_tick - datetime.now(UTC)).total_seconds())
            except TransientError as exc:
                failures += 1
                wait = backoff.delay(failures)
                level = logging.WARNING if failures == 1 else logging.DEBUG  # the prober reminds of outages
                log.log(level, "alerts dispatcher: %s; retrying in %.1fs", exc, wait)
            self._wake.wait(max(wait, 0.05))
            self._wake.clear()

    def _send_claimed(self) -> int:
        """Send the deliveries the stage runner claimed; return how many."""
        sent = 0
        while self._claimed:  # one at a time: a database error leaves the rest for the next round
            claim = self._claimed.popleft()
            sent += transient_db(lambda claim=claim: self.outbox.deliver_claimed([claim], datetime.now(UTC)))
        return sent

    def deliver_until_idle(self, stop: threading.Event, deadline: float, since: datetime) -> int:
        """Deliver what is due and retry what fails until ``deadline`` (monotonic); return what is left.

        For ``veille run --once``: the count is of deliveries enqueued since ``since`` that are still
        pending or failed.
        """
        while not stop.is_set() and time.monotonic() < deadline:
            now = datetime.now(UTC)
            if self._send_claimed() or self.outbox.deliver_due(now):
                continue
            due = self.outbox.next_due()
            if due is None:
                break
            wait = (due - datetime.now(UTC)).total_seconds()
            if time.monotonic() + wait > deadline:
                break
            stop.wait(max(wait, 0.05))
        with self.engine.connect() as conn:
            left = conn.execute(
                sa.select(sa.func.count())
                .select_from(deliveries)
                .where(deliveries.c.status != "sent", deliveries.c.created_at >= since)
            ).scalar_one()
        return int(left)

    def close(self) -> None:
        """Close receivers' connections (the runner closes its Kafka clients itself)."""
        for receiver in self.receivers.values():
            try:
                receiver.close()
            except Exception:
                log.warning("closing receiver %s failed", receiver.name, exc_info=True)
