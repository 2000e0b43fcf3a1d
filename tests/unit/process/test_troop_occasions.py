"""Round (12): a party's people shown at an occasion (a parade, an honour guard, a delegation, cadets at
an academy) are not sent anywhere: the rules report no deployment in such a clause unless its action
acknowledges the deed, and the backstop stops at a headline naming one."""

from __future__ import annotations

import pytest

from tests.unit.process.test_troop_acknowledgements import troops


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Kim hosts Russian defence minister in Wonsan",
            "A guard of honour of North Korean soldiers lined the runway when Russia's defence minister arrived.",
            "en",
        ),
        (
            "Un régiment nord-coréen a défilé à Moscou",
            "Des soldats nord-coréens ont participé au défilé militaire organisé en Russie pour la victoire.",
            "fr",
        ),
        (
            "Военные КНДР примут участие в параде в Москве",
            "Северокорейские военнослужащие пройдут в составе парадного расчета по Красной площади в Москве.",
            "ru",
        ),
    ],
)
def test_soldiers_on_parade_or_honour_guard_are_not_a_deployment(detect, title, summary, lang):
    assert troops(detect(title, summary, lang=lang, published="2025-05-10")) is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("A delegation of North Korean army officers arrived in Vladivostok for talks with Russia", "en"),
        ("Une délégation d'officiers de l'armée nord-coréenne est arrivée en Russie", "fr"),
        ("Делегация офицеров армии КНДР прибыла в Россию", "ru"),
    ],
)
def test_a_military_delegation_is_a_visit_not_troops(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-04-02")) is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("North Korean officer cadets are trained at Russian military academies", "en"),
        ("Des élèves officiers nord-coréens sont formés dans les académies militaires russes", "fr"),
        ("Северокорейские курсанты проходят обучение в военных вузах России", "ru"),
    ],
)
def test_cadets_studying_abroad_are_not_troops(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-09-02")) is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kim Jong Un salutes regiments back from Kursk at a parade in Pyongyang", "en"),
        ("Au défilé de Pyongyang, Kim Jong-un rend hommage aux soldats qui ont combattu en Russie", "fr"),
    ],
)
def test_a_parade_honouring_soldiers_back_from_the_front_still_confirms(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-10-11")) == (("PRK", "RUS"), "confirmed", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kim Jong Un awards medals to artillerymen who fought in Russia", "en"),
        ("Obsèques nationales à Pyongyang pour les soldats tués en Russie", "fr"),
        ("Ким Чен Ын вручил награды бойцам, воевавшим в Курской области", "ru"),
    ],
)
def test_medals_and_funerals_for_soldiers_who_fought_abroad_confirm(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-10-11")) == (("PRK", "RUS"), "confirmed", "PRK", "RUS")
