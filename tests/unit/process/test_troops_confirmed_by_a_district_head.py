"""A district head named by his title alone speaks for his district, as a governor does (visit29).

«…приступили военные строители КНДР, сообщил глава района», "…, district head says", « …, selon le chef du
district »: the head of a Russian district that the report names acknowledges the troops there, so the deployment
is confirmed, as with "governor says". A district head of a third state, or one named by his district, is no
party's."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import directed


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Северокорейские саперы разминируют поля под Суджей — глава района",
            "Разминированием полей в Суджанском районе занялись саперы КНДР, сообщил глава района.",
            "ru",
        ),
        (
            "North Korean sappers clear fields near Sudzha, district head says",
            "North Korean sappers have begun clearing fields in the Sudzha district of the Kursk region, the district "
            "head said.",
            "en",
        ),
        (
            "Des sapeurs nord-coréens déminent des champs près de Soudja, selon le chef du district",
            "Des sapeurs nord-coréens ont commencé à déminer des champs dans le district de Soudja, dans la région de "
            "Koursk, a déclaré le chef du district.",
            "fr",
        ),
    ],
)
def test_a_district_head_confirms_the_troops_in_his_district(detect, title: str, summary: str, lang: str) -> None:
    assert directed(detect(title, summary, lang=lang, published="2025-06-18"), "troop_deployment") == (
        "confirmed",
        "PRK",
        "RUS",
    )


@pytest.mark.parametrize(
    ("title", "summary", "lang", "expected"),
    [
        (
            "Северокорейские саперы разминируют поля под Суджей — губернатор",
            "Разминированием полей в Суджанском районе занялись саперы КНДР, сообщил губернатор.",
            "ru",
            "confirmed",
        ),
        (
            "North Korean soldiers spotted near Sumy, district head says",
            "North Korean soldiers were seen near villages of Ukraine's Sumy region, the district head said.",
            "en",
            "reported",
        ),
    ],
)
def test_other_speakers_keep_their_stage(detect, title: str, summary: str, lang: str, expected: str) -> None:
    found = directed(detect(title, summary, lang=lang, published="2025-06-18"), "troop_deployment")
    assert found is not None and found[0] == expected
