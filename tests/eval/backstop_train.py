"""Train the recall backstop (``process.backstop``) on the labelled corpus and write its weights.

Usage: ``python -m tests.eval.backstop_train [--out FILE] [CORPUS.jsonl ...]`` (default: every
``tests/eval/corpus/*.jsonl`` into ``process/backstop.json``). Needs scikit-learn (the ``test``
extra); the extractor only reads the JSON it writes.

For each type in ``THRESHOLDS``, every item is a training example: positive when labelled with a
non-null stage for it, negative otherwise. An item labelled only for other types (a treaty, a
launch) counts as a negative: the corpus sets are about one type each, and without these the model
of one type fires on the reports of another, which the scorer never counts (they are unlabelled for
it). Features are ``process.backstop.features`` of the item as the extractor prepares it, binary and
L2-normalised; those seen in fewer than ``MIN_ITEMS`` items are dropped. The model is an
L2-regularised logistic regression (``C``); a directed type also gets a direction model, the same
regression over its positive items labelled with a direction, telling the reverse of the most
frequent direction from it. ``C`` and the thresholds were chosen by
leave-one-file-out cross-validation (``python -m tests.eval.crossval``, figures in docs/WATCHING.md),
not on any single set.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from process.backstop import WEIGHTS, Backstop, Linear, TypeModel, features
from process.extract_cli import parse_line
from process.extractor import Extractor
from tests.eval.score import CONFIG, CORPORA
from veille.config import load_config

THRESHOLDS = {"troop_deployment": 0.2, "arms_transfer": 0.3, "missile_launch": 0.4}
"""The backstop's types and their probability thresholds (cross-validated; see the module docstring)."""
C = 30.0  # inverse regularisation strength
MIN_ITEMS = 2  # a feature seen in fewer training items is dropped (it cannot generalise; smaller file)


def load(corpora: Sequence[Path]) -> list[tuple[str, dict]]:
    """(file stem, item) of every labelled line of ``corpora``."""
    return [
        (path.stem, json.loads(line))
        for path in corpora
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def featurise(extractor: Extractor, items: Sequence[dict]) -> list[list[str]]:
    """The backstop features of each item, as the extractor prepares it (language, mentions)."""
    out = []
    for item in items:
        prepared = extractor.prepare(parse_line(json.dumps(item)))
        out.append(features(prepared.lang, prepared.tokens, prepared.mentions))
    return out


def train(
    extractor: Extractor,
    items: Sequence[dict],
    found: Sequence[list[str]],
    thresholds: dict[str, float],
    c: float = C,
) -> Backstop:
    """A backstop for ``thresholds``' types trained on ``items`` (with their ``found`` features)."""
    types = {t.name: t for t in extractor.types}
    frequency = Counter(f for item_features in found for f in item_features)
    # normalised over every feature of the item, as ``TypeModel.probability`` does at run time
    kept = [
        {f: 1 / math.sqrt(len(item_features)) for f in item_features if frequency[f] >= MIN_ITEMS}
        for item_features in found
    ]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(kept)
    models = {}
    for name, threshold in thresholds.items():
        rows = list(zip(kept, items, strict=True))
        y = [item.get(name) is not None for _, item in rows]
        classifier = LogisticRegression(C=c, max_iter=2000).fit(x, y)
        weights = dict(zip(vectorizer.get_feature_names_out(), classifier.coef_[0].tolist(), strict=True))
        stages = Counter(item[name] for _, item in rows if item.get(name) is not None)
        directed = [(row, (item["from"], item["to"])) for row, item in rows if item.get(name) and item.get("from")]
        directions = Counter(pair for _, pair in directed)
        prior = directions.most_common(1)[0][0] if directions else (None, None)
        models[name] = TypeModel(
            intercept=float(classifier.intercept_[0]),
            weights=weights,
            threshold=threshold,
            stage=stages.most_common(1)[0][0],
            direction=prior,
            reverse=_reverse(vectorizer, [row for row, _ in directed], [pair != prior for _, pair in directed], c),
        )
    return Backstop(models, {name: types[name].min_parties for name in thresholds})


def _reverse(vectorizer: DictVectorizer, rows: Sequence[dict], reversed_: Sequence[bool], c: float) -> Linear | None:
    """The direction model of a directed type: P(the item's direction is the reverse of the prior)
    from the features of its labelled items (``rows``); None when no item or every item goes one way."""
    if len(set(reversed_)) < 2:
        return None
    classifier = LogisticRegression(C=c, max_iter=2000).fit(vectorizer.transform(rows), reversed_)
    weights = dict(zip(vectorizer.get_feature_names_out(), classifier.coef_[0].tolist(), strict=True))
    return Linear(float(classifier.intercept_[0]), weights)


def build(corpora: Sequence[Path] = CORPORA, config: Path = CONFIG) -> Backstop:
    """The backstop the committed weights hold: trained on every item of ``corpora``."""
    extractor = Extractor.from_config(load_config(config), backstop=False)
    items = [item for _, item in load(corpora)]
    return train(extractor, items, featurise(extractor, items), THRESHOLDS)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: train and write the weights file."""
    parser = argparse.ArgumentParser(prog="python -m tests.eval.backstop_train", description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=list(CORPORA))
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args(argv)
    backstop = build(args.corpora)
    args.out.write_text(json.dumps(backstop.to_json(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    sizes = ", ".join(f"{name}: {len(m.weights)} weights" for name, m in sorted(backstop.models.items()))
    print(f"wrote {args.out} ({sizes})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
