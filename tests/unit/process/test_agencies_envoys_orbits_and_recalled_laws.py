"""A Russian federal agency or state company names Russia; a meeting held with a resident envoy is no visit,
nor is a flight to orbit, nor a trip whose lead names tourists under a headline with no trip; a deed that puts
a text "into effect" gives it force; a deed in the phrase a time lapse governs is recalled past the first one;
a French headline's « pas de » denies the text it governs."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        (
            "ru",
            "Роспотребнадзор и минздрав КНДР подписали меморандум о санитарной охране границы",
            "Документ предусматривает обмен данными об инфекциях на пунктах пропуска.",
        ),
        (
            "en",
            "Rosatom signs memorandum on nuclear medicine with North Korea's health ministry",
            "The document covers the supply of isotopes for hospitals in Pyongyang.",
        ),
    ],
)
def test_a_russian_agency_signing_with_north_korea_is_an_agreement(detect_rules, lang, title, summary):
    assert stage(detect_rules(title, summary, lang=lang, published="2025-03-12"), "agreement") == "signed"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ru", "«Роснефть» нарастила добычу на Ванкоре", {"RUS"}),
        ("en", "Gazprom cuts flows through the Turkish pipeline", {"RUS"}),
    ],
)
def test_a_russian_state_company_names_russia(detect_rules, lang, text, expected):
    assert {e.id for e in detect_rules(text, "", lang=lang).entities} == expected


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        (
            "ru",
            "Володин обсудил с дипломатом КНДР парламентские обмены",
            "Председатель Госдумы Вячеслав Володин провел в Москве встречу с послом КНДР. Стороны обсудили обмены.",
        ),
        (
            "en",
            "Lavrov discusses trade with North Korean diplomat",
            "Russian Foreign Minister Sergei Lavrov met with North Korea's ambassador in Moscow on Tuesday.",
        ),
        (
            "fr",
            "Lavrov reçoit un diplomate nord-coréen",
            "Le ministre russe Sergueï Lavrov s'est entretenu avec l'ambassadeur nord-coréen à Moscou mardi.",
        ),
    ],
)
def test_a_meeting_with_a_resident_envoy_is_no_visit(detect_rules, lang, title, summary):
    assert stage(detect_rules(title, summary, lang=lang, published="2025-03-12"), "visit") is None


def test_a_meeting_with_a_leader_and_an_envoy_is_still_a_visit(detect_rules):
    detection = detect_rules(
        "Lavrov in North Korea",
        "Russian Foreign Minister Sergei Lavrov met Kim Jong Un and the Russian ambassador in Pyongyang on Tuesday.",
        published="2025-03-12",
    )
    assert stage(detection, "visit") == "held"


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        (
            "ru",
            "Глава Роскосмоса допустил полет космонавта из КНДР на российском корабле",
            "Он сказал, что такая идея обсуждалась с Пхеньяном. Он добавил, что в космосе уже побывали астронавты "
            "из 30 государств.",
        ),
        (
            "en",
            "Roscosmos chief open to flying a North Korean cosmonaut on a Russian spacecraft",
            "He said the idea had been raised with Pyongyang. He recalled that cosmonauts from 40 countries had "
            "travelled to orbit.",
        ),
    ],
)
def test_a_flight_to_orbit_is_no_visit(detect_rules, lang, title, summary):
    assert stage(detect_rules(title, summary, lang=lang, published="2025-03-12"), "visit") is None


def test_tourists_named_by_the_lead_under_a_headline_with_no_trip_are_no_visit(detect_rules):
    detection = detect_rules(
        "Рождество на Тэдонгане: группа из Владивостока отметила праздник в Пхеньяне",
        "Группа из пятнадцати российских туристов провела праздники в столице КНДР. Интерес к поездкам в КНДР "
        "вырос, сообщил туроператор.",
        lang="ru",
        published="2025-01-05",
    )
    assert stage(detection, "visit") is None


def test_a_deed_putting_a_text_into_effect_gives_it_force(detect_rules):
    detection = detect_rules(
        "Moscow and Pyongyang swap ratification papers, bringing their defence pact into effect",
        "",
        published="2024-12-04",
    )
    assert stage(detection, "agreement") == "in_force"


def test_a_deed_further_in_a_lapsed_phrase_is_recalled(detect_rules):
    detection = detect_rules(
        "Moscou offre des chevaux à Kim Jong-un",
        "Le don intervient une semaine après la promulgation par Vladimir Poutine de la loi ratifiant l'accord "
        "avec Pyongyang.",
        lang="fr",
        published="2024-11-20",
    )
    assert stage(detection, "agreement") is None


def test_a_french_headline_pas_de_denies_the_text(detect_rules):
    detection = detect_rules(
        "Pas de nouveau traité en négociation avec Moscou, affirme Pyongyang",
        "La diplomatie nord-coréenne a démenti les informations de la presse japonaise.",
        lang="fr",
        published="2025-03-12",
    )
    assert stage(detection, "agreement") is None
