"""Leave-one-file-out cross-validation of the recall backstop: rules only against rules + backstop.

Usage: ``python -m tests.eval.crossval [--c C] [--out FILE]``. For each corpus file F, the backstop
is trained on every other file and the extractor (rules + that backstop) runs on F; F is scored as
``tests.eval.score`` does. Prints, per file and per event type, rules only and rules + backstop at
the thresholds of ``tests.eval.backstop_train.THRESHOLDS``, then a threshold sweep per type.

Honesty note: the rules were tuned on every file, so the rules-only figures are development
figures; only the backstop's *marginal* effect (what it adds, right or wrong) is estimated on text
it was not trained on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from process.backstop import Backstop, features
from process.extract_cli import parse_line, render
from process.extractor import Extractor
from tests.eval.backstop_train import THRESHOLDS, C, featurise, load, train
from tests.eval.score import CONFIG, CORPORA, Tally, add_item
from veille.config import load_config

FLOOR = 0.05  # the cross-validation runs keep backstop events down to this probability, then sweeps
SWEEP = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7)
RULES_ONLY = float("inf")


def held_out_outputs(c: float = C, corpora: Sequence[Path] = CORPORA) -> dict[str, list[tuple[dict, dict]]]:
    """Per file, (item, extract output) with a backstop trained on the other files (threshold ``FLOOR``).

    Each output also carries ``"held_out"``: the out-of-fold probability per backstop type, where the
    item names that type's parties (the classifier alone, whatever the rules found)."""
    extractor = Extractor.from_config(load_config(CONFIG), backstop=False)
    labelled = load(corpora)
    items = [item for _, item in labelled]
    found = featurise(extractor, items)
    out: dict[str, list[tuple[dict, dict]]] = {}
    for stem in dict.fromkeys(s for s, _ in labelled):
        train_rows = [i for i, (s, _) in enumerate(labelled) if s != stem]
        floor = dict.fromkeys(THRESHOLDS, FLOOR)
        backstop: Backstop = train(extractor, [items[i] for i in train_rows], [found[i] for i in train_rows], floor, c)
        extractor.backstop = backstop
        test = [item for s, item in labelled if s == stem]
        detections = extractor.extract([parse_line(json.dumps(item)) for item in test])
        rows = []
        for item, detection in zip(test, detections, strict=True):
            prepared = extractor.prepare(parse_line(json.dumps(item)))
            named = features(prepared.lang, prepared.tokens, prepared.mentions)
            held_out = {
                name: model.probability(named)
                for name, model in backstop.models.items()
                if backstop.parties(name, prepared.mentions) is not None
            }
            rows.append((item, {**render(detection), "held_out": held_out}))
        out[stem] = rows
    return out


def cut(output: dict, thresholds: dict[str, float]) -> dict:
    """``output`` without the backstop events (no trigger) below their type's threshold."""
    kept = [e for e in output["events"] if e["trigger"] or e["confidence"] >= thresholds.get(e["type"], RULES_ONLY)]
    return {**output, "events": kept}


def tally(rows: Sequence[tuple[dict, dict]], thresholds: dict[str, float], types: Sequence[str]) -> Tally:
    """The score of ``rows`` for ``types`` with backstop events cut at ``thresholds``."""
    total = Tally()
    for item, output in rows:
        add_item(total, item, cut(output, thresholds), types)
    return total


def report(outputs: dict[str, list[tuple[dict, dict]]], write: callable) -> None:
    """Print per-file and per-type rules-only / rules+backstop rows, then the threshold sweep."""
    types = tuple(THRESHOLDS)
    every = [row for rows in outputs.values() for row in rows]
    write("== per file, backstop types only: rules only | rules + backstop (cross-validated)")
    for stem, rows in outputs.items():
        before, after = tally(rows, {}, types), tally(rows, THRESHOLDS, types)
        if before.tp + before.fp + before.fn:
            write(before.row(f"{stem}:rules"))
            write(after.row(f"{stem}:+backstop"))
    write("== per type, all files")
    for name in (*types, *(t for t in ("agreement", "visit") if t not in types)):
        write(tally(every, {}, (name,)).row(f"{name}:rules"))
        write(tally(every, THRESHOLDS, (name,)).row(f"{name}:+backstop"))
    write(tally(every, {}, types).row("backstop-types:rules"))
    write(tally(every, THRESHOLDS, types).row("backstop-types:+backstop"))
    for name in types:
        added = [
            item["id"]
            for item, output in every
            if name not in item
            and any(e["type"] == name and not e["trigger"] for e in cut(output, THRESHOLDS)["events"])
        ]
        write(f"{name}: {len(added)} backstop events on items not labelled for it (unscored): {', '.join(added)}")
    write("== threshold sweep per type (rules + backstop at t; the classifier alone, out of fold, labelled items)")
    for name in types:
        for t in SWEEP:
            write(tally(every, {name: t}, (name,)).row(f"{name}@{t}"))
            alone = Tally()
            for item, output in every:
                if name in item:
                    alone.add(item[name], "yes" if output["held_out"].get(name, 0.0) >= t else None, item["id"])
            write(f"  alone: P={alone.precision:.3f} R={alone.recall:.3f} (tp={alone.tp} fp={alone.fp} fn={alone.fn})")


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m tests.eval.crossval", description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=C, help="inverse regularisation strength")
    parser.add_argument("--verbose", "-v", action="store_true", help="list the backstop's errors")
    args = parser.parse_args(argv)
    outputs = held_out_outputs(args.c)
    report(outputs, print)
    if args.verbose:
        every = [row for rows in outputs.values() for row in rows]
        before = set(tally(every, {}, tuple(THRESHOLDS)).errors)
        for error in tally(every, THRESHOLDS, tuple(THRESHOLDS)).errors:
            print(("  " if error in before else "  NEW ") + error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
