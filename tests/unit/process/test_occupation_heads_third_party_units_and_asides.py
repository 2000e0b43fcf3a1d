"""Troops: the heads Moscow installed speak for Russia; a third party's unit is no party's voice; a relative clause
that recalls a deployment in a story about something else is background."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import directed, make_article


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Pushilin says North Korean military engineers have arrived in Mariupol", "en"),
        ("Kadyrov says North Korean servicemen are training in Gudermes", "en"),
        ("Сальдо: военные строители из КНДР прибыли в Херсонскую область", "ru"),
        # a front named as the headline's label is the story's place, not a third party
        ("Zaporijia occupée : Evguéni Balitski annonce l'arrivée de sapeurs nord-coréens", "fr"),
    ],
)
def test_an_occupation_heads_word_confirms_the_troops(rules_extractor, title, lang):
    detection = rules_extractor.extract([make_article(title, lang=lang, published="2025-06-01")])[0]
    assert directed(detection, "troop_deployment") == ("confirmed", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Zelensky says North Korean troops are fighting in Kursk", "en", ("reported", "PRK", "RUS")),
        # Russia's own fighters sent within Russia: no pair
        ("Kadyrov sends more Chechen fighters to Kursk", "en", None),
    ],
)
def test_other_voices_and_russias_own_fighters_stay_as_they_were(rules_extractor, title, lang, expected):
    detection = rules_extractor.extract([make_article(title, lang=lang, published="2025-06-01")])[0]
    assert directed(detection, "troop_deployment") == expected


def test_a_third_partys_unit_claiming_a_sighting_is_no_partys_acknowledgement(rules_extractor):
    # ", affirme avoir repéré des soldats nord-coréens": the name after the verb is in the claim, not its subject
    article = make_article(
        "Des soldats nord-coréens repérés près de Pokrovsk, selon un bataillon ukrainien",
        "Un bataillon ukrainien engagé près de Pokrovsk, dans la région de Donetsk, affirme avoir repéré des soldats "
        "nord-coréens aux côtés des unités russes.",
        lang="fr",
        published="2025-06-01",
    )
    detection = rules_extractor.extract([article])[0]
    assert directed(detection, "troop_deployment") == ("reported", "PRK", "RUS")
    assert {e.claimed_by for e in detection.events if e.type == "troop_deployment"} == {"UKR"}


@pytest.mark.parametrize(
    ("title", "lang", "claimant"),
    [
        ("Des soldats nord-coréens combattent à Koursk, affirme le renseignement sud-coréen", "fr", "KOR"),
        ("Des soldats nord-coréens sont arrivés en Russie, a affirmé Pyongyang", "fr", "PRK"),
    ],
)
def test_an_inverted_verbs_subject_still_speaks(rules_extractor, title, lang, claimant):
    detection = rules_extractor.extract([make_article(title, lang=lang, published="2025-06-01")])[0]
    assert {e.claimed_by for e in detection.events if e.type == "troop_deployment"} == {claimant}


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "В Курске открылся центр корейской культуры",
            "Организаторы объясняют выбор города интересом к КНДР в регионе, где северокорейские военные помогали "
            "освобождать приграничье.",
            "ru",
        ),
        (
            "Kursk university opens Korean language course",
            "The university cited growing interest in the region, where North Korean troops fought last winter.",
            "en",
        ),
        (
            "La Norvège reprend les sanctions européennes contre des généraux nord-coréens",
            "Oslo s'aligne sur le dernier paquet de sanctions de l'UE, qui vise des officiers nord-coréens impliqués "
            "dans l'envoi de soldats en Russie.",
            "fr",
        ),
    ],
)
def test_a_relative_clause_recalling_troops_in_another_story_is_background(rules_extractor, title, summary, lang):
    detection = rules_extractor.extract([make_article(title, summary, lang=lang, published="2025-06-01")])[0]
    assert directed(detection, "troop_deployment") is None


def test_a_relative_clause_in_a_troop_story_still_counts(rules_extractor):
    article = make_article(
        "North Korea sends more troops to Russia, Seoul says",
        "The NIS said 3,000 soldiers left for Russia, where North Korean units already fight in Kursk.",
        published="2025-06-01",
    )
    detection = rules_extractor.extract([article])[0]
    assert directed(detection, "troop_deployment") == ("reported", "PRK", "RUS")


def test_a_relative_of_possession_names_whose_troops_they_are(rules_extractor):
    # « dont les militaires »: the troops are the North Korean people's, not an aside on another story's word
    article = make_article(
        "Le message de Poutine au peuple nord-coréen",
        "Vladimir Poutine a salué lundi le peuple nord-coréen, dont les militaires ont combattu aux côtés des soldats "
        "russes dans la région de Koursk.",
        lang="fr",
        published="2025-06-01",
    )
    detection = rules_extractor.extract([article])[0]
    assert directed(detection, "troop_deployment") == ("confirmed", "PRK", "RUS")
