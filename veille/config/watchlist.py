"""Config section ``watchlist``: the entities veille watches, with their names per language.

Owned by the extraction work (process/); see docs/WATCHING.md for how to add an entity.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from veille.config.base import Section


class EntityConfig(Section):
    """A watched entity: a country (ISO 3166 alpha-3 id), a person or an organisation."""

    id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,32}$")
    kind: Literal["country", "person", "organisation"] = "country"
    names: dict[str, list[str]] = Field(default_factory=dict, description="language -> names and aliases")
