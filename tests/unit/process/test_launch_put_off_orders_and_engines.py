"""Launches put off, carried and powered, and the firer of another state's missile (launch28, round 28).

«Роскосмос перенёс пуск ракеты», « l'agence a reporté le lancement »: a verb that moves the deed to a later date,
right before the deed's noun phrase (``put_off``), leaves it ahead (`announced`), as the participle after it does
(«пуск перенесли»); the verb's own object only: "перенесла пусковую установку и запустила ракету" was a launch.
"launch *the capsule* aboard a Soyuz": the payload is no distance between the launch and the rocket. "the motor will
power a planned Hwasong-20": the weapon is what the engine is for (``powers``), no launch. «по Одесщине»: the Odesa
region is Ukraine's, a front, so the North Korean missile that struck it was fired by Russia."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import event


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Роскосмос отложил запуск ракеты «Ангара-А5» из-за неполадки в двигателе", "ru"),
        ("Россия перенесла пуск ракеты «Союз-2.1б» со спутником связи на следующий месяц", "ru"),
        ("Roscosmos a reporté le lancement de la fusée Angara-A5 à cause d'une panne", "fr"),
        ("La Russie a décalé le tir d'essai du missile Sarmat à l'automne", "fr"),
    ],
)
def test_a_launch_a_verb_puts_off_is_announced(detect_rules, title, lang):
    assert event(detect_rules(title, "", lang=lang, published="2025-03-04"), "missile_launch") == (
        ("RUS",),
        "announced",
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("КНДР перенесла пусковую установку и запустила баллистическую ракету", "ru"),
        ("La Corée du Nord a déplacé son lanceur et a tiré un missile balistique", "fr"),
    ],
)
def test_a_verb_that_moves_something_else_leaves_the_launch_held(detect_rules, title, lang):
    assert event(detect_rules(title, "", lang=lang, published="2025-03-04"), "missile_launch")[:2] == (
        ("PRK",),
        "held",
    )


@pytest.mark.parametrize(
    ("title", "lang", "stage"),
    [
        (
            "Roscosmos will launch two cosmonauts and a NASA astronaut to the International Space Station aboard a "
            "Soyuz next week",
            "en",
            "announced",
        ),
        (
            "Russia launched a Progress freighter loaded with fuel and water aboard a Soyuz rocket on Thursday",
            "en",
            "held",
        ),
        (
            "Roscosmos lancera la capsule Progress MS-30 vers la Station spatiale internationale à bord d'un Soyouz "
            "le 3 juillet",
            "fr",
            "announced",
        ),
    ],
)
def test_the_payload_between_a_launch_and_the_rocket_carrying_it_is_no_distance(detect_rules, title, lang, stage):
    """«launch *the payload* aboard a Soyuz»: what the rocket carries is the launch's object (``_payload_words``)."""
    assert event(detect_rules(title, "", lang=lang, published="2025-03-04"), "missile_launch")[:2] == (("RUS",), stage)


def test_a_carrier_in_another_segment_than_the_verb_keeps_its_distance(detect_rules):
    title = "Russia launched a long study of sleep in orbit last year, and crews aboard the next Soyuz will join it"
    assert event(detect_rules(title, "", lang="en", published="2025-03-04"), "missile_launch") is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("North Korea tests new engine that will power its Hwasong-20 ICBM", "en"),
        ("KCNA said the new motor will power a planned Hwasong-20 ICBM", "en"),
        ("Selon KCNA, le nouveau moteur propulsera un futur missile Hwasong-20 dont le tir est prévu", "fr"),
    ],
)
def test_a_missile_an_engine_will_power_is_no_launch(detect_rules, title, lang):
    assert event(detect_rules(title, "", lang=lang, published="2025-03-04"), "missile_launch") is None


def test_a_missile_fired_with_an_engine_named_after_it_stays_a_launch(detect_rules):
    title = "North Korea fired a Hwasong-19 powered by a new solid-fuel engine"
    assert event(detect_rules(title, "", lang="en", published="2025-03-04"), "missile_launch")[:2] == (("PRK",), "held")


def test_a_north_korean_missile_that_struck_the_odesa_region_was_fired_by_russia(detect_rules):
    title = "Ракеты из КНДР по Одесщине: ВСУ зафиксировали три KN-23 в утренней атаке"
    summary = "Российская армия нанесла удар по Одесщине тремя ракетами KN-23 производства КНДР, сообщили в ВСУ."
    assert event(detect_rules(title, summary, lang="ru", published="2025-03-04"), "missile_launch")[:2] == (
        ("RUS",),
        "held",
    )


def test_a_north_korean_missile_fired_at_sea_stays_north_korea_s(detect_rules):
    title = "КНДР запустила ракету KN-23 в сторону Японского моря"
    assert event(detect_rules(title, "", lang="ru", published="2025-03-04"), "missile_launch")[:2] == (("PRK",), "held")
