"""Config section ``rules``: when detections become alerts.

Owned by the alerting work (alerts/rules, alerts/engine). One model per rule type, joined in a
discriminated union on ``type`` so that a YAML error names the rule and the field. Every rule shares
the filters and grouping of ``RuleBase``; the type adds when a group fires:

- ``any``: the first matching report fires;
- ``threshold``: at least ``min_count`` distinct sources (or articles) within ``window``;
- ``first_seen``: a group not reported within ``lookback`` before this report;
- ``spike``: the rate within ``window`` is ``factor`` times the rate over the ``baseline`` before it;
- ``flatline``: fewer than ``min_count`` reports within ``window`` for a group seen before (checked
  on every tick of the engine, not on reports).

Example::

    rules:
      - name: rus-prk-agreement
        type: threshold
        event_type: agreement
        actors: [RUS, PRK]
        min_count: 2
        window: 6h
        dedup_syndicated: true       # a wire story copied by several outlets counts once
        realert: 24h                 # one alert per group (event, actors, stage) per day
        follow_ups: true             # threaded "now 5 sources" updates (default: off)
        receivers: [slack-ops, mail-analysts]

A new stage (announced → signed → ratified → in_force) is a new alert referring to the previous
one and inhibiting it; denials (detection retractions) from ``retract_min_count`` distinct outlets
(default ``min_count``) send a ``retraction`` follow-up (see docs/ALERTING.md).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Literal

from pydantic import Field, model_validator

from veille.config.base import Duration, Section
from veille.contracts import Stage

GroupField = Literal["event_type", "actors", "stage", "source", "lang"]
"""What a rule may group reports by: one alert per distinct combination per realert period."""


class RuleBase(Section):
    """Filters, grouping and alert-fatigue settings shared by every rule type.

    Filters: an event matches when it has ``event_type``, every one of ``actors`` among its parties,
    a stage in ``stages`` (any when empty), and its article is in one of ``languages``, from one of
    ``sources``, carries one of ``tags`` (each: any when empty) and mentions every one of ``entities``.
    """

    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
    event_type: str
    actors: tuple[str, ...] = Field((), description="watchlist ids that must all be parties of the event")
    stages: tuple[Stage, ...] = Field((), description="stages that match (empty: any stage, or none)")
    entities: tuple[str, ...] = Field((), description="watchlist ids the article must all mention")
    languages: tuple[str, ...] = ()
    sources: tuple[str, ...] = Field((), description="outlets (Article.source) that match; empty: all")
    tags: tuple[str, ...] = Field((), description="feed tags of which the article must carry one; empty: all")
    group_by: tuple[GroupField, ...] = ("event_type", "actors", "stage")
    realert: Duration = Field(timedelta(hours=24), description="one alert per group within this period")
    max_age: Duration = Field(timedelta(hours=48), description="reports published earlier never fire")
    follow_ups: bool = Field(False, description="send a threaded update when a new source joins the alert")
    max_follow_ups: int = Field(10, ge=0, description="updates per alert at most (then only stored)")
    stage_lookback: Duration = Field(
        timedelta(days=30), description="how far back a new stage looks for the alert it follows"
    )
    retract_within: Duration = Field(timedelta(days=7), description="how old an alert a retraction may still retract")
    retract_min_count: int | None = Field(
        None, ge=1, description="distinct outlets that must deny an alert to retract it (default: min_count, else 1)"
    )
    notify_disputed: bool = Field(False, description="send a threaded 'disputed by N outlets' update below that")
    lateness: Duration = Field(
        timedelta(0),
        description="each notice waits until its event time plus this, for reports published earlier that arrive late",
    )
    receivers: tuple[str, ...] = Field((), description="receiver names; empty: every configured receiver")

    @model_validator(mode="after")
    def _distinct_group_fields(self) -> RuleBase:
        if len(set(self.group_by)) != len(self.group_by):
            raise ValueError("group_by: a field is listed twice")
        return self


class AnyRule(RuleBase):
    """Fire on the first matching report of a group."""

    type: Literal["any"]


class ThresholdRule(RuleBase):
    """Fire when at least ``min_count`` distinct sources (or articles) report the group within ``window``.

    With ``dedup_syndicated`` a wire story copied by several outlets counts once: articles whose
    fingerprints differ in at most ``syndication_bits`` bits are one report, credited to the outlet
    that published it first.
    """

    type: Literal["threshold"]
    count: Literal["sources", "articles"] = "sources"
    min_count: int = Field(2, ge=1)
    window: Duration = timedelta(hours=6)
    dedup_syndicated: bool = False
    syndication_bits: int = Field(10, ge=0, le=32)


class FirstSeenRule(RuleBase):
    """Fire when a group is reported for the first time within ``lookback``."""

    type: Literal["first_seen"]
    lookback: Duration = timedelta(days=30)


class SpikeRule(RuleBase):
    """Fire when reports within ``window`` reach ``min_count`` and ``factor`` times the baseline rate.

    The baseline rate is the count over ``baseline`` just before the window, per unit of time.
    """

    type: Literal["spike"]
    count: Literal["sources", "articles"] = "articles"
    window: Duration = timedelta(hours=1)
    baseline: Duration = timedelta(days=7)
    factor: float = Field(3.0, gt=1.0)
    min_count: int = Field(3, ge=1)


class FlatlineRule(RuleBase):
    """Fire when a group reported within ``lookback`` has fewer than ``min_count`` reports in ``window``.

    Typical use: ``group_by: [source]`` with ``sources: [...]`` to learn that a watched outlet went
    silent. A group is judged only once it has been known for a whole window.
    """

    type: Literal["flatline"]
    count: Literal["sources", "articles"] = "articles"
    min_count: int = Field(1, ge=1)
    window: Duration = timedelta(hours=6)
    lookback: Duration = timedelta(days=7)
    group_by: tuple[GroupField, ...] = ("source",)
    follow_ups: bool = False


RuleConfig = Annotated[
    AnyRule | ThresholdRule | FirstSeenRule | SpikeRule | FlatlineRule,
    Field(discriminator="type"),
]


class RuleFile(Section):
    """A stand-alone rule file (for ``veille rules backtest``): ``rules:`` and nothing else."""

    rules: tuple[RuleConfig, ...]

    @model_validator(mode="after")
    def _some_rules_with_unique_names(self) -> RuleFile:
        if not self.rules:
            raise ValueError("rules: the file holds no rule")
        names = [rule.name for rule in self.rules]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"rules: duplicate name {', '.join(duplicates)}")
        return self
