"""Russian constructions of ru-holdout9: an exchange of ratification instruments in any case, a visit
awaited with the guest's name between, a refusal to link something with reports, and soldiers who
arrive (a deployment, no visit)."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import agreement, stage


@pytest.mark.parametrize(
    "title",
    [
        "Об обмене ратификационными грамотами к соглашению о партнерстве между Россией и КНДР",
        "Церемония обмена ратификационными грамотами к договору России и КНДР прошла в Пхеньяне",
        "Россия и КНДР завершили обмен грамотами по соглашению о взаимной помощи",
    ],
)
def test_an_exchange_of_ratification_instruments_in_any_case_puts_the_treaty_in_force(detect, title):
    assert agreement(detect(title, "", lang="ru", published="2025-03-01")) == "in_force"


@pytest.mark.parametrize(
    "title",
    [
        "В Пхеньяне ждут Владимира Путина с ответным визитом",
        "В Москве ожидают Ким Чен Ына с официальным визитом в КНДР и Россию",
    ],
)
def test_a_visit_awaited_with_the_guest_named_between_is_announced(detect, title):
    assert stage(detect(title, "", lang="ru", published="2025-03-01"), "visit") == "announced"


def test_a_refusal_to_link_a_date_with_reports_of_troops_reports_no_troops(detect):
    detection = detect(
        "Госдума рассмотрит соглашение с Пхеньяном",
        "Сенатор отказалась связывать сроки голосования с публикациями о переброске северокорейских солдат.",
        lang="ru",
        published="2025-03-01",
    )
    assert stage(detection, "troop_deployment") is None


@pytest.mark.parametrize(
    "title",
    [
        "Северокорейские бойцы прибыли в Курскую область",
        "В Курскую область прибыли новые военнослужащие КНДР",
    ],
)
def test_soldiers_who_arrive_are_a_deployment_not_a_visit(detect, title):
    detection = detect(title, "", lang="ru", published="2025-03-01")
    assert stage(detection, "visit") is None
    assert stage(detection, "troop_deployment") is not None


def test_a_minister_who_arrives_with_soldiers_still_visits(detect):
    detection = detect("Шойгу и российские военные прибыли в Пхеньян", "", lang="ru")
    assert stage(detection, "visit") == "held"
