"""Round 23, wave 3 (troopsE): an acknowledgement told in a sentence with no troop word confirms the deed
another sentence reports (a party naming the deed, a tribute pointing back to the troops just named); what
troops fought for is the state that received them."""

from __future__ import annotations

from tests.unit.process.conftest import stage


def _direction(detection):
    event = next(e for e in detection.events if e.type == "troop_deployment")
    return event.from_, event.to


def test_a_party_naming_the_deed_in_another_sentence_confirms_it(detect_rules):
    detection = detect_rules(
        "North Korean soldiers seen near Kursk",
        "Drone footage shows North Korean soldiers digging trenches near the border. Officials say the footage"
        " is recent. The sighting comes weeks after Moscow acknowledged the deployment in a brief statement.",
    )
    assert stage(detection, "troop_deployment") == "confirmed"


def test_an_outsider_naming_the_deed_confirms_nothing(detect_rules):
    detection = detect_rules(
        "North Korean soldiers seen near Kursk",
        "Drone footage shows North Korean soldiers digging trenches near the border. Officials say the footage"
        " is recent. The sighting comes weeks after Seoul acknowledged the deployment in a brief statement.",
    )
    assert stage(detection, "troop_deployment") == "reported"


def test_a_tribute_to_their_courage_right_after_the_troops_confirms_them_in_french(detect_rules):
    detection = detect_rules(
        "Des soldats nord-coréens filmés près de Koursk",
        "Une vidéo montre des soldats nord-coréens creusant des tranchées aux côtés des unités russes près de"
        " Koursk. Le présentateur salue leur courage et leur endurance, rapporte un site local.",
        lang="fr",
    )
    assert stage(detection, "troop_deployment") == "confirmed"


def test_a_thanks_for_their_work_right_after_the_troops_confirms_them_in_russian(detect_rules):
    detection = detect_rules(
        "Северокорейские саперы очистили поля под Курском",
        "Военнослужащие КНДР завершили разминирование полей в Курской области. Об этом сообщил глава"
        " района, поблагодаривший гостей за помощь.",
        lang="ru",
    )
    assert stage(detection, "troop_deployment") == "confirmed"


def test_a_planned_tribute_without_the_troops_confirms_nothing(detect_rules):
    detection = detect_rules(
        "Des soldats nord-coréens filmés près de Koursk",
        "Une vidéo montre des soldats nord-coréens creusant des tranchées aux côtés des unités russes près de"
        " Koursk. Le présentateur devrait saluer leur courage demain, rapporte un site local.",
        lang="fr",
    )
    assert stage(detection, "troop_deployment") == "reported"


def test_what_wounded_troops_fought_for_received_them_though_treated_at_home(detect_rules):
    detection = detect_rules(
        "Ким Чен Ын навестил раненых",
        "Ким Чен Ын побывал в санатории в КНДР, где восстанавливаются военнослужащие, раненые в боях за"
        " освобождение Курской области.",
        lang="ru",
    )
    assert _direction(detection) == ("PRK", "RUS")


def test_troops_fighting_for_a_state_were_sent_to_it(detect_rules):
    detection = detect_rules(
        "Soldiers wounded fighting for Russia treated in a North Korean hospital, state TV shows",
    )
    assert _direction(detection) == ("PRK", "RUS")
