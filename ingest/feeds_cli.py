"""``veille feed add|import|export|list|status|remove``: manage the feeds kept in the store.

Config feeds are listed, exported and reported like stored ones, but only the config file changes
them. Every user error is one line and exit code 1 (2 for config errors), never a traceback.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

import sqlalchemy as sa
from pydantic import ValidationError

from ingest.catalog import FeedCatalog, unique_id
from ingest.discover import advertised_feeds, looks_like_html, read_opml, write_opml
from ingest.errors import FeedPermanentError, FeedTransientError
from ingest.fetch import fetcher_for, is_local
from ingest.health import FeedHealthStore, Health
from ingest.parse import parse_feed
from ingest.state import feed_state, seen_articles
from ingest.websub_store import SubscriptionStore
from veille.config import VeilleConfig, default_config_path, load_config
from veille.config.feeds import FeedConfig
from veille.errors import ConfigError
from veille.store import create_engine, ensure_tables

_SLUG = re.compile(r"[^a-z0-9._-]+")
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def register(actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add the management actions to the ``veille feed`` group's sub-parsers."""
    add = actions.add_parser("add", parents=[common], help="check a feed URL and add it to the store")
    add.add_argument("url", help="feed URL (http, https) or a local path")
    add.add_argument("--id", dest="feed_id", help="feed id (default: from the host and title)")
    add.add_argument("--interval", help="time between polls, e.g. 5m (default 5m)")
    add.add_argument("--lang", help="language hint (fr, en…)")
    add.add_argument("--tag", action="append", default=[], help="tag the feed's articles (repeatable)")
    add.add_argument("--source", help="outlet name (default: the feed's title)")
    add.add_argument("--full-text", action="store_true", help="fetch each article page for its full text")
    add.set_defaults(command=_run(add_feed))

    imp = actions.add_parser("import", parents=[common], help="add the feeds of an OPML file")
    imp.add_argument("file", help="OPML file")
    imp.set_defaults(command=_run(import_opml))

    exp = actions.add_parser("export", parents=[common], help="print every feed as OPML")
    exp.set_defaults(command=_run(export_opml))

    listing = actions.add_parser("list", parents=[common], help="list the feeds (config and store)")
    listing.set_defaults(command=_run(list_feeds))

    status = actions.add_parser("status", parents=[common], help="health of each feed")
    status.add_argument("feed_ids", nargs="*", help="only these feeds")
    status.set_defaults(command=_run(feed_status))

    remove = actions.add_parser("remove", parents=[common], help="remove a stored feed")
    remove.add_argument("feed_id")
    remove.set_defaults(command=_run(remove_feed))


Command = Callable[[VeilleConfig, sa.Engine, argparse.Namespace, TextIO], int]


def _run(command: Command) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        config = load_config(args.config or default_config_path())
        engine = create_engine(config.store_url)
        try:
            ensure_tables(engine, [feed_state, seen_articles])
            return command(config, engine, args, sys.stdout)
        except sa.exc.SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
            _print(f"error: store unavailable: {reason[0] if reason else type(exc).__name__}", file=sys.stderr)
            return 1
        finally:
            engine.dispose()

    return run


def add_feed(config: VeilleConfig, engine: sa.Engine, args: argparse.Namespace, out: TextIO) -> int:
    """Fetch the URL; add it when it is a feed; for an HTML page, list the feeds it advertises."""
    url = args.url if not is_local(args.url) or args.url.startswith("file://") else str(Path(args.url).resolve())
    with fetcher_for(config.ingest) as fetcher:
        try:
            fetched = fetcher.fetch(url)
        except (FeedTransientError, FeedPermanentError) as exc:
            _print(f"error: {url}: {exc}", file=sys.stderr)
            return 1
    body = fetched.body or b""
    if looks_like_html(body, fetched.content_type):
        return _html_page(url, fetched.url or url, body)
    try:
        parsed = parse_feed(body, fetched.content_type, fetched.url)
    except FeedPermanentError as exc:
        _print(f"error: {url} is not a readable feed: {exc}", file=sys.stderr)
        return 1
    catalog = FeedCatalog(config, engine)
    wanted = args.feed_id or _slug(urlsplit(url).hostname or "", parsed.title or Path(url).stem)
    feed_id = wanted if args.feed_id else unique_id(wanted, [feed.id for feed in catalog.all()])
    feed = _feed(
        id=feed_id,
        url=fetched.moved_to or url,
        source=args.source,
        lang=args.lang,
        tags=tuple(args.tag),
        full_text=args.full_text,
        **({"interval": args.interval} if args.interval else {}),
    )
    catalog.add(feed, datetime.now(UTC))
    title = f" ({parsed.title[:80]})" if parsed.title else ""
    _print(f"added feed {feed.id}{title}: {len(parsed.entries)} items now, every {feed.interval}: {feed.url}", file=out)
    return 0


def _html_page(url: str, base: str, body: bytes) -> int:
    found = advertised_feeds(body, base)
    if not found:
        _print(f"error: {url} is an HTML page, not a feed, and it advertises no feed", file=sys.stderr)
        return 1
    _print(f"error: {url} is an HTML page, not a feed; it advertises:", file=sys.stderr)
    for feed in found:
        title = f"  ({feed.title})" if feed.title else ""
        _print(f"  {feed.url}{title}", file=sys.stderr)
    _print("add one of those URLs instead", file=sys.stderr)
    return 1


def import_opml(config: VeilleConfig, engine: sa.Engine, args: argparse.Namespace, out: TextIO) -> int:
    """Add every feed of an OPML file that is not already polled; report each one skipped."""
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError([f"{path}: cannot read: {exc.strerror or exc}"]) from None
    catalog = FeedCatalog(config, engine)
    known = catalog.all()
    ids = [feed.id for feed in known]
    urls = {feed.url: feed.id for feed in known}
    added: list[FeedConfig] = []
    skipped = 0
    for outline in read_opml(data, str(path)):
        if outline.url in urls:
            _print(f"skipped {outline.url[:200]}: already polled as feed {urls[outline.url]!r}", file=out)
            skipped += 1
            continue
        feed_id = unique_id(_slug(urlsplit(outline.url).hostname or "", outline.title), ids)
        try:
            feed = _feed(id=feed_id, url=outline.url, source=outline.title or None, tags=outline.categories)
        except ConfigError as exc:
            _print(f"skipped {outline.url[:200]}: {exc.problems[0]}", file=out)
            skipped += 1
            continue
        added.append(feed)
        ids.append(feed.id)
        urls[feed.url] = feed.id
    catalog.add_many(added, datetime.now(UTC))
    _print(f"imported {len(added)} feeds from {path} ({skipped} skipped)", file=out)
    return 0


def export_opml(config: VeilleConfig, engine: sa.Engine, _args: argparse.Namespace, out: TextIO) -> int:
    """Print every feed (config and store) as OPML."""
    out.write(write_opml(FeedCatalog(config, engine).all()))
    return 0


def list_feeds(config: VeilleConfig, engine: sa.Engine, _args: argparse.Namespace, out: TextIO) -> int:
    """One line per feed: id, where it is defined, interval, enabled, URL."""
    catalog = FeedCatalog(config, engine)
    for feed in catalog.all():
        origin = "config" if catalog.in_config(feed.id) else "store"
        flag = "" if feed.enabled else "  (disabled)"
        _print(f"{feed.id}\t{origin}\t{feed.interval}\t{feed.url}{flag}", file=out)
    return 0


def feed_status(config: VeilleConfig, engine: sa.Engine, args: argparse.Namespace, out: TextIO) -> int:
    """Per feed: alive/dead, last success, last error, items seen, next poll, failures, WebSub lease."""
    catalog = FeedCatalog(config, engine)
    feeds = [feed for feed in catalog.all() if not args.feed_ids or feed.id in args.feed_ids]
    if args.feed_ids and (missing := sorted(set(args.feed_ids) - {feed.id for feed in feeds})):
        _print(f"error: no feed named {', '.join(missing)}", file=sys.stderr)
        return 1
    health = FeedHealthStore(engine, config.ingest).read()
    subscriptions = SubscriptionStore(engine).all()
    with engine.connect() as conn:
        schedule = {row.feed_id: row for row in conn.execute(sa.select(feed_state)).all()}
        counts = dict(
            conn.execute(sa.select(seen_articles.c.feed_id, sa.func.count()).group_by(seen_articles.c.feed_id)).all()
        )
    now = datetime.now(UTC)
    for feed in feeds:
        row = schedule.get(feed.id)
        vital = health.get(feed.id, Health())
        state = "new"
        if vital.dead:
            state = "dead"
        elif row is not None and row.failures:
            state = "failing"
        elif row is not None and row.last_success:
            state = "alive"
        if not feed.enabled:
            state = "disabled"
        _print(f"{feed.id}: {state}", file=out)
        _print(f"  url           {vital.moved_to or feed.url}", file=out)
        _print(f"  last success  {_when(row.last_success if row else None)}", file=out)
        _print(f"  last error    {(row.last_error if row else None) or '-'}", file=out)
        if vital.failing_since:
            _print(f"  failing since {_when(vital.failing_since)}", file=out)
        _print(f"  items seen    {counts.get(feed.id, 0)}", file=out)
        _print(f"  next poll     {_when(row.next_due if row else None)}", file=out)
        _print(f"  failures      {row.failures if row else 0} in a row (backoff)", file=out)
        sub = subscriptions.get(feed.id)
        if sub is None:
            _print("  websub        -", file=out)
        else:
            lease = f", lease until {_when(sub.lease_expires)}" if sub.pushing(now) else ""
            error = f" ({sub.last_error})" if sub.last_error else ""
            _print(f"  websub        {sub.state} via {sub.hub}{lease}{error}", file=out)
    return 0


def remove_feed(config: VeilleConfig, engine: sa.Engine, args: argparse.Namespace, out: TextIO) -> int:
    """Delete a stored feed with its schedule and health (its seen ids age out); a WebSub subscription
    is marked for unsubscription, which the ingest worker sends to the hub and the hub verifies."""
    catalog = FeedCatalog(config, engine)
    if not catalog.remove(args.feed_id):
        _print(f"error: no stored feed named {args.feed_id!r}", file=sys.stderr)
        return 1
    FeedHealthStore(engine, config.ingest).forget(args.feed_id)
    sub = SubscriptionStore(engine).unsubscribe(args.feed_id, datetime.now(UTC))
    with engine.begin() as conn:
        conn.execute(sa.delete(feed_state).where(feed_state.c.feed_id == args.feed_id))
    _print(f"removed feed {args.feed_id}", file=out)
    if sub is not None:
        _print(f"unsubscribing from WebSub hub {sub.hub} (sent by the running ingest worker)", file=out)
    return 0


def _feed(**values: object) -> FeedConfig:
    try:
        return FeedConfig.model_validate({key: value for key, value in values.items() if value is not None})
    except ValidationError as exc:
        problem = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in problem["loc"])
        raise ConfigError([f"{where}: {problem['msg'].removeprefix('Value error, ')}"]) from None


def _slug(host: str, title: str) -> str:
    """A feed id from the host (without www.) and the title: ``lemonde.fr-international``."""
    host = host.lower().removeprefix("www.")
    text = "-".join(part for part in (host, title.lower()) if part)
    return (_SLUG.sub("-", text).strip("-._")[:48].strip("-._")) or "feed"


def _print(text: str, file: TextIO) -> None:
    """Print one report line with control and bidi characters of feed-supplied text neutralised."""
    print(_UNPRINTABLE.sub("?", text), file=file)


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%SZ") if value else "-"
