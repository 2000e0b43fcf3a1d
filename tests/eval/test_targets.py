"""The evaluation targets hold on the labelled corpus (the same figures ``make eval`` prints)."""

from __future__ import annotations

import json

import pytest

from tests.eval import entities
from tests.eval.score import CONFIG, CORPORA, TARGETS, Tally, score

# Scoring the whole corpus (about 5,000 labels) runs every item through the extractor: about 2 min on an
# idle core, several times that on a loaded 2-core machine (904 s was seen with helper sessions running).
pytestmark = pytest.mark.timeout(1800)

# Development sets too small for per-set figures to mean anything (ru-dev2: 12 items, 11 positive
# labels; troops-dev3: 12 items, 7 positive labels, round 12; ru-dev3: 11 items, 11 positive labels,
# agree-dev, arms-dev5 and launch-dev4: 12 items each, round 13; agree-dev2, arms-dev6, launch-dev5,
# ru-dev4 and troops-dev4: 8 to 13 items each, round 15; the helpers' sets of rounds 16 and 17: 4 to 14
# items each; third-dev keeps 13 positive labels over three languages once its two third-state
# condemnations are labelled null, round 16; the helpers' sets of round 18, ru-dev7 with 6 positive
# labels among them); holdout18 (round 21's agreement holdout: 14 positive labels, its writer found few
# ratifications and entries into force left untold); they count in the overall figures.
SMALL_SETS = {
    "agree-dev",
    "agree-dev2",
    "agree-dev3",
    "arms-dev5",
    "arms-dev6",
    "arms-dev7",
    "arms-dev8",
    "arms-dev9",
    "arms-dev10",
    "holdout18",
    "launch-dev4",
    "launch-dev5",
    "launch-dev6",
    "launch-dev7",
    "launch-dev8",
    "open-dev",
    "ru-dev2",
    "ru-dev3",
    "ru-dev4",
    "ru-dev5",
    "ru-dev6",
    "ru-dev7",
    "third-dev",
    "troops-dev3",
    "troops-dev4",
    "troops-dev5",
    "troops-dev6",
    "troops-dev7",
}
RUSSIAN = [corpus for corpus in CORPORA if corpus.stem.startswith("ru-")]
RUSSIAN_TARGETS = {"precision": 0.95, "recall": 0.90, "stage_accuracy": 0.90}


def test_agreement_detection_meets_the_targets_per_language():
    overall = Tally()
    for corpus in CORPORA:
        per_language = score(corpus, CONFIG)
        for tally in per_language.values():
            overall.merge(tally)
        positives = sum(tally.tp + tally.fn for tally in per_language.values())
        if corpus.stem not in SMALL_SETS:
            assert positives >= 5 * len(per_language), f"{corpus.stem} has too few positives to mean anything"
    assert overall.tp + overall.fp + overall.fn + overall.tn >= 150
    for name, target in TARGETS.items():
        assert getattr(overall, name) >= target, f"{name} {getattr(overall, name):.3f} < {target}: {overall.errors}"


# ru-holdout4 was scored blind once (round 8: P 0.875, R 0.636) and has been tuned on since (round 9,
# development figures: P 1.000, R 0.955; docs/WATCHING.md). ru-holdout5 was scored blind once in
# round 9 (P 0.879, R 0.906) and tuned on in round 10 (development figures: P 0.969, R 0.969).
# ru-holdout6 was scored blind once in round 10 (before P 0.879 R 0.906, after P 0.938 R 0.938) and
# tuned on in round 11 (development figures: P 1.000, R 0.938). ru-holdout7 was scored blind once in
# round 11 (before P 0.806 R 0.862, after P 0.862 R 0.862) and tuned on in round 12 (development
# figures: P 1.000, R 0.966). ru-holdout8 was scored blind once in round 12 (before P 0.879 R 1.000,
# after P 0.879 R 1.000) and tuned on in round 13 (development figures: P 1.000, R 1.000). ru-holdout9
# was scored blind once in round 13 (before P 0.903 R 0.933, after P 0.906 R 0.967). ru-holdout10 was
# scored blind once in round 14 (before P 0.906 R 0.967, after P 0.938 R 1.000) and tuned on in round 16
# (development figures: P 1.000 R 1.000). ru-holdout11 was scored blind once in round 15 (before P 0.900
# R 0.931, after P 0.900 R 0.931) and tuned on in round 18 (development figures: P 1.000 R 1.000).
# ru-holdout12 was scored blind once in round 16 (before P 0.929 R 0.867, after P 0.929 R 0.867).
# ru-holdout13 was scored blind once in round 17 (P 0.893 R 0.833 under the reaction convention) and tuned
# on in round 20 (development figures: P 1.000 R 0.900). ru-holdout14 was scored blind once in round 18
# (P 0.812 R 0.929 stage 0.923). ru-holdout15 was scored blind once in round 19 (P 0.812 R 0.788 stage 0.846)
# and tuned on in round 23 (development figures: P 0.967 R 0.879; after launchE P 0.968 R 0.909 stage 0.967,
# so its mark went). ru-holdout16 was scored blind once in round 20 (P 0.889 R 0.857 stage 0.917) and tuned on
# in round 24 (development figures: P 1.000 R 0.929); ru-holdout12 meets the targets since round 24 (P 0.966
# R 0.933 stage 1.000), so its mark went. ru-holdout17 was scored blind once in round 21 (P 0.871 R 0.964 stage
# 0.926) and tuned on in round 25 (development figures: P 1.000 R 0.964 stage 1.000). ru-holdout14 meets the
# targets since round 26 (P 0.968 R 1.000 stage 1.000: ent26 made Nebenzia a Russian official, so his reaction
# is no launch), so its mark went. ru-holdout18 was scored blind once in round 22 (P 0.853 R 1.000 stage 0.966)
# and tuned on in round 26 (development figures: P 0.935 R 1.000 stage 1.000; two agencies' heads signing in
# Moscow are labelled no visit, where five other items label such signings held). ru-holdout19 was scored blind
# once in round 23 (P 0.857 R 0.667 stage 0.833) and tuned on in round 27 (development figures: P 1.000 R 0.963
# stage 0.923, so it has no mark). ru-holdout20 was scored blind once in round 24 (P 0.815 R 0.917 stage 0.818
# direction 0.769) and tuned on in round 28 (development figures: P 1.000 R 0.958 stage 0.957 direction 1.000, so
# its mark went). ru-holdout21 was scored blind once in round 25 (P 0.742 R 0.920 stage 1.000 direction 0.929)
# and tuned on in round 29 (development figures: P 0.960 R 0.960 stage 1.000 direction 1.000, so it has no mark);
# ru-holdout18 meets the targets since round 29 (P 0.967 R 1.000 stage 1.000: visit29 tells a co-signer named by
# post alone from a guest), so its mark went. ru-holdout22 was scored blind once in round 26 (P 0.920 R 0.958 stage
# 1.000 direction 0.846) and tuned on in round 30 (development figures: P 1.000 R 1.000 stage 1.000 direction
# 1.000, so its mark went). A set named here is a strict expected failure, so its mark
# goes the day it passes.
MISSING_RUSSIAN_TARGETS: set[str] = set()


@pytest.mark.parametrize(
    "corpus",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="below the Russian targets when scored blind"))
        if c.stem in MISSING_RUSSIAN_TARGETS
        else c
        for c in RUSSIAN
        if c.stem not in SMALL_SETS
    ],
    ids=lambda path: path.stem,
)
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


NEW_TYPES = {"missile_launch": "launch-", "troop_deployment": "troops-"}
NEW_TARGETS = {"precision": 0.95, "recall": 0.90, "stage_accuracy": 0.90, "direction_accuracy": 0.95}


@pytest.mark.parametrize("event_type", sorted(NEW_TYPES))
def test_each_new_event_type_has_at_least_a_hundred_reports_in_three_languages(event_type):
    corpora = [c for c in CORPORA if c.stem.startswith(NEW_TYPES[event_type])]
    items = [json.loads(line) for c in corpora for line in c.read_text(encoding="utf-8").splitlines()]
    assert len(items) >= 100
    assert {item["lang"] for item in items} == {"en", "fr", "ru"}
    assert all(event_type in item and item.get("source") and item.get("published") for item in items)


@pytest.mark.parametrize("event_type", sorted(NEW_TYPES))
def test_the_new_event_types_meet_the_targets_on_their_dev_sets(event_type):
    (corpus,) = [c for c in CORPORA if c.stem == f"{NEW_TYPES[event_type]}dev"]
    overall = Tally()
    for tally in score(corpus, CONFIG).values():
        overall.merge(tally)
    assert overall.direction_n >= 15
    for name, target in NEW_TARGETS.items():
        assert getattr(overall, name) >= target, f"{name} {getattr(overall, name):.3f} < {target}: {overall.errors}"
