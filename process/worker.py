"""The process worker: Articles in, Detections out, through the shared stage runner.

Every article yields one Detection (possibly empty), keyed by article id: downstream rules such
as ``flatline`` and ``spike`` need the whole stream, not only the hits. The extractor is built
once per process; replicas share the ``articles`` partitions through the consumer group
``<prefix>.process``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from process.extractor import Extractor
from process.metrics import ARTICLES, DETECTIONS, EVENTS, EXTRACT_SECONDS, LANGS
from veille.bus import Bus
from veille.config import VeilleConfig
from veille.contracts import Article, Contract, Detection
from veille.runner import Handler, Outgoing, StageRunner


def make_handler(config: VeilleConfig, extractor: Extractor | None = None) -> Handler:
    """The batch handler: extract every article, one Detection each, keyed by article id."""
    extractor = extractor or Extractor.from_config(config)
    topic = config.topic("detections")

    def handle(messages: Sequence[Contract]) -> list[Outgoing]:
        articles = [m for m in messages if isinstance(m, Article)]
        started = time.perf_counter()
        detections = extractor.extract(articles)
        EXTRACT_SECONDS.observe(time.perf_counter() - started)
        for detection in detections:
            _count(detection)
        return [Outgoing(topic, d.article_id, d) for d in detections]

    return handle


def _count(detection: Detection) -> None:
    ARTICLES.labels(detection.lang if detection.lang in LANGS else "other").inc()
    kind = "event" if detection.events else "entities_only" if detection.entities else "none"
    DETECTIONS.labels(kind).inc()
    for event in detection.events:
        EVENTS.labels(event.type, event.stage or "none").inc()


def make_runner(config: VeilleConfig, bus: Bus) -> StageRunner:
    """The process stage: consumes ``articles`` in group ``<prefix>.process``."""
    return StageRunner(
        "process",
        bus,
        group_id=f"{config.kafka.topic_prefix}.process",
        source_topic=config.topic("articles"),
        model=Article,
        handler=make_handler(config),
        dlq_topic=config.topic("dlq"),
        batch_size=64,
    )
