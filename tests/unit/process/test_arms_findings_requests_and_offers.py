"""Arms transfers: an "analysis" that finds something is a finding's subject, not the item's genre label
(the body's shipments stay news; "Analysis: …" still makes the body a look back); a request told with
« solliciter » is a transfer sought (announced, the one who asks receives); a Russian offer told in the
infinitive or future («может предложить», «предложит») is a transfer offered (announced)."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms

SHIPMENTS = (
    "Photos taken in May show the port of Rajin, close to North Korea's border with Russia, full of containers. "
    "The report concluded that the traffic reflects continued North Korean shipments of shells to Russia."
)


def test_an_analysis_that_finds_leaves_the_body_news(detect_rules):
    found = arms(detect_rules("Port of Rajin busy again, satellite analysis finds", SHIPMENTS))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


def test_an_analysis_label_still_makes_the_body_a_look_back(detect_rules):
    assert arms(detect_rules("Analysis: why the port of Rajin matters", SHIPMENTS)) is None


@pytest.mark.parametrize(
    "title",
    [
        "Pyongyang aurait sollicité des systèmes de défense aérienne russes, selon Séoul",
        "La Corée du Nord sollicite des avions de combat auprès de la Russie",
    ],
)
def test_a_request_with_solliciter_is_a_transfer_sought(detect_rules, title):
    found = arms(detect_rules(title, lang="fr", published="2025-04-10"))
    assert found is not None and found[1:] == ("announced", "RUS", "PRK")


def test_weapons_received_stay_reported(detect_rules):
    found = arms(detect_rules("La Corée du Nord a reçu des avions de combat de la Russie", lang="fr"))
    assert found is not None and found[1:] == ("reported", "RUS", "PRK")


@pytest.mark.parametrize(
    "title",
    [
        "Пхеньян может предложить Москве зенитные комплексы и гаубицы",
        "КНДР предложит России новые партии снарядов, пишут СМИ",
    ],
)
def test_an_offer_in_the_infinitive_or_future_is_announced(detect_rules, title):
    found = arms(detect_rules(title, lang="ru", published="2023-08-30"))
    assert found is not None and found[1:] == ("announced", "PRK", "RUS")


def test_an_offer_refused_is_no_transfer(detect_rules):
    assert arms(detect_rules("Москва отказалась предложить Пхеньяну истребители", lang="ru")) is None
