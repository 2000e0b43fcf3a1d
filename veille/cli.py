"""The ``veille`` command line.

``veille run`` starts the whole pipeline (embedded broker when no Kafka is configured);
``veille ingest|process|alerts`` run one worker each (docker-compose); ``veille config check``,
``veille extract``, ``veille alerts …`` and ``veille rules backtest`` are the tools around them.
Every user error ends as one line on stderr and exit code 2 (config) or 1 (runtime), never a
traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ingest import cli as feed_cli
from veille import dlq_cli
from veille.config import VeilleConfig, default_config_path, load_config
from veille.errors import ConfigError, VeilleError
from veille.telemetry import setup_logging

log = logging.getLogger(__name__)

WORKERS = ("ingest", "process", "alerts")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``veille`` command; returns the process exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "command"):
        parser.print_help(sys.stderr)
        return 2
    setup_logging(args.log_level or getattr(args, "quiet_log_level", None))
    try:
        return int(args.command(args) or 0)
    except ConfigError as exc:
        for problem in exc.problems:
            print(f"config: {problem}", file=sys.stderr)
        return 2
    except VeilleError as exc:
        print(f"veille: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _config(args: argparse.Namespace) -> VeilleConfig:
    return load_config(args.config or default_config_path())


def _override_bootstrap(config: VeilleConfig, servers: str | None) -> VeilleConfig:
    if not servers:
        return config
    kafka = config.kafka.model_copy(update={"bootstrap_servers": [s.strip() for s in servers.split(",") if s.strip()]})
    return config.model_copy(update={"kafka": kafka})


# -- commands ---------------------------------------------------------------------------------


def _cmd_run(args: argparse.Namespace) -> int:
    from veille.pipeline import run_all, run_once

    config = _override_bootstrap(_config(args), args.bootstrap_servers)
    config_path = Path(args.config or default_config_path()).resolve()
    if args.once:
        return run_once(config, timeout=args.timeout)
    return run_all(config, config_path)


def _cmd_worker(args: argparse.Namespace) -> int:
    from veille.pipeline import run_worker

    config = _override_bootstrap(_config(args), args.bootstrap_servers)
    return run_worker(args.worker, config)


def _cmd_config_check(args: argparse.Namespace) -> int:
    config = load_config(args.file)
    watched = sum(1 for entity in config.watchlist if entity.watch)
    print(
        f"{args.file}: ok — {len(config.feeds)} feeds, {watched} watched entities "
        f"(+{len(config.watchlist) - watched} context), {len(config.events)} event types, "
        f"{len(config.rules)} rules, {len(config.receivers)} receivers"
    )
    return 0


def _cmd_dlq(args: argparse.Namespace) -> int:
    config = _override_bootstrap(_config(args), args.bootstrap_servers)
    return int(args.dlq_command(config, args, sys.stdout))


def _cmd_extract(args: argparse.Namespace) -> int:
    from process.extract_cli import run_extract

    # UTF-8 both ways whatever the locale; a line that is not UTF-8 is reported, not fatal
    sys.stdin.reconfigure(encoding="utf-8", errors="surrogateescape")
    sys.stdout.reconfigure(encoding="utf-8")
    return run_extract(_config(args), sys.stdin, sys.stdout, sys.stderr)


def _admin(name: str) -> Callable[[argparse.Namespace], int]:
    """A command that runs ``alerts.admin.<name>(config, args, stdout)``."""

    def command(args: argparse.Namespace) -> int:
        from alerts import admin

        return int(getattr(admin, name)(_config(args), args, sys.stdout))

    return command


def _cmd_alerts_test(args: argparse.Namespace) -> int:
    from alerts.receivers import build
    from alerts.receivers.probe import send_test
    from alerts.render import display_names

    config = _config(args)
    matches = [r for r in config.receivers if r.name == args.receiver]
    if not matches:
        names = ", ".join(r.name for r in config.receivers) or "none configured"
        raise ConfigError([f"receivers: no receiver named {args.receiver!r} (known: {names})"])
    receiver = build(matches[0], config.data_dir, names=display_names(config.watchlist))
    try:
        print(f"{args.receiver}: {send_test(receiver)}")
    finally:
        receiver.close()
    return 0


# -- argument parsing -------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", "-c", help="config file (default: config/veille.example.yaml)")
    common.add_argument("--log-level", default=None, help="DEBUG, INFO (default), WARNING, ERROR")

    parser = argparse.ArgumentParser(prog="veille", description="Streaming news monitoring.", parents=[common])
    sub = parser.add_subparsers(metavar="COMMAND")

    run = sub.add_parser("run", parents=[common], help="start the whole pipeline")
    run.add_argument("--once", action="store_true", help="poll every feed once, drain, deliver, exit")
    run.add_argument("--timeout", type=float, default=300.0, help="--once: give up after this many seconds")
    run.add_argument("--bootstrap-servers", help="Kafka host:port list (overrides kafka.bootstrap_servers)")
    run.set_defaults(command=_cmd_run)

    for worker in WORKERS:
        one = sub.add_parser(worker, parents=[common], help=f"run the {worker} worker alone")
        one.add_argument("--bootstrap-servers", help="Kafka host:port list (overrides kafka.bootstrap_servers)")
        one.set_defaults(command=_cmd_worker, worker=worker)
        if worker == "alerts":
            _add_alerts_admin(one, common)

    config = sub.add_parser("config", parents=[common], help="configuration tools")
    config_sub = config.add_subparsers(metavar="ACTION", required=True)
    check = config_sub.add_parser("check", parents=[common], help="validate a config file")
    check.add_argument("file", help="the YAML config file")
    check.set_defaults(command=_cmd_config_check)

    extract = sub.add_parser("extract", parents=[common], help="JSON lines in, detections out (no Kafka)")
    extract.set_defaults(command=_cmd_extract, quiet_log_level="WARNING")  # stderr is for bad-line reports

    dlq_cli.add_parser(sub, common, _cmd_dlq)

    feed = sub.add_parser("feed", parents=[common], help="feed management")
    feed_actions = feed.add_subparsers(metavar="ACTION", required=True)
    _register_feed_management(feed_actions, common)
    feed_cli.register(feed_actions, common)

    rules = sub.add_parser("rules", parents=[common], help="rule tools")
    rules_sub = rules.add_subparsers(metavar="ACTION", required=True)
    backtest = rules_sub.add_parser("backtest", parents=[common], help="replay stored detections through rules")
    backtest.add_argument("rule_file", help="YAML file with a rules: list, or a full config file")
    backtest.add_argument("--since", default="30d", help="how far back to replay (default 30d)")
    backtest.set_defaults(command=_admin("backtest"))
    return parser


def _register_feed_management(actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    from ingest.feeds_cli import register

    register(actions, common)


def _add_alerts_admin(alerts: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """``veille alerts`` alone runs the worker; with an action it administers alerts."""
    actions = alerts.add_subparsers(metavar="ACTION")
    listing = actions.add_parser("list", parents=[common], help="fired alerts and their deliveries")
    listing.add_argument("--status", help="only deliveries in this status (pending, sent, failed)")
    listing.add_argument("--limit", type=int, default=50)
    listing.set_defaults(command=_admin("list_alerts"))

    silence = actions.add_parser("silence", parents=[common], help="silence a rule for a while")
    silence.add_argument("--rule", help="rule name (default: every rule)")
    silence.add_argument(
        "--match",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="only alerts with this event_type, stage, actor or group_key (repeatable)",
    )
    silence.add_argument("--for", dest="duration", required=True, help="how long, e.g. 6h")
    silence.add_argument("--reason", required=True)
    silence.add_argument("--author", default=None)
    silence.set_defaults(command=_admin("create_silence"))

    silences = actions.add_parser("silences", parents=[common], help="list active silences")
    silences.add_argument("--all", action="store_true", help="include expired ones")
    silences.set_defaults(command=_admin("list_silences"))

    expire = actions.add_parser("expire", parents=[common], help="end a silence now")
    expire.add_argument("silence_id")
    expire.set_defaults(command=_admin("expire_silence"))

    test = actions.add_parser("test", parents=[common], help="send a test notification to a receiver")
    test.add_argument("receiver", help="receiver name from the config")
    test.set_defaults(command=_cmd_alerts_test)


if __name__ == "__main__":
    sys.exit(main())
