"""Launch reactions told as comments, and launches scheduled in Russian (launch25, round 25).

- A launch that a comment is on is no deed of its sentence: «Комментируя пуск ракеты…», "commenting on the
  test", "Putin's missile test talk" (a `commented` cue; `story.comment_topic`); a third-state speaker whose
  headline only talks about a launch comments, the body is the comment's.
- A Russian short participle of a plan before the launch it predicates («в ходе учений запланированы пуски
  ракет») makes it a plan; «и что» opens a second complement clause, whose expectation is not the first's deed.
- Russia's rockets are named in the oblique cases too («пуск «Ангары-А5» назначен на…»).
- A backstop launch whose headline tells no deed takes its time from the body's first telling of one
  (`modality.pending_telling`)."""

from __future__ import annotations

import pytest

from process import modality
from tests.unit.process.conftest import analysed, launch


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Лавров призвал КНДР к сдержанности",
            "Глава МИД России Сергей Лавров выступил в среду на брифинге в Москве. Комментируя испытание ракеты, "
            "проведённое КНДР во вторник, министр назвал его опасным шагом.",
            "ru",
        ),
        (
            "Lavrov urges North Korea to show restraint",
            "Foreign Minister Sergei Lavrov spoke in Moscow on Wednesday. Commenting on the launch of a "
            "North Korean missile on Tuesday, he called it a dangerous step.",
            "en",
        ),
    ],
)
def test_a_launch_a_comment_is_on_is_no_deed(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang, published="2025-03-12")) == (None, ())


def test_a_third_state_speaker_talking_about_a_launch_reports_none(detect_rules):
    title = "Macron says Kim's missile launch talk is 'dangerous', urges dialogue"
    summary = (
        "French President Emmanuel Macron on Tuesday criticised Kim Jong Un for publicising North Korea's test "
        "of a new ballistic missile. North Korean state media had said on Monday that the missile flew 1,000 km."
    )
    assert launch(detect_rules(title, summary, lang="en", published="2025-03-11")) == (None, ())


def test_a_comment_on_something_else_keeps_the_launch_news(detect_rules):
    title = "North Korea fires a ballistic missile into the sea"
    summary = "Commenting on the drills, South Korea's military said North Korea fired a ballistic missile on Tuesday."
    assert launch(detect_rules(title, summary, lang="en", published="2025-03-11")) == ("held", ("PRK",))


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Флот проведёт манёвры в Баренцевом море",
            "Манёвры Северного флота пройдут на следующей неделе. В ходе манёвров запланированы пуски крылатых "
            "ракет, сообщили в Минобороны России.",
        ),
        (
            "Первый пуск «Ангары-А5» с Плесецка назначен на 20 мая",
            "Госкомиссия утвердила дату пуска, сообщили в Роскосмосе.",
        ),
    ],
)
def test_a_russian_launch_planned_or_scheduled_is_announced(detect_rules, title, summary):
    assert launch(detect_rules(title, summary, lang="ru", published="2025-05-12")) == ("announced", ("RUS",))


def test_an_expectation_in_a_second_clause_plans_no_launch(detect_rules):
    title = "Источник: КНДР передала «Вагнеру» оружие"
    summary = "Источник сообщил, что КНДР в марте передала «Вагнеру» ракеты и что Вашингтон ожидает новых поставок."
    assert launch(detect_rules(title, summary, lang="ru", published="2025-05-12")) == (None, ())


@pytest.mark.parametrize(
    ("title", "summary", "lang", "expected"),
    [
        (
            "La Russie envoie un croiseur armé de missiles Kalibr en mer Baltique",
            "Le croiseur a quitté Kronstadt lundi. Des tirs d'entraînement sont prévus en mer, selon la flotte.",
            "fr",
            "announced",
        ),
        (
            "La Russie envoie un croiseur armé de missiles Kalibr en mer Baltique",
            "Le croiseur a quitté Kronstadt lundi. Il a tiré deux missiles en mer, selon la flotte.",
            "fr",
            None,
        ),
    ],
)
def test_the_backstop_launch_takes_the_time_of_the_body_first_telling(extractor, title, summary, lang, expected):
    doc, profile = analysed(extractor, title, summary, lang)
    (launch_type,) = [t for t in extractor.types if t.name == "missile_launch"]
    assert modality.pending_telling(doc, launch_type, profile, reach=2) == expected
