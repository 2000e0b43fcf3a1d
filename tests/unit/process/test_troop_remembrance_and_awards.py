"""A promise never to forget the troops is a tribute, and an award told as a noun honours them."""

from __future__ import annotations

from tests.unit.process.conftest import stage


def _direction(detection):
    event = next(e for e in detection.events if e.type == "troop_deployment")
    return event.from_, event.to


def test_never_forgetting_the_troops_acknowledges_them_in_english(detect_rules):
    detection = detect_rules("Moscow will never forget the North Korean gunners who fell near Sudzha, Shoigu said")
    assert stage(detection, "troop_deployment") == "confirmed"
    assert not detection.retractions


def test_never_forgetting_the_troops_acknowledges_them_in_french(detect_rules):
    detection = detect_rules(
        "Le ministre russe a assuré que Moscou n'oublierait jamais les artilleurs nord-coréens morts près de Soudja",
        lang="fr",
    )
    assert stage(detection, "troop_deployment") == "confirmed"
    assert not detection.retractions


def test_never_forgetting_the_troops_is_no_plan_in_russian(detect_rules):
    detection = detect_rules(
        "Шойгу заявил, что Россия никогда не забудет северокорейских артиллеристов, погибших под Суджей", lang="ru"
    )
    assert stage(detection, "troop_deployment") == "confirmed"


def test_never_sending_troops_is_still_a_negation(detect_rules):
    detection = detect_rules("Moscow will never send troops to North Korea, the minister said")
    assert stage(detection, "troop_deployment") is None


def test_an_award_ceremony_told_as_a_noun_honours_the_troops_sent(detect_rules):
    detection = detect_rules(
        "Ким Чен Ын провел в Вонсане церемонию награждения саперов, разминировавших Курскую область", lang="ru"
    )
    assert stage(detection, "troop_deployment") == "confirmed"
    assert _direction(detection) == ("PRK", "RUS")
