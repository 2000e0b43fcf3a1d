"""Launches ahead told by an order's light-verb infinitive before the deed's noun, the nominative lift-off noun
before a quoted vehicle, and a lead that dates the launch to the same morning (launch27b, round 27): «приказал
осуществить пуск», «Старт «Союза МС-…» отложили», «после того, как утром КНДР запустила ракету»."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    "title",
    [
        "Ким Чен Ын приказал в скором времени осуществить пуск новой баллистической ракеты",
        "Лидер КНДР поручил военным провести испытательный пуск крылатых ракет",
        "Пхеньян решил произвести запуск разведывательного спутника в июне",
    ],
)
def test_a_light_verb_infinitive_before_the_deed_is_a_plan(detect_rules, title):
    assert launch(detect_rules(title, "", lang="ru", published="2025-03-14")) == ("announced", ("PRK",))


@pytest.mark.parametrize(
    "title",
    [
        "КНДР провела пуск баллистической ракеты в сторону Японского моря",
        "КНДР удалось осуществить запуск разведывательного спутника",
    ],
)
def test_a_light_verb_told_as_done_stays_a_deed(detect_rules, title):
    assert launch(detect_rules(title, "", lang="ru", published="2025-03-14")) == ("held", ("PRK",))


@pytest.mark.parametrize(
    "title",
    ["Старт «Союза МС-27» к МКС отложили на двое суток", "Старт «Ангары-А5» с Восточного перенесли на резервную дату"],
)
def test_the_nominative_lift_off_before_a_quoted_vehicle_is_a_launch(detect_rules, title):
    assert launch(detect_rules(title, "", lang="ru", published="2025-03-14")) == ("announced", ("RUS",))


def test_giving_a_start_to_a_quoted_forum_is_no_launch(detect_rules):
    assert launch(
        detect_rules("Министр дал старт «Армии-2025»: показали ракеты", "", lang="ru", published="2025-03-14")
    ) == (None, ())


def test_a_lead_that_dates_the_launch_this_morning_tells_the_news(detect_rules):
    assert launch(
        detect_rules(
            "Южнокорейский Совбез провёл внеочередное заседание",
            "Президент распорядился усилить готовность после того, как утром КНДР запустила баллистическую ракету.",
            lang="ru",
            published="2025-03-14",
        )
    ) == ("held", ("PRK",))


@pytest.mark.parametrize("when", ["накануне", "сегодня ночью"])
def test_a_lead_that_dates_the_launch_to_the_night_or_the_day_before_tells_the_news(detect_rules, when):
    assert launch(
        detect_rules(
            "Япония выразила протест по дипломатическим каналам",
            f"Токио заявил протест после того, как {when} КНДР выпустила две баллистические ракеты.",
            lang="ru",
            published="2025-03-14",
        )
    ) == ("held", ("PRK",))


def test_a_lead_that_dates_the_launch_days_back_stays_the_occasion(detect_rules):
    assert launch(
        detect_rules(
            "Южнокорейский Совбез провёл внеочередное заседание",
            "Президент велел усилить готовность через неделю после того, как КНДР запустила баллистическую ракету.",
            lang="ru",
            published="2025-03-14",
        )
    ) == (None, ())
