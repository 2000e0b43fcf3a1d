"""Round 28 (agree28): agreement stages and trips that are no visits.

- a chamber that gives its assent (« donne son aval », « a reçu l'aval de la Douma ») ratifies, as « feu vert »;
- a headline's colon parts a consequence told ahead from the deed after it ("Diplomas will be recognised: the
  Duma ratified the accord"): the consequence's future or modal does not make the deed a plan;
- an entry into force announced with its date ("…начнёт действовать с 1 мая") is in force when the lead tells
  the exchange that completes it done;
- travellers that take up the noun of a troop phrase told before («военные инженеры» … «инженеры прибыли в
  КНДР») are those troops, no visit;
- two agencies that sign in one party's place («министерство здравоохранения КНДР … подписали в Москве») name
  no one who travelled.
"""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import event, stage, told


@pytest.mark.parametrize(
    "title",
    [
        "Le Conseil de la Fédération donne son aval au traité conclu avec la Corée du Nord",
        "Coopération douanière : les députés russes ont donné leur aval à l'accord signé avec Pyongyang",
        "Le protocole avec Pyongyang a reçu l'aval de la Douma",
    ],
)
def test_a_chamber_giving_its_assent_ratifies(detect, title):
    assert stage(detect(title, "", lang="fr", published="2025-05-14"), "agreement") == "ratified"


@pytest.mark.parametrize(
    "title",
    [
        "Le gouvernement russe donne son aval à l'accord signé avec Pyongyang",
        "Moscou et Pyongyang signent un accord de pêche, avec l'aval du Kremlin",
    ],
)
def test_an_assent_no_chamber_gives_leaves_the_signature(detect, title):
    assert stage(detect(title, "", lang="fr", published="2025-05-14"), "agreement") == "signed"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Пхеньянские дипломы будут признаваться в России: Совфед ратифицировал соглашение с КНДР", "ru"),
        ("Russian students will study in Pyongyang: Duma ratifies education accord with North Korea", "en"),
        ("Les diplômes vont être reconnus : la Douma ratifie l'accord éducatif avec Pyongyang", "fr"),
    ],
)
def test_a_consequence_told_ahead_before_a_headline_colon_leaves_the_deed_done(detect, title, lang):
    assert stage(detect(title, "", lang=lang, published="2026-02-10"), "agreement") == "ratified"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Россия и КНДР: соглашение о рыболовстве будет подписано в среду", "announced"),
        ("Госдума может ратифицировать соглашение с КНДР уже в марте", "signed"),
    ],
)
def test_a_plan_in_the_deeds_own_statement_stays_a_plan(detect, title, expected):
    assert stage(detect(title, "", lang="ru", published="2026-02-10"), "agreement") == expected


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Соглашение России и КНДР о рыболовстве начнёт действовать с 1 мая",
            "Москва и Пхеньян обменялись ратификационными грамотами соглашения, сообщил МИД России.",
            "ru",
        ),
        (
            "Russia-North Korea fisheries deal to take effect on May 1",
            "Moscow and Pyongyang exchanged the instruments of ratification of the agreement on Tuesday.",
            "en",
        ),
    ],
)
def test_an_entry_into_force_dated_ahead_is_in_force_once_the_lead_tells_the_exchange(detect, title, summary, lang):
    assert stage(detect(title, summary, lang=lang, published="2026-04-20"), "agreement") == "in_force"


@pytest.mark.parametrize(
    "summary",
    [
        "",
        "Обмен ратификационными грамотами соглашения намечен на следующую неделю, сообщил МИД России.",
    ],
)
def test_an_entry_into_force_ahead_without_the_exchange_done_stays_ratified(detect, summary):
    title = "Соглашение России и КНДР о рыболовстве начнёт действовать с 1 мая"
    assert stage(detect(title, summary, lang="ru", published="2026-04-20"), "agreement") == "ratified"


def test_travellers_taking_up_a_troop_phrase_are_those_troops_not_visitors(detect):
    detection = detect(
        "Российские военные инженеры работают на северокорейском полигоне",
        "По данным разведки Южной Кореи, инженеры прибыли в КНДР летом и помогают строить пусковую площадку.",
        lang="ru",
        published="2025-08-01",
    )
    assert event(detection, "visit") is None
    assert told(detection, "troop_deployment") == ("reported", "RUS", "PRK")


def test_a_named_minister_arriving_after_a_troop_phrase_still_visits(detect):
    detection = detect(
        "Российские военные инженеры работают в КНДР",
        "Министр обороны России Андрей Белоусов прибыл в Пхеньян с визитом.",
        lang="ru",
        published="2025-08-01",
    )
    assert stage(detection, "visit") == "held"


def test_specialists_arriving_with_no_troop_phrase_before_still_visit(detect):
    detection = detect("Российские специалисты прибыли в Пхеньян", "", lang="ru", published="2025-08-01")
    assert stage(detection, "visit") == "held"


def test_two_agencies_signing_in_one_partys_city_make_no_visit(detect):
    detection = detect(
        "Минздрав России и министерство здравоохранения КНДР подписали в Москве меморандум",
        "",
        lang="ru",
        published="2025-08-01",
    )
    assert event(detection, "visit") is None
    assert stage(detection, "agreement") == "signed"


@pytest.mark.parametrize(
    "title",
    [
        "Министр связи КНДР и глава Минцифры России подписали в Москве соглашение",
        "Председатель правительства КНДР и Мишустин подписали в Москве соглашение",
    ],
)
def test_a_person_heading_the_guests_phrase_still_visits(detect, title):
    assert stage(detect(title, "", lang="ru", published="2025-08-01"), "visit") == "held"
