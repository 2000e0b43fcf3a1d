"""A guest awaited is a visit ahead, a guest there for talks a visit held; an order the lead tells carried out
is the deed done."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch, stage


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Putin expected in Pyongyang on Tuesday", "The Kremlin confirmed the trip.", "en"),
        ("Kim Jong Un expected in Vladivostok for talks with Putin", "His train was seen heading north.", "en"),
        ("Poutine attendu à Pyongyang", "Le Kremlin a confirmé le déplacement.", "fr"),
        ("Des ministres russes attendus à Pyongyang", "La délégation sera conduite par Sergueï Lavrov.", "fr"),
        ("Путина ждут в Пхеньяне во вторник", "В Кремле подтвердили поездку.", "ru"),
        ("Ким Чен Ын ожидается во Владивостоке", "Лидер КНДР встретится с Путиным.", "ru"),
    ],
)
def test_a_guest_awaited_in_the_other_partys_place_is_an_announced_visit(detect, title, summary, lang):
    assert stage(detect(title, summary, lang=lang, published="2024-06-17"), "visit") == "announced"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Rain expected in Pyongyang on Tuesday", "en"),  # no guest
        ("Russian tourists expected in Wonsan this summer", "en"),  # private persons
    ],
)
def test_weather_or_tourists_awaited_are_no_visit(detect, title, lang):
    assert stage(detect(title, lang=lang, published="2024-06-17"), "visit") is None


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Kim Jong Un ordered the launch of a Hwasong-18", "KCNA said the missile was fired on Monday.", "en"),
        ("Kim Jong-un ordonne le tir d'un missile Hwasong-18", "Le missile a été tiré lundi, selon KCNA.", "fr"),
        (
            "Ким Чен Ын приказал запустить ракету «Хвасон-18»",
            "Ракета была запущена в понедельник, сообщило ЦТАК.",
            "ru",
        ),
    ],
)
def test_an_order_the_lead_tells_carried_out_is_a_launch_held(detect, title, summary, lang):
    assert launch(detect(title, summary, lang=lang, published="2024-06-18")) == ("held", ("PRK",))


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Kim Jong Un ordered the launch of a Hwasong-18", "The test is to take place this week, KCNA said.", "en"),
        ("Ким Чен Ын приказал подготовить запуск спутника", "Запуск состоится в ближайшие дни, сообщило ЦТАК.", "ru"),
    ],
)
def test_an_order_still_ahead_in_the_lead_is_a_launch_announced(detect, title, summary, lang):
    assert launch(detect(title, summary, lang=lang, published="2024-06-18")) == ("announced", ("PRK",))


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Shoigu in Pyongyang for talks with Kim Jong Un", "en"),
        ("Choïgou à Pyongyang pour des entretiens avec Kim Jong-un", "fr"),
        ("Шойгу в Пхеньяне для переговоров с Ким Чен Ыном", "ru"),
    ],
)
def test_a_guest_in_the_other_partys_place_for_talks_is_a_visit_held(detect, title, lang):
    assert stage(detect(title, lang=lang, published="2024-09-13"), "visit") == "held"


@pytest.mark.parametrize(
    "title",
    [
        "Shoigu in Pyongyang next week for talks with Kim Jong Un",  # dated ahead
        "Shoigu to travel to Pyongyang for talks with Kim Jong Un",  # a trip planned
    ],
)
def test_a_guest_due_there_for_talks_is_still_a_visit_announced(detect, title):
    assert stage(detect(title, published="2024-09-13"), "visit") == "announced"
