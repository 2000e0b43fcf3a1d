"""Backtest: replay stored detections through a rule file, without sending or storing anything.

``veille rules backtest FILE --since 30d`` answers "how many alerts would this rule have sent,
and which?" before anyone enables it. FILE is a stand-alone rule file (``rules:`` and nothing else)
or a full configuration (includes and ``${VAR}`` resolved as ``veille run`` does). The detections
the alerts worker handled are kept in ``alert_detections`` with the time it saw them; the backtest
feeds each, at that time, to a real ``AlertEngine`` built with the file's rules over a scratch
SQLite store that is deleted afterwards, and reports the notices that store ends with (those that
would have reached a receiver). Since notices depend on the set of detections and not on their
order, the backtest gives the notices live processing gave, whatever order the live replicas saw
them in. Live alerts, silences and the outbox are not touched, and the same code decides as in
production.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
import yaml
from pydantic import ValidationError

from alerts.engine import AlertEngine
from alerts.state import TABLES, deliveries, detections, notices
from veille.config import VeilleConfig, load_config
from veille.config.receivers import ConsoleReceiver
from veille.config.rules import RuleConfig, RuleFile
from veille.contracts import Alert, Detection, utc
from veille.errors import ConfigError
from veille.store import create_engine, ensure_tables


@dataclass(frozen=True, slots=True)
class BacktestResult:
    """What a replay would have done: ``notices`` (new, update, disputed, retraction) by event time."""

    detections: int
    since: datetime
    until: datetime
    notices: tuple[Alert, ...]

    @property
    def alerts(self) -> tuple[Alert, ...]:
        """The new alerts among the notices (follow-ups excluded)."""
        return tuple(n for n in self.notices if n.kind == "new")


@dataclass(frozen=True, slots=True)
class RuleSource:
    """The rules read from a backtest FILE, and the whole configuration when FILE is one."""

    rules: tuple[RuleConfig, ...]
    config: VeilleConfig | None = None


def load_rule_file(path: str | Path) -> RuleSource:
    """Read and validate a rule file or a full configuration; raise ConfigError, one line per problem.

    A mapping whose only key is ``rules`` is a stand-alone rule file; any other key (``include``,
    ``feeds``, ``receivers``…) makes it a configuration, loaded and validated whole.
    """
    path = Path(path)
    tree = _read_yaml(path)
    if isinstance(tree, dict) and set(tree) - {"rules"}:
        return _from_config(path)
    try:
        return RuleSource(RuleFile.model_validate(tree).rules)
    except ValidationError as exc:
        problems = [
            ": ".join(
                part
                for part in (
                    str(path),
                    ".".join(str(p) for p in error["loc"]),
                    error["msg"].removeprefix("Value error, "),
                )
                if part
            )
            for error in exc.errors(include_url=False)
        ]
        raise ConfigError(problems) from None


def delivered_notices(store: sa.Engine) -> list[Alert]:
    """The notices of ``store`` that have a delivery (not muted), by event time, then alert and revision."""
    query = (
        sa.select(notices.c.payload)
        .where(
            sa.exists().where(deliveries.c.alert_id == notices.c.alert_id, deliveries.c.revision == notices.c.revision)
        )
        .order_by(notices.c.alert_id, notices.c.revision)
    )
    with store.connect() as conn:
        found = [Alert.model_validate_json(payload) for payload in conn.execute(query).scalars()]
    return sorted(found, key=lambda a: (a.fired_at, a.revision, a.alert_id))


def _read_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError([f"{path}: cannot read: {exc.strerror or exc}"]) from None
    except UnicodeDecodeError:
        raise ConfigError([f"{path}: not UTF-8 text"]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfigError([f"{where}: invalid YAML: {getattr(exc, 'problem', None) or exc}"]) from None


def _from_config(path: Path) -> RuleSource:
    """The rules of the configuration at ``path``; its problems are prefixed with the file name."""
    try:
        config = load_config(path)
    except ConfigError as exc:
        # the loader names the file only for file-level problems (those start with an absolute path)
        raise ConfigError(
            [p if Path(p.split(":", 1)[0]).is_absolute() else f"{path}: {p}" for p in exc.problems]
        ) from None
    if not config.rules:
        raise ConfigError([f"{path}: rules: the configuration holds no rule"])
    return RuleSource(config.rules, config)


def backtest(
    config: VeilleConfig, store: sa.Engine, rules: tuple[RuleConfig, ...], since: datetime, now: datetime
) -> BacktestResult:
    """Replay the detections seen in ``[since, now]`` through ``rules``; nothing is sent or stored."""
    since, now = utc(since), utc(now)
    ensure_tables(store, TABLES)
    with store.connect() as conn:
        rows = conn.execute(
            sa.select(detections.c.payload, detections.c.observed_at)
            .where(detections.c.observed_at >= since, detections.c.observed_at <= now)
            .order_by(detections.c.observed_at, detections.c.article_id)
        ).all()
    with tempfile.TemporaryDirectory(prefix="veille-backtest-") as scratch_dir:
        scratch = create_engine(f"sqlite:///{Path(scratch_dir) / 'backtest.db'}")
        try:
            # One stand-in receiver for every rule: a notice "sent" is one with a delivery, whatever
            # receivers the replayed configuration names (or lacks).
            stand_in = (ConsoleReceiver(type="console", name="backtest"),)
            replay_rules = tuple(rule.model_copy(update={"receivers": ()}) for rule in rules)
            replay_config = config.model_copy(update={"rules": replay_rules, "receivers": stand_in})
            replay = AlertEngine(replay_config, scratch, record_metrics=False)
            for payload, observed_at in rows:
                replay.handle([Detection.model_validate_json(payload)], observed_at)
            replay.tick(now)
            notices = delivered_notices(scratch)
        finally:
            scratch.dispose()
    return BacktestResult(detections=len(rows), since=since, until=now, notices=tuple(notices))
