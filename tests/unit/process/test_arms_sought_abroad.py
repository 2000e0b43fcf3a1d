"""Arms transfers sought from the other party: a wish or a quest in any mood (« chercheraient à obtenir »,
« en quête de », «рассчитывает получить») is a plan whose seeker receives; the country a seeker travels to
is who would give; a capital a bare preposition governs stays a party before « des » (« obtenir de Moscou
des … »); a source phrase closed by a demonym (« selon le renseignement sud-coréen, ») is a speaker."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("fr", "La Corée du Nord chercherait à acquérir des avions de combat russes"),
        ("fr", "Pyongyang en quête de technologies satellitaires russes"),
        ("ru", "КНДР рассчитывает получить от России истребители"),
        ("ru", "Пхеньян хочет получить от Москвы технологии для спутников"),
        # the country the seeker travels to would give
        ("fr", "Le dirigeant nord-coréen arrive en Russie, en quête d'avions de combat"),
        ("en", "North Korea's leader heads to Russia seeking warplanes"),
    ],
)
def test_weapons_sought_in_any_mood_or_on_a_trip_are_a_plan_of_the_seeker(detect_rules, lang, title):
    assert arms(detect_rules(title, "", lang=lang, published="2023-09-01"))[1:] == ("announced", "RUS", "PRK")


@pytest.mark.parametrize(
    "title",
    [
        "La Corée du Nord achète à Moscou des systèmes de défense aérienne",
        "Pyongyang a reçu de Moscou des drones, selon Kiev",
    ],
)
def test_a_capital_after_a_bare_preposition_before_des_is_a_party(detect_rules, title):
    assert arms(detect_rules(title, "", lang="fr", published="2024-03-01"))[1:] == ("reported", "RUS", "PRK")


def test_a_source_phrase_closed_by_a_demonym_is_a_speaker_not_a_third_party(detect_rules):
    summary = "Selon les services de renseignement japonais, Pyongyang a reçu des missiles sol-air de Moscou."
    assert arms(detect_rules("Transferts d'armes", summary, lang="fr", published="2024-03-01"))[1:] == (
        "reported",
        "RUS",
        "PRK",
    )


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("fr", "Séoul chercherait à obtenir de Washington des sous-marins nucléaires"),
        ("en", "North Korea seeks to obtain fertiliser from Russia after floods"),
        ("fr", "Le Kremlin des affaires : Moscou ouvre un nouveau quartier d'affaires"),
    ],
)
def test_no_transfer_between_others_nor_of_goods_that_are_no_weapons(detect_rules, lang, title):
    assert arms(detect_rules(title, "", lang=lang, published="2023-09-01")) is None
