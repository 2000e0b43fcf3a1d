"""Config section ``rules``: when detections become alerts.

Owned by the alerting work (alerts/rules, alerts/engine). One model per rule type, joined in a
discriminated union on ``type`` so that a YAML error names the rule and the field.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from pydantic import Field

from veille.config.base import Duration, Section


class ThresholdRule(Section):
    """Fire when at least ``min_sources`` distinct outlets report the same group within ``window``."""

    type: Literal["threshold"] = "threshold"
    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
    event_type: str
    actors: tuple[str, ...] = ()
    min_sources: int = Field(2, ge=1)
    window: Duration = timedelta(hours=6)
    realert: Duration = timedelta(hours=24)
    receivers: tuple[str, ...] = ()


RuleConfig = ThresholdRule
