"""What a lineage's reports and denials amount to: its alerts and their notices, as a pure function.

The engine calls ``plan`` under the lineage lock with *every* report and denial stored for one
rule and lineage; the result depends only on that set, never on the order or the batches in
which the reports arrived (confluence). Time is event time: each report counts at its
publication time (``Report.reported_at``), and the rule is asked whether a group fires as of the
publication time of each fresh report, oldest first:

- a group fires at the first report time at which its rule says so; the alert lists the reports
  published up to then; its id is the rule, the group and how many alerts the group fired before;
- later reports within ``realert`` of the firing are follow-ups: an ``update`` at the time a new
  independent source joins (with ``follow_ups``, at most ``max_follow_ups``);
- stages: an alert whose firing time falls within the period of a more advanced stage's alert is
  ``inhibited`` (stored, not sent); an alert stops sending follow-ups once a more advanced stage
  fired; a new stage refers to the latest earlier-stage alert (``previous_alert_id``);
- denials: a denial counts against an alert when it was published between the alert's first
  report and ``retract_within`` after its firing, denies the alert's stage or a more advanced
  one (or the event as a whole), and does not plainly name another object ("military pact"
  against a "partnership treaty"). When ``retract_min_count`` (default: the rule's ``min_count``)
  distinct outlets deny it (syndicated copies once), a ``retraction`` follows; fewer send a
  ``disputed`` update if the rule opts in (``notify_disputed``). Nothing follows a retraction.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from alerts.rules.base import GroupKey, History, Report, Rule, count_independent
from veille.contracts import Alert, Cited

MAX_LISTED = 50
"""Articles, links and cited reports an alert lists at most (the earliest ones)."""

_KIND_ORDER = {"new": 0, "update": 1, "disputed": 2, "retraction": 3}
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Denial:
    """A report that denies an event of the lineage: ``stage`` denied (None: the whole event)."""

    report: Report
    stage: str | None


@dataclass(frozen=True, slots=True)
class Stages:
    """The stage order of the rule's event type (higher rank: more advanced) and its trigger words."""

    ranks: dict[str, int]
    triggers: frozenset[str] = frozenset()

    def rank(self, stage: str | None) -> int:
        """The rank of ``stage``; -1 for none or a stage the event type does not list."""
        return self.ranks.get(stage, -1) if stage is not None else -1


@dataclass
class PlannedAlert:
    """One alert a lineage's reports fire, with its notices in revision order (the last is its state)."""

    alert_id: str
    group: GroupKey
    fired_at: datetime
    status: str
    notices: list[Alert] = field(default_factory=list)
    times: list[datetime] = field(default_factory=list)
    """The event time of each notice: when the report that made it was published."""
    overtaken: bool = False
    """Whether a more advanced stage fired after it (it sends no more follow-ups)."""
    state: Alert | None = None
    """The latest notice with every report of the alert's period listed (what ``veille alerts list`` shows)."""

    @property
    def retracted(self) -> bool:
        """Whether a retraction notice ends it."""
        return any(n.kind == "retraction" for n in self.notices)


def alert_id(rule: str, group_key: str, sequence: int) -> str:
    """The deterministic id of the ``sequence``-th alert (from 0) of a group."""
    digest = hashlib.sha256(group_key.encode("utf-8")).hexdigest()[:16]
    return f"{rule}:{digest}:{sequence}"


def _ordered(reports: Iterable[Report]) -> list[Report]:
    return sorted(reports, key=lambda r: (r.reported_at, r.article_id))


@functools.lru_cache(maxsize=8192)
def _cite(report: Report) -> Cited:
    """The citation of ``report`` (immutable, so shared: every judgement re-lists a lineage's reports)."""
    return Cited(source=report.source, title=report.title, lang=report.lang, url=report.url)


def listed(reports: Sequence[Report]) -> dict[str, tuple]:
    """The sources, article ids, links and cited reports an alert shows for ``reports``."""
    ordered = _ordered(reports)
    links = dict.fromkeys(r.url for r in ordered if r.url)
    return {
        "sources": tuple(dict.fromkeys(r.source for r in ordered)),
        "article_ids": tuple(dict.fromkeys(r.article_id for r in ordered))[:MAX_LISTED],
        "links": tuple(links)[:MAX_LISTED],
        "reports": tuple(_cite(r) for r in ordered[:MAX_LISTED]),
    }


def modifiers(obj: str, triggers: frozenset[str]) -> frozenset[str]:
    """The words of an event's object that tell it apart ("military" in "military pact")."""
    words = [w.lower() for w in _WORD.findall(obj)]
    if not triggers:  # no lexicon at hand: the last word is the head noun
        return frozenset(words[:-1])
    return frozenset(w for w in words if w not in triggers)


def compatible(denied: str, confirmed: Iterable[str], triggers: frozenset[str]) -> bool:
    """False when the denial plainly names another object than every confirming report does."""
    own = modifiers(denied, triggers)
    named = [m for m in (modifiers(c, triggers) for c in confirmed) if m]
    return not own or not named or any(own & m for m in named)


def _fire_times(rule: Rule, reports: list[Report]) -> list[datetime]:
    """When the group fires: event times of fresh reports at which the rule says so, per realert period."""
    fired: list[datetime] = []

    def load(start: datetime, end: datetime) -> list[Report]:
        return [r for r in reports if start <= r.reported_at <= end]

    for t in sorted({r.reported_at for r in reports if r.fresh}):
        if fired and t < fired[-1] + rule.config.realert:
            continue
        new = tuple(r for r in reports if r.reported_at == t)
        if rule.should_fire(History(load=load, new=new), t):
            fired.append(t)
    return fired


def plan(
    rule: Rule, reports: Sequence[Report], groups: dict[str, GroupKey], denials: Sequence[Denial], stages: Stages
) -> list[PlannedAlert]:
    """The alerts and notices of one lineage of ``rule``; ``reports`` carry their group key in ``groups``.

    ``groups`` maps each report's article id to its group (one lineage). Pure: same inputs, same output.
    """
    by_group: dict[str, list[Report]] = {}
    keys: dict[str, GroupKey] = {}
    for report in _ordered(reports):
        group = groups[report.article_id]
        by_group.setdefault(group.key, []).append(report)
        keys[group.key] = group
    planned: list[tuple[PlannedAlert, list[Report]]] = []
    for key in sorted(by_group):
        for sequence, fired in enumerate(_fire_times(rule, by_group[key])):
            alert = PlannedAlert(alert_id(rule.name, key, sequence), keys[key], fired, "active")
            planned.append((alert, by_group[key]))
    lineage = [a for a, _ in planned]
    for alert in lineage:
        rank = stages.rank(alert.group.stage)
        advanced = [a for a in lineage if rank >= 0 and stages.rank(a.group.stage) > rank]
        if any(a.fired_at <= alert.fired_at < a.fired_at + rule.config.realert for a in advanced):
            alert.status = "inhibited"
        alert.overtaken = any(a.fired_at > alert.fired_at for a in advanced)
    for alert, group_reports in planned:
        _notices(rule, alert, group_reports, lineage, denials, stages)
    return lineage


def _notices(
    rule: Rule,
    alert: PlannedAlert,
    reports: list[Report],
    lineage: list[PlannedAlert],
    denials: Sequence[Denial],
    stages: Stages,
) -> None:
    """Fill ``alert.notices`` from its group's reports, its lineage (statuses known) and the denials."""
    cfg, f = rule.config, alert.fired_at
    rank = stages.rank(alert.group.stage)
    advanced = [a for a in lineage if rank >= 0 and stages.rank(a.group.stage) > rank]
    overtaken = min((a.fired_at for a in advanced if a.fired_at > f), default=None)
    earlier = [
        a
        for a in lineage
        if a.status == "active" and 0 <= stages.rank(a.group.stage) < rank and f - cfg.stage_lookback <= a.fired_at <= f
    ]
    previous = max(earlier, key=lambda a: (a.fired_at, a.alert_id)).alert_id if earlier else None
    start = f - rule.window
    at_fire = [r for r in reports if start <= r.reported_at <= f]
    first = min((r for r in at_fire if r.reported_at == f), key=lambda r: r.article_id)
    base = Alert(
        alert_id=alert.alert_id,
        rule=rule.name,
        event_type=alert.group.event_type,
        actors=alert.group.actors,
        stage=alert.group.stage,
        group_key=alert.group.key,
        title=rule.title(alert.group, _ordered(at_fire)),
        evidence=first.evidence,
        evidence_lang=first.lang,
        evidence_source=first.source,
        first_seen=min(r.reported_at for r in at_fire),
        fired_at=f,
        from_=first.from_,
        to=first.to,
        claimed_by=first.claimed_by,
        previous_alert_id=previous,
        **listed(at_fire),
    )
    alert.notices.append(base)
    alert.times.append(f)
    end = f + cfg.realert
    in_period = [r for r in reports if start <= r.reported_at < end]
    alert.state = base.model_copy(update=listed(in_period))
    if alert.status == "inhibited":
        return
    steps: list[tuple[datetime, str, int]] = []  # (event time, kind, denying outlets)
    if cfg.follow_ups:
        counted = count_independent(at_fire, "sources", None)
        for t in sorted({r.reported_at for r in reports if r.fresh and f < r.reported_at < end}):
            if overtaken is not None and t >= overtaken:
                break
            now = count_independent([r for r in reports if start <= r.reported_at <= t], "sources", None)
            if now > counted:
                steps.append((t, "update", 0))
                counted = now
    against = _denials_against(rule, base, reports, denials, stages)
    need = cfg.retract_min_count or getattr(cfg, "min_count", 1)
    bits = cfg.syndication_bits if getattr(cfg, "dedup_syndicated", False) else None
    denied = 0
    for t in sorted({d.reported_at for d in against}):
        count = count_independent([d for d in against if d.reported_at <= t], "sources", bits)
        if count >= need:
            steps.append((max(t, f), "retraction", count))
            break
        if count > denied and cfg.notify_disputed:
            steps.append((max(t, f), "disputed", count))
        denied = count
    steps.sort(key=lambda s: (s[0], _KIND_ORDER[s[1]]))
    updates = 0
    for t, kind, _ in steps:
        if kind == "update":
            if updates >= cfg.max_follow_ups:
                continue
            updates += 1
        shown = [r for r in reports if start <= r.reported_at <= max(t, f)]
        cited = [d for d in against if d.reported_at <= t]
        extra: dict[str, object] = {}
        if kind != "update":
            last = max(cited, key=lambda r: (r.reported_at, r.article_id))
            extra = {
                "evidence": last.evidence,
                "evidence_lang": last.lang,
                "evidence_source": last.source,
                "denied_by": tuple(dict.fromkeys(r.source for r in _ordered(cited))),
                "denials": tuple(_cite(r) for r in _ordered(cited)[:MAX_LISTED]),
            }
        alert.notices.append(
            base.model_copy(update={"kind": kind, "revision": len(alert.notices), **listed(shown), **extra})
        )
        alert.times.append(t)
        if kind == "retraction":
            break
    latest = alert.notices[-1]
    shown = [r for r in in_period if r.reported_at <= alert.times[-1]] if latest.kind == "retraction" else in_period
    alert.state = latest.model_copy(update=listed(shown))


def _denials_against(
    rule: Rule, alert: Alert, reports: list[Report], denials: Sequence[Denial], stages: Stages
) -> list[Report]:
    """The fresh denials that count against ``alert`` (published in its span, its stage or beyond, same object)."""
    rank = stages.rank(alert.stage)
    until = alert.fired_at + rule.config.retract_within
    objects = [r.object for r in reports if r.reported_at <= alert.fired_at]
    return [
        d.report
        for d in sorted(denials, key=lambda d: (d.report.reported_at, d.report.article_id))
        if d.report.fresh
        and alert.first_seen <= d.report.reported_at <= until
        and (d.stage is None or d.stage == alert.stage or stages.rank(d.stage) >= rank >= 0)
        and compatible(d.report.object, objects, stages.triggers)
    ]
