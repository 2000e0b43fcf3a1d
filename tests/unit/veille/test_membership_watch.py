"""A consumer that holds partitions but never finishes rejoining its group is rebuilt like one with none.

Seen in the chaos run: the broker froze during a rebalance; afterwards one alerts replica kept its old
partitions while its rejoin never completed, and the whole alerts group stopped for ten minutes.
"""

from __future__ import annotations

import logging

import pytest
from kafka.structs import ConsumerGroupMetadata, MemberState, TopicPartition

from veille.runner import StageRunner, membership_problem


class _Member:
    """Just what the watchdog reads of a KafkaConsumer: its group state and its partitions."""

    def __init__(self, state: str, partitions: set[TopicPartition]) -> None:
        self.state = state
        self.partitions = partitions
        self.closed = False

    def group_metadata(self) -> ConsumerGroupMetadata:
        return ConsumerGroupMetadata(group_id="g", state=self.state)

    def assignment(self) -> set[TopicPartition]:
        return self.partitions

    def close(self, autocommit: bool = True) -> None:
        self.closed = True


HELD = {TopicPartition("veille.detections", 0)}


def test_a_stable_member_with_partitions_is_consuming():
    assert membership_problem(_Member(MemberState.STABLE, HELD)) is None  # type: ignore[arg-type]


def test_a_member_still_rejoining_is_not_consuming_even_with_its_old_partitions():
    assert membership_problem(_Member(MemberState.REBALANCING, HELD)) == "not a stable group member"  # type: ignore[arg-type]


def test_a_stable_member_without_partitions_is_not_consuming():
    assert membership_problem(_Member(MemberState.STABLE, set())) == "no partitions assigned"  # type: ignore[arg-type]


def _runner() -> StageRunner:
    """A runner whose consumer counts as orphaned at once (patience 0 s); no broker is touched."""
    return StageRunner(
        "alerts",
        bus=None,  # type: ignore[arg-type]
        group_id="g",
        source_topic="t",
        model=object,  # type: ignore[arg-type]
        handler=list,
        dlq_topic="d",
        orphan_timeout=0.0,
    )


@pytest.mark.parametrize("state", [MemberState.REBALANCING, MemberState.UNJOINED])
def test_the_runner_rebuilds_a_consumer_whose_rejoin_outlasts_its_patience(
    state: str, caplog: pytest.LogCaptureFixture
) -> None:
    runner = _runner()
    stuck = _Member(state, HELD)
    runner._consumer = stuck  # type: ignore[assignment]
    with caplog.at_level(logging.WARNING, logger="veille.runner"):
        runner._watch_membership(stuck)  # type: ignore[arg-type]  # starts the clock
        runner._watch_membership(stuck)  # type: ignore[arg-type]  # past a patience of 0 s
    assert stuck.closed and runner._consumer is None
    assert "alerts: not a stable group member for 0s; rebuilding the consumer" in caplog.text


def test_the_runner_leaves_a_stable_member_alone():
    runner = _runner()
    member = _Member(MemberState.STABLE, HELD)
    runner._consumer = member  # type: ignore[assignment]
    runner._watch_membership(member)  # type: ignore[arg-type]
    runner._watch_membership(member)  # type: ignore[arg-type]
    assert not member.closed and runner._consumer is member
