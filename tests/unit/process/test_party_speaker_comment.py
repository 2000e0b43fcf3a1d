"""Another country named in a party's own speaker's comment (agree27b).

A headline whose subject is a watched person and whose verb is his comment («Володин увидел в союзе с КНДР
ответ на давление Вашингтона») tells the party's story: the other country is what he speaks of, and the body's
deeds are news. Another country that is the subject ("Seoul sees the pact as a threat") still makes the body
its reaction."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        (
            "Захарова увидела в договоре с КНДР ответ на санкции Вашингтона",
            "Совет Федерации в среду одобрил закон о ратификации договора о партнёрстве между Россией и КНДР.",
            "ratified",
        ),
        (
            "Лавров назвал соглашение с КНДР ответом на политику Токио",
            "Россия и КНДР в понедельник подписали соглашение о морском сообщении, сообщил МИД.",
            "signed",
        ),
    ],
)
def test_a_party_speakers_comment_leaves_the_body_news(detect, title: str, summary: str, expected: str) -> None:
    assert stage(detect(title, summary, lang="ru", published="2025-02-01"), "agreement") == expected


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Сеул увидел в договоре России и КНДР угрозу",
            "Госдума в четверг ратифицировала договор о партнёрстве между Россией и КНДР.",
            "ru",
        ),
        (
            "Seoul sees Russia-North Korea pact as threat",
            "Russia's parliament on Thursday ratified the partnership treaty with North Korea.",
            "en",
        ),
        (
            "Вашингтон увидел в договоре России и КНДР вызов",
            "Госдума в четверг ратифицировала договор о партнёрстве между Россией и КНДР.",
            "ru",
        ),
    ],
)
def test_another_countrys_view_keeps_the_body_a_reaction(detect, title: str, summary: str, lang: str) -> None:
    assert stage(detect(title, summary, lang=lang, published="2025-02-01"), "agreement") is None
