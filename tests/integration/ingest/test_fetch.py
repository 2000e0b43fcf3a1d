"""Fetching over real HTTP (a local server) and from local files."""

from __future__ import annotations

import email.utils
import gzip
import socket
from datetime import UTC, datetime, timedelta

import pytest

from ingest.errors import FeedPermanentError, FeedTransientError
from ingest.fetch import USER_AGENT, Fetcher
from tests.integration.ingest.conftest import Reply, conditional

FEED = b'<rss version="2.0"><channel><title>t</title><item><title>a</title></item></channel></rss>'


@pytest.fixture
def fetcher():
    with Fetcher(connect_timeout=2, read_timeout=2, max_bytes=1_000_000) as fetcher:
        yield fetcher


def test_first_fetch_returns_body_and_validators_and_identifies_itself(feed_server, fetcher):
    url = feed_server.serve("/feed", conditional(FEED))
    fetched = fetcher.fetch(url)
    assert fetched.body == FEED
    assert (fetched.etag, fetched.last_modified) == ('"v1"', "Tue, 18 Jun 2024 08:00:00 GMT")
    assert fetched.content_type == "application/rss+xml"
    (request,) = feed_server.hits("/feed")
    assert request["user-agent"] == USER_AGENT
    assert "gzip" in request["accept-encoding"]


def test_conditional_get_sends_validators_and_reads_304_as_not_modified(feed_server, fetcher):
    url = feed_server.serve("/feed", conditional(FEED))
    first = fetcher.fetch(url)
    second = fetcher.fetch(url, etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified
    assert second.body is None
    request = feed_server.hits("/feed")[1]
    assert request["if-none-match"] == '"v1"'
    assert request["if-modified-since"] == "Tue, 18 Jun 2024 08:00:00 GMT"


def test_gzip_body_is_decoded(feed_server, fetcher):
    url = feed_server.serve("/gz", Reply(200, gzip.compress(FEED), {"Content-Encoding": "gzip"}))
    assert fetcher.fetch(url).body == FEED


def test_gzip_bomb_is_stopped_at_the_size_cap(feed_server, fetcher):
    bomb = gzip.compress(b"\0" * 20_000_000)
    url = feed_server.serve("/bomb", Reply(200, bomb, {"Content-Encoding": "gzip"}))
    with pytest.raises(FeedPermanentError, match="larger than 1000000 bytes") as caught:
        fetcher.fetch(url)
    assert caught.value.kind == "too_large"


def test_corrupt_gzip_is_a_permanent_error(feed_server, fetcher):
    url = feed_server.serve("/bad-gz", Reply(200, b"not gzip at all", {"Content-Encoding": "gzip"}))
    with pytest.raises(FeedPermanentError, match="corrupt gzip body"):
        fetcher.fetch(url)


def test_huge_response_is_refused(feed_server, fetcher):
    url = feed_server.serve("/huge", Reply(200, b"x" * 1_500_000))
    with pytest.raises(FeedPermanentError, match="larger than"):
        fetcher.fetch(url)


def test_429_honours_retry_after_seconds(feed_server, fetcher):
    url = feed_server.serve("/busy", Reply(429, b"", {"Retry-After": "120"}))
    with pytest.raises(FeedTransientError, match="HTTP 429 Too Many Requests, retry after 120 s") as caught:
        fetcher.fetch(url)
    assert caught.value.retry_after == 120
    assert caught.value.kind == "rate_limited"


def test_503_honours_retry_after_http_date(feed_server, fetcher):
    when = email.utils.format_datetime(datetime.now(UTC) + timedelta(hours=1), usegmt=True)
    url = feed_server.serve("/down", Reply(503, b"", {"Retry-After": when}))
    with pytest.raises(FeedTransientError) as caught:
        fetcher.fetch(url)
    assert 3000 < caught.value.retry_after <= 3600


def test_retry_after_is_capped(feed_server):
    url = feed_server.serve("/busy", Reply(429, b"", {"Retry-After": "99999999"}))
    with Fetcher(max_retry_after=3600) as fetcher, pytest.raises(FeedTransientError) as caught:
        fetcher.fetch(url)
    assert caught.value.retry_after == 3600


def test_server_errors_are_transient_and_client_errors_permanent(feed_server, fetcher):
    with pytest.raises(FeedTransientError, match="HTTP 500 Internal Server Error"):
        fetcher.fetch(feed_server.serve("/500", Reply(500, b"boom")))
    with pytest.raises(FeedPermanentError, match="HTTP 404 Not Found"):
        fetcher.fetch(feed_server.url("/missing"))
    with pytest.raises(FeedPermanentError, match="HTTP 410 Gone"):
        fetcher.fetch(feed_server.serve("/gone", Reply(410, b"")))


def test_slow_server_times_out(feed_server):
    url = feed_server.serve("/slow", Reply(200, FEED, delay=10))
    with Fetcher(read_timeout=0.2) as fetcher, pytest.raises(FeedTransientError, match="timed out") as caught:
        fetcher.fetch(url)
    assert caught.value.kind == "timeout"


def test_overall_deadline_stops_a_download(feed_server):
    url = feed_server.serve("/feed", Reply(200, FEED))
    with Fetcher(deadline=0.0) as fetcher, pytest.raises(FeedTransientError, match="longer than 0 s"):
        fetcher.fetch(url)


def test_redirects_are_followed_up_to_a_bound(feed_server, fetcher):
    feed_server.serve("/feed", Reply(200, FEED))
    feed_server.serve("/moved", Reply(301, b"", {"Location": "/feed"}))
    assert fetcher.fetch(feed_server.url("/moved")).body == FEED
    feed_server.serve("/loop", Reply(302, b"", {"Location": "/loop"}))
    with pytest.raises(FeedPermanentError, match="too many redirects") as caught:
        fetcher.fetch(feed_server.url("/loop"))
    assert caught.value.kind == "redirects"


def test_redirect_to_a_local_file_is_refused(feed_server, fetcher):
    url = feed_server.serve("/sneaky", Reply(302, b"", {"Location": "file:///etc/passwd"}))
    with pytest.raises(FeedPermanentError, match="bad URL or redirect target"):
        fetcher.fetch(url)


def test_connection_refused_is_transient(fetcher):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FeedTransientError, match="connection failed") as caught:
        fetcher.fetch(f"http://127.0.0.1:{port}/feed")
    assert caught.value.kind == "connection"


def test_unsupported_scheme_is_permanent(fetcher):
    with pytest.raises(FeedPermanentError, match="unsupported URL scheme 'ftp'"):
        fetcher.fetch("ftp://example.org/feed.xml")


@pytest.mark.parametrize("as_url", [False, True], ids=["path", "file-url"])
def test_local_file_is_read_and_then_not_modified(tmp_path, fetcher, as_url):
    path = tmp_path / "demo feed.xml"
    path.write_bytes(FEED)
    url = path.as_uri() if as_url else str(path)
    first = fetcher.fetch(url)
    assert first.body == FEED
    assert fetcher.fetch(url, etag=first.etag).not_modified
    path.write_bytes(FEED + b"\n")
    assert fetcher.fetch(url, etag=first.etag).body == FEED + b"\n"


def test_missing_local_file_is_a_permanent_error(tmp_path, fetcher):
    with pytest.raises(FeedPermanentError, match=r"cannot read .*missing\.xml: No such file") as caught:
        fetcher.fetch(str(tmp_path / "missing.xml"))
    assert caught.value.kind == "file"


def test_oversized_local_file_is_refused(tmp_path):
    path = tmp_path / "big.xml"
    path.write_bytes(b"x" * 2000)
    with Fetcher(max_bytes=1000) as fetcher, pytest.raises(FeedPermanentError, match="larger than 1000 bytes"):
        fetcher.fetch(str(path))


def test_http_proxy_from_the_environment_carries_the_request(feed_server, monkeypatch):
    proxy = feed_server.serve("/", Reply(404))  # the feed server doubles as a forward proxy
    target = "http://feeds.example.invalid/feed"  # resolvable only by the proxy
    feed_server.serve(target, conditional(FEED))
    monkeypatch.setenv("HTTP_PROXY", proxy)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with Fetcher(connect_timeout=2, read_timeout=2) as fetcher:
        assert fetcher.fetch(target).body == FEED
    assert len(feed_server.hits(target)) == 1


def test_no_proxy_hosts_are_reached_directly(feed_server, monkeypatch):
    url = feed_server.serve("/feed", conditional(FEED))
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        dead_proxy = f"http://127.0.0.1:{unused.getsockname()[1]}"
    monkeypatch.setenv("HTTP_PROXY", dead_proxy)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    with Fetcher(connect_timeout=2, read_timeout=2) as fetcher:
        assert fetcher.fetch(url).body == FEED
