"""Arms transfers: a light verb whose own object is not the weapons ("gives … a tour of"), a denial
that names what it denies through "as", a refused intention, a plan weighed or told by a modal in the
headline, a modal perfect that doubts a past deed, a supply that is the object of a negotiation, help
named with its giver in the genitive, a publisher who is no giver, and North Korean systems by name."""

from __future__ import annotations

import pytest

from process import modality
from tests.unit.process.conftest import analysed
from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    "title",
    [
        "Kim gives visiting Russian defence chief a tour of North Korea's new drones",
        "Putin gives North Korean envoy a demonstration of Russia's hypersonic missiles",
    ],
)
def test_a_giving_verb_whose_object_is_a_tour_or_demonstration_gives_no_weapons(detect, title):
    assert arms(detect(title, "", published="2024-08-01")) is None


def test_a_giving_verb_with_the_weapons_as_object_still_transfers(detect):
    assert arms(detect("Putin gives North Korea new anti-aircraft guns", "", published="2024-08-01"))[1:] == (
        "reported",
        "RUS",
        "PRK",
    )


def test_a_denial_followed_by_as_keeps_what_it_denies_in_its_clause(detect):
    detection = detect(
        "Pyongyang rejects reports on shell trade",
        "North Korea's foreign ministry dismissed as a hostile smear reports that Pyongyang ships shells to Russia.",
        published="2024-03-01",
    )
    assert arms(detection) is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        # a refused intention
        ("North Korea has no intention of selling missiles to Russia, ministry says", "en"),
        ("Pyongyang n'a aucune intention de vendre des obus à Moscou", "fr"),
        # a claim called absurd
        ("Les accusations de livraisons d'obus à la Russie sont absurdes, selon Pyongyang", "fr"),
        ("North Korea calls claims it ships rockets to Russia absurd", "en"),
    ],
)
def test_a_refused_intention_or_a_claim_called_absurd_is_no_transfer(detect, title, lang):
    assert arms(detect(title, "", lang=lang, published="2024-03-01")) is None


def test_weighing_a_transfer_is_a_plan(detect):
    found = arms(detect("Russia is weighing the transfer of warplanes to North Korea", "", published="2025-02-01"))
    assert found is not None and found[1] == "announced"


def test_a_modal_perfect_reports_a_past_deed(detect):
    found = arms(detect("Russia might have delivered air defence systems to North Korea", "", published="2025-02-01"))
    assert found is not None and found[1] == "reported"


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Moscow could hand Pyongyang its newest interceptors", "en", "announced"),
        ("Moscou pourrait céder ses intercepteurs à Pyongyang", "fr", "announced"),
        ("Moscow hands Pyongyang its newest interceptors", "en", None),
    ],
)
def test_the_backstop_takes_the_pending_stage_when_the_headline_deed_is_modal(extractor, title, lang, expected):
    doc, profile = analysed(extractor, title, lang=lang)
    (arms_type,) = [t for t in extractor.types if t.name == "arms_transfer"]
    assert modality.pending_headline(doc, arms_type, profile) == expected


@pytest.mark.parametrize(
    "title",
    [
        "Kim Jong-un ira en Russie pour négocier la livraison de roquettes à Moscou",
        "Pyongyang et Moscou vont discuter de la vente d'obus",
    ],
)
def test_a_supply_that_a_negotiation_governs_through_an_article_is_announced(detect, title):
    found = arms(detect(title, "", lang="fr", published="2023-09-01"))
    assert found is not None and found[1] == "announced"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Céder des canons à la Russie : Pyongyang l'a fait, selon Kiev", "fr"),
        ("North Korea sold rockets to Russia, officials say", "en"),
    ],
)
def test_verbs_of_selling_and_ceding_transfer(detect, title, lang):
    found = arms(detect(title, "", lang=lang, published="2024-03-01"))
    assert found is not None and found[2:] == ("PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # the genitive after a help noun is its giver
        ("Северокорейский спутник взлетел благодаря технической помощи Москвы", ("RUS", "PRK")),
        # a publisher of footage is not the giver; a system's name after its designation is its maker
        ("Российские блогеры опубликовали кадры стрельбы гаубиц M1989 «Коксан» под Курском", ("PRK", "RUS")),
    ],
)
def test_the_giver_named_by_a_help_genitive_or_a_designation_not_by_a_publisher(detect, title, expected):
    found = arms(detect(title, "", lang="ru", published="2025-03-01"))
    assert found is not None and found[2:] == expected


def test_a_north_korean_system_named_alone_names_its_maker(detect):
    found = arms(detect("Koksan howitzers seen on a train in Russia's Far East", "", published="2024-11-01"))
    assert found is not None and found[2:] == ("PRK", "RUS")
