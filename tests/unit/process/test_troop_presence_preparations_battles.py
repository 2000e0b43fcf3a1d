"""Round (14), troops15: troops named where they are before an expected next step are there already;
preparing a dispatch is a plan; a battle with a party's soldiers reports them on the front."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import event


def troops(detection):
    """(actors, stage, from, to) of the first troop deployment, or None."""
    found = event(detection, "troop_deployment")
    return found[:4] if found else None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Austin: 10,000 North Korean soldiers in Kursk region, likely to join combat soon", "en"),
        ("Pentagon: North Korean engineers in Kursk could start demining next week", "en"),
    ],
)
def test_troops_placed_before_an_expected_next_step_are_already_there(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2024-11-05")) == (("PRK", "RUS"), "reported", "PRK", "RUS")


def test_troops_a_verb_sends_to_a_place_stay_a_plan(detect):
    title = "North Korea to send more troops to Russia"
    assert troops(detect(title, lang="en", published="2024-11-05")) == (("PRK", "RUS"), "announced", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Selon Séoul, le Nord se préparerait à dépêcher des sapeurs supplémentaires en Russie", "fr"),
        ("Pyongyang prépare l'envoi de milliers de soldats supplémentaires en Russie, affirme Kiev", "fr"),
        ("North Korea is preparing the dispatch of more engineers to Russia, Seoul says", "en"),
        ("Пхеньян готовит отправку новых саперов в Россию, сообщает разведка Южной Кореи", "ru"),
    ],
)
def test_preparing_a_dispatch_is_a_plan(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-06-10")) == (("PRK", "RUS"), "announced", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Украина опубликовала видео боя с северокорейскими военными под Курском", "ru"),
        ("Ukraine releases video of battle with North Korean soldiers in Kursk", "en"),
    ],
)
def test_a_battle_with_a_partys_soldiers_reports_them_on_the_front(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2024-12-20")) == (("PRK", "RUS"), "reported", "PRK", "RUS")


def test_a_training_battle_at_home_reports_no_deployment(detect):
    title = "Северокорейские военные провели учебный бой на полигоне под Пхеньяном"
    assert troops(detect(title, lang="ru", published="2024-12-20")) is None


ACKNOWLEDGED = {
    "en": "North Korea's ruling party officially acknowledged that its units fought in the Kursk region, KCNA said.",
    "fr": "Le Parti du travail a reconnu officiellement la participation de ses unités aux combats à Koursk.",
    "ru": "Пхеньян официально подтвердил участие своих военных в разминировании Курской области.",
}


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("KCNA: Kim decided to send troops to help free the Kursk region", "en"),
        ("KCNA : Kim a décidé d'envoyer des soldats pour libérer la région de Koursk", "fr"),
        ("ЦТАК: Ким Чен Ын решил направить саперов в Курскую область", "ru"),
    ],
)
def test_a_decision_taken_that_a_party_acknowledges_is_confirmed(detect, title, lang):
    found = troops(detect(title, ACKNOWLEDGED[lang], lang=lang, published="2025-04-28"))
    assert found == (("PRK", "RUS"), "confirmed", "PRK", "RUS")


def test_a_plan_still_ahead_stays_a_plan_whatever_the_party_acknowledges(detect):
    title = "KCNA: Kim will send more troops to Russia"
    found = troops(detect(title, ACKNOWLEDGED["en"], lang="en", published="2025-04-28"))
    assert found == (("PRK", "RUS"), "announced", "PRK", "RUS")
