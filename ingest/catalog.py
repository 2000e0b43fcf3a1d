"""The feeds to poll: those of the config plus those added at run time to the ``feeds`` table.

``veille feed add/import/remove`` write the table; every ingest replica reads it on each cycle, so
a feed added while the workers run is polled without a restart. A feed id may live in one place
only: the store refuses an id the config already uses, and the config wins if both hold one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta

import sqlalchemy as sa
from pydantic import ValidationError

from veille.config import VeilleConfig
from veille.config.feeds import FeedConfig
from veille.errors import ConfigError
from veille.store import UtcDateTime, ensure_tables, metadata

feeds_table = sa.Table(
    "feeds",
    metadata,
    sa.Column("feed_id", sa.String(64), primary_key=True),
    sa.Column("url", sa.String(2048), nullable=False),
    sa.Column("source", sa.String(200)),
    sa.Column("lang", sa.String(35)),
    sa.Column("interval_seconds", sa.Float, nullable=False),
    sa.Column("tags", sa.Text, nullable=False, default="[]"),
    sa.Column("full_text", sa.Boolean, nullable=False, default=False),
    sa.Column("enabled", sa.Boolean, nullable=False, default=True),
    sa.Column("added_at", UtcDateTime(), nullable=False),
)


class FeedCatalog:
    """Reads and writes the ``feeds`` table and merges it with the config's feeds."""

    def __init__(self, config: VeilleConfig, engine: sa.Engine) -> None:
        self.config = config
        self.engine = engine
        ensure_tables(engine, [feeds_table])

    def stored(self) -> list[FeedConfig]:
        """The feeds of the table, in id order (rows that no longer validate are skipped, not fatal)."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(feeds_table).order_by(feeds_table.c.feed_id)).all()
        feeds = []
        for row in rows:
            try:
                feeds.append(_feed_of(row))
            except (ValidationError, ValueError):
                continue
        return feeds

    def all(self) -> list[FeedConfig]:
        """Config feeds first, then stored feeds whose id the config does not use."""
        config_ids = {feed.id for feed in self.config.feeds}
        return list(self.config.feeds) + [feed for feed in self.stored() if feed.id not in config_ids]

    def enabled(self) -> tuple[FeedConfig, ...]:
        """The feeds to poll."""
        return tuple(feed for feed in self.all() if feed.enabled)

    def in_config(self, feed_id: str) -> bool:
        """True when ``feed_id`` comes from the config file (the CLI cannot change those)."""
        return any(feed.id == feed_id for feed in self.config.feeds)

    def add(self, feed: FeedConfig, now: datetime) -> None:
        """Store ``feed``; ConfigError when its id or URL is already used."""
        known = self.all()
        if any(other.id == feed.id for other in known):
            raise ConfigError([f"feed {feed.id!r} already exists (choose another id, or remove it first)"])
        if clash := next((other for other in known if other.url == feed.url), None):
            raise ConfigError([f"{feed.url} is already polled as feed {clash.id!r}"])
        with self.engine.begin() as conn:
            conn.execute(sa.insert(feeds_table).values(**_row_of(feed), added_at=now))

    def add_many(self, feeds: Sequence[FeedConfig], now: datetime) -> None:
        """Store ``feeds`` in one transaction; the caller has checked their ids and URLs are free."""
        if feeds:
            with self.engine.begin() as conn:
                conn.execute(sa.insert(feeds_table), [{**_row_of(feed), "added_at": now} for feed in feeds])

    def remove(self, feed_id: str) -> bool:
        """Delete a stored feed; False when there is none by that id. Config feeds cannot be removed here."""
        if self.in_config(feed_id):
            raise ConfigError([f"feed {feed_id!r} comes from the config file: remove it there"])
        with self.engine.begin() as conn:
            return conn.execute(sa.delete(feeds_table).where(feeds_table.c.feed_id == feed_id)).rowcount == 1

    def move(self, feed_id: str, url: str) -> bool:
        """Point a stored feed at its new address (a permanent redirect); False for config feeds."""
        with self.engine.begin() as conn:
            done = conn.execute(sa.update(feeds_table).where(feeds_table.c.feed_id == feed_id).values(url=url))
        return done.rowcount == 1


def _row_of(feed: FeedConfig) -> dict[str, object]:
    return {
        "feed_id": feed.id,
        "url": feed.url,
        "source": feed.source,
        "lang": feed.lang,
        "interval_seconds": feed.interval.total_seconds(),
        "tags": json.dumps(list(feed.tags)),
        "full_text": feed.full_text,
        "enabled": feed.enabled,
    }


def _feed_of(row: sa.Row[tuple[object, ...]]) -> FeedConfig:
    return FeedConfig(
        id=row.feed_id,
        url=row.url,
        source=row.source,
        lang=row.lang,
        interval=timedelta(seconds=row.interval_seconds),
        tags=tuple(json.loads(row.tags or "[]")),
        full_text=bool(row.full_text),
        enabled=bool(row.enabled),
    )


def unique_id(wanted: str, taken: Sequence[str]) -> str:
    """``wanted`` or ``wanted-2``, ``wanted-3``… whichever is free among ``taken``."""
    used = set(taken)
    if wanted not in used:
        return wanted
    n = 2
    while f"{wanted[:60]}-{n}" in used:
        n += 1
    return f"{wanted[:60]}-{n}"
