"""The Extractor: articles in, Detections out (watched entities, events, retractions).

Built once per process from the config (``Extractor.from_config``): the watchlist matcher, the
compiled event types and one spaCy pipeline per profiled language. ``extract`` then works in two
passes over a batch:

1. for every article, fold and tokenise the text, match the watchlist (this is all most articles
   ever cost) and probe the trigger lexicons: an article is a *candidate* only when it names enough
   watched entities and contains a trigger of some event type;
2. candidates go through ``nlp.pipe`` per language (sentences, lemmas, future verbs) and the event
   rules (``process.rules``).

With a recall backstop (``process.backstop``, on by default from the committed weights), pass one
also scores every article that names the parties of a backstop type; one that scores above the
type's threshold is a candidate too, and after the rules the backstop adds that type's event when
the rules found none of it and no veto holds.

Each article is analysed on its own text only, so the output does not depend on batch size or
order, nor on the replica that handles it. Only the first ``ANALYSED_MAX`` characters of that text
are analysed (cut at a word boundary): the headline and lead always fit, a full-text body or a
hostile 2 MB summary costs no more than a long article, and spaCy's ``max_length`` is never reached.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from spacy.language import Language

from process import document, languages, modality, nlp, rules
from process.backstop import Backstop, features, propose, vetoed
from process.events import EventType
from process.text import Token, tokenize, year_of
from process.watchlist import Mention, Watchlist, home_organs
from veille import language
from veille.config import VeilleConfig
from veille.contracts import Article, ArticleRef, Detection, EntityMention, Event

log = logging.getLogger(__name__)

ANALYSED_MAX = 20_000
"""Characters of ``Article.text`` analysed per article (a long news story; the rest is not read)."""


@dataclass
class Prepared:
    """Pass-one state of one article."""

    article: Article
    text: str
    lang: str
    tokens: list[Token]
    mentions: list[Mention]
    candidate: bool
    backstop: dict[str, float]  # backstop probability per type, where it reaches the threshold


class Extractor:
    """Finds watched entities and events in articles; see the module docstring for how."""

    def __init__(
        self,
        watchlist: Watchlist,
        types: Sequence[EventType],
        batch_size: int = 32,
        prefilter: bool = True,
        backstop: Backstop | None = None,
    ) -> None:
        """``prefilter=False`` sends every article to spaCy (for measuring what the prefilter saves);
        ``backstop``: the recall backstop (None: rules only)."""
        self.watchlist = watchlist
        self.types = tuple(types)
        names = {t.name for t in self.types}
        self.backstop = (
            Backstop({n: m for n, m in backstop.models.items() if n in names}, backstop.min_parties)
            if backstop is not None
            else None
        )
        self.batch_size = batch_size
        self.prefilter = prefilter
        self._min_watched = min((t.min_named for t in self.types), default=2)
        self._pipelines: dict[str, Language] = {code: nlp.pipeline(code) for code in self._langs()}

    @classmethod
    def from_config(
        cls, config: VeilleConfig, batch_size: int = 32, prefilter: bool = True, backstop: bool = True
    ) -> Extractor:
        """Build the extractor (and its spaCy pipelines) for ``config``'s watchlist and events, with the
        committed backstop weights unless ``backstop=False``.

        Packaged models load before the lexicons and the backstop: the French model's load-time
        transient (~30 MB) is then freed into a small heap that those fill, instead of rising above
        them, which keeps the process's peak RSS ~35 MB lower (docs/PERFORMANCE.md)."""
        for code in _model_languages(config):
            nlp.pipeline(code)
        watched = {entity.id: entity.watch for entity in config.watchlist}
        types = [EventType.compile(e, watched) for e in config.events]
        learned = Backstop.load({t.name: t.min_parties for t in types}) if backstop else None
        return cls(
            Watchlist(config.watchlist, config.name_shapes, config.places), types, batch_size, prefilter, learned
        )

    def _langs(self) -> list[str]:
        """Profiled languages that some event type has triggers for."""
        wanted = {lang for t in self.types for lang in t.triggers if lang != "any"}
        if any("any" in t.triggers for t in self.types):
            wanted.update(languages.available())
        return sorted(wanted & set(languages.available()))

    def extract(self, articles: Sequence[Article], now: datetime | None = None) -> list[Detection]:
        """One Detection per article, in order. ``now`` stamps ``processed_at`` (default: the clock)."""
        stamp = now or datetime.now(UTC)
        prepared = [self.prepare(article) for article in articles]
        annotations: dict[int, nlp.Annotation] = {}
        by_lang: dict[str, list[int]] = defaultdict(list)
        for index, item in enumerate(prepared):
            if item.candidate:
                by_lang[item.lang].append(index)
        for lang, indexes in sorted(by_lang.items()):
            profile = languages.profile(lang)
            texts = [prepared[i].text for i in indexes]
            found = nlp.annotate(
                self._pipelines[lang],
                texts,
                profile.pipeline.pending_morph,
                self.batch_size,
                profile.pipeline.pending_endings,
            )
            annotations.update(zip(indexes, found, strict=True))
        return [self._detect(item, annotations.get(i), stamp) for i, item in enumerate(prepared)]

    def prepare(self, article: Article) -> Prepared:
        """Pass one for ``article``: its analysed text, tokens, mentions, language, candidacy, backstop scores."""
        text = analysed_text(article)
        tokens = tokenize(text)
        day = (article.published or article.fetched_at).date()
        mentions = self.watchlist.find(text, tokens, day)
        lang = language.resolve(article.lang, (t.form for t in tokens if t.is_word), text)
        mentions = self._with_home_organs(lang, text, tokens, mentions)
        scores = self.backstop.scores(lang, tokens, mentions) if self.backstop and lang in self._pipelines else {}
        candidate = lang in self._pipelines and (
            not self.prefilter or bool(scores) or self._is_candidate(tokens, mentions, lang)
        )
        return Prepared(article, text, lang, tokens, mentions, candidate, scores)

    def _with_home_organs(self, lang: str, text: str, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
        """``mentions`` plus the bare organs of the language's ``home_state`` («Минобороны сообщило…»), when
        the profile names a watched one (``watchlist.home_organs``)."""
        if lang not in languages.available():
            return mentions
        profile = languages.profile(lang)
        if profile.home_state not in self.watchlist.watched:
            return mentions
        organs, places = profile.cue("home_organs"), profile.cue("place_before")
        return home_organs(text, tokens, mentions, organs, profile.home_state, places)

    def _is_candidate(self, tokens: list[Token], mentions: list[Mention], lang: str) -> bool:
        """Enough watched entities for some event type and one of its triggers: the cheap gate before spaCy."""
        watched = len({m.entity for m in mentions if m.watched})
        if watched < self._min_watched:
            return False
        forms = [t.form for t in tokens]
        named = {m.entity for m in mentions}
        return any(t.enough_parties(watched, named, lang, forms) and t.find_triggers(lang, forms) for t in self.types)

    def _detect(self, item: Prepared, annotation: nlp.Annotation | None, stamp: datetime) -> Detection:
        article = item.article
        entities = tuple(
            EntityMention(id=m.entity, text=item.text[m.start : m.end], start=m.start, end=m.end)
            for m in item.mentions
            if m.watched
        )
        events: list[Event] = []
        retractions: list[Event] = []
        if item.candidate:
            doc = document.split(
                item.text,
                len(article.title),
                item.tokens,
                item.mentions,
                annotation,
                item.lang,
                _year(item),
                article.published.month if article.published is not None else None,
                article.published.day if article.published is not None else None,
            )
            for finding in rules.detect(doc, self.types, languages.profile(item.lang)):
                event = Event(
                    type=finding.type,
                    actors=finding.actors,
                    stage=finding.stage,
                    trigger=finding.trigger,
                    evidence=finding.evidence,
                    confidence=finding.confidence,
                    from_=finding.from_,
                    to=finding.to,
                    claimed_by=finding.claimed_by,
                    object=finding.object,
                )
                (retractions if finding.retraction else events).append(event)
            if not events and not retractions:  # an item the rules explain is not the backstop's
                events = self._backstop_events(item, doc)
        return Detection(
            article=ArticleRef.of(article),
            lang=item.lang,
            entities=entities,
            events=tuple(events),
            retractions=tuple(retractions),
            processed_at=stamp,
        )

    def _backstop_events(self, item: Prepared, doc: document.Document) -> list[Event]:
        """The backstop's events in an item where the rules found nothing: types it scores above
        threshold, whose parties the headline or lead names other than as a circumstance, and that no veto
        stops (``process.backstop``)."""
        if self.backstop is None:
            return []
        profile = languages.profile(item.lang)
        events = []
        found = features(item.lang, item.tokens, item.mentions)
        dealt = rules.third_party_deals(doc, self.types, profile)  # "Россия направила военных в Сирию"
        for name, probability in sorted(item.backstop.items()):
            actors = self.backstop.parties(name, item.mentions)
            event_type = next(t for t in self.types if t.name == name)
            if actors is None or name in dealt or vetoed(doc, profile, actors, event_type):
                continue
            # "Russia may hand North Korea jets": the headline's deed is still ahead
            stage = modality.pending_headline(doc, event_type, profile)
            # "La Russie envoie une frégate équipée de missiles Zircon" + "Des tirs d'exercice sont prévus": a
            # headline that tells no deed of the type takes its time from the body's first telling of one
            stage = stage or modality.pending_telling(doc, event_type, profile, rules.NOUN_TIME_REACH)
            if stage is None and rules.admitted(doc, event_type, profile, actors):
                stage = event_type.confirmed_stage  # "…since Moscow and Pyongyang acknowledged the deployment"
            if stage is None and rules.claimed_by_party(doc, event_type, profile, actors):
                stage = event_type.confirmed_stage  # «Минобороны показало кадры работы северокорейских строителей»
            events.append(propose(doc, profile, self.backstop.models[name], name, actors, probability, found, stage))
        return events


def analysed_text(article: Article) -> str:
    """The prefix of ``article.text`` that is analysed: all of it up to ``ANALYSED_MAX`` characters.

    A longer text is cut at the last whitespace before the limit, so no word is split; offsets
    into the prefix are offsets into ``article.text``.
    """
    text = article.text
    if len(text) <= ANALYSED_MAX:
        return text
    cut = text[:ANALYSED_MAX]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    return cut[:space] if space > ANALYSED_MAX // 2 else cut


UNDATED_HORIZON = 2  # an undated item is taken as news from at most this many years before its fetch


def _year(item: Prepared) -> int:
    """The year the article's news belongs to, for telling old treaties from new ones.

    The publication year when known. An undated item (``veille extract`` input often is) is taken
    as recent: the latest year it mentions, but no earlier than ``UNDATED_HORIZON`` years before
    it was fetched, so "the 1961 treaty" stays old while "signed in June 2024" is not made old by
    the clock of a later replay.
    """
    if item.article.published is not None:
        return item.article.published.year
    floor = item.article.fetched_at.year - UNDATED_HORIZON
    mentioned = (year_of(t.form) for t in item.tokens)
    return max([floor, *(y for y in mentioned if y is not None and y <= item.article.fetched_at.year)])


def _model_languages(config: VeilleConfig) -> list[str]:
    """Profiled languages with a packaged model that the configured events have triggers for (``any``: all)."""
    wanted = {lang for event in config.events for lang, phrases in event.triggers.items() if phrases}
    codes = languages.available() if "any" in wanted else sorted(wanted & set(languages.available()))
    return [code for code in codes if languages.profile(code).pipeline.model]
