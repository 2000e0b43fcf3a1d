"""Direction and attribution through the alert engine on both backends: stored with each report,
carried by the alert, and filtered on by rules (``from``, ``to``, ``claimed_by``, ``confirmed_by_party``)."""

from __future__ import annotations

import sqlalchemy as sa

from alerts.engine import AlertEngine
from alerts.state import observations
from tests.integration.alerts.engine.support import at, config, detection, rule, stored_alerts
from veille.contracts import Alert

PRK_TO_RUS = ("PRK", "RUS")
RUS_TO_PRK = ("RUS", "PRK")


def troops(**overrides: object) -> dict[str, object]:
    """A rule on North Korean troops sent to Russia (one report is enough), with ``overrides``."""
    return rule(
        "any",
        name="prk-troops",
        event_type="troop_deployment",
        actors=["PRK", "RUS"],
        **{"from": "PRK", "to": "RUS"} | overrides,
    )


def deployment(article_id: str, source: str, stage: str = "reported", **kwargs: object):
    """A troop deployment detection between PRK and RUS."""
    return detection(article_id, source, stage=stage, event_type="troop_deployment", actors=("PRK", "RUS"), **kwargs)


def test_an_alert_carries_the_direction_and_claimant_of_the_report_that_fired_it(store_engine):
    engine = AlertEngine(config(rule(event_type="troop_deployment", stages=["reported"], min_count=2)), store_engine)
    assert engine.handle([deployment("a1", "Yonhap", direction=PRK_TO_RUS, claimed_by="KOR")], at(0)) == []
    made = engine.handle([deployment("a2", "Reuters", direction=PRK_TO_RUS, claimed_by="UKR")], at(5))
    assert [(a.kind, a.from_, a.to, a.claimed_by) for a in made] == [("new", "PRK", "RUS", "KOR")]
    stored = Alert.model_validate_json(stored_alerts(store_engine)[0].payload)
    assert (stored.from_, stored.to, stored.claimed_by) == ("PRK", "RUS", "KOR")
    with store_engine.connect() as conn:
        rows = conn.execute(sa.select(observations).order_by(observations.c.article_id)).all()
    assert [(r.from_id, r.to_id, r.claimed_by) for r in rows] == [("PRK", "RUS", "KOR"), ("PRK", "RUS", "UKR")]


def test_a_report_without_direction_makes_an_alert_without_direction(store_engine):
    engine = AlertEngine(config(rule(min_count=2)), store_engine)
    made = engine.handle([detection("a1", "Reuters"), detection("a2", "AFP")], at(5))
    assert [(a.from_, a.to, a.claimed_by) for a in made] == [(None, None, None)]


def test_from_and_to_filters_fire_on_that_direction_only(store_engine):
    engine = AlertEngine(config(troops()), store_engine)
    assert engine.handle([deployment("a1", "TASS", direction=RUS_TO_PRK)], at(0)) == []
    assert engine.handle([deployment("a2", "AFP")], at(1)) == []  # no direction known: not this rule's
    made = engine.handle([deployment("a3", "Yonhap", direction=PRK_TO_RUS)], at(2))
    assert [(a.from_, a.to) for a in made] == [("PRK", "RUS")]
    assert made[0].article_ids == ("a3",)


def test_claimed_by_filter_keeps_the_listed_claimants_only(store_engine):
    engine = AlertEngine(config(troops(claimed_by=["KOR", "USA"])), store_engine)
    assert engine.handle([deployment("a1", "Ukrinform", direction=PRK_TO_RUS, claimed_by="UKR")], at(0)) == []
    assert engine.handle([deployment("a2", "Reuters", direction=PRK_TO_RUS)], at(1)) == []
    made = engine.handle([deployment("a3", "Yonhap", direction=PRK_TO_RUS, claimed_by="KOR")], at(2))
    assert [a.claimed_by for a in made] == ["KOR"]


def test_a_confirmed_deployment_fires_only_once_a_party_confirms_when_the_rule_requires_it(store_engine):
    engine = AlertEngine(config(troops(stages=["confirmed"], confirmed_by_party=True)), store_engine)
    third_party = deployment("a1", "Yonhap", "confirmed", direction=PRK_TO_RUS, claimed_by="KOR")
    unattributed = deployment("a2", "AFP", "confirmed", direction=PRK_TO_RUS)
    assert engine.handle([third_party, unattributed], at(0)) == []
    party = deployment("a3", "KCNA", "confirmed", direction=PRK_TO_RUS, claimed_by="PRK")
    made = engine.handle([party], at(5))
    assert [(a.stage, a.claimed_by, a.article_ids) for a in made] == [("confirmed", "PRK", ("a3",))]


def test_without_confirmed_by_party_a_third_party_confirmation_fires(store_engine):
    engine = AlertEngine(config(troops(stages=["confirmed"])), store_engine)
    made = engine.handle([deployment("a1", "Yonhap", "confirmed", direction=PRK_TO_RUS, claimed_by="KOR")], at(0))
    assert [(a.stage, a.claimed_by) for a in made] == [("confirmed", "KOR")]


def test_the_direction_of_an_alert_does_not_depend_on_arrival_order(store_engine):
    """The earliest report at the firing time speaks for the alert, whichever batch brought it."""
    reports = [
        deployment("a1", "Yonhap", direction=PRK_TO_RUS, claimed_by="KOR"),
        deployment("a2", "Reuters", direction=PRK_TO_RUS, claimed_by="USA"),
    ]
    engine = AlertEngine(config(rule(event_type="troop_deployment", min_count=2)), store_engine)
    engine.handle(reports[::-1], at(5))
    stored = Alert.model_validate_json(stored_alerts(store_engine)[0].payload)
    assert (stored.from_, stored.to, stored.claimed_by) == ("PRK", "RUS", "KOR")
