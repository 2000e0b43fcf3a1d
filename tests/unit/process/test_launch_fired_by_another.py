"""Launches of another state's missiles and strikes told as nouns (launch14).

The convention: a state named as the firer of another state's missiles (the subject of the deed,
its agent "by"/"par"/an instrumental, said by anyone) launched them, and the maker supplied them
(an arms transfer maker → firer); the maker is never the launcher, and a report that names no
firer ("a North Korean missile hit Kyiv") is only the arms transfer. Strikes told as nouns or with
their origin as an adjective ("frappes russes", "ракетный удар", "La Russie frappe X avec…") fire
the missiles they name; a participle that qualifies the weapon in a report about its accuracy does
not."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


def transfer(detection) -> tuple[str | None, str | None, str | None]:
    """The stage, giver and receiver of the Russia–DPRK arms transfer in ``detection``."""
    event = next((e for e in detection.events if e.type == "arms_transfer"), None)
    return (event.stage, event.from_, event.to) if event else (None, None, None)


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Russia launched North Korean ballistic missiles at Kherson overnight", "", "en"),
        ("Russian troops fired missiles made in North Korea at Mykolaiv, officials say", "", "en"),
        ("Moscou a tiré des missiles balistiques nord-coréens sur Kherson", "", "fr"),
        ("L'armée russe a utilisé contre Mykolaïv des missiles fabriqués en Corée du Nord", "", "fr"),
        ("Российская армия выпустила по Херсону северокорейские баллистические ракеты", "", "ru"),
        ("Россия ударила по Николаеву ракетами, полученными от КНДР", "", "ru"),
        ("Russia hits Kherson with North Korean missiles", "", "en"),
        # the subject before an aside between commas, the maker named by a participle
        ("Российские войска, по данным ВСУ, использовали против Херсона северокорейские ракеты", "", "ru"),
        (
            "Ночной удар по Херсону",
            "Российская армия ночью нанесла удар по Херсону ракетами, произведенными в КНДР.",
            "ru",
        ),
    ],
)
def test_a_named_firer_of_another_states_missiles_launched_them(detect, title, summary, lang):
    detection = detect(title, summary, lang=lang)
    assert launch(detection) == ("held", ("RUS",))
    assert transfer(detection) == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        # the agent of a passive predicate
        (
            "Investigators examine missile fragments in Mykolaiv",
            "Prosecutors said the KN-24 was launched by Russian forces from the Belgorod region.",
            "en",
        ),
        (
            "Des fragments de missile analysés à Kherson",
            "Selon le parquet, le KN-24 a été lancé par l'armée russe depuis la région de Belgorod.",
            "fr",
        ),
        (
            "В Херсоне изучают обломки ракеты",
            "По данным прокуратуры, ракеты KN-24 были выпущены российскими войсками из Белгородской области.",
            "ru",
        ),
        # the weapon of a strike told before it, fired by a named state
        ("Kherson struck by a North Korean missile fired by Russia", "", "en"),
        ("Mykolaïv frappée par un missile nord-coréen tiré par la Russie", "", "fr"),
    ],
)
def test_the_agent_of_a_firing_deed_launched_the_missile(detect, title, summary, lang):
    assert launch(detect(title, summary, lang=lang)) == ("held", ("RUS",))


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("North Korean missile slams into Kherson shopping centre", "", "en"),
        ("Un missile nord-coréen touche un centre commercial de Kherson", "", "fr"),
        ("По Херсону ударили ракетой северокорейского производства", "", "ru"),
    ],
)
def test_a_missile_with_no_named_firer_is_no_launch_by_its_maker(detect, title, summary, lang):
    assert launch(detect(title, summary, lang=lang)) == (None, ())


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("North Korean missiles fired by Russia are growing less reliable, analysts find", "", "en"),
        ("Les missiles nord-coréens lancés par la Russie restent imprécis, selon des experts", "", "fr"),
        ("Северокорейские ракеты, выпущенные Россией, стали точнее", "", "ru"),
    ],
)
def test_a_participle_that_qualifies_the_weapon_reports_no_launch(detect, title, summary, lang):
    assert launch(detect(title, summary, lang=lang)) == (None, ())


def test_a_recipient_of_the_weapons_is_not_their_maker(detect):
    detection = detect("Пхеньян готовит для России новые ракеты малой дальности", "", lang="ru")
    assert launch(detection) == (None, ())


def test_a_watched_firer_of_a_third_states_missiles_launched_them(detect):
    assert launch(detect("Russia fired Iranian ballistic missiles at Kherson, Kyiv says", "")) == ("held", ("RUS",))


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Frappes russes nocturnes sur Kherson : missiles balistiques et drones", "", "fr"),
        ("La Russie frappe Kherson avec des missiles de croisière", "", "fr"),
        ("Российский ракетный удар по Херсону", "", "ru"),
        ("Россия ударила по Херсону крылатыми ракетами", "", "ru"),
    ],
)
def test_a_strike_told_as_a_noun_or_with_its_origin_fired_the_missiles(detect, title, summary, lang):
    assert launch(detect(title, summary, lang=lang)) == ("held", ("RUS",))


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Frappes ukrainiennes sur Belgorod : missiles et drones", "", "fr"),
        ("L'Ukraine frappe une base russe en Crimée avec des missiles Neptune", "", "fr"),
        ("Украинский ракетный удар по Белгороду", "", "ru"),
        ("Il y a un an, les frappes russes sur Kherson : missiles et drones", "", "fr"),
    ],
)
def test_strikes_by_other_states_and_anniversaries_stay_no_launch(detect, title, summary, lang):
    assert launch(detect(title, summary, lang=lang)) == (None, ())


def test_a_front_placed_in_the_headline_does_not_make_the_body_a_reaction(detect):
    detection = detect(
        "North Korean missile debris recovered in Kherson",
        "Investigators said the KN-24 was fired by Russian troops.",
    )
    assert launch(detection) == ("held", ("RUS",))
