"""The evaluation targets hold on the labelled corpus (the same figures ``make eval`` prints)."""

from __future__ import annotations

import pytest

from tests.eval import entities
from tests.eval.score import CONFIG, CORPORA, TARGETS, Tally, score

RUSSIAN = [corpus for corpus in CORPORA if corpus.stem.startswith("ru-")]
RUSSIAN_TARGETS = {"precision": 0.95, "recall": 0.90, "stage_accuracy": 0.90}


def test_agreement_detection_meets_the_targets_per_language():
    overall = Tally()
    for corpus in CORPORA:
        for lang, tally in score(corpus, CONFIG).items():
            overall.merge(tally)
            assert tally.tp + tally.fn >= 5, f"{corpus.stem}/{lang} has too few positives to mean anything"
    assert overall.tp + overall.fp + overall.fn + overall.tn >= 150
    for name, target in TARGETS.items():
        assert getattr(overall, name) >= target, f"{name} {getattr(overall, name):.3f} < {target}: {overall.errors}"


@pytest.mark.parametrize("corpus", RUSSIAN, ids=lambda path: path.stem)
def test_russian_event_detection_meets_the_targets_on_each_set(corpus):
    (tally,) = score(corpus, CONFIG).values()
    assert tally.tp + tally.fn >= 15, f"{corpus.stem} has too few positives to mean anything"
    for name, target in RUSSIAN_TARGETS.items():
        assert getattr(tally, name) >= target, f"{name} {getattr(tally, name):.3f} < {target}: {tally.errors}"


def test_the_russian_corpus_has_at_least_a_hundred_reports():
    assert sum(len(corpus.read_text(encoding="utf-8").splitlines()) for corpus in RUSSIAN) >= 100


def test_watched_entity_mentions_meet_the_targets_in_each_language():
    overall = Tally()
    for corpus in entities.CORPORA:
        for lang, tally in entities.score(corpus, CONFIG).items():
            overall.merge(tally)
            assert tally.fp + tally.tn >= 15, f"{corpus.stem}/{lang} has too few confusers to mean anything"
    for name, target in entities.TARGETS.items():
        assert getattr(overall, name) >= target, f"{name} {getattr(overall, name):.3f} < {target}: {overall.errors}"
