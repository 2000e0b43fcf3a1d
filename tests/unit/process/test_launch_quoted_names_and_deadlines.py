"""Plans told across a quoted name, or by a deadline still ahead (launch24b).

A quotation between a deed and its modal or future verb is no distance, as a name is not: «проведут
серию «ответных» пусков» is a plan; and a deed due «до конца года» (by the year's end) is still ahead:
«стартует с «Восточного» до конца года» is announced, though «стартует» reads as a present."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "В Пхеньяне заявили о новых учениях",
            "Генштаб КНДР заявил, что в ближайшую неделю проведет серию «ответных» ракетных пусков, передало ЦТАК.",
            "ru",
        ),
    ],
)
def test_a_quoted_qualifier_is_no_distance_to_a_future_verb(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang, published="2025-04-02")) == ("announced", ("PRK",))


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Роскосмос: новая «Ангара-А5» стартует с «Восточного» до конца года",
            "Подготовка ракеты идёт по графику, сообщили в госкорпорации.",
            "ru",
        ),
    ],
)
def test_a_deed_due_by_the_years_end_is_a_plan(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang, published="2025-04-02")) == ("announced", ("RUS",))
