"""Arms transfers: mines laid at sea ("sea mines", « mines navales », «морские мины») and the armed forces'
airlifters ("military transport aircraft", « avions de transport militaire », «военно-транспортные самолеты»)
are weapons and military equipment like land mines and combat aircraft; coal mines and ministers are none."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("North Korea preparing sea mines for the Russian navy, officials say", "en"),
        ("La Corée du Nord prépare des mines navales pour la marine russe, selon Séoul", "fr"),
        ("КНДР готовит морские мины для российского флота, сообщает разведка Южной Кореи", "ru"),
    ],
)
def test_sea_mines_prepared_for_the_other_are_a_planned_transfer(detect, title, lang):
    assert arms(detect(title, lang=lang))[1:] == ("announced", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russia delivered military transport aircraft to North Korea, Seoul says", "en"),
        ("La Russie a livré des avions de transport militaire à la Corée du Nord, selon Séoul", "fr"),
        ("Сеул: Москва отправила в Пхеньян военно-транспортные самолеты", "ru"),
    ],
)
def test_military_airlifters_delivered_are_a_transfer(detect, title, lang):
    assert arms(detect(title, lang=lang))[1:] == ("reported", "RUS", "PRK")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russian investors eye North Korean coal mines", "en"),
        ("Des investisseurs russes lorgnent les mines de charbon nord-coréennes", "fr"),
        ("Морской министр России прибыл в КНДР на переговоры о грузоперевозках", "ru"),
    ],
)
def test_coal_mines_and_ministers_stay_no_transfer(detect, title, lang):
    assert arms(detect(title, lang=lang)) is None
