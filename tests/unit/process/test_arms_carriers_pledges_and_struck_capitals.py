"""Arms transfers (arms28): troop carriers and missile systems of any kind are weapons; a missile that struck a
Ukrainian regional capital was fired by Russia; a front named under a place preposition before the parties is
where the deed happened even when the same country comes back later (the outlet a prisoner told); a pledge told in
French is a promise; a third state that « voit » weapons flow reports what it sees."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import directed, told


@pytest.mark.parametrize(
    ("title", "summary", "lang", "expected"),
    [
        (
            "North Korean armoured personnel carriers delivered to Russia, analysts say",
            "The vehicles were filmed with a Russian marine unit last month.",
            "en",
            ("reported", "PRK", "RUS"),
        ),
        (
            "Des blindés nord-coréens livrés à l'armée russe, selon des analystes",
            "Les véhicules ont été filmés avec une unité russe le mois dernier.",
            "fr",
            ("reported", "PRK", "RUS"),
        ),
        (
            "Аналитики: КНДР передала России бронетранспортёры",
            "Машины сняли на видео вместе с российской бригадой морской пехоты.",
            "ru",
            ("reported", "PRK", "RUS"),
        ),
        (
            "Сеул: Россия передала КНДР противокорабельные ракетные комплексы",
            "Комплексы прикрывают порт, сообщили в штабе.",
            "ru",
            ("reported", "RUS", "PRK"),
        ),
    ],
)
def test_troop_carriers_and_missile_systems_are_weapons(detect_rules, title, summary, lang, expected):
    assert directed(detect_rules(title, summary, lang=lang), "arms_transfer") == expected


def test_a_missile_system_tested_at_home_is_no_transfer(detect_rules):
    detection = detect_rules("КНДР испытала новый ракетный комплекс", "Пуск прошёл успешно, сообщило ЦТАК.", lang="ru")
    assert told(detection, "arms_transfer") == (None, None, None)


def test_an_armoured_train_is_no_armour(detect_rules):
    detection = detect_rules(
        "Le train blindé de Kim Jong-un est arrivé en Russie", "Le dirigeant nord-coréen doit rencontrer Poutine.", "fr"
    )
    assert told(detection, "arms_transfer") == (None, None, None)


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Винница: по складу ударили ракетой KN-23", "Пострадали трое охранников, сообщили спасатели.", "ru"),
        ("Черкасская ОВА: по мосту ударили ракетой KN-23", "Пострадал водитель грузовика.", "ru"),
        ("KN-23 missile struck a depot in Zhytomyr, governor says", "Two guards were wounded.", "en"),
    ],
)
def test_a_north_korean_missile_that_struck_a_regional_capital_was_fired_by_russia(detect_rules, title, summary, lang):
    assert directed(detect_rules(title, summary, lang=lang), "arms_transfer") == ("reported", "PRK", "RUS")


def test_a_russian_missile_on_a_regional_capital_is_no_transfer(detect_rules):
    detection = detect_rules("По Черкассам ударили российской ракетой", "Пострадали двое прохожих.", lang="ru")
    assert told(detection, "arms_transfer") == (None, None, None)


def test_a_front_placed_before_the_parties_cancels_nothing_when_named_again(detect_rules):
    detection = detect_rules(
        "Пленный о боеприпасах",
        "Взятый в плен на Запорожском направлении российский солдат рассказал украинскому телеканалу, что его рота"
        " полгода получала северокорейские снаряды.",
        lang="ru",
    )
    assert directed(detection, "arms_transfer") == ("reported", "PRK", "RUS")


def test_a_front_also_named_as_no_place_before_the_parties_still_cancels(detect_rules):
    detection = detect_rules(
        "Доклад о боеприпасах",
        "Под Харьковом Украина осудила поставки северокорейских снарядов российской армии.",
        lang="ru",
    )
    assert told(detection, "arms_transfer") == (None, None, None)


def test_a_french_pledge_to_deliver_is_announced(detect_rules):
    detection = detect_rules(
        "Séoul : la Corée du Nord s'est engagée à produire des obus pour la Russie",
        "Les premières cargaisons partiraient avant l'été.",
        "fr",
    )
    assert directed(detection, "arms_transfer") == ("announced", "PRK", "RUS")


def test_a_french_delivery_made_stays_reported(detect_rules):
    detection = detect_rules(
        "Pyongyang a livré des obus de fabrication locale à la Russie, selon Séoul",
        "Les cargaisons sont arrivées avant l'été.",
        "fr",
    )
    assert directed(detection, "arms_transfer") == ("reported", "PRK", "RUS")


def test_a_third_state_that_sees_weapons_flow_reports_them(detect_rules):
    detection = detect_rules(
        "Le renseignement américain voit les obus nord-coréens affluer vers le front russe",
        "Selon Washington, la Russie a reçu plus d'un million d'obus de Corée du Nord depuis l'automne.",
        "fr",
    )
    assert directed(detection, "arms_transfer") == ("reported", "PRK", "RUS")


def test_a_third_state_that_condemns_the_flow_still_reacts(detect_rules):
    detection = detect_rules(
        "Paris condamne les livraisons d'obus nord-coréens à la Russie",
        "La Russie a reçu plus d'un million d'obus de Corée du Nord depuis l'automne.",
        "fr",
    )
    assert told(detection, "arms_transfer") == (None, None, None)
