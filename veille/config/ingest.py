"""Config section ``ingest``: fetch limits, politeness, dead feeds, seen retention, WebSub and full text."""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field, model_validator

from veille.config.base import Duration, Section
from veille.contracts import SUMMARY_MAX


class WebSubConfig(Section):
    """Push delivery (WebSub): the ingest worker's callback endpoint, off unless ``enabled``.

    ``callback_url`` is the public base URL hubs reach (it routes to ``host:port`` of each replica;
    default ``http://host:port``); each subscription gets ``callback_url/<feed id>/<token>``.
    """

    enabled: bool = False
    callback_url: str | None = Field(None, pattern=r"^https?://", description="public base URL of the endpoint")
    host: str = Field("127.0.0.1", description="address the callback endpoint listens on")
    port: int = Field(9180, ge=0, le=65535, description="port of the callback endpoint (0: any free port)")
    lease: Duration = Field(timedelta(days=5), description="hub.lease_seconds asked for")
    renew_before: Duration = Field(timedelta(hours=12), description="renew a lease this long before it expires")
    max_body_bytes: int = Field(2 * 1024 * 1024, ge=1024, description="largest pushed body accepted")
    push_poll_interval: Duration = Field(
        timedelta(hours=1), description="polling interval of a feed whose hub pushes (a safety net)"
    )
    retry_after_failure: Duration = Field(timedelta(hours=6), description="wait before subscribing again")
    allow_private: bool = Field(False, description="allow hubs on loopback/private addresses (tests only)")
    verify_timeout: Duration = Field(
        timedelta(minutes=10), description="a hub that has not verified the intent by then has failed"
    )


class FullTextConfig(Section):
    """Fetching article pages for feeds with ``full_text: true`` (item links are attacker-controlled)."""

    timeout: float = Field(10.0, gt=0, description="seconds for one page (connect, read, whole download)")
    max_bytes: int = Field(2 * 1024 * 1024, ge=1024, description="largest page read")
    max_chars: int = Field(
        10_000, ge=100, le=SUMMARY_MAX, description="longest extracted text kept (the Article summary limit at most)"
    )
    per_host_per_minute: int = Field(6, ge=1, description="pages fetched per host per minute at most")
    per_poll: int = Field(10, ge=1, le=50, description="pages fetched per feed poll at most (others keep the summary)")
    allow_private: bool = Field(
        False, description="allow loopback, private and link-local addresses (tests, intranets only)"
    )


class IngestConfig(Section):
    """How the ingest worker fetches: limits, politeness, schedule bounds, dead feeds and retention."""

    contact_url: str | None = Field(
        None, pattern=r"^(https?://|mailto:)\S+$", description="added to the User-Agent so publishers can reach you"
    )
    connect_timeout: float = Field(10.0, gt=0)
    read_timeout: float = Field(30.0, gt=0)
    deadline: float = Field(60.0, gt=0, description="seconds for a whole feed download")
    max_body_bytes: int = Field(10 * 1024 * 1024, ge=1024)
    max_redirects: int = Field(5, ge=0, le=20)
    concurrency: int = Field(8, ge=1, le=256, description="feeds fetched at once by one replica")
    per_host: int = Field(2, ge=1, le=64, description="fetches at once per host")
    min_interval: Duration = Field(
        timedelta(minutes=1), description="shortest interval a feed's ttl / Cache-Control may set"
    )
    max_interval: Duration = Field(timedelta(hours=6), description="longest interval a feed's hints may set")
    dead_after: Duration = Field(timedelta(days=3), description="a feed failing this long is marked dead")
    dead_retry: Duration = Field(timedelta(days=1), description="how often a dead feed is still tried")
    seen_retention: Duration = Field(
        timedelta(days=30), description="keep seen article ids this long (and longer than any feed keeps items)"
    )
    websub: WebSubConfig = WebSubConfig()
    full_text: FullTextConfig = FullTextConfig()

    @model_validator(mode="after")
    def _coherent(self) -> IngestConfig:
        if self.min_interval > self.max_interval:
            raise ValueError("min_interval must not exceed max_interval")
        if self.seen_retention < timedelta(days=1):
            raise ValueError("seen_retention must be at least 1d (pruned ids of live items would be re-sent)")
        return self
