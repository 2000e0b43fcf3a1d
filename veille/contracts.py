"""The messages that cross a stage boundary, and the topics that carry them.

Every record on a veille topic is one of the frozen models below, serialised as UTF-8 JSON.
Nothing else crosses a stage: no raw dicts. Each model carries a ``schema_version`` so a consumer
can refuse (dead-letter) a record written by a newer producer instead of misreading it.

Topic table (names get the configured prefix, ``veille.`` by default):

=============  ===============  ==============================================================
topic          model            key
=============  ===============  ==============================================================
articles       Article          article id: every replay of an item lands on one partition
detections     Detection        article id (alerts correctness comes from SQL, not partitioning)
alerts         Alert            alert id (group key + stage + rule): all notices of one alert
dlq            DeadLetter       the original record's key
=============  ===============  ==============================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = 2
"""2: Event.object/from/to/claimed_by, Alert.reports/denials/denied_by/evidence_source/from/to/claimed_by and the
``disputed`` kind; 1 still reads."""

Stage = Literal["announced", "signed", "ratified", "in_force", "held", "reported", "confirmed"]
STAGES: tuple[Stage, ...] = ("announced", "signed", "ratified", "in_force")  # the agreement ladder


class Contract(BaseModel):
    """Base of every topic message: immutable, strict about unknown fields, versioned."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: int = SCHEMA_VERSION

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value > SCHEMA_VERSION:
            raise ValueError(f"schema_version {value} is newer than this worker understands ({SCHEMA_VERSION})")
        return value

    def to_bytes(self) -> bytes:
        """Serialise for the wire (compact UTF-8 JSON).

        The serializer's bytes as they are: ``model_dump_json`` would decode them to a str only for
        us to encode it back, two copies of every payload on the runner's hot path.
        """
        return self.__pydantic_serializer__.to_json(self)


def utc(value: datetime) -> datetime:
    """Return ``value`` as an aware UTC datetime (naive values are taken as UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


# Length limits of an Article, in characters. Every producer is held to them (a longer record is
# schema-invalid and goes to the dead-letter topic); ingest and ``veille extract`` truncate to fit.
ID_MAX = 128
FEED_ID_MAX = 64
SOURCE_MAX = 200
URL_MAX = 2048
TITLE_MAX = 1000
SUMMARY_MAX = 100_000
LANG_MAX = 35
TAG_MAX = 64
TAGS_MAX = 32


class Article(Contract):
    """One news item as ingested from a feed, normalised.

    ``id`` is stable across polls and replicas: derived from the entry's guid, else its canonical
    link, else its title and date (see ``ingest.normalize``). ``source`` names the outlet (for
    counting independent sources), ``feed_id`` the configured feed it came from. Field lengths are
    bounded by the ``*_MAX`` constants above (``summary`` may carry a full text, hence its size).
    """

    id: str = Field(min_length=1, max_length=ID_MAX)
    feed_id: str = Field(max_length=FEED_ID_MAX)
    source: str = Field(max_length=SOURCE_MAX)
    url: str | None = Field(None, max_length=URL_MAX)
    title: str = Field("", max_length=TITLE_MAX)
    summary: str = Field("", max_length=SUMMARY_MAX)
    lang: str | None = Field(None, max_length=LANG_MAX)
    published: datetime | None = None
    fetched_at: datetime
    tags: tuple[Annotated[str, Field(max_length=TAG_MAX)], ...] = Field((), max_length=TAGS_MAX)
    fingerprint: str | None = Field(
        default=None, description="64-bit SimHash of title+summary as 16 hex digits, for syndication dedup"
    )

    @field_validator("published", "fetched_at")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return None if value is None else utc(value)

    @property
    def text(self) -> str:
        """Title and summary joined by a blank line: the text that offsets point into."""
        return f"{self.title}\n\n{self.summary}" if self.summary else self.title


class EntityMention(Contract):
    """A watched entity found in an article: ``start``/``end`` index ``Article.text``."""

    id: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Event(Contract):
    """An event an article reports, with the watched entities that are party to it.

    In ``Detection.retractions`` ``stage`` is the stage the report denies ("did not sign": signed;
    "denies any plan to sign": announced), None when it denies the event as a whole. ``object``
    is what the event is about as the text names it ("military pact", "partnership treaty"), so a
    denial of one thing is not taken for a denial of another.

    Directed types (arms_transfer, troop_deployment) say who gives or sends (``from``, serialised
    under that name) and who receives (``to``); ``claimed_by`` is who the report says says so
    ("Seoul says": KOR), a party, or None. Version-1 records decode with all three None.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", validate_by_name=True, serialize_by_alias=True)

    type: str
    actors: tuple[str, ...] = Field(description="sorted watchlist ids of the parties")
    stage: str | None = None
    trigger: str = ""
    evidence: str = Field("", description="the sentence that reports the event, in its original language")
    confidence: float = Field(1.0, ge=0.0, le=1.0)
    from_: str | None = Field(None, alias="from", description="directed types: the watched id it goes from (v2)")
    to: str | None = Field(None, description="directed types: the watched id it goes to (v2)")
    claimed_by: str | None = Field(None, description="the entity the report attributes the claim to (v2)")
    object: str = Field("", max_length=200, description="the trigger and its modifiers, lower case (v2)")

    @field_validator("actors")
    @classmethod
    def _sorted(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted(set(value)))


class ArticleRef(Contract):
    """What downstream stages need to know about the article behind a detection."""

    id: str
    feed_id: str
    source: str
    url: str | None = None
    title: str = ""
    lang: str | None = None
    published: datetime | None = None
    fetched_at: datetime
    tags: tuple[str, ...] = ()
    fingerprint: str | None = None

    @classmethod
    def of(cls, article: Article) -> ArticleRef:
        """The reference that stands for ``article`` in a Detection."""
        return cls(
            id=article.id,
            feed_id=article.feed_id,
            source=article.source,
            url=article.url,
            title=article.title,
            lang=article.lang,
            published=article.published,
            fetched_at=article.fetched_at,
            tags=article.tags,
            fingerprint=article.fingerprint,
        )


class Detection(Contract):
    """What the process stage found in one article.

    ``events`` are what the item reports as news. ``retractions`` are reports that deny or withdraw
    an event (e.g. "Moscow denies any agreement"): alert rules use them to send retraction notices,
    never to fire.
    """

    article: ArticleRef
    lang: str
    entities: tuple[EntityMention, ...] = ()
    events: tuple[Event, ...] = ()
    retractions: tuple[Event, ...] = ()
    processed_at: datetime

    @property
    def article_id(self) -> str:
        """The id of the article this detection is about."""
        return self.article.id


AlertKind = Literal["new", "update", "disputed", "retraction", "test"]


class Cited(BaseModel):
    """One report an alert cites: its outlet, headline, language and link (for labelled links)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    title: str = ""
    lang: str | None = None
    url: str | None = None


class Alert(Contract):
    """A fired alert (or a follow-up to one), as stored in the outbox and published on ``alerts``.

    ``from``/``to``/``claimed_by`` come from the event of the report that fired it.

    ``alert_id`` is deterministic (rule, group key, stage, period), so firing twice — after a crash,
    a rebalance, or on two replicas — yields the same id and the store keeps one.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", validate_by_name=True, serialize_by_alias=True)

    alert_id: str
    kind: AlertKind = "new"
    rule: str
    event_type: str
    actors: tuple[str, ...]
    stage: str | None = None
    group_key: str
    title: str
    evidence: str = ""
    evidence_lang: str | None = None
    sources: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    first_seen: datetime
    fired_at: datetime
    from_: str | None = Field(None, alias="from", description="directed events: who gives or sends (v2)")
    to: str | None = Field(None, description="directed events: who receives (v2)")
    claimed_by: str | None = Field(None, description="who the firing report attributes the claim to (v2)")
    previous_alert_id: str | None = Field(None, description="the alert this one follows (earlier stage)")
    revision: int = Field(0, ge=0, description="0 for the first notice; +1 for every follow-up")
    evidence_source: str | None = Field(None, description="the outlet the evidence quote is from (v2)")
    reports: tuple[Cited, ...] = Field((), description="the confirming reports, oldest first (v2)")
    denials: tuple[Cited, ...] = Field((), description="the denying reports, oldest first (v2)")
    denied_by: tuple[str, ...] = Field((), description="the outlets that deny it, apart from ``sources`` (v2)")

    @field_validator("first_seen", "fired_at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        return utc(value)


class DeadLetter(Contract):
    """A record that a stage could not handle, with the reason, so the partition can move on."""

    stage: str
    topic: str
    partition: int
    offset: int
    key: str | None = None
    error: str
    payload: str = Field(description="the original value, decoded as UTF-8 with replacement")
    failed_at: datetime


@dataclass(frozen=True, slots=True)
class Topic:
    """One row of the topic table: the topic's short name, its model, and what keys it."""

    name: str
    model: type[Contract]
    key: str


TOPICS: dict[str, Topic] = {
    "articles": Topic("articles", Article, "article id"),
    "detections": Topic("detections", Detection, "article id"),
    "alerts": Topic("alerts", Alert, "alert id"),
    "dlq": Topic("dlq", DeadLetter, "original key"),
}


def topic_name(prefix: str, short: str) -> str:
    """The full topic name for table entry ``short`` under ``prefix`` (``veille.articles``)."""
    if short not in TOPICS:
        raise KeyError(f"unknown topic {short!r}; known: {', '.join(TOPICS)}")
    return f"{prefix}.{short}" if prefix else short
