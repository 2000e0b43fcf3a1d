"""Arms transfers (arms27a): weapons that struck a city, with the weapon the subject of the strike ("North Korean
KN-23s among missiles that hit Pavlohrad": the maker supplied the state whose war is fought there, no one named
before the weapon struck with it), and arms words in background clauses: an explainer of totals ("… en chiffres"),
a suspicion of long standing ("has long been suspected of carrying shells"), a relative aside on a name ("Moscou,
qui s'approvisionne en obus auprès de la Corée du Nord, multiplie…")."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Two North Korean Hwasong-11s among missiles that hit Kharkiv overnight, officials say", "", "en"),
        ("Deux Hwasong-11 nord-coréens parmi les missiles qui ont frappé Kharkiv cette nuit", "", "fr"),
    ],
)
def test_a_weapon_that_struck_is_the_strikes_subject(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russia hit Kharkiv with North Korean missiles overnight", "en"),
        ("La Russie a frappé Kharkiv avec des missiles nord-coréens", "fr"),
    ],
)
def test_a_state_that_strikes_with_the_weapons_still_holds_them(detect_rules, title, lang):
    found = arms(detect_rules(title, "", lang=lang))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("North Korean missile hits Poltava oil depot", "Two people were injured.", "en"),
        ("Des débris de missile nord-coréen retrouvés à Kropyvnytskyï", "Deux personnes ont été blessées.", "fr"),
        ("Обломки северокорейской ракеты нашли в Павлограде", "Пострадали два человека.", "ru"),
    ],
)
def test_cities_struck_in_ukraine_are_fronts(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Shells, drones and troops: the Moscow–Pyongyang alliance by the numbers",
            "North Korea has shipped millions of shells to Russia, Seoul says.",
            "en",
        ),
        (
            "Obus, drones, soldats : deux ans d'alliance entre Moscou et Pyongyang en chiffres",
            "La Corée du Nord aurait livré à la Russie des millions d'obus, selon Séoul.",
            "fr",
        ),
        (
            "Снаряды, дроны, солдаты: союз Москвы и Пхеньяна в цифрах",
            "С 2023 года КНДР поставила России миллионы снарядов, утверждает Сеул.",
            "ru",
        ),
    ],
)
def test_an_explainer_of_totals_reports_no_deed(detect, title, summary, lang):
    assert arms(detect(title, summary, lang=lang)) is None


def test_a_headline_deed_with_figures_is_still_news(detect):
    detection = detect("North Korea ships more shells to Russia, Seoul says", "Seoul gave no figures.")
    found = arms(detection)
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Russia and North Korea reopen the Tumen road bridge",
            "The bridge reopened on Thursday. The crossing has long been at the heart of suspicions over deliveries "
            "of North Korean shells to Russia.",
            "en",
        ),
        (
            "Moscou et Pyongyang rouvrent le pont routier sur le Toumen",
            "Le pont a rouvert jeudi. Ce poste-frontière a longtemps été soupçonné de servir à l'acheminement "
            "d'obus nord-coréens vers la Russie.",
            "fr",
        ),
    ],
)
def test_a_suspicion_of_long_standing_is_background(detect_rules, title, summary, lang):
    assert arms(detect_rules(title, summary, lang=lang)) is None


def test_the_crossing_carrying_shells_now_is_news(detect_rules):
    title = "Russia and North Korea reopen the Tumen road bridge"
    summary = "The bridge reopened on Thursday. North Korea now ships shells to Russia across it, Seoul says."
    found = arms(detect_rules(title, summary))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Burkina junta takes delivery of Russian air defence systems",
            "The systems arrived in Ouagadougou on Monday. Moscow, which buys artillery shells from North Korea for "
            "its war in Ukraine, has stepped up arms deliveries across the Sahel.",
            "en",
        ),
        (
            "La junte burkinabè reçoit des systèmes antiaériens russes",
            "Les systèmes sont arrivés lundi à Ouagadougou. Moscou, qui achète des obus à la Corée du Nord pour sa "
            "guerre en Ukraine, multiplie les livraisons d'armes au Sahel.",
            "fr",
        ),
        (
            "Хунта Буркина-Фасо получила российские зенитные комплексы",
            "Комплексы прибыли в Уагадугу в понедельник. Москва, которая закупает снаряды у КНДР для войны на "
            "Украине, наращивает поставки оружия в Сахель.",
            "ru",
        ),
    ],
)
def test_a_relative_aside_on_a_name_is_background(detect_rules, title, summary, lang):
    assert arms(detect_rules(title, summary, lang=lang)) is None


def test_the_main_clause_past_an_aside_is_still_news(detect_rules):
    title = "Seoul: North Korea ships more shells to Russia"
    summary = "North Korea, which has already sent troops, is now shipping artillery shells to Russia, Seoul said."
    found = arms(detect_rules(title, summary))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


def test_the_same_deed_told_in_the_main_clause_is_news(detect_rules):
    title = "Burkina junta takes delivery of Russian air defence systems"
    summary = (
        "The systems arrived in Ouagadougou on Monday. Moscow buys artillery shells from North Korea for its war in "
        "Ukraine, Seoul says."
    )
    found = arms(detect_rules(title, summary))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")
