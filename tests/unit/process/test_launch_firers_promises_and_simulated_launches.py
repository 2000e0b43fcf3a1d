"""Firers of another state's weapons under a headline label or its origin, launches promised, simulated launches
(launch26, round 30).

A headline told as a noun phrase (« Un KN-23 parmi les missiles tirés par Moscou sur Kharkiv, selon Kyiv ») has
its participle for predicate: the agent fired the weapon, and the label before its colon (« Ukraine : ») is its
topic, no other state's story. A state named as the weapon's origin («ракетами KN-23 из КНДР») made it; the
state the item finds firing the weapons it supplied launched them. A new launch promised as the verb's object
("promises fresh launch", « promet un nouveau lancement ») is ahead. A launch simulated in a drill ("electronic
launches", « tirs simulés », «электронные пуски») flies nowhere."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from process.extractor import Detection
from tests.unit.process.conftest import launch, told

Detect = Callable[..., Detection]


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Ukraine : deux KN-24 nord-coréens parmi les missiles tirés par la Russie sur Kharkiv, selon Kyiv", "fr"),
        ("Guerre : des missiles nord-coréens tirés par Moscou sur Zaporijjia, selon l'armée de l'air", "fr"),
        ("Украина: северокорейские ракеты KN-23, выпущенные Россией по Запорожью, сообщили в ВСУ", "ru"),
    ],
)
def test_a_participle_with_its_agent_in_a_verbless_headline_fired_the_weapon(
    detect: Detect, title: str, lang: str
) -> None:
    """The noun-phrase headline's participle is its predicate: its agent launched, not the weapon's maker."""
    assert launch(detect(title, "", lang=lang, published="2024-03-12")) == ("held", ("RUS",))


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Les missiles nord-coréens tirés par la Russie deviennent plus précis, selon Kyiv", "fr"),
        ("Северокорейские ракеты, выпущенные Россией, стали точнее, считают в ВСУ", "ru"),
        ("North Korean missiles fired by Russia are growing more accurate, Kyiv says", "en"),
    ],
)
def test_a_participle_under_another_finite_verb_still_weighs_the_weapon(detect: Detect, title: str, lang: str) -> None:
    """Guards: the participle qualifies the subject of a finite verb, a report on the weapon's accuracy."""
    assert launch(detect(title, "", lang=lang, published="2024-03-12")) == (None, ())


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Japon : un missile de croisière japonais testé au large d'Hokkaido", "fr"),
        ("Corée du Sud : un missile Hyunmoo testé en mer Jaune, selon Séoul", "fr"),
    ],
)
def test_a_headline_label_with_no_firer_of_another_states_weapon_stays_its_story(
    detect: Detect, title: str, lang: str
) -> None:
    """Guards: the label before the colon is the launcher's own story where no watched firer is named."""
    assert launch(detect(title, "", lang=lang, published="2024-03-12")) == (None, ())


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Глава Харьковской ОВА: по городу ударили ракетами KN-24 из КНДР",
            "Россия ночью выпустила по Харькову три баллистические ракеты KN-24 северокорейского производства, "
            "сообщил губернатор.",
            "ru",
        ),
        (
            "Kharkiv : la frappe menée avec des missiles KN-23 en provenance de Corée du Nord",
            "La Russie a tiré dans la nuit trois missiles balistiques KN-23 de fabrication nord-coréenne sur la ville, "
            "selon le gouverneur.",
            "fr",
        ),
    ],
)
def test_a_weapons_origin_is_its_maker_when_the_item_names_who_fired_it(
    detect: Detect, title: str, summary: str, lang: str
) -> None:
    """«ракетами KN-24 из КНДР» says where the missiles come from: the state the lead says fired them launched."""
    detection = detect(title, summary, lang=lang, published="2025-01-30")
    assert launch(detection) == ("held", ("RUS",))
    assert told(detection, "arms_transfer") == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Ракета из КНДР упала в Японское море", "ru"),
        ("Ракета, запущенная из КНДР, упала в Японское море", "ru"),
    ],
)
def test_a_weapons_origin_with_no_other_firer_stays_its_launcher(detect: Detect, title: str, lang: str) -> None:
    """Guards: with no firer of its supplies in the item, the one state named launched, as before."""
    assert launch(detect(title, "", lang=lang, published="2025-01-30")) == ("held", ("PRK",))


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("North Korea scolds scientists over failed satellite, promises fresh launch within months", "en"),
        ("North Korea vows another spy satellite launch after last week's failure", "en"),
        ("Kim Jong Un pledged more missile tests, KCNA said", "en"),
        ("Après l'échec, Pyongyang promet un nouveau lancement de satellite espion", "fr"),
        ("La Corée du Nord a promis une nouvelle salve de missiles", "fr"),
    ],
)
def test_a_new_launch_promised_as_the_verbs_object_is_announced(detect: Detect, title: str, lang: str) -> None:
    """The promise of a new launch is the news, the failure before it its occasion."""
    assert launch(detect(title, "", lang=lang, published="2023-06-19")) == ("announced", ("PRK",))


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("North Korea fires ballistic missile despite promises", "en"),
        ("Pyongyang tire un missile balistique, comme il l'avait promis", "fr"),
    ],
)
def test_a_promise_that_objects_no_new_launch_leaves_the_launch_held(detect: Detect, title: str, lang: str) -> None:
    """Guards: a promise told as a noun or as an aside tells no new launch."""
    assert launch(detect(title, "", lang=lang, published="2023-06-19")) == ("held", ("PRK",))


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russian Pacific Fleet crews practise simulated launches of Kalibr missiles", "en"),
        ("Russian Pacific Fleet crews carry out electronic missile launches at mock enemy ships", "en"),
        ("Des équipages russes s'entraînent à des tirs simulés de missiles Kalibr", "fr"),
        ("La flotte russe du Pacifique effectue des tirs électroniques de missiles contre des navires fictifs", "fr"),
        ("Моряки Северного флота провели условные пуски крылатых ракет «Калибр»", "ru"),
        ("Российские расчёты «Искандеров» выполнили электронные пуски ракет по условным целям", "ru"),
    ],
)
def test_a_simulated_or_electronic_launch_is_no_launch(detect: Detect, title: str, lang: str) -> None:
    """A launch simulated in a drill, no missile leaving its launcher, is no launch (as an engine test)."""
    assert launch(detect(title, "", lang=lang, published="2023-03-28")) == (None, ())


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russia's Pacific Fleet fires Kalibr missiles at mock targets in drills", "en"),
        ("La flotte russe du Pacifique tire des missiles Onyx contre des cibles fictives", "fr"),
        ("Российские военные провели пуск ракеты по условной цели", "ru"),
    ],
)
def test_a_real_launch_at_a_mock_target_stays_held(detect: Detect, title: str, lang: str) -> None:
    """Guards: a missile fired at a mock target flew."""
    assert launch(detect(title, "", lang=lang, published="2023-03-28")) == ("held", ("RUS",))
