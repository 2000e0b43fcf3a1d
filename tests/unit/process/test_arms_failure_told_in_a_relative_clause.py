"""Arms transfers: a failure or a denial word in a comma segment that a relative word opens («…, из-за
которых провалились прошлые запуски», "…, which collapsed in May") tells of the word
that clause qualifies, not of the transfer: the help received stays reported. A denial in the transfer's own
segment still retracts it."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms

HEADLINE = {
    "ru": "Министр обороны Японии: запуск спутника КНДР возможен на этой неделе",
    "en": "Japan's defence minister expects another North Korean satellite launch this week",
}


@pytest.mark.parametrize(
    ("lang", "lead"),
    [
        (
            "ru",
            "По словам японского министра, Пхеньян получил техническую помощь от России и заменил двигатель, "
            "из-за которого провалились две прошлые попытки.",
        ),
        (
            "en",
            "The minister said Pyongyang received technical help from Russia to rebuild the engine, "
            "which collapsed during two earlier tries.",
        ),
    ],
)
def test_a_failure_in_a_relative_clause_leaves_the_help_reported(detect_rules, lang, lead):
    found = arms(detect_rules(HEADLINE[lang], lead, lang=lang, published="2023-11-20"))
    assert found is not None and found[1:] == ("reported", "RUS", "PRK")


def test_a_denial_in_the_transfers_own_segment_still_retracts_it(detect_rules):
    lead = "Москва опровергла, что Пхеньян получил техническую помощь от России для нового двигателя."
    assert arms(detect_rules(HEADLINE["ru"], lead, lang="ru", published="2023-11-20")) is None
