"""North Korea's launch sites name it (Sohae, Tongchang-ri, Musudan-ri) and a launch site is a place, not a
launch; the heads of Russia's other institutions name it by their surname (the central bank's governor, the
finance minister, Moscow's mayor, the heads of the security services, the UN envoy); a place qualified by
another state's adjective is that state's namesake ("в американской Москве", "la Moscou américaine") when
nothing else in the item names the watched state."""

from __future__ import annotations

import pytest


def _ids(detection) -> list[str]:
    return sorted({e.id for e in detection.entities})


def _launches(detection) -> list:
    return [e for e in detection.events if e.type == "missile_launch"]


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("en", "Crews pour new concrete at Sohae", "A second pad is taking shape on the coast, imagery shows."),
        ("fr", "Des grues repérées à Tongchang-ri", "Le chantier a repris au printemps, selon des analystes."),
        ("ru", "На космодроме Сохэ достроили новый ангар", "Стройка шла всю зиму."),
        ("en", "Old gantry torn down at Musudan-ri", "The tower had stood unused for years."),
    ],
)
def test_a_launch_site_of_north_korea_names_it(detect, lang, title, summary):
    assert _ids(detect(title, summary, lang=lang)) == ["PRK"]


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Satellite photos show a wider road to the Sohae launch site", "Trucks were parked near the pad."),
        ("New fuel tanks seen at the Sohae Satellite Launching Station", "Analysts counted four of them."),
    ],
)
def test_work_at_a_launch_site_launches_nothing(detect, title, summary):
    assert _launches(detect(title, summary)) == []


def test_a_launch_said_to_be_near_is_a_plan(detect):
    launches = _launches(
        detect("Rocket launch appears near at Sohae", "Fuelling trucks gathered by the pad on Monday.")
    )
    assert [(e.actors, e.stage) for e in launches] == [(("PRK",), "announced")]


def test_a_launch_from_a_launch_site_is_still_a_launch(detect):
    launches = _launches(detect("North Korea fires a rocket from the Sohae launch site", "It flew for ten minutes."))
    assert [(e.actors, e.stage) for e in launches] == [(("PRK",), "held")]


@pytest.mark.parametrize(
    ("lang", "title", "summary", "published"),
    [
        ("en", "Nabiullina keeps the key rate on hold", "The governor said prices were still rising.", "2024-09-13"),
        (
            "fr",
            "Nabioullina écarte une baisse rapide des taux",
            "La gouverneure juge l'inflation tenace.",
            "2024-09-13",
        ),
        ("ru", "Набиуллина допустила паузу в снижении ставки", "Решение примут в июле.", "2025-06-10"),
        (
            "en",
            "Siluanov proposes a higher tax on bank profits",
            "The draft goes to the cabinet next week.",
            "2024-05-20",
        ),
        ("ru", "Собянин открыл новую станцию метро", "Пассажиры смогут пользоваться ею с утра.", "2024-03-01"),
        ("en", "Nebenzia blocks a draft statement", "The envoy said the text was one-sided.", "2024-03-28"),
    ],
)
def test_a_head_of_a_russian_institution_names_russia(detect, lang, title, summary, published):
    assert _ids(detect(title, summary, lang=lang, published=published)) == ["RUS"]


def test_an_official_out_of_office_names_nothing(detect):
    assert _ids(detect("Nabiullina joins a commercial bank", "She was its deputy head.", published="2005-03-01")) == []


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("ru", "В американской Москве построили новый стадион", "Городской совет утвердил смету в марте."),
        ("en", "The American Moscow gets a new library", "The small town raised the funds itself."),
        ("fr", "La Moscou américaine inaugure un musée", "La petite ville vit de l'université."),
    ],
)
def test_a_place_qualified_by_another_states_adjective_is_its_namesake(detect, lang, title, summary):
    assert "RUS" not in _ids(detect(title, summary, lang=lang))


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        # the state is named otherwise: the foreign word qualifies someone else in Moscow
        ("ru", "В Москве американские дипломаты встретились с российскими коллегами", "Встреча длилась час."),
        ("en", "US Moscow embassy warns citizens to leave Russia", "The notice cites the risk of detention."),
        ("en", "Washington-Moscow hotline tested", "The link dates from 1963."),
        ("ru", "Американский журналист задержан в Москве", "Его обвиняют в шпионаже."),
        ("fr", "Un journaliste américain arrêté à Moscou", "Il est accusé d'espionnage."),
    ],
)
def test_moscow_beside_a_foreign_word_is_still_russia(detect, lang, title, summary):
    assert "RUS" in _ids(detect(title, summary, lang=lang))
