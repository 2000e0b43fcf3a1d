"""Agreements: a head of state's assent to the law that ratifies a treaty ("signs the pact into law",
« promulgue », «подписал закон») is its ratification; signing the treaty itself stays a signature; a treaty sent to
parliament « pour ratification » is signed, not yet ratified (a bare noun right after « pour » is the
purpose of the sending, as after "for" in English)."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russian president signs North Korea partnership treaty into law", "en"),
        ("Putin signs legislation on military alliance with Pyongyang", "en"),
        ("Poutine promulgue l'accord militaire conclu avec Pyongyang", "fr"),
        ("Путин подписал закон о договоре с КНДР", "ru"),
    ],
)
def test_signing_the_law_on_a_treaty_ratifies_it(detect, title, lang):
    assert stage(detect(title, "", lang=lang, published="2024-11-10"), "agreement") == "ratified"


def test_signing_the_treaty_itself_stays_signed(detect):
    title = "Putin and Kim sign mutual defence treaty in Pyongyang"
    assert stage(detect(title, "", published="2024-06-20"), "agreement") == "signed"


def test_a_vote_on_ratification_still_ratifies(detect):
    title = "La Douma vote la ratification du traité avec la Corée du Nord"
    detection = detect(title, "", lang="fr", published="2024-10-25")
    assert stage(detection, "agreement") == "ratified"


@pytest.mark.parametrize(
    "title",
    [
        "Le gouvernement russe envoie à la Douma pour ratification l'accord militaire avec Pyongyang",
        "Moscou transmet aux sénateurs pour ratification le pacte conclu avec la Corée du Nord",
    ],
)
def test_a_treaty_sent_for_ratification_is_signed_not_ratified(detect, title):
    assert stage(detect(title, "", lang="fr", published="2024-10-20"), "agreement") == "signed"


def test_a_russian_noun_after_dlya_names_a_deed_done_not_a_purpose(detect):
    detection = detect(
        "ВСУ: Россия применила ракеты «Кинжал» для удара по Львову",
        "Российские войска выпустили гиперзвуковые ракеты «Кинжал» для удара по Львову, заявили в ВСУ.",
        lang="ru",
        published="2026-03-05",
    )
    assert [e.stage for e in detection.events if e.type == "missile_launch"] == ["held"]
