"""Arms transfers told by findings: a weapon's design names its maker as its make does (« de conception
nord-coréenne », "designed and assembled in North Korea"); a state that « a doté » another of weapons gives; a
span that runs to the day of the news (« depuis l'été ») dates a deed still going on; and the headline's
claimant telling another of its findings past an unrelated sentence is still its report."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Frappes nocturnes sur Kharkiv : deux blessés",
            "Les secours sont intervenus après une attaque russe menée avec des drones et des missiles. D'après "
            "l'armée de l'air, trois missiles de conception nord-coréenne ont été abattus.",
            "fr",
        ),
        ("A missile designed in North Korea hit Kyiv overnight", "Two people were injured.", "en"),
        ("Debris shows a missile designed and assembled in North Korea hit Dnipro", "Officials gave no toll.", "en"),
    ],
)
def test_a_weapon_designed_by_a_party_is_its_make(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


def test_a_design_with_no_other_party_is_no_transfer(detect_rules):
    title = "Pyongyang présente un drone de conception nord-coréenne lors d'un défilé"
    assert arms(detect_rules(title, "Le défilé a duré deux heures.", lang="fr")) is None


def test_a_state_that_equips_another_gives(detect_rules):
    title = "Le renseignement affirme que Moscou a doté Pyongyang de matériel antiaérien"
    found = arms(detect_rules(title, "Aucun commentaire n'a été fait.", lang="fr"))
    assert found is not None and found[1:] == ("reported", "RUS", "PRK")


def test_an_attribute_participle_equips_nobody(detect_rules):
    title = "La Corée du Nord, dotée de missiles balistiques, célèbre l'anniversaire de ses relations avec la Russie"
    assert arms(detect_rules(title, "Des concerts ont eu lieu à Pyongyang.", lang="fr")) is None


def test_a_span_running_to_the_news_dates_an_ongoing_deed(detect_rules):
    title = "Selon Séoul, la Corée du Nord a livré à la Russie, depuis le printemps, des obus d'artillerie"
    found = arms(detect_rules(title, "Le Kremlin n'a pas réagi.", lang="fr"))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


def test_the_headline_claimant_tells_another_finding(detect_rules):
    title = "Économie : le renseignement sud-coréen voit dans les marchés de Pyongyang un signe de reprise"
    summary = (
        "Les marchés nord-coréens seraient plus actifs cette année, selon le service de renseignement "
        "sud-coréen. Les députés ont aussi évoqué le voyage du dirigeant à Pékin. Le NIS a par "
        "ailleurs affirmé que la Corée du Nord avait livré à la Russie de nouveaux obus d'artillerie."
    )
    found = arms(detect_rules(title, summary, lang="fr"))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


def test_another_speaker_past_an_unrelated_sentence_is_still_background(detect_rules):
    title = "Économie : le renseignement sud-coréen voit dans les marchés de Pyongyang un signe de reprise"
    summary = (
        "Les marchés nord-coréens seraient plus actifs cette année, selon le service de renseignement "
        "sud-coréen. Les députés ont aussi évoqué le voyage du dirigeant à Pékin. Washington a "
        "par ailleurs affirmé que la Corée du Nord avait livré à la Russie de nouveaux obus d'artillerie."
    )
    assert arms(detect_rules(title, summary, lang="fr")) is None
