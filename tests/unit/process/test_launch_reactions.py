"""A third country's reaction to the launch a headline names leaves the launch the item's news (launch19).

"Tokyo denounces North Korea's cruise missile launch", « L'Allemagne condamne le tir d'un missile russe »,
«Сеул осудил пуск ракеты КНДР»: the reacting country opens the headline, but its reaction cue is
followed by a watched state and a launch trigger, so the body's account of the launch is held. A third
country's own story in the body (its drills, its sanctions, its own missiles) names no watched launcher."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "summary", "lang", "launcher"),
    [
        (
            "Tokyo denounces North Korea's latest cruise missile launch",
            "North Korea fired several cruise missiles over the Yellow Sea early on Saturday, the South Korean "
            "military said, the third such test this month.",
            "en",
            "PRK",
        ),
        (
            "L'Allemagne condamne l'essai d'un missile hypersonique russe",
            "La Russie a testé mardi un missile hypersonique depuis une frégate en mer de Barents, a annoncé "
            "le ministère russe de la Défense.",
            "fr",
            "RUS",
        ),
        (
            "Сеул осудил пуск баллистической ракеты КНДР",
            "КНДР в понедельник запустила баллистическую ракету малой дальности в сторону Жёлтого моря, "
            "сообщили в Объединённом комитете начальников штабов.",
            "ru",
            "PRK",
        ),
    ],
)
def test_a_reaction_to_the_headline_launch_keeps_the_body_launch(detect_rules, title, summary, lang, launcher):
    assert launch(detect_rules(title, summary, lang=lang, published="2025-03-10")) == ("held", (launcher,))


def test_a_third_country_own_story_after_its_reaction_is_no_launch(detect_rules):
    title = "Tokyo protests North Korean missile overflight, sends destroyer to the region"
    summary = "The Japanese destroyer Kongo sailed for the Sea of Japan on Monday, the defence ministry said."
    assert launch(detect_rules(title, summary, lang="en", published="2025-03-10")) == (None, ())
