"""Round 13, Russian precision (ru14): a deed named as the price of a deal, people skilled in a weapon,
troops who are only taught, a substantivised adjective before a verb that also reads as a noun, the
Korean surname "Но" in mid-phrase, and a party mourning its soldiers over their coffins."""

from __future__ import annotations

import pytest

from tests.unit.process.test_russian_visit_tense_fronts_and_makers import first, ru


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Россия снабдила Пхеньян системами РЭБ в качестве платы за отправку северокорейских бойцов", "ru"),
        ("Москва передала КНДР зенитные ракеты в обмен на участие северокорейских солдат в боях", "ru"),
        ("Russia supplied North Korea air defence systems in return for the dispatch of North Korean soldiers", "en"),
        (
            "La Russie a livré des systèmes antiaériens à Pyongyang en échange de l'envoi de soldats nord-coréens",
            "fr",
        ),
    ],
)
def test_a_deployment_named_as_the_price_of_a_transfer_is_no_news_of_its_own(detect, title, lang):
    detection = detect(title, lang=lang, published="2025-03-01")
    assert first(detection, "troop_deployment") is None
    assert first(detection, "arms_transfer") == (("PRK", "RUS"), "reported", "RUS", "PRK")


def test_goods_named_as_the_price_leave_the_announced_transfer_its_stage(detect):
    title = "Москва поставит КНДР зенитные комплексы в обмен на партии северокорейских снарядов"
    found = first(ru(detect, title), "arms_transfer")
    assert found == (("PRK", "RUS"), "announced", "RUS", "PRK")


def test_a_finite_verb_after_the_price_starts_the_news_itself(detect):
    found = first(ru(detect, "В обмен на снаряды Россия поставила Пхеньяну зенитные комплексы"), "arms_transfer")
    assert found == (("PRK", "RUS"), "reported", "RUS", "PRK")


@pytest.mark.parametrize(
    "title",
    [
        "Россия отправила в КНДР военных специалистов по беспилотникам",
        "Россия направила в КНДР операторов ударных беспилотников",
    ],
)
def test_people_skilled_in_a_weapon_are_no_weapon_sent(detect, title):
    detection = ru(detect, title)
    assert first(detection, "arms_transfer") is None
    assert first(detection, "troop_deployment") == (("PRK", "RUS"), "reported", "RUS", "PRK")


def test_a_weapon_given_to_people_is_still_sent(detect):
    found = first(ru(detect, "Россия передала северокорейским военным беспилотники"), "arms_transfer")
    assert found is not None and found[1] == "reported"


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Россия передаст КНДР радиолокационные станции",
            "Поставки начнутся весной, предусмотрено и обучение северокорейских операторов.",
        ),
        ("Россия передаст КНДР радиолокационные станции", "Также намечена подготовка северокорейских расчетов."),
    ],
)
def test_troops_who_are_only_taught_are_not_deployed(detect, title, summary):
    assert first(ru(detect, title, summary), "troop_deployment") is None


def test_troops_taught_in_the_other_partys_country_are_deployed(detect):
    found = first(ru(detect, "Началось обучение северокорейских операторов в России"), "troop_deployment")
    assert found is not None and found[2:] == ("PRK", "RUS")


def test_the_training_of_crews_in_english_says_nothing_of_where(detect):
    detection = detect(
        "Russia to give North Korea radar stations, with training of North Korean crews", published="2025-03-01"
    )
    assert first(detection, "troop_deployment") is None


def test_a_substantivised_adjective_before_a_verb_that_reads_as_a_noun_is_the_troops(detect):
    found = first(ru(detect, "Северокорейские военные прибыли на полигон в Курской области"), "troop_deployment")
    assert found == (("PRK", "RUS"), "reported", "PRK", "RUS")


def test_a_substantivised_adjective_before_a_noun_still_qualifies_it(detect):
    assert first(ru(detect, "Военные расходы России и КНДР выросли"), "troop_deployment") is None


@pytest.mark.parametrize(
    ("title", "stage"),
    [
        ("Делегация военного ведомства КНДР во главе с Но Гван Чхолем приедет в Москву", "announced"),
        ("Министр Но и делегация КНДР прибыли в Москву", "held"),
    ],
)
def test_the_korean_surname_no_in_mid_phrase_does_not_cut_the_clause(detect, title, stage):
    found = first(ru(detect, title), "visit")
    assert found is not None and found[1] == stage


def test_the_conjunction_no_after_a_comma_still_cuts_the_clause(detect):
    detection = ru(detect, "Москва опровергла слухи, но визит Лаврова в Пхеньян состоится")
    assert first(detection, "visit") == (("PRK", "RUS"), "announced", None, None)
    assert not detection.retractions


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kim Jong Un wept beside the coffins of soldiers who fell fighting for Russia", "en"),
        ("Ким Чен Ын постоял у гробов бойцов, погибших в боях за Россию", "ru"),
    ],
)
def test_a_party_mourning_over_its_soldiers_coffins_acknowledges_them(detect, title, lang):
    found = first(detect(title, lang=lang, published="2025-03-01"), "troop_deployment")
    assert found is not None and found[1] == "confirmed"
