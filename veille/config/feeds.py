"""Config section ``feeds``: what to poll, how often, and how to name the outlet."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from pydantic import Field, field_validator

from veille.config.base import Duration, Section
from veille.contracts import TAG_MAX, TAGS_MAX

_SCHEMES = ("http", "https", "file")


class FeedConfig(Section):
    """One RSS/Atom feed: an http(s) URL, or a local file path (relative to the config file)."""

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", description="stable name, used in metrics")
    url: str = Field(min_length=1, description="http(s) URL, file:// URL, or a path")
    source: str | None = Field(None, description="outlet name for source counting; default: the feed title")
    lang: str | None = Field(
        None, pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$", description="language hint (fr, en, fr-FR…)"
    )
    interval: Duration = Field(timedelta(minutes=5), description="time between polls (failures back off further)")
    enabled: bool = True
    tags: tuple[Annotated[str, Field(max_length=TAG_MAX)], ...] = Field(
        (), max_length=TAGS_MAX, description="copied to every Article of the feed (the contract's limits)"
    )
    full_text: bool = Field(False, description="fetch each article's page and extract its main text")

    @field_validator("url")
    @classmethod
    def _known_scheme(cls, value: str) -> str:
        scheme, separator, _rest = value.partition("://")
        if separator and scheme.lower() not in _SCHEMES:
            raise ValueError(f"unsupported URL scheme {scheme!r}: use http(s)://, file:// or a path")
        return value

    @field_validator("interval")
    @classmethod
    def _positive(cls, value: timedelta) -> timedelta:
        if value <= timedelta(0):
            raise ValueError("a feed interval must be longer than 0 s")
        return value
