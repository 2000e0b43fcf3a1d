"""The recall backstop: its features, its gates, and what it adds to the rules' events."""

from __future__ import annotations

import json

import pytest

from process.backstop import WEIGHTS, Backstop, Linear, TypeModel, features
from process.extractor import Extractor
from tests.unit.process.conftest import make_article
from veille.contracts import Detection


def backstop_events(detection: Detection, event_type: str) -> list:
    """The events of ``event_type`` that the backstop added (no trigger: nothing was matched)."""
    return [e for e in detection.events if e.type == event_type and not e.trigger]


def test_features_replace_watched_mentions_by_placeholders_and_others_by_other(extractor: Extractor):
    prepared = extractor.prepare(make_article("Seoul says North Korean sappers cleared mines in Kursk for Moscow"))
    found = features(prepared.lang, prepared.tokens, prepared.mentions)
    assert "en|b|<OTHER> says" in found
    assert "en|b|says <PRK>" in found
    assert "en|b|for <RUS>" in found
    assert "en|c|sapp" in found
    assert not any("north" in f or "moscow" in f for f in found)


def test_features_carry_the_language(extractor: Extractor):
    prepared = extractor.prepare(make_article("Des sapeurs nord-coréens à Koursk", lang="fr"))
    assert all(f.startswith("fr|") for f in features(prepared.lang, prepared.tokens, prepared.mentions))


def test_a_troop_deployment_paraphrase_without_a_cue_word_is_found(detect):
    # "sappers", "cleared mines" in the past tense with "brought home": no trigger/cue pair of the rules
    detection = detect(
        "North Korean sappers back home after months of work on Russian soil",
        "Pyongyang state media said the engineers had cleared mines in Kursk for Moscow.",
        published="2025-12-13",
    )
    (event,) = backstop_events(detection, "troop_deployment")
    assert event.actors == ("PRK", "RUS")
    assert (event.from_, event.to) == ("PRK", "RUS")
    # the lead that names the engineers is Pyongyang's state media speaking: the party acknowledges the deed
    # (``rules.claimed_by_party``, round 27)
    assert event.stage == "confirmed"


def test_a_denial_is_not_found(detect):
    detection = detect(
        "Moscow denies that North Korean sappers are working on Russian soil",
        "The Kremlin called the reports of engineers clearing mines in Kursk baseless.",
        published="2025-12-13",
    )
    assert not [e for e in detection.events if e.type == "troop_deployment"]


def test_an_item_naming_one_party_gets_no_two_party_event(detect):
    detection = detect("North Korean sappers back home after months of work abroad", published="2025-12-13")
    assert not backstop_events(detection, "troop_deployment")


def test_the_backstop_adds_nothing_where_the_rules_found_that_type(detect):
    detection = detect("North Korea sent troops to Russia, Seoul says", published="2024-10-20")
    troops = [e for e in detection.events if e.type == "troop_deployment"]
    assert len(troops) == 1 and troops[0].trigger


def test_without_the_backstop_the_paraphrase_is_missed(rules_extractor):
    article = make_article(
        "North Korean sappers back home after months of work on Russian soil",
        "Pyongyang state media said the engineers had cleared mines in Kursk for Moscow.",
        published="2025-12-13",
    )
    assert not [e for e in rules_extractor.extract([article])[0].events if e.type == "troop_deployment"]


def test_the_committed_weights_load_and_round_trip():
    raw = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    backstop = Backstop.load({"troop_deployment": 2, "arms_transfer": 2, "missile_launch": 1})
    assert set(backstop.models) == {"troop_deployment", "arms_transfer", "missile_launch"}
    assert backstop.to_json() == raw


# Training on the whole corpus takes about a minute on an idle core, three or more on a loaded 2-core machine.
@pytest.mark.timeout(900)
def test_the_committed_weights_are_what_training_on_the_corpus_writes():
    pytest.importorskip("sklearn")
    from tests.eval.backstop_train import build

    trained = build().to_json()
    committed = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    for name, model in committed["types"].items():
        fresh = trained["types"][name]
        assert {k: v for k, v in model.items() if k not in ("weights", "intercept", "reverse")} == {
            k: v for k, v in fresh.items() if k not in ("weights", "intercept", "reverse")
        }
        assert ("reverse" in model) == ("reverse" in fresh)
        if "reverse" in model:
            assert fresh["reverse"]["intercept"] == pytest.approx(model["reverse"]["intercept"], abs=1e-3)
        assert fresh["intercept"] == pytest.approx(model["intercept"], abs=1e-3)
        shared = model["weights"].keys() & fresh["weights"].keys()
        # rounding to 4 decimals may drop a weight near zero on one side only
        assert len(shared) >= 0.99 * len(model["weights"])
        assert max(abs(model["weights"][f] - fresh["weights"][f]) for f in shared) < 1e-3


def test_the_direction_model_reverses_the_prior_where_it_says_so():
    reverse = Linear(intercept=-1.0, weights={"en|b|helped <PRK>": 4.0})
    model = TypeModel(0.0, {}, 0.5, "reported", ("PRK", "RUS"), reverse=reverse)
    assert model.orientation(["en|b|helped <PRK>"]) == ("RUS", "PRK")
    assert model.orientation(["en|b|shells to"]) == ("PRK", "RUS")
    assert TypeModel(0.0, {}, 0.5, "reported", ("PRK", "RUS")).orientation(["en|b|helped <PRK>"]) == ("PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "direction"),
    [
        (
            "Moscow aiding North Korea's submarine programme, Seoul lawmakers say",
            "The spy agency said Russian engineers had provided reactor designs.",
            ("RUS", "PRK"),
        ),
        (
            "North Korea shipping shells to Russia, Seoul says",
            "Containers of artillery rounds crossed the border by rail.",
            ("PRK", "RUS"),
        ),
    ],
)
def test_the_committed_direction_model_turns_help_to_north_korea_around(extractor, title, summary, direction):
    # the direction, not whether the item reaches the threshold: that moves with every retraining
    prepared = extractor.prepare(make_article(title, summary, published="2025-06-01"))
    model = extractor.backstop.models["arms_transfer"]
    assert model.orientation(features(prepared.lang, prepared.tokens, prepared.mentions)) == direction


@pytest.fixture(scope="module")
def always(extractor: Extractor) -> Extractor:
    """An extractor whose troop-deployment backstop scores every item 1.0: only its gates decide."""
    model = TypeModel(intercept=50.0, weights={}, threshold=0.5, stage="reported", direction=("PRK", "RUS"))
    return Extractor(
        extractor.watchlist, extractor.types, backstop=Backstop({"troop_deployment": model}, {"troop_deployment": 2})
    )


@pytest.mark.parametrize(
    "title",
    [
        "Russia denies North Korean engineers are in Kursk",  # a denial
        "Could North Korea send engineers to Russia?",  # a speculative question
        "Japan condemns North Korea's engineers in Russia",  # a reaction: another country leads
        "North Korea sent howitzers to Russia, Kyiv says",  # the rules found an arms transfer
    ],
)
def test_the_gates_stop_a_backstop_that_fires_on_everything(always: Extractor, title: str):
    detection = always.extract([make_article(title, published="2025-03-01")])[0]
    assert not backstop_events(detection, "troop_deployment")


@pytest.mark.parametrize(
    "title",
    [
        "Putin in Pyongyang",  # a person and a place, one word between: nothing for phrasing to weigh
        "Kim Jong Un in Vladivostok",
        "Lavrov in Pyongyang: talks",
    ],
)
def test_the_backstop_does_not_weigh_an_item_of_a_few_words(always: Extractor, title: str):
    detection = always.extract([make_article(title, title, published="2024-06-19")])[0]
    assert not backstop_events(detection, "troop_deployment")


@pytest.mark.parametrize(
    "title",
    [
        "Год назад северокорейские инженеры появились в Курской области",  # opens on a time before the news
        "Ранее КНДР командировала в Россию инженеров",
        "Неясно, остались ли инженеры КНДР в Курской области",  # a reported yes/no question
    ],
)
def test_the_gates_stop_a_russian_look_back_or_question(always: Extractor, title: str):
    detection = always.extract([make_article(title, lang="ru", published="2025-11-01")])[0]
    assert not backstop_events(detection, "troop_deployment")


def test_a_backstop_that_fires_on_everything_adds_an_event_past_the_gates(always: Extractor):
    detection = always.extract(
        [make_article("North Korean engineers busy in Kursk for Russia", published="2025-03-01")]
    )[0]
    (event,) = backstop_events(detection, "troop_deployment")
    assert (event.actors, event.stage, event.from_, event.to) == (("PRK", "RUS"), "reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kremlin: North Korean engineers busy in Kursk for Russia", "en"),  # a party's headline speaker
        ("Минобороны показало северокорейских инженеров за работой в Курской области", "ru"),  # a party publishes
    ],
)
def test_a_backstop_finding_a_party_claims_is_its_acknowledgement(always: Extractor, title: str, lang: str):
    detection = always.extract([make_article(title, lang=lang, published="2025-03-01")])[0]
    (event,) = backstop_events(detection, "troop_deployment")
    assert (event.claimed_by, event.stage) == ("RUS", "confirmed")


def test_a_speaker_qualified_by_a_partys_demonym_speaks_for_himself(always: Extractor):
    detection = always.extract(
        [make_article("North Korean deserter says engineers busy in Kursk for Russia", published="2025-03-01")]
    )[0]
    (event,) = backstop_events(detection, "troop_deployment")
    assert (event.claimed_by, event.stage) == ("PRK", "reported")
