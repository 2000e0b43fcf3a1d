"""The alert engine: detections in, alerts and their outbox deliveries out, the same whatever the order.

For each detection, in one transaction:

1. the detection is recorded once per article id (``alert_detections``); a replay after a crash or
   a rebalance finds it there and changes nothing;
2. every event that passes a rule's filters is recorded as a report of its group
   (``alert_observations``), every denial as a denial of its lineage (``alert_denials``), under
   the lock of the lineage (the group at any stage): a row of ``alert_lineages`` taken ``FOR
   UPDATE`` on PostgreSQL; SQLite transactions are serialised. Locks are taken in sorted order,
   so replicas never deadlock;
3. the lineage is judged again from *all* its stored reports and denials
   (``alerts.outcomes.plan``, a pure function of that set, in event time) and the store is
   brought in line with the result (``_reconcile``): missing notices are stored with their
   deliveries (the outbox), notices nobody received yet are rewritten or dropped, and notices
   already sent (or being sent) are never touched. So the notices do not depend on arrival order,
   batches, replicas or replays, as long as the reports arrive before their notices go out; each
   delivery is held until its event time plus the rule's ``lateness`` to give late reports that
   chance (see docs/ALERTING.md).

Silenced and inhibited notices are stored without deliveries. ``tick`` judges ``flatline`` rules
(processing time: "nothing came in the last hour" is about now).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

import sqlalchemy as sa

from alerts import groups, metrics
from alerts.outbox import DELIVERY_KEY, NOTICE_KEY, delivery_rows, enqueue, notice_row
from alerts.outcomes import Denial, PlannedAlert, Stages, alert_id, listed, plan
from alerts.rules import GroupKey, History, Report, Rule, build_rule
from alerts.rules.base import clean_fingerprint, report_time
from alerts.silences import Silence, Silences
from alerts.state import TABLES, alerts, deliveries, denials, detections, notices, observations, upgrade
from veille.config import VeilleConfig
from veille.contracts import STAGES, Alert, Detection, Event, utc
from veille.store import ensure_tables, insert_ignore, inserted_keys

log = logging.getLogger(__name__)

DEFAULT_RETENTION = timedelta(days=90)
"""How long ``prune`` keeps detections (what backtests can replay) and reports by default."""

__all__ = ["DEFAULT_RETENTION", "AlertEngine", "alert_id"]


@dataclass
class _Outcome:
    """What one transaction did, reported (metrics, return value) only once it has committed."""

    published: list[Alert] = field(default_factory=list)
    notices: list[tuple[str, str]] = field(default_factory=list)
    muted: list[tuple[str, str]] = field(default_factory=list)
    new: int = 0
    replays: int = 0

    def report(self) -> None:
        """Count what happened in the metrics."""
        if self.new:
            metrics.DETECTIONS.labels("new").inc(self.new)
        if self.replays:
            metrics.DETECTIONS.labels("replay").inc(self.replays)
        for rule, kind in self.notices:
            metrics.ALERTS.labels(rule, kind).inc()
        for rule, reason in self.muted:
            metrics.SILENCED.labels(rule, reason).inc()


@dataclass
class _Writes:
    """What re-judging a batch's lineages changes, written in a few statements once every lineage is judged."""

    notices: list[dict[str, object]] = field(default_factory=list)
    deliveries: list[dict[str, object]] = field(default_factory=list)
    rewritten: list[dict[str, object]] = field(default_factory=list)
    """Stored notices whose kind and payload change (their deliveries are in ``withdrawn`` and re-added)."""
    withdrawn: list[tuple[str, int]] = field(default_factory=list)
    """(alert id, revision) of notices whose deliveries go: rewritten or stale ones."""
    stale: list[tuple[str, int]] = field(default_factory=list)
    new_alerts: list[dict[str, object]] = field(default_factory=list)
    changed_alerts: list[dict[str, object]] = field(default_factory=list)
    gone_alerts: list[str] = field(default_factory=list)

    def apply(self, conn: sa.Connection) -> None:
        """Write everything, deletions first (a rewritten notice's deliveries go before they come back)."""
        d, n, a = deliveries, notices, alerts
        if self.withdrawn:
            conn.execute(d.delete().where(sa.tuple_(d.c.alert_id, d.c.revision).in_(self.withdrawn)))
        if self.stale:
            conn.execute(n.delete().where(sa.tuple_(n.c.alert_id, n.c.revision).in_(self.stale)))
        if self.rewritten:
            conn.execute(
                n.update()
                .where(n.c.alert_id == sa.bindparam("key_id"), n.c.revision == sa.bindparam("key_revision"))
                .values(kind=sa.bindparam("new_kind", type_=n.c.kind.type), payload=sa.bindparam("new_payload")),
                self.rewritten,
            )
        insert_ignore(conn, n, self.notices, NOTICE_KEY)
        insert_ignore(conn, d, self.deliveries, DELIVERY_KEY)
        if self.gone_alerts:
            conn.execute(a.delete().where(a.c.alert_id.in_(self.gone_alerts)))
        if self.new_alerts:
            conn.execute(a.insert(), self.new_alerts)
        if self.changed_alerts:
            columns = ("status", "retracted", "revision", "fired_at", "updated_at", "previous_alert_id", "payload")
            values = {c: sa.bindparam(f"new_{c}", type_=a.c[c].type) for c in columns}
            conn.execute(a.update().where(a.c.alert_id == sa.bindparam("key_id")).values(values), self.changed_alerts)


class _SilenceBook:
    """The silences a batch's notices are matched against, read at most once per transaction."""

    def __init__(self, conn: sa.Connection, since: datetime) -> None:
        self._conn = conn
        self._since = since
        self._found: list[Silence] | None = None

    def matching(self, alert: Alert, at: datetime) -> Silence | None:
        """The silence that mutes ``alert`` at ``at`` (not before ``since``), if any."""
        if self._found is None:
            self._found = Silences.unexpired(self._conn, self._since)
        return Silences.first(self._found, alert, at)


def _report(detection: Detection, event: Event, now: datetime) -> Report:
    """The report (or denial) ``event`` of ``detection`` makes, at its event time."""
    article = detection.article
    return Report(
        article.id,
        article.source,
        report_time(detection, now),
        clean_fingerprint(article.fingerprint),
        article.url,
        article.title,
        detection.lang,
        event.evidence,
        event.object,
        True,
        event.stage,
        event.from_,
        event.to,
        event.claimed_by,
    )


def stage_order(config: VeilleConfig, event_type: str) -> Stages:
    """The stage ranks and trigger words of ``event_type`` from the config's ``events``.

    A config that declares no such event type (a bare rules file, tests) gets the agreement stages.
    """
    for declared in config.events:
        if declared.type == event_type:
            words = {w.lower() for phrases in declared.triggers.values() for p in phrases for w in p.split()}
            return Stages(declared.stage_ranks, frozenset(w.rstrip("*") for w in words))
    return Stages({stage: rank for rank, stage in enumerate(STAGES)})


class AlertEngine:
    """Turns detections into alerts per the configured rules; see the module docstring.

    ``handle`` is the worker's handler: call it with each batch of detections (and, for flatline
    rules, now and then with an empty batch, or ``tick``). Several engines, in one process or
    many, may share a store. ``record_metrics=False`` keeps a replay (backtest) out of the
    process's Prometheus counters.
    """

    def __init__(self, config: VeilleConfig, engine: sa.Engine, *, record_metrics: bool = True) -> None:
        self._engine = engine
        self._record_metrics = record_metrics
        self._rules: tuple[Rule, ...] = tuple(build_rule(rule) for rule in config.rules)
        everyone = tuple(receiver.name for receiver in config.receivers)
        self._receivers = {rule.name: rule.config.receivers or everyone for rule in self._rules}
        self._stages = {rule.name: stage_order(config, rule.config.event_type) for rule in self._rules}
        self._by_name = {rule.name: rule for rule in self._rules}
        ensure_tables(engine, TABLES)
        upgrade(engine)

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The configured rules, in config order."""
        return self._rules

    def handle(
        self, detections: Sequence[Detection], now: datetime, claim: Callable[[sa.Connection], object] | None = None
    ) -> list[Alert]:
        """Record ``detections`` and fire what they trigger; return the notices made (new, update, retraction).

        The whole batch is one transaction. Silenced and inhibited notices are stored but not
        returned (nor delivered). Replayed detections change nothing. Ends with a ``tick`` so
        flatline rules are judged. ``claim``, when the batch made notices to deliver, is called
        with the transaction's connection once they are written, before the commit (the worker
        leases the deliveries due now there: ``Outbox.claim``).
        """
        now = utc(now)
        batch = partial(self._handle_batch, batch=detections, now=now, claim=claim)
        made = self._transaction(batch) if detections else []
        made.extend(self.tick(now))
        return made

    def tick(self, now: datetime) -> list[Alert]:
        """Judge the groups of flatline (``on_tick``) rules known for a whole window; return the alerts fired."""
        now = utc(now)
        made: list[Alert] = []
        for rule in self._rules:
            if not rule.on_tick:
                continue
            with self._engine.connect() as conn:
                quiet = groups.known(conn, rule.name, now - rule.window, now - rule.judged_after)
            for group in quiet:
                made.extend(self._transaction(partial(self._judge_quiet_group, rule=rule, group=group, now=now)))
        return made

    def prune(self, now: datetime, keep: timedelta = DEFAULT_RETENTION) -> int:
        """Delete detections and reports older than ``keep`` (never less than the rules need); return how many.

        Alerts, notices and deliveries stay (``veille alerts list``); so do group rows, whose alert
        counts keep alert ids unique. Backtests reach back at most ``keep``. Call now and then (hourly).
        """
        now = utc(now)
        needed = max((rule.history for rule in self._rules), default=timedelta(0))
        cutoff = now - max(keep, needed)
        with self._engine.begin() as conn:
            gone = conn.execute(detections.delete().where(detections.c.observed_at < cutoff)).rowcount
            gone += conn.execute(observations.delete().where(observations.c.reported_at < cutoff)).rowcount
            gone += conn.execute(denials.delete().where(denials.c.reported_at < cutoff)).rowcount
        log.info("pruned %d detections and reports older than %s", gone, cutoff.isoformat())
        return gone

    def _transaction(self, work: Callable[..., None]) -> list[Alert]:
        """Run ``work(conn, outcome)`` in one transaction; report its outcome once committed."""
        outcome = _Outcome()
        with self._engine.begin() as conn:
            work(conn, outcome)
        if self._record_metrics:
            outcome.report()
        return outcome.published

    def _handle_batch(
        self,
        conn: sa.Connection,
        outcome: _Outcome,
        batch: Sequence[Detection],
        now: datetime,
        claim: Callable[[sa.Connection], object] | None,
    ) -> None:
        """Record the batch's new detections and their reports, re-judge every lineage that got one,
        then ``claim`` (if given) when notices are to be delivered."""
        unique: dict[str, Detection] = {}
        for detection in batch:
            unique.setdefault(detection.article_id, detection)
        rows = [{"article_id": a, "observed_at": now, "payload": unique[a].model_dump_json()} for a in sorted(unique)]
        fresh = sorted(key for (key,) in inserted_keys(conn, detections, rows, ["article_id"]))
        outcome.new, outcome.replays = len(fresh), len(batch) - len(fresh)
        if outcome.replays:
            log.debug("%d detections already handled; skipped", outcome.replays)
        touched: list[tuple[str, GroupKey]] = []
        reported: list[tuple[str, str, Report]] = []
        denied: list[tuple[str, str, Denial]] = []
        lineage_of: dict[tuple[str, str], str] = {}
        for article_id in fresh:
            detection = unique[article_id]
            for rule in self._rules:
                for events, denial in ((detection.events, False), (detection.retractions, True)):
                    for event in events:
                        if not rule.matches(detection, event, any_stage=denial):
                            continue
                        group = rule.group_of(detection, event)
                        report = _report(detection, event, now)
                        lineage_of[(rule.name, group.key)] = group.lineage
                        if denial:
                            denied.append((rule.name, group.lineage, Denial(report, event.stage)))
                        else:
                            touched.append((rule.name, group))
                            reported.append((rule.name, group.key, report))
        if not lineage_of:
            return
        groups.lock(conn, {(rule, lineage) for (rule, _), lineage in lineage_of.items()})
        groups.touch(conn, touched, now)
        changed = {(rule, lineage_of[(rule, key)]) for rule, key in groups.record(conn, reported, now)}
        changed |= groups.record_denials(conn, denied, now)
        judged = sorted(key for key in changed if not self._by_name[key[0]].on_tick)
        if judged:
            self._reconcile(conn, outcome, judged, now)
        if claim is not None and outcome.published:
            claim(conn)

    def _reconcile(self, conn: sa.Connection, outcome: _Outcome, keys: list[tuple[str, str]], now: datetime) -> None:
        """Judge the (rule, lineage) ``keys`` from all their reports and make the stored alerts and notices match.

        Notices already attempted for some receiver are frozen: never rewritten nor removed. Reads
        are one query each for all the lineages (every notice and delivery belongs to a stored
        alert: an alert row goes only with all its notices), writes one statement per kind.
        """
        stored_lineages = groups.load(conn, keys, {rule.name: rule.config.max_age for rule in self._rules})
        a, n, d = alerts, notices, deliveries
        in_keys = sa.tuple_(a.c.rule, a.c.lineage_key).in_(keys)
        stored: dict[tuple[str, str], dict[str, sa.Row]] = defaultdict(dict)
        kept: dict[tuple[str, int], sa.Row] = {}
        notice_columns = (n.c.revision.label("n_revision"), n.c.kind.label("n_kind"))
        notice_columns += (n.c.payload.label("n_payload"), n.c.created_at.label("n_created_at"))
        for row in conn.execute(
            sa.select(a, *notice_columns).outerjoin(n, n.c.alert_id == a.c.alert_id).where(in_keys)
        ).all():
            stored[(row.rule, row.lineage_key)][row.alert_id] = row
            if row.n_revision is not None:
                kept[(row.alert_id, row.n_revision)] = row
        # Locked until commit: a replica's dispatcher skips these rows, so nothing is claimed while
        # its notice is being rewritten.
        queued: dict[tuple[str, int], set[str]] = defaultdict(set)
        frozen: set[tuple[str, int]] = set()
        for row in conn.execute(
            sa.select(d.c.alert_id, d.c.revision, d.c.receiver, d.c.status, d.c.attempts)
            .join(a, a.c.alert_id == d.c.alert_id)
            .where(in_keys)
            .with_for_update(of=d)
        ).all():
            queued[(row.alert_id, row.revision)].add(row.receiver)
            if row.status != "pending" or row.attempts > 0:
                frozen.add((row.alert_id, row.revision))
        writes = _Writes()
        silences = _SilenceBook(conn, min([now, *(row.n_created_at for row in kept.values())]))
        for key in keys:
            rule, found = self._by_name[key[0]], stored_lineages[key]
            planned = plan(rule, found.reports, found.group_of, found.denials, self._stages[rule.name])
            rows = stored[key]
            for alert in planned:
                self._sync_alert(
                    writes, outcome, rule, alert, rows.get(alert.alert_id), kept, queued, frozen, now, silences
                )
            wanted = {(p.alert_id, notice.revision) for p in planned for notice in p.notices}
            stale = [k for k in kept if k[0] in rows and k not in wanted and k not in frozen]
            writes.withdrawn.extend(stale)
            writes.stale.extend(stale)
            planned_ids = {p.alert_id for p in planned}
            writes.gone_alerts.extend(
                alert for alert in rows if alert not in planned_ids and not any(k[0] == alert for k in frozen)
            )
            if stale:
                log.info(
                    "rule %s: %d unsent notices of lineage %s withdrawn after a re-judgement",
                    key[0],
                    len(stale),
                    key[1],
                )
        writes.apply(conn)

    def _sync_alert(
        self,
        writes: _Writes,
        outcome: _Outcome,
        rule: Rule,
        alert: PlannedAlert,
        row: sa.Row | None,
        kept: dict[tuple[str, int], sa.Row],
        queued: dict[tuple[str, int], set[str]],
        frozen: set[tuple[str, int]],
        now: datetime,
        silences: _SilenceBook,
    ) -> None:
        """Store ``alert`` and bring its unfrozen notices and their deliveries in line with the plan."""
        if row is None and alert.fired_at < now - rule.config.max_age:
            return  # old news never fires, even when a re-judgement finds it would have
        status = row.status if row is not None and row.status == "silenced" else alert.status
        for notice in alert.notices:
            key = (alert.alert_id, notice.revision)
            if key in frozen:
                continue
            old = kept.get(key)
            reason = {"inhibited": "inhibition", "silenced": "silence"}.get(status)
            # A silence is judged when the notice was first stored; a rewrite keeps that decision.
            if reason is None and silences.matching(notice, old.n_created_at if old else now) is not None:
                reason = "silence"
                status = "silenced" if notice.revision == 0 else status
            receivers = () if reason else self._receivers[rule.name]
            payload = notice.model_dump_json()
            if old is not None and old.n_payload == payload and queued.get(key, set()) == set(receivers):
                continue
            if old is not None:
                writes.rewritten.append(
                    {
                        "key_id": alert.alert_id,
                        "key_revision": notice.revision,
                        "new_kind": notice.kind,
                        "new_payload": payload,
                    }
                )
                writes.withdrawn.append(key)
            else:
                writes.notices.append(notice_row(notice, now))
            due = max(now, alert.times[notice.revision] + rule.config.lateness)
            writes.deliveries.extend(delivery_rows(notice, receivers, now, alert.times[notice.revision], due))
            outcome.notices.append((rule.name, notice.kind))
            if reason:
                outcome.muted.append((rule.name, reason))
            else:
                outcome.published.append(notice)
        latest = alert.state or alert.notices[-1]
        if status == "active" and alert.overtaken:
            status = "inhibited"
        values = {
            "status": status,
            "retracted": alert.retracted,
            "revision": latest.revision,
            "fired_at": alert.fired_at,
            "updated_at": now,
            "previous_alert_id": latest.previous_alert_id,
            "payload": latest.model_dump_json(),
        }
        if row is None:
            writes.new_alerts.append(
                {
                    "alert_id": alert.alert_id,
                    "rule": rule.name,
                    "group_key": alert.group.key,
                    "lineage_key": alert.group.lineage,
                    "stage": alert.group.stage,
                    **values,
                }
            )
            log.info("rule %s fired alert %s (%s, %d sources)", rule.name, alert.alert_id, status, len(latest.sources))
        elif row.payload != values["payload"] or row.status != values["status"]:
            writes.changed_alerts.append({"key_id": alert.alert_id, **{f"new_{k}": v for k, v in values.items()}})

    def _judge_quiet_group(
        self, conn: sa.Connection, outcome: _Outcome, rule: Rule, group: GroupKey, now: datetime
    ) -> None:
        """Fire a tick rule for ``group`` unless it fired within ``realert`` (under the lineage lock)."""
        groups.lock(conn, [(rule.name, group.lineage)])
        since = now - rule.config.realert
        recent = conn.execute(
            sa.select(alerts.c.alert_id).where(
                alerts.c.rule == rule.name, alerts.c.group_key == group.key, alerts.c.fired_at > since
            )
        ).first()
        if recent is not None:
            return
        history = History(load=partial(groups.reports, conn, rule.name, group.key))
        if not rule.should_fire(history, now):
            return
        reports = history.between(now - rule.window, now)
        alert = Alert(
            alert_id=alert_id(rule.name, group.key, groups.next_sequence(conn, rule.name, group.key)),
            rule=rule.name,
            event_type=group.event_type,
            actors=group.actors,
            stage=group.stage,
            group_key=group.key,
            title=rule.title(group, reports),
            first_seen=min((r.reported_at for r in reports), default=now),
            fired_at=now,
            **listed(reports),
        )
        muted = Silences.first(Silences.unexpired(conn, now), alert, now) is not None
        enqueue(conn, alert, () if muted else self._receivers[rule.name], now, None)
        conn.execute(
            alerts.insert().values(
                alert_id=alert.alert_id,
                rule=rule.name,
                group_key=group.key,
                lineage_key=group.lineage,
                stage=group.stage,
                status="silenced" if muted else "active",
                retracted=False,
                revision=0,
                fired_at=now,
                updated_at=now,
                payload=alert.model_dump_json(),
            )
        )
        outcome.notices.append((rule.name, alert.kind))
        if muted:
            outcome.muted.append((rule.name, "silence"))
        else:
            outcome.published.append(alert)
