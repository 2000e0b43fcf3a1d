"""``veille dlq list [--stage S] [--since 6h]`` and ``veille dlq replay (--id ID ... | --all)``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TextIO

from veille.bus import Bus
from veille.config import VeilleConfig
from veille.config.base import parse_duration
from veille.dlq import read_dead_letters, replay, select
from veille.errors import ConfigError
from veille.store import create_engine


def _bus(config: VeilleConfig) -> Bus:
    if not config.kafka.bootstrap_servers:
        raise ConfigError(["kafka.bootstrap_servers: the dead-letter topic lives on a Kafka cluster; name it"])
    return Bus(config.kafka, config.kafka.bootstrap_servers)


def _since(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        return datetime.now(UTC) - parse_duration(text)
    except ValueError as exc:
        raise ConfigError([f"--since: {exc}"]) from None


def list_dead_letters(config: VeilleConfig, args: argparse.Namespace, out: TextIO) -> int:
    """Print one line per dead letter: id, time, stage, origin, key and reason."""
    letters = select(read_dead_letters(_bus(config), config.topic("dlq")), stage=args.stage, since=_since(args.since))
    for ident, letter in letters:
        print(
            f"{ident}\t{letter.failed_at:%Y-%m-%dT%H:%M:%SZ}\t{letter.stage}\t"
            f"{letter.topic}[{letter.partition}]@{letter.offset}\t{letter.key or '-'}\t{letter.error}",
            file=out,
        )
    print(f"{len(letters)} dead letters", file=out)
    return 0


def replay_dead_letters(config: VeilleConfig, args: argparse.Namespace, out: TextIO) -> int:
    """Send the chosen dead letters back to their topics, each id at most once."""
    if not args.all and not args.ids:
        raise ConfigError(["dlq replay: name dead letters with --id PARTITION:OFFSET, or pass --all"])
    bus = _bus(config)
    letters = select(read_dead_letters(bus, config.topic("dlq")), stage=args.stage, since=_since(args.since))
    if args.ids:
        wanted = set(args.ids)
        letters = [(ident, letter) for ident, letter in letters if ident in wanted]
        missing = wanted - {ident for ident, _ in letters}
        if missing:
            raise ConfigError([f"dlq replay: no dead letter {ident}" for ident in sorted(missing)])
    engine = create_engine(config.store_url)
    try:
        sent, skipped = replay(bus, engine, letters)
    finally:
        engine.dispose()
    print(f"replayed {sent} dead letters; {skipped} were replayed before and were skipped", file=out)
    return 0


def add_parser(
    sub: argparse._SubParsersAction, common: argparse.ArgumentParser, run: Callable[[argparse.Namespace], int]
) -> None:
    """Add ``veille dlq list|replay`` to the command line; ``run`` loads the config and calls the action."""
    dlq = sub.add_parser("dlq", parents=[common], help="the dead-letter topic: list and replay")
    actions = dlq.add_subparsers(metavar="ACTION", required=True)
    for name, command, help_text in (
        ("list", list_dead_letters, "list dead letters"),
        ("replay", replay_dead_letters, "send dead letters back to their topic (once each)"),
    ):
        action = actions.add_parser(name, parents=[common], help=help_text)
        action.add_argument("--stage", help="only this stage's dead letters (ingest, process, alerts)")
        action.add_argument("--since", help="only those that failed within this period, e.g. 6h")
        action.add_argument("--bootstrap-servers", help="Kafka host:port list (overrides kafka.bootstrap_servers)")
        if name == "replay":
            action.add_argument("--id", dest="ids", action="append", default=[], help="PARTITION:OFFSET (repeatable)")
            action.add_argument("--all", action="store_true", help="every dead letter that matches")
        action.set_defaults(dlq_command=command, command=run)
