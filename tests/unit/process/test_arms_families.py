"""Arms transfers: production years, fronts named by the speaker, help with a programme (fr/en/ru)."""

from __future__ import annotations

import pytest


def arms(detection):
    """(actors, stage, from, to) of the first arms transfer, or None."""
    for event in detection.events:
        if event.type == "arms_transfer":
            return tuple(event.actors), event.stage, event.from_, event.to
    return None


def north_korea_to_russia(detect, title: str, lang: str, published: str = "2024-06-19") -> bool:
    """Whether ``title`` yields an arms transfer from PRK to RUS."""
    event = arms(detect(title, lang=lang, published=published))
    return event is not None and event[2:] == ("PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russia is using North Korean shells with 2022 production dates", "en"),
        ("Des obus nord-coréens de fabrication 2022 retrouvés dans les stocks russes", "fr"),
        ("Российские военные применяют северокорейские ракеты 2022 года выпуска", "ru"),
    ],
)
def test_a_year_of_production_does_not_date_the_transfer(detect, title, lang):
    assert north_korea_to_russia(detect, title, lang, published="2025-03-01")


def test_a_year_away_from_production_words_still_makes_the_transfer_old(detect):
    title = "North Korea shipped shells to Russia in 2022, factory workers recall"
    assert arms(detect(title, lang="en", published="2025-03-01")) is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Rockets delivered by North Korea keep failing in flight, a Ukrainian commander says", "en"),
        ("Des obus livrés par la Corée du Nord ont visé Kharkiv, selon l'état-major ukrainien", "fr"),
        ("Снаряды, полученные от КНДР, часто не взрываются, заявил Киев", "ru"),
    ],
)
def test_the_front_speaking_of_one_party_s_weapons_names_its_foe_as_receiver(detect, title, lang):
    assert north_korea_to_russia(detect, title, lang)


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Moscow and Pyongyang negotiating a deal on artillery shells, officials say", "en"),
        ("Moscou prépare des systèmes antiaériens pour Pyongyang", "fr"),
        ("Москва готовит для Пхеньяна партию зенитных комплексов", "ru"),
    ],
)
def test_a_supply_being_negotiated_or_prepared_is_announced(detect, title, lang):
    event = arms(detect(title, lang=lang))
    assert event is not None and event[1] == "announced"


def test_a_delivery_told_beside_talks_stays_reported(detect):
    title = "North Korea delivered shells to Russia during negotiations on a treaty"
    event = arms(detect(title, lang="en"))
    assert event is not None and event[1] == "reported"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Shells fired at Ukrainian positions were produced in North Korea", "en"),
        ("Des obus tirés contre l'Ukraine ont été fabriqués en Corée du Nord", "fr"),
    ],
)
def test_weapons_traced_from_their_target_to_their_maker_went_to_the_front_s_foe(detect, title, lang):
    assert north_korea_to_russia(detect, title, lang)


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russia may give North Korea nuclear submarine technology, Seoul says", "en"),
        ("Moscou pourrait fournir à Pyongyang des technologies pour sous-marins nucléaires", "fr"),
        ("Москва может передать Пхеньяну технологии для атомной подводной лодки", "ru"),
    ],
)
def test_nuclear_submarine_technology_is_an_arms_transfer_from_its_giver(detect, title, lang):
    event = arms(detect(title, lang=lang))
    assert event is not None and event[1:] == ("announced", "RUS", "PRK")


@pytest.mark.parametrize(
    ("title", "lang", "stage"),
    [
        ("Moscow helped Pyongyang with its space programme, analysts believe", "en", "reported"),
        ("Russia could help North Korea build satellites for its army", "en", "announced"),
        ("La Russie a aidé la Corée du Nord à mettre en orbite un engin militaire", "fr", "reported"),
        ("Moscou va aider Pyongyang à construire des satellites de surveillance", "fr", "announced"),
    ],
)
def test_help_with_a_weapons_programme_is_a_transfer_from_the_helper(detect, title, lang, stage):
    event = arms(detect(title, lang=lang))
    assert event is not None and event[1:] == (stage, "RUS", "PRK")


def test_a_help_noun_qualified_by_its_giver_names_the_deed(detect):
    title = "Sous-marin nord-coréen : Tokyo évoque une aide technique russe"
    event = arms(detect(title, lang="fr"))
    assert event is not None and event[1:] == ("reported", "RUS", "PRK")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("North Korea wins the war with the help of Russian drones? Not so fast", "en"),
        ("Les deux pays ont signé un traité d'assistance mutuelle avec des clauses sur les armes", "fr"),
    ],
)
def test_help_that_is_an_instrument_or_a_treaty_clause_is_no_transfer(detect, title, lang):
    event = arms(detect(title, lang=lang))
    assert event is None or event[1:] != ("reported", "RUS", "PRK")


def test_a_supply_being_prepared_in_french_is_announced(detect):
    title = "La Corée du Nord se prépare à livrer des obusiers à la Russie"
    event = arms(detect(title, lang="fr"))
    assert event is not None and event[1:] == ("announced", "PRK", "RUS")


def test_arms_talks_announce_a_supply(detect):
    title = "Moscow and Pyongyang hold arms talks behind closed doors"
    event = arms(detect(title, lang="en"))
    assert event is not None and event[1] == "announced"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Analysts trace shells fired at Ukrainian trenches to a North Korean plant", "en"),
        ("Des obus tirés sur des tranchées ukrainiennes sortent d'une usine nord-coréenne", "fr"),
        ("A missile that struck Zaporizhzhia contained North Korean components", "en"),
    ],
)
def test_a_party_qualifying_the_factory_or_parts_is_the_maker(detect, title, lang):
    assert north_korea_to_russia(detect, title, lang)


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Japan condemns missile deliveries from North Korea to Russia", "en"),
        ("L'Allemagne dénonce les livraisons d'obus nord-coréens à la Russie", "fr"),
    ],
)
def test_a_third_country_reacting_to_a_transfer_is_its_own_story(detect, title, lang):
    assert arms(detect(title, lang=lang)) is None


def test_ships_after_a_numeral_are_vessels_not_a_delivery(detect):
    title = "Japan sanctions Russian traders and five ships over arms trade with North Korea"
    summary = "Tokyo named five ships and several people in the arms trade between Russia and North Korea."
    assert arms(detect(title, summary, lang="en")) is None


def test_a_suspicion_voiced_by_a_third_country_reports_what_it_suspects(detect):
    title = "Tokyo soupçonne la Russie d'avoir livré des missiles à la Corée du Nord"
    event = arms(detect(title, lang="fr"))
    assert event is not None and event[2:] == ("RUS", "PRK")
