"""A launch told as the start of a lapse of time is past (launch15).

"<N> months after its launch", « trois mois après son lancement », «через три месяца после запуска»:
whatever the number, the launch is an earlier event the news looks back from, not news itself; the
deed of the main clause still is."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Six mois après son tir, le missile Hwasong-19 intrigue toujours les experts", "fr"),
        ("Deux semaines après le lancement du satellite nord-coréen, Séoul doute de ses capacités", "fr"),
        ("Через четыре месяца после запуска северокорейский спутник остается загадкой", "ru"),
        ("Four months after its launch, North Korea's spy satellite remains a mystery", "en"),
    ],
)
def test_a_launch_some_time_before_the_news_is_no_launch(detect, title, lang):
    assert launch(detect(title, "", lang=lang)) == (None, ())


def test_the_main_clause_launch_after_a_time_lapse_is_news(detect):
    title = "Trois jours après son précédent essai, la Corée du Nord tire un nouveau missile balistique"
    assert launch(detect(title, "", lang="fr")) == ("held", ("PRK",))
