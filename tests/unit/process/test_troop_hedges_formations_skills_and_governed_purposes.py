"""Round 24 (troops24x): a hedge's infinitive is no plan; a word before a formation of troops names troops; the
skill troops are taught is no deed of theirs; a plan's verb governs the purpose between it and the trigger; a
deed whose start is told under a modal is ahead."""

from __future__ import annotations

from tests.unit.process.conftest import stage


def _direction(detection):
    event = next(e for e in detection.events if e.type == "troop_deployment")
    return event.from_, event.to


def test_troops_said_to_be_serving_are_reported_not_planned(detect_rules):
    detection = detect_rules("North Korean sappers said to be serving with Russian units near Belgorod")
    assert stage(detection, "troop_deployment") == "reported"


def test_troops_believed_to_guard_a_region_are_reported_not_planned(detect_rules):
    detection = detect_rules("North Korean soldiers are believed to guard Russian villages near Sudzha")
    assert stage(detection, "troop_deployment") == "reported"


def test_troops_expected_to_be_sent_stay_a_plan_beside_a_hedge(detect_rules):
    detection = detect_rules("North Korean engineers are expected to be sent to Russia's Kursk region in autumn")
    assert stage(detection, "troop_deployment") == "announced"


def test_servicemen_of_a_formation_are_troops_in_russian(detect_rules):
    detection = detect_rules(
        "Разведка Южной Кореи утверждает, что КНДР перебросила в Россию 1500 военнослужащих сил специального "
        "назначения",
        lang="ru",
    )
    assert stage(detection, "troop_deployment") == "reported"
    assert _direction(detection) == ("PRK", "RUS")


def test_military_factories_are_still_no_troops_in_russian(detect_rules):
    detection = detect_rules("Россия отправила в КНДР оборудование для военных заводов", lang="ru")
    assert stage(detection, "troop_deployment") is None


def test_the_skill_troops_are_taught_is_no_plan_in_russian(detect_rules):
    detection = detect_rules(
        "Российские инструкторы учат северокорейских солдат воевать в городских кварталах",
        "Российские военные специалисты находятся в КНДР с весны, сообщили в Сеуле.",
        lang="ru",
    )
    assert stage(detection, "troop_deployment") == "reported"
    assert _direction(detection) == ("RUS", "PRK")


def test_a_plans_verb_governs_the_purpose_before_the_second_troops_in_russian(detect_rules):
    detection = detect_rules(
        "Москва заявила, что КНДР направит в Белгородскую область 500 саперов для разминирования и 1500 "
        "военных строителей",
        lang="ru",
    )
    assert stage(detection, "troop_deployment") == "announced"


def test_a_transfer_that_may_begin_is_a_plan_in_russian(detect_rules):
    detection = detect_rules(
        "По данным Сеула, КНДР уже отобрала военнослужащих, а отправка в Россию может начаться весной", lang="ru"
    )
    assert stage(detection, "troop_deployment") == "announced"


def test_troops_a_headline_supposes_sent_under_a_conditional_are_no_deployment(detect_rules):
    detection = detect_rules(
        "NATO: North Korean soldiers deployed to Ukraine would be easy targets",
        "The alliance has seen no preparations for such a move, a spokeswoman said.",
    )
    assert stage(detection, "troop_deployment") is None


def test_troops_a_headline_reports_sent_stay_reported_beside_a_later_would(detect_rules):
    detection = detect_rules("North Korean soldiers deployed to Russia seen near Kursk, Seoul says")
    assert stage(detection, "troop_deployment") == "reported"
