"""Russian arms transfers told by a passive participle and its agent, a verb of selling or delivering,
a plan that governs the supply, help with a weapons programme, and a denial called a lie."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    "title",
    [
        "На позициях под Запорожьем всё чаще находят поставленные КНДР боеприпасы",
        "Армия России расходует переданные КНДР гаубицы быстрее ожидаемого",
    ],
)
def test_the_name_after_a_passive_participle_is_its_agent_the_giver(detect, title):
    assert arms(detect(title, "", lang="ru")) == (("PRK", "RUS"), "reported", "PRK", "RUS")


def test_a_dative_after_a_passive_participle_stays_the_receiver(detect):
    assert arms(detect("Переданные России северокорейские гаубицы замечены в Курской области", "", lang="ru"))[2:] == (
        "PRK",
        "RUS",
    )


def test_an_instrumental_coordinated_after_a_preposition_is_no_agent(detect):
    detection = detect(
        "Грузы идут по мосту между КНДР и Россией",
        "Аналитики связали рост перевозок между КНДР и Россией с доставкой снарядов для российской армии.",
        lang="ru",
    )
    assert arms(detection)[2:] == ("PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Пхеньян продал Москве партию реактивных снарядов", "reported"),
        ("КНДР отгрузила России очередную партию боеприпасов", "reported"),
        ("Северная Корея снабжает российскую армию гаубицами", "reported"),
        ("Пхеньян намерен отправить Москве ещё одну партию ракет", "announced"),
        ("Ким Чен Ын собирается продать России артиллерийские снаряды", "announced"),
    ],
)
def test_verbs_of_selling_shipping_and_supplying(detect, title, expected):
    found = arms(detect(title, "", lang="ru"))
    assert found is not None and found[1:] == (expected, "PRK", "RUS")


@pytest.mark.parametrize(
    "title",
    [
        "Кремль и Пхеньян обсуждают поставки гаубиц",
        "Военные России и КНДР обсудили передачу зенитных комплексов",
    ],
)
def test_a_supply_governed_by_a_verb_of_discussing_is_announced(detect, title):
    assert arms(detect(title, "", lang="ru"))[1] == "announced"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Россия поможет КНДР в создании спутников-разведчиков", "announced"),
        ("Москва помогает Пхеньяну развивать космическую программу", "reported"),
    ],
)
def test_help_with_a_weapons_programme_is_a_transfer_from_the_helper(detect, title, expected):
    assert arms(detect(title, "", lang="ru")) == (("PRK", "RUS"), expected, "RUS", "PRK")


@pytest.mark.parametrize(
    "title",
    [
        "Россия и КНДР обменялись данными с помощью спутников",
        "Россия передала КНДР гуманитарную помощь для пострадавших от наводнения",
    ],
)
def test_help_as_an_instrument_or_relief_is_no_transfer(detect, title):
    assert arms(detect(title, "", lang="ru")) is None


def test_a_report_called_a_lie_by_a_named_spokeswoman_is_a_denial(detect):
    detection = detect("Захарова назвала ложью слухи о поставках ракет из КНДР в Россию", "", lang="ru")
    assert arms(detection) is None
