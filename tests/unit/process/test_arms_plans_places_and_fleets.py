"""Arms transfers (round 24, arms24x): a plan with a place between it and its object (« négocier à Khabarovsk la
vente ») is still a plan, not a messenger's deed; seeking to buy (« chercherait à acheter ») is a plan whose buyer
receives; a third state that *suspects* («заподозрили») is a source and a preparation («подготовка») a plan; a
weapon's vintage ("Soviet-era") dates the goods, not the deed; and the phrase of a collection of weapons ("its
ageing fleet of", « sa flotte vieillissante de ») is no distance between an action and the weapons."""

from __future__ import annotations

from tests.unit.process.test_arms_families import arms


def test_a_place_between_a_plan_and_its_object_leaves_a_plan(detect_rules):
    title = "Le dirigeant nord-coréen négocie à Khabarovsk la vente de roquettes à Moscou"
    found = arms(detect_rules(title, "Aucune date n'a été fixée.", lang="fr"))
    assert found is not None and found[1:] == ("announced", "PRK", "RUS")


def test_seeking_to_buy_is_a_plan_of_the_buyer(detect_rules):
    title = "La Russie chercherait à acheter des drones à la Corée du Nord"
    found = arms(detect_rules(title, "Les deux pays n'ont pas commenté.", lang="fr"))
    assert found is not None and found[1:] == ("announced", "PRK", "RUS")


def test_a_state_that_suspects_a_preparation_reports_a_plan(detect_rules):
    title = "В Токио заподозрили КНДР в подготовке поставок зенитных ракет российской армии"
    summary = "Об этом сообщили японские СМИ."
    found = arms(detect_rules(title, summary, lang="ru"))
    assert found is not None and found[1:] == ("announced", "PRK", "RUS")


def test_a_weapons_vintage_dates_the_goods_not_the_deed(detect_rules):
    title = "Russia ships Soviet-era helicopters to North Korea"
    found = arms(detect_rules(title, "The first two arrived last week.", lang="en"))
    assert found is not None and found[1:] == ("reported", "RUS", "PRK")


def test_the_phrase_of_a_fleet_is_no_distance_to_its_weapons(detect_rules):
    title = "La Corée du Nord modernise son aviation"
    summary = (
        "Moscou a livré à Pyongyang des pièces de rechange, des pneus et des moteurs pour sa flotte "
        "vieillissante d'hélicoptères, selon Séoul."
    )
    found = arms(detect_rules(title, summary, lang="fr"))
    assert found is not None and found[1:] == ("reported", "RUS", "PRK")


def test_a_vintage_phrase_ending_in_an_article_still_dates_the_deed(detect_rules):
    title = "North Korea has relied on Russia since the shells arrived in 2019"
    assert arms(detect_rules(title, "Nothing new was reported.", lang="en", published="2024-06-19")) is None
