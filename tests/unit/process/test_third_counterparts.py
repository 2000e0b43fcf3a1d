"""A third state that gives or receives in a directed event (arms, troops) makes it that pair's deal:
no Russia–DPRK event is completed from another clause or sentence. Fronts, targets and reactors
still leave the Russia–DPRK event standing."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("en", "Russia delivers attack helicopters to Iran", "Moscow has also courted Pyongyang this year."),
        ("en", "Egypt to purchase Russian combat jets despite ties with North Korea", ""),
        ("fr", "La Russie a livré des blindés à l'Algérie", "Moscou se rapproche aussi de Pyongyang."),
        ("ru", "Россия передала Ирану зенитные комплексы", "Ранее Москва и Пхеньян обсудили сотрудничество."),
        ("ru", "Москва поставит для Египта партию вертолетов", "Кремль расширяет связи с КНДР."),
    ],
)
def test_a_third_state_receiving_arms_makes_them_its_deal(detect, lang, title, summary):
    assert stage(detect(title, summary, lang=lang), "arms_transfer") is None


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("en", "Russia takes delivery of Iranian attack drones", "Pyongyang has stepped up contacts with Moscow."),
        ("fr", "Des missiles iraniens acheminés vers la Russie", "La Corée du Nord soutient aussi Moscou."),
        ("ru", "Россия получила иранские ракеты малой дальности", "Пхеньян укрепляет связи с Москвой."),
    ],
)
def test_a_third_state_giving_arms_makes_them_its_deal(detect, lang, title, summary):
    assert stage(detect(title, summary, lang=lang), "arms_transfer") is None


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("en", "Russia sends soldiers to Syria as bond with North Korea grows", ""),
        ("fr", "La Russie envoie des soldats en Syrie", "Moscou a aussi renforcé ses liens avec Pyongyang."),
        ("ru", "Россия перебросила военных в Сирию", "Москва укрепляет отношения с Пхеньяном."),
    ],
)
def test_troops_sent_to_a_third_state_are_its_deployment(detect, lang, title, summary):
    assert stage(detect(title, summary, lang=lang), "troop_deployment") is None


@pytest.mark.parametrize(
    ("lang", "title", "event_type"),
    [
        ("en", "Russian gunners fired North Korean rockets at Ukrainian towns", "arms_transfer"),
        ("fr", "La Russie a utilisé des obus nord-coréens contre l'Ukraine", "arms_transfer"),
        ("ru", "Россия применила против Украины снаряды из КНДР", "arms_transfer"),
        ("en", "North Korean soldiers fought Ukrainian units near Kursk", "troop_deployment"),
        ("en", "Poland condemns North Korean missile shipments to Russia", "arms_transfer"),
    ],
)
def test_fronts_targets_and_reactors_keep_the_pair(detect, lang, title, event_type):
    assert stage(detect(title, lang=lang), event_type) is not None
