"""Arms transfers (round 23, armsC): a weapon of one party falling on Sumy (« Сумы », « Soumy ») fell on
a front, so its user is the party fighting there; and an army that *shows* evidence in a headline («ВСУ показали
уничтожение северокорейской гаубицы») is the source of its own report, not a third state reacting, so the body's
account of the weapon's supply is still news."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Обломки северокорейской ракеты нашли в Сумах", "Пострадавших нет.", "ru"),
        ("Un missile de fabrication nord-coréenne s'est abattu sur Soumy", "Deux blessés.", "fr"),
    ],
)
def test_a_weapon_fallen_on_sumy_went_to_the_army_fighting_there(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


def test_an_army_showing_evidence_is_its_own_source(detect_rules):
    title = "Украинские военные показали видео с уничтоженной северокорейской РСЗО"
    summary = "По данным разведки, КНДР передала российским войскам несколько десятков таких установок и снаряды к ним."
    found = arms(detect_rules(title, summary, lang="ru"))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


def test_sumy_named_alone_makes_no_transfer(detect_rules):
    title = "В Сумах прошел концерт северокорейского ансамбля"
    assert arms(detect_rules(title, "Зрители аплодировали стоя.", lang="ru")) is None
