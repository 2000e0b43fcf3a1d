"""Retractions on both backends: corroborated like firings, only of what was denied, threaded to the alert."""

from __future__ import annotations

from datetime import timedelta

from alerts.engine import AlertEngine
from alerts.outbox import Outbox
from tests.integration.alerts.engine.support import Recording, at, config, detection, rule, stored_alerts
from veille.contracts import Detection, Event


def signed(article_id: str, source: str, obj: str = "partnership treaty") -> Detection:
    """A report that the partnership treaty was signed, published at T0."""
    return with_object(detection(article_id, source, stage="signed"), obj)


def denial(article_id: str, source: str, stage: str | None, minutes: float, obj: str = "treaty", **kw) -> Detection:
    """A report, published ``minutes`` after T0, that denies ``stage`` (None: the whole event) of ``obj``."""
    return with_object(detection(article_id, source, stage=stage, retraction=True, published=at(minutes), **kw), obj)


def with_object(found: Detection, obj: str) -> Detection:
    events = tuple(Event(**{**e.model_dump(), "object": obj}) for e in found.events)
    retractions = tuple(Event(**{**e.model_dump(), "object": obj}) for e in found.retractions)
    return found.model_copy(update={"events": events, "retractions": retractions})


THREE_SIGNED = [signed("s1", "AP"), signed("s2", "Le Monde"), signed("s3", "Yonhap")]


def kinds(made) -> list[tuple[str, str | None]]:
    return [(a.kind, a.stage) for a in made]


def test_one_denial_against_a_signing_three_outlets_reported_retracts_nothing(store_engine):
    engine = AlertEngine(config(rule(min_count=2), receivers=("slack", "mail")), store_engine)
    fired = engine.handle(THREE_SIGNED, at(5))[-1]  # the last version of the unsent first notice
    assert engine.handle([denial("d1", "TASS", "signed", 30)], at(30)) == []
    [row] = stored_alerts(store_engine)
    assert not row.retracted and fired.sources == ("AP", "Le Monde", "Yonhap")


def test_two_outlets_denying_the_signing_send_one_retraction_per_receiver_threaded_to_the_alert(store_engine):
    engine = AlertEngine(config(rule(min_count=2), receivers=("slack", "mail")), store_engine)
    receivers = {"slack": Recording("slack"), "mail": Recording("mail")}
    outbox = Outbox(store_engine, receivers, rate_interval=timedelta(0))
    engine.handle(THREE_SIGNED, at(5))
    outbox.deliver_due(at(6))
    engine.handle([denial("d1", "TASS", "signed", 30)], at(30))
    [retraction] = engine.handle([denial("d2", "Kommersant", None, 40)], at(40))
    engine.handle([denial("d3", "RIA", "signed", 50)], at(50))  # a third denier changes nothing sent
    outbox.deliver_due(at(60))
    for name, receiver in receivers.items():
        assert [(n.alert.kind, n.alert.revision, n.thread_ref) for n in receiver.notices] == [
            ("new", 0, None),
            ("retraction", 1, f"{name}-1"),
        ]
    assert retraction.sources == ("AP", "Le Monde", "Yonhap")  # the confirming count never shrinks
    assert retraction.denied_by == ("TASS", "Kommersant")
    assert [c.source for c in retraction.denials] == ["TASS", "Kommersant"]
    assert retraction.evidence_source == "Kommersant"


def test_a_denial_of_another_object_or_of_an_earlier_stage_does_not_count(store_engine):
    engine = AlertEngine(config(rule(min_count=2, retract_min_count=1)), store_engine)
    engine.handle(THREE_SIGNED, at(5))
    assert engine.handle([denial("d1", "TASS", "signed", 30, obj="military pact")], at(30)) == []
    assert engine.handle([denial("d2", "RIA", "announced", 31)], at(31)) == []  # "denies any plan to sign"
    [retraction] = engine.handle([denial("d3", "Izvestia", "in_force", 32)], at(32))  # a more advanced stage
    assert retraction.kind == "retraction" and retraction.denied_by == ("Izvestia",)


def test_syndicated_copies_of_one_denial_count_once(store_engine):
    engine = AlertEngine(config(rule(min_count=2, dedup_syndicated=True)), store_engine)
    engine.handle(THREE_SIGNED, at(5))
    wire = "0f0f0f0f0f0f0f0f"
    assert engine.handle([denial("d1", "TASS", "signed", 30, fingerprint=wire)], at(30)) == []
    assert engine.handle([denial("d2", "RIA", "signed", 31, fingerprint=wire)], at(31)) == []
    assert not stored_alerts(store_engine)[0].retracted


def test_fewer_denials_than_needed_send_a_disputed_update_when_the_rule_opts_in(store_engine):
    engine = AlertEngine(config(rule(min_count=2, notify_disputed=True)), store_engine)
    engine.handle(THREE_SIGNED, at(5))
    [disputed] = engine.handle([denial("d1", "TASS", "signed", 30)], at(30))
    assert (disputed.kind, disputed.revision, disputed.denied_by) == ("disputed", 1, ("TASS",))
    assert disputed.sources == ("AP", "Le Monde", "Yonhap")


def test_a_denial_published_before_the_first_report_of_the_alert_does_not_count(store_engine):
    engine = AlertEngine(config(rule(min_count=2, retract_min_count=1)), store_engine)
    early = denial("d0", "TASS", "signed", -60)
    engine.handle([early], at(-50))
    fired = engine.handle(THREE_SIGNED, at(5))[-1]  # the last version of the unsent first notice
    assert fired.kind == "new" and not stored_alerts(store_engine)[0].retracted
