"""A launch put off is still ahead; a launch attempt that is told happened (launch18).

"postponed", "delayed", « reporté », « décalé », «перенесли» after a launch tell a deed moved to a later
date: `announced`, not `held`. «Попытка … вывести спутник … закончилась неудачей»: the infinitive after
an attempt that has an outcome is no plan — the launch was made and failed: `held`. « à » + infinitive
right after a noun is what is still to be done (« trois satellites à lancer en 2024 »: `announced`); after
a verb the deed was done (« a recommencé à tester »)."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russia's Sarmat missile test postponed until spring", "en"),
        ("North Korea's satellite launch delayed by a week", "en"),
        ("Le tir du missile russe Sarmat reporté au printemps", "fr"),
        ("Пуск российской ракеты «Сармат» перенесли на весну", "ru"),
    ],
)
def test_a_postponed_launch_is_announced(detect_rules, title, lang):
    assert launch(detect_rules(title, "", lang=lang, published="2025-02-03")) == ("announced", (title_launcher(title),))


def title_launcher(title: str) -> str:
    """The launcher the test titles name."""
    return "PRK" if "North Korea" in title else "RUS"


def test_a_failed_attempt_to_put_a_satellite_in_orbit_was_a_launch(detect_rules):
    title = "Неудачный запуск в КНДР"
    summary = (
        "Попытка КНДР вывести на орбиту новый спутник связи закончилась неудачей: ракета упала в море "
        "через две минуты после старта."
    )
    assert launch(detect_rules(title, summary, lang="ru", published="2025-06-02")) == ("held", ("PRK",))


@pytest.mark.parametrize(
    "title",
    [
        "Pyongyang annonce deux missiles intercontinentaux à tester avant l'été",
        "La Corée du Nord publie le calendrier des satellites à placer en orbite l'an prochain",
    ],
)
def test_an_infinitive_after_a_noun_and_a_is_still_to_be_done(detect_rules, title):
    assert launch(detect_rules(title, "", lang="fr", published="2025-01-02")) == ("announced", ("PRK",))


@pytest.mark.parametrize(
    "title",
    [
        "La Corée du Nord a recommencé à tester des missiles de croisière",
        "La Corée du Nord est parvenue à placer en orbite un satellite espion",
    ],
)
def test_an_infinitive_after_a_verb_and_a_was_done(detect_rules, title):
    assert launch(detect_rules(title, "", lang="fr", published="2025-01-02")) == ("held", ("PRK",))


def test_an_a_after_the_deed_plans_nothing(detect_rules):
    title = "La Corée du Nord tire deux missiles pendant la réunion du G7 à Tokyo"
    assert launch(detect_rules(title, "", lang="fr", published="2025-01-02")) == ("held", ("PRK",))


@pytest.mark.parametrize(
    "title",
    [
        "Russie : le tir du missile Boulava de nouveau ajourné",
        "Corée du Nord : le lancement de la fusée Chollima-2 reporté sine die",
    ],
)
def test_a_launch_noun_whose_rocket_is_put_off_is_announced(detect_rules, title):
    launcher = "PRK" if "Corée" in title else "RUS"
    assert launch(detect_rules(title, "", lang="fr", published="2025-01-02")) == ("announced", (launcher,))


def test_a_name_before_a_is_the_object_of_the_verb_not_a_plan(detect_rules):
    title = "La Russie aurait aidé la Corée du Nord à tester un nouveau missile de croisière"
    stage, _ = launch(detect_rules(title, "", lang="fr", published="2025-01-02"))
    assert stage != "announced"
