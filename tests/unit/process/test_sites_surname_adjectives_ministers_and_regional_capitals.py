"""North Korea's military sites name it, a site's own part after a place included ("Sinpo East"); a Russian surname's
common adjective is no mention («лавровый лист»); the government's other long-serving members name Russia by
their surname (weak when borne abroad too: Novak, Golikova, Choe for the North's foreign minister); regional
capitals whose names are common words count when capitalised in an oblique case («в Кургане», «из Читы»);
«глава государства» in a Russian report is the home state's, as its other bare organs are; «пхеньянский нэнмён»
in Seoul is a dish."""

from __future__ import annotations

import pytest


def _ids(detection) -> list[str]:
    return sorted({e.id for e in detection.entities})


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("en", "Cranes return to Sinpo East pier", "A second hull is visible under netting."),
        ("fr", "Nouvelles cales au chantier de Sinpo Sud", "Des images satellitaires montrent deux coques."),
        ("en", "A second submarine spotted at Mayang-do", "Imagery from March shows it moored beside the first."),
        ("en", "New shelters dug at Sakkanmol", "Analysts counted six new tunnel entrances."),
        ("ru", "В Синпхо заметили новую баржу для пусков", "Снимки сделаны в начале месяца."),
    ],
)
def test_a_north_korean_military_site_names_it(detect, lang, title, summary):
    assert _ids(detect(title, summary, lang=lang)) == ["PRK"]


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Цены на лавровый лист выросли вдвое", "Поставщики ссылаются на неурожай в Средиземноморье."),
        ("Лавровое масло вошло в моду у косметологов", "Его добавляют в кремы и шампуни."),
    ],
)
def test_a_surnames_common_adjective_is_no_mention(detect, title, summary):
    assert _ids(detect(title, summary, lang="ru")) == []


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Лавров пошутил про лавровый венок", "Министр выступал перед студентами."),
        ("Встреча с Лавровым продлилась час", "Стороны обсудили поставки зерна."),
        ("Путинский указ о пенсиях вступил в силу", "Выплаты вырастут с января."),
    ],
)
def test_the_surname_in_its_own_cases_still_names_the_state(detect, title, summary):
    assert _ids(detect(title, summary, lang="ru")) == ["RUS"]


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("ru", "Хуснуллин пообещал достроить трассу к 2026 году", "Работы идут с опережением графика."),
        ("ru", "Колокольцев отчитался о снижении числа краж", "Данные приведены за пять месяцев."),
        ("ru", "Вице-премьер Голикова назвала сроки вакцинации", "Прививки начнут делать осенью."),
        ("en", "Deputy Prime Minister Novak sees oil demand recovering", "He spoke on the sidelines of a forum."),
        ("fr", "Alexandre Novak juge le marché pétrolier équilibré", "Il s'exprimait en marge d'un forum."),
        ("en", "Trutnev promises cheaper flights to Kamchatka", "Subsidised fares will return in spring."),
    ],
)
def test_a_government_member_names_russia(detect, lang, title, summary):
    assert _ids(detect(title, summary, lang=lang)) == ["RUS"]


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("en", "Novak Djokovic reaches the semi-finals in Melbourne", "The Serb beat his rival in four sets."),
        ("en", "Novak scores twice as Slavia win the derby", "The striker's brace settled it after the break."),
        ("en", "Kim Novak's paintings go on show in Oregon", "The actress took up painting after Hollywood."),
        ("ru", "Новак Джокович вышел в полуфинал", "Серб обыграл соперника в четырёх сетах."),
    ],
)
def test_a_namesake_of_a_weak_member_is_no_mention(detect, lang, title, summary):
    assert _ids(detect(title, summary, lang=lang)) == []


def test_the_norths_foreign_minister_by_her_surname_beside_her_counterpart(detect):
    detection = detect("Lavrov hosts Choe for talks on the treaty", "The two ministers met outside the capital.")
    assert _ids(detection) == ["PRK", "RUS"]


def test_another_choe_named_in_full_stays_another_person(detect):
    detection = detect(
        "Putin's trip seen from Seoul", "Choe Sang-hun, a veteran correspondent, says the mood is tense."
    )
    assert "PRK" not in _ids(detection)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("В Калуге открыли новый мост через Оку", "Движение запустят в субботу."),
        ("Поезд из Читы задержался на шесть часов", "Пассажирам раздали воду."),
        ("Под Самарой загорелся склад", "Пожар потушили к утру."),
        ("Жители Кургана готовятся к паводку", "Уровень воды растёт второй день."),
    ],
)
def test_a_regional_capital_named_like_a_common_word_names_russia(detect, title, summary):
    assert _ids(detect(title, summary, lang="ru")) == ["RUS"]


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Археологи вскрыли скифский курган в Казахстане", "В кургане нашли золотые украшения."),
        ("Калуга — самая крупная пресноводная рыба", "Её икра ценится выше осетровой."),
    ],
)
def test_the_common_word_is_no_city(detect, title, summary):
    assert _ids(detect(title, summary, lang="ru")) == []


def test_the_head_of_state_in_a_russian_report_is_russias(detect):
    detection = detect(
        "Глава государства утвердил новые правила техосмотра", "Документ вступит в силу с марта.", lang="ru"
    )
    assert _ids(detection) == ["RUS"]


def test_another_states_head_of_state_is_not_russias(detect):
    detection = detect(
        "Президент Казахстана подписал закон о языке", "Глава государства подписал его в понедельник.", lang="ru"
    )
    assert _ids(detection) == []


def test_a_pyongyang_dish_in_seoul_is_no_mention(detect):
    detection = detect("Очередь за пхеньянским нэнмёном в Сеуле", "Ресторан работает с 1985 года.", lang="ru")
    assert _ids(detection) == []
