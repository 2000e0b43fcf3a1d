"""The evaluation targets hold on the labelled corpus (the same figures ``make eval`` prints)."""

from __future__ import annotations

from tests.eval.score import CONFIG, CORPORA, TARGETS, Tally, score


def test_agreement_detection_meets_the_targets_per_language():
    overall = Tally()
    for corpus in CORPORA:
        for lang, tally in score(corpus, CONFIG).items():
            overall.merge(tally)
            assert tally.tp + tally.fn >= 5, f"{corpus.stem}/{lang} has too few positives to mean anything"
    assert overall.tp + overall.fp + overall.fn + overall.tn >= 150
    for name, target in TARGETS.items():
        assert getattr(overall, name) >= target, f"{name} {getattr(overall, name):.3f} < {target}: {overall.errors}"
