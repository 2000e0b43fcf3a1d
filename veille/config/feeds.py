"""Config section ``feeds``: what to poll, how often, and how to name the outlet."""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field

from veille.config.base import Duration, Section


class FeedConfig(Section):
    """One RSS/Atom feed: an http(s) URL, or a local file path (relative to the config file)."""

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", description="stable name, used in metrics")
    url: str = Field(min_length=1)
    source: str | None = Field(None, description="outlet name for source counting; default: the feed title")
    lang: str | None = Field(None, description="language hint (fr, en…) when items do not declare one")
    interval: Duration = timedelta(minutes=5)
    enabled: bool = True
    tags: tuple[str, ...] = ()
