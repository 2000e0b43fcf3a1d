"""Agreements: a signature told as names put to the text ("put their names to"); the foreign ministries' plan of
consultations is a document signed; no document when « sans le moindre » or "not a single" opens the noun phrase;
an alliance "sealed in blood" is a figure, no text; a relative aside between a trigger and its verb (« ce texte,
qui succéderait à l'accord de 2001, pourrait être paraphé ») is no distance; a sentence naming one party of the
pair the headline names alone is that pair's deed, though the lead names another stop."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


@pytest.mark.parametrize(
    "summary",
    [
        "Vladimir Putin and Kim Jong Un put their names to a new economic cooperation accord on Tuesday.",
        "The Russian and North Korean defence ministers put names to a military cooperation protocol.",
    ],
)
def test_names_put_to_a_text_sign_it(detect, summary):
    detection = detect("Moscow and Pyongyang deepen ties", summary, published="2024-09-10")
    assert stage(detection, "agreement") == "signed"


def test_a_plan_of_consultations_signed_is_an_agreement(detect):
    summary = "The Russian and North Korean deputy foreign ministers signed a plan of consultations for 2026 in Moscow."
    detection = detect("Moscow and Pyongyang diplomats meet", summary, published="2025-11-12")
    assert stage(detection, "agreement") == "signed"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Pyongyang et Moscou achèvent leurs pourparlers sans la moindre entente signée", "fr"),
        ("Russia and North Korea end talks with not a single agreement signed", "en"),
    ],
)
def test_a_negative_determiner_phrase_leaves_no_agreement(detect, title, lang):
    assert stage(detect(title, "", lang=lang, published="2023-09-14"), "agreement") is None


@pytest.mark.parametrize(
    ("summary", "lang"),
    [
        ("Kim Jong Un spoke of an alliance with Russia sealed in blood by the soldiers who fell together.", "en"),
        ("Kim Jong-un a évoqué une alliance avec la Russie scellée dans le sang des soldats tombés ensemble.", "fr"),
    ],
)
def test_an_alliance_sealed_in_blood_is_no_text(detect, summary, lang):
    detection = detect("Kim praises Moscow at a ceremony", summary, lang=lang, published="2025-08-20")
    assert stage(detection, "agreement") is None


def test_a_relative_aside_between_the_text_and_its_verb_is_no_distance(detect):
    summary = (
        "Selon le porte-parole Dmitri Peskov, ce texte, qui succéderait à l'accord culturel de 2001 et à ses "
        "avenants de 2015, pourrait être paraphé lors de la venue du ministre."
    )
    detection = detect("Le Kremlin prépare l'accueil d'une délégation nord-coréenne à Moscou", summary, lang="fr")
    assert stage(detection, "agreement") == "announced"


def test_one_party_named_with_the_pair_of_the_headline_is_that_pairs_deal(detect):
    title = "Песков рассказал о поездке Лаврова в Пхеньян"
    summary = (
        "Министр иностранных дел Сергей Лавров на следующей неделе посетит КНДР, а затем отправится в Лаос. "
        "На встрече с Цой Сон Хи может быть подписано соглашение о консульских связях."
    )
    detection = detect(title, summary, lang="ru", published="2025-07-07")
    assert stage(detection, "agreement") == "announced"
