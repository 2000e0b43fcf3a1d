"""Parsing never fetches what a document points at (DTDs, external entities, stylesheets)."""

from __future__ import annotations

import pytest

from ingest.errors import FeedPermanentError
from ingest.parse import parse_feed
from tests.integration.ingest.conftest import Reply


def test_external_dtd_and_stylesheet_are_not_fetched(feed_server):
    dtd = feed_server.serve("/rss.dtd", Reply(200, b'<!ENTITY x "boom">'))
    css = feed_server.serve("/style.xsl", Reply(200, b""))
    body = (
        f'<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="{css}"?>'
        f'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "{dtd}">'
        '<rss version="0.91"><channel><title>t</title><item><title>a</title></item></channel></rss>'
    ).encode()
    assert len(parse_feed(body).entries) == 1
    assert feed_server.requests == []


def test_external_entity_is_refused_without_being_fetched(feed_server):
    url = feed_server.serve("/secret", Reply(200, b"secret"))
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY ext SYSTEM "{url}">]>'
        "<rss><channel><item><title>&ext;</title></item></channel></rss>"
    ).encode()
    with pytest.raises(FeedPermanentError, match="XXE guard"):
        parse_feed(body)
    assert feed_server.requests == []
