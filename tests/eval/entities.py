"""Score watched-entity mentions (does this item mention RUS / PRK?) on the labelled entity corpus.

Usage: ``python -m tests.eval.entities [--verbose] [--config FILE] [CORPUS.jsonl ...]``
(default: ``tests/eval/entities/*.jsonl``).

Each corpus line is an extract input line plus ``"entities"``: the watched ids the item really
mentions. Namesakes and idioms ("Kim Kardashian", "Moscow Mule", "roulette russe") are confusers
labelled ``[]``. Every (item, watched id) pair is one decision; prints precision and recall per
file and language and overall, and exits 1 when the overall figures miss the targets.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from process.extract_cli import run_extract
from tests.eval.score import CONFIG, PAIR, Tally
from veille.config import load_config

HERE = Path(__file__).resolve().parent
CORPORA = tuple(sorted((HERE / "entities").glob("*.jsonl")))
TARGETS = {"precision": 0.95, "recall": 0.95}


def score(corpus: Path, config_path: Path = CONFIG) -> dict[str, Tally]:
    """Run ``corpus`` through the extract contract; tallies of (item, watched id) decisions per language."""
    lines = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    stdout, stderr = io.StringIO(), io.StringIO()
    if run_extract(load_config(config_path), io.StringIO("\n".join(lines) + "\n"), stdout, stderr) != 0:
        raise SystemExit(f"{corpus}: extract rejected lines:\n{stderr.getvalue()}")
    outputs = {o["id"]: o for o in map(json.loads, stdout.getvalue().splitlines())}
    tallies: dict[str, Tally] = {}
    for item in map(json.loads, lines):
        found = {e["id"] for e in outputs[item["id"]]["entities"]}
        tally = tallies.setdefault(item["lang"], Tally())
        for entity in sorted(PAIR):
            gold = entity if entity in item["entities"] else None
            tally.add(gold, entity if entity in found else None, f"{item['id']}/{entity}")
    return tallies


def row(name: str, tally: Tally) -> str:
    """One printed line."""
    return (
        f"{name:<22} P={tally.precision:.3f} R={tally.recall:.3f}  (tp={tally.tp} fp={tally.fp} fn={tally.fn} "
        f"tn={tally.tn})"
    )


def report(corpora: Iterable[Path], config_path: Path, verbose: bool, out: io.TextIOBase) -> Tally:
    """Print the table; return the overall tally."""
    overall = Tally()
    for corpus in corpora:
        total = Tally()
        for lang, tally in sorted(score(corpus, config_path).items()):
            out.write(row(f"{corpus.stem}/{lang}", tally) + "\n")
            total.merge(tally)
        out.write(row(f"{corpus.stem}/all", total) + "\n")
        overall.merge(total)
    out.write(row("overall", overall) + "\n")
    if verbose:
        for error in overall.errors:
            out.write(f"  {error}\n")
    return overall


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: 0 when the targets hold, 1 otherwise."""
    parser = argparse.ArgumentParser(prog="python -m tests.eval.entities", description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=list(CORPORA))
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    overall = report(args.corpora, args.config, args.verbose, sys.stdout)
    met = all(getattr(overall, name) >= target for name, target in TARGETS.items())
    print(("targets met: " if met else "TARGETS MISSED: ") + ", ".join(f"{k} >= {v}" for k, v in TARGETS.items()))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
