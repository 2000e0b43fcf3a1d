"""Round (16), ru17: a signature put on a text is its signing ("put their signatures on", «поставили
подписи под»); a day, a concert or games that commemorate a launch recall it."""

from __future__ import annotations

from tests.unit.process.conftest import agreement, launch


def test_signatures_put_on_a_treaty_sign_it(detect):
    title = "Moscow and Pyongyang seal defence ties"
    summary = (
        "Russian and North Korean ministers put their signatures on a military cooperation agreement "
        "in Moscow on Tuesday."
    )
    assert agreement(detect(title, summary, published="2025-03-11")) == "signed"


def test_signatures_put_under_a_treaty_in_russian_sign_it(detect):
    title = "Россия и КНДР оформили новый договор"
    summary = "Министры иностранных дел России и КНДР поставили подписи под договором о правовой помощи."
    assert agreement(detect(title, summary, lang="ru", published="2025-03-11")) == "signed"


def test_a_day_that_commemorates_a_launch_is_no_launch(detect):
    title = "Pyongyang holds mass games to commemorate the Hwasong-15 launch"
    summary = "Thousands took part in the games in Kim Il Sung Square, state media said."
    assert launch(detect(title, summary, published="2024-11-29"))[0] is None


def test_a_concert_in_honour_of_a_launch_in_french_is_no_launch(detect):
    title = "Pyongyang organise un concert pour commémorer le lancement du Hwasong-15"
    assert launch(detect(title, lang="fr", published="2024-11-29"))[0] is None


def test_a_launch_on_the_eve_of_a_holiday_is_still_a_launch(detect):
    title = "North Korea fires a ballistic missile ahead of a national holiday"
    assert launch(detect(title, published="2024-11-29"))[0] == "held"


def test_firings_that_were_planned_in_french_are_a_plan(detect):
    title = "Un croiseur russe quitte Severomorsk pour l'Arctique"
    summary = "Selon la flotte, des tirs d'exercice de Zircon étaient prévus lors de la traversée."
    assert launch(detect(title, summary, lang="fr", published="2025-05-06"))[0] == "announced"
