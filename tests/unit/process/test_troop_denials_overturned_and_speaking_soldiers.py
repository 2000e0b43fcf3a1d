"""A denial that "after" governs is one the news overturned; soldiers a source phrase names are who speaks."""

from __future__ import annotations

from tests.unit.process.conftest import stage


def test_an_acknowledgement_after_months_of_denials_confirms_in_french(detect_rules):
    detection = detect_rules(
        "Le Kremlin s'explique sur les combattants nord-coréens",
        "Moscou et Pyongyang ont reconnu jeudi la présence de soldats nord-coréens en Russie, "
        "après des mois de démentis.",
        lang="fr",
    )
    assert stage(detection, "troop_deployment") == "confirmed"
    assert not detection.retractions


def test_an_acknowledgement_after_years_of_denials_confirms_in_english(detect_rules):
    detection = detect_rules(
        "Kremlin explains the North Korean role",
        "Moscow acknowledged on Monday that North Korean soldiers fought in Kursk after weeks of denials.",
    )
    assert stage(detection, "troop_deployment") == "confirmed"
    assert not detection.retractions


def test_an_acknowledgement_after_denials_confirms_in_russian(detect_rules):
    detection = detect_rules(
        "Кремль о северокорейских бойцах",
        "Москва признала участие бойцов КНДР в боях в Курской области после нескольких месяцев отрицания.",
        lang="ru",
    )
    assert stage(detection, "troop_deployment") == "confirmed"
    assert not detection.retractions


def test_a_denial_after_a_report_is_still_a_denial(detect_rules):
    detection = detect_rules(
        "Le Kremlin dément",
        "Moscou a démenti la présence de soldats nord-coréens en Russie, après la publication d'un rapport.",
        lang="fr",
    )
    assert stage(detection, "troop_deployment") is None
    assert detection.retractions


def test_soldiers_a_source_phrase_names_are_who_speaks_in_russian(detect_rules):
    detection = detect_rules(
        "Сеул: Россия могла помочь КНДР с новым кораблём",
        "Отдельные ракеты корабля, по оценке военных, могли быть разработаны при участии Москвы.",
        lang="ru",
    )
    assert stage(detection, "troop_deployment") is None


def test_soldiers_a_source_phrase_names_are_who_speaks_in_french(detect_rules):
    detection = detect_rules(
        "Le nouveau navire nord-coréen",
        "La Russie aurait aidé la Corée du Nord à armer le navire, selon les militaires sud-coréens.",
        lang="fr",
    )
    assert stage(detection, "troop_deployment") is None


def test_soldiers_sent_are_still_sent_when_the_military_is_the_source(detect_rules):
    detection = detect_rules(
        "North Korean troops in Kursk",
        "North Korea has sent 3,000 more soldiers to Russia, according to the Ukrainian military.",
    )
    assert stage(detection, "troop_deployment") == "reported"


def test_a_confirmation_received_is_a_source_not_a_reaction_in_russian(detect_rules):
    detection = detect_rules("В Сеуле получили подтверждение присутствия северокорейских частей под Курском", lang="ru")
    assert stage(detection, "troop_deployment") == "reported"


def test_a_confirmation_received_of_another_state_s_troops_is_no_deployment(detect_rules):
    detection = detect_rules("В Сеуле получили подтверждение присутствия украинских частей под Курском", lang="ru")
    assert stage(detection, "troop_deployment") is None


def test_a_party_doubting_a_report_of_troops_denies_it_in_russian(detect_rules):
    detection = detect_rules(
        "Депутат Госдумы усомнился в сообщениях Киева об отправке бойцов КНДР в Россию",
        "Парламентарий назвал такие публикации частью информационной войны.",
        lang="ru",
    )
    assert stage(detection, "troop_deployment") is None
    assert detection.retractions


def test_a_party_calling_a_report_into_question_denies_it_in_russian(detect_rules):
    detection = detect_rules(
        "В МИД России поставили под сомнение данные о переброске военных КНДР под Курск",
        "Дипломаты призвали не доверять анонимным источникам.",
        lang="ru",
    )
    assert stage(detection, "troop_deployment") is None
