"""Rule type ``any``: the first fresh matching report of a group fires."""

from __future__ import annotations

from datetime import datetime

from alerts.rules.base import History, Rule


class AnyRule(Rule):
    """Fire as soon as a group has one report (realert still holds it to one alert per period)."""

    def should_fire(self, history: History, now: datetime) -> bool:
        """True when the group has a report within ``max_age``."""
        return bool(history.between(now - self.config.max_age, now))
