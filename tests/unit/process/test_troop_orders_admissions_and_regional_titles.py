"""Round 28 (troops28a): who confirms a troop deployment and when it is only ordered. An order given or a decision
taken governs a plan (« ordonne l'envoi », « a décidé d'envoyer », "orders the dispatch"); « admet » reports like
« a reconnu »; an attribution after a headline's colon makes the label before it a topic; the governor named by the
region noun of his title (« gouverneur de la région russe de Koursk, X, a annoncé ») speaks for his state. New
sentences, not corpus text."""

from __future__ import annotations

from functools import partial

import pytest

from tests.unit.process.conftest import directed

troops = partial(directed, event_type="troop_deployment")  # (stage, from, to) of the Russia–DPRK troop deployment


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Pyongyang ordonne le déploiement d'un régiment de sapeurs près de Belgorod", "", "fr"),
        ("Le maréchal Kim a ordonné l'envoi de démineurs supplémentaires en Russie, rapporte KCNA", "", "fr"),
        ("Kim a décidé d'envoyer en Russie deux bataillons de sapeurs, selon l'agence KCNA", "", "fr"),
        ("Kim orders the dispatch of more sappers to Russia's Belgorod region", "", "en"),
        ("Kim Jong Un ordered the deployment of a fresh engineer regiment to Russia, KCNA said", "", "en"),
    ],
)
def test_an_order_or_a_decision_to_send_is_a_plan(detect, title, summary, lang):
    # the sending ordered is still ahead, even when the party's own agency tells of the order
    assert troops(detect(title, summary, lang=lang, published="2026-03-04")) == ("announced", "PRK", "RUS")


def test_an_order_a_party_then_acknowledges_as_done_is_confirmed(detect):
    # "a decision taken" (``decided``): once the party says the troops went, the order was carried out
    detection = detect(
        "North Korea confirms its engineers are clearing mines in Russia's Belgorod region",
        "Kim Jong Un ordered the dispatch of the engineers last autumn, KCNA said on Tuesday.",
        published="2026-03-04",
    )
    assert troops(detection) == ("confirmed", "PRK", "RUS")


def test_a_withdrawal_ordered_is_no_plan_to_send(detect):
    detection = detect("Pyongyang a ordonné le retrait de ses sapeurs de la région de Belgorod", lang="fr")
    assert troops(detection) is None


@pytest.mark.parametrize(
    "title",
    [
        "Sergueï Choïgou admet la présence de conseillers militaires russes en Corée du Nord",
        "Le Kremlin admet que des techniciens militaires russes travaillent en Corée du Nord",
    ],
)
def test_a_party_that_admits_the_troops_confirms_them(detect, title):
    assert troops(detect(title, lang="fr", published="2026-03-04")) == ("confirmed", "RUS", "PRK")


def test_an_outsider_that_admits_them_keeps_them_reported(detect):
    detection = detect(
        "Séoul admet la présence de conseillers militaires russes en Corée du Nord", lang="fr", published="2026-03-04"
    )
    assert troops(detection) == ("reported", "RUS", "PRK")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Corée du Nord : des techniciens militaires russes aperçus à Wonsan, selon des experts", "fr"),
        ("North Korea: Russian military technicians seen in Wonsan, according to researchers", "en"),
    ],
)
def test_an_attribution_after_the_colon_makes_the_label_a_topic(detect, title, lang):
    # the experts speak; the state before the colon is what the headline is about, not who confirms
    assert troops(detect(title, lang=lang, published="2026-03-04")) == ("reported", "RUS", "PRK")


def test_a_party_label_with_no_attribution_still_speaks(detect):
    detection = detect("Pyongyang : nos soldats ont combattu à Koursk", lang="fr")
    assert troops(detection) == ("confirmed", "PRK", "RUS")


@pytest.mark.parametrize(
    "summary",
    [
        "Le gouverneur de la région russe de Koursk, Alexandre Khinchteïn, a indiqué mardi que des sapeurs "
        "nord-coréens travaillent dans la région.",
        "Le gouverneur de la région de Koursk a déclaré mardi que des sapeurs nord-coréens travaillent dans la région.",
    ],
)
def test_a_governor_named_by_his_region_speaks_for_his_state(detect, summary):
    detection = detect("Des sapeurs nord-coréens à l'œuvre près de Soudja", summary, lang="fr")
    assert troops(detection) == ("confirmed", "PRK", "RUS")


def test_a_soldier_in_the_region_speaks_for_himself(detect):
    detection = detect(
        "Des sapeurs nord-coréens à l'œuvre près de Soudja",
        "Un soldat blessé dans la région de Koursk a déclaré mardi que des sapeurs nord-coréens travaillent dans la "
        "région.",
        lang="fr",
    )
    assert troops(detection) == ("reported", "PRK", "RUS")


def test_the_governor_introduced_in_the_lead_confirms_the_finding(detect):
    # a headline whose speaker is only a surname; the governor's title in the lead names his state
    detection = detect(
        "Gladkov : les bâtisseurs militaires nord-coréens ont rebâti un pont à Chebekino",
        "Le gouverneur de la région russe de Belgorod, Viatcheslav Gladkov, a annoncé mercredi la réouverture d'un "
        "pont reconstruit par des militaires nord-coréens du génie.",
        lang="fr",
    )
    assert troops(detection) == ("confirmed", "PRK", "RUS")
