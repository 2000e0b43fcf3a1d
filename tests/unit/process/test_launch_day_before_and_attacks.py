"""A launch of the day before told by the same story, and attacks with missiles (launch16).

"…, au lendemain d'un tir de missile": a lapse of a day or less introduces a launch the clause around it
tells again (the launcher's claim about its test) — that launch is news; a third state's reaction or
drills a day after a launch tell another story, and a longer lapse still makes the launch past. A state
that attacks a place with missiles fired them ("Russia attacked Ukraine with missiles", «ракетная атака»)."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("summary", "lang"),
    [
        (
            "La Corée du Nord a assuré vendredi avoir testé avec succès un nouveau système de rentrée "
            "atmosphérique, au lendemain d'un tir de missile repéré par les garde-côtes japonais.",
            "fr",
        ),
        (
            "Pyongyang said on Friday it had successfully tested a new atmospheric re-entry system for its "
            "warheads, a day after a missile launch tracked by Japan's coast guard.",
            "en",
        ),
    ],
)
def test_a_launch_of_the_day_before_that_the_clause_tells_again_is_news(detect_rules, summary, lang):
    title = {"fr": "Pyongyang revendique une percée technique", "en": "Pyongyang claims a technical breakthrough"}
    assert launch(detect_rules(title[lang], summary, lang=lang, published="2025-03-14")) == ("held", ("PRK",))


@pytest.mark.parametrize(
    ("summary", "lang"),
    [
        (
            "Les chasseurs sud-coréens et japonais ont mené vendredi un exercice conjoint, au lendemain d'un tir "
            "de missile par la Corée du Nord.",
            "fr",
        ),
        (
            "South Korean and Japanese jets staged a joint exercise on Friday, a day after North Korea fired a "
            "missile into the sea.",
            "en",
        ),
        (
            "Pyongyang said on Friday it had successfully tested a new re-entry system for its warheads, a year "
            "after a missile launch tracked by Japan's coast guard.",
            "en",
        ),
    ],
)
def test_a_launch_before_another_story_or_a_longer_lapse_stays_past(detect_rules, summary, lang):
    title = {"fr": "Exercice aérien en mer de l'Est", "en": "Air drill over the East Sea"}
    assert launch(detect_rules(title[lang], summary, lang=lang, published="2025-03-14")) == (None, ())


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russia attacked Odesa with 12 missiles overnight, air force says", "en"),
        ("Russian missile attack on Lviv leaves three dead", "en"),
        ("La Russie a attaqué Odessa avec douze missiles dans la nuit", "fr"),
        ("Ночью Россия атаковала Одессу двенадцатью ракетами", "ru"),
        ("Массированная ракетная атака России на Львов", "ru"),
        # a Ukrainian source in an aside between the subject and its deed
        ("Российские войска, по данным Киева, применили против Одессы северокорейские ракеты", "ru"),
    ],
)
def test_an_attack_with_missiles_is_their_launch(detect_rules, title, lang):
    assert launch(detect_rules(title, "", lang=lang, published="2025-03-14")) == ("held", ("RUS",))


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Ukraine attacked Bryansk with ATACMS missiles, Russia says", "en"),
        ("North Korea warns of missile attack if drills go ahead", "en"),
        ("Overnight missile attack on the Moscow region damages a depot", "en"),
        ("ВСУ атаковали Белгородскую область ракетами, сообщили в Минобороны России", "ru"),
        ("Ракетная атака на Москву отражена, сообщили в Минобороны", "ru"),
        ("Moscou affirme avoir repoussé une attaque de missiles contre Belgorod", "fr"),
    ],
)
def test_another_states_attack_its_target_or_a_threat_is_no_launch(detect_rules, title, lang):
    assert launch(detect_rules(title, "", lang=lang, published="2025-03-14")) == (None, ())
