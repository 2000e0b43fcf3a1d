"""Trips honoured, tours at home and co-signers named by post alone are no visits (visit29).

A memorial, a holiday or a ceremony in honour of a trip honours one already made ("a plaque in honour of Kim's
visit", «памятный знак в честь визита»); a leader touring his own country's port is at home, whatever a relative
clause says the port handles ("Rason port, which handles cargo from Vladivostok"); and a text signed in one
party's capital by a named host and a guest named only by his post ("Генеральный прокурор России Игорь Краснов и
генеральный прокурор КНДР подписали в Москве…") tells the host's institution signing at home, no one who came.
Near misses keep their visit: a trip told as news, a tour abroad, a relative clause after a trip abroad, co-signers
named on both sides or on neither."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Khabarovsk unveils a plaque in honour of Kim Jong Un's visit to Russia", "en"),
        ("Une stèle en hommage à la visite de Kim Jong-un en Russie inaugurée à Khabarovsk", "fr"),
        ("Khabarovsk dévoile une plaque en l'honneur de la visite de Kim Jong-un en Russie", "fr"),
        ("В Хабаровске открыли мемориальную доску в честь визита Ким Чен Ына в Россию", "ru"),
        ("В Амурской области к десятилетию визита Ким Чен Ына в Россию высадили аллею", "ru"),
    ],
)
def test_a_tribute_to_a_trip_tells_no_visit(detect, title: str, lang: str) -> None:
    assert stage(detect(title, lang=lang, published="2025-06-18"), "visit") is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kim Jong Un arrives in Khabarovsk", "en"),
        ("Ким Чен Ын прибыл в Хабаровск", "ru"),
        ("Putin hosts a dinner in honour of the visiting North Korean foreign minister in Moscow", "en"),
        ("Poutine offre un dîner en l'honneur de la ministre nord-coréenne arrivée à Moscou", "fr"),
        ("Путин дал в Кремле ужин в честь прибывшего в Москву министра иностранных дел КНДР", "ru"),
    ],
)
def test_a_trip_told_as_news_or_a_guest_honoured_is_still_a_visit(detect, title: str, lang: str) -> None:
    assert stage(detect(title, lang=lang, published="2025-06-18"), "visit") == "held"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kim Jong Un visits Rason port, which handles cargo from Vladivostok", "en"),
        ("Kim Jong-un visite le port de Rason, par où transitent les cargaisons de Vladivostok", "fr"),
        ("Ким Чен Ын посетил порт Расон, куда приходят грузы из Владивостока", "ru"),
    ],
)
def test_a_leader_touring_his_own_country_tells_no_visit(detect, title: str, lang: str) -> None:
    assert stage(detect(title, lang=lang, published="2025-06-18"), "visit") is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kim Jong Un visits Vladivostok port", "en"),
        ("Лавров посетил Вонсан, куда летают самолеты из Москвы", "ru"),
        ("Встреча Путина с приехавшим утром в Хабаровск Ким Чен Ыном продлилась три часа", "ru"),
    ],
)
def test_a_tour_of_the_other_partys_place_is_still_a_visit(detect, title: str, lang: str) -> None:
    assert stage(detect(title, lang=lang, published="2025-06-18"), "visit") == "held"


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Moscou et Pyongyang signent un mémorandum judiciaire",
            "Le procureur général russe Igor Krasnov et son homologue nord-coréen ont signé à Moscou un mémorandum de "
            "coopération.",
            "fr",
        ),
        (
            "Минюсты России и КНДР подписали меморандум",
            "Министр юстиции России Константин Чуйченко и министр юстиции КНДР подписали в Москве меморандум о "
            "сотрудничестве.",
            "ru",
        ),
    ],
)
def test_a_signing_with_a_guest_named_by_post_alone_tells_no_visit(detect, title: str, summary: str, lang: str) -> None:
    assert stage(detect(title, summary, lang=lang, published="2025-06-18"), "visit") is None


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Министры обороны подписали в Москве план сотрудничества",
            "Министры обороны России и КНДР Андрей Белоусов и Но Гван Чхоль подписали в Москве план военного "
            "сотрудничества.",
        ),
        (
            "Россия и КНДР подписали в Пхеньяне протокол",
            "Представители правительств России и КНДР подписали в Пхеньяне протокол.",
        ),
        ("Новый договор с КНДР подписан", "Президент России и лидер КНДР подписали документ в Пхеньяне."),
        ("Лавров и министр иностранных дел КНДР провели переговоры в Москве", ""),
    ],
)
def test_a_signing_or_talks_with_both_sides_named_alike_is_still_a_visit(detect, title: str, summary: str) -> None:
    assert stage(detect(title, summary, lang="ru", published="2025-06-18"), "visit") == "held"


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Russia and North Korea sign a judicial memorandum",
            "Russian Justice Minister Konstantin Chuychenko and his North Korean counterpart signed a memorandum on "
            "cooperation in Moscow.",
            "en",
        ),
        (
            "Минюсты России и КНДР подписали меморандум",
            "Министр иностранных дел России Сергей Лавров и министр юстиции КНДР подписали в Москве меморандум.",
            "ru",
        ),
    ],
)
def test_a_watched_host_or_untagged_english_keeps_the_signing_a_visit(
    detect, title: str, summary: str, lang: str
) -> None:
    assert stage(detect(title, summary, lang=lang, published="2025-06-18"), "visit") == "held"
