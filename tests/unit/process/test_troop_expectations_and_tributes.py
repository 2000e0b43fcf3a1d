"""A receiver's plan told with a quantity and a purpose, a source's own words, and tributes laid."""

from __future__ import annotations

from tests.unit.process.conftest import stage


def test_the_purpose_of_a_distant_plan_is_planned_too(detect_rules):
    detection = detect_rules(
        "The Kremlin is preparing to receive as many as 12,000 more North Korean servicemen over the summer"
        " to reinforce units fighting near Pokrovsk"
    )
    assert stage(detection, "troop_deployment") == "announced"


def test_a_word_after_the_source_phrase_is_the_sources(detect_rules):
    detection = detect_rules(
        "Russia expects thousands more North Korean troops, according to a Kyiv intelligence memo seen by Reuters"
    )
    assert stage(detection, "troop_deployment") == "announced"


def test_an_anticipated_arrival_is_a_plan_of_the_receiver(detect_rules):
    detection = detect_rules("Moscow anticipates 5,000 more North Korean soldiers by autumn")
    assert stage(detection, "troop_deployment") == "announced"


def test_a_wreath_laid_for_the_troops_acknowledges_them(detect_rules):
    detection = detect_rules("Russian defence minister lays a wreath for North Korean soldiers who died near Sudzha")
    assert stage(detection, "troop_deployment") == "confirmed"
