"""Round 11 (frtl11): French troop deployments and missile launches in wire prose — a party mourning,
congratulating or decorating its soldiers confirms their deployment, the reporting conditional of
être-verbs and pronominal verbs tells a past deed, a launch prepared in any form of « préparer » is
still ahead, and a rocket made to take off was launched."""

from __future__ import annotations

import pytest

from tests.unit.process.test_launch_troop_families import launch
from tests.unit.process.test_troop_acknowledgements import troops


@pytest.mark.parametrize(
    "title",
    [
        "Kim Jong-un se recueille devant les cercueils des militaires tombés en Russie",
        "Le dirigeant nord-coréen a rendu un vibrant hommage aux soldats morts dans la région de Koursk",
        "Kim Jong-un félicite les sapeurs rentrés de Russie pour leur bravoure",
        "Kim Jong-un a décerné des médailles à titre posthume aux soldats tués en Russie",
    ],
)
def test_a_party_mourning_or_decorating_its_soldiers_confirms_the_deployment(detect, title):
    assert troops(detect(title, lang="fr", published="2025-09-01")) == (("PRK", "RUS"), "confirmed", "PRK", "RUS")


def test_a_third_state_honouring_its_own_soldiers_is_no_deployment(detect):
    title = "Zelensky rend un dernier hommage aux soldats ukrainiens morts près de Pokrovsk"
    assert troops(detect(title, lang="fr", published="2025-09-01")) is None


@pytest.mark.parametrize(
    "title",
    [
        "Plusieurs milliers de soldats nord-coréens seraient arrivés dans la région de Koursk, selon Kiev",
        "Des militaires nord-coréens se seraient entraînés sur un polygone de l'Extrême-Orient russe, selon Séoul",
    ],
)
def test_the_reporting_conditional_of_etre_verbs_tells_a_past_deployment(detect, title):
    assert troops(detect(title, lang="fr", published="2025-09-01")) == (("PRK", "RUS"), "reported", "PRK", "RUS")


def test_a_conditional_passive_with_a_date_ahead_stays_a_plan(detect):
    title = "Des renforts nord-coréens seraient envoyés en Russie le mois prochain, selon Séoul"
    assert troops(detect(title, lang="fr", published="2025-09-01"))[1] == "announced"


@pytest.mark.parametrize(
    "title",
    [
        "Pyongyang préparerait un essai de missile intercontinental, selon des députés sud-coréens",
        "La Corée du Nord se préparait à tirer un satellite espion, affirme Tokyo",
    ],
)
def test_any_form_of_preparing_a_launch_announces_it(detect, title):
    assert launch(detect(title, lang="fr", published="2025-09-01")) == (("PRK",), "announced")


def test_a_rocket_made_to_take_off_was_launched(detect):
    title = "La Corée du Nord a fait décoller une fusée porteuse depuis son site de Sohae"
    assert launch(detect(title, lang="fr", published="2025-09-01")) == (("PRK",), "held")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("En 2019, la Corée du Nord avait tiré un missile balistique depuis un sous-marin", "fr"),
        ("In March 2020, North Korea fired two short-range missiles into the sea", "en"),
    ],
)
def test_an_opening_adverbial_with_an_old_year_dates_the_launch(detect, title, lang):
    assert launch(detect(title, lang=lang, published="2025-09-01")) is None


def test_an_opening_adverbial_with_the_articles_year_is_the_news(detect):
    title = "En 2025, la Corée du Nord a tiré un nouveau missile hypersonique"
    assert launch(detect(title, lang="fr", published="2025-09-01")) == (("PRK",), "held")


def test_a_contingent_being_trained_somewhere_in_russia_is_there_in_french(detect_rules):
    detection = detect_rules(
        "Pyongyang aide Moscou",
        "Selon Kiev, un bataillon nord-coréen en cours de formation près de Vladivostok doit ensuite gagner le front.",
        lang="fr",
        published="2024-10-25",
    )
    assert troops(detection) == (("PRK", "RUS"), "reported", "PRK", "RUS")


def test_a_speaker_estimating_speaks_through_the_previous_speaker_in_french(detect_rules):
    detection = detect_rules(
        "Des artilleurs nord-coréens aident l'armée russe, affirme un général ukrainien",
        "Les obus livrés par Pyongyang sont tirés avec l'aide de servants nord-coréens, affirme le général. "
        "Il estime que la Corée du Nord a livré des millions d'obus. Selon lui, un contingent nord-coréen "
        "en cours de formation dans la région de l'Amour compte 800 officiers.",
        lang="fr",
        published="2024-10-25",
    )
    assert troops(detection)[1] == "reported"
