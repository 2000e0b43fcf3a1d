"""Config section ``events``: event types, their trigger lexicons per language and stage cues.

Owned by the extraction work (process/).
"""

from __future__ import annotations

from pydantic import Field

from veille.config.base import Section


class EventTypeConfig(Section):
    """An event type (``agreement``, ``visit``…) and the words that signal it, per language."""

    type: str = Field(pattern=r"^[a-z][a-z0-9_]{0,31}$")
    triggers: dict[str, list[str]] = Field(default_factory=dict)
