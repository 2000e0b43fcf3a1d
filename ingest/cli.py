"""``veille feed …``: tools for one feed at a time, without Kafka or the store.

``veille feed parse FILE_OR_URL`` prints the normalised articles of one feed as JSON lines (the
``Article`` contract's fields) and exits 0; when the feed cannot be read it prints one line
``error: <reason>`` on stderr and exits 1, never a traceback. Entries that cannot become an
Article are reported as ``skipped: …`` lines on stderr. URLs are fetched with the
worker's own fetcher (size and time bounds, no redirect to a local file).

``register(actions, common)`` adds ``parse`` to the ``veille feed`` group (created in
``veille.cli``; the management actions come from ``ingest.feeds_cli``).
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from ingest.errors import one_line
from veille.errors import VeilleError

_ID_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


def register(actions: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    """Add ``parse`` to the ``veille feed`` actions."""
    parse = actions.add_parser(
        "parse", parents=[common], help="print the normalised articles of one feed file or URL as JSON lines"
    )
    parse.add_argument("feed", metavar="FILE_OR_URL", help="a feed file, or an http(s) URL")
    parse.add_argument("--id", dest="feed_id", help="feed id to stamp on the articles (default: from the name)")
    parse.add_argument("--lang", help="language hint, as a feed's lang: in the config")
    parse.add_argument("--source", help="outlet name, as a feed's source: in the config")
    parse.set_defaults(command=_cmd_parse, quiet_log_level="ERROR")


def _cmd_parse(args: argparse.Namespace) -> int:
    return parse_command(args.feed, sys.stdout, sys.stderr, feed_id=args.feed_id, lang=args.lang, source=args.source)


def parse_command(
    target: str,
    out: TextIO,
    err: TextIO,
    *,
    feed_id: str | None = None,
    lang: str | None = None,
    source: str | None = None,
) -> int:
    """Run ``veille feed parse`` on ``target``; return the exit code (0 articles printed, 1 error line)."""
    from ingest.digest import digest_body  # imported here: `veille --help` need not load feedparser
    from ingest.fetch import Fetcher
    from veille.config.feeds import FeedConfig

    try:
        feed = FeedConfig(id=feed_id or _feed_id(target), url=_url(target), lang=lang, source=source)
        with Fetcher() as fetcher:
            fetched = fetcher.fetch(feed.url)
        digest = digest_body(fetched.body or b"", fetched.content_type, fetched.url, feed, datetime.now(UTC))
    except VeilleError as exc:
        print(f"error: {one_line(exc) or type(exc).__name__}", file=err)
        return 1
    except ValueError as exc:  # pydantic's ValidationError: a bad --id, --lang or URL
        print(f"error: {_validation_line(exc)}", file=err)
        return 1
    except Exception as exc:  # the contract is one line, never a traceback
        print(f"error: unexpected {type(exc).__name__}: {one_line(exc)}", file=err)
        return 1
    for warning in digest.warnings:
        print(f"skipped: {warning}", file=err)
    if digest.skipped > len(digest.warnings):
        print(f"skipped: {digest.skipped} entries without anything to identify them or not valid articles", file=err)
    for article in digest.articles:
        out.write(article.model_dump_json() + "\n")
    return 0


def _url(target: str) -> str:
    """``target`` as the fetcher reads it: URLs unchanged, paths made absolute (and checked to exist)."""
    if "://" in target:
        return target
    path = Path(target).expanduser().resolve()
    if not path.is_file():
        raise VeilleError(f"no such file: {target}")
    return str(path)


def _feed_id(target: str) -> str:
    """A valid feed id from the file or URL name (``feed`` when nothing usable is left)."""
    web = target.lower().startswith(("http://", "https://"))
    name = target.split("://", 1)[1].split("/", 1)[0] if web else Path(target.rstrip("/")).stem
    cleaned = _ID_CHARS.sub("-", name).strip("-._")[:64]
    return cleaned or "feed"


def _validation_line(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        problem = errors(include_url=False)[0]
        where = ".".join(str(part) for part in problem["loc"]) or "value"
        return f"{where}: {problem['msg']}"
    return one_line(exc)
