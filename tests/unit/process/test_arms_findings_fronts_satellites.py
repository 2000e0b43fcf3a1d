"""Arms reports round 19 (arms20): a finding as a report, a front named by its demonym after a governed noun,
satellites developed and put into orbit with help."""

from __future__ import annotations

from tests.unit.process.conftest import stage


def test_a_finding_closing_the_headline_is_its_source(detect_rules):
    found = detect_rules(
        "Moscow Looks to Pyongyang for Rockets, U.S. Officials Find",
        "Russia is in the process of buying rockets from North Korea, according to American officials.",
    )
    assert stage(found, "arms_transfer") == "announced"


def test_a_demonym_after_a_governed_noun_is_the_front_not_another_story(detect_rules):
    found = detect_rules(
        "Cinq blessés dans la ville ukrainienne : un missile nord-coréen mis en cause",
        "Une frappe russe a touché Kharkiv dans la nuit. Le missile utilisé était un KN-23 fabriqué en Corée "
        "du Nord, selon le parquet ukrainien.",
        lang="fr",
    )
    assert stage(found, "arms_transfer") == "reported"


def test_help_to_develop_satellites_is_a_transfer_of_know_how(detect_rules):
    found = detect_rules("Russia will help North Korea develop its satellites, Putin says")
    event = next(e for e in found.events if e.type == "arms_transfer")
    assert (event.stage, event.from_, event.to) == ("announced", "RUS", "PRK")


def test_help_to_put_into_orbit_a_satellite_in_russian_word_order(detect_rules):
    found = detect_rules("Москва помогла Пхеньяну вывести на орбиту военный спутник", lang="ru")
    event = next(e for e in found.events if e.type == "arms_transfer")
    assert (event.stage, event.from_, event.to) == ("reported", "RUS", "PRK")
