"""A third state or organ the headline names as saying or finding (not condemning, sanctioning or
warning) vouches for the body's weapons claims: they stay news, with it as claimant."""

from __future__ import annotations

from collections.abc import Callable

from tests.unit.process.conftest import stage
from veille.contracts import Detection

BODY = "The assessment said Russia had obtained several million artillery shells from North Korea over the past year."


def test_a_third_state_that_says_leaves_the_body_news(detect_rules: Callable[..., Detection]) -> None:
    detection = detect_rules(
        "British intelligence says Russia leans harder on Iran and North Korea as its stocks run low", BODY
    )
    assert stage(detection, "arms_transfer") == "reported"
    assert [e.claimed_by for e in detection.events if e.type == "arms_transfer"] == ["GBR"]


def test_a_third_state_that_tells_a_listener_leaves_the_body_news(detect_rules: Callable[..., Detection]) -> None:
    detection = detect_rules("U.S. general tells senators Ukraine is outgunned as Russia leans on North Korea", BODY)
    assert stage(detection, "arms_transfer") == "reported"


def test_a_warning_or_a_condemnation_stays_a_reaction(detect_rules: Callable[..., Detection]) -> None:
    assert (
        stage(
            detect_rules("U.S. warns Russia over its deepening ties with Iran and North Korea", BODY), "arms_transfer"
        )
        is None
    )
    assert (
        stage(detect_rules("EU condemns Russia's deepening ties with Iran and North Korea", BODY), "arms_transfer")
        is None
    )


def test_a_third_state_that_only_meets_stays_its_own_story(detect_rules: Callable[..., Detection]) -> None:
    assert (
        stage(detect_rules("Britain and Ukraine discuss Russia's ties with North Korea", BODY), "arms_transfer") is None
    )
