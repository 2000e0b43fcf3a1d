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
from alerts.outbox import enqueue
from alerts.outcomes import Denial, PlannedAlert, Stages, alert_id, listed, plan
from alerts.rules import GroupKey, History, Report, Rule, build_rule
from alerts.rules.base import clean_fingerprint, report_time
from alerts.silences import Silences
from alerts.state import TABLES, alerts, deliveries, denials, detections, notices, observations, upgrade
from veille.config import VeilleConfig
from veille.contracts import STAGES, Alert, Detection, Event, utc
from veille.store import ensure_tables, insert_ignore

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
    replay: bool | None = None

    def report(self) -> None:
        """Count what happened in the metrics."""
        if self.replay is not None:
            metrics.DETECTIONS.labels("replay" if self.replay else "new").inc()
        for rule, kind in self.notices:
            metrics.ALERTS.labels(rule, kind).inc()
        for rule, reason in self.muted:
            metrics.SILENCED.labels(rule, reason).inc()


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
        ensure_tables(engine, TABLES)
        upgrade(engine)

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The configured rules, in config order."""
        return self._rules

    def handle(self, detections: Sequence[Detection], now: datetime) -> list[Alert]:
        """Record ``detections`` and fire what they trigger; return the notices made (new, update, retraction).

        Silenced and inhibited notices are stored but not returned (nor delivered). Replayed
        detections change nothing. Ends with a ``tick`` so flatline rules are judged.
        """
        now = utc(now)
        made: list[Alert] = []
        for detection in detections:
            made.extend(self._transaction(partial(self._handle_detection, detection=detection, now=now)))
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

    def _handle_detection(self, conn: sa.Connection, outcome: _Outcome, detection: Detection, now: datetime) -> None:
        row = {"article_id": detection.article_id, "observed_at": now, "payload": detection.model_dump_json()}
        outcome.replay = insert_ignore(conn, detections, [row], ["article_id"]) == 0
        if outcome.replay:
            log.debug("detection %s already handled; skipped", detection.article_id)
            return
        by_lineage: dict[tuple[str, str], list[tuple[Rule, GroupKey, Event, bool]]] = defaultdict(list)
        for rule in self._rules:
            for events, denial in ((detection.events, False), (detection.retractions, True)):
                for event in events:
                    if rule.matches(detection, event, any_stage=denial):
                        group = rule.group_of(detection, event)
                        by_lineage[(rule.name, group.lineage)].append((rule, group, event, denial))
        for rule_name, lineage in sorted(by_lineage):  # one lock order for every replica: no deadlock
            groups.lock(conn, rule_name, lineage)
            changed = False
            for rule, group, event, denial in by_lineage[(rule_name, lineage)]:
                report = _report(detection, event, now)
                if denial:
                    changed |= groups.record_denial(conn, rule.name, lineage, Denial(report, event.stage), now)
                else:
                    groups.touch(conn, rule.name, group, now)
                    changed |= groups.record(conn, rule.name, group.key, report, now)
            if changed and not rule.on_tick:
                self._reconcile(conn, outcome, rule, lineage, now)

    def _reconcile(self, conn: sa.Connection, outcome: _Outcome, rule: Rule, lineage: str, now: datetime) -> None:
        """Judge the lineage from all its reports and make the stored alerts and notices match.

        Notices already attempted for some receiver are frozen: never rewritten nor removed.
        """
        reports, group_of, denied = groups.lineage(conn, rule.name, lineage, rule.config.max_age)
        planned = plan(rule, reports, group_of, denied, self._stages[rule.name])
        stored = {
            row.alert_id: row
            for row in conn.execute(
                sa.select(alerts).where(alerts.c.rule == rule.name, alerts.c.lineage_key == lineage)
            ).all()
        }
        ids = set(stored) | {a.alert_id for a in planned}
        kept = {
            (row.alert_id, row.revision): row
            for row in conn.execute(sa.select(notices).where(notices.c.alert_id.in_(ids))).all()
        }
        d = deliveries
        # Locked until commit: a replica's dispatcher skips these rows, so nothing is claimed while
        # its notice is being rewritten.
        queued: dict[tuple[str, int], set[str]] = defaultdict(set)
        frozen: set[tuple[str, int]] = set()
        for row in conn.execute(
            sa.select(d.c.alert_id, d.c.revision, d.c.receiver, d.c.status, d.c.attempts)
            .where(d.c.alert_id.in_(ids))
            .with_for_update()
        ).all():
            queued[(row.alert_id, row.revision)].add(row.receiver)
            if row.status != "pending" or row.attempts > 0:
                frozen.add((row.alert_id, row.revision))
        for alert in planned:
            self._sync_alert(conn, outcome, rule, alert, stored.get(alert.alert_id), kept, queued, frozen, now)
        wanted = {(a.alert_id, n.revision) for a in planned for n in a.notices}
        stale = [key for key in kept if key not in wanted and key not in frozen]
        for alert_key, revision in stale:
            conn.execute(d.delete().where(d.c.alert_id == alert_key, d.c.revision == revision))
            conn.execute(notices.delete().where(notices.c.alert_id == alert_key, notices.c.revision == revision))
        gone = {a for a in stored if a not in {p.alert_id for p in planned} and not any(k[0] == a for k in frozen)}
        if gone:
            conn.execute(alerts.delete().where(alerts.c.alert_id.in_(gone)))
        if stale:
            log.info(
                "rule %s: %d unsent notices of lineage %s withdrawn after a re-judgement",
                rule.name,
                len(stale),
                lineage,
            )

    def _sync_alert(
        self,
        conn: sa.Connection,
        outcome: _Outcome,
        rule: Rule,
        alert: PlannedAlert,
        row: sa.Row | None,
        kept: dict[tuple[str, int], sa.Row],
        queued: dict[tuple[str, int], set[str]],
        frozen: set[tuple[str, int]],
        now: datetime,
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
            if reason is None and Silences.matching(conn, notice, old.created_at if old else now) is not None:
                reason = "silence"
                status = "silenced" if notice.revision == 0 else status
            receivers = () if reason else self._receivers[rule.name]
            payload = notice.model_dump_json()
            if old is not None and old.payload == payload and queued.get(key, set()) == set(receivers):
                continue
            if old is not None:
                conn.execute(
                    notices.update()
                    .where(notices.c.alert_id == alert.alert_id, notices.c.revision == notice.revision)
                    .values(kind=notice.kind, payload=payload)
                )
                d = deliveries
                conn.execute(d.delete().where(d.c.alert_id == alert.alert_id, d.c.revision == notice.revision))
            due = max(now, alert.times[notice.revision] + rule.config.lateness)
            enqueue(conn, notice, receivers, now, alert.times[notice.revision], due=due)
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
            conn.execute(
                alerts.insert().values(
                    alert_id=alert.alert_id,
                    rule=rule.name,
                    group_key=alert.group.key,
                    lineage_key=alert.group.lineage,
                    stage=alert.group.stage,
                    **values,
                )
            )
            log.info("rule %s fired alert %s (%s, %d sources)", rule.name, alert.alert_id, status, len(latest.sources))
        elif row.payload != values["payload"] or row.status != values["status"]:
            conn.execute(alerts.update().where(alerts.c.alert_id == alert.alert_id).values(**values))

    def _judge_quiet_group(
        self, conn: sa.Connection, outcome: _Outcome, rule: Rule, group: GroupKey, now: datetime
    ) -> None:
        """Fire a tick rule for ``group`` unless it fired within ``realert`` (under the lineage lock)."""
        groups.lock(conn, rule.name, group.lineage)
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
        muted = Silences.matching(conn, alert, now) is not None
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
