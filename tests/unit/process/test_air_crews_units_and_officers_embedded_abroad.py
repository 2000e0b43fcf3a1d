"""Round 30 (troopsair26): the air arm's people and units are troops (aircrews, ground crews, fighter pilots, an
air force unit, a squadron; « pilotes de chasse », « escadrille »; «экипажи истребительной авиации», «авиагруппа»),
a unit based somewhere is stationed there ("based at", « basé sur », «базируется»), officers embedded in the
other's army serve there ("embedded with", « intégrés aux », «прикомандированы»), army mechanics are soldiers by
their trade, and weapons that go to a joint drill with their crews, or that are repaired, are no transfer. New
sentences, not corpus text."""

from __future__ import annotations

import pytest


def troops(detection):
    """(stage, from, to) of the troop deployment found, or None."""
    for event in detection.events:
        if event.type == "troop_deployment":
            return event.stage, event.from_, event.to
    return None


def arms(detection):
    """(stage, from, to) of the arms transfer found, or None."""
    for event in detection.events:
        if event.type == "arms_transfer":
            return event.stage, event.from_, event.to
    return None


@pytest.mark.parametrize(
    ("title", "summary", "lang", "expected"),
    [
        (
            "Russia will station fighter pilots and ground crews at a North Korean air base from May",
            "The defence ministry gave no figure.",
            "en",
            ("announced", "RUS", "PRK"),
        ),
        (
            "Satellite photos show a Russian air force unit stationed at a North Korean airfield, researchers say",
            "Hangars and fuel trucks were added over the winter.",
            "en",
            ("reported", "RUS", "PRK"),
        ),
        (
            "Des pilotes de chasse russes stationnés sur une base nord-coréenne, selon Séoul",
            "Ils seraient arrivés au début de l'hiver.",
            "fr",
            ("reported", "RUS", "PRK"),
        ),
        (
            "Une escadrille russe stationnée près de Wonsan, affirment des chercheurs sud-coréens",
            "Les images montrent une dizaine d'appareils.",
            "fr",
            ("reported", "RUS", "PRK"),
        ),
        (
            "Российские военные лётчики прибудут на аэродром под Пхеньяном в мае",
            "Об этом сообщили в Минобороны России.",
            "ru",
            ("announced", "RUS", "PRK"),
        ),
        (
            "Сеул: экипажи дальней авиации России переброшены на аэродромы КНДР",
            "Самолёты прибыли в конце зимы, считают в южнокорейской разведке.",
            "ru",
            ("reported", "RUS", "PRK"),
        ),
    ],
)
def test_the_air_arm_s_people_and_units_are_troops(detect, title, summary, lang, expected):
    assert troops(detect(title, summary, lang=lang, published="2026-02-10")) == expected


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "A squadron of Russian fighters is based at an airfield near Wonsan, analysts say",
            "The jets have been there for a month.",
            "en",
        ),
        (
            "Une unité aérienne russe basée sur un aérodrome nord-coréen, selon des analystes",
            "Les avions y seraient depuis un mois.",
            "fr",
        ),
        (
            "Сеул: российская авиагруппа базируется на аэродроме под Вонсаном",
            "Самолёты находятся там около месяца, считают аналитики.",
            "ru",
        ),
    ],
)
def test_a_unit_based_abroad_is_stationed_there(detect, title, summary, lang):
    assert troops(detect(title, summary, lang=lang, published="2026-02-10")) == ("reported", "RUS", "PRK")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Russian officers embedded with North Korean army staffs, Tokyo daily reports",
            "They advise on artillery fire, the paper said.",
            "en",
        ),
        (
            "Des officiers russes affectés aux états-majors de l'armée nord-coréenne, selon un quotidien japonais",
            "Ils conseilleraient l'artillerie, selon le journal.",
            "fr",
        ),
        (
            "Японская газета: российские офицеры прикомандированы к штабам армии КНДР",
            "Они консультируют артиллеристов, пишет издание.",
            "ru",
        ),
    ],
)
def test_officers_embedded_in_the_other_s_army_are_sent_by_their_own_state(detect, title, summary, lang):
    # the demonym on the officers names the sender; the other state's army is the host
    assert troops(detect(title, summary, lang=lang, published="2026-02-10")) == ("reported", "RUS", "PRK")


def test_army_mechanics_repairing_the_host_s_weapons_are_troops_and_no_transfer(detect):
    detection = detect(
        "North Korean army mechanics refurbishing Russian artillery near Ussuriysk, sources say",
        "The men have been working at the plant since March.",
        published="2026-02-10",
    )
    assert troops(detection) == ("reported", "PRK", "RUS")
    assert arms(detection) is None


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Russia to send warplanes and aircrews to North Korea for joint air force drills", "", "en"),
        (
            "La Russie enverra en Corée du Nord des avions de combat et des pilotes de chasse pour des exercices"
            " conjoints",
            "",
            "fr",
        ),
        ("Россия направит в КНДР боевые самолёты с экипажами истребительной авиации для совместных учений", "", "ru"),
    ],
)
def test_warplanes_sent_with_their_crews_to_a_joint_drill_are_troops_not_a_transfer(detect, title, summary, lang):
    detection = detect(title, summary, lang=lang, published="2026-02-10")
    assert troops(detection) == ("announced", "RUS", "PRK")
    assert arms(detection) is None


@pytest.mark.parametrize(
    ("title", "summary", "lang", "expected"),
    [
        # warplanes handed over are still a transfer
        ("Russia to deliver warplanes to North Korea this year, Seoul says", "", "en", ("announced", "RUS", "PRK")),
        (
            "La Russie a livré des avions de combat à la Corée du Nord, selon Séoul",
            "",
            "fr",
            ("reported", "RUS", "PRK"),
        ),
    ],
)
def test_warplanes_handed_over_stay_a_transfer(detect, title, summary, lang, expected):
    detection = detect(title, summary, lang=lang, published="2026-02-10")
    assert arms(detection) == expected
    assert troops(detection) is None


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        # an airline's crews and a space crew are no troops
        ("Aeroflot crews resume flights between Moscow and Pyongyang", "The first flight landed on Monday.", "en"),
        (
            "Российский экипаж МКС провёл сеанс связи со школьниками Пхеньяна",
            "Космонавты ответили на вопросы детей.",
            "ru",
        ),
        # "based on" grounds a claim, it stations no one
        (
            "North Korean troops in Russia? Claims based on rumours, Pyongyang says",
            "KCNA called the reports groundless.",
            "en",
        ),
    ],
)
def test_crews_of_no_army_and_claims_based_on_something_are_no_deployment(detect, title, summary, lang):
    assert troops(detect(title, summary, lang=lang, published="2026-02-10")) is None
