"""Russian constructions that date a treaty or make a deed the topic of a plan: what is context and
what is still ahead ("после вступления в силу", "в рамках вступившего в силу договора", "переговоры о
поставках", "допустили визит")."""

from __future__ import annotations

from functools import partial

import pytest

from tests.unit.process.conftest import agreement, directed, stage


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Торговля Москвы и Пхеньяна выросла вдвое",
            "После вступления в силу договора России и КНДР объем перевозок через Хасан заметно увеличился.",
        ),
        ("Как изменились связи России и КНДР после вступления в силу договора о партнерстве", ""),
        ("Россия и КНДР провели совместные учения вскоре после вступления в силу соглашения о взаимной помощи", ""),
    ],
)
def test_an_entry_into_force_after_which_something_happens_is_no_news_of_it(detect, title, summary):
    assert agreement(detect(title, summary, lang="ru", published="2025-03-01")) is None


def test_a_visit_dated_by_an_entry_into_force_stays_a_visit(detect):
    detection = detect(
        "Шойгу прилетел в Пхеньян",
        "Это первая поездка секретаря Совбеза в КНДР после вступления в силу соглашения о взаимной помощи.",
        lang="ru",
        published="2025-03-01",
    )
    assert stage(detection, "visit") == "held"
    assert agreement(detection) is None


def test_a_treaty_that_enters_into_force_is_still_news(detect):
    assert agreement(detect("Соглашение России и КНДР о партнерстве вступило в силу", "", lang="ru")) == "in_force"


@pytest.mark.parametrize(
    "title",
    [
        "Учения России и КНДР прошли в рамках вступившего в силу договора",
        "Россия и КНДР провели учения согласно подписанному в июне соглашению",
    ],
)
def test_a_background_phrase_before_a_participle_of_the_treaty_dates_the_treaty(detect, title):
    assert agreement(detect(title, "", lang="ru", published="2025-03-01")) is None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Москва и Пхеньян ведут переговоры о поставках артиллерийских снарядов", "announced"),
        ("Переговоры Москвы и Пхеньяна о передаче зенитных комплексов продвигаются", "announced"),
        ("КНДР поставила России артиллерийские снаряды", "reported"),
    ],
)
def test_a_supply_that_talks_are_about_is_still_ahead(detect, title, expected):
    assert stage(detect(title, "", lang="ru", published="2025-03-01"), "arms_transfer") == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("В МИД России допустили визит Ким Чен Ына в Москву осенью", "announced"),
        ("Песков допускает поездку Путина в Пхеньян", "announced"),
        ("Ким Чен Ын посетил Москву", "held"),
    ],
)
def test_a_visit_that_someone_allows_for_is_still_ahead(detect, title, expected):
    assert stage(detect(title, "", lang="ru", published="2025-03-01"), "visit") == expected


arms = partial(directed, event_type="arms_transfer")  # (stage, from, to) of the Russia–DPRK arms transfer


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Треть ракет российской армии теперь поставляет КНДР", ("reported", "PRK", "RUS")),
        ("Большую часть снарядов российских войск производит и отправляет Пхеньян", ("reported", "PRK", "RUS")),
        ("Россия поставляет КНДР зенитные ракеты", ("reported", "RUS", "PRK")),
    ],
)
def test_a_russian_subject_after_the_verb_gives_when_the_party_before_is_a_genitive(detect, title, expected):
    assert arms(detect(title, "", lang="ru", published="2025-03-01")) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Российские расчеты стреляют северокорейскими минами и снарядами", ("reported", "PRK", "RUS")),
        ("Министр подарил КНДР российские беспилотники", ("reported", "RUS", "PRK")),
        ("Российская делегация вручила КНДР партию беспилотников", ("reported", "RUS", "PRK")),
    ],
)
def test_firing_a_partys_weapons_or_giving_them_as_a_present_is_a_transfer(detect, title, expected):
    assert arms(detect(title, "", lang="ru", published="2025-03-01")) == expected


def test_gunners_are_people_not_artillery(detect):
    detection = detect(
        "Российские артиллеристы сетуют на отказы при стрельбе снарядами из КНДР", "", lang="ru", published="2025-03-01"
    )
    assert arms(detection) == ("reported", "PRK", "RUS")


def test_a_headline_opening_a_year_after_an_event_is_a_look_back(detect_rules):
    detection = detect_rules(
        "Год после боёв: в курском селе Плёхово открыли новый детский сад",
        "В освобождении Курской области, напомнил глава района, участвовали и части КНДР. Сейчас в селе живут 300 "
        "человек.",
        lang="ru",
        published="2026-05-02",
    )
    assert not [e for e in detection.events if e.type == "troop_deployment"]
