"""A participation confirmed is a visit planned (agree27b).

A guest that "confirmed its participation" or "attendance" in an event, « a confirmé sa participation / sa
présence », «подтвердил участие», promises to come: the trip beside it is announced, whatever the tense of
the confirmation. A trip told as made keeps its stage, and a confirmed part in fighting stays troops."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Moscow forum: North Korea confirmed its participation, a visit by Choe Son Hui", "", "en"),
        ("Forum de Moscou : Pyongyang a confirmé sa participation, une visite de Choe Son Hui", "", "fr"),
        (
            "Le ministre nord-coréen de la culture a confirmé sa présence, un voyage à Saint-Pétersbourg pour le forum",
            "",
            "fr",
        ),
        ("КНДР подтвердила участие делегации в Восточном экономическом форуме во Владивостоке", "", "ru"),
        (
            "Форум в Казани",
            "Власти Татарстана сообщили, что КНДР подтвердила своё участие: делегация во главе с министром "
            "приедет в Россию.",
            "ru",
        ),
        (
            "Минкультуры России пригласило коллег из КНДР на фестиваль",
            "В министерстве сообщили, что Пхеньян подтвердил участие делегации во главе с заместителем министра.",
            "ru",
        ),
    ],
)
def test_a_confirmed_participation_plans_the_trip(detect, title: str, summary: str, lang: str) -> None:
    assert stage(detect(title, summary, lang=lang, published="2025-08-20"), "visit") == "announced"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Делегация КНДР прибыла во Владивосток на форум", "ru"),
        ("North Korean delegation visited Moscow, ministry confirmed", "en"),
        ("La délégation nord-coréenne est arrivée à Moscou pour le forum", "fr"),
    ],
)
def test_a_trip_made_stays_held(detect, title: str, lang: str) -> None:
    assert stage(detect(title, lang=lang, published="2025-08-20"), "visit") == "held"


def test_a_confirmed_part_in_fighting_stays_troops(detect) -> None:
    detection = detect("Москва подтвердила участие военных КНДР в боях в Курской области", lang="ru")
    assert stage(detection, "troop_deployment") == "confirmed"
    assert stage(detection, "visit") is None
