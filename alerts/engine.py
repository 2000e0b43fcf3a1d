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
import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

import sqlalchemy as sa

from alerts import groups, metrics
from alerts.outbox import enqueue
from alerts.rules import GroupKey, History, Report, Rule, build_rule
from alerts.rules.base import clean_fingerprint, report_time
from alerts.silences import Silences
from alerts.state import TABLES, alerts, detections, observations
from veille.config import VeilleConfig
from veille.contracts import Alert, Detection, Event, utc
from veille.store import ensure_tables, insert_ignore

log = logging.getLogger(__name__)

MAX_LISTED = 50
"""Articles and links an alert lists at most (the earliest ones)."""

DEFAULT_RETENTION = timedelta(days=90)
"""How long ``prune`` keeps detections (what backtests can replay) and reports by default."""


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


@dataclass(frozen=True, slots=True)
class _Match:
    """An event (or a denial, ``retraction``) of a detection that passed a rule's filters, and its group."""

    rule: Rule
    group: GroupKey
    event: Event
    detection: Detection
    retraction: bool


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
        by_lineage: dict[tuple[str, str], list[_Match]] = defaultdict(list)
        for rule in self._rules:
            for events, retraction in ((detection.events, False), (detection.retractions, True)):
                for event in events:
                    if rule.matches(detection, event, any_stage=retraction):
                        group = rule.group_of(detection, event)
                        by_lineage[(rule.name, group.lineage)].append(_Match(rule, group, event, detection, retraction))
        for rule_name, lineage in sorted(by_lineage):  # one lock order for every replica: no deadlock
            groups.lock(conn, rule_name, lineage)
            for match in by_lineage[(rule_name, lineage)]:
                if match.retraction:
                    self._retract(conn, outcome, match, now)
                else:
                    self._observe(conn, outcome, match, now)

    def _observe(self, conn: sa.Connection, outcome: _Outcome, match: _Match, now: datetime) -> None:
        """Record one report of a group; update its open alert, or let the rule judge whether it fires."""
        rule, group, article = match.rule, match.group, match.detection.article
        report = Report(
            article.id,
            article.source,
            report_time(match.detection, now),
            clean_fingerprint(article.fingerprint),
            article.url,
            article.title,
        )
        groups.touch(conn, rule.name, group, now)
        if not groups.record(conn, rule.name, group.key, report):
            return
        if rule.on_tick or not rule.is_fresh(match.detection, now):
            return
        current = groups.open_alert(conn, rule.name, group.key, now - rule.config.realert)
        if current is not None:
            self._follow_up(conn, outcome, rule, current, now, article.published)
            return
        history = History(load=partial(groups.reports, conn, rule.name, group.key), new=(report,))
        if rule.should_fire(history, now):
            self._fire(conn, outcome, rule, group, history, now, match)

    def _judge_quiet_group(
        self, conn: sa.Connection, outcome: _Outcome, rule: Rule, group: GroupKey, now: datetime
    ) -> None:
        """Fire a tick rule for ``group`` unless it has an open alert (under the lineage lock)."""
        groups.lock(conn, rule.name, group.lineage)
        if groups.open_alert(conn, rule.name, group.key, now - rule.config.realert) is not None:
            return
        history = History(load=partial(groups.reports, conn, rule.name, group.key))
        if rule.should_fire(history, now):
            self._fire(conn, outcome, rule, group, history, now, None)

    def _fire(
        self,
        conn: sa.Connection,
        outcome: _Outcome,
        rule: Rule,
        group: GroupKey,
        history: History,
        now: datetime,
        match: _Match | None,
    ) -> None:
        """Store a new alert for ``group`` and enqueue its first notice (``match``: the report that fired it)."""
        cfg = rule.config
        reports = history.between(now - rule.window, now)
        alert = Alert(
            alert_id=alert_id(rule.name, group.key, groups.next_sequence(conn, rule.name, group.key)),
            rule=rule.name,
            event_type=group.event_type,
            actors=group.actors,
            stage=group.stage,
            group_key=group.key,
            title=rule.title(group, reports),
            evidence=match.event.evidence if match else "",
            evidence_lang=match.detection.lang if match else None,
            from_=match.event.from_ if match else None,
            to=match.event.to if match else None,
            claimed_by=match.event.claimed_by if match else None,
            first_seen=min((r.reported_at for r in reports), default=now),
            fired_at=now,
            previous_alert_id=groups.previous(conn, rule.name, group, now - cfg.stage_lookback),
            **_listed(reports),
        )
        inhibited = groups.overtaken(conn, rule.name, group, now - cfg.realert)
        published = match.detection.article.published if match else None
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
        if not inhibited:
            groups.inhibit_earlier(conn, rule.name, group, now - cfg.realert)
        log.info("rule %s fired alert %s (%s, %d sources)", rule.name, alert.alert_id, status, len(alert.sources))

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
        listed = _listed(groups.reports(conn, rule.name, row.group_key, row.fired_at - rule.window, now))
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

    def _retract(self, conn: sa.Connection, outcome: _Outcome, match: _Match, now: datetime) -> None:
        """Mark the lineage's latest alert retracted and send a follow-up saying so (fresh denials only)."""
        rule, article = match.rule, match.detection.article
        if not rule.is_fresh(match.detection, now):
            return
        row = groups.retraction_target(conn, rule.name, match.group, now - rule.config.retract_within)
        if row is None:
            return
        alert = Alert.model_validate_json(row.payload)
        alert = alert.model_copy(
            update={
                "kind": "retraction",
                "revision": row.revision + 1,
                "evidence": match.event.evidence,
                "evidence_lang": match.detection.lang,
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
