"""Cooperation programmes signed, and headline questions told without a question mark (agree26).

A ministries' cooperation programme for some years is a signed text like a plan of exchanges ("signed a
cooperation programme for 2025-2027", « ont signé un programme de coopération », «подписали программу
сотрудничества»); a programme that is only a state's own (a nuclear programme) or a programme recalled is no
agreement. A Russian headline that asks with «ли» before a colon or right after its opening verb asks a
question even without "?": what the body says of the plan is weighed, not told."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russian and North Korean health ministries sign a cooperation programme for 2026-2028", "en"),
        ("Les ministères russe et nord-coréen de la Santé signent un programme de coopération", "fr"),
        ("Минздравы России и КНДР подписали программу сотрудничества на 2026–2028 годы", "ru"),
    ],
)
def test_a_signed_cooperation_programme_is_a_signed_agreement(detect, title, lang):
    assert stage(detect(title, "", lang=lang, published="2025-09-12"), "agreement") == "signed"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russia and North Korea to sign a sports cooperation programme next month", "en"),
        ("La Russie et la Corée du Nord signeront un programme de coopération sportive", "fr"),
        ("Россия и КНДР подпишут программу сотрудничества в области спорта", "ru"),
    ],
)
def test_a_cooperation_programme_to_be_signed_is_announced(detect, title, lang):
    assert stage(detect(title, "", lang=lang, published="2025-09-12"), "agreement") == "announced"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("North Korea expands its nuclear programme as Russia looks on", "en"),
        ("Russian and North Korean students meet under a cooperation programme", "en"),
        ("Le programme spatial nord-coréen progresse avec l'aide de la Russie, selon Séoul", "fr"),
        ("В рамках программы сотрудничества России и КНДР в Пхеньяне открылась выставка", "ru"),
    ],
)
def test_a_programme_not_signed_is_no_agreement(detect, title, lang):
    assert stage(detect(title, "", lang=lang, published="2025-09-12"), "agreement") is None


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Посетит ли Путин Пхеньян этой осенью: мнения экспертов",
            "Корееведы полагают, что визит Путина в КНДР, вероятнее всего, будет приурочен к годовщине договора.",
        ),
        (
            "Подпишут ли Россия и КНДР соглашение о рыболовстве",
            "Эксперты считают, что министры рыбного хозяйства двух стран подпишут соглашение до конца года.",
        ),
    ],
)
def test_a_russian_headline_question_without_a_mark_leaves_the_body_weighed(detect, title, summary):
    found = detect(title, summary, lang="ru", published="2025-08-20")
    assert stage(found, "visit") is None
    assert stage(found, "agreement") is None


@pytest.mark.parametrize(
    ("title", "summary", "kind", "expected"),
    [
        # a question reported in mid-headline is no question the headline asks: the body's news stands
        (
            "Песков рассказал, когда Путин посетит КНДР",
            "Визит Путина в Пхеньян запланирован на осень, сообщил Песков.",
            "visit",
            "announced",
        ),
        # a capitalised «Ли» opening a speaker's colon is a Korean surname, no question
        (
            "Ли Сон Хо: Россия и КНДР подпишут соглашение о рыболовстве",
            "Документ подпишут министры двух стран в сентябре, заявил депутат.",
            "agreement",
            "announced",
        ),
        # a colon with no question before it says nothing
        (
            "Лавров: Россия и КНДР подпишут соглашение о рыболовстве",
            "Документ подпишут министры двух стран в сентябре.",
            "agreement",
            "announced",
        ),
    ],
)
def test_a_headline_that_asks_nothing_keeps_its_news(detect, title, summary, kind, expected):
    assert stage(detect(title, summary, lang="ru", published="2025-08-20"), kind) == expected
