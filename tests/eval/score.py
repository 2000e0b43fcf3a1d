"""Score Russia–DPRK event detection on the labelled corpus, through ``veille extract``.

Usage: ``python -m tests.eval.score [--verbose] [--config FILE] [CORPUS.jsonl ...]``
(default: ``tests/eval/corpus/*.jsonl``).

Each corpus line is an extract input line plus one key per event type it is labelled for
(``"agreement"``, ``"visit"``, ``"arms_transfer"``, ``"troop_deployment"``, ``"missile_launch"``):
the gold stage of the Russia–DPRK event of that type the item reports, or null; a type without a
key is not scored on that item. A prediction is an event of that type whose actors include both
PRK and RUS; for ``missile_launch`` (one party) an event by PRK or RUS. Direction: ``"from"`` and
``"to"`` label directed events, ``"launcher"`` a launch; direction accuracy is the share of true
positives so labelled whose predicted from/to (or launcher) are right. Prints precision, recall,
F1, stage and direction accuracy per file and language and overall; exits 1 when the overall
figures miss the targets (issue 9: P 0.95, R 0.90, stage 0.90, direction 0.95).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from process.extract_cli import run_extract
from veille.config import load_config

HERE = Path(__file__).resolve().parent
CORPORA = tuple(sorted((HERE / "corpus").glob("*.jsonl")))
CONFIG = HERE / "config.yaml"
TARGETS = {"precision": 0.95, "recall": 0.90, "stage_accuracy": 0.90, "direction_accuracy": 0.95}
PAIR = {"PRK", "RUS"}
EVENT_TYPES = ("agreement", "visit", "arms_transfer", "troop_deployment", "missile_launch")
ONE_PARTY = frozenset({"missile_launch"})


@dataclass
class Tally:
    """Counts for one slice of the corpus."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    stage_ok: int = 0
    direction_n: int = 0
    direction_ok: int = 0
    errors: list[str] = field(default_factory=list)

    def add(
        self,
        gold: str | None,
        predicted: str | None,
        item_id: str,
        direction: tuple[object, object] | None = None,
    ) -> None:
        """Count one item: gold and predicted stages (None: no Russia–DPRK agreement).

        ``direction``: (gold, predicted) from/to or launcher, when the item labels one.
        """
        if gold and predicted:
            self.tp += 1
            if gold == predicted:
                self.stage_ok += 1
            else:
                self.errors.append(f"{item_id}: stage {predicted} (gold {gold})")
            if direction is not None:
                self.direction_n += 1
                if direction[0] == direction[1]:
                    self.direction_ok += 1
                else:
                    self.errors.append(f"{item_id}: direction {direction[1]} (gold {direction[0]})")
        elif predicted:
            self.fp += 1
            self.errors.append(f"{item_id}: false positive ({predicted})")
        elif gold:
            self.fn += 1
            self.errors.append(f"{item_id}: missed ({gold})")
        else:
            self.tn += 1

    def merge(self, other: Tally) -> None:
        """Add ``other``'s counts to this one."""
        self.tp, self.fp, self.fn, self.tn = (
            self.tp + other.tp,
            self.fp + other.fp,
            self.fn + other.fn,
            self.tn + other.tn,
        )
        self.stage_ok += other.stage_ok
        self.direction_n += other.direction_n
        self.direction_ok += other.direction_ok
        self.errors += other.errors

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1.0 when there is nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def stage_accuracy(self) -> float:
        """Share of true positives with the right stage."""
        return self.stage_ok / self.tp if self.tp else 1.0

    @property
    def direction_accuracy(self) -> float:
        """Share of direction-labelled true positives with the right from/to (or launcher)."""
        return self.direction_ok / self.direction_n if self.direction_n else 1.0

    def row(self, name: str) -> str:
        """One printed line."""
        n = self.tp + self.fp + self.fn + self.tn
        direction = f" direction={self.direction_accuracy:.3f}" if self.direction_n else ""
        return (
            f"{name:<22} n={n:<4} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"stage={self.stage_accuracy:.3f}{direction}  (tp={self.tp} fp={self.fp} fn={self.fn})"
        )

    def meets_targets(self) -> bool:
        """Whether precision, recall, stage and direction accuracy reach ``TARGETS``."""
        return all(getattr(self, name) >= target for name, target in TARGETS.items())


def predicted_event(output: dict, event_type: str = "agreement") -> dict | None:
    """The Russia–DPRK ``event_type`` event (a launch: by either) of one ``veille extract`` output line."""
    for event in output.get("events", []):
        if event["type"] != event_type:
            continue
        if set(event["actors"]) >= PAIR or (event_type in ONE_PARTY and set(event["actors"]) & PAIR):
            return event
    return None


def direction(item: dict, event: dict | None, event_type: str) -> tuple[object, object] | None:
    """(gold, predicted) direction of ``item``'s ``event_type`` event, None when it labels none."""
    if event_type in ONE_PARTY:
        if "launcher" not in item:
            return None
        return item["launcher"], (event or {}).get("actors", [None])[0]
    if "from" not in item or event_type not in {"arms_transfer", "troop_deployment"}:
        return None
    predicted = (event.get("from"), event.get("to")) if event else None
    return (item["from"], item["to"]), predicted


def score(corpus: Path, config_path: Path = CONFIG) -> dict[str, Tally]:
    """Run ``corpus`` through the extract contract; tallies per language."""
    lines = corpus.read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run_extract(load_config(config_path), io.StringIO("\n".join(lines) + "\n"), stdout, stderr)
    if code != 0:
        raise SystemExit(f"{corpus}: extract rejected lines:\n{stderr.getvalue()}")
    outputs = {o["id"]: o for o in map(json.loads, stdout.getvalue().splitlines())}
    tallies: dict[str, Tally] = {}
    for item in items:
        output = outputs[item["id"]]
        add_item(tallies.setdefault(item.get("lang") or output["lang"], Tally()), item, output)
    return tallies


def add_item(tally: Tally, item: dict, output: dict, types: Iterable[str] = EVENT_TYPES) -> None:
    """Count one labelled ``item`` against its ``veille extract`` ``output``, for each of ``types`` it is
    labelled for."""
    for event_type in types:
        if event_type in item:
            name = item["id"] if event_type == "agreement" else f"{item['id']}/{event_type}"
            event = predicted_event(output, event_type)
            tally.add(item[event_type], event["stage"] if event else None, name, direction(item, event, event_type))


def report(corpora: Iterable[Path], config_path: Path, verbose: bool, out: io.TextIOBase) -> Tally:
    """Print the table; return the overall tally."""
    overall = Tally()
    for corpus in corpora:
        total = Tally()
        for lang, tally in sorted(score(corpus, config_path).items()):
            out.write(tally.row(f"{corpus.stem}/{lang}") + "\n")
            total.merge(tally)
        out.write(total.row(f"{corpus.stem}/all") + "\n")
        overall.merge(total)
    out.write(overall.row("overall") + "\n")
    if verbose:
        for error in overall.errors:
            out.write(f"  {error}\n")
    return overall


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: 0 when the targets hold, 1 otherwise."""
    parser = argparse.ArgumentParser(prog="python -m tests.eval.score", description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=list(CORPORA))
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    overall = report(args.corpora, args.config, args.verbose, sys.stdout)
    if overall.meets_targets():
        print("targets met: " + ", ".join(f"{k} >= {v}" for k, v in TARGETS.items()))
        return 0
    print("TARGETS MISSED: " + ", ".join(f"{k} >= {v}" for k, v in TARGETS.items()))
    return 1


if __name__ == "__main__":
    sys.exit(main())
