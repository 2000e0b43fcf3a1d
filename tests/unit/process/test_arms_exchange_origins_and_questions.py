"""Arms transfers, round 13: what pays for a deal goes the other way, an adjective on weapons whose
origin is named is their holder, a name between the weapon and its verb is the verb's subject, an
adjective a word or two before the weapon still made it, a name after an action noun yields to a
preposition, the helper in "with the help of" gives, a party named only in the headline orients a
later sentence; "after talks" dates a showing and "what … could give" asks, neither is a plan."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


def direction(detect, title: str, summary: str = "", lang: str = "en") -> tuple[str | None, str | None] | None:
    """(from, to) of the arms transfer of one article, or None when there is none."""
    found = arms(detect(title, summary, lang=lang, published="2024-11-05"))
    return None if found is None else found[2:]


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Moscow sends Pyongyang wheat and diesel in exchange for artillery rounds", "en"),
        ("Russia gives North Korea oil and grain in return for thousands of shells", "en"),
        ("Moscou fournit du carburant à Pyongyang en contrepartie d'obus", "fr"),
        ("Москва отправляет Пхеньяну продовольствие в обмен на боеприпасы", "ru"),
    ],
)
def test_weapons_that_pay_for_a_deal_go_the_other_way(detect, title, lang):
    assert direction(detect, title, lang=lang) == ("PRK", "RUS")


def test_a_weapon_named_before_the_exchange_keeps_the_deeds_direction(detect):
    title = "Moscow delivered Pantsir air defence systems to Pyongyang in return for rockets"
    assert direction(detect, title) == ("RUS", "PRK")


@pytest.mark.parametrize(
    "title",
    [
        "Russian artillery rounds now mostly come from North Korea, Kyiv says",
        "Many Russian rockets are supplied by Pyongyang, Estonian intelligence says",
    ],
)
def test_an_adjective_on_weapons_whose_origin_is_named_is_their_holder(detect, title):
    assert direction(detect, title) == ("PRK", "RUS")


def test_an_adjective_on_weapons_still_makes_them_when_the_origin_is_a_place_it_qualifies(detect):
    assert direction(detect, "North Korean rockets launched from Russian soil hit Sumy") == ("PRK", "RUS")


def test_a_name_between_the_weapon_and_its_verb_is_the_verbs_subject(detect):
    title = "Half the shells Russia fires at Toretsk are North Korean-made, brigade says"
    assert direction(detect, title) == ("PRK", "RUS")


def test_an_adjective_two_words_before_the_weapon_made_it(detect):
    title = "Под Одессой нашли обломки северокорейской крылатой ракеты"
    assert direction(detect, title, lang="ru") == ("PRK", "RUS")


def test_a_name_after_an_action_noun_yields_to_a_preposition(detect):
    title = "В Вашингтоне заявили о поставках КНДР гаубиц в Россию"
    assert direction(detect, title, lang="ru") == ("PRK", "RUS")


def test_a_name_after_an_action_noun_still_receives_when_nothing_else_says(detect):
    title = "Москва может ускорить передачу КНДР зенитных систем"
    assert direction(detect, title, lang="ru") == ("RUS", "PRK")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Pyongyang assemble des drones avec l'aide du Kremlin, selon Kiev", "fr"),
        ("Pyongyang fabrique des obus avec le soutien de Moscou", "fr"),
    ],
)
def test_the_helper_named_after_help_gives(detect, title, lang):
    assert direction(detect, title, lang=lang) == ("RUS", "PRK")


def test_a_party_named_only_in_the_headline_orients_a_later_sentence(detect):
    title = "Российские суда снова вывозят грузы из северокорейского порта Расон"
    summary = (
        "Спутниковые снимки фиксируют разгрузку у причалов. "
        "Эксперты связывают эти рейсы с поставками артиллерийских снарядов."
    )
    assert direction(detect, title, summary, lang="ru") == ("PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kim toured a Russian missile plant after talks with Belousov", "en"),
        ("Kim a vu des bombardiers et des missiles russes avant ses pourparlers avec Poutine", "fr"),
        ("Ким осмотрел российские истребители после переговоров с Белоусовым", "ru"),
    ],
)
def test_talks_after_a_time_preposition_date_a_showing_and_plan_no_transfer(detect, title, lang):
    assert direction(detect, title, lang=lang) is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Experts list what weapons Russia might give North Korea", "en"),
        ("Quels missiles la Russie pourrait livrer à Pyongyang", "fr"),
        ("Какие истребители Россия могла бы передать КНДР", "ru"),
    ],
)
def test_what_weapons_might_be_given_is_a_question_not_a_plan(detect, title, lang):
    assert direction(detect, title, lang=lang) is None


def test_a_plain_modal_supply_is_still_a_plan(detect):
    found = arms(detect("Russia could hand North Korea more fighter jets", "", published="2024-11-05"))
    assert found is not None and found[1:] == ("announced", "RUS", "PRK")


def test_french_air_defence_without_systems_is_a_weapon(detect):
    found = arms(detect("Moscou va livrer des équipements de défense aérienne à Pyongyang", "", lang="fr"))
    assert found is not None and found[1:] == ("announced", "RUS", "PRK")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "North Korean soldiers pulled back from Kursk front line, Kyiv says",
            "Kyiv said the troops had suffered heavy casualties.",
            "en",
        ),
        ("Les soldats nord-coréens retirés du front de Koursk, selon Kiev", "Ils ont subi des pertes.", "fr"),
    ],
)
def test_troops_pulled_back_from_a_front_are_a_withdrawal_the_backstop_obeys(detect, title, summary, lang):
    detection = detect(title, summary, lang=lang, published="2025-02-12")
    assert not [e for e in detection.events if e.type == "troop_deployment"]
