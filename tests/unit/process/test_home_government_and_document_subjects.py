"""A Russian report's own government, trips that are a document's subject, places where a thing was said
(ruagr17).

A bare «Правительство»/«Кабмин»/«Кабинет министров» opening a Russian sentence is Russia's government beside
North Korea named in full, unless a name follows it as its owner or the item names an unwatched state; a
trip noun that a document is about («соглашение о безвизовых поездках») is no one's trip, and tells no trip
that later trip nouns could refer back to; a reporting verb parts a meeting from a place on its other side
(«…, заявил Лавров на брифинге в Москве»)."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Правительство утвердило проект соглашения с КНДР о сотрудничестве в области ветеринарии",
            "Документ предусматривает обмен специалистами, говорится в распоряжении.",
        ),
        (
            "Кабмин одобрил проект соглашения с Северной Кореей о научном обмене",
            "Минобрнауки поручено провести переговоры с корейской стороной.",
        ),
        (
            "Кабинет министров одобрил проект соглашения с КНДР о морском сообщении",
            "Распоряжение опубликовано на портале правовой информации.",
        ),
    ],
)
def test_a_bare_government_noun_in_a_russian_report_is_russia(detect, title, summary):
    assert stage(detect(title, summary, lang="ru", published="2025-06-02"), "agreement") == "announced"


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Правительство Монголии одобрило проект соглашения с КНДР о транзите", ""),
        (
            "Правительство одобрило проект соглашения с Вьетнамом о морском сообщении",
            "Ранее такой же документ был согласован с КНДР.",
        ),
        ("Кабмин Казахстана одобрил проект соглашения с КНДР о туризме", ""),
    ],
)
def test_a_government_noun_owned_by_another_state_or_beside_one_is_not_russia(detect, title, summary):
    detection = detect(title, summary, lang="ru", published="2025-06-02")
    assert stage(detection, "agreement") is None
    assert "RUS" not in {entity.id for entity in detection.entities}


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Россия и КНДР подпишут соглашение о безвизовых поездках туристических групп",
            "Документ упростит поездки школьников и делегаций.",
            "ru",
        ),
        ("Москва и Пхеньян согласовали текст соглашения с КНДР о взаимных поездках студентов", "", "ru"),
    ],
)
def test_a_trip_a_document_is_about_is_no_visit(detect, title, summary, lang):
    detection = detect(title, summary, lang=lang, published="2025-06-02")
    assert stage(detection, "visit") is None
    assert stage(detection, "agreement") is not None


def test_an_agreed_trip_with_its_traveller_is_still_a_visit(detect):
    detection = detect("Москва и Пхеньян достигли договоренности о визите Ким Чен Ына в Россию", "", lang="ru")
    assert stage(detection, "visit") is not None


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Россия и КНДР подпишут меморандум о рыболовстве",
            "Россия и КНДР подпишут меморандум о рыболовстве осенью, заявил вице-премьер на форуме во Владивостоке.",
        ),
        (
            "Минобороны России направит инструкторов в КНДР",
            "Россия направит в КНДР инструкторов, сообщил министр обороны после переговоров с коллегой из КНДР.",
        ),
    ],
)
def test_a_reporting_verb_parts_a_meeting_from_a_place_on_its_other_side(detect, title, summary):
    assert stage(detect(title, summary, lang="ru", published="2025-06-02"), "visit") is None


def test_a_meeting_and_its_place_on_the_same_side_of_a_reporting_verb_stay_a_visit(detect):
    summary = "Шойгу провел переговоры с Ким Чен Ыном в Пхеньяне, сообщил Совбез."
    detection = detect("Шойгу встретился с Ким Чен Ыном", summary, lang="ru", published="2025-06-02")
    assert stage(detection, "visit") == "held"


@pytest.mark.parametrize(
    "summary",
    [
        "Стороны обсудили экономическое сотрудничество; подписание новых соглашений на этот раз не планируется.",
        "Подписание каких-либо документов по итогам переговоров России и КНДР не планировалось, уточнили в МИД.",
    ],
)
def test_a_signing_said_not_to_be_planned_is_no_agreement(detect, summary):
    detection = detect("Глава МИД России провел переговоры в Пхеньяне", summary, lang="ru", published="2025-06-02")
    assert stage(detection, "agreement") is None
