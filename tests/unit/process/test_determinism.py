"""The output depends on the article only: not on batch size, batch order or neighbours."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from process.extractor import Extractor
from veille.contracts import Article

CORPUS = Path(__file__).resolve().parents[2] / "eval" / "corpus" / "dev.jsonl"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def corpus_articles() -> list[Article]:
    items = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    return [
        Article(
            id=item["id"],
            feed_id="eval",
            source="eval",
            title=item["title"],
            summary=item["summary"],
            lang=item.get("lang"),
            published=item.get("published"),
            fetched_at=NOW,
        )
        for item in items
    ]


def test_output_does_not_depend_on_batch_size_or_order(lexicon_config):
    articles = corpus_articles()
    whole = Extractor.from_config(lexicon_config, batch_size=64).extract(articles, now=NOW)
    small = Extractor.from_config(lexicon_config, batch_size=3)
    one_by_one = [small.extract([a], now=NOW)[0] for a in articles]
    reversed_run = list(reversed(small.extract(list(reversed(articles)), now=NOW)))
    assert whole == one_by_one == reversed_run
    assert sum(len(d.events) for d in whole) > 30


def test_one_detection_per_article_in_input_order(extractor):
    articles = corpus_articles()[:10]
    assert [d.article.id for d in extractor.extract(articles)] == [a.id for a in articles]


def test_language_is_guessed_when_the_feed_declares_none(extractor):
    articles = [a.model_copy(update={"lang": None}) for a in corpus_articles()]
    detections = extractor.extract(articles)
    guessed = [d.lang for d in detections]
    assert guessed == [a.id.split("-")[1] for a in articles]
