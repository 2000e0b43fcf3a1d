"""Rule type ``flatline``: a group that used to be reported went (nearly) silent."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import ClassVar

from alerts.rules.base import GroupKey, History, Report, Rule, count_independent
from veille.config.rules import FlatlineRule as FlatlineConfig


class FlatlineRule(Rule):
    """Fire when a known group has fewer than ``min_count`` reports within ``window``.

    Judged on engine ticks (``AlertEngine.handle`` with or without detections), for the groups
    reported within ``lookback``; the engine only asks once a group has been known for a window.
    """

    on_tick: ClassVar[bool] = True
    config: FlatlineConfig

    @property
    def window(self) -> timedelta:
        """The window in which the group should have been reported (the alert lists the last reports)."""
        return self.config.lookback

    @property
    def judged_after(self) -> timedelta:
        """A group is judged once it has been known for a whole window."""
        return self.config.window

    def should_fire(self, history: History, now: datetime) -> bool:
        """True when the window holds fewer than ``min_count`` reports."""
        cfg = self.config
        return count_independent(history.between(now - cfg.window, now), cfg.count, None) < cfg.min_count

    def title(self, group: GroupKey, reports: Sequence[Report]) -> str:
        """What went silent, e.g. ``Fewer than 1 articles in 6h for source=KCNA``."""
        cfg = self.config
        values = json.loads(group.key)
        described = ", ".join(
            f"{field}={','.join(value) if isinstance(value, list) else value}" for field, value in values.items()
        )
        return f"Fewer than {cfg.min_count} {cfg.count} in {_short(cfg.window)} for {described or cfg.event_type}"


def _short(duration: timedelta) -> str:
    """``6h``, ``2d``, ``90s``: a duration as a config would write it."""
    seconds = int(duration.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
