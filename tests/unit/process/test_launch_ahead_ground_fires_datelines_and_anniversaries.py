"""Launches ahead, ground firings, factory output, anniversaries, datelines and fronted strikes (launch29, round 29).

A space rocket that "s'élancera" or «стартует» has not flown yet (`announced`); a passenger's state named before
"à bord d'un Soyouz" at a cosmodrome named by its name ("Baïkonour") is no other state's story. A rocket held on
its pad while its engine burns ("essai de mise à feu", "static fire") and a factory's «выпустил серийную ракету»
launch nothing; «десятилетие запуска» is an anniversary. A dateline's capital («МОСКВА. 3 марта. ИНТЕРФАКС -») is
where the agency writes, no party; and «удар по городу российские военные нанесли ракетами KN-23» names its
firer after the fronted strike."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from process.extractor import Detection
from tests.unit.process.conftest import launch, told

Detect = Callable[..., Detection]


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Une fusée Soyouz s'élancera samedi de Plessetsk avec un satellite militaire", "fr"),
        ("Ракета «Союз-2.1б» стартует с космодрома Восточный в пятницу", "ru"),
        ("Пилотируемый корабль «Союз МС-30» стартует к МКС в апреле", "ru"),
    ],
)
def test_a_launch_told_in_the_future_is_announced(detect: Detect, title: str, lang: str) -> None:
    """A verb in the future the tagger does not read ("s'élancera", biaspectual «стартует») leaves it ahead."""
    assert launch(detect(title, "", lang=lang, published="2025-03-04")) == ("announced", ("RUS",))


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Une fusée Soyouz s'est élancée samedi de Plessetsk avec un satellite militaire", "fr"),
        ("Ракета «Союз-2.1б» стартовала с космодрома Восточный в пятницу", "ru"),
        ("A Soyuz rocket will lift off from Plesetsk on Saturday", "en"),
    ],
)
def test_a_launch_told_in_the_past_stays_held_and_a_modal_one_announced(detect: Detect, title: str, lang: str) -> None:
    """Guards: the past keeps its lift-off; "will lift off" was already a plan."""
    expected = "announced" if lang == "en" else "held"
    assert launch(detect(title, "", lang=lang, published="2025-03-04")) == (expected, ("RUS",))


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Le Japonais Kenji Sato a décollé de Baïkonour à bord d'un Soyouz",
            "Une fusée Soyouz s'est élancée vendredi de Baïkonour.",
            "fr",
        ),
        (
            "L'astronaute japonais Kenji Sato a décollé de Baïkonour à bord d'un Soyouz",
            "Une fusée Soyouz s'est élancée vendredi de Baïkonour.",
            "fr",
        ),
    ],
)
def test_a_passengers_state_before_a_soyuz_at_a_named_cosmodrome_is_no_other_story(
    detect: Detect, title: str, summary: str, lang: str
) -> None:
    """The cosmodrome's name tells where the launch goes, as "orbit" does: the passenger's state launches nothing."""
    assert launch(detect(title, summary, lang=lang, published=None)) == ("held", ("RUS",))


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Le Japon lance sa fusée H3 depuis Tanegashima", "fr"),
        ("Japan's H3 rocket lifts off from Tanegashima", "en"),
    ],
)
def test_a_third_states_own_rocket_stays_its_story(detect: Detect, title: str, lang: str) -> None:
    """Guard: no carrier before the rocket, no watched launcher."""
    assert launch(detect(title, "", lang=lang, published="2025-03-14")) == (None, ())


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Roscosmos réussit un essai de mise à feu de la fusée Angara sur son pas de tir", "fr"),
        ("Russia performs static fire of its new Soyuz-5 rocket at Baikonur", "en"),
        ("Russia completes first hot-fire test of Soyuz-5 rocket on its pad", "en"),
        ("Воткинский завод выпустил первую серийную ракету «Ярс»", "ru"),
        ("Завод выпустил серийную ракету «Сармат» для РВСН", "ru"),
    ],
)
def test_a_ground_firing_or_a_factorys_output_launches_nothing(detect: Detect, title: str, lang: str) -> None:
    """A rocket held down on its pad, a missile rolled out of the factory: no launch."""
    assert launch(detect(title, "", lang=lang, published="2025-03-14")) == (None, ())


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Sarmat missile enters combat duty", "The defence ministry said the missiles were put on alert.", "en"),
        ("New Yars missiles put on alert duty in Siberia", "Strategic Missile Forces took them on this week.", "en"),
        (
            "Le missile Sarmat mis en service dans l'armée russe",
            "Le ministère de la Défense a annoncé que les missiles avaient été placés en alerte de combat.",
            "fr",
        ),
    ],
)
def test_a_missile_put_on_duty_or_into_service_launches_nothing(
    detect: Detect, title: str, summary: str, lang: str
) -> None:
    """A missile made ready, on duty or in service, flies nowhere (round 29, found by probing)."""
    assert launch(detect(title, summary, lang=lang, published="2025-03-14")) == (None, ())


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("La Russie a tiré un missile Sarmat depuis Plessetsk", "fr"),
        ("La Russie tire une fusée Soyouz-5 depuis son pas de tir de Baïkonour", "fr"),
        ("Russia test-fires Sarmat missile from Plesetsk", "en"),
        ("Россия выпустила по Харькову две ракеты «Искандер»", "ru"),
    ],
)
def test_a_missile_fired_from_its_pad_is_still_held(detect: Detect, title: str, lang: str) -> None:
    """Guards: a launch from a pad, a missile «выпустила по» a city."""
    assert launch(detect(title, "", lang=lang, published="2025-03-14")) == ("held", ("RUS",))


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "North Korea marks five years since its first ICBM launch",
            "North Korea marks five years since its first ICBM launch.",
            "en",
        ),
        (
            "В КНДР отметили пятилетие запуска спутника",
            "ПХЕНЬЯН, 3 мар — РИА Новости. Газета «Нодон синмун» посвятила передовицу пятой годовщине вывода на "
            "орбиту спутника «Кванмёнсон».",
            "ru",
        ),
    ],
)
def test_an_anniversary_of_a_launch_is_no_launch(detect: Detect, title: str, summary: str, lang: str) -> None:
    """A round number of years since the deed ("five years since", «пятилетие запуска») recalls it."""
    assert launch(detect(title, summary, lang=lang, published=None)) == (None, ())


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("За последнее десятилетие КНДР провела десятки пусков ракет", "ru"),
        ("North Korea launches first satellite in years since the 2016 test", "en"),
    ],
)
def test_a_decade_as_a_span_keeps_the_launch(detect: Detect, title: str, lang: str) -> None:
    """Guards: «за последнее десятилетие» is a span, not an anniversary; "in years since the test" too."""
    assert launch(detect(title, "", lang=lang, published="2025-03-03")) == ("held", ("PRK",))


def test_a_datelines_capital_is_no_party(detect: Detect) -> None:
    """«МОСКВА. 3 марта. ИНТЕРФАКС -» says where the agency writes: North Korea's launch ahead is no arms transfer."""
    found = detect(
        "КНДР готовит пуск крылатой ракеты малой дальности",
        "МОСКВА. 3 марта. ИНТЕРФАКС - Северная Корея готовится к пуску крылатой ракеты малой дальности, сообщили "
        "южнокорейские военные.",
        lang="ru",
        published="2025-03-03",
    )
    assert told(found, "arms_transfer") == (None, None, None)
    assert launch(found) == ("announced", ("PRK",))


def test_a_party_named_after_the_dateline_still_counts(detect: Detect) -> None:
    """Guard: Russia named in the lead's own clause is a party of the transfer."""
    found = detect(
        "КНДР передала партию ракет",
        "МОСКВА. 3 марта. ИНТЕРФАКС - КНДР передала России партию баллистических ракет, сообщили в Сеуле.",
        lang="ru",
        published="2025-03-03",
    )
    assert told(found, "arms_transfer")[1:] == ("PRK", "RUS")


@pytest.mark.parametrize(
    "summary",
    [
        "По словам главы области, удар по городу российские военные нанесли тремя ракетами KN-23 северокорейского "
        "производства.",
        "По словам главы области, российские военные нанесли удар по городу тремя ракетами KN-23 северокорейского "
        "производства.",
    ],
)
def test_the_subject_after_a_fronted_strike_fired_the_makers_missiles(detect: Detect, summary: str) -> None:
    """«удар … российские военные нанесли»: the subject after the fronted strike is the firer (the second: a guard)."""
    found = detect("Промзону города атаковали северокорейскими ракетами", summary, lang="ru", published="2025-03-05")
    assert launch(found) == ("held", ("RUS",))
    assert told(found, "arms_transfer") == ("reported", "PRK", "RUS")
