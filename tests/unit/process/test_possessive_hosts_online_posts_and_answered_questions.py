"""Round 26 (lead's probes of the merged helpers): a host named by its state's possessive ("in Russia's Kursk
region") is where the troops are, so a leader who thanks his own returning troops sent them; a video "placed"
online (разместило видео) is no unit placed; a headline question whose answer its colon introduces ("…: в
Кремле ответили") lets the body's news count. New sentences, not corpus text."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


def troops(detection):
    """(stage, from, to) of the troop deployment found, or None."""
    for event in detection.events:
        if event.type == "troop_deployment":
            return event.stage, event.from_, event.to
    return None


def test_a_leader_thanking_troops_hosted_in_the_other_states_region_sent_them(detect):
    found = detect(
        "Kim Jong Un thanks the engineers home from the front",
        "The North Korean leader thanked the sappers who cleared mines in Russia's Kursk region, KCNA said.",
        published="2025-09-02",
    )
    assert troops(found) == ("confirmed", "PRK", "RUS")


def test_a_governor_thanking_foreign_builders_still_received_them(detect):
    found = detect(
        "Kursk governor thanks Korean military builders for new bridges",
        "Military construction workers from North Korea rebuilt three bridges in the Glushkovo district.",
        published="2025-09-02",
    )
    assert troops(found)[1:] == ("PRK", "RUS")


@pytest.mark.parametrize(
    "title",
    [
        "Минобороны разместило видео с северокорейскими военными на учениях",
        "Военкор разместил в Telegram ролик о северокорейских военных",
    ],
)
def test_a_video_placed_online_is_no_deployment(detect, title):
    assert troops(detect(title, "Запись набрала сотни тысяч просмотров.", lang="ru", published="2025-09-02")) is None


def test_crews_placed_in_the_other_state_are_still_a_deployment(detect):
    found = detect(
        "Россия разместила в КНДР расчеты зенитных комплексов, заявили в Сеуле",
        "Российские военные размещены в районе Пхеньяна, сообщил советник президента Южной Кореи.",
        lang="ru",
        published="2025-09-02",
    )
    assert troops(found) == ("reported", "RUS", "PRK")


def test_a_headline_question_answered_after_its_colon_keeps_the_bodys_plan(detect):
    found = detect(
        "Приедет ли Путин в Пхеньян: в Кремле ответили",
        "Песков заявил, что визит президента в КНДР готовится и состоится в ближайшие недели.",
        lang="ru",
        published="2025-09-02",
    )
    assert stage(found, "visit") == "announced"


def test_a_headline_question_of_experts_still_reports_nothing(detect):
    found = detect(
        "Приедет ли Ким Чен Ын в Москву: эксперты оценили шансы",
        "Политологи считают, что визит лидера КНДР возможен уже осенью.",
        lang="ru",
        published="2025-09-02",
    )
    assert stage(found, "visit") is None
