"""``python -m tests.chaos [--articles 5000] [--seed 1234]``: the chaos run; exit 1 on loss or duplicate.

``make chaos`` runs it at full size; the test suite runs a reduced size (tests/integration/chaos/test_chaos.py).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
from pathlib import Path

from tests.chaos.harness import Options, run
from tests.pg_server import suite_server


def main(argv: list[str] | None = None) -> int:
    """Parse options, run, print the ledger; 0 when nothing was lost, duplicated or dead-lettered."""
    parser = argparse.ArgumentParser(prog="python -m tests.chaos", description=__doc__)
    parser.add_argument("--seed", type=int, default=None, help="makes a run repeatable (default: random)")
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--alerts", type=int, default=37, help="actor pairs that must alert (at most 66)")
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--publish-seconds", type=float, default=90.0, help="articles are released over this time")
    parser.add_argument("--freeze", type=float, default=20.0, help="seconds the broker stays SIGSTOPped")
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--workdir", type=Path, default=Path("data/chaos"))
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1, 1_000_000)
    options = Options(
        seed=seed,
        articles=args.articles,
        alerts=args.alerts,
        feeds=args.feeds,
        publish_seconds=args.publish_seconds,
        freeze=args.freeze,
        timeout=args.timeout,
        workdir=args.workdir,
    )
    with suite_server() as pg_url:  # the suite's choice: VEILLE_TEST_PG_URL, the local server, or a throwaway one
        ledger = run(dataclasses.replace(options, pg_url=pg_url))
    for line in [*ledger.events[-1:], *ledger.problems, *ledger.mismatches]:  # the run's length, what failed
        print(f"chaos: {line}")
    print(ledger.line())
    return 0 if ledger.ok else 1


if __name__ == "__main__":
    sys.exit(main())
