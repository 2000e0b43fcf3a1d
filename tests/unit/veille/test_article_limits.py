"""The Article contract bounds every field, and the producers (ingest, extract) truncate to fit."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from ingest import normalize
from ingest.parse import parse_feed
from process.extractor import ANALYSED_MAX, analysed_text
from veille import contracts
from veille.config.feeds import FeedConfig
from veille.config.ingest import FullTextConfig
from veille.contracts import Article

NOW = datetime(2024, 6, 18, 12, 0, tzinfo=UTC)


def article(**fields: object) -> Article:
    return Article(**{"id": "a", "feed_id": "f", "source": "s", "fetched_at": NOW, **fields})


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("id", contracts.ID_MAX),
        ("feed_id", contracts.FEED_ID_MAX),
        ("source", contracts.SOURCE_MAX),
        ("url", contracts.URL_MAX),
        ("title", contracts.TITLE_MAX),
        ("summary", contracts.SUMMARY_MAX),
        ("lang", contracts.LANG_MAX),
    ],
)
def test_each_text_field_accepts_its_limit_and_refuses_one_more_character(field: str, limit: int) -> None:
    assert len(getattr(article(**{field: "x" * limit}), field)) == limit
    with pytest.raises(ValidationError, match=field):
        article(**{field: "x" * (limit + 1)})


def test_tags_are_bounded_in_number_and_length() -> None:
    article(tags=("t" * contracts.TAG_MAX,) * contracts.TAGS_MAX)
    with pytest.raises(ValidationError):
        article(tags=("t",) * (contracts.TAGS_MAX + 1))
    with pytest.raises(ValidationError):
        article(tags=("t" * (contracts.TAG_MAX + 1),))


def test_a_record_over_the_limits_does_not_decode_from_the_wire() -> None:
    wire = article(summary="ok").model_dump_json().replace('"ok"', '"' + "x" * (contracts.SUMMARY_MAX + 1) + '"')
    with pytest.raises(ValidationError):
        Article.model_validate_json(wire)


def test_ingest_caps_fit_the_contract() -> None:
    assert normalize.TITLE_MAX <= contracts.TITLE_MAX
    assert normalize.SUMMARY_MAX <= contracts.SUMMARY_MAX
    assert normalize.SOURCE_MAX <= contracts.SOURCE_MAX
    assert normalize.URL_MAX <= contracts.URL_MAX


def test_ingest_truncates_a_huge_entry_instead_of_dropping_it() -> None:
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
        f"<guid>g1</guid><title>{'Headline ' * 2000}</title><description>{'Body text. ' * 200_000}</description>"
        f"<source url='https://s.example/'>{'Outlet ' * 500}</source></item></channel></rss>"
    ).encode()
    parsed = parse_feed(body)
    (entry,) = parsed.entries
    got = normalize.normalize_entry(
        entry, feed=FeedConfig(id="f", url="/f.xml"), feed_title="t", feed_lang=None, fetched_at=NOW
    )
    assert got.title.startswith("Headline Headline") and len(got.title) <= contracts.TITLE_MAX
    assert got.summary.startswith("Body text.") and len(got.summary) <= contracts.SUMMARY_MAX
    assert len(got.source) <= contracts.SOURCE_MAX


def test_the_extractor_analyses_a_bounded_prefix_cut_at_a_word() -> None:
    short = article(title="Title", summary="Lead.")
    assert analysed_text(short) == short.text
    long = article(title="Title", summary="Lead sentence. " + "word " * 10_000)
    prefix = analysed_text(long)
    assert len(prefix) <= ANALYSED_MAX
    assert long.text.startswith(prefix) and prefix.endswith("word")


def test_feed_tags_beyond_the_contract_are_a_config_error_not_dropped_articles() -> None:
    with pytest.raises(ValidationError, match="tags"):
        FeedConfig(id="f", url="/f.xml", tags=("t",) * (contracts.TAGS_MAX + 1))
    with pytest.raises(ValidationError, match="tags"):
        FeedConfig(id="f", url="/f.xml", tags=("t" * (contracts.TAG_MAX + 1),))


def test_full_text_cannot_be_configured_longer_than_the_article_summary_limit() -> None:
    assert FullTextConfig(max_chars=contracts.SUMMARY_MAX).max_chars == contracts.SUMMARY_MAX
    with pytest.raises(ValidationError, match="max_chars"):
        FullTextConfig(max_chars=contracts.SUMMARY_MAX + 1)
