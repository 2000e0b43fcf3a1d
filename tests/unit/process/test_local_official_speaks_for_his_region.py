"""Round 27, wave 2 (troops27c): a local official named by his title alone ("governor says", «сообщил
губернатор», « a déclaré le gouverneur ») speaks for the place his sentence names, so a Russian governor telling of
North Korean troops in his region confirms their deployment; a named region or a third country's place keeps it
a report. New sentences, not corpus text."""

from __future__ import annotations

from functools import partial

import pytest

from tests.unit.process.conftest import directed

troops = partial(directed, event_type="troop_deployment")  # (stage, from, to) of the Russia–DPRK troop deployment


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Северокорейские военные строители прибыли в Курскую область, сообщил губернатор", "", "ru"),
        ("North Korean sappers finished clearing mines in the Kursk region, governor says", "", "en"),
        ("Governor says North Korean engineers are rebuilding bridges in the Kursk region", "", "en"),
        ("Des militaires nord-coréens sont arrivés dans la région de Koursk, a déclaré le gouverneur", "", "fr"),
    ],
)
def test_a_governor_by_title_alone_confirms_troops_in_his_region(detect, title, summary, lang):
    assert troops(detect(title, summary, lang=lang, published="2025-10-10")) == ("confirmed", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        # a title that names another region: he speaks of Kursk, not for it
        ("Северокорейские военные прибыли в Курскую область, сообщил губернатор Сумской области", "ru"),
        ("Des soldats nord-coréens ont été aperçus en Russie, a déclaré le maire de Kharkiv", "fr"),
        ("North Korean engineers are clearing mines in the Kursk region, said the governor of the Sumy region", "en"),
        # a name before the title is his region's, whatever the lexicon knows of it
        ("North Korean soldiers cleared mines in Kursk, Sumy governor says", "en"),
    ],
)
def test_a_governor_of_another_place_keeps_it_reported(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-10-10")) == ("reported", "PRK", "RUS")
