"""What every rule type shares: matching a detection's events, grouping them, counting independent reports.

A rule type is a subclass of ``Rule`` that decides, for one group, whether the reports it holds
fire an alert (``should_fire``). The engine calls it under the group's lock with the group's
``History``; the rule never touches SQL or time itself, so the same code serves live alerts and
backtests.

Example (a rule type that fires on the third article of a group)::

    class Third(Rule):
        def should_fire(self, history: History, now: datetime) -> bool:
            return len(history.between(now - self.config.max_age, now)) >= 3
"""

from __future__ import annotations

import json
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import ClassVar, Literal

from veille.config.rules import RuleBase
from veille.contracts import STAGES, Detection, Event
from veille.fingerprint import hamming

_FINGERPRINT = re.compile(r"[0-9a-f]{16}")
_EMPTY_TEXT_FINGERPRINT = "0" * 16
_MAX_KEY_VALUE = 200  # feed-supplied values in a group key: keeps keys within index limits


@dataclass(frozen=True, slots=True)
class Report:
    """One article reporting the event of a group, as rules see it (one row of ``alert_observations``)."""

    article_id: str
    source: str
    reported_at: datetime
    fingerprint: str | None = None
    url: str | None = None
    title: str = ""
    lang: str | None = None
    evidence: str = ""
    object: str = ""
    fresh: bool = True
    stage: str | None = None
    from_: str | None = None
    to: str | None = None
    claimed_by: str | None = None


@dataclass(frozen=True, slots=True)
class GroupKey:
    """Which group an event falls in: ``key`` names the group, ``lineage`` the same group at any stage."""

    key: str
    lineage: str
    event_type: str
    actors: tuple[str, ...]
    stage: str | None


@dataclass(frozen=True, slots=True)
class History:
    """The reports of one group: ``between(start, end)`` loads them; ``new`` are the ones just recorded."""

    load: Callable[[datetime, datetime], Sequence[Report]]
    new: tuple[Report, ...] = ()

    def between(self, start: datetime, end: datetime) -> list[Report]:
        """Reports with ``start <= reported_at <= end``, oldest first."""
        return list(self.load(start, end))


def clean_fingerprint(value: str | None) -> str | None:
    """``value`` if it is a usable 64-bit fingerprint, else None (the empty text's hash says nothing)."""
    if value is None:
        return None
    value = value.lower()
    if not _FINGERPRINT.fullmatch(value) or value == _EMPTY_TEXT_FINGERPRINT:
        return None
    return value


def report_time(detection: Detection, now: datetime) -> datetime:
    """When the article reported its news (its event time): its publication date, else when it was
    fetched; never later than the fetch (a future date) nor than ``now``. Fixed per article, so the
    same report counts at the same time whatever order or batch it arrives in."""
    article = detection.article
    published = article.published if article.published is not None else article.fetched_at
    return min(published, article.fetched_at, now)


def stage_rank(stage: str | None) -> int:
    """The position of ``stage`` in announced → signed → ratified → in_force (-1 for none or unknown)."""
    return STAGES.index(stage) if stage in STAGES else -1  # type: ignore[arg-type]  # any str may be asked


def _direction_matches(cfg: RuleBase, event: Event) -> bool:
    """The rule's ``from``/``to`` and claimant filters; a ``confirmed`` stage may need a party's word."""
    if cfg.from_ is not None and event.from_ != cfg.from_:
        return False
    if cfg.to is not None and event.to != cfg.to:
        return False
    if cfg.claimed_by and event.claimed_by not in cfg.claimed_by:
        return False
    return not (cfg.confirmed_by_party and event.stage == "confirmed" and event.claimed_by not in event.actors)


def count_independent(
    reports: Sequence[Report], unit: Literal["sources", "articles"], syndication_bits: int | None
) -> int:
    """How many independent sources (or articles) ``reports`` hold.

    With ``syndication_bits`` set, articles whose fingerprints are within that many bits of each
    other are one story, credited to the outlet that reported it first (``reports`` oldest first).
    """
    if syndication_bits is None:
        if unit == "articles":
            return len({r.article_id for r in reports})
        return len({r.source for r in reports})
    stories: list[tuple[str, str | None]] = []  # (first outlet, fingerprint) per distinct story
    for report in sorted(reports, key=lambda r: r.reported_at):
        fingerprint = report.fingerprint
        if fingerprint is not None and any(
            other is not None and hamming(fingerprint, other) <= syndication_bits for _, other in stories
        ):
            continue
        stories.append((report.source, fingerprint))
    if unit == "articles":
        return len(stories)
    return len({outlet for outlet, _ in stories})


class Rule(ABC):
    """One configured rule: filters events, groups them, and (in subclasses) decides when a group fires.

    ``on_tick`` rules (flatline) are judged on every engine tick for the groups they know, instead
    of when a report arrives. Subclasses implement ``should_fire``; it must be a pure function of
    the history and ``now`` and must not raise.
    """

    on_tick: ClassVar[bool] = False

    def __init__(self, config: RuleBase) -> None:
        self.config = config

    @property
    def name(self) -> str:
        """The rule's configured name."""
        return self.config.name

    @property
    def window(self) -> timedelta:
        """How far back the reports that make an alert (its sources and articles) reach; types narrow it."""
        return self.config.max_age

    @property
    def lookback(self) -> timedelta:
        """How far back ``should_fire`` reads a group's reports; types that look further extend it."""
        return self.window

    @property
    def history(self) -> timedelta:
        """How long this rule needs reports kept: its lookback, and its window past a realert period."""
        return max(self.lookback, self.window + self.config.realert)

    @property
    def judged_after(self) -> timedelta:
        """For ``on_tick`` rules: how long a group must have been known before a tick judges it."""
        return timedelta(0)

    def matches(self, detection: Detection, event: Event, any_stage: bool = False) -> bool:
        """Whether ``event`` of ``detection`` passes this rule's filters (``any_stage``: for retractions)."""
        cfg = self.config
        article = detection.article
        return (
            event.type == cfg.event_type
            and set(cfg.actors) <= set(event.actors)
            and (any_stage or not cfg.stages or event.stage in cfg.stages)
            and (not cfg.languages or detection.lang in cfg.languages)
            and (not cfg.sources or article.source in cfg.sources)
            and (not cfg.tags or bool(set(cfg.tags) & set(article.tags)))
            and set(cfg.entities) <= {mention.id for mention in detection.entities}
            and _direction_matches(cfg, event)
        )

    def is_fresh(self, detection: Detection, now: datetime) -> bool:
        """False for old news: an article published more than ``max_age`` before ``now`` never fires."""
        return report_time(detection, now) >= now - self.config.max_age

    def group_of(self, detection: Detection, event: Event) -> GroupKey:
        """The group ``event`` falls in, by the rule's ``group_by`` fields."""
        values: dict[str, object] = {
            "event_type": event.type,
            "actors": list(event.actors),
            "stage": event.stage,
            "source": detection.article.source[:_MAX_KEY_VALUE],
            "lang": detection.lang[:_MAX_KEY_VALUE],
        }
        chosen = {field: values[field] for field in self.config.group_by}
        lineage = {field: value for field, value in chosen.items() if field != "stage"}
        return GroupKey(
            key=json.dumps(chosen, sort_keys=True, ensure_ascii=False),
            lineage=json.dumps(lineage, sort_keys=True, ensure_ascii=False),
            event_type=event.type,
            actors=event.actors if "actors" in chosen else tuple(self.config.actors),
            stage=event.stage if "stage" in chosen else None,
        )

    def title(self, group: GroupKey, reports: Sequence[Report]) -> str:
        """The alert's headline: the first report's title, else what the group is about."""
        for report in reports:
            if report.title.strip():
                return report.title
        stage = f" ({group.stage})" if group.stage else ""
        return f"{group.event_type}: {', '.join(group.actors)}{stage}"

    @abstractmethod
    def should_fire(self, history: History, now: datetime) -> bool:
        """Whether the group with ``history`` fires an alert at ``now`` (no alert is open for it)."""
