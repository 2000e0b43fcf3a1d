"""A warning that names its addressee and then the deed ("avertit Tokyo d'un lancement", "предупредила
Японию о запуске") gives notice of a launch ahead; a threat, an anniversary of a launch, is none."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("La Corée du Nord avertit le Japon d'un tir de fusée porteuse la semaine prochaine", "fr"),
        ("Pyongyang a prévenu les autorités japonaises d'un lancement de satellite", "fr"),
        ("Pyongyang informe les garde-côtes japonais d'une fenêtre de tir pour sa fusée", "fr"),
        ("КНДР предупредила японских моряков о запуске спутника-разведчика", "ru"),
        ("Пхеньян предупреждает Токио о пуске ракеты-носителя", "ru"),
    ],
)
def test_a_warning_of_a_launch_to_a_neighbour_announces_it(detect, title, lang):
    assert launch(detect(title, "", lang=lang))[0] == "announced"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Pyongyang avertit Washington que ses missiles pourraient frapper Guam", "fr"),
        ("Ким Ё Чжон пригрозила Сеулу ракетными ударами", "ru"),
        ("КНДР грозит ответными пусками ракет в случае новых учений", "ru"),
    ],
)
def test_a_threat_of_launches_is_no_launch(detect, title, lang):
    assert launch(detect(title, "", lang=lang))[0] is None


def test_an_anniversary_of_a_launch_in_russian_is_no_launch(detect):
    detection = detect("В Пхеньяне отпраздновали годовщину первого пуска ракеты «Хвасон-15»", "", lang="ru")
    assert launch(detection)[0] is None
