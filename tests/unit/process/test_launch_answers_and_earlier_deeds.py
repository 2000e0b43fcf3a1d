"""A deed a strike answers ("in retaliation for an attack", « en représailles à une frappe », «в ответ на
удар») is not the strike's own action: it neither plans the strike nor tells it. An action before a
``background_lead`` ("days after", « des semaines après ») is the main clause's own deed, not the deed of the
weapon the lead introduces ("The drill came weeks after Pyongyang launched a missile": old news). The French
imperfect « n'excluait pas de » is the plan « n'exclut pas de » told in reported speech."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch, stage


@pytest.mark.parametrize(
    ("title", "summary", "lang", "expected"),
    [
        ("Kremlin says it fired Kinzhal missiles in retaliation for attacks on Belgorod", "", "en", ("held", ("RUS",))),
        ("Russia hit Odesa with Kalibr missiles in response to strikes on Crimea", "", "en", ("held", ("RUS",))),
        (
            "Nouvelles du front",
            "La Russie a frappé Odessa avec des missiles Kalibr en riposte aux frappes contre la Crimée.",
            "fr",
            ("held", ("RUS",)),
        ),
        # near miss: the plan is still the strike's own
        ("Russia plans to fire Kinzhal missiles in response to strikes on Crimea", "", "en", ("announced", ("RUS",))),
    ],
)
def test_the_deed_a_strike_answers_is_not_its_action(detect_rules, title, summary, lang, expected):
    assert launch(detect_rules(title, summary, lang=lang)) == expected


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Solid-fuel rocket lights up the sky", "The test came weeks after North Korea launched a Hwasong-18.", "en"),
        (
            "Une fusée à propergol solide illumine le ciel",
            "L'essai intervient quelques jours après un tir de missile balistique par la Corée du Nord.",
            "fr",
        ),
    ],
)
def test_a_deed_a_background_lead_introduces_is_old_news(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang))[0] is None


def test_a_deed_before_a_bare_after_is_still_news(detect_rules):
    detection = detect_rules(
        "Nouvelles", "La Corée du Nord a tiré un missile, trois jours après un exercice américain.", lang="fr"
    )
    assert launch(detection) == ("held", ("PRK",))


def test_not_ruling_out_in_reported_speech_is_a_plan(detect_rules):
    detection = detect_rules(
        "Nouvelles",
        "Le président russe a affirmé qu'il n'excluait pas de fournir des armes à la Corée du Nord.",
        lang="fr",
    )
    assert stage(detection, "arms_transfer") == "announced"
