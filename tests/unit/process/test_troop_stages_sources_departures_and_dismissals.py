"""Round 27 (troops27a): the stage of troop deployments. A party's source in the lead confirms the backstop's
finding; a future told of the place the troops reached leaves their arrival done; departures, ordnance cleared and
French imperfects are deeds; "expected in spring" is a plan; a plural inverted speaker is who speaks; a report
called a fantasy is denied. New sentences, not corpus text."""

from __future__ import annotations

from functools import partial

import pytest

from tests.unit.process.conftest import directed, stage

troops = partial(directed, event_type="troop_deployment")  # (stage, from, to) of the Russia–DPRK troop deployment


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Korean army builders repair Kursk schools",
            "Units of North Korean military engineers have begun repairing schools in Sudzha, the governor of the "
            "Kursk region said.",
            "en",
        ),
        (
            "Корейские военные строители ремонтируют мост под Суджей",
            "Военнослужащие инженерных частей КНДР начали ремонт моста через реку Сейм, сообщил глава Суджанского "
            "района.",
            "ru",
        ),
        (
            "Russian deputy PM says Korean army builders are repairing Kursk schools",
            "About 1,500 soldiers from North Korea's construction units are repairing schools in the Kursk region, "
            "Russian Deputy Prime Minister Marat Khusnullin said on Monday.",
            "en",
        ),
    ],
)
def test_a_party_official_who_tells_the_work_confirms_it(detect, title, summary, lang):
    # the headline names no speaker (or a titled one after his state's demonym): the lead's party official speaks
    assert troops(detect(title, summary, lang=lang, published="2025-10-10")) == ("confirmed", "PRK", "RUS")


def test_a_headline_outsider_keeps_the_work_reported(detect):
    detection = detect(
        "Korean army builders repair Kursk schools, Seoul says",
        "Units of North Korean military engineers have begun repairing schools in Sudzha, the governor of the Kursk "
        "region said.",
        published="2025-10-10",
    )
    assert troops(detection) == ("reported", "PRK", "RUS")


def test_a_future_at_the_place_reached_leaves_the_arrival_done(detect):
    detection = detect("Группа российских военных советников прибыла в Вонсан, где будет работать на верфи", lang="ru")
    assert troops(detection) == ("reported", "RUS", "PRK")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Российские военные медики прибудут в Пхеньян на следующей неделе", "ru"),
        ("Russian military engineers will arrive in Pyongyang next week", "en"),
    ],
)
def test_an_arrival_still_ahead_stays_a_plan(detect, title, lang):
    assert troops(detect(title, lang=lang)) == ("announced", "RUS", "PRK")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("North Korean sappers set off for Russia's Kursk region, Seoul says", "en"),
        ("Un nouveau contingent de sapeurs nord-coréens est parti pour la région de Koursk, selon Séoul", "fr"),
        ("Новая группа северокорейских саперов отбыла в Курскую область, сообщили в Сеуле", "ru"),
        ("Des médecins militaires nord-coréens travaillaient dans des hôpitaux de Koursk", "fr"),
        (
            "Инженерные подразделения Корейской народной армии приступили к очистке от взрывоопасных предметов полей "
            "Курской области",
            "ru",
        ),
    ],
)
def test_departures_ordnance_cleared_and_past_work_are_deeds_the_rules_read(detect_rules, title, lang):
    assert troops(detect_rules(title, lang=lang)) == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("North Korean sappers are clearing unexploded ordnance in Russia's Kursk region, Moscow says", "en"),
        ("Des démineurs nord-coréens dépolluent la région de Koursk, selon Moscou", "fr"),
        ("North Korean state media say a new batch of sappers has left for Russia", "en"),
    ],
)
def test_a_party_telling_the_departure_or_the_clearing_confirms_it(detect_rules, title, lang):
    assert troops(detect_rules(title, lang=lang)) == ("confirmed", "PRK", "RUS")


def test_the_ministry_source_of_the_lead_confirms_the_headline(detect):
    detection = detect(
        "Корейские саперы начали разминирование полей под Суджей",
        "Инженерные подразделения Корейской народной армии приступили к очистке от взрывоопасных предметов полей "
        "Суджанского района, сообщили в Минобороны России.",
        lang="ru",
    )
    assert troops(detection) == ("confirmed", "PRK", "RUS")


def test_troops_expected_in_a_season_are_a_plan(detect):
    detection = detect("Un bataillon du génie nord-coréen attendu au printemps à Koursk", lang="fr")
    assert troops(detection) == ("announced", "PRK", "RUS")


def test_a_plural_inverted_speaker_is_who_the_next_sentence_cites(detect):
    detection = detect(
        "Des soldats nord-coréens acheminés vers l'Extrême-Orient russe",
        "L'armée nord-coréenne a transféré ces dernières semaines des milliers d'hommes vers Khabarovsk, ont indiqué "
        "mardi des responsables sud-coréens. Selon eux, ces militaires sont ensuite envoyés dans la région de Koursk.",
        lang="fr",
    )
    assert troops(detection) == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("МИД КНДР назвал «фантазиями» данные Токио о переброске солдат в Россию", "ru"),
        ("North Korea calls reports of new troop dispatches to Russia 'Seoul's fantasies'", "en"),
        ("Pyongyang qualifie de « fantasmes » les informations sur l'envoi de soldats en Russie", "fr"),
    ],
)
def test_a_report_called_a_fantasy_is_denied(detect, title, lang):
    assert stage(detect(title, lang=lang), "troop_deployment") is None


def test_infantrymen_are_no_fantasy(detect):
    detection = detect("Des fantassins nord-coréens combattent dans la région de Koursk, selon Kiev", lang="fr")
    assert troops(detection) == ("reported", "PRK", "RUS")
