"""Rule type ``first_seen``: a group reported for the first time within a lookback."""

from __future__ import annotations

from datetime import datetime, timedelta

from alerts.rules.base import History, Rule
from veille.config.rules import FirstSeenRule as FirstSeenConfig


class FirstSeenRule(Rule):
    """Fire when the reports just recorded are the group's only ones within ``lookback``.

    E.g. the first report in 30 days that a Russia–DPRK agreement was *signed*.
    """

    config: FirstSeenConfig

    @property
    def lookback(self) -> timedelta:
        """The first-seen lookback."""
        return self.config.lookback

    def should_fire(self, history: History, now: datetime) -> bool:
        """True when a fresh new report exists and no earlier report falls within the lookback."""
        new_ids = {report.article_id for report in history.new}
        fresh = [r for r in history.new if r.reported_at >= now - self.config.max_age]
        earlier = [r for r in history.between(now - self.config.lookback, now) if r.article_id not in new_ids]
        return bool(fresh) and not earlier
