"""Soldiers named by their role, the acknowledgement that names the one thanked, heroism extolled, past expectations."""

from __future__ import annotations

from tests.unit.process.conftest import stage
from veille.contracts import Detection


def _direction(detection: Detection) -> tuple[str | None, str | None] | None:
    """(from, to) of the troop deployment found, None when there is none."""
    event = next((e for e in detection.events if e.type == "troop_deployment"), None)
    return None if event is None else (event.from_, event.to)


def test_infantrymen_of_a_party_are_its_troops(detect_rules):
    detection = detect_rules("North Korean infantrymen fought in Russia's Kursk region, Kyiv says")
    assert stage(detection, "troop_deployment") == "reported"


def test_french_foot_soldiers_of_a_party_are_its_troops(detect_rules):
    detection = detect_rules("Des fantassins nord-coréens combattent dans la région russe de Koursk", lang="fr")
    assert stage(detection, "troop_deployment") == "reported"


def test_russian_snipers_of_a_party_are_its_troops(detect_rules):
    detection = detect_rules("Северокорейские снайперы воюют в Курской области России", lang="ru")
    assert stage(detection, "troop_deployment") == "reported"


def test_french_assaults_led_by_a_partys_soldiers_are_fighting(detect_rules):
    detection = detect_rules(
        "Dans la région russe de Koursk, des assauts menés par des fantassins nord-coréens", lang="fr"
    )
    assert stage(detection, "troop_deployment") == "reported"


def test_new_contingents_are_troops(detect_rules):
    detection = detect_rules("New North Korean contingents arrived in Russia's Kursk region, Seoul says")
    assert stage(detection, "troop_deployment") == "reported"


def test_snipers_of_no_party_are_no_deployment(detect_rules):
    detection = detect_rules("Ukrainian snipers held their positions near Kharkiv through the winter")
    assert stage(detection, "troop_deployment") is None


def test_the_thanks_naming_a_party_orients_a_quoted_promise(detect_rules):
    detection = detect_rules("«Никогда не забудем»: Путин поблагодарил Ким Чен Ына за корейских солдат", lang="ru")
    assert _direction(detection) == ("PRK", "RUS")


def test_a_capital_where_the_thanks_were_given_is_no_counterpart(detect_rules):
    detection = detect_rules("Путин в Пекине поблагодарил Ким Чен Ына за северокорейских бойцов", lang="ru")
    assert _direction(detection) == ("PRK", "RUS")


def test_an_english_capital_where_the_thanks_were_given_is_no_counterpart(detect_rules):
    detection = detect_rules("Putin in Beijing thanked Kim Jong Un for the North Korean soldiers")
    assert _direction(detection) == ("PRK", "RUS")


def test_a_third_state_the_troops_go_to_stays_a_counterpart(detect_rules):
    detection = detect_rules("Россия отправила войска в Иран, КНДР поблагодарила", lang="ru")
    assert stage(detection, "troop_deployment") is None


def test_heroism_a_party_extols_acknowledges_its_units(detect_rules):
    detection = detect_rules(
        "Kim Jong-un appelle l'armée à s'inspirer de l'héroïsme des unités nord-coréennes envoyées en Russie",
        lang="fr",
    )
    assert stage(detection, "troop_deployment") == "confirmed"


def test_english_heroism_a_party_extols_acknowledges_its_units(detect_rules):
    detection = detect_rules(
        "Kim urged his army to follow the heroism of the North Korean units sent to fight in Russia"
    )
    assert stage(detection, "troop_deployment") == "confirmed"


def test_russian_heroism_a_party_extols_acknowledges_its_fighters(detect_rules):
    detection = detect_rules("Ким Чен Ын воспел героизм северокорейских бойцов, воевавших в России", lang="ru")
    assert stage(detection, "troop_deployment") == "confirmed"


def test_heroism_an_outsider_notes_acknowledges_nothing(detect_rules):
    detection = detect_rules(
        "Киев отметил героизм своих солдат в боях с северокорейскими военными в Курской области", lang="ru"
    )
    assert stage(detection, "troop_deployment") == "reported"


def test_a_commemorative_museum_honours_the_soldiers(detect_rules):
    detection = detect_rules(
        "Kim Jong-un visite le musée commémoratif consacré aux soldats nord-coréens morts en Russie", lang="fr"
    )
    assert stage(detection, "troop_deployment") == "confirmed"


def test_a_past_expectation_of_troops_is_no_deed(detect_rules):
    detection = detect_rules(
        "Kim Jong-un absent à Moscou",
        "Des observateurs s'attendaient à la présence de soldats nord-coréens en Russie.",
        lang="fr",
    )
    assert stage(detection, "troop_deployment") is None


def test_a_present_expectation_of_troops_stays_a_plan(detect_rules):
    detection = detect_rules(
        "Kim Jong-un absent à Moscou",
        "Des observateurs s'attendent à la présence de soldats nord-coréens en Russie.",
        lang="fr",
    )
    assert stage(detection, "troop_deployment") == "announced"
