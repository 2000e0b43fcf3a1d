"""Launches as the French press reports them (launch13): a country that reports a launch in the headline
(« Séoul signale », « Tokyo fait état ») is its source, not its story; a weapon used in a strike was
fired; the verb inside a compound noun (« lance-roquettes ») launches nothing; a small local unit next
to a place name makes it another place."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


def types(detection) -> set[str]:
    return {e.type for e in detection.events}


def ids(detection) -> list[str]:
    return sorted({e.id for e in detection.entities})


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("L'armée japonaise signale un tir de missile nord-coréen au large d'Akita", "", "fr"),
        ("Séoul signale deux tirs de missiles de croisière nord-coréens en mer Jaune", "", "fr"),
        (
            "Séoul fait état d'un nouveau tir nord-coréen, le deuxième de la semaine",
            "La Corée du Nord a tiré samedi un missile balistique vers l'est, a précisé l'armée sud-coréenne.",
            "fr",
        ),
        (
            "North Korea fires a cruise missile, Japan's coast guard says",
            "Pyongyang launched the missile from its west coast early on Sunday.",
            "en",
        ),
        (
            "Япония зафиксировала новый пуск КНДР",
            "КНДР утром запустила баллистическую ракету в сторону Японского моря.",
            "ru",
        ),
    ],
)
def test_a_country_reporting_a_launch_in_the_headline_is_its_source(detect, title, summary, lang):
    assert launch(detect(title, summary, lang=lang)) == ("held", ("PRK",))


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        # the reporting country's own story: the body's launch is a reaction's background
        (
            "Séoul signale son propre essai de missile Hyunmoo",
            "La Corée du Nord avait tiré la semaine dernière un missile balistique.",
            "fr",
        ),
        # a reaction to a launch is still no report of it (dated days before the item's Wednesday: a launch
        # of the day or the day before is the news the reaction answers, launchB23)
        (
            "Tokyo proteste auprès de Pyongyang",
            "La Corée du Nord a tiré samedi un missile balistique au-dessus de l'archipel.",
            "fr",
        ),
    ],
)
def test_a_country_telling_its_own_story_or_reacting_keeps_the_body_context(detect, title, summary, lang):
    assert launch(detect(title, summary, lang=lang)) == (None, ())


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("La Russie a utilisé des missiles Kalibr contre le port de Mykolaïv", "fr"),
        ("L'armée russe a employé des missiles Kinjal lors de la frappe sur Lviv", "fr"),
        ("Moscou a eu recours à des missiles Iskander contre Soumy, selon Kiev", "fr"),
        ("Kiev fait état de l'utilisation par la Russie de missiles Orechnik contre Dnipro", "fr"),
        ("Украина сообщила о применении Россией ракет «Кинжал» по Львову", "ru"),
        ("Россия применяет ракеты «Искандер» против Сум, заявили в Киеве", "ru"),
    ],
)
def test_a_missile_used_in_a_strike_was_fired(detect, title, lang):
    assert launch(detect(title, "", lang=lang)) == ("held", ("RUS",))


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Pyongyang exhibe des lance-roquettes et des missiles tactiques", "Aucune date n'a été donnée."),
        ("Kim Jong Un inspecte une usine de lance-roquettes et de missiles", "Il appelle à produire davantage."),
    ],
)
def test_the_verb_of_a_compound_noun_launches_nothing(detect, title, summary):
    assert launch(detect(title, summary, lang="fr")) == (None, ())


def test_a_rocket_launcher_shown_to_the_other_party_is_no_arms_transfer(detect):
    detection = detect("Kim Jong Un montre à Choïgou une usine de lance-roquettes à Pyongyang", "", lang="fr")
    assert "arms_transfer" not in types(detection)


def test_a_rocket_launcher_fired_is_still_a_launch(detect):
    assert launch(detect("La Corée du Nord a tiré des roquettes avec ses lance-roquettes de 600 mm", "", "fr")) == (
        "held",
        ("PRK",),
    )


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("en", "Moscow township trustees delay the road levy vote", "Residents packed the fire hall."),
        ("en", "A bakery opens in the village of Moscow", "The owners moved from Bangor."),
        ("fr", "La commune de Moscou vote son budget", "Le conseil municipal s'est réuni lundi."),
        ("ru", "В деревне Москва открыли новый фельдшерский пункт", "Его построили за три месяца."),
    ],
)
def test_a_small_local_unit_next_to_a_capital_name_makes_it_another_place(detect, lang, title, summary):
    assert ids(detect(title, summary, lang=lang)) == []


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "Moscow region governor inspects air defences"),
        ("fr", "Moscou et Pyongyang renforcent leurs liens"),
        ("ru", "В Москве прошли переговоры с делегацией КНДР"),
    ],
)
def test_the_capital_keeps_its_state(detect, lang, title):
    assert "RUS" in ids(detect(title, "", lang=lang))
