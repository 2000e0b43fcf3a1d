"""Prometheus Alertmanager receiver: hand alerts to an Alertmanager so teams reuse its routing.

POSTs one alert to ``<url>/api/v2/alerts``. Labels identify the alert (an update re-posts the same
labels with fresh annotations, so Alertmanager keeps one alert); annotations carry the text::

    labels:      alertname=<rule>, veille_alert_id, event_type, stage, actors, + configured labels
    annotations: summary (the headline), description (the text template), title, evidence,
                 evidence_lang, sources, source_count, links, first_seen
    startsAt:    first_seen;  endsAt: fired_at + active_for, or fired_at for a retraction (resolved)

A test notice uses ``alertname=veille_test`` and resolves after five minutes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path

from alerts.receivers.base import Delivered, Notice, Receiver
from alerts.receivers.http import post_json
from alerts.render import Renderer, clip, one_line, safe_url
from veille.config.receivers import AlertmanagerReceiver
from veille.contracts import Alert

TEST_ACTIVE_FOR = timedelta(minutes=5)
MAX_ANNOTATION = 4000


def _iso(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


class Alertmanager(Receiver):
    """POST notices to the Alertmanager API v2 at ``base_url``."""

    def __init__(
        self,
        name: str,
        base_url: str,
        renderer: Renderer,
        active_for: timedelta = timedelta(hours=24),
        labels: Mapping[str, str] | None = None,
        generator_url: str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float = 10.0,
    ) -> None:
        self.name = name
        self.url = base_url.rstrip("/") + "/api/v2/alerts"
        self.renderer = renderer
        self.active_for = active_for
        self.labels = dict(labels or {})
        self.generator_url = generator_url
        self.headers = dict(headers or {})
        self.timeout = timeout

    @classmethod
    def from_config(cls, config: AlertmanagerReceiver, data_dir: Path, renderer: Renderer) -> Alertmanager:
        """The receiver for one ``type: alertmanager`` entry."""
        return cls(
            config.name,
            str(config.url),
            renderer,
            active_for=config.active_for,
            labels=config.labels,
            generator_url=str(config.generator_url) if config.generator_url else None,
            **config.http_options(),
        )

    def payload(self, alert: Alert) -> list[dict[str, object]]:
        """The request body for ``alert``: a list holding one postable alert."""
        labels = {
            **self.labels,
            "alertname": "veille_test" if alert.kind == "test" else alert.rule,
            "veille_alert_id": alert.alert_id,
            "event_type": alert.event_type,
            "actors": ",".join(alert.actors),
        }
        if alert.stage:
            labels["stage"] = alert.stage
        links = [u for u in (safe_url(link) for link in alert.links) if u]
        annotations = {
            "summary": self.renderer.render("headline", alert),
            "description": clip(self.renderer.render("text", alert), MAX_ANNOTATION),
            "title": clip(one_line(alert.title), MAX_ANNOTATION),
            "evidence": clip(one_line(alert.evidence), MAX_ANNOTATION),
            "evidence_lang": alert.evidence_lang or "",
            "sources": clip(", ".join(one_line(s) for s in alert.sources), MAX_ANNOTATION),
            "source_count": str(len(alert.sources)),
            "links": "\n".join(links[:20]),
            "first_seen": _iso(alert.first_seen),
            "kind": alert.kind,
        }
        if alert.kind == "retraction":
            ends = alert.fired_at
        else:
            ends = alert.fired_at + (TEST_ACTIVE_FOR if alert.kind == "test" else self.active_for)
        item: dict[str, object] = {
            "labels": labels,
            "annotations": {k: v for k, v in annotations.items() if v},
            "startsAt": _iso(alert.first_seen),
            "endsAt": _iso(max(ends, alert.first_seen)),
        }
        if self.generator_url:
            item["generatorURL"] = self.generator_url
        return [item]

    def send(self, notice: Notice) -> Delivered:
        """POST the alert; Alertmanager answers 200 with an empty body when it took it."""
        body = json.dumps(self.payload(notice.alert), ensure_ascii=False).encode("utf-8")
        answer = post_json(f"alertmanager {self.name}", self.url, body, self.headers, self.timeout)
        return Delivered(detail=f"HTTP {answer.status}")
