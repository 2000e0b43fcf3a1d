"""Builders shared by the alert engine tests: configs, detections and small real receivers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from alerts.receivers.base import Delivered, Notice, Receiver
from alerts.state import alerts, deliveries
from veille.config import VeilleConfig
from veille.contracts import ArticleRef, Detection, EntityMention, Event
from veille.errors import PermanentError, TransientError

T0 = datetime(2024, 6, 18, 8, 0, tzinfo=UTC)


def rule(type: str = "threshold", **overrides: Any) -> dict[str, Any]:
    """A Russia–DPRK agreement rule (threshold: 2 sources in 6 h), notices due at once, with ``overrides``."""
    base: dict[str, Any] = {
        "name": "rus-prk",
        "type": type,
        "event_type": "agreement",
        "actors": ["RUS", "PRK"],
        "lateness": "0s",
    }
    if type == "threshold":
        base.update(min_count=2, window="6h")
    base.update(overrides)
    return base


def config(*rules: dict[str, Any], receivers: tuple[str, ...] = ("ops",), store_url: str | None = None) -> VeilleConfig:
    """A config with ``rules``, console receivers named ``receivers`` and the store at ``store_url``."""
    return VeilleConfig.model_validate(
        {
            "rules": list(rules),
            "receivers": [{"type": "console", "name": name} for name in receivers],
            "store": {"url": store_url},
        }
    )


def detection(
    article_id: str,
    source: str,
    *,
    stage: str | None = "announced",
    published: datetime | None = T0,
    actors: tuple[str, ...] = ("RUS", "PRK"),
    fingerprint: str | None = None,
    retraction: bool = False,
    event_type: str = "agreement",
    lang: str = "fr",
    tags: tuple[str, ...] = (),
    direction: tuple[str | None, str | None] = (None, None),
    claimed_by: str | None = None,
) -> Detection:
    """A detection of one ``event_type`` event (or retraction) by ``actors`` in article ``article_id``.

    ``direction`` is the event's (from, to); ``claimed_by`` who the report says says so.
    """
    article = ArticleRef(
        id=article_id,
        feed_id=source.lower(),
        source=source,
        url=f"https://{source.lower()}.example/{article_id}",
        title=f"Traité Russie–Corée du Nord ({article_id})",
        lang=lang,
        published=published,
        fetched_at=published or T0,
        fingerprint=fingerprint,
        tags=tags,
    )
    event = Event(
        type=event_type,
        actors=actors,
        stage=stage,
        evidence=f"evidence of {article_id}",
        from_=direction[0],
        to=direction[1],
        claimed_by=claimed_by,
    )
    return Detection(
        article=article,
        lang=lang,
        entities=tuple(EntityMention(id=actor, text=actor, start=0, end=3) for actor in actors),
        events=() if retraction else (event,),
        retractions=(event,) if retraction else (),
        processed_at=published or T0,
    )


def at(minutes: float) -> datetime:
    """``minutes`` after T0."""
    return T0 + timedelta(minutes=minutes)


def stored_alerts(engine: sa.Engine) -> list[sa.Row]:
    """Every stored alert, oldest first."""
    with engine.connect() as conn:
        return conn.execute(sa.select(alerts).order_by(alerts.c.fired_at, alerts.c.alert_id)).all()


def stored_deliveries(engine: sa.Engine) -> list[sa.Row]:
    """Every delivery row, in insertion order."""
    with engine.connect() as conn:
        return conn.execute(sa.select(deliveries).order_by(deliveries.c.id)).all()


class Recording(Receiver):
    """Accepts every notice and keeps it; its refs are ``<name>-<n>``."""

    def __init__(self, name: str = "ops") -> None:
        self.name = name
        self.notices: list[Notice] = []

    def send(self, notice: Notice) -> Delivered:
        self.notices.append(notice)
        return Delivered(ref=f"{self.name}-{len(self.notices)}")


class Flaky(Recording):
    """Fails the first ``failures`` attempts with a transient error (with ``retry_after``), then accepts."""

    def __init__(self, failures: int, retry_after: float | None = None, name: str = "ops") -> None:
        super().__init__(name)
        self.failures = failures
        self.retry_after = retry_after
        self.attempts = 0

    def send(self, notice: Notice) -> Delivered:
        self.attempts += 1
        if self.attempts <= self.failures:
            raise TransientError("HTTP 429 rate_limited", retry_after=self.retry_after)
        return super().send(notice)


class Rejecting(Receiver):
    """Refuses every notice for good, as Slack does for an invalid payload."""

    name = "ops"

    def send(self, notice: Notice) -> Delivered:
        raise PermanentError("HTTP 400 invalid_payload\nfrom hooks.slack.example")


class WorkerDied(BaseException):
    """Stands for the process dying in the middle of a send."""


class Dying(Receiver):
    """The worker dies while this receiver sends."""

    name = "ops"

    def send(self, notice: Notice) -> Delivered:
        raise WorkerDied
