"""Skip bodies that did not change, even from servers that ignore conditional GET.

Many servers send neither ETag nor Last-Modified (or ignore them) and return the same bytes on
every poll. ``feed_bodies`` keeps, per feed, a hash of the last body whose new articles were all
published; a poll whose body has that hash is "unchanged" and is neither parsed nor normalised.
The hash is saved at the same moment as the validators (see ``ingest.poller``), so a body whose
articles never reached Kafka is parsed again on the next poll, never skipped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from veille.store import UtcDateTime, ensure_tables, metadata

feed_bodies = sa.Table(
    "feed_bodies",
    metadata,
    sa.Column("feed_id", sa.String(64), primary_key=True),
    sa.Column("body_hash", sa.String(64), nullable=False),
    sa.Column("saved", UtcDateTime(), nullable=False),
)


def body_hash(body: bytes) -> str:
    """A 32-hex-digit BLAKE2b hash of ``body``."""
    return hashlib.blake2b(body, digest_size=16).hexdigest()


class BodyHashes:
    """The ``feed_bodies`` table (SQLite or PostgreSQL); creates it if missing."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        ensure_tables(engine, [feed_bodies])

    def load(self, feed_ids: Iterable[str]) -> dict[str, str]:
        """The saved body hash of each of ``feed_ids`` that has one."""
        wanted = list(feed_ids)
        if not wanted:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(feed_bodies.c.feed_id, feed_bodies.c.body_hash).where(feed_bodies.c.feed_id.in_(wanted))
            ).all()
        return {row.feed_id: row.body_hash for row in rows}

    def save(self, conn: sa.Connection, hashes: Mapping[str, str], now: datetime) -> None:
        """Insert or replace the hashes (feed id -> hash) within the caller's transaction ``conn``."""
        if not hashes:
            return
        rows = [{"feed_id": feed_id, "body_hash": digest, "saved": now} for feed_id, digest in hashes.items()]
        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        stmt = dialect.insert(feed_bodies)
        stmt = stmt.on_conflict_do_update(
            index_elements=[feed_bodies.c.feed_id],
            set_={"body_hash": stmt.excluded.body_hash, "saved": stmt.excluded.saved},
        )
        conn.execute(stmt, rows)
