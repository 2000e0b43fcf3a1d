"""Words about missiles that launch nothing (launch24b): a missile factory makes them ("missile factories",
« usine de missiles »), a launch site for satellites is a place (« le site de lancement de satellites de
Sohae »), and an engine test fires nothing, also with the engine's kind between («испытание твердотопливных
двигателей»)."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Behind a quiet test season, North Korea's missile factories run day and night",
            "Analysts say new production halls have been added at several sites.",
            "en",
        ),
        (
            "Kim Jong-un se rend sur le site de lancement de satellites de Tonghae",
            "Le dirigeant nord-coréen a demandé l'agrandissement des installations, selon l'agence KCNA.",
            "fr",
        ),
        (
            "КНДР провела испытание жидкостного двигателя для новой ракеты",
            "Двигатель проработал расчётное время, сообщило ЦТАК.",
            "ru",
        ),
    ],
)
def test_a_factory_a_launch_site_or_an_engine_test_launches_nothing(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang, published="2025-04-02")) == (None, ())
