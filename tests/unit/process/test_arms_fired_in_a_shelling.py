"""Arms transfers: who shells a place with another state's weapons fires them ("shelled … with North
Korean rockets", « a pilonné … avec des roquettes nord-coréennes », «били / обстреляли из северокорейских
РСЗО»): the maker supplied the firer. A shelling with no foreign weapon is no transfer, nor is troops' shelling
told in the progressive ("have been shelling"), which tells their deployment."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russian troops shelled Zaporizhzhia with North Korean rockets overnight, officials say", "en"),
        ("L'armée russe a pilonné Kharkiv avec des roquettes nord-coréennes, selon le maire", "fr"),
        ("Российская армия обстреляла Запорожье из северокорейских РСЗО", "ru"),
        ("Глава области: по Харькову били из северокорейских гаубиц", "ru"),
    ],
)
def test_a_shelling_with_the_other_s_weapons_is_a_transfer(detect, title, lang):
    assert arms(detect(title, lang=lang))[1:] == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russian troops shelled Zaporizhzhia overnight as North Korean envoy visited Moscow", "en"),
        # troops shelling with their own guns: "shelling" is no cue, so the troops' story is not read as weapons
        ("North Korean gunners have been shelling border villages from Russian territory, Kyiv says", "en"),
        ("Российская армия обстреляла Запорожье, пока глава МИД КНДР был в Москве", "ru"),
    ],
)
def test_a_shelling_with_no_foreign_weapon_is_no_transfer(detect, title, lang):
    assert arms(detect(title, lang=lang)) is None
