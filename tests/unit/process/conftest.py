"""Fixtures for the extraction tests: the shipped lexicons, one Extractor per session, an article maker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from process import document, languages, nlp
from process.document import Document
from process.extractor import Extractor
from process.languages import LanguageProfile
from veille.config import VeilleConfig, load_config
from veille.contracts import Article, Detection

CONFIG = Path(__file__).resolve().parents[2] / "eval" / "config.yaml"


@pytest.fixture(scope="session")
def lexicon_config() -> VeilleConfig:
    """The config made of the shipped config/lexicon files."""
    return load_config(CONFIG, environ={})


@pytest.fixture(scope="session")
def extractor(lexicon_config: VeilleConfig) -> Extractor:
    """One extractor for the whole session (spaCy pipelines are built once)."""
    return Extractor.from_config(lexicon_config)


def make_article(
    title: str, summary: str = "", lang: str | None = "en", published: str | None = "2024-06-19", ident: str = "a"
) -> Article:
    """An Article as ingest would produce it."""
    when = datetime.fromisoformat(published).replace(tzinfo=UTC) if published else None
    return Article(
        id=ident,
        feed_id="test",
        source="test",
        title=title,
        summary=summary,
        lang=lang,
        published=when,
        fetched_at=when or datetime(2024, 6, 19, tzinfo=UTC),
    )


@pytest.fixture
def detect(extractor: Extractor) -> Callable[..., Detection]:
    """Extract one article built from ``make_article``'s arguments."""

    def run(*args: str | None, **kwargs: str | None) -> Detection:
        return extractor.extract([make_article(*args, **kwargs)])[0]

    return run


@pytest.fixture(scope="session")
def rules_extractor(lexicon_config: VeilleConfig) -> Extractor:
    """An extractor without the learned backstop, for tests that pin down what the rules alone decide."""
    return Extractor.from_config(lexicon_config, backstop=False)


@pytest.fixture
def detect_rules(rules_extractor: Extractor) -> Callable[..., Detection]:
    """Extract one article built from ``make_article``'s arguments with the rules alone."""

    def run(*args: str | None, **kwargs: str | None) -> Detection:
        return rules_extractor.extract([make_article(*args, **kwargs)])[0]

    return run


def analysed(extractor: Extractor, title: str, summary: str = "", lang: str = "en") -> tuple[Document, LanguageProfile]:
    """The analysed document of one article (published 2025-02-01) and its language profile, as the extractor
    builds them: for tests of one step of the rules (a modality, a story check) on a real document."""
    item = extractor.prepare(make_article(title, summary, lang=lang, published="2025-02-01"))
    profile = languages.profile(item.lang)
    (annotation,) = nlp.annotate(
        extractor._pipelines[item.lang],
        [item.text],
        profile.pipeline.pending_morph,
        1,
        profile.pipeline.pending_endings,
    )
    return document.split(item.text, len(title), item.tokens, item.mentions, annotation, item.lang, 2025), profile


def stage(detection: Detection, event_type: str) -> str | None:
    """The stage of the Russia–DPRK event of ``event_type`` in ``detection``, or None."""
    for event in detection.events:
        if event.type == event_type and {"PRK", "RUS"} <= set(event.actors):
            return event.stage
    return None


def directed(detection: Detection, event_type: str) -> tuple[str | None, str | None, str | None] | None:
    """(stage, from, to) of the Russia–DPRK event of ``event_type`` in ``detection``, or None."""
    for event in detection.events:
        if event.type == event_type and {"PRK", "RUS"} <= set(event.actors):
            return event.stage, event.from_, event.to
    return None


def agreement(detection: Detection) -> str | None:
    """The stage of the Russia–DPRK agreement in ``detection``, or None."""
    return stage(detection, "agreement")


def launch(detection: Detection) -> tuple[str | None, tuple[str, ...]]:
    """The stage and actors of the missile launch in ``detection`` ((None, ()) without one)."""
    event = next((e for e in detection.events if e.type == "missile_launch"), None)
    return (event.stage, tuple(event.actors)) if event else (None, ())


def event(
    detection: Detection, event_type: str
) -> tuple[tuple[str, ...], str | None, str | None, str | None, str | None] | None:
    """(actors, stage, from, to, claimed_by) of the first ``event_type`` event in ``detection``, or None."""
    for found in detection.events:
        if found.type == event_type:
            return tuple(found.actors), found.stage, found.from_, found.to, found.claimed_by
    return None


def told(detection: Detection, event_type: str) -> tuple[str | None, str | None, str | None]:
    """The stage and direction of the first ``event_type`` event in ``detection`` ((None, None, None) without one)."""
    found = next((e for e in detection.events if e.type == event_type), None)
    return (found.stage, found.from_, found.to) if found else (None, None, None)
