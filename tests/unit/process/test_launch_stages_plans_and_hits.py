"""Launch stages and hits (launch23).

A launch a "preparatory" body or « l'objectif de » works towards, a drill that "usually includes" launches,
« la mise en orbite » a headline names as a noun while the body says it is still ahead: `announced`. A
quotation set between the verb and the rocket is no distance between them. Missiles that «попали в» a
city were fired, and Kh-101 cruise missiles and Tu-95MS bombers are Russia's, as Kalibr is."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Pyongyang sets up body to ready its next rocket",
            "North Korea's leader approved the work of a satellite launch preparatory committee, state media said.",
            "en",
        ),
        (
            "Pyongyang vise un nouveau lancement",
            "Le dirigeant nord-coréen a fixé l'objectif de lancer « avant la fin de l'année, sans faute » un "
            "nouveau satellite espion.",
            "fr",
        ),
        (
            "Moscow readies its strategic forces drill",
            "Russia has informed the United States that it will hold its strategic forces drill, which usually "
            "includes launches of ballistic missiles.",
            "en",
        ),
        (
            "Pyongyang annonce la mise en orbite d'un satellite espion",
            "Le satellite de reconnaissance sera lancé dans les prochaines semaines, a déclaré un haut responsable "
            "nord-coréen.",
            "fr",
        ),
    ],
)
def test_a_launch_prepared_aimed_at_or_included_in_a_coming_drill_is_announced(detect_rules, title, summary, lang):
    launcher = ("RUS",) if "Moscow" in title else ("PRK",)
    assert launch(detect_rules(title, summary, lang=lang)) == ("announced", launcher)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Ночной удар по Ровно",
            "По данным Воздушных сил ВСУ, ночью по городу были выпущены ракеты Х-101 с бомбардировщиков Ту-95МС.",
        ),
        (
            "Ракеты попали в жилой квартал",
            "Две российские ракеты попали в жилой квартал Запорожья, сообщили местные власти.",
        ),
    ],
)
def test_missiles_fired_from_russian_bombers_or_that_hit_a_city_are_held(detect_rules, title, summary):
    assert launch(detect_rules(title, summary, lang="ru")) == ("held", ("RUS",))
