"""Round 24 (troops24b): reports waved away are denials; a tribute told as a participle and letters of thanks
acknowledge the troops; journeys, convoys and rotations carried out are deeds; «командировать» sends; a
French adjective after a noun is no troops; a second "and that" clause has its own names; an acknowledgement
withheld denies nothing."""

from __future__ import annotations

from tests.unit.process.conftest import stage


def _direction(detection):
    event = next(e for e in detection.events if e.type == "troop_deployment")
    return event.from_, event.to


def test_reports_brushed_aside_are_a_denial(detect_rules):
    detection = detect_rules(
        "Kremlin aide brushed aside claims that North Korean gunners were deployed to Russia's Belgorod region"
    )
    assert stage(detection, "troop_deployment") is None
    assert detection.retractions


def test_claims_shrugged_off_are_a_denial(detect_rules):
    detection = detect_rules("Russian envoy shrugs off reports of North Korean sappers sent to Russia")
    assert stage(detection, "troop_deployment") is None
    assert detection.retractions


def test_questions_waved_away_are_a_denial_in_russian(detect_rules):
    detection = detect_rules(
        "В МИД России отмахнулись от сообщений о переброске северокорейских саперов в Курскую область",
        lang="ru",
    )
    assert stage(detection, "troop_deployment") is None
    assert detection.retractions


def test_stamps_paying_tribute_to_the_troops_sent_acknowledge_them(detect_rules):
    detection = detect_rules(
        "Pyongyang issued coins paying tribute to the North Korean sappers it sent to clear mines in Russia"
    )
    assert stage(detection, "troop_deployment") == "confirmed"
    assert _direction(detection) == ("PRK", "RUS")


def test_letters_of_thanks_handed_to_the_troops_acknowledge_them_in_russian(detect_rules):
    detection = detect_rules(
        "Губернатор Курской области вручил благодарственные письма северокорейским саперам", lang="ru"
    )
    assert stage(detection, "troop_deployment") == "confirmed"
    assert _direction(detection) == ("PRK", "RUS")


def test_a_journey_made_to_help_is_a_deed(detect_rules):
    detection = detect_rules("Seoul believes Russian engineers travelled to North Korea to help build a drone factory")
    assert stage(detection, "troop_deployment") == "reported"
    assert _direction(detection) == ("RUS", "PRK")


def test_soldiers_convoyed_are_a_deed_in_french(detect_rules):
    detection = detect_rules(
        "Des navires russes auraient convoyé des sapeurs nord-coréens jusqu'au port de Vladivostok", lang="fr"
    )
    assert stage(detection, "troop_deployment") == "reported"


def test_a_rotation_carried_out_is_a_deed_in_russian(detect_rules):
    detection = detect_rules("КНДР провела ротацию саперов в Курской области, сообщила разведка Южной Кореи", lang="ru")
    assert stage(detection, "troop_deployment") == "reported"


def test_a_rotation_carried_out_is_a_deed_in_english(detect_rules):
    detection = detect_rules("North Korea carried out a rotation of its sappers in Russia's Kursk region")
    assert stage(detection, "troop_deployment") == "reported"


def test_a_bare_rotation_is_still_a_plan(detect_rules):
    detection = detect_rules("North Korea plans a rotation of its sappers in Russia's Kursk region next spring")
    assert stage(detection, "troop_deployment") == "announced"


def test_specialists_to_be_sent_on_assignment_are_a_plan_in_russian(detect_rules):
    detection = detect_rules(
        "Россия намерена командировать в КНДР военных специалистов для ремонта аэродромов", lang="ru"
    )
    assert stage(detection, "troop_deployment") == "announced"
    assert _direction(detection) == ("RUS", "PRK")


def test_a_french_adjective_after_a_noun_names_no_troops(detect_rules):
    detection = detect_rules(
        "Des camions militaires russes ont transporté des sapeurs nord-coréens vers Koursk", lang="fr"
    )
    assert stage(detection, "troop_deployment") == "reported"
    assert _direction(detection) == ("PRK", "RUS")


def test_military_specialists_are_people_in_french(detect_rules):
    detection = detect_rules("Des spécialistes militaires russes ont été envoyés en Corée du Nord cet été", lang="fr")
    assert stage(detection, "troop_deployment") == "reported"
    assert _direction(detection) == ("RUS", "PRK")


def test_a_second_reported_clause_keeps_its_names(detect_rules):
    detection = detect_rules(
        "Experts said the photos showed a training ground used by North Korean units near Russia's Kursk and that "
        "Ukrainian officials had linked it to Pyongyang's battalions"
    )
    assert _direction(detection) == ("PRK", "RUS")


def test_an_acknowledgement_withheld_is_no_denial(detect_rules):
    detection = detect_rules(
        "Moscow has not acknowledged the deployment of North Korean troops, which Seoul puts at 12,000"
    )
    assert not detection.retractions
