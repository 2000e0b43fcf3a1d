"""Rule type ``spike``: the rate of reports within a window against the baseline before it."""

from __future__ import annotations

from datetime import datetime, timedelta

from alerts.rules.base import History, Rule, count_independent
from veille.config.rules import SpikeRule as SpikeConfig


class SpikeRule(Rule):
    """Fire when the window holds ``min_count`` reports and ``factor`` times the baseline rate.

    A group with no baseline at all spikes as soon as it reaches ``min_count``.
    """

    config: SpikeConfig

    @property
    def window(self) -> timedelta:
        """The spike window, never longer than ``max_age``."""
        return min(self.config.window, self.config.max_age)

    @property
    def lookback(self) -> timedelta:
        """The window and the baseline before it."""
        return self.window + self.config.baseline

    def should_fire(self, history: History, now: datetime) -> bool:
        """True when the recent rate is at least ``factor`` times the baseline rate."""
        cfg = self.config
        start = now - self.window
        recent = count_independent(history.between(start, now), cfg.count, None)
        if recent < cfg.min_count:
            return False
        earlier = [r for r in history.between(start - cfg.baseline, start) if r.reported_at < start]
        baseline = count_independent(earlier, cfg.count, None)
        recent_rate = recent / self.window.total_seconds()
        baseline_rate = baseline / cfg.baseline.total_seconds()
        return recent_rate >= cfg.factor * baseline_rate
