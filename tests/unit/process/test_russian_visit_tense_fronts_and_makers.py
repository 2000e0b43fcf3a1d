"""Round (12), Russian constructions: the tense of a visit verb decides over a visit noun beside it, a
plan still being worked out, a guest staying in the other party's capital, a report called absurd, a
weapon that hit or fell on a front, a trigger word that qualifies another noun, troops as a place, a
headline topic before its colon, an action in a relative clause, and an aside in parentheses."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import event


def first(detection, event_type):
    """(actors, stage, from, to) of the first ``event_type`` event, or None."""
    found = event(detection, event_type)
    return found[:4] if found else None


def ru(detect, title, summary="", published="2025-03-01"):
    """The detection of a Russian item."""
    return detect(title, summary, lang="ru", published=published)


def retracted(detection, event_type) -> bool:
    """Whether ``detection`` holds a retraction of ``event_type``."""
    return any(found.type == event_type for found in detection.retractions)


@pytest.mark.parametrize(
    "title",
    [
        "Делегация парламента КНДР во главе со спикером приедет в Москву",
        "Военная делегация России посетит Пхеньян в конце месяца",
    ],
)
def test_a_future_visit_verb_makes_the_delegation_beside_it_a_plan(detect, title):
    found = first(detect(title, lang="ru", published="2025-04-01"), "visit")
    assert found == (("PRK", "RUS"), "announced", None, None)


def test_a_past_visit_verb_keeps_the_delegation_beside_it_held(detect):
    found = first(detect("Делегация Минобороны КНДР прибыла в Москву", lang="ru", published="2025-04-01"), "visit")
    assert found == (("PRK", "RUS"), "held", None, None)


@pytest.mark.parametrize(
    "title",
    [
        "Кремль: поездка Путина в Пхеньян прорабатывается",
        "Визит главы МИД КНДР в Москву согласовывается",
    ],
)
def test_a_visit_still_being_worked_out_is_announced(detect, title):
    assert first(detect(title, lang="ru", published="2025-04-01"), "visit") == (("PRK", "RUS"), "announced", None, None)


def test_a_visit_not_being_worked_out_is_no_visit(detect):
    detection = detect("Ушаков: визит Ким Чен Ына в Москву не прорабатывается", lang="ru", published="2025-04-01")
    assert first(detection, "visit") is None


@pytest.mark.parametrize(
    "title",
    [
        "Сергей Лавров находится в Пхеньяне для консультаций",
        "Ким Чен Ын, находящийся во Владивостоке, осмотрит порт",
    ],
)
def test_a_watched_person_staying_in_the_other_partys_capital_is_a_visit(detect, title):
    assert first(detect(title, lang="ru", published="2025-04-01"), "visit") is not None


@pytest.mark.parametrize(
    "title",
    [
        "Северокорейские бойцы находятся в Курской области с осени",
        "Ким Чен Ын находится в Пхеньяне, Россия ждет его осенью",
    ],
)
def test_troops_or_a_leader_at_home_staying_somewhere_is_no_visit(detect, title):
    found = first(detect(title, lang="ru", published="2025-04-01"), "visit")
    assert found is None or found[1] == "announced"


def test_reports_called_absurd_are_denied(detect):
    detection = detect(
        "Шойгу назвал нелепыми слухи о поставках снарядов из КНДР в Россию", lang="ru", published="2024-09-01"
    )
    assert first(detection, "arms_transfer") is None
    assert retracted(detection, "arms_transfer")


def test_a_front_struck_with_a_partys_weapon_before_the_verb_is_a_transfer(detect):
    detection = ru(detect, "Мэр: по Одессе ударили северокорейскими ракетами")
    assert first(detection, "arms_transfer") == (("PRK", "RUS"), "reported", "PRK", "RUS")


def test_a_weapon_made_in_a_party_is_a_transfer_from_it(detect):
    detection = ru(detect, "Снаряды, произведенные в КНДР, найдены на позициях под Херсоном")
    assert first(detection, "arms_transfer") == (("PRK", "RUS"), "reported", "PRK", "RUS")


def test_a_missile_that_fell_on_a_front_was_not_launched_by_its_maker(detect):
    detection = ru(
        detect,
        "Эксперты: ракета, упавшая в Запорожье, изготовлена в Северной Корее",
        "Специалисты изучили обломки, найденные в Запорожье, и нашли на них корейскую маркировку.",
    )
    assert first(detection, "missile_launch") is None


def test_a_russian_launch_at_a_front_is_still_russias(detect):
    detection = ru(detect, "Россия запустила ракеты по Днепру")
    assert first(detection, "missile_launch") == (("RUS",), "held", None, None)


def test_a_front_after_a_preposition_in_the_headline_lets_the_body_count(detect):
    detection = ru(
        detect,
        "В Запорожье изучают обломки северокорейской ракеты",
        "Специалисты СБУ собрали фрагменты корпуса. Ракета была в партии, которую Пхеньян передал Москве осенью.",
    )
    assert first(detection, "arms_transfer") == (("PRK", "RUS"), "reported", "PRK", "RUS")


@pytest.mark.parametrize(
    "summary",
    [
        "Военные объекты КНДР охраняются усиленно, отмечают в Сеуле.",
        "Военные заводы Северной Кореи отправляют в Россию все новые партии боеприпасов.",
    ],
)
def test_military_as_an_adjective_before_a_noun_names_no_troops(detect, summary):
    detection = ru(detect, "Сеул: КНДР и Россия наращивают сотрудничество", summary)
    assert first(detection, "troop_deployment") is None


def test_military_people_named_by_an_adjective_and_noun_stay_troops(detect):
    detection = ru(detect, "Пхеньян направил в Курскую область военных инженеров")
    assert first(detection, "troop_deployment") == (("PRK", "RUS"), "reported", "PRK", "RUS")


def test_troops_that_are_the_place_of_something_are_not_deployed(detect):
    detection = ru(
        detect,
        "КНДР поставила России гаубицы",
        "По данным Киева, эти орудия уже находятся в российских войсках под Курском.",
    )
    assert first(detection, "troop_deployment") is None


def test_a_headline_topic_before_the_colon_does_not_orient_the_statement(detect):
    detection = detect("Белоусов в Пхеньяне: КНДР направит в Россию новых саперов", lang="ru", published="2025-06-01")
    found = first(detection, "troop_deployment")
    assert found is not None and found[2:] == ("PRK", "RUS")


def test_an_action_in_a_relative_clause_before_the_trigger_is_not_its_deed(detect):
    detection = detect(
        "Удар по Одессе",
        "При обстреле Одессы, в результате которого погибли три человека, российские войска применили "
        "ракеты северокорейского производства.",
        lang="ru",
        published="2025-03-01",
    )
    assert first(detection, "troop_deployment") is None


def test_an_aside_in_parentheses_does_not_cut_the_clause(detect):
    detection = ru(
        detect,
        "Снаряды под Покровском",
        "Речь идет о снарядах калибра 122 мм (около 20 тысяч штук), переданных Пхеньяном Москве летом.",
    )
    assert first(detection, "arms_transfer") == (("PRK", "RUS"), "reported", "PRK", "RUS")
