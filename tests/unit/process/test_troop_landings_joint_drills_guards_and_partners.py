"""Round 28 (troops28b): troops landed ashore («высадились», «высадятся») are sent there; a regular French future the
tagger reads as a present ("participeront") is still ahead; troops put on guard duty («привлекли к охране», «несут
охрану») serve there; troops helping to rebuild («помогут») are a plan; troops working beside a state's own forces
(«вместе с частями Минобороны России») were sent to that state."""

from __future__ import annotations

from tests.unit.process.conftest import directed, told


def test_marines_landed_on_the_other_partys_coast_are_sent_there(detect):
    detection = detect("Российские морпехи высадились на побережье КНДР", lang="ru", published="2025-06-10")
    assert directed(detection, "troop_deployment") == ("reported", "RUS", "PRK")


def test_a_landing_still_ahead_in_joint_drills_is_announced(detect):
    detection = detect(
        "Подразделения ВДВ России высадятся в КНДР в ходе совместных учений", lang="ru", published="2025-06-10"
    )
    assert directed(detection, "troop_deployment") == ("announced", "RUS", "PRK")


def test_tourists_landing_are_no_troops(detect):
    detection = detect("Российские туристы высадились в порту Вонсана", lang="ru", published="2025-06-10")
    assert told(detection, "troop_deployment") == (None, None, None)


def test_soldiers_who_will_take_part_in_drills_abroad_are_announced_in_french(detect):
    detection = detect(
        "Des soldats nord-coréens participeront à des exercices en Russie cet été", lang="fr", published="2025-06-10"
    )
    assert directed(detection, "troop_deployment") == ("announced", "PRK", "RUS")


def test_the_other_way_round_the_russian_soldiers_go_to_north_korea(detect):
    detection = detect(
        "Des militaires russes participeront aux manœuvres prévues en Corée du Nord", lang="fr", published="2025-06-10"
    )
    assert directed(detection, "troop_deployment") == ("announced", "RUS", "PRK")


def test_soldiers_taking_part_now_or_before_stay_reported_in_french(detect):
    for title in (
        "Des soldats nord-coréens participent à des exercices en Russie",
        "Des soldats nord-coréens ont participé à des exercices en Russie",
    ):
        detection = detect(title, lang="fr", published="2025-06-10")
        assert directed(detection, "troop_deployment") == ("reported", "PRK", "RUS"), title


def test_soldiers_put_on_guard_duty_abroad_serve_there(detect_rules):
    detection = detect_rules(
        "СМИ: военнослужащих КНДР привлекли к охране железной дороги в Приморье", lang="ru", published="2025-06-10"
    )
    assert directed(detection, "troop_deployment") == ("reported", "PRK", "RUS")


def test_soldiers_standing_guard_serve_there(detect_rules):
    detection = detect_rules(
        "Северокорейские военные несут охрану мостов в Курской области", lang="ru", published="2025-06-10"
    )
    assert directed(detection, "troop_deployment") == ("reported", "PRK", "RUS")


def test_guarding_a_border_talked_about_is_no_deployment(detect):
    detection = detect("Российские военные обсудили с КНДР вопросы охраны границы", lang="ru", published="2025-06-10")
    assert told(detection, "troop_deployment") == (None, None, None)


def test_military_engineers_who_will_help_rebuild_are_a_plan(detect_rules):
    detection = detect_rules(
        "Военные инженеры КНДР помогут восстановить мосты в Курской области", lang="ru", published="2025-06-10"
    )
    assert directed(detection, "troop_deployment") == ("announced", "PRK", "RUS")


def test_troops_working_beside_a_states_own_units_were_sent_to_that_state(detect):
    detection = detect(
        "Корейские инженеры разминируют поля под Суджей",
        "Разминированием занимается отряд инженеров КНДР, сообщил источник. Корейские саперы работают вместе с "
        "подразделениями Минобороны России.",
        lang="ru",
        published="2025-06-10",
    )
    assert directed(detection, "troop_deployment") == ("reported", "PRK", "RUS")


def test_troops_named_by_their_state_keep_their_direction_beside_the_others_units(detect):
    detection = detect(
        "Российские саперы работают вместе с инженерными частями КНА в Расоне", lang="ru", published="2025-06-10"
    )
    assert directed(detection, "troop_deployment") == ("reported", "RUS", "PRK")


def test_a_reportative_conditional_stays_a_deed_in_french(detect):
    for title in (
        "Des soldats nord-coréens participeraient aux combats en Russie, selon Kiev",
        "Des soldats nord-coréens aideraient l'armée russe à Koursk, selon Kiev",
    ):
        detection = detect(title, lang="fr", published="2025-06-10")
        assert directed(detection, "troop_deployment") == ("reported", "PRK", "RUS"), title
