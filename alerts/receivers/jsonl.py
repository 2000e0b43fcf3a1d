"""JSONL receiver: one JSON line per delivered notice, appended to a file.

Each line is written with a single ``write`` on a descriptor opened with ``O_APPEND``, so lines
from several processes never interleave; ``fsync`` follows (unless disabled) before the delivery
counts as done. A relative path lives in the data directory. The line holds the Alert fields
(``alert_id, kind, revision, rule, event_type, actors, stage, sources, article_ids, links,
first_seen, fired_at, title`` …) plus ``receiver`` and ``idempotency_key`` so readers can drop a
line repeated after a crash between the write and the outbox bookkeeping.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from alerts.receivers.base import Delivered, Notice, Receiver
from alerts.render import Renderer
from veille.config.receivers import JsonlReceiver
from veille.contracts import Alert
from veille.errors import PermanentError, TransientError


def alert_record(alert: Alert) -> dict[str, object]:
    """The Alert as a JSON-ready dict (times in ISO 8601 UTC), without the wire schema version."""
    record = alert.model_dump(mode="json")
    record.pop("schema_version", None)
    return record


class JsonlFile(Receiver):
    """Append notices to ``path`` as JSON lines."""

    def __init__(self, name: str, path: Path, fsync: bool = True) -> None:
        self.name = name
        self.path = path
        self.fsync = fsync

    @classmethod
    def from_config(cls, config: JsonlReceiver, data_dir: Path, renderer: Renderer) -> JsonlFile:
        """The receiver for one ``type: jsonl`` entry (relative ``path``: under ``data_dir``)."""
        return cls(config.name, data_dir / config.path, config.fsync)

    def send(self, notice: Notice) -> Delivered:
        """Append one line; a full disk is transient, a missing permission permanent."""
        record = {**alert_record(notice.alert), "receiver": self.name, "idempotency_key": notice.idempotency_key}
        line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        except PermissionError as exc:
            raise PermanentError(f"jsonl {self.name}: cannot open {self.path}: {exc.strerror}") from None
        except OSError as exc:
            raise TransientError(f"jsonl {self.name}: cannot open {self.path}: {exc.strerror}") from None
        try:
            written = os.write(fd, line)
            if written != len(line):
                raise TransientError(f"jsonl {self.name}: short write to {self.path} ({written}/{len(line)} bytes)")
            if self.fsync:
                os.fsync(fd)
        except OSError as exc:
            raise TransientError(f"jsonl {self.name}: cannot write {self.path}: {exc.strerror}") from None
        finally:
            os.close(fd)
        return Delivered(detail=f"appended to {self.path}")
