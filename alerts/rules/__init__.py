"""Alert rule types, one module per type, and the registry that builds them from config.

``build_rule(config)`` turns one ``rules:`` entry into its ``Rule``; a new type is a config model
in ``veille.config.rules`` (added to ``RuleConfig``), a module here, and one line in ``RULE_TYPES``.
"""

from __future__ import annotations

from alerts.rules.any import AnyRule
from alerts.rules.base import GroupKey, History, Report, Rule
from alerts.rules.first_seen import FirstSeenRule
from alerts.rules.flatline import FlatlineRule
from alerts.rules.spike import SpikeRule
from alerts.rules.threshold import ThresholdRule
from veille.config.rules import RuleBase

__all__ = ["RULE_TYPES", "GroupKey", "History", "Report", "Rule", "build_rule"]

RULE_TYPES: dict[str, type[Rule]] = {
    "any": AnyRule,
    "threshold": ThresholdRule,
    "first_seen": FirstSeenRule,
    "spike": SpikeRule,
    "flatline": FlatlineRule,
}


def build_rule(config: RuleBase) -> Rule:
    """The Rule for one configured rule (its ``type`` picks the class)."""
    return RULE_TYPES[config.type](config)  # type: ignore[attr-defined]
