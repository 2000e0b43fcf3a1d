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
