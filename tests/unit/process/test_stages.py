"""The stage of a Russia–DPRK agreement, from how the sentence reports it."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import agreement


@pytest.mark.parametrize(
    ("lang", "title", "stage"),
    [
        ("en", "Russia and North Korea will sign a partnership treaty", "announced"),
        ("en", "Putin and Kim are expected to sign a defence pact", "announced"),
        ("en", "Moscow and Pyongyang negotiating a new treaty", "announced"),
        ("en", "Russia, North Korea to sign strategic pact", "announced"),
        ("en", "Putin and Kim sign mutual defence treaty", "signed"),
        ("en", "A treaty was signed by Russia and North Korea", "signed"),
        ("en", "Russia and North Korea inked a partnership agreement", "signed"),
        ("en", "Russia ratifies treaty with North Korea", "ratified"),
        ("en", "Russian lawmakers voted to ratify the pact with North Korea", "ratified"),
        ("en", "Russia-North Korea treaty enters into force", "in_force"),
        ("en", "Treaty between Moscow and Pyongyang took effect on Wednesday", "in_force"),
        ("en", "Russia's Duma will ratify the North Korea treaty next week", "signed"),
        ("fr", "La Russie et la Corée du Nord vont signer un traité", "announced"),
        ("fr", "Un traité entre Moscou et Pyongyang pourrait être signé", "announced"),
        ("fr", "Poutine et Kim Jong-un signeront un accord de partenariat", "announced"),
        ("fr", "Moscou et Pyongyang devraient conclure un pacte", "announced"),
        ("fr", "Poutine et Kim Jong-un ont signé un traité", "signed"),
        ("fr", "Un accord a été conclu entre la Russie et la Corée du Nord", "signed"),
        ("fr", "La Russie ratifie le traité avec la Corée du Nord", "ratified"),
        ("fr", "Le traité entre Moscou et Pyongyang entre en vigueur", "in_force"),
    ],
)
def test_stage_follows_tense_modality_and_action(detect, lang, title, stage):
    assert agreement(detect(title, lang=lang)) == stage


def test_the_most_advanced_stage_of_a_sentence_wins(detect):
    title = "The treaty Russia and North Korea signed in June entered into force on Wednesday"
    assert agreement(detect(title, published="2024-12-04")) == "in_force"


def test_the_lead_gives_the_stage_when_the_headline_names_no_action(detect):
    detection = detect(
        "Putin arrives in Pyongyang",
        "The two countries are expected to sign a comprehensive strategic partnership treaty.",
    )
    assert agreement(detection) == "announced"
    visit = [e for e in detection.events if e.type == "visit"]
    assert [(e.actors, e.stage) for e in visit] == [(("PRK", "RUS"), "held")]


def test_each_event_carries_trigger_evidence_and_confidence(detect):
    detection = detect(
        "Poutine et Kim Jong-un signent un traité", "Le texte prévoit une assistance mutuelle.", lang="fr"
    )
    (event,) = [e for e in detection.events if e.type == "agreement"]
    assert event.trigger == "traité"
    assert event.evidence == "Poutine et Kim Jong-un signent un traité"
    assert 0.5 < event.confidence <= 1.0


@pytest.mark.parametrize(
    ("title", "stage"),
    [
        ("Russland und Nordkorea unterzeichnen Partnerschaftsvertrag", "signed"),
        ("Putin und Kim wollen einen Vertrag unterzeichnen", "announced"),
        ("Die Duma ratifiziert den Vertrag mit Nordkorea", "ratified"),
    ],
)
def test_german_has_basic_support_through_its_profile_and_lexicons(detect, title, stage):
    assert agreement(detect(title, lang="de")) == stage
