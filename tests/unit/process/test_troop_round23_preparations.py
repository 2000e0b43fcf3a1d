"""Round 23 (troopsC): troops trained or picked for a sending still ahead are a plan; a "next" dispatch is
ahead; a pronoun's speaker is the one an inverted reporting verb names, not the sentence's first name."""

from __future__ import annotations

from tests.unit.process.conftest import stage


def _claimants(detection):
    return [e.claimed_by for e in detection.events if e.type == "troop_deployment"]


def test_troops_trained_for_a_deployment_ahead_are_a_plan(detect_rules):
    detection = detect_rules("Pyongyang training new contingent of gunners for deployment to Russia, Kyiv says")
    assert stage(detection, "troop_deployment") == "announced"


def test_troops_trained_who_are_expected_to_be_sent_are_a_plan(detect_rules):
    detection = detect_rules(
        "North Korea is training a new group of engineers who are expected to be sent to Russia next spring, Kyiv said"
    )
    assert stage(detection, "troop_deployment") == "announced"


def test_troops_trained_in_russia_before_a_move_are_there(detect_rules):
    # the troops train where they already are: a deed, whatever comes next
    detection = detect_rules(
        "North Korean soldiers trained in Russia's Primorye region are fighting near Kursk, Seoul said"
    )
    assert stage(detection, "troop_deployment") == "reported"


def test_a_next_dispatch_is_a_plan(detect_rules):
    detection = detect_rules("North Korea readies its next dispatch of sappers to Russia, Seoul lawmaker says")
    assert stage(detection, "troop_deployment") == "announced"


def test_a_pronoun_after_an_inverted_verb_with_an_unnamed_speaker_is_no_party(detect_rules):
    # "According to them" stands for the outlet, not for the state named first in the previous sentence
    detection = detect_rules(
        "What became of the returnees",
        "Families of North Korean conscripts have received no letters for months, reports the outlet Daily NK, "
        "citing its own sources. According to them, North Korean soldiers who fought in the Kursk region are held "
        "in closed camps.",
    )
    assert "PRK" not in _claimants(detection)
    assert stage(detection, "troop_deployment") == "reported"


def test_a_pronoun_after_an_inverted_verb_stands_for_the_titled_speaker(detect_rules):
    # the speaker's state stands at the end of a long title after the verb
    detection = detect_rules(
        "Pyongyang picks new units for Russia",
        "North Korea is preparing more engineers for Russia, said a member of the defence committee of the "
        "National Assembly of South Korea. According to him, North Korean soldiers are already working in the "
        "Kursk region.",
    )
    assert "PRK" not in _claimants(detection)


def test_a_gala_for_units_returned_from_the_front_is_no_plan(detect_rules):
    # "for" governs the units, not the participle after them: they came back
    detection = detect_rules(
        "Kim hosts banquet for sappers returned from Russia's Kursk region, state media says",
        "North Korean leader Kim Jong Un thanked the sappers who cleared mines in the Kursk region for Russia.",
    )
    assert stage(detection, "troop_deployment") in {"reported", "confirmed"}
