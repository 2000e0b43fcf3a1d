"""Arms transfers (arms16): a messenger's verb does not orient the weapon's deed; a plan both sides make
is oriented only by a deed of buying or selling; a time phrase names no side; a question answered yes
reports the deed; artillery named as the agent of a firing is no weapon given."""

from __future__ import annotations

from functools import partial

import pytest

from tests.unit.process.conftest import told

arms = partial(told, event_type="arms_transfer")  # (stage, from, to) of the arms transfer


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Moscow sent a team to Pyongyang seeking more rocket launchers", "en"),
        ("La Russie a envoyé une mission en Corée du Nord pour négocier l'achat de roquettes", "fr"),
        ("Россия отправила в КНДР делегацию, чтобы договориться о покупке снарядов", "ru"),
    ],
)
def test_a_messengers_verb_does_not_orient_the_weapons_deed(detect, title, lang):
    assert arms(detect(title, "", lang=lang))[1:] == ("PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Шойгу в Пхеньяне обсуждал поставки снарядов", "ru"),
        ("Lavrov in Pyongyang discussed arms deliveries", "en"),
    ],
)
def test_negotiating_a_supply_says_nothing_of_who_gives(detect, title, lang):
    assert arms(detect(title, "", lang=lang)) == ("announced", None, None)


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Белоусов в Пхеньяне обсуждал покупку ракет", "ru", ("PRK", "RUS")),
        ("North Korean officials in Moscow to negotiate the sale of rockets", "en", ("PRK", "RUS")),
    ],
)
def test_a_deed_of_buying_or_selling_makes_the_negotiator_a_side(detect, title, lang, expected):
    assert arms(detect(title, "", lang=lang))[1:] == expected


def test_a_time_phrase_names_no_side(detect):
    assert arms(detect("Following Lavrov's trip to Pyongyang, Moscow is seeking artillery shells", ""))[1:] == (
        "PRK",
        "RUS",
    )


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Is Pyongyang supplying Moscow with rockets? Investigators say yes", "", "en"),
        ("Вооружает ли Пхеньян Москву? Ответ: да", "КНДР отправила в Россию новые партии снарядов.", "ru"),
    ],
)
def test_a_question_answered_yes_reports_the_deed(detect, title, summary, lang):
    assert arms(detect(title, summary, lang=lang)) == ("reported", "PRK", "RUS")


def test_a_question_left_open_reports_nothing(detect):
    assert (
        arms(
            detect(
                "Вооружает ли Пхеньян Москву?",
                "КНДР отправила в Россию новые партии снарядов, считают эксперты.",
                lang="ru",
            )
        )[0]
        != "reported"
    )


def test_artillery_that_fires_is_no_weapon_given(detect):
    assert arms(
        detect(
            "La plupart des obus tirés par l'artillerie russe près de Pokrovsk seraient nord-coréens",
            "Pyongyang aurait livré des millions d'obus à Moscou cet automne.",
            lang="fr",
        )
    )[1:] == ("PRK", "RUS")


def test_the_maker_of_a_negotiated_supply_gives_it(detect):
    assert arms(detect("Москва и Пхеньян договорились о передаче российских систем ПВО", "", lang="ru")) == (
        "announced",
        "RUS",
        "PRK",
    )
