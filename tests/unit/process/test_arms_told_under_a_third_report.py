"""Arms transfers under a headline where a third state's organ reports or judges something that names no
watched state (« Kiev fait état d'une frappe sur un dépôt », «Генштаб ВСУ сообщил об ударе по складу», « Séoul
y voit des obus »): it is the body's source, not a reaction, and the body's transfer stays news; a third
state that condemns keeps the body its comment."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms

DEPOT_FR = "Selon l'armée ukrainienne, le dépôt abritait des obus que la Corée du Nord a livrés à la Russie."
DEPOT_RU = "На складе хранились снаряды, которые КНДР передала России."
TRAIN_FR = "La Corée du Nord a livré à la Russie des obus d'artillerie, selon le renseignement."


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Kiev fait état d'une frappe sur un dépôt de munitions", DEPOT_FR, "fr"),
        ("Генштаб ВСУ сообщил об ударе по складу боеприпасов", DEPOT_RU, "ru"),
        ("Un train à Tumangang : Séoul y voit des obus", TRAIN_FR, "fr"),
    ],
)
def test_a_third_report_leaves_the_body_news(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Kiev condamne une frappe sur un dépôt de munitions", DEPOT_FR, "fr"),
        ("Киев осудил удар по складу боеприпасов", DEPOT_RU, "ru"),
        ("Séoul condamne les essais", TRAIN_FR, "fr"),
    ],
)
def test_a_third_reaction_keeps_the_body_its_comment(detect_rules, title, summary, lang):
    assert arms(detect_rules(title, summary, lang=lang)) is None
