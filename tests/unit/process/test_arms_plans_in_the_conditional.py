"""Arms transfers: a plan verb in the conditional or the imperfect (« Moscou compterait livrer », « entendrait
fournir », « comptait expédier ») still tells a plan, announced; the journalistic conditional of the deed
itself (« aurait livré ») stays a reported deed."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    ("title", "direction"),
    [
        ("Moscou compterait céder des hélicoptères à Pyongyang, selon Séoul", ("RUS", "PRK")),
        ("La Russie entendrait fournir des radars à la Corée du Nord, selon Tokyo", ("RUS", "PRK")),
        ("Pyongyang comptait expédier des obus à Moscou dès l'automne, selon Kiev", ("PRK", "RUS")),
    ],
)
def test_a_plan_verb_in_the_conditional_is_a_plan(detect, title, direction):
    assert arms(detect(title, lang="fr"))[1:] == ("announced", *direction)


@pytest.mark.parametrize(
    "title",
    [
        "Moscou aurait livré des hélicoptères à Pyongyang, selon Séoul",
        "La Russie a fourni des radars à la Corée du Nord, selon Tokyo",
    ],
)
def test_the_deed_in_the_conditional_stays_reported(detect, title):
    assert arms(detect(title, lang="fr"))[1:] == ("reported", "RUS", "PRK")
