"""Event types compiled from the ``events`` config: trigger and stage-cue phrase sets per language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from process import languages
from process.lexicon import Match, PhraseSet
from veille.config.events import EventTypeConfig

T = TypeVar("T")
TRIGGER = "trigger"  # payload of a trigger phrase
MEETING = "meeting"  # payload of a meeting phrase: a trigger only where a watched place is named
RECEPTION = "reception"  # payload of a host's reception phrase: a meeting whose object is its guest
MEETINGS = frozenset({MEETING, RECEPTION})
STAY = "stay"  # payload of a presence phrase: a trigger only where a watched person is in the other's place
AWAIT = "await"  # payload of a guest awaited: a trigger only where the watched place follows, time words between
PURPOSE = "purpose"  # payload of what a guest is there for: a trigger only after the guest and the other's place


@dataclass(frozen=True)
class StageCue:
    """An action cue: the stage it establishes, and the stage when it is still pending."""

    stage: str
    pending: str | None
    window: int
    chamber: bool = False  # the cue tells its stage only where a chamber of parliament acts
    subject: bool = False  # the cue tells its stage only right after a trigger, its subject ("les obus arrivent")


@dataclass(frozen=True)
class EventType:
    """One event type, compiled: phrase sets per language and the ranking of its stages."""

    name: str
    triggers: dict[str, PhraseSet[str | None]]
    cues: dict[str, PhraseSet[StageCue | None]]
    rank: dict[str, int]
    default_stage: str | None
    default_pending: str | None
    min_parties: int
    directed: bool = False
    receive: dict[str, PhraseSet[bool]] | None = None
    grateful: dict[str, PhraseSet[bool]] | None = None
    confirmed_stage: str | None = None
    pending_stages: frozenset[str] = frozenset()
    dated_ahead: frozenset[str] = frozenset()  # stages announced with a date ahead once done (``StageConfig``)
    failures: dict[str, PhraseSet[bool]] | None = None
    interceptions: dict[str, PhraseSet[bool]] | None = None
    third_countries_cancel: bool = True
    dated_news: bool = False
    possessor_holds: bool = False
    fronts: dict[str, str] | None = None
    captives: dict[str, PhraseSet[bool]] | None = None
    captive_stage: str | None = None
    occasions: dict[str, PhraseSet[bool]] | None = None
    worksites: dict[str, PhraseSet[bool]] | None = None
    trades: dict[str, PhraseSet[bool]] | None = None

    @classmethod
    def compile(cls, config: EventTypeConfig, watchlist: Mapping[str, bool] | None = None) -> EventType:
        """Compile ``config``; phrases under ``any`` apply to every language. With ``watchlist`` (entity id
        -> watched?), only the fronts it can use are kept: a front entity it names and a watched user."""
        excluded = [(lang, p, None) for lang, ps in config.exclude.items() for p in ps]
        triggers: dict[str, PhraseSet[str | None]] = _per_language(
            _inflected(
                excluded
                + [(lang, p, TRIGGER) for lang, ps in config.triggers.items() for p in ps]
                + [(lang, p, TRIGGER) for lang, ps in config.captives.items() for p in ps]
                + [(lang, p, MEETING) for lang, ps in config.meetings.items() for p in ps]
                + [(lang, p, RECEPTION) for lang, ps in config.receptions.items() for p in ps]
                + [(lang, p, STAY) for lang, ps in config.stays.items() for p in ps]
                + [(lang, p, AWAIT) for lang, ps in config.awaits.items() for p in ps]
                + [(lang, p, PURPOSE) for lang, ps in config.purposes.items() for p in ps]
            )
        )
        cues: dict[str, PhraseSet[StageCue | None]] = _per_language(
            _inflected(
                excluded
                + [
                    (lang, p, StageCue(stage.name, stage.pending, stage.window))
                    for stage in config.stages
                    for lang, ps in stage.cues.items()
                    for p in ps
                ]
                + [
                    (lang, p, StageCue(stage.name, stage.pending, stage.window, chamber=True))
                    for stage in config.stages
                    for lang, ps in stage.chamber_cues.items()
                    for p in ps
                ]
                + [
                    (lang, p, StageCue(stage.name, stage.pending, stage.window, subject=True))
                    for stage in config.stages
                    for lang, ps in stage.subject_cues.items()
                    for p in ps
                ]
            )
        )
        receive = _per_language(_inflected([(lang, p, True) for lang, ps in config.receive.items() for p in ps]))
        return cls(
            config.type,
            triggers,
            cues,
            config.stage_ranks,
            config.default_stage,
            config.default_pending,
            config.min_parties,
            directed=config.directed,
            receive=receive,
            grateful=_per_language(_inflected([(lang, p, True) for lang, ps in config.grateful.items() for p in ps])),
            third_countries_cancel=config.third_countries_cancel,
            dated_news=config.dated_news,
            possessor_holds=config.possessor_holds,
            fronts={
                front: user
                for front, user in config.fronts.items()
                if watchlist is None or (front in watchlist and watchlist.get(user, False))
            },
            failures=_per_language(_inflected([(lang, p, True) for lang, ps in config.failures.items() for p in ps])),
            interceptions=_per_language(
                _inflected([(lang, p, True) for lang, ps in config.interceptions.items() for p in ps])
            ),
            confirmed_stage=config.confirmed_stage,
            captives=_per_language(_inflected([(lang, p, True) for lang, ps in config.captives.items() for p in ps])),
            captive_stage=config.captive_stage,
            occasions=_per_language(_inflected([(lang, p, True) for lang, ps in config.occasions.items() for p in ps])),
            worksites=_per_language(_inflected([(lang, p, True) for lang, ps in config.worksites.items() for p in ps])),
            trades=_per_language(_inflected([(lang, p, True) for lang, ps in config.trades.items() for p in ps])),
            pending_stages=frozenset(s.pending for s in config.stages if s.pending) | {config.default_pending} - {None},
            dated_ahead=frozenset(s.name for s in config.stages if s.dated_ahead),
        )

    @property
    def min_named(self) -> int:
        """Watched entities an item must name to report this type: one when a front names the other."""
        return 1 if self.fronts else self.min_parties

    def enough_parties(self, watched: int, named: set[str], lang: str = "", forms: Sequence[str] = ()) -> bool:
        """Whether an item naming ``watched`` watched entities (``named``: every entity id; ``forms``: its
        words in ``lang``) could report this type: ``min_parties`` of them, or one and a front ("North Korean
        shells found in Ukraine") or a captive, who fought on it ("North Korean POWs")."""
        if watched >= self.min_parties:
            return True
        fronted = bool(self.fronts and named & self.fronts.keys())
        return watched >= 1 and (fronted or bool(self.captives_in(lang, forms)))

    def captives_in(self, lang: str, forms: Sequence[str]) -> list[Match[bool]]:
        """Captive words ("POWs", "prisonniers de guerre") over ``forms``; none unless the type has one front."""
        phrases = (self.captives or {}).get(lang) or (self.captives or {}).get("any")
        return phrases.find(forms) if phrases and self.fronts and len(set(self.fronts.values())) == 1 else []

    def occasions_in(self, lang: str, forms: Sequence[str], lemmas: Sequence[str] = ()) -> list[Match[bool]]:
        """Occasion words ("parade", "délégation", "почетный караул") over ``forms`` (one-word ones also
        over ``lemmas``): people of a party shown at home or on a visit, not sent."""
        phrases = (self.occasions or {}).get(lang) or (self.occasions or {}).get("any")
        return phrases.find(forms, lemmas or None) if phrases else []

    def worksites_in(self, lang: str, forms: Sequence[str], lemmas: Sequence[str] = ()) -> list[Match[bool]]:
        """Civilian work places ("construction sites", « chantiers », «стройки») over ``forms`` (one-word ones
        also over ``lemmas``): a party's people working there are hired labour, not troops sent."""
        phrases = (self.worksites or {}).get(lang) or (self.worksites or {}).get("any")
        return phrases.find(forms, lemmas or None) if phrases else []

    def names_trade(self, lang: str, forms: Sequence[str], first: int, last: int) -> bool:
        """Whether the trigger over tokens ``first``..``last`` is a ``trades`` word: "brigades", "строители" name
        workers as well as units; "soldiers", "военные строители" name troops only."""
        phrases = (self.trades or {}).get(lang) or (self.trades or {}).get("any")
        return bool(phrases) and any((m.first, m.last) == (first, last) for m in phrases.find(forms))

    def find_triggers(self, lang: str, forms: Sequence[str]) -> list[Match[str]]:
        """Trigger matches over word ``forms`` of a ``lang`` text (excluded phrases removed); the payload
        says whether it is a plain trigger (``TRIGGER``), a meeting (``MEETING``), a host's reception
        (``RECEPTION``), a presence (``STAY``), a guest awaited (``AWAIT``) or what a guest is there for
        (``PURPOSE``)."""
        phrases = self.triggers.get(lang) or self.triggers.get("any")
        return _kept(phrases.find(forms)) if phrases else []

    def excluded_in(self, lang: str, forms: Sequence[str]) -> bool:
        """Whether ``forms`` hold one of the type's ``exclude`` phrases of several words: a construction
        that reads like the event and is not ("с помощью спутников", "humanitarian aid", a treaty's
        "mutual assistance"). A one-word exclusion only keeps a trigger off another word ("артиллеристы",
        gunners, under "артиллери*") and says nothing of the item."""
        phrases = self.triggers.get(lang) or self.triggers.get("any")
        return bool(phrases) and any(m.payload is None and m.last - m.first > 1 for m in phrases.find(forms))

    def find_cues(self, lang: str, forms: Sequence[str], lemmas: Sequence[str]) -> list[Match[StageCue]]:
        """Stage cue matches over ``forms`` (one-word cues also over ``lemmas``)."""
        phrases = self.cues.get(lang) or self.cues.get("any")
        return _kept(phrases.find(forms, lemmas)) if phrases else []

    def receives(self, lang: str, forms: Sequence[str], lemmas: Sequence[str], index: int) -> bool:
        """Whether the action at token ``index`` is a receiving one ("bought", "reçu"): its subject receives."""
        return _covers(self.receive, lang, forms, lemmas, index)

    def thanks(self, lang: str, forms: Sequence[str], lemmas: Sequence[str], index: int) -> bool:
        """Whether the action at token ``index`` is an acknowledgement whose subject received the deed
        (``grateful``: "thanks", « remercie », «поблагодарил»)."""
        return _covers(self.grateful, lang, forms, lemmas, index)

    def failures_in(self, lang: str, forms: Sequence[str], lemmas: Sequence[str]) -> set[int]:
        """Tokens that say the event happened and failed ("the launch failed"): no denial there."""
        phrases = (self.failures or {}).get(lang) or (self.failures or {}).get("any")
        return {i for m in phrases.find(forms, lemmas) for i in range(m.first, m.last)} if phrases else set()

    def intercepts(self, lang: str, forms: Sequence[str], lemmas: Sequence[str], index: int) -> bool:
        """Whether the action at token ``index`` stops the weapon ("shot down", "abattus", "сбиты"): its
        subject is the defender, not the launcher."""
        return any(m.first <= index < m.last for m in self.interceptions_in(lang, forms, lemmas))

    def interceptions_in(self, lang: str, forms: Sequence[str], lemmas: Sequence[str]) -> list[Match[bool]]:
        """The phrases of ``forms`` that tell a weapon stopped ("shot down", "abattus", "сбиты")."""
        phrases = (self.interceptions or {}).get(lang) or (self.interceptions or {}).get("any")
        return phrases.find(forms, lemmas) if phrases else []


def _covers(
    phrases: dict[str, PhraseSet[bool]] | None, lang: str, forms: Sequence[str], lemmas: Sequence[str], index: int
) -> bool:
    """Whether one of ``lang``'s ``phrases`` (else the "any" language's) covers token ``index``."""
    found = (phrases or {}).get(lang) or (phrases or {}).get("any")
    return bool(found) and any(m.first <= index < m.last for m in found.find(forms, lemmas))


def _kept(matches: list[Match[T | None]]) -> list[Match[T]]:
    """Matches of real phrases (an excluded phrase matched longest, and is dropped)."""
    return [m for m in matches if m.payload is not None]  # type: ignore[misc]


def _inflected(entries: Iterable[tuple[str, str, T]]) -> list[tuple[str, str, T]]:
    """``entries`` and, where the language's profile adds participles (Russian), each phrase again
    with its verb word as every participle of that verb: ``прибыл`` adds ``прибывший``,
    ``прибывшая``…, ``взяли в плен`` adds ``взятые в плен``…, all word forms, so that triggers (probed
    before spaCy runs) match them as well as cues."""
    out: list[tuple[str, str, T]] = []
    for lang, phrase, value in entries:
        out.append((lang, phrase, value))
        participles = languages.participles(lang)
        words = str(phrase).split()
        for index, word in enumerate(words):
            forms = participles(word)
            if forms:
                out.extend((lang, " ".join([*words[:index], form, *words[index + 1 :]]), value) for form in forms)
                break
    return out


def _per_language(entries: Iterable[tuple[str, str, T]]) -> dict[str, PhraseSet[T]]:
    """Group phrases by language; ``any`` phrases are added to every language (and kept as ``any``)."""
    listed = list(entries)
    shared = [(p, v) for lang, p, v in listed if lang == "any"]
    sets: dict[str, PhraseSet[T]] = {"any": PhraseSet(shared)}
    for lang, phrase, value in listed:
        if lang != "any":
            sets.setdefault(lang, PhraseSet(shared)).add(phrase, value)
    return sets
