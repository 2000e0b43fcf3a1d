"""Reading what feeds and servers say about polling: Cache-Control, ttl, sy:*, Link headers, signatures."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from ingest.hints import cache_max_age, feed_interval_hint, feed_links, header_links
from ingest.websub import signature_ok


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("max-age=600", 600.0),
        ("public, max-age=60, s-maxage=3600", 3600.0),
        ('max-age="120"', 120.0),
        ("no-cache, max-age=600", None),
        ("no-store", None),
        ("max-age=soon", None),
        (None, None),
    ],
)
def test_cache_control_max_age(value, seconds):
    assert cache_max_age(value) == seconds


@pytest.mark.parametrize(
    ("feed", "seconds"),
    [
        ({"ttl": "60"}, 3600.0),
        ({"ttl": "junk", "sy_updateperiod": "daily"}, 86400.0),
        ({"sy_updateperiod": "hourly", "sy_updatefrequency": "4"}, 900.0),
        ({"sy_updateperiod": " Weekly "}, 604800.0),
        ({"sy_updateperiod": "fortnightly"}, None),
        ({"sy_updateperiod": "daily", "sy_updatefrequency": "0"}, None),
        ({"ttl": "-5"}, None),
        ({}, None),
    ],
)
def test_feed_interval_hints(feed, seconds):
    assert feed_interval_hint(feed) == seconds


def test_link_headers_give_each_rel_its_url():
    values = [
        '<https://hub.example/>; rel="hub", <https://x.example/feed>; rel=self',
        "<https://a/>; title=x; rel=alternate",
    ]
    assert header_links(values) == (
        ("hub", "https://hub.example/"),
        ("self", "https://x.example/feed"),
        ("alternate", "https://a/"),
    )
    assert header_links(['<https://h/>; rel="hub self"']) == (("hub", "https://h/"), ("self", "https://h/"))
    assert header_links(["garbage, <>; rel=hub"]) == ()


def test_feed_links_keep_only_complete_links():
    feed = {"links": [{"rel": "HUB", "href": " https://hub/ "}, {"rel": "self"}, "junk", {"href": "x"}]}
    assert feed_links(feed) == (("hub", "https://hub/"),)


@pytest.mark.parametrize(
    ("header", "method"),
    [("x-hub-signature-256", "sha256"), ("x-hub-signature", "sha1"), ("x-hub-signature", "sha512")],
)
def test_signatures_are_checked_with_the_method_the_hub_names(header, method):
    body = b"<feed/>"
    good = hmac.new(b"s3cret", body, getattr(hashlib, method)).hexdigest()
    assert signature_ok("s3cret", body, {header: f"{method}={good}"})
    assert not signature_ok("other", body, {header: f"{method}={good}"})
    assert not signature_ok("s3cret", body + b" ", {header: f"{method}={good}"})
    assert not signature_ok("s3cret", body, {header: f"md5={good}"})
    assert not signature_ok("s3cret", body, {})
