"""Round (10b): a party's own acknowledgement of a troop deployment (Russian "признал", publications),
the party thanked or honoured for the deed is the sender, Russian words for units and warriors, a
party's own captives (POWs), and a negative determiner that denies its noun phrase ("no new pact")."""

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
        ("Путин поблагодарил КНДР за отправку военных в Курскую область", "ru"),
        ("Putin thanks Kim for sending troops to Kursk", "en"),
        ("Poutine remercie la Corée du Nord pour l'envoi de soldats à Koursk", "fr"),
        ("Лавров поблагодарил Пхеньян за отправку бойцов в Россию", "ru"),
    ],
)
def test_the_party_thanked_for_the_deed_sent_the_troops(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-05-02")) == (("PRK", "RUS"), "confirmed", "PRK", "RUS")


@pytest.mark.parametrize(
    "title",
    [
        "Пхеньян признал, что его части воюют на стороне России",
        "Кремль признал участие военных КНДР в боях под Курском",
    ],
)
def test_a_party_acknowledging_the_deployment_confirms_it(detect, title):
    assert troops(detect(title, lang="ru", published="2025-05-02")) == (("PRK", "RUS"), "confirmed", "PRK", "RUS")


def test_a_third_party_acknowledging_it_only_reports_it(detect):
    title = "В Сеуле признали, что северокорейские военные воюют в Курской области"
    assert troops(detect(title, lang="ru", published="2025-05-02")) == (("PRK", "RUS"), "reported", "PRK", "RUS")


@pytest.mark.parametrize(
    "title",
    [
        "В Курскую область направлены воинские части КНДР",
        "ЦТАК: воины КНДР помогли России освободить приграничные районы",
    ],
)
def test_russian_units_and_warriors_are_troops(detect, title):
    found = troops(detect(title, lang="ru", published="2025-05-02"))
    assert found is not None and found[2:] == ("PRK", "RUS")


def test_a_part_of_something_else_is_no_unit(detect):
    assert troops(detect("Россия и КНДР обсудили торговлю в части поставок угля", lang="ru")) is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Two North Korean POWs describe their first weeks at the front", "en"),
        ("Des prisonniers de guerre nord-coréens racontent leur formation", "fr"),
        ("Северокорейские военнопленные дали интервью журналистам", "ru"),
        ("Kiev dit détenir trois prisonniers nord-coréens", "fr"),
    ],
)
def test_a_partys_own_captives_fought_on_the_front(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-02-11")) == (("PRK", "RUS"), "reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("La Corée du Nord relâche des prisonniers japonais", "fr"),
        ("Pyongyang keeps political prisoners in remote camps, report says", "en"),
        ("КНДР передала пленных американцев", "ru"),
        ("Russian POWs return home after an exchange", "en"),
    ],
)
def test_captives_the_party_holds_or_of_the_front_user_are_no_deployment(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-02-11")) is None


def test_a_captive_soldier_speaking_is_not_his_state_confirming(detect):
    title = "Un prisonnier nord-coréen raconte avoir été déployé en Russie"
    detection = detect(title, "Il affirme avoir été envoyé sans le savoir.", lang="fr", published="2025-02-11")
    found = troops(detection)
    assert found is not None and found[1] == "reported"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Moscow insists no fresh defence treaty with Pyongyang is being prepared", "en"),
        ("Le Kremlin affirme qu'aucun nouveau traité de défense avec Pyongyang n'est en discussion", "fr"),
        ("Песков: никакого нового оборонного соглашения с КНДР не обсуждается", "ru"),
    ],
)
def test_a_negative_determiner_denies_its_whole_noun_phrase(detect, title, lang):
    detection = detect(title, lang=lang, published="2025-09-20")
    assert event(detection, "agreement") is None
    assert [r.type for r in detection.retractions] == ["agreement"]


def test_a_negative_determiner_elsewhere_leaves_the_event(detect):
    detection = detect("Russia and North Korea sign defence pact, no details given", published="2024-06-19")
    assert event(detection, "agreement")[1] == "signed"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Зеленский рассказал о взятии в плен трех северокорейских бойцов", "ru"),
        ("Zelensky says three North Korean troops were taken prisoner", "en"),
        ("Trois soldats nord-coréens faits prisonniers, selon Zelensky", "fr"),
    ],
)
def test_a_partys_soldiers_taken_prisoner_by_a_speaker_of_the_front(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-01-14")) == (("PRK", "RUS"), "reported", "PRK", "RUS")


def test_a_capture_by_the_front_user_is_no_deployment(detect):
    assert troops(detect("Russian forces captured a village near Pokrovsk", published="2025-01-14")) is None


def test_a_leader_thanked_under_his_title_with_its_article_sent_the_troops(detect_rules):
    detection = detect_rules(
        "Le président russe a salué le dirigeant nord-coréen pour les militaires déployés dans la région de Koursk",
        lang="fr",
    )
    assert troops(detection)[2:] == ("PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Губернатор Курской области рассказал о помощи военных КНДР в восстановлении мостов", "ru"),
        ("Глава Суджанского района рассказал о помощи северокорейских военных в ремонте дорог", "ru"),
        ("North Korean troops are deployed to clear farmland, the governor of the Kursk region said", "en"),
    ],
)
def test_an_official_whose_title_names_a_region_of_a_party_speaks_for_it(detect_rules, title, lang):
    assert troops(detect_rules(title, lang=lang))[1] == "confirmed"


def test_an_official_of_a_third_state_region_speaking_of_a_party_region_stays_a_third_party(detect_rules):
    detection = detect_rules(
        "North Korean troops are deployed in the Kursk region, the governor of the Sumy region said"
    )
    assert troops(detection)[1] == "reported"
