"""``veille extract``: JSON lines of articles on stdin, one JSON line of findings per article on stdout.

Input, one object per line: ``{"id", "title", "summary"}`` plus optional ``"lang"``, ``"url"``,
``"source"``, ``"published"`` (ISO 8601). Output, one line per input line, in order::

    {"id", "lang", "entities": [{"id", "text", "start", "end"}],
     "events": [{"type", "actors", "stage", "evidence", "trigger", "confidence"}],
     "retractions": [... same shape as events ...]}

Offsets index the title and summary joined by a blank line. A malformed line gets one line on
stderr (``line N: what is wrong``) and no output line; the other lines still go through. Fields
outside the contract are ignored (a labelled corpus can be piped as it is). A title or summary
longer than the Article contract allows (``veille.contracts.TITLE_MAX`` / ``SUMMARY_MAX``) is cut
to fit, as ingest does, and the extractor analyses only the start of the text (headline and lead
first; see ``process.extractor.ANALYSED_MAX``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import islice
from typing import Any, TextIO

from pydantic import ValidationError

from process.extractor import Extractor
from veille.config import VeilleConfig
from veille.contracts import SUMMARY_MAX, TITLE_MAX, Article, Detection, Event

log = logging.getLogger(__name__)

BATCH = 64


def run_extract(config: VeilleConfig, stdin: TextIO, stdout: TextIO, stderr: TextIO, prefilter: bool = True) -> int:
    """Run the extract contract over ``stdin``; return 0 when every line was valid, else 1.

    ``prefilter=False`` sends every article through spaCy (measurement only; same output expected).
    """
    extractor = Extractor.from_config(config, prefilter=prefilter)
    failures = 0
    lines = _numbered(stdin)
    while batch := list(islice(lines, BATCH)):
        articles: list[Article] = []
        for number, line in batch:
            try:
                articles.append(parse_line(line))
            except ValueError as exc:
                failures += 1
                stderr.write(f"line {number}: {exc}\n")
        for detection in extractor.extract(articles):
            stdout.write(json.dumps(render(detection), ensure_ascii=False) + "\n")
        stdout.flush()
    return 1 if failures else 0


def _numbered(stream: TextIO) -> Iterator[tuple[int, str]]:
    """Non-blank lines with their 1-based line numbers."""
    for number, line in enumerate(stream, start=1):
        if line.strip():
            yield number, line


def parse_line(line: str) -> Article:
    """The Article of one input line; ValueError with a one-line reason when it is not one."""
    try:
        line.encode("utf-8")
    except UnicodeEncodeError as exc:  # undecodable bytes, kept as surrogates by the CLI's stdin
        raise ValueError(f"not UTF-8 text (at column {exc.start + 1})") from None
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(raw, dict):
        raise ValueError(f"expected a JSON object, got {type(raw).__name__}")
    for name in ("id", "title", "summary"):
        if name not in raw:
            raise ValueError(f"missing field {name!r}")
    for name in ("id", "title", "summary", "lang", "url", "source"):
        if raw.get(name) is not None and not isinstance(raw[name], str):
            raise ValueError(f"field {name!r} must be a string")
    try:
        return Article(
            id=raw["id"],
            feed_id="extract",
            source=raw.get("source") or "extract",
            url=raw.get("url"),
            title=raw["title"][:TITLE_MAX],
            summary=raw["summary"][:SUMMARY_MAX],
            lang=raw.get("lang"),
            published=raw.get("published"),
            fetched_at=datetime.now(UTC),
        )
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in error["loc"])
        raise ValueError(f"field {where!r}: {error['msg']}") from None


def render(detection: Detection) -> dict[str, Any]:
    """The output object of one detection."""
    return {
        "id": detection.article.id,
        "lang": detection.lang,
        "entities": [{"id": e.id, "text": e.text, "start": e.start, "end": e.end} for e in detection.entities],
        "events": [_event(e) for e in detection.events],
        "retractions": [_event(e) for e in detection.retractions],
    }


def _event(event: Event) -> dict[str, Any]:
    return {
        "type": event.type,
        "actors": list(event.actors),
        "stage": event.stage,
        "evidence": event.evidence,
        "trigger": event.trigger,
        "confidence": event.confidence,
    }
