"""Parsing: every corpus file becomes Articles or one line of reason; hostile XML is refused."""

from __future__ import annotations

import csv
import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ingest.errors import FeedPermanentError
from ingest.normalize import normalize_entry
from ingest.parse import parse_feed
from veille.config.feeds import FeedConfig
from veille.errors import VeilleError

REPO = Path(__file__).resolve().parents[3]
CORPUS = Path(os.environ.get("VEILLE_FEED_CORPUS", REPO.parent / "shared" / "corpora" / "feeds"))
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def corpus_index() -> list[tuple[str, str]]:
    """(path, notes) rows of the corpus index; empty when the corpus is absent."""
    index = CORPUS / "index.tsv"
    if not index.is_file():
        return []
    with index.open(encoding="utf-8", newline="") as handle:
        return [(row["path"], row["notes"]) for row in csv.DictReader(handle, delimiter="\t")]


INDEX = corpus_index()
needs_corpus = pytest.mark.skipif(not INDEX, reason=f"feed corpus not found at {CORPUS} (set VEILLE_FEED_CORPUS)")


@needs_corpus
@pytest.mark.parametrize(("path", "notes"), INDEX or [("-", "-")], ids=[row[0] for row in INDEX] or ["absent"])
def test_corpus_file_becomes_articles_or_one_line_of_reason(path, notes):
    body = (CORPUS / path).read_bytes()
    try:
        parsed = parse_feed(body)
    except VeilleError as exc:
        assert str(exc) and "\n" not in str(exc)
        expected = re.search(r"feedparser [\d.]+: bozo=\d entries=(\d+)", notes)
        assert expected is None or expected.group(1) == "0", f"feedparser reads entries that we refused: {exc}"
        return
    feed = FeedConfig(id="corpus", url=str(CORPUS / path))
    for entry in parsed.entries:
        try:
            article = normalize_entry(entry, feed=feed, feed_title=parsed.title, feed_lang=parsed.lang, fetched_at=NOW)
        except FeedPermanentError as exc:
            assert "\n" not in str(exc)
            assert not any(entry.get(key) for key in ("id", "link", "title")), f"identifiable entry refused: {exc}"
            continue
        assert article.source
        assert article.published is None or article.published <= NOW
    expected = re.search(r"entries=(\d+)", notes)
    if expected:
        assert len(parsed.entries) >= int(expected.group(1)), "fewer entries than feedparser alone reads"


@needs_corpus
@pytest.mark.parametrize("name", ["xmlbomb", "xmlbomb2", "quadratic", "cyclic", "external", "external_file"])
def test_hostile_corpus_documents_are_refused_as_hostile(name):
    with pytest.raises(FeedPermanentError, match="entity expansion / XXE guard") as caught:
        parse_feed((CORPUS / "hostile-defusedxml" / f"{name}.xml").read_bytes())
    assert caught.value.kind == "hostile"


@needs_corpus
def test_an_external_dtd_reference_alone_is_harmless_and_not_refused():
    assert parse_feed((CORPUS / "feedreader-dotnet" / "Rss091FullSample.xml").read_bytes()).entries


BOMB_ITEM = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;">]>
<rss version="2.0"><channel><title>t</title><item><title>&c;</title></item></channel></rss>"""


@pytest.mark.parametrize(
    "body",
    [
        BOMB_ITEM,
        BOMB_ITEM.replace(b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="koi8-r"?>'),
        BOMB_ITEM.replace(b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="shift_jis"?>'),
        BOMB_ITEM.replace(b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="no-such-codec"?>'),
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item>'
        b"<title>&x;</title></item></channel></rss>",
        "\ufeff".encode("utf-16-le")
        + BOMB_ITEM.decode().replace('1.0"?>', '1.0" encoding="utf-16"?>').encode("utf-16-le"),
    ],
    ids=["billion-laughs", "single-byte-codec", "multibyte-codec", "unknown-codec", "xxe-file", "utf-16"],
)
def test_feed_shaped_entity_attacks_are_refused_whatever_the_encoding(body):
    with pytest.raises(FeedPermanentError) as caught:
        parse_feed(body)
    assert caught.value.kind == "hostile"


def test_bozo_feed_with_entries_is_accepted_with_its_reason():
    body = b'<rss version="2.0"><channel><title>t</title><item><title>A &nbsp broken & feed</title></item></channel>'
    parsed = parse_feed(body)
    assert len(parsed.entries) == 1
    assert parsed.bozo and "\n" not in parsed.bozo


def test_garbage_is_refused_with_one_line():
    with pytest.raises(FeedPermanentError, match="not a readable feed") as caught:
        parse_feed(b"\x00\x01 this is not xml <<<")
    assert caught.value.kind == "parse"


def test_bomless_utf16_feed_is_read():
    body = '<rss version="2.0"><channel><title>t</title><item><title>Traité signé</title></item></channel></rss>'
    parsed = parse_feed(body.encode("utf-16-le"))
    assert [entry["title"] for entry in parsed.entries] == ["Traité signé"]


def test_http_charset_is_used_when_the_document_declares_none():
    body = '<rss version="2.0"><channel><title>t</title><item><title>Договор</title></item></channel></rss>'
    parsed = parse_feed(body.encode("koi8-r"), "application/rss+xml; charset=koi8-r")
    assert parsed.entries[0]["title"] == "Договор"
