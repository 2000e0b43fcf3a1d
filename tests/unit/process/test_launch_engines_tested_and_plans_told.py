"""Engines tested for a missile, and launch plans told by a firing plan, a conditional lift-off or a scheduled
noun phrase (launch26, round 26).

- A test whose object is an engine (`engine` cue at most `ENGINE_GAP` words after it) meant for a missile (a
  purpose word between them) fires no missile: "tests solid-fuel engine for new ICBM", «испытали двигатель для
  МБР»; a headline that tests an engine gives the backstop no launch either.
- « un plan de tir » is a plan (fr `announced` cue), as «план пуска» already was.
- « la sonde décollerait le 11 août »: the conditional of a lift-off verb, read as an imperfect by the tagger, is
  a French `future_forms` entry.
- «Запуск грузового корабля … с космодрома … запланирован на 3 июля»: the modifiers of a deed told as a noun are
  no distance to the plan after it (`modality.pending_action`)."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "North Korea tests a high-thrust engine for its new missile",
            "Kim Jong Un watched the test at the Sohae site, KCNA said.",
            "en",
        ),
        (
            "Pyongyang a testé un nouveau moteur pour son missile intercontinental",
            "Kim Jong-un a supervisé l'essai à Sohae, selon KCNA.",
            "fr",
        ),
        (
            "В КНДР испытали новый двигатель для межконтинентальной ракеты",
            "За испытанием на полигоне Сохэ наблюдал Ким Чен Ын, сообщило ЦТАК.",
            "ru",
        ),
    ],
)
def test_an_engine_tested_for_a_missile_launches_nothing(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang, published="2025-03-12")) == (None, ())


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "La Corée du Nord teste un nouveau moteur de grande puissance",
            "Kim Jong-un a supervisé l'essai à Sohae, selon KCNA, qui évoque un futur missile stratégique.",
            "fr",
        ),
        (
            "North Korea tests a new high-thrust engine",
            "Kim Jong Un watched the test at the Sohae site, KCNA said, hailing a step for a future strategic missile.",
            "en",
        ),
    ],
)
def test_a_headline_that_tests_an_engine_gives_the_backstop_no_launch(detect, title, summary, lang):
    assert launch(detect(title, summary, lang=lang, published="2025-03-12")) == (None, ())


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "North Korea test-fires new ICBM with solid-fuel engine",
            "The missile flew 1,000 km before falling into the sea, Japan said.",
            "en",
        ),
        ("КНДР испытала новую МБР с твердотопливным двигателем", "Ракета пролетела 1000 км, сообщило ЦТАК.", "ru"),
        (
            "La Corée du Nord teste un missile doté d'un nouveau moteur",
            "Le missile a volé 1 000 km, selon l'état-major sud-coréen.",
            "fr",
        ),
        (
            "Russia struck an engine plant in Zaporizhzhia with cruise missiles",
            "The strike killed two workers, Ukrainian officials said.",
            "en",
        ),
        (
            "La Russie a frappé une usine de moteurs à Zaporijia avec des missiles de croisière",
            "Deux ouvriers ont été tués, selon les autorités ukrainiennes.",
            "fr",
        ),
    ],
)
def test_a_missile_tested_with_its_engine_or_fired_at_an_engine_plant_is_launched(detect_rules, title, summary, lang):
    assert launch(detect_rules(title, summary, lang=lang, published="2025-03-12"))[0] == "held"


def test_a_firing_plan_is_a_plan(detect_rules):
    title = "Pyongyang présente un plan de tir de trois missiles vers la mer du Japon"
    summary = "L'état-major nord-coréen dit que le plan sera soumis à Kim Jong-un, selon KCNA."
    assert launch(detect_rules(title, summary, lang="fr", published="2025-03-12")) == ("announced", ("PRK",))


def test_a_firing_level_named_by_plan_keeps_the_deed(detect_rules):
    title = "La Corée du Nord a tiré un missile, une avancée sur le plan militaire"
    summary = "Le missile a volé 1 000 km, selon l'état-major sud-coréen."
    assert launch(detect_rules(title, summary, lang="fr", published="2025-03-12")) == ("held", ("PRK",))


def test_a_lift_off_in_the_conditional_is_a_plan(detect):
    title = "Roscosmos annonce le départ d'une sonde vers Vénus"
    summary = (
        "L'agence spatiale russe Roscosmos a indiqué que la sonde Venera-D décollerait en 2031 du cosmodrome de "
        "Vostotchny, à bord d'une fusée Angara-A5."
    )
    assert launch(detect(title, summary, lang="fr", published="2025-06-01")) == ("announced", ("RUS",))


def test_a_scheduled_launch_noun_with_modifiers_is_a_plan(detect):
    title = "Роскосмос назначил старт научного модуля на 14 октября"
    summary = (
        "Запуск нового научного модуля «Бион-М» с космодрома Байконур запланирован на 14 октября, сообщили в "
        "Роскосмосе. Модуль доставит на орбиту биологические образцы."
    )
    assert launch(detect(title, summary, lang="ru", published="2025-09-20")) == ("announced", ("RUS",))
