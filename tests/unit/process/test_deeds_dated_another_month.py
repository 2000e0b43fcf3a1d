"""Round 13 (agree-dev): an agreement dated two months or more before the article's is recalled, not
reported ("the treaty Putin and Kim signed in June" in a December item, "ratifié le 6 novembre" in
February); the article's own month, the month before (a deed of the 30th reported on the 1st), a plan
for a month and a "may" that is no date leave it as it was."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import agreement


@pytest.mark.parametrize(
    ("lang", "title", "summary", "published"),
    [
        (
            "en",
            "North Korean troops dig in near Russia's Kursk border",
            "Analysts tie the deployment to the mutual defence treaty Putin and Kim signed in June in Pyongyang.",
            "2024-12-10",
        ),
        (
            "en",
            "Kim Jong Un tours new Russian-built clinic in Pyongyang",
            "The clinic is the first project of the health accord Russia and North Korea signed on March 4.",
            "2025-08-22",
        ),
        (
            "fr",
            "Des ingénieurs nord-coréens reconstruisent des routes russes",
            "Ces chantiers découlent de l'accord que Moscou et Pyongyang ont signé en septembre à Vladivostok.",
            "2025-01-20",
        ),
        (
            "fr",
            "Kim Jong-un reçoit des parlementaires russes à Pyongyang",
            "Les élus ont évoqué le traité que la Russie et la Corée du Nord ont ratifié le 6 novembre.",
            "2025-02-03",
        ),
        (
            "ru",
            "Военные КНДР роют окопы под Курском",
            "Аналитики связывают их отправку с договором, который Путин и Ким Чен Ын подписали в июне в Пхеньяне.",
            "2024-12-10",
        ),
    ],
)
def test_a_deed_dated_another_month_is_background(detect, lang, title, summary, published):
    assert agreement(detect(title, summary, lang=lang, published=published)) is None


@pytest.mark.parametrize(
    ("lang", "title", "summary", "published", "expected"),
    [
        (
            "en",
            "What Russia and North Korea's new aviation deal covers",
            "Moscow and Pyongyang signed an air services agreement on September 12 in Vladivostok.",
            "2025-09-13",
            "signed",
        ),
        (
            "en",
            "Russia and North Korea sign fisheries agreement",
            "Moscow and Pyongyang signed the fisheries agreement on November 30 in Vladivostok, TASS said.",
            "2025-12-01",
            "signed",
        ),
        (
            "fr",
            "La Russie et la Corée du Nord signent un accord sur la pêche",
            "Moscou et Pyongyang ont signé l'accord le 31 janvier à Vladivostok, selon TASS.",
            "2025-02-01",
            "signed",
        ),
        (
            "en",
            "Russia and North Korea plan visa accord",
            "Moscow and Pyongyang will sign an agreement easing visas in March, the Russian foreign ministry said.",
            "2025-01-10",
            "announced",
        ),
        (
            "fr",
            "La Russie et la Corée du Nord préparent un accord sur les visas",
            "Moscou et Pyongyang signeront en mars un accord facilitant les visas, selon le ministère russe.",
            "2025-01-10",
            "announced",
        ),
        (
            "en",
            "Putin and Kim Jong Un sign a new partnership pact in Pyongyang",
            "The treaty replaces the one the two countries signed on February 9, 2000.",
            "2024-06-19",
            "signed",
        ),
        (
            "en",
            "Russia and North Korea may sign a fisheries pact, Moscow says",
            "",
            "2025-06-02",
            "announced",
        ),
    ],
)
def test_the_articles_month_the_month_before_a_plan_and_a_modal_may_are_not_background(
    detect, lang, title, summary, published, expected
):
    assert agreement(detect(title, summary, lang=lang, published=published)) == expected
