"""Round 24 (dated24): a deed dated by a day after the article's is still ahead, however it is told ("Roscosmos
sets June 14 launch" on May 28, a tenseless noun in untagged English); a day and month without a year is ahead
only within three months of the article (a December item's "February 3" is next February's), and the article's
own day, a day just gone or a day months away (last year's) leave the deed held. A signing or a trip dated
ahead is no old news either: the month after the article's is next month, not last year's."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import agreement, launch, stage


@pytest.mark.parametrize(
    ("lang", "title", "summary", "published"),
    [
        (
            "en",
            "Roscosmos sets June 14 launch for Soyuz cargo flight",
            "The freighter carries fuel and food for the station crew.",
            "2025-05-28",
        ),
        (
            "fr",
            "Lancement d'un Soyouz depuis Plessetsk le 3 février",
            "Le satellite de navigation Glonass-K2 est à bord, selon Roscosmos.",
            "2025-12-20",
        ),
        (
            "ru",
            "Пуск ракеты «Протон-М» с Байконура 12 августа",
            "На орбиту выведут телекоммуникационный спутник «Экспресс», сообщили в Роскосмосе.",
            "2025-07-30",
        ),
        (
            "en",
            "Soyuz launch from Vostochny on March 2, 2027",
            "The rocket will carry a weather satellite, Roscosmos said.",
            "2026-09-01",
        ),
    ],
)
def test_a_launch_dated_after_the_article_is_announced(detect_rules, lang, title, summary, published):
    assert launch(detect_rules(title, summary, lang=lang, published=published)) == ("announced", ("RUS",))


@pytest.mark.parametrize(
    ("lang", "title", "summary", "published"),
    [
        (  # a deed told two days late
            "en",
            "North Korea fired two ballistic missiles on March 3, Seoul says",
            "The missiles flew about 300 km before falling into the sea.",
            "2025-03-05",
        ),
        (  # the article's own day
            "fr",
            "Un Soyouz lancé le 5 mars depuis Plessetsk",
            "Le satellite militaire est en orbite, selon le ministère russe de la Défense.",
            "2025-03-05",
        ),
        (  # a day more than three months on is last year's
            "ru",
            "КНДР запустила ракету «Хвасон-18» 30 июня",
            "Ракета пролетела около 1000 км, сообщили в Сеуле.",
            "2025-03-10",
        ),
    ],
)
def test_a_launch_dated_on_or_before_the_article_stays_held(detect_rules, lang, title, summary, published):
    assert launch(detect_rules(title, summary, lang=lang, published=published))[0] == "held"


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("en", "Russia and North Korea set July 3 signing of fisheries agreement", "The accord covers catch quotas."),
        ("fr", "Signature le 3 juillet d'un accord de pêche entre Moscou et Pyongyang", "Le texte fixe les quotas."),
        ("ru", "Подписание соглашения о рыболовстве между Россией и КНДР 3 июля", "Документ определит квоты."),
    ],
)
def test_a_signing_dated_next_month_is_announced_not_recalled(detect, lang, title, summary):
    assert agreement(detect(title, summary, lang=lang, published="2025-06-20")) == "announced"


@pytest.mark.parametrize(
    ("title", "published", "expected"),
    [
        ("Визит Лаврова в Пхеньян 14 января", "2025-12-29", "announced"),
        ("Визит Лаврова в Пхеньян 27 декабря", "2025-12-29", "held"),
    ],
)
def test_a_trip_dated_across_the_new_year(detect, title, published, expected):
    summary = "Министр обсудил с Чвэ Сон Хи двустороннее сотрудничество."
    assert stage(detect(title, summary, lang="ru", published=published), "visit") == expected
