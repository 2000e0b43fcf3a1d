"""The delivery outbox: one row per (notice, receiver), sent once in effect, retried until it goes.

The engine ``enqueue``s deliveries in the same transaction that fires the alert, so a fired alert
is never lost and never delivered without having been stored. ``Outbox.deliver_due`` then:

1. claims due deliveries with a lease (PostgreSQL ``FOR UPDATE SKIP LOCKED``; SQLite has one
   writer), so two replicas never send the same one; a later revision of an alert waits until the
   receiver has the earlier ones (follow-ups thread under the first message). ``claim`` does it in
   a caller's transaction: the alerts worker claims the deliveries a batch makes due inside the
   rules' own transaction and hands them to its dispatcher (``deliver_claimed``) once committed;
2. in the same transaction, takes each receiver's rate-limit slot (one message per
   ``rate_interval`` per receiver name, shared by replicas through ``alert_receiver_slots``) or
   leaves the delivery pending until its slot, and reads the notices to send;
3. sends, and records ``sent`` (with the receiver's ``Delivered.ref`` for threading), a retry with
   capped exponential backoff and jitter (or the receiver's ``retry_after``), or ``failed`` with a
   one-line reason.

A worker that dies while sending leaves the delivery ``sending`` until its lease ends; another
claim then resends it (the receiver's idempotency key lets Slack-like channels drop the copy).
A delivery recorded ``sent`` is never sent again.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from alerts import metrics
from alerts.receivers.base import Delivered, Notice, Receiver
from alerts.state import TABLES, deliveries, notices, receiver_slots
from veille.contracts import Alert, utc
from veille.errors import PermanentError, TransientError
from veille.store import ensure_tables, insert_ignore, upsert

log = logging.getLogger(__name__)

OPEN = ("pending", "sending")
_MAX_REASON = 500
_MIN_RETRY = timedelta(seconds=1)


def idempotency_key(alert_id: str, revision: int, receiver: str) -> str:
    """The key a receiver may use to drop a second copy of one notice (stable across retries)."""
    return f"{alert_id}:{revision}:{receiver}"


def one_line(error: BaseException) -> str:
    """``error`` as one bounded line (what ``veille alerts list`` and the logs show)."""
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:_MAX_REASON]


def notice_row(alert: Alert, now: datetime) -> dict[str, object]:
    """The ``alert_notices`` row of the notice ``alert``, stored at ``now``."""
    return {
        "alert_id": alert.alert_id,
        "revision": alert.revision,
        "kind": alert.kind,
        "payload": alert.model_dump_json(),
        "created_at": now,
    }


def delivery_rows(
    alert: Alert, receivers: Sequence[str], now: datetime, published_at: datetime | None, due: datetime | None = None
) -> list[dict[str, object]]:
    """One pending ``alert_deliveries`` row per receiver of the notice ``alert``, due at ``due`` (default ``now``)."""
    return [
        {
            "alert_id": alert.alert_id,
            "revision": alert.revision,
            "receiver": receiver,
            "status": "pending",
            "attempts": 0,
            "next_attempt_at": due or now,
            "created_at": now,
            "published_at": published_at,
        }
        for receiver in receivers
    ]


NOTICE_KEY = ("alert_id", "revision")
DELIVERY_KEY = ("alert_id", "revision", "receiver")


def enqueue(
    conn: sa.Connection,
    alert: Alert,
    receivers: Sequence[str],
    now: datetime,
    published_at: datetime | None,
    *,
    due: datetime | None = None,
) -> int:
    """Store the notice ``alert`` and one pending delivery per receiver; return how many deliveries went in.

    Call inside the transaction that fired or followed up the alert. Idempotent per (alert id,
    revision, receiver). An empty ``receivers`` stores the notice only (silenced, inhibited).

    ``due``: when the deliveries may go out (default ``now``); the engine holds them for late reports.
    """
    insert_ignore(conn, notices, [notice_row(alert, now)], NOTICE_KEY)
    return insert_ignore(conn, deliveries, delivery_rows(alert, receivers, now, published_at, due), DELIVERY_KEY)


@dataclass(frozen=True, slots=True)
class Claim:
    """A delivery this worker holds the lease and the receiver's send slot of, with what it sends.

    Valid once the transaction that claimed it has committed.
    """

    id: int
    alert_id: str
    revision: int
    receiver: str
    attempts: int
    created_at: datetime
    published_at: datetime | None
    payload: str | None
    """The notice's stored Alert (JSON)."""
    thread_ref: str | None
    """The receiver's ref of its first sent message of the alert, to thread under."""


class Outbox:
    """Sends due deliveries through ``receivers`` (by receiver name), retrying transient failures.

    ``lease``: how long a claim holds (longer than any receiver's timeout). Retries wait
    ``backoff_base * 2**(attempt-1)``, capped at ``backoff_cap``, with equal jitter, or the
    receiver's ``retry_after``; after ``max_attempts`` the delivery ends ``failed``.
    """

    def __init__(
        self,
        engine: sa.Engine,
        receivers: Mapping[str, Receiver],
        *,
        lease: timedelta = timedelta(minutes=2),
        backoff_base: timedelta = timedelta(seconds=2),
        backoff_cap: timedelta = timedelta(minutes=15),
        max_attempts: int = 12,
        rate_interval: timedelta = timedelta(seconds=1),
        rng: random.Random | None = None,
    ) -> None:
        self._engine = engine
        self._receivers = dict(receivers)
        self._lease = lease
        self._backoff_base = backoff_base
        self._backoff_cap = backoff_cap
        self._max_attempts = max_attempts
        self._rate_interval = rate_interval
        self._rng = rng or random.Random()
        ensure_tables(engine, TABLES)

    def deliver_due(self, now: datetime, limit: int = 50) -> int:
        """Attempt up to ``limit`` due deliveries; return how many were attempted (sent, retried or failed).

        Deliveries put back for their receiver's rate limit are not counted; ``next_due`` says when.
        """
        now = utc(now)
        attempted = 0
        progressed = True
        while progressed and attempted < limit:  # a sent notice may unblock its follow-ups: claim again
            progressed = False
            with self._engine.begin() as conn:
                claims = self.claim(conn, now, limit - attempted)
            for claim in claims:
                attempted += 1
                progressed = True
                self._attempt(claim, now)
        self._refresh_pending_gauge()
        return attempted

    def deliver_claimed(self, claims: Sequence[Claim], now: datetime) -> int:
        """Send deliveries ``claim``ed in a transaction that has committed, and record the outcomes; return how many."""
        now = utc(now)
        for claim in claims:
            self._attempt(claim, now)
        return len(claims)

    def next_due(self) -> datetime | None:
        """When the earliest open delivery becomes due (a retry, a rate-limit slot, an expired lease)."""
        d = deliveries
        with self._engine.connect() as conn:
            pending = conn.execute(sa.select(sa.func.min(d.c.next_attempt_at)).where(d.c.status == "pending")).scalar()
            leased = conn.execute(sa.select(sa.func.min(d.c.lease_until)).where(d.c.status == "sending")).scalar()
        times = [t for t in (pending, leased) if t is not None]
        return min(times) if times else None

    def claim(self, conn: sa.Connection, now: datetime, limit: int = 50) -> list[Claim]:
        """Lease up to ``limit`` due deliveries whose earlier revisions this receiver already has.

        Within the caller's transaction ``conn``; the claims are the caller's to send
        (``deliver_claimed``) once it has committed. The alerts worker claims inside the rules'
        transaction, so the deliveries a batch makes due cost no second commit before their send.
        In that transaction the deliveries are locked (``SKIP LOCKED``), their receivers' rate-limit
        slots taken (rows locked in name order, so replicas never deadlock), the notices and
        thread refs read. A delivery whose receiver's slot is not open yet, or already given to
        another delivery of this claim, stays pending until the slot opens, without spending an
        attempt.
        """
        now = utc(now)
        d = deliveries
        earlier = d.alias("earlier")
        waits_for_earlier = (
            sa.exists()
            .where(
                earlier.c.alert_id == d.c.alert_id,
                earlier.c.receiver == d.c.receiver,
                earlier.c.revision < d.c.revision,
                earlier.c.status.in_(OPEN),
            )
            .correlate(d)
        )
        due = sa.or_(
            sa.and_(d.c.status == "pending", d.c.next_attempt_at <= now),
            sa.and_(d.c.status == "sending", d.c.lease_until <= now),
        )
        pick = (
            sa.select(d)
            .where(due, ~waits_for_earlier)
            .order_by(d.c.next_attempt_at, d.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True, of=d)
        )
        rows = conn.execute(pick).all()
        if not rows:
            return []
        slots = receiver_slots
        taken = [{"receiver": name, "next_slot": now} for name in sorted({r.receiver for r in rows})]
        opens = {row.receiver: row.next_slot for row in upsert(conn, slots, taken, ["receiver"], ["receiver"])}
        claimed, waiting = [], []
        for row in rows:
            if opens[row.receiver] > now:
                waiting.append({"key_id": row.id, "new_due": opens[row.receiver]})
                continue
            opens[row.receiver] = now + self._rate_interval
            claimed.append(row)
        if waiting:
            conn.execute(
                d.update()
                .where(d.c.id == sa.bindparam("key_id"))
                .values(next_attempt_at=sa.bindparam("new_due", type_=d.c.next_attempt_at.type)),
                waiting,
            )
        if not claimed:
            return []
        conn.execute(
            slots.update()
            .where(slots.c.receiver == sa.bindparam("key_receiver"))
            .values(next_slot=sa.bindparam("new_slot", type_=slots.c.next_slot.type)),
            [{"key_receiver": r, "new_slot": opens[r]} for r in sorted({row.receiver for row in claimed})],
        )
        conn.execute(
            d.update()
            .where(d.c.id.in_([row.id for row in claimed]))
            .values(status="sending", lease_until=now + self._lease, attempts=d.c.attempts + 1)
        )
        payloads, refs = self._notices(conn, claimed)
        return [
            Claim(
                r.id,
                r.alert_id,
                r.revision,
                r.receiver,
                r.attempts + 1,
                r.created_at,
                r.published_at,
                payloads.get((r.alert_id, r.revision)),
                next((ref for rev, ref in refs.get((r.alert_id, r.receiver), ()) if rev < r.revision), None),
            )
            for r in claimed
        ]

    @staticmethod
    def _notices(
        conn: sa.Connection, claimed: Sequence[sa.Row]
    ) -> tuple[dict[tuple[str, int], str], dict[tuple[str, str], list[tuple[int, str]]]]:
        """The payloads of the claimed notices, and each (alert, receiver)'s sent refs by revision."""
        d, n = deliveries, notices
        payloads = {
            (row.alert_id, row.revision): row.payload
            for row in conn.execute(
                sa.select(n.c.alert_id, n.c.revision, n.c.payload).where(
                    sa.tuple_(n.c.alert_id, n.c.revision).in_([(r.alert_id, r.revision) for r in claimed])
                )
            ).all()
        }
        refs: dict[tuple[str, str], list[tuple[int, str]]] = {}
        follow_ups = [(r.alert_id, r.receiver) for r in claimed if r.revision > 0]
        if follow_ups:
            for row in conn.execute(
                sa.select(d.c.alert_id, d.c.receiver, d.c.revision, d.c.ref)
                .where(
                    sa.tuple_(d.c.alert_id, d.c.receiver).in_(follow_ups), d.c.status == "sent", d.c.ref.is_not(None)
                )
                .order_by(d.c.revision)
            ).all():
                refs.setdefault((row.alert_id, row.receiver), []).append((row.revision, row.ref))
        return payloads, refs

    def _attempt(self, claim: Claim, now: datetime) -> None:
        """Send one claimed delivery and record the outcome."""
        receiver = self._receivers.get(claim.receiver)
        if receiver is None:
            self._fail(claim, f"no receiver named {claim.receiver!r} in the configuration")
            return
        try:
            delivered = receiver.send(self._notice(claim))
        except PermanentError as exc:
            self._fail(claim, one_line(exc))
        except TransientError as exc:
            self._retry(claim, now, one_line(exc), exc.retry_after)
        except Exception as exc:
            log.exception("receiver %s raised an unexpected error; retrying", claim.receiver)
            self._retry(claim, now, f"{type(exc).__name__}: {one_line(exc)}", None)
        else:
            self._sent(claim, now, delivered)

    @staticmethod
    def _notice(claim: Claim) -> Notice:
        """The Notice for a claimed delivery, threaded under this receiver's first message of the alert."""
        if claim.payload is None:
            raise PermanentError(f"notice {claim.alert_id} revision {claim.revision} is not stored")
        return Notice(
            alert=Alert.model_validate_json(claim.payload),
            idempotency_key=idempotency_key(claim.alert_id, claim.revision, claim.receiver),
            thread_ref=claim.thread_ref,
            attempt=claim.attempts,
        )

    def _sent(self, claim: Claim, now: datetime, delivered: Delivered) -> None:
        if self._finish(claim, status="sent", sent_at=now, ref=delivered.ref, last_error=None):
            metrics.DELIVERIES.labels(claim.receiver, "sent").inc()
            metrics.DELIVERY_LATENCY.labels(claim.receiver).observe(max(0.0, (now - claim.created_at).total_seconds()))
            if claim.published_at is not None:
                latency = max(0.0, (now - claim.published_at).total_seconds())
                metrics.END_TO_END_LATENCY.labels(claim.receiver).observe(latency)

    def _retry(self, claim: Claim, now: datetime, reason: str, retry_after: float | None) -> None:
        if claim.attempts >= self._max_attempts:
            self._fail(claim, f"gave up after {claim.attempts} attempts: {reason}")
            return
        delay = timedelta(seconds=retry_after) if retry_after is not None else self._backoff(claim.attempts)
        delay = max(delay, _MIN_RETRY)
        log.warning("delivery %s to %s failed (%s); retrying in %s", claim.alert_id, claim.receiver, reason, delay)
        if self._finish(claim, status="pending", next_attempt_at=now + delay, last_error=reason):
            metrics.DELIVERIES.labels(claim.receiver, "retry").inc()

    def _fail(self, claim: Claim, reason: str) -> None:
        log.error("delivery %s to %s failed for good: %s", claim.alert_id, claim.receiver, reason)
        if self._finish(claim, status="failed", last_error=reason):
            metrics.DELIVERIES.labels(claim.receiver, "failed").inc()

    def _backoff(self, attempts: int) -> timedelta:
        """Capped exponential backoff with equal jitter: between half and all of the capped delay."""
        capped = min(self._backoff_cap.total_seconds(), self._backoff_base.total_seconds() * 2 ** (attempts - 1))
        return timedelta(seconds=capped / 2 + self._rng.uniform(0, capped / 2))

    def _finish(self, claim: Claim, **values: object) -> bool:
        """Record the outcome of ``claim`` unless another worker took the delivery over meanwhile."""
        d = deliveries
        with self._engine.begin() as conn:
            result = conn.execute(
                d.update()
                .where(d.c.id == claim.id, d.c.status == "sending", d.c.attempts == claim.attempts)
                .values(lease_until=None, **values)
            )
        if result.rowcount != 1:
            log.warning("delivery %s to %s was taken over by another worker", claim.alert_id, claim.receiver)
        return result.rowcount == 1

    def _refresh_pending_gauge(self) -> None:
        d = deliveries
        with self._engine.connect() as conn:
            count = conn.execute(sa.select(sa.func.count()).select_from(d).where(d.c.status.in_(OPEN))).scalar_one()
        metrics.PENDING.set(count)
