"""Russian reports: a trip dated by the month before, named late in the article's month, is recalled,
not reported; the instrumental doer of a buying deed is its buyer; a preposition or an adjective after
a plan does not make it a messenger's deed ("добивается от Пхеньяна новых поставок")."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Госдеп: Москва и Пхеньян расширяют сотрудничество",
            "По данным Госдепартамента, во время мартовской поездки в Пхеньян Сергей Лавров обсуждал "
            "с руководством КНДР экономические проекты.",
        ),
        (
            "Сеул: Москва и Пхеньян расширяют сотрудничество",
            "Как заявили в Сеуле, глава МИД КНДР побывала в Москве в марте и обсудила с Лавровым "
            "экономические проекты.",
        ),
    ],
)
def test_a_trip_of_the_month_before_named_late_in_the_month_is_recalled(detect_rules, title, summary):
    assert stage(detect_rules(title, summary, lang="ru", published="2024-04-22"), "visit") is None


def test_a_trip_of_the_month_before_named_early_in_the_month_is_still_news(detect_rules):
    detection = detect_rules(
        "Глава МИД КНДР побывала в Москве в марте",
        "Министр провела переговоры с Сергеем Лавровым.",
        lang="ru",
        published="2024-04-02",
    )
    assert stage(detection, "visit") == "held"


def test_a_trip_of_the_month_before_told_by_its_day_is_still_news(detect_rules):
    detection = detect_rules("Глава МИД КНДР 30 марта побывала в Москве", "", lang="ru", published="2024-04-22")
    assert stage(detection, "visit") == "held"


def _direction(detection):
    return next(((e.from_, e.to) for e in detection.events if e.type == "arms_transfer"), None)


def test_the_instrumental_doer_of_a_purchase_is_the_buyer(detect_rules):
    detection = detect_rules("США: переговоры о приобретении Москвой северокорейских ракет продолжаются", "", lang="ru")
    assert _direction(detection) == ("PRK", "RUS")


def test_the_instrumental_doer_of_a_supply_still_gives(detect_rules):
    detection = detect_rules("Сеул сообщил о передаче Пхеньяном ракет российской армии", "", lang="ru")
    assert _direction(detection) == ("PRK", "RUS")


def test_a_plan_seeking_new_supplies_from_a_party_is_no_messenger(detect_rules):
    detection = detect_rules("Кремль добивается от Пхеньяна срочных поставок боеприпасов", "", lang="ru")
    assert _direction(detection) == ("PRK", "RUS")
    assert stage(detection, "arms_transfer") == "announced"


def test_a_delegation_of_an_institution_named_after_a_founder_travels_for_his_state(detect_rules):
    detection = detect_rules(
        "Хор имени Ким Чен Ира приедет в Россию", "Коллектив даст концерты в Москве и Казани.", lang="ru"
    )
    assert stage(detection, "visit") == "announced"


def test_a_meeting_that_dates_another_deed_past_the_lead_is_recalled(detect_rules):
    detection = detect_rules(
        "Эксперты: на границе КНДР растёт число грузовиков",
        "Аналитики насчитали на снимках около сотни машин у границы с Россией. "
        "Съёмка велась в течение двух недель. "
        "По их мнению, КНДР стала вывозить в Россию снаряды после переговоров Ким Чен Ына и Путина в Москве.",
        lang="ru",
    )
    assert stage(detection, "visit") is None


def test_a_meeting_in_the_lead_that_dates_another_deed_is_still_news(detect_rules):
    detection = detect_rules(
        "Путин и Ким Чен Ын провели переговоры в Пхеньяне",
        "Лидеры подписали договор после переговоров в Пхеньяне.",
        lang="ru",
    )
    assert stage(detection, "visit") == "held"


def test_what_was_told_after_talks_past_the_lead_leaves_the_talks_news(detect_rules):
    detection = detect_rules(
        "КНДР направит в Россию группу медиков",
        "Северная Корея пошлёт в Россию 200 врачей, заявил глава Минздрава России. "
        "Это решение принято на высшем уровне. "
        "Об этом Лавров сообщил после переговоров с Ким Чен Ыном в Пхеньяне.",
        lang="ru",
    )
    assert stage(detection, "visit") == "held"


def test_after_a_dateline_the_sentence_that_follows_it_is_still_the_lead(detect_rules):
    detection = detect_rules(
        "Москва и Пхеньян подписали соглашение о туризме",
        "ПХЕНЬЯН, 3 мар — ТАСС. Министр Козлов вручил награды спортсменам после переговоров с премьером КНДР "
        "в Пхеньяне.",
        lang="ru",
        published="2025-03-03",
    )
    assert stage(detection, "visit") == "held"
