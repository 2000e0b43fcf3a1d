"""Troops flown home, armies in their own region, headline topics, lapses before a compound conjunction,
a speaker's own trip, and a sender honouring its troops with the receiver unnamed (round 23, troops23)."""

from __future__ import annotations

from tests.unit.process.conftest import stage
from veille.contracts import Detection


def direction(detection: Detection, event_type: str = "troop_deployment") -> tuple[str | None, str | None]:
    """The direction of the Russia–DPRK event of ``event_type`` ((None, None) without one)."""
    for event in detection.events:
        if event.type == event_type and {"PRK", "RUS"} <= set(event.actors):
            return event.from_, event.to
    return None, None


def test_troops_flown_back_home_were_sent_from_there_in_english(detect_rules):
    detection = detect_rules(
        "Injured infantrymen return in secret",
        "Scores of infantrymen hurt while serving with Russia have been flown back to North Korea and are "
        "recovering at a clinic in Pyongyang, a source said.",
    )
    assert direction(detection) == ("PRK", "RUS")


def test_troops_repatriated_home_were_sent_from_there_in_french(detect_rules):
    detection = detect_rules(
        "Des blessés rentrent discrètement",
        "Des centaines de soldats blessés alors qu'ils combattaient pour la Russie ont été rapatriés en Corée du "
        "Nord et soignés dans un hôpital de Pyongyang, selon une ONG.",
        lang="fr",
    )
    assert direction(detection) == ("PRK", "RUS")


def test_an_army_in_its_own_region_is_sent_nowhere_in_russian(detect_rules):
    detection = detect_rules(
        "Бойцы о союзниках",
        "Российские бойцы, сражающиеся в Курской области, рассказали журналистам о северокорейских военных на "
        "соседних позициях.",
        lang="ru",
    )
    assert direction(detection) == ("PRK", "RUS")


def test_an_army_in_its_own_region_is_sent_nowhere_in_french(detect_rules):
    detection = detect_rules(
        "Des militaires racontent leurs alliés",
        "Des militaires russes combattant dans la région de Koursk ont raconté au journal les soldats "
        "nord-coréens postés dans les tranchées voisines.",
        lang="fr",
    )
    assert direction(detection) == ("PRK", "RUS")


def test_a_demonym_after_a_noun_before_a_headline_colon_is_a_topic(detect_rules):
    detection = detect_rules(
        "Blessés nord-coréens : Amnesty dit avoir été alertée par Kiev",
        "Amnesty a indiqué avoir été informée par l'Ukraine de la détention de trois soldats nord-coréens faits "
        "prisonniers dans la région russe de Koursk.",
        lang="fr",
    )
    assert stage(detection, "troop_deployment") == "reported"


def test_a_lapse_before_a_compound_conjunction_is_background_in_russian(detect_rules):
    detection = detect_rules(
        "Ким Чен Ын посетил выставку в Пхеньяне",
        "Выставка открылась через три недели после того, как Москва официально признала участие северокорейских "
        "военных в боях.",
        lang="ru",
    )
    assert stage(detection, "troop_deployment") is None


def test_a_speaker_on_a_trip_travels_though_his_statement_names_students(detect_rules):
    detection = detect_rules(
        "Кравцов: число школьников из КНДР в российских лагерях вырастет",
        "Российские лагеря примут больше школьников из КНДР, сообщил министр просвещения России Сергей "
        "Кравцов, находящийся с визитом в Пхеньяне.",
        lang="ru",
        published="2025-06-10",
    )
    assert stage(detection, "visit") == "held"


def test_a_sender_honouring_its_troops_alone_confirms_the_reported_deed(detect_rules):
    detection = detect_rules(
        "Kim tours the site of a memorial to his troops abroad",
        "North Korean leader Kim Jong Un toured the site of a memorial dedicated to the soldiers of the overseas "
        "operation, state media said. Seoul estimates that about 2,000 North Korean soldiers have been killed "
        "fighting alongside Russian forces.",
        published="2025-10-20",
    )
    assert stage(detection, "troop_deployment") == "confirmed"


def test_a_receiver_honouring_its_own_troops_confirms_nothing_of_the_foreign_ones(detect_rules):
    detection = detect_rules(
        "Putin awards medals to paratroopers",
        "Russian President Vladimir Putin awarded medals to Russian paratroopers at a Kremlin ceremony. Kyiv says "
        "North Korean soldiers fought alongside them in the Kursk region.",
        published="2025-05-20",
    )
    assert stage(detection, "troop_deployment") != "confirmed"
