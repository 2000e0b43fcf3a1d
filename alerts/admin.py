"""``veille alerts …`` and ``veille rules backtest``: what operators run against the alert store.

Each command is a function ``(config, args, stdout) -> exit code`` that ``veille.cli`` wires into
argparse. Bad input raises ConfigError (one line per problem, exit 2). Feed text shown here
(titles) has its control characters replaced, so a hostile headline cannot drive the terminal.
"""

from __future__ import annotations

import argparse
import getpass
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TextIO

import sqlalchemy as sa

from alerts.backtest import backtest as replay
from alerts.backtest import load_rule_file
from alerts.silences import MATCHER_FIELDS, Silence, Silences
from alerts.state import TABLES, alerts, deliveries
from veille.config import VeilleConfig
from veille.config.base import parse_duration
from veille.contracts import Alert
from veille.errors import ConfigError
from veille.store import create_engine, ensure_tables

ALERT_STATUSES = ("active", "silenced", "inhibited", "retracted")
DELIVERY_STATUSES = ("pending", "sending", "sent", "failed")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _clean(text: str, width: int = 100) -> str:
    """One terminal-safe line of at most ``width`` characters."""
    line = " ".join(_CONTROL.sub(" ", text).split())
    return line if len(line) <= width else line[: width - 1] + "…"


def _when(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%MZ")


@contextmanager
def _store(config: VeilleConfig) -> Iterator[sa.Engine]:
    engine = create_engine(config.store_url)
    try:
        ensure_tables(engine, TABLES)
        yield engine
    finally:
        engine.dispose()


def list_alerts(config: VeilleConfig, args: argparse.Namespace, stdout: TextIO) -> int:
    """``veille alerts list [--status S] [--limit N]``: latest alerts, each with its deliveries.

    ``--status`` takes an alert status (active, silenced, inhibited, retracted) or a delivery status
    (pending, sending, sent, failed: only alerts with such deliveries, and only those deliveries).
    """
    status = getattr(args, "status", None)
    if status is not None and status not in ALERT_STATUSES + DELIVERY_STATUSES:
        known = ", ".join(ALERT_STATUSES + DELIVERY_STATUSES)
        raise ConfigError([f"alerts list: --status {status!r} is not one of {known}"])
    query = sa.select(alerts).order_by(alerts.c.fired_at.desc(), alerts.c.alert_id).limit(args.limit)
    if status == "retracted":
        query = query.where(alerts.c.retracted.is_(True))
    elif status in ALERT_STATUSES:
        query = query.where(alerts.c.status == status)
    elif status in DELIVERY_STATUSES:
        d = deliveries
        query = query.where(sa.select(d.c.id).where(d.c.alert_id == alerts.c.alert_id, d.c.status == status).exists())
    with _store(config) as engine, engine.connect() as conn:
        rows = conn.execute(query).all()
        for row in rows:
            alert = Alert.model_validate_json(row.payload)
            marks = row.status + (", retracted" if row.retracted else "")
            stdout.write(
                f"{_when(row.fired_at)}  {row.alert_id}  [{marks}]  rule={row.rule} stage={row.stage or '-'} "
                f"sources={len(alert.sources)} revision={row.revision}\n    {_clean(alert.title)}\n"
            )
            listed = sa.select(deliveries).where(deliveries.c.alert_id == row.alert_id)
            if status in DELIVERY_STATUSES:
                listed = listed.where(deliveries.c.status == status)
            for d in conn.execute(listed.order_by(deliveries.c.revision, deliveries.c.receiver)):
                reason = f"  {_clean(d.last_error, 200)}" if d.last_error else ""
                stdout.write(f"    -> {d.receiver} r{d.revision}: {d.status} ({d.attempts} attempts){reason}\n")
    if not rows:
        stdout.write("no alerts\n")
    return 0


def _describe(silence: Silence, now: datetime) -> str:
    scope = [f"rule={silence.rule}"] if silence.rule else []
    scope += [f"{field}={value}" for field, value in sorted(silence.matchers.items())]
    state = "active" if silence.active(now) else "expired"
    return (
        f"{silence.id}  {state} until {_when(silence.expired_at or silence.ends_at)}  "
        f"{' '.join(scope) or 'every alert'}  by {_clean(silence.author, 40)}: {_clean(silence.reason)}\n"
    )


def create_silence(config: VeilleConfig, args: argparse.Namespace, stdout: TextIO) -> int:
    """``veille alerts silence [--rule R] [--match FIELD=VALUE …] --for 6h --reason TEXT [--author A]``."""
    rule = getattr(args, "rule", None)
    problems: list[str] = []
    names = [r.name for r in config.rules]
    if rule is not None and rule not in names:
        problems.append(f"alerts silence: --rule: no rule named {rule!r} (known: {', '.join(names) or 'none'})")
    matchers: dict[str, str] = {}
    for item in getattr(args, "match", None) or ():
        field, sep, value = item.partition("=")
        if not sep or field not in MATCHER_FIELDS:
            fields = ", ".join(MATCHER_FIELDS)
            problems.append(f"alerts silence: --match {item!r}: use FIELD=VALUE with FIELD in {fields}")
        matchers[field] = value
    try:
        duration = parse_duration(args.duration)
    except ValueError as exc:
        problems.append(f"alerts silence: --for: {exc}")
    if problems:
        raise ConfigError(problems)
    now = datetime.now(UTC)
    with _store(config) as engine:
        try:
            silence = Silences(engine).create(
                now=now,
                duration=duration,
                reason=args.reason,
                author=getattr(args, "author", None) or getpass.getuser(),
                rule=rule,
                matchers=matchers,
            )
        except ValueError as exc:
            raise ConfigError([f"alerts silence: {exc}"]) from None
    stdout.write(f"silenced: {_describe(silence, now)}")
    return 0


def list_silences(config: VeilleConfig, args: argparse.Namespace, stdout: TextIO) -> int:
    """``veille alerts silences [--all]``: active silences (with ``--all``, expired ones too)."""
    now = datetime.now(UTC)
    with _store(config) as engine:
        found = Silences(engine).list(now, include_expired=bool(getattr(args, "all", False)))
    for silence in found:
        stdout.write(_describe(silence, now))
    if not found:
        stdout.write("no silences\n")
    return 0


def expire_silence(config: VeilleConfig, args: argparse.Namespace, stdout: TextIO) -> int:
    """``veille alerts expire ID``: end a silence now; exit 1 when no such active silence exists."""
    with _store(config) as engine:
        expired = Silences(engine).expire(args.silence_id, datetime.now(UTC))
    stdout.write(f"silence {args.silence_id} expired\n" if expired else f"no active silence {args.silence_id!r}\n")
    return 0 if expired else 1


def backtest(config: VeilleConfig, args: argparse.Namespace, stdout: TextIO) -> int:
    """``veille rules backtest FILE [--since 30d]``: the alerts the file's rules would have sent.

    FILE is a rule file or a full configuration; a configuration given without ``--config`` is
    also the one whose store is replayed (users pass the config they run with).
    """
    source = load_rule_file(args.rule_file)
    rules = source.rules
    if source.config is not None and not getattr(args, "config", None):
        config = source.config
    try:
        since = parse_duration(args.since)
    except ValueError as exc:
        raise ConfigError([f"rules backtest: --since: {exc}"]) from None
    now = datetime.now(UTC)
    with _store(config) as engine:
        result = replay(config, engine, rules, now - since, now)
    follow_ups = len(result.notices) - len(result.alerts)
    stdout.write(
        f"{len(result.alerts)} alerts and {follow_ups} follow-ups from {result.detections} detections "
        f"since {_when(result.since)} ({', '.join(r.name for r in rules)})\n"
    )
    for notice in result.notices:
        stage = notice.stage or "-"
        stdout.write(
            f"{_when(notice.fired_at)}  {notice.kind:<10} {notice.rule} stage={stage} "
            f"actors={','.join(notice.actors)} sources={len(notice.sources)}  {_clean(notice.title, 80)}\n"
        )
    return 0
