"""A party's captive soldiers held by the state fighting it: the captor named first is the front, not a
third state that cancels the pair."""

from __future__ import annotations

from tests.unit.process.conftest import stage


def test_a_captor_named_before_prisoners_of_war_is_the_front(detect_rules):
    detection = detect_rules("Kyiv shows North Korean prisoners of war to foreign reporters")
    assert stage(detection, "troop_deployment") == "reported"


def test_soldiers_captured_after_the_noun_are_captives_too(detect_rules):
    detection = detect_rules("Zelensky shows three North Korean soldiers captured near Sudzha")
    assert stage(detection, "troop_deployment") == "reported"


def test_a_third_state_reacting_to_captives_still_cancels(detect_rules):
    detection = detect_rules("Japan condemns the treatment of North Korean prisoners of war")
    assert stage(detection, "troop_deployment") is None
