"""Agreements in force told as an exchange under way or a text that starts to work, signatures ruled out,
and trips recalled by an anniversary or a ferry's arrival (round 20, agree21)."""

from __future__ import annotations

from tests.unit.process.conftest import stage


def test_instruments_exchanged_as_it_happens(detect_rules):
    found = detect_rules(
        "Moscow and Pyongyang activate defence pact",
        "Russia and North Korea activated their defence pact on Friday, with their envoys exchanging "
        "instruments of ratification in Pyongyang.",
        published="2024-12-06",
    )
    assert stage(found, "agreement") == "in_force"


def test_long_subject_before_entry_into_force(detect_rules):
    found = detect_rules(
        "Russia, North Korea ease travel for officials",
        "A deal between Russia and North Korea letting holders of official passports of both states enter "
        "without visas for short stays has entered into force, officials said.",
        published="2025-03-21",
    )
    assert stage(found, "agreement") == "in_force"


def test_without_right_before_the_action_still_negates(detect_rules):
    found = detect_rules(
        "Russia and North Korea end talks without signing any agreement",
        published="2025-03-21",
    )
    assert stage(found, "agreement") is None


def test_treaty_starts_to_work_in_russian(detect_rules):
    found = detect_rules(
        "Договор о союзе России и КНДР заработал",
        "Соглашение между Москвой и Пхеньяном начало действовать в пятницу.",
        lang="ru",
        published="2024-12-06",
    )
    assert stage(found, "agreement") == "in_force"


def test_signature_ruled_out_in_french(detect_rules):
    found = detect_rules(
        "Lavrov à Pyongyang, Moscou écarte toute signature d'un accord avec la Corée du Nord",
        lang="fr",
        published="2025-06-04",
    )
    assert stage(found, "agreement") is None


def test_signature_announced_in_french_stays(detect_rules):
    found = detect_rules(
        "Moscou et Pyongyang signeront un accord de défense",
        lang="fr",
        published="2025-06-04",
    )
    assert stage(found, "agreement") == "announced"


def test_anniversary_of_a_visit_recalls_it(detect_rules):
    found = detect_rules(
        "Пхеньян отмечает дружбу с Россией",
        "Агентство ЦТАК выпустило материал к 20-летию визита Владимира Путина в КНДР.",
        lang="ru",
        published="2020-07-19",
    )
    assert stage(found, "visit") is None


def test_ferry_arriving_at_a_named_port_is_no_visit(detect_rules):
    found = detect_rules(
        "Грузовое судно из КНДР пришло во Владивосток",
        "В порт Владивостока прибыл северокорейский сухогруз с грузом угля.",
        lang="ru",
        published="2017-05-18",
    )
    assert stage(found, "visit") is None


def test_minister_arriving_at_a_named_port_is_a_visit(detect_rules):
    found = detect_rules(
        "Министр КНДР прибыл во Владивосток",
        "В аэропорт Владивостока прибыл министр иностранных дел КНДР Цой Сон Хи.",
        lang="ru",
        published="2024-06-19",
    )
    assert stage(found, "visit") == "held"
