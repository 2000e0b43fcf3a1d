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

