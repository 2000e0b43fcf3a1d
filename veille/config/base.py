"""Common base for every config section: strict, immutable, documented fields."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict


class Section(BaseModel):
    """A config section: unknown keys are errors (a typo must not silently disable a feature)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(value: object) -> timedelta:
    """Read ``30s``, ``5m``, ``6h``, ``30d``, ``1w``, a number of seconds, or a timedelta."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, bool):
        raise ValueError("a duration is a number of seconds or a string like '5m', '6h', '30d'")
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str) and (match := re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*", value)):
        seconds = float(match.group(1)) * _UNITS[match.group(2) or "s"]
    else:
        raise ValueError(f"{value!r} is not a duration: use a number of seconds or '30s', '5m', '6h', '30d', '1w'")
    if seconds < 0:
        raise ValueError("a duration cannot be negative")
    return timedelta(seconds=seconds)


Duration = Annotated[timedelta, BeforeValidator(parse_duration)]
"""A config duration: ``30s``, ``5m``, ``6h``, ``30d``, ``1w`` or a number of seconds."""
