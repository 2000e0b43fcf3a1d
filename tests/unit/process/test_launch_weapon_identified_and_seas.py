"""A fired weapon identified after the deed, a time phrase after the firer, and seas named after a
country (launchrec22).

"Russian forces fired three missiles, which experts identified as North Korean KN-23s": the state named
on the weapon told again after the deed is its maker, the subject of the deed fired it. Prepositions of
a time phrase between the firer and its deed do not count against the subject's reach («российские
войска в ночь на среду выпустили»). "The Sea of Japan" is where missiles fall, not Japan: a headline
naming it tells no third state's story."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Удар по Харькову",
            "Российские войска во вторник выпустили по Харькову три ракеты, которые специалисты опознали как "
            "северокорейские KN-23.",
            "ru",
        ),
        (
            "Frappe sur Kharkiv",
            "Les forces russes ont tiré mardi sur Kharkiv trois missiles, que les enquêteurs ont identifiés comme "
            "des KN-23 nord-coréens.",
            "fr",
        ),
        (
            "Удар по Одессе",
            "Российские войска в ночь на среду выпустили по Одессе две ракеты производства КНДР.",
            "ru",
        ),
    ],
)
def test_the_firer_of_a_weapon_identified_or_made_elsewhere_launched_it(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang)) == ("held", ("RUS",))


@pytest.mark.parametrize(
    "summary",
    [
        # no firer: the maker's weapon found is an arms transfer, no launch
        "Эксперты опознали обломки ракет, упавших в Харькове, как северокорейские KN-23.",
        # a state after the deed that names no weapon is not its maker
        "Российские войска выпустили по Харькову три ракеты, о которых КНДР ничего не сообщила.",
    ],
)
def test_a_maker_without_firer_or_a_state_on_no_weapon_is_no_launch(detect_rules, summary):
    assert launch(detect_rules("Удар по Харькову", summary, lang="ru")) == (None, ())


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Две ракеты упали в Японское море из района Хамхына",
            "КНДР утром в среду произвела пуск двух баллистических ракет.",
            "ru",
        ),
        (
            "Two missiles fall into Sea of Japan from the Hamhung area",
            "North Korea fired two ballistic missiles on Wednesday morning.",
            "en",
        ),
    ],
)
def test_a_sea_named_after_a_country_tells_no_third_state_story(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang)) == ("held", ("PRK",))


def test_japan_firing_in_the_sea_of_japan_is_still_japan(detect_rules):
    title, summary = "Япония провела стрельбы в Японском море", "Силы самообороны Японии выпустили ракету по мишени."
    assert launch(detect_rules(title, summary, lang="ru")) == (None, ())
