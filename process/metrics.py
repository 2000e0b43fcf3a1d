"""Metrics of the process worker (module-level, bounded labels)."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

ARTICLES = Counter("veille_process_articles_total", "Articles the process worker extracted", ["lang"])
DETECTIONS = Counter("veille_process_detections_total", "Detections produced, by whether they hold an event", ["kind"])
EVENTS = Counter("veille_process_events_total", "Events found, by event type and stage", ["type", "stage"])
EXTRACT_SECONDS = Histogram(
    "veille_process_extract_seconds",
    "Time to extract one batch of articles",
    buckets=(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)

LANGS = ("fr", "en", "other")

for _lang in LANGS:
    ARTICLES.labels(_lang)
for _kind in ("event", "entities_only", "none"):
    DETECTIONS.labels(_kind)
