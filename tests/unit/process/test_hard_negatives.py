"""Hard negatives: items a keyword matcher reads as Russia–DPRK events, and the true events next to them."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("en", "Russian holidaymakers land in Pyongyang for a week-long package tour", ""),
        ("en", "A group of Russian students travelled to Wonsan for a summer camp in North Korea", ""),
        ("fr", "Des vacanciers russes sont arrivés à Pyongyang pour un séjour organisé", ""),
        ("fr", "Des écoliers russes se rendent en Corée du Nord pour un camp d'été", ""),
        ("ru", "Россия и КНДР договорились о поездках студентов", ""),
    ],
)
def test_trips_of_private_people_are_no_visit(detect, lang, title, summary):
    assert stage(detect(title, summary, lang=lang), "visit") is None


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "Russian Foreign Minister Lavrov arrived in Pyongyang for talks with Choe Son Hui"),
        ("fr", "Le ministre russe Sergueï Lavrov est arrivé à Pyongyang pour des entretiens"),
        ("ru", "Визит делегации Госдумы в Пхеньян завершился"),
    ],
)
def test_official_trips_stay_visits(detect, lang, title):
    assert stage(detect(title, lang=lang), "visit") == "held"


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        (
            "en",
            "Decades on, veterans recall Moscow's role on the Korean peninsula",
            "Russia sent North Korea tanks and artillery, a historian told the seminar.",
        ),
        (
            "en",
            "Historians meet in Seoul to discuss Soviet archives",
            "During the Korean War, Moscow supplied North Korea with tanks and artillery.",
        ),
        (
            "fr",
            "Des historiens revisitent les archives soviétiques",
            "Pendant la guerre de Corée, Moscou a livré des chars et de l'artillerie à la Corée du Nord.",
        ),
        (
            "ru",
            "Историки обсудили архивы",
            "В годы Корейской войны Москва поставляла КНДР танки и артиллерию.",
        ),
    ],
)
def test_korean_war_history_is_background(detect, lang, title, summary):
    assert stage(detect(title, summary, lang=lang), "arms_transfer") is None


def test_a_current_shipment_is_still_reported(detect):
    title = "North Korea shipped more artillery shells to Russia this month, Seoul says"
    assert stage(detect(title, lang="en"), "arms_transfer") == "reported"


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "Russia never supplied nuclear technology to North Korea, Lavrov says"),
        ("ru", "Россия никогда не передавала КНДР ядерные технологии, заявил Лавров"),
    ],
)
def test_a_negated_headline_gets_no_backstop_event(detect, lang, title):
    assert stage(detect(title, lang=lang), "arms_transfer") is None


@pytest.mark.parametrize(
    "title",
    [
        "Shoigu flies to Pyongyang after ASEAN summit",
        "Lavrov lands in Wonsan for talks after ASEAN meeting",
    ],
)
def test_a_meeting_named_after_another_party_is_a_circumstance(detect, title):
    assert stage(detect(title, lang="en"), "visit") == "held"


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "Russia ships 40,000 tonnes of wheat to North Korea by rail"),
        ("fr", "La Russie a envoyé du carburant et des engrais à la Corée du Nord"),
        ("ru", "Россия отправила в КНДР 50 тысяч тонн пшеницы"),
    ],
)
def test_civilian_cargo_is_no_arms_or_troops(detect, lang, title):
    detection = detect(title, lang=lang)
    assert stage(detection, "arms_transfer") is None
    assert stage(detection, "troop_deployment") is None


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("ru", "Пхеньян назвал фальсификацией сообщения о поставках ракет России"),
        ("fr", "Pyongyang qualifie de mensonge les informations sur des livraisons d'obus à la Russie"),
    ],
)
def test_calling_a_report_a_lie_denies_it(detect, lang, title):
    assert stage(detect(title, lang=lang), "arms_transfer") is None
