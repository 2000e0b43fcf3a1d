"""Launches put off by a verb before the deed's noun (launch28, round 28).

«Роскосмос перенёс пуск ракеты», « l'agence a reporté le lancement »: a verb that moves the deed to a later date,
right before the deed's noun phrase (``put_off``), leaves it ahead (`announced`), as the participle after it does
(«пуск перенесли»); the verb's own object only: "перенесла пусковую установку и запустила ракету" was a launch."""

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
