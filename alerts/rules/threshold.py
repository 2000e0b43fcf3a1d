"""Rule type ``threshold``: at least N independent sources (or articles) within a window."""

from __future__ import annotations

from datetime import datetime, timedelta

from alerts.rules.base import History, Rule, count_independent
from veille.config.rules import ThresholdRule as ThresholdConfig


class ThresholdRule(Rule):
    """Fire when ``min_count`` distinct outlets (or articles) report the group within ``window``.

    Only fresh reports count: the window is cut at ``max_age`` when that is shorter. With
    ``dedup_syndicated`` copies of one wire story count once.
    """

    config: ThresholdConfig

    @property
    def window(self) -> timedelta:
        """The counting window, never longer than ``max_age``."""
        return min(self.config.window, self.config.max_age)

    def should_fire(self, history: History, now: datetime) -> bool:
        """True when the window holds at least ``min_count`` independent reports."""
        cfg = self.config
        bits = cfg.syndication_bits if cfg.dedup_syndicated else None
        return count_independent(history.between(now - self.window, now), cfg.count, bits) >= cfg.min_count
