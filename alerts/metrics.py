"""Prometheus metrics of the alerts worker, defined once (labels: rule names, receiver names, enums).

``init_labels`` pre-creates every label set at start-up so dashboards show zeros, not gaps.
"""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client import Counter, Gauge, Histogram

DELIVERY_OUTCOMES = ("sent", "retry", "failed")
ALERT_KINDS = ("new", "update", "retraction")
SILENCE_REASONS = ("silence", "inhibition")

DETECTIONS = Counter(
    "veille_alerts_detections_total",
    "Detections handled by the alert engine, by outcome (new, or replay skipped)",
    ["outcome"],
)
ALERTS = Counter("veille_alerts_fired_total", "Alert notices made, by rule and kind", ["rule", "kind"])
SILENCED = Counter(
    "veille_alerts_silenced_total",
    "Alert notices stored but not delivered, by rule and reason (silence or inhibition)",
    ["rule", "reason"],
)
DELIVERIES = Counter(
    "veille_alerts_deliveries_total", "Delivery attempts, by receiver and outcome", ["receiver", "outcome"]
)
DELIVERY_LATENCY = Histogram(
    "veille_alerts_delivery_latency_seconds",
    "From a notice entering the outbox to its receiver accepting it",
    ["receiver"],
    buckets=(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600),
)
END_TO_END_LATENCY = Histogram(
    "veille_alerts_end_to_end_latency_seconds",
    "From the publication of the article behind a notice to its receiver accepting it",
    ["receiver"],
    buckets=(10, 30, 60, 120, 300, 600, 1800, 3600, 3 * 3600, 6 * 3600, 24 * 3600),
)
PENDING = Gauge("veille_alerts_pending_deliveries", "Deliveries not yet sent or failed (pending or sending)")


def init_labels(rules: Iterable[str], receivers: Iterable[str]) -> None:
    """Create the label sets of the configured rules and receivers (call once at start-up)."""
    DETECTIONS.labels("new")
    DETECTIONS.labels("replay")
    for rule in rules:
        for kind in ALERT_KINDS:
            ALERTS.labels(rule, kind)
        for reason in SILENCE_REASONS:
            SILENCED.labels(rule, reason)
    for receiver in receivers:
        for outcome in DELIVERY_OUTCOMES:
            DELIVERIES.labels(receiver, outcome)
        DELIVERY_LATENCY.labels(receiver)
        END_TO_END_LATENCY.labels(receiver)
