"""Round (27): people in uniform named by their trade ("electronic warfare specialists", «военные моряки»,
« servants », "a detachment", «морпехи») are troops; a trade that is also a civilian one ("brigades",
«строители») at a civilian work place (building sites, «стройки», « chantiers ») is hired labour; and mines
laid are a deed on the front, as mines cleared are."""

from __future__ import annotations

import pytest

from tests.unit.process.test_troop_acknowledgements import troops


@pytest.mark.parametrize(
    ("title", "summary", "lang", "expected"),
    [
        (
            "Russian electronic warfare specialists stationed at North Korean airfield, Seoul says",
            "",
            "en",
            (("PRK", "RUS"), "reported", "RUS", "PRK"),
        ),
        (
            "A North Korean detachment is stationed near Belgorod in Russia, Ukraine says",
            "",
            "en",
            (("PRK", "RUS"), "reported", "PRK", "RUS"),
        ),
        (
            "Российские военные моряки обучают экипаж северокорейского фрегата",
            "Группа российских военных моряков работает в Расоне, сообщили в Сеуле.",
            "ru",
            (("PRK", "RUS"), "reported", "RUS", "PRK"),
        ),
        (
            "Корабли Тихоокеанского флота с морпехами прибыли в Чхонджин",
            "",
            "ru",
            (("PRK", "RUS"), "reported", "RUS", "PRK"),
        ),
        (
            "Pyongyang va envoyer des obusiers en Russie avec leurs servants, selon Séoul",
            "",
            "fr",
            (("PRK", "RUS"), "announced", "PRK", "RUS"),
        ),
        (
            "Un détachement nord-coréen stationné près de Belgorod en Russie, selon Kiev",
            "",
            "fr",
            (("PRK", "RUS"), "reported", "PRK", "RUS"),
        ),
    ],
)
def test_people_in_uniform_named_by_their_trade_are_troops(detect_rules, title, summary, lang, expected):
    assert troops(detect_rules(title, summary, lang=lang, published="2025-06-10")) == expected


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "North Korean sappers laying mines near Sudzha, Ukraine says",
            "",
            "en",
        ),
        (
            "Des soldats nord-coréens posent des mines près de Soudja, selon Kiev",
            "",
            "fr",
        ),
        (
            "Северокорейские саперы минируют поля под Суджей, заявили в Киеве",
            "",
            "ru",
        ),
    ],
)
def test_mines_laid_on_the_front_are_a_deed(detect_rules, title, summary, lang):
    assert troops(detect_rules(title, summary, lang=lang, published="2025-06-10")) == (
        ("PRK", "RUS"),
        "reported",
        "PRK",
        "RUS",
    )


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "North Korean construction brigades return to Khabarovsk building sites",
            "Brigades from North Korea are again working on construction sites in Khabarovsk, contractors say.",
            "en",
        ),
        (
            "Des brigades nord-coréennes de retour sur les chantiers de Khabarovsk",
            "Des brigades venues de Corée du Nord travaillent de nouveau sur les chantiers de la ville.",
            "fr",
        ),
        (
            "На стройках Хабаровска снова работают бригады из КНДР",
            "Строители из КНДР вернулись на стройплощадки Хабаровска, рассказали подрядчики.",
            "ru",
        ),
    ],
)
def test_trades_at_a_civilian_work_place_are_hired_labour(detect, title, summary, lang):
    assert troops(detect(title, summary, lang=lang, published="2025-06-10")) is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        # guards: soldiers and military builders at a work place stay troops; brigades away from one too
        ("North Korean soldiers sent to Russian building sites in Kursk, Seoul says", "en"),
        ("Военные строители КНДР прибыли на стройки Курской области", "ru"),
        ("Бригады КНДР воюют в Курской области", "ru"),
    ],
)
def test_troops_at_a_work_place_stay_troops(detect_rules, title, lang):
    assert troops(detect_rules(title, lang=lang, published="2025-06-10")) == (("PRK", "RUS"), "reported", "PRK", "RUS")
