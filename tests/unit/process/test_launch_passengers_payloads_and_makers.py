"""Space launches told with another state's passenger or payload, and weapons told with their maker
(launchE).

A passenger's or payload's state that a headline names before a watched state's rocket ("rides on a
Russian rocket to orbit", « à bord d'une fusée russe », «на российской ракете») is no launcher and does not
make the item its story; what a launch vehicle carries ("a Soyuz rocket carrying …") is an aside, no
distance between the rocket and its lift-off; and a state named only on a weapon the item finds it
supplying to a watched state that fires it made the weapon, it did not fire it."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Белорусская космонавтка отправилась в космос на борту российского корабля «Союз МС-25»",
            "Ракета «Союз-2.1а» стартовала в субботу с Байконура.",
            "ru",
        ),
        (
            "Египетский спутник связи отправился на орбиту на российской ракете",
            "Ракета-носитель «Союз-2.1б» стартовала в четверг с космодрома Плесецк, сообщили в Роскосмосе.",
            "ru",
        ),
    ],
)
def test_a_passengers_or_payloads_state_before_a_russian_rocket_is_no_other_story(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang, published="2025-03-14")) == ("held", ("RUS",))


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Crew of four heads for the orbiting laboratory",
            "A Soyuz rocket carrying a Japanese astronaut, two Russian cosmonauts and their flight engineer "
            "from the reserve team blasted off from Baikonur on Thursday.",
            "en",
        ),
        (
            "Quatre hommes en route vers la station",
            "Une fusée Soyouz transportant deux cosmonautes, un astronaute japonais et leur ingénieur de vol "
            "de l'équipe de réserve s'est élancée jeudi depuis Baïkonour.",
            "fr",
        ),
    ],
)
def test_what_a_rocket_carries_is_no_distance_to_its_lift_off(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang, published="2025-03-14")) == ("held", ("RUS",))


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Удар по Одессе: в ВСУ указали на северокорейскую ракету",
            "В ВСУ заявили, что по порту была выпущена ракета KN-23 северокорейского производства. Всего за "
            "ночь Россия применила 40 ракет и дронов, сообщили в Воздушных силах.",
            "ru",
        ),
    ],
)
def test_a_supplied_weapons_maker_named_on_it_did_not_fire_it(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang, published="2025-03-14")) == ("held", ("RUS",))
