"""Visits told without a visit verb, and agreements still at the draft stage (agree16).

A trip noun whose own phrase names the traveller and the place ("Putin's visit to Pyongyang", «визита
Шойгу в Пхеньян») tells a trip, whatever a third country does with it; a guest received or a text signed
together in a watched place is a visit; a trip noun after the headline that names no one refers back to the
headline's trip, so with none there it is no one's visit; counted soldiers arriving are no visit. A draft
approved by a government, an announced signing and a decree signed beside a treaty leave the treaty
announced or untouched."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Tokyo criticises Lavrov's trip to Pyongyang", "en"),
        ("Washington critique la visite de Choïgou à Pyongyang", "fr"),
        ("Южная Корея провела учения во время визита Лаврова в Пхеньян", "ru"),
    ],
)
def test_a_trip_phrase_naming_both_parties_is_a_visit_past_a_third_country(detect, title, lang):
    assert stage(detect(title, "", lang=lang, published="2025-07-11"), "visit") == "held"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Shoigu received by Kim Jong Un in Pyongyang", "en"),
        ("Sergueï Choïgou reçu par Kim Jong-un à Pyongyang", "fr"),
        ("Lavrov and North Korean Foreign Minister Choe Son Hui signed a plan of consultations in Moscow", "en"),
        ("Лавров и глава МИД КНДР Чвэ Сон Хи подписали в Москве план консультаций", "ru"),
    ],
)
def test_a_guest_received_or_a_text_signed_in_a_watched_place_is_a_visit(detect, title, lang):
    assert stage(detect(title, "", lang=lang, published="2025-07-11"), "visit") == "held"


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Moscow-Pyongyang bus line opens for the summer",
            "A Russian operator opened a coach line between Moscow and Pyongyang on Monday. The trip lasts three days.",
            "en",
        ),
        (
            "Une liaison aérienne Moscou-Pyongyang rouvre",
            "Une compagnie russe a rouvert la liaison entre Moscou et Pyongyang. Le voyage dure neuf heures.",
            "fr",
        ),
    ],
)
def test_a_trip_noun_naming_no_one_after_a_headline_with_no_trip_is_no_visit(detect, title, summary, lang):
    assert stage(detect(title, summary, lang=lang, published="2025-07-11"), "visit") is None


def test_counted_soldiers_arriving_are_no_visit(detect):
    title = "Разведка Украины: в Курскую область прибыли еще две тысячи военных КНДР"
    assert stage(detect(title, "", lang="ru", published="2025-01-20"), "visit") is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Le gouvernement russe approuve un projet d'accord avec la Corée du Nord sur la pêche", "fr"),
        ("Ушаков анонсировал подписание соглашения России и КНДР о рыболовстве", "ru"),
    ],
)
def test_a_draft_or_an_announced_signing_is_an_announced_agreement(detect, title, lang):
    assert stage(detect(title, "", lang=lang, published="2025-03-11"), "agreement") == "announced"


def test_a_decree_signed_after_the_treaty_is_its_own_object(detect):
    title = "Kim Jong Un tours a shipyard as ties with Russia grow"
    summary = (
        "Kim Jong Un toured a shipyard on Tuesday. Russia ratified the partnership treaty with North Korea in "
        "October, and Kim afterwards signed a decree on the navy."
    )
    assert stage(detect(title, summary, lang="en", published="2025-02-12"), "agreement") is None


def test_a_signing_in_a_hosts_place_that_names_no_guest_is_no_visit(detect):
    title = "Россия и КНДР обменялись нотами о вступлении в силу соглашения о рыболовстве"
    summary = "Церемония прошла в Пхеньяне, ноты подписали заместители министров двух стран."
    assert stage(detect(title, summary, lang="ru", published="2025-03-11"), "visit") is None


def test_a_trip_in_an_agreement_signed_about_schoolchildren_is_no_visit(detect):
    title = "Россия и КНДР подписали соглашение о поездках студентов"
    summary = "Москва и Пхеньян подписали соглашение о взаимных поездках групп студентов без виз."
    assert stage(detect(title, summary, lang="ru", published="2025-03-11"), "visit") is None
