"""A consumer left without partitions is rebuilt less and less often, so a slow rebalance can finish."""

from __future__ import annotations

from veille.runner import orphan_patience


def test_each_rebuild_doubles_the_wait_up_to_eight_times_the_timeout_with_jitter():
    waits = [30.0]
    for _ in range(6):
        waits.append(orphan_patience(30.0, waits[-1]))
    assert 48 <= waits[1] <= 72
    assert all(later > 30 for later in waits[1:])
    assert max(waits) <= 30 * 8 * 1.2
    assert len({round(w, 6) for w in waits}) == len(waits)  # jitter: replicas drift apart
