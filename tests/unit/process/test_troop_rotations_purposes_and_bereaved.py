"""Rotations and troops formed to be sent are plans; a party's care for the families of its fallen owns them."""

from __future__ import annotations

from tests.unit.process.conftest import stage


def test_a_rotation_of_a_contingent_is_a_plan(detect_rules):
    detection = detect_rules("North Korea plans to rotate its soldiers in Russia every four months, Seoul says")
    assert stage(detection, "troop_deployment") == "announced"


def test_a_french_relief_of_a_contingent_is_a_plan(detect_rules):
    detection = detect_rules("Pyongyang veut relever ses soldats en Russie au printemps, selon Séoul", lang="fr")
    assert stage(detection, "troop_deployment") == "announced"


def test_a_russian_expectation_of_a_new_wave_is_a_plan(detect_rules):
    detection = detect_rules("Киев ожидает новых северокорейских солдат в России к осени", lang="ru")
    assert stage(detection, "troop_deployment") == "announced"


def test_units_formed_to_be_sent_are_a_plan(detect_rules):
    detection = detect_rules("В КНДР отобрали батальоны для переброски в Россию, пишут СМИ", lang="ru")
    assert stage(detection, "troop_deployment") == "announced"


def test_units_already_sent_stay_a_deed(detect_rules):
    detection = detect_rules("КНДР перебросила в Россию новые бригады, пишут СМИ", lang="ru")
    assert stage(detection, "troop_deployment") == "reported"


def test_flats_for_the_families_of_the_fallen_acknowledge_them(detect_rules):
    detection = detect_rules("Ким Чен Ын передал дома семьям погибших в России северокорейских военных", lang="ru")
    assert stage(detection, "troop_deployment") == "confirmed"


def test_french_care_for_bereaved_families_acknowledges_them(detect_rules):
    detection = detect_rules(
        "Kim Jong-un remet des logements aux familles des morts parmi les soldats nord-coréens envoyés en Russie",
        lang="fr",
    )
    assert stage(detection, "troop_deployment") == "confirmed"


def test_soldiers_killed_in_russia_without_a_tribute_stay_reported(detect_rules):
    detection = detect_rules("Kyiv says North Korean soldiers fighting in Russia's Kursk region suffered heavy losses")
    assert stage(detection, "troop_deployment") == "reported"
