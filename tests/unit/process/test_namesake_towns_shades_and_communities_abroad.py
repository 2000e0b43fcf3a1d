"""A state's own name before a region that ends its phrase is a small town's ("Russia, Ohio"), in every use of
the item; a capitalised demonym joined to a capitalised word in an item about lipstick or nail polish is a shade
("Russian Navy nail polish"); a demonym that qualifies a community's institution in a named place is the Russian
speakers of another state (« l'école russe de Narva », "Tallinn's Russian theatre"); a demonym alone in quotes
after a noun of words is the word cited (« le mot « russe » »)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from veille.contracts import Detection


def _ids(detection: Detection) -> list[str]:
    """The sorted ids of the entities a detection mentions."""
    return sorted({e.id for e in detection.entities})


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        (
            "en",
            "Russia, Ohio, celebrates its bicentennial",
            "Residents of the Shelby County village lined the streets for a parade.",
        ),
        ("en", "Russia (Ohio) school board approves a new gym", "The vote was unanimous."),
        (
            "en",
            "Russia Cardinals stun top seed",
            "The girls' volleyball team from Russia, Ohio, won in four sets on Saturday.",
        ),
        ("en", "Russia, a village of 600 in Shelby County, gets a new fire station", "The station opens in May."),
    ],
)
def test_a_state_name_before_a_closing_region_is_a_town(
    detect: Callable[..., Detection], lang: str, title: str, summary: str
) -> None:
    assert _ids(detect(title, summary, lang=lang)) == []


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("en", "OPI's Russian Navy nail polish is back on shelves", "The deep blue lacquer sold out last winter."),
        ("en", "Russian Red lipstick tops holiday sales", "The matte shade outsold every other colour."),
        ("en", "Tallinn's Russian theatre renames itself", "Its audience is split over the decision."),
        ("en", "Estonia's Russian minority protests the school reform", "Thousands marched in Narva."),
        ("en", "The Russian school in Tallinn will teach in Estonian", "Parents protest the change."),
        ("fr", "Le lycée russe de Narva fermera en 2026", "Les élèves rejoindront un établissement estonien."),
        ("fr", "La diaspora russe de Berlin manifeste contre la guerre", "Des milliers de personnes ont défilé."),
        ("fr", "Le mot « russe » disparaît du nom du théâtre", "La décision divise le public."),
        ("en", 'Kyiv drops the word "Russian" from street names', "Dozens of streets were renamed."),
    ],
)
def test_shades_communities_abroad_and_cited_words_name_no_state(
    detect: Callable[..., Detection], lang: str, title: str, summary: str
) -> None:
    assert _ids(detect(title, summary, lang=lang)) == []


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        # a word after the region starts another clause: the state is named before a comma
        ("en", "Sanctions on Russia, Ohio senator says, are working", "He spoke in Columbus."),
        ("en", "Trade with Russia, Texas and Mexico rose, the report says", "The report covers 2024."),
        ("en", "Ohio farmers hurt by Russia's grain exports", "Prices fell again."),
        # a state word after the demonym where no product is named; a named organisation
        ("en", "Russian Navy ships dock in Havana", "The frigate led the group."),
        ("en", "The Russian Red Cross sends aid to Kursk", "Volunteers delivered food."),
        # an embassy is no community's institution; a community noun with no place named
        ("fr", "L'ambassade russe de Riga convoquée", "Le ministère letton proteste."),
        ("fr", "À Tallinn, l'école russe de la ville ferme ses portes", "Les parents protestent."),
        ("en", "Latvia expels Russian diplomats from Riga", "The embassy must cut staff."),
        # scare quotes with no noun of words before them
        ("en", '"Russian" hackers blamed for attack on Berlin hospital', "Police investigate."),
    ],
)
def test_the_state_named_beside_such_words_still_counts(
    detect: Callable[..., Detection], lang: str, title: str, summary: str
) -> None:
    assert _ids(detect(title, summary, lang=lang)) == ["RUS"]
