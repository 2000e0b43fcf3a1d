"""Confluence, as a property: the notices that reach receivers depend on the set of detections only.

Hypothesis draws scenarios (positives across stages and outlets, syndicated copies, denials of each
stage and of other objects, other-pair reports, reports published late) and, for each, runs
``PERMUTATIONS`` random orders, batchings and replays through one or two engines sharing a store,
on SQLite and PostgreSQL. Every run must leave the same notices (kind, alert, stage, receiver,
confirming and denying sources) as the whole set handled at once.

``VEILLE_HYPOTHESIS=thorough`` tries more scenarios (the CI default keeps the suite short).
"""

from __future__ import annotations

import hashlib
import itertools
import os
from datetime import timedelta

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alerts.engine import AlertEngine
from alerts.state import TABLES, deliveries, notices
from tests.integration.alerts.engine.support import T0, config, rule
from veille.contracts import Alert, ArticleRef, Detection, EntityMention, Event
from veille.store import create_engine, ensure_tables

PERMUTATIONS = 200
SCENARIOS = 25 if os.environ.get("VEILLE_HYPOTHESIS") == "thorough" else 2
OUTLETS = ("Reuters", "AFP", "TASS", "Yonhap", "KCNA")
WIRE = "f0f0f0f0f0f0f0f0"
NOW = T0 + timedelta(hours=6)


def make(index: int, spec: tuple[str, str | None, int, int, bool, bool, str]) -> Detection:
    """One detection from a drawn spec: (kind, stage, outlet, minutes after T0, syndicated, other pair, object)."""
    kind, stage, outlet, minutes, syndicated, other_pair, obj = spec
    source = OUTLETS[outlet]
    actors = ("RUS", "VNM") if other_pair else ("PRK", "RUS")
    published = T0 + timedelta(minutes=minutes)
    article = ArticleRef(
        id=f"x{index}",
        feed_id=source.lower(),
        source=source,
        url=f"https://{source.lower()}.example/x{index}",
        title=f"headline {index}",
        lang="en",
        published=published,
        fetched_at=published + timedelta(minutes=3),
        fingerprint=WIRE if syndicated else hashlib.sha256(str(index).encode()).hexdigest()[:16],
    )
    event = Event(type="agreement", actors=actors, stage=stage, evidence=f"quote {index}", object=obj)
    return Detection(
        article=article,
        lang="en",
        entities=tuple(EntityMention(id=a, text=a, start=0, end=3) for a in actors),
        events=(event,) if kind == "report" else (),
        retractions=(event,) if kind == "denial" else (),
        processed_at=published,
    )


specs = st.tuples(
    st.sampled_from(["report", "report", "denial"]),
    st.sampled_from(["announced", "signed", "in_force", None]),
    st.integers(0, len(OUTLETS) - 1),
    st.integers(0, 180),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["partnership treaty", "treaty", "military pact", ""]),
).filter(lambda spec: spec[0] == "denial" or spec[1] is not None)

RULES = (
    rule(min_count=2, follow_ups=True, dedup_syndicated=True, window="12h", notify_disputed=True),
    rule("any", name="any-stage", follow_ups=True, retract_min_count=2),
)


def clear(engine: sa.Engine) -> None:
    """Empty every alerts table (a fresh store for the next run, cheaper than a new schema)."""
    ensure_tables(engine, TABLES)
    with engine.begin() as conn:
        for table in reversed(TABLES):
            conn.execute(table.delete())


def delivered(engine: sa.Engine) -> set[tuple]:
    """What reached receivers: one tuple per delivery (kind, alert, stage, receiver, confirming, denying)."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(deliveries.c.receiver, notices.c.payload).join(
                notices,
                sa.and_(notices.c.alert_id == deliveries.c.alert_id, notices.c.revision == deliveries.c.revision),
            )
        ).all()
    out = set()
    for receiver, payload in rows:
        alert = Alert.model_validate_json(payload)
        out.add((alert.kind, alert.alert_id, alert.revision, alert.stage, receiver, alert.sources, alert.denied_by))
    return out


def run(engines: list[AlertEngine], batches: list[tuple[int, list[Detection]]]) -> None:
    for replica, batch in batches:
        engines[replica].handle(batch, NOW)


@pytest.fixture
def stores(store_url):
    """Two connection pools on the same fresh store, as two alerts replicas would have."""
    pools = [create_engine(store_url), create_engine(store_url)]
    yield pools
    for pool in pools:
        pool.dispose()


def check(stores: list[sa.Engine], drawn: list[tuple], data: st.DataObject) -> set[tuple]:
    """Handle ``drawn`` at once, then in PERMUTATIONS drawn orders, batchings, replays and replicas: same notices."""
    detections = [make(i, spec) for i, spec in enumerate(drawn)]
    cfg = config(*RULES, receivers=("slack", "mail"))
    replicas = [AlertEngine(cfg, store, record_metrics=False) for store in stores]
    clear(stores[0])
    run(replicas, [(0, detections)])
    expected = delivered(stores[0])
    for _ in range(PERMUTATIONS):
        order = data.draw(st.permutations(detections))
        replays = data.draw(st.lists(st.sampled_from(detections), max_size=2))
        cuts = sorted(data.draw(st.sets(st.integers(1, len(order) - 1), max_size=len(order) - 1)))
        count = data.draw(st.sampled_from([1, 2]))
        bounds = [0, *cuts, len(order)]
        batches = [order[a:b] for a, b in itertools.pairwise(bounds)] + [replays]
        clear(stores[0])
        run(replicas, [(data.draw(st.integers(0, count - 1)), batch) for batch in batches])
        assert delivered(stores[0]) == expected
    return expected


PROPERTY = settings(
    max_examples=SCENARIOS,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

ISSUE_SCENARIO = [  # three outlets report the signing, one denies a plan for a military pact, one other pair
    ("report", "signed", 0, 170, False, False, "partnership treaty"),
    ("report", "signed", 1, 170, False, False, "partnership treaty"),
    ("report", "signed", 2, 170, False, False, "treaty"),
    ("denial", "announced", 3, 170, False, False, "military pact"),
    ("report", "signed", 4, 170, False, True, "agreements"),
]


@pytest.mark.timeout(900)
@PROPERTY
@given(drawn=st.lists(specs, min_size=4, max_size=7), data=st.data())
def test_the_same_detections_make_the_same_notices_in_any_order_batching_and_replica(stores, drawn, data):
    check(stores, drawn, data)


@pytest.mark.timeout(900)
@settings(PROPERTY, max_examples=1)
@given(data=st.data())
def test_the_issue_scenario_makes_one_signed_notice_per_receiver_in_any_order(stores, data):
    sent = check(stores, ISSUE_SCENARIO, data)
    outlets = ("Reuters", "AFP", "TASS")
    assert {
        (alert.split(":")[0], kind, stage, receiver, sources, denied)
        for kind, alert, _, stage, receiver, sources, denied in sent
    } == {
        (rule_name, "new", "signed", receiver, outlets, ())
        for rule_name in ("rus-prk", "any-stage")
        for receiver in ("slack", "mail")
    }
