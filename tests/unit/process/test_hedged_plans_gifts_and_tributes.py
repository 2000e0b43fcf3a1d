"""Plans told as deeds and deeds told as plans (stage17): a hedged perfect ("believed to have sent") is a
deed; preparing further shipments, a French intention or a readiness is a plan; weapons carried home from a
country were given there; a memorial still to be built honours troops already sent."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import told


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Pyongyang is thought to have delivered attack drones to Moscow", ("reported", "PRK", "RUS")),
        ("Russia seems to have handed air defence systems to North Korea", ("reported", "RUS", "PRK")),
    ],
)
def test_a_hedged_perfect_infinitive_tells_a_deed(detect, title, expected):
    assert told(detect(title, ""), "arms_transfer") == expected


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("North Korea is preparing more artillery deliveries to Russia", "arms_transfer"),
        ("Pyongyang is preparing another troop dispatch to Russia", "troop_deployment"),
    ],
)
def test_preparing_further_shipments_is_a_plan(detect, title, kind):
    assert told(detect(title, ""), kind) == ("announced", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "kind", "expected"),
    [
        ("La Corée du Nord paraît se préparer à expédier des obus en Russie", "arms_transfer", ("PRK", "RUS")),
        ("Moscou a l'intention de livrer des avions de chasse à Pyongyang", "arms_transfer", ("RUS", "PRK")),
        ("Pyongyang s'apprêtait à dépêcher des soldats en Russie, selon Kiev", "troop_deployment", ("PRK", "RUS")),
        ("Envoi prochain de nouveaux soldats nord-coréens en Russie, selon Kiev", "troop_deployment", ("PRK", "RUS")),
    ],
)
def test_french_intentions_and_readiness_are_plans(detect, title, kind, expected):
    assert told(detect(title, "", lang="fr"), kind) == ("announced", *expected)


def test_sharing_weapons_technology_is_a_transfer(detect):
    title = "Moscow intends to share missile technology with Pyongyang, officials say"
    assert told(detect(title, ""), "arms_transfer") == ("announced", "RUS", "PRK")


def test_weapons_carried_home_from_a_country_were_given_there(detect):
    title = "North Korean leader Kim flies home from Russia with attack drones among his gifts"
    assert told(detect(title, ""), "arms_transfer") == ("reported", "RUS", "PRK")


def test_troops_back_from_a_front_were_still_sent_there(detect):
    title = "North Korean soldiers back from Russia's Kursk region were honoured in Pyongyang"
    assert told(detect(title, ""), "troop_deployment") == ("confirmed", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("A monument to North Korean soldiers will be unveiled in Kursk next month", "en"),
        ("Pyongyang érigera un monument en hommage aux soldats nord-coréens tombés à Koursk", "fr"),
        # the tribute told as a noun before the troops, its future after them (launch18's noun-ahead rule)
        ("Un mémorial aux soldats nord-coréens sera construit à Koursk", "fr"),
        ("Un monument aux militaires nord-coréens sera édifié près de Koursk", "fr"),
    ],
)
def test_a_memorial_still_to_be_built_honours_troops_already_sent(detect, title, lang):
    assert told(detect(title, "", lang=lang), "troop_deployment") == ("confirmed", "PRK", "RUS")


def test_a_modal_on_the_tribute_itself_still_plans_it(detect):
    title = "Poutine va rendre hommage aux soldats nord-coréens"
    assert told(detect(title, "", lang="fr"), "troop_deployment") == ("announced", "PRK", "RUS")
