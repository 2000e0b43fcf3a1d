"""Round 23, wave 2 (troopsD): who sends troops when a minister is thanked for them, when both sides
acknowledge them together, when a source speaks before the sender, when a state follows "of"/« de la »;
instructors are troops."""

from __future__ import annotations

from tests.unit.process.conftest import stage


def _direction(detection):
    event = next(e for e in detection.events if e.type == "troop_deployment")
    return event.from_, event.to


def test_a_minister_thanked_for_the_troops_stands_for_their_sender_in_russian(detect_rules):
    detection = detect_rules("Шойгу поблагодарил посла КНДР за мужество северокорейских бойцов под Суджей", lang="ru")
    assert _direction(detection) == ("PRK", "RUS")


def test_a_minister_thanked_for_the_troops_stands_for_their_sender_in_english(detect_rules):
    detection = detect_rules("Lavrov thanked the foreign minister of North Korea for the courage of its soldiers")
    assert _direction(detection) == ("PRK", "RUS")


def test_a_subject_both_sides_share_names_no_sender(detect_rules):
    detection = detect_rules(
        "Pyongyang et Moscou ont admis mardi la présence de ces soldats, selon l'agence", lang="fr"
    )
    assert _direction(detection) == (None, None)


def test_a_source_before_the_sender_is_not_the_sender(detect_rules):
    detection = detect_rules(
        "Moscow said on Monday that Pyongyang would send more military builders"
        " to repair what the Ukrainian incursion destroyed"
    )
    assert _direction(detection) == ("PRK", "RUS")


def test_a_state_after_de_la_is_the_troops_sender_in_french(detect_rules):
    detection = detect_rules(
        "Une chaîne russe a montré des soldats de la Corée du Nord combattant près de Belgorod", lang="fr"
    )
    assert _direction(detection) == ("PRK", "RUS")


def test_a_state_after_of_is_the_troops_sender(detect_rules):
    detection = detect_rules("A Russian channel showed soldiers of North Korea fighting near Belgorod")
    assert _direction(detection) == ("PRK", "RUS")


def test_instructors_are_troops(detect_rules):
    detection = detect_rules("Russian instructors have been training North Korean tank crews near Wonsan since May")
    assert stage(detection, "troop_deployment") is not None
    assert _direction(detection) == ("RUS", "PRK")


def test_crews_on_building_sites_are_no_troops(detect_rules):
    detection = detect_rules(
        "North Korean crews seen at shipyard renovation sites in Nakhodka, Russia, despite sanctions"
    )
    assert stage(detection, "troop_deployment") is None


def test_a_report_called_nonsense_by_a_party_is_a_denial_in_russian(detect_rules):
    detection = detect_rules(
        "Пхеньян назвал «бредом» сообщения Токио о переброске новых войск КНДР в Россию", lang="ru"
    )
    assert stage(detection, "troop_deployment") is None
