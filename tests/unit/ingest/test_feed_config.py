"""The ``feeds`` config section refuses what the poller could never fetch."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from veille.config.feeds import FeedConfig


@pytest.mark.parametrize(
    "url", ["https://example.org/rss", "HTTP://example.org/rss", "file:///srv/feed.xml", "/srv/f.xml"]
)
def test_fetchable_urls_are_accepted(url):
    assert FeedConfig(id="f", url=url).url == url


@pytest.mark.parametrize("url", ["ftp://example.org/rss", "gopher://x/1", "javascript://x"])
def test_other_schemes_are_refused_naming_the_scheme(url):
    with pytest.raises(ValidationError, match="unsupported URL scheme"):
        FeedConfig(id="f", url=url)


def test_language_hint_must_look_like_a_language_tag():
    assert FeedConfig(id="f", url="/f.xml", lang="fr-FR").lang == "fr-FR"
    with pytest.raises(ValidationError, match="lang"):
        FeedConfig(id="f", url="/f.xml", lang="french!")


def test_interval_must_be_positive():
    with pytest.raises(ValidationError, match="longer than 0 s"):
        FeedConfig(id="f", url="/f.xml", interval="0s")


def test_ingest_section_defaults_and_limits():
    from datetime import timedelta

    from veille.config.ingest import IngestConfig

    limits = IngestConfig()
    assert limits.dead_after == timedelta(days=3) and not limits.full_text.allow_private
    assert not limits.websub.enabled
    with pytest.raises(ValidationError, match="min_interval must not exceed max_interval"):
        IngestConfig(min_interval="2h", max_interval="1h")
    with pytest.raises(ValidationError, match="seen_retention must be at least 1d"):
        IngestConfig(seen_retention="1h")
    with pytest.raises(ValidationError, match="contact_url"):
        IngestConfig(contact_url="call me")


def test_full_text_is_off_unless_asked_for():
    assert not FeedConfig(id="f", url="/f.xml").full_text
    assert FeedConfig(id="f", url="/f.xml", full_text=True).full_text
