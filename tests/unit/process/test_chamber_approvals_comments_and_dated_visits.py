"""A chamber of parliament approving a treaty ratifies it (a cabinet approving one does not); a third
state's headline comment on a text's entry into force is no report of it; a bare trip noun whose
sentence names a state only after a time word refers back to the headline's trip."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        (
            "en",
            "Russian senators back legal aid treaty with North Korea",
            "The Federation Council approved the treaty with Pyongyang on Wednesday.",
        ),
        (
            "en",
            "Russia's lower house passes several agreements",
            "Among the texts approved was a fisheries agreement with North Korea, signed in Moscow.",
        ),
        (
            "fr",
            "Les sénateurs russes approuvent un accord de pêche avec Pyongyang",
            "Le Conseil de la Fédération a approuvé mercredi l'accord avec la Corée du Nord.",
        ),
        (
            "ru",
            "Совет Федерации одобрил соглашение с КНДР о рыболовстве",
            "Сенаторы поддержали документ, подписанный в Пхеньяне.",
        ),
    ],
)
def test_a_chamber_approving_a_treaty_ratifies_it(detect_rules, lang, title, summary):
    assert stage(detect_rules(title, summary, lang=lang), "agreement") == "ratified"


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        (
            "en",
            "Russian cabinet approves fisheries agreement with North Korea",
            "The government approved the agreement with Pyongyang, signed in Moscow in May.",
        ),
        ("ru", "Кабмин одобрил соглашение с КНДР о рыболовстве", "Документ подписан в Пхеньяне."),
    ],
)
def test_a_cabinet_approving_a_treaty_does_not_ratify_it(detect_rules, lang, title, summary):
    assert stage(detect_rules(title, summary, lang=lang), "agreement") != "ratified"


def test_a_third_state_commenting_on_an_entry_into_force_reports_none(detect_rules):
    detection = detect_rules(
        "Japan says Russia-North Korea treaty entering into force threatens regional peace",
        "Tokyo on Friday voiced concern about the step.",
    )
    assert stage(detection, "agreement") is None


def test_a_third_state_reporting_an_entry_into_force_still_reports_it(detect_rules):
    detection = detect_rules("Japan says Russia-North Korea treaty has entered into force", "")
    assert stage(detection, "agreement") == "in_force"


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        (
            "ru",
            "Ким Чен Ын посетил российское консульство в Чхонджине",
            "Визит состоялся через неделю после того, как Пхеньян направил в Россию новых военных.",
        ),
        (
            "en",
            "Kim Jong Un visits the Russian embassy in Pyongyang",
            "The visit came a week after Moscow thanked North Korea for its help.",
        ),
    ],
)
def test_a_trip_noun_dated_by_another_deed_refers_back_to_the_headline(detect_rules, lang, title, summary):
    assert stage(detect_rules(title, summary, lang=lang), "visit") is None


def test_a_trip_noun_naming_its_own_parties_before_the_time_word_is_a_visit(detect_rules):
    detection = detect_rules(
        "Ким Чен Ын посетил российское посольство в Пхеньяне",
        "Визит Лаврова в Пхеньян состоялся через неделю после того, как КНДР направила в Россию военных.",
        lang="ru",
    )
    assert stage(detection, "visit") == "held"
