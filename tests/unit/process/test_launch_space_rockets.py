"""A watched state's space rocket lifting off is its launch (launch23; labelling convention of round 23).

Russia's launch vehicles and crew ships (Soyuz, Angara-A5, Proton-M), its space agency and its
cosmodromes (Plesetsk, Baikonur, leased in Kazakhstan) name Russia, as Sarmat does; "lifted off",
« s'élance », «стартовала», «вывела на целевую орбиту» tell the deed. A third state's rocket and a
visit to a cosmodrome stay no launch."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "summary", "lang", "expected"),
    [
        (
            "Crew heads for the space station",
            "A Soyuz rocket carrying two cosmonauts and an American astronaut lifted off from Baikonur on "
            "Thursday, Roscosmos said.",
            "en",
            ("held", ("RUS",)),
        ),
        (
            "Trois nouveaux satellites de navigation en orbite",
            "Un lanceur Soyouz s'élance depuis Plessetsk avec trois satellites Glonass à son bord.",
            "fr",
            ("held", ("RUS",)),
        ),
        (
            "С Плесецка запущен навигационный аппарат",
            "Ракета-носитель «Союз-2.1в» с навигационным спутником стартовала с космодрома Плесецк в четверг.",
            "ru",
            ("held", ("RUS",)),
        ),
        (
            "Метеоспутник на орбите",
            "Ракета «Ангара-А5» успешно вывела на целевую орбиту метеорологический спутник, сообщил Роскосмос.",
            "ru",
            ("held", ("RUS",)),
        ),
    ],
)
def test_a_russian_space_rocket_lifting_off_is_a_russian_launch(detect_rules, title, summary, lang, expected):
    assert launch(detect_rules(title, summary, lang=lang)) == expected


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Japan puts weather satellite into orbit on H3 rocket",
            "Japan's H3 rocket lifted off from Tanegashima on Sunday and placed a weather satellite in orbit.",
            "en",
        ),
        (
            "Kim tours Angara launch pads with Putin",
            "Kim Jong Un toured the Vostochny cosmodrome with Vladimir Putin before their talks.",
            "en",
        ),
        (
            "Южнокорейская ракета вывела на орбиту спутники",
            "Южная Корея в пятый раз запустила ракету-носитель «Нури», сообщили в Сеуле.",
            "ru",
        ),
    ],
)
def test_a_third_states_rocket_or_a_cosmodrome_visit_is_no_launch(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang)) == (None, ())
