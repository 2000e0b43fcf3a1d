"""The alert engine: detections in, alerts and their outbox deliveries out, correct under replays and replicas.

For each detection, in one transaction:

1. the detection is recorded once per article id (``alert_detections``); a replay after a crash or
   a rebalance finds it there and changes nothing;
2. every event that passes a rule's filters is recorded as a report of its group
   (``alert_observations``), under the lock of the group's lineage (the group at any stage): a row
   of ``alert_lineages`` taken ``FOR UPDATE`` on PostgreSQL; SQLite transactions are serialised
   (``BEGIN IMMEDIATE``). Locks are taken in sorted order, so replicas never deadlock;
3. a group with an alert fired within ``realert`` gets that alert updated (sources, articles) and,
   when a new source joined and the rule says so, a threaded follow-up (kind ``update``);
4. otherwise the rule type judges the group's history; when it fires, the alert gets a
   deterministic id (rule, group, how many alerts the group fired before) and one delivery per
   receiver is enqueued (``alerts.outbox.enqueue``) in the same transaction;
5. stages: an alert at a later stage (signed) refers to the latest earlier-stage alert of its
   lineage (``previous_alert_id``) and inhibits the earlier ones still in their period; an
   earlier-stage alert that fires while a later one is open is stored as inhibited;
6. retractions (denials) attach a follow-up of kind ``retraction`` to the lineage's latest alert.

Silenced and inhibited notices are stored without deliveries. ``tick`` judges ``flatline`` rules.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from functools import partial

import sqlalchemy as sa

from alerts import metrics
from alerts.outbox import enqueue
from alerts.rules import GroupKey, History, Report, Rule, build_rule
from alerts.rules.base import clean_fingerprint, report_time, stage_rank
from alerts.silences import Silences
from alerts.state import TABLES, alerts, detections, groups, lineages, observations
from veille.config import VeilleConfig
from veille.contracts import STAGES, Alert, Detection, Event, utc
from veille.store import ensure_tables, insert_ignore

log = logging.getLogger(__name__)

MAX_LISTED = 50
"""Articles and links an alert lists at most (the earliest ones)."""


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


def alert_id(rule: str, group_key: str, sequence: int) -> str:
    """The deterministic id of the ``sequence``-th alert (from 0) of a group."""
    digest = hashlib.sha256(group_key.encode("utf-8")).hexdigest()[:16]
    return f"{rule}:{digest}:{sequence}"


def _listed(reports: Sequence[Report]) -> dict[str, tuple[str, ...]]:
    """The sources, article ids and links an alert shows for ``reports`` (oldest first)."""
    ordered = sorted(reports, key=lambda r: r.reported_at)
    links = dict.fromkeys(r.url for r in ordered if r.url)
    return {
        "sources": tuple(dict.fromkeys(r.source for r in ordered)),
        "article_ids": tuple(dict.fromkeys(r.article_id for r in ordered))[:MAX_LISTED],
        "links": tuple(links)[:MAX_LISTED],
    }


class AlertEngine:
    """Turns detections into alerts per the configured rules; see the module docstring.

    ``record_metrics=False`` keeps a replay (backtest) out of the process's Prometheus counters.

    ``handle`` is the worker's handler: call it with each batch of detections (and, for flatline
    rules, now and then with an empty batch). Thread-safe as far as the database is: several
    engines, in one process or many, may share a store.
    """

    def __init__(self, config: VeilleConfig, engine: sa.Engine, *, record_metrics: bool = True) -> None:
        self._engine = engine
        self._record_metrics = record_metrics
        self._rules: tuple[Rule, ...] = tuple(build_rule(rule) for rule in config.rules)
        everyone = tuple(receiver.name for receiver in config.receivers)
        self._receivers = {rule.name: rule.config.receivers or everyone for rule in self._rules}
        ensure_tables(engine, TABLES)

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
            window = rule.config.window  # type: ignore[attr-defined]
            with self._engine.connect() as conn:
                known = conn.execute(
                    sa.select(groups)
                    .where(
                        groups.c.rule == rule.name,
                        groups.c.last_seen >= now - rule.window,
                        groups.c.created_at <= now - window,
                    )
                    .order_by(groups.c.lineage_key, groups.c.group_key)
                ).all()
            for row in known:
                group = GroupKey(
                    row.group_key, row.lineage_key, row.event_type, tuple(json.loads(row.actors)), row.stage
                )
                made.extend(self._transaction(partial(self._judge_quiet_group, rule=rule, group=group, now=now)))
        return made

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
        tasks: dict[tuple[str, str], list[tuple[Rule, GroupKey, Event, bool]]] = defaultdict(list)
        for rule in self._rules:
            for event in detection.events:
                if rule.matches(detection, event):
                    group = rule.group_of(detection, event)
                    tasks[(rule.name, group.lineage)].append((rule, group, event, False))
            for event in detection.retractions:
                if rule.matches(detection, event, any_stage=True):
                    group = rule.group_of(detection, event)
                    tasks[(rule.name, group.lineage)].append((rule, group, event, True))
        for rule_name, lineage in sorted(tasks):
            self._lock(conn, rule_name, lineage)
            for rule, group, event, retraction in tasks[(rule_name, lineage)]:
                if retraction:
                    self._retract(conn, outcome, rule, group, event, detection, now)
                else:
                    self._observe(conn, outcome, rule, group, event, detection, now)

    @staticmethod
    def _lock(conn: sa.Connection, rule: str, lineage: str) -> None:
        """Hold the lineage's row until the transaction ends (PostgreSQL; SQLite holds the database)."""
        insert_ignore(conn, lineages, [{"rule": rule, "lineage_key": lineage}], ["rule", "lineage_key"])
        conn.execute(
            sa.select(lineages.c.rule)
            .where(lineages.c.rule == rule, lineages.c.lineage_key == lineage)
            .with_for_update()
        ).one()

    def _observe(
        self,
        conn: sa.Connection,
        outcome: _Outcome,
        rule: Rule,
        group: GroupKey,
        event: Event,
        detection: Detection,
        now: datetime,
    ) -> None:
        """Record one report of ``group``; update its open alert, or let the rule judge whether it fires."""
        article = detection.article
        report = Report(
            article.id,
            article.source,
            report_time(detection, now),
            clean_fingerprint(article.fingerprint),
            article.url,
            article.title,
        )
        insert_ignore(
            conn,
            groups,
            [
                {
                    "rule": rule.name,
                    "group_key": group.key,
                    "lineage_key": group.lineage,
                    "event_type": group.event_type,
                    "actors": json.dumps(list(group.actors)),
                    "stage": group.stage,
                    "created_at": now,
                    "last_seen": now,
                    "fired_count": 0,
                }
            ],
            ["rule", "group_key"],
        )
        conn.execute(
            groups.update().where(groups.c.rule == rule.name, groups.c.group_key == group.key).values(last_seen=now)
        )
        row = {"rule": rule.name, "group_key": group.key, **asdict(report)}
        if not insert_ignore(conn, observations, [row], ["rule", "group_key", "article_id"]):
            return
        if rule.on_tick or not rule.is_fresh(detection, now):
            return
        current = self._open_alert(conn, rule, group.key, now)
        if current is not None:
            self._follow_up(conn, outcome, rule, current, now, article.published)
            return
        history = History(load=partial(self._reports, conn, rule.name, group.key), new=(report,))
        if rule.should_fire(history, now):
            self._fire(conn, outcome, rule, group, history, now, event, detection.lang, article.published)

    @staticmethod
    def _reports(conn: sa.Connection, rule: str, group_key: str, start: datetime, end: datetime) -> list[Report]:
        """The reports of a group with ``start <= reported_at <= end``, oldest first."""
        o = observations
        rows = conn.execute(
            sa.select(o)
            .where(o.c.rule == rule, o.c.group_key == group_key, o.c.reported_at >= start, o.c.reported_at <= end)
            .order_by(o.c.reported_at, o.c.article_id)
        ).all()
        return [Report(r.article_id, r.source, r.reported_at, r.fingerprint, r.url, r.title) for r in rows]

    @staticmethod
    def _open_alert(conn: sa.Connection, rule: Rule, group_key: str, now: datetime) -> sa.Row | None:
        """The group's alert fired within the realert period, if any."""
        return conn.execute(
            sa.select(alerts)
            .where(
                alerts.c.rule == rule.name,
                alerts.c.group_key == group_key,
                alerts.c.fired_at > now - rule.config.realert,
            )
            .order_by(alerts.c.fired_at.desc())
            .limit(1)
        ).first()

    def _judge_quiet_group(
        self, conn: sa.Connection, outcome: _Outcome, rule: Rule, group: GroupKey, now: datetime
    ) -> None:
        """Fire a tick rule for ``group`` unless it has an open alert (under the lineage lock)."""
        self._lock(conn, rule.name, group.lineage)
        if self._open_alert(conn, rule, group.key, now) is not None:
            return
        history = History(load=partial(self._reports, conn, rule.name, group.key))
        if rule.should_fire(history, now):
            self._fire(conn, outcome, rule, group, history, now, None, None, None)

    def _fire(
        self,
        conn: sa.Connection,
        outcome: _Outcome,
        rule: Rule,
        group: GroupKey,
        history: History,
        now: datetime,
        event: Event | None,
        lang: str | None,
        published: datetime | None,
    ) -> None:
        """Store a new alert for ``group`` and enqueue its first notice."""
        where = (groups.c.rule == rule.name, groups.c.group_key == group.key)
        sequence = conn.execute(sa.select(groups.c.fired_count).where(*where)).scalar_one()
        conn.execute(groups.update().where(*where).values(fired_count=sequence + 1))
        reports = history.between(now - rule.window, now)
        alert = Alert(
            alert_id=alert_id(rule.name, group.key, sequence),
            rule=rule.name,
            event_type=group.event_type,
            actors=group.actors,
            stage=group.stage,
            group_key=group.key,
            title=rule.title(group, reports),
            evidence=event.evidence if event else "",
            evidence_lang=lang,
            first_seen=min((r.reported_at for r in reports), default=now),
            fired_at=now,
            previous_alert_id=self._previous(conn, rule, group, now),
            **_listed(reports),
        )
        inhibited = self._lineage_alerts(conn, rule, group, now - rule.config.realert, later=True).first() is not None
        muted = self._notify(conn, outcome, rule, alert, "inhibited" if inhibited else "active", now, published)
        status = {"inhibition": "inhibited", "silence": "silenced"}.get(muted or "", "active")
        conn.execute(
            alerts.insert().values(
                alert_id=alert.alert_id,
                rule=rule.name,
                group_key=group.key,
                lineage_key=group.lineage,
                stage=group.stage,
                status=status,
                retracted=False,
                revision=0,
                fired_at=now,
                updated_at=now,
                previous_alert_id=alert.previous_alert_id,
                payload=alert.model_dump_json(),
            )
        )
        if not inhibited and stage_rank(group.stage) > 0:
            earlier = self._lineage_alerts(conn, rule, group, now - rule.config.realert, later=False)
            ids = [row.alert_id for row in earlier if row.status == "active"]
            if ids:
                conn.execute(alerts.update().where(alerts.c.alert_id.in_(ids)).values(status="inhibited"))
        log.info("rule %s fired alert %s (%s, %d sources)", rule.name, alert.alert_id, status, len(alert.sources))

    @staticmethod
    def _lineage_alerts(
        conn: sa.Connection, rule: Rule, group: GroupKey, since: datetime, later: bool
    ) -> sa.CursorResult:
        """Alerts of ``group``'s lineage fired after ``since`` at a ``later`` (else earlier) stage, newest first."""
        rank = stage_rank(group.stage)
        stages = STAGES[rank + 1 :] if later else STAGES[: max(rank, 0)]
        return conn.execute(
            sa.select(alerts.c.alert_id, alerts.c.status)
            .where(
                alerts.c.rule == rule.name,
                alerts.c.lineage_key == group.lineage,
                alerts.c.stage.in_(stages if rank >= 0 else ()),
                alerts.c.fired_at > since,
            )
            .order_by(alerts.c.fired_at.desc())
        )

    def _previous(self, conn: sa.Connection, rule: Rule, group: GroupKey, now: datetime) -> str | None:
        """The latest alert of the lineage at an earlier stage, within ``stage_lookback``."""
        row = self._lineage_alerts(conn, rule, group, now - rule.config.stage_lookback, later=False).first()
        return None if row is None else row.alert_id

    def _follow_up(
        self,
        conn: sa.Connection,
        outcome: _Outcome,
        rule: Rule,
        row: sa.Row,
        now: datetime,
        published: datetime | None,
    ) -> None:
        """Add the group's latest reports to its open alert; send an update when a new source joined."""
        alert = Alert.model_validate_json(row.payload)
        listed = _listed(self._reports(conn, rule.name, row.group_key, row.fired_at - rule.window, now))
        cfg = rule.config
        notify = (
            cfg.follow_ups
            and len(listed["sources"]) > len(alert.sources)
            and row.status == "active"
            and not row.retracted
            and row.revision < cfg.max_follow_ups
        )
        revision = row.revision + 1 if notify else row.revision
        alert = alert.model_copy(update={**listed, **({"kind": "update", "revision": revision} if notify else {})})
        conn.execute(
            alerts.update()
            .where(alerts.c.alert_id == row.alert_id)
            .values(payload=alert.model_dump_json(), revision=revision, updated_at=now)
        )
        if notify:
            self._notify(conn, outcome, rule, alert, row.status, now, published)

    def _retract(
        self,
        conn: sa.Connection,
        outcome: _Outcome,
        rule: Rule,
        group: GroupKey,
        event: Event,
        detection: Detection,
        now: datetime,
    ) -> None:
        """Mark the lineage's latest alert retracted and send a follow-up saying so (fresh denials only)."""
        if not rule.is_fresh(detection, now):
            return
        query = sa.select(alerts).where(
            alerts.c.rule == rule.name,
            alerts.c.lineage_key == group.lineage,
            alerts.c.retracted.is_(False),
            alerts.c.fired_at >= now - rule.config.retract_within,
        )
        if group.stage is not None:
            query = query.where(alerts.c.group_key == group.key)
        row = conn.execute(query.order_by(alerts.c.fired_at.desc()).limit(1)).first()
        if row is None:
            return
        article = detection.article
        alert = Alert.model_validate_json(row.payload)
        alert = alert.model_copy(
            update={
                "kind": "retraction",
                "revision": row.revision + 1,
                "evidence": event.evidence,
                "evidence_lang": detection.lang,
                "article_ids": tuple(dict.fromkeys((*alert.article_ids, article.id))),
                "links": tuple(dict.fromkeys((*alert.links, *([article.url] if article.url else [])))),
            }
        )
        conn.execute(
            alerts.update()
            .where(alerts.c.alert_id == row.alert_id)
            .values(retracted=True, revision=alert.revision, payload=alert.model_dump_json(), updated_at=now)
        )
        log.info("rule %s: alert %s retracted by article %s", rule.name, row.alert_id, article.id)
        self._notify(conn, outcome, rule, alert, row.status, now, article.published)

    def _notify(
        self,
        conn: sa.Connection,
        outcome: _Outcome,
        rule: Rule,
        alert: Alert,
        status: str,
        now: datetime,
        published: datetime | None,
    ) -> str | None:
        """Store the notice ``alert`` and enqueue its deliveries; return why it was muted, if it was.

        Notices of inhibited or silenced alerts, and notices an active silence covers, get no deliveries.
        """
        reason = None
        if status == "inhibited":
            reason = "inhibition"
        elif status == "silenced" or Silences.matching(conn, alert, now) is not None:
            reason = "silence"
        enqueue(conn, alert, () if reason else self._receivers[rule.name], now, published)
        outcome.notices.append((rule.name, alert.kind))
        if reason:
            outcome.muted.append((rule.name, reason))
        else:
            outcome.published.append(alert)
        return reason
