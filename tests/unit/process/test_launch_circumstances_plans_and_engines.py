"""Launches behind a headline's circumstance, a plan the reaction awaits, blasts in a city (launch24).

- a third state that only qualifies a noun in the headline's opening segment is a circumstance when a watched
  state after it makes the launch: the body is the launch's story;
- a headline reaction whose lead tells a launch still ahead (a notice, "would launch", « imminent ») leaves
  that plan news;
- "Blasts rock Kyiv": the city the blasts shake is a target, not another country's story;
- a ground or engine test launches nothing, and «план запуска» is a plan."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


def test_a_third_state_qualifying_the_headlines_opening_is_a_circumstance(detect_rules):
    detection = detect_rules(
        "Au lendemain du passage d'un porte-avions américain à Pusan, le Nord répond par trois tirs",
        "Trois missiles de croisière ont été tirés jeudi matin depuis la côte ouest de la Corée du Nord, "
        "a indiqué l'état-major sud-coréen. Ils ont volé pendant deux heures au-dessus de la mer Jaune.",
        lang="fr",
        published="2024-02-01",
    )
    assert launch(detection) == ("held", ("PRK",))


@pytest.mark.parametrize(
    ("title", "summary", "lang", "published"),
    [
        (
            "Japan readies Patriot batteries for North Korea's nine-day window",
            "Japanese air defence units were told on Wednesday to stand by, after North Korea informed the coast "
            "guard it would launch a reconnaissance satellite within the next nine days.",
            "en",
            "2024-05-29",
        ),
        (
            "Tokyo demande à Pyongyang de renoncer",
            "Le gouvernement japonais s'est réuni mardi, après que la Corée du Nord a annoncé le tir imminent "
            "d'une fusée porteuse de satellite vers le sud.",
            "fr",
            "2024-05-28",
        ),
    ],
)
def test_a_headline_reaction_awaiting_a_launch_leaves_the_plan_news(detect_rules, title, summary, lang, published):
    assert launch(detect_rules(title, summary, lang=lang, published=published)) == ("announced", ("PRK",))


def test_blasts_that_rock_a_city_name_a_target_not_another_story(detect_rules):
    detection = detect_rules(
        "Morning blasts rock Odesa port as Kremlin warns of more",
        "Several explosions hit the port area on Thursday. Russia launched twelve cruise missiles at the "
        "city overnight, the Ukrainian air force said.",
        lang="en",
        published="2024-03-14",
    )
    assert launch(detection) == ("held", ("RUS",))


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "КНДР провела стендовое испытание двигателя для новой ракеты",
            "В Пхеньяне прошло наземное испытание твердотопливного двигателя, предназначенного для будущей "
            "баллистической ракеты, сообщило ЦТАК.",
            "ru",
        ),
        (
            "North Korea holds engine test for new ICBM",
            "Kim Jong Un oversaw a ground test of a high-thrust engine meant for a future intercontinental "
            "missile, state media said.",
            "en",
        ),
    ],
)
def test_an_engine_ground_test_launches_nothing(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang)) == (None, ())


def test_a_launch_plan_approved_is_announced(detect_rules):
    detection = detect_rules(
        "Ким Чен Ын одобрил новый план",
        "Руководитель КНДР утвердил план запуска второго спутника связи, сообщили северокорейские СМИ.",
        lang="ru",
    )
    assert launch(detection) == ("announced", ("PRK",))
