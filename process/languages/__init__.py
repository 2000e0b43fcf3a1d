"""Language profiles: how each language marks modality, negation, time and attribution.

One YAML file per language beside this module (``fr.yaml``, ``en.yaml``…). A profile is grammar,
not watch targets: the watchlist and event lexicons live in the config. Adding a language is adding
a file here plus its names and triggers in the config lexicons (docs/WATCHING.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

from process.lexicon import PhraseIndex, PhraseSet

_HERE = Path(__file__).resolve().parent
FUTURE_MORPH = ("Tense=Fut", "Mood=Cnd")
_CUE_KINDS = (
    "modal_before",
    "modal_adjacent",
    "purpose_after_noun",
    "light_verb",
    "put_off",
    "realis",
    "modal_after",
    "negation",
    "privative",
    "denial",
    "withdrawal",
    "hypothetical",
    "improbable",
    "background_before",
    "background_time",
    "background_lead",
    "recent_lead",
    "source_after",
    "place_before",
    "month_adjective",
    "self_reference",
    "source_before",
    "anaphoric_source",
    "collective",
    "context",
    "context_after",
    "retrospective",
    "clause_break",
    "direction_to",
    "direction_from",
    "agent",
    "quantity",
    "phrasal",
    "speculation",
    "conditional",
    "target",
    "maker",
    "hearsay",
    "suspected",
    "future_forms",
    "payload",
    "publish",
    "question_particle",
    "private_persons",
    "other_object",
    "home_organs",
    "topic",
    "notice",
    "notice_of",
    "envoys",
    "mission",
    "chamber",
    "comment",
    "commented",
    "production",
    "negative_determiner",
    "reaction",
    "goods",
    "relative",
    "place_relative",
    "exchange",
    "training",
    "pause_break",
    "time_before",
    "occasion_lead",
    "tribute_lead",
    "signing",
    "after_lead",
    "alongside",
    "first_since",
    "money",
    "recently",
    "interrogative",
    "auxiliary",
    "decision",
    "continuation",
    "bilateral",
    "sale",
    "affirmative",
    "homeward",
    "home_to",
    "fought_for",
    "gerund_break",
    "joined_comma",
    "purchase",
    "region_noun",
    "regional_official",
    "local_official",
    "remembrance",
    "cause",
    "penalty",
    "grounds",
    "briefing",
    "ongoing_span",
    "preparation",
    "carrier",
    "space",
    "cargo",
    "collection",
    "formation",
    "teaching",
    "engine",
    "powers",
    "speaker_title",
    "reply",
    "subject_relative",
    "guests",
    "awaited_time",
    "pundit",
    "opinion",
    "signs",
    "sources_in",
)


@dataclass(frozen=True)
class PipelineSpec:
    """Which spaCy pipeline a language uses: a packaged ``model`` or a ``blank`` one with a sentencizer.

    A blank pipeline may add ``components`` (registered factories). ``pending_morph`` lists the
    morphological features ("Tense=Fut") that mark a verb as pending; ``future_morph: true`` in the
    YAML stands for future and conditional. ``pending_endings``, when given, are the endings such a
    verb must have (the French model tags some past participles as futures: "fournies").
    ``participles`` names the analyser that adds the participles of each verb of the event
    lexicons (``pymorphy3``). ``pending_self`` lists the features that make an action pending when
    the action word itself carries them (``VerbForm=Inf``: a Russian infinitive action, "пригласил
    посетить", is never a deed by itself).
    """

    model: str | None = None
    blank: str | None = None
    exclude: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()
    components: tuple[str, ...] = ()
    pending_morph: tuple[str, ...] = ()
    pending_endings: tuple[str, ...] = ()
    participles: str | None = None
    pending_self: tuple[str, ...] = ()


_NO_PHRASES: PhraseSet[str] = PhraseSet()


@dataclass(frozen=True)
class LanguageProfile:
    """The cue phrase sets of one language, by kind (see the YAML files for what each kind means)."""

    code: str
    pipeline: PipelineSpec
    cues: dict[str, PhraseSet[str]] = field(default_factory=dict)
    adjective_endings: tuple[str, ...] = ()  # folded endings of adjectival names where no tagger says so
    months: PhraseSet[int] = field(default_factory=PhraseSet)  # month names -> month number (1-12)
    weekdays: PhraseSet[int] = field(default_factory=PhraseSet)  # weekday names -> weekday (Monday 0)
    home_state: str | None = None  # the state whose bare organs (home_organs) the language's outlets mean

    def cue(self, kind: str) -> PhraseSet[str]:
        """The phrase set of cue ``kind`` (empty when the language does not define it)."""
        return self.cues.get(kind) or _NO_PHRASES

    @cached_property
    def cue_index(self) -> PhraseIndex[str]:
        """All the cue kinds, matched over a sentence in one pass (``SentenceCues``)."""
        return PhraseIndex(self.cues)


def participles(code: str) -> Callable[[str], tuple[str, ...]]:
    """For language ``code``: a lexicon word -> the participle forms of the verb it spells (``()`` when
    it is no verb, or when the language's profile names no ``participles`` analyser)."""
    if code not in available() or profile(code).pipeline.participles != "pymorphy3":
        return _none
    from process.ru_morph import participles as forms  # pymorphy3 loads only for a language that uses it

    return forms


def _none(word: str) -> tuple[str, ...]:
    return ()


def attributive(code: str) -> Callable[[str, str], bool]:
    """For language ``code``: (word, noun) -> whether the word may be an adjective agreeing with the noun
    after it (always False when the profile names no ``participles`` analyser)."""
    if code not in available() or profile(code).pipeline.participles != "pymorphy3":
        return _never
    from process.ru_morph import attributive as agrees

    return agrees


def _never(word: str, noun: str) -> bool:
    return False


@cache
def available() -> tuple[str, ...]:
    """Codes of the languages that have a profile, sorted."""
    return tuple(sorted(p.stem for p in _HERE.glob("*.yaml")))


@cache
def profile(code: str) -> LanguageProfile:
    """The profile of language ``code`` (KeyError when there is none)."""
    path = _HERE / f"{code}.yaml"
    if not path.is_file():
        raise KeyError(f"no language profile for {code!r}; available: {', '.join(available())}")
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    spec = raw.get("pipeline") or {}
    return LanguageProfile(
        code=code,
        pipeline=PipelineSpec(
            model=spec.get("model"),
            blank=spec.get("blank"),
            exclude=tuple(spec.get("exclude", ())),
            enable=tuple(spec.get("enable", ())),
            components=tuple(spec.get("components", ())),
            pending_morph=tuple(spec.get("pending_morph", FUTURE_MORPH if spec.get("future_morph") else ())),
            pending_endings=tuple(str(e) for e in spec.get("pending_endings", ())),
            participles=spec.get("participles"),
            pending_self=tuple(spec.get("pending_self", ())),
        ),
        cues={kind: PhraseSet((str(p), kind) for p in raw.get(kind, ())) for kind in _CUE_KINDS},
        adjective_endings=tuple(str(e) for e in raw.get("adjective_endings", ())),
        months=_months(raw.get("months") or ()),
        weekdays=_weekdays(raw.get("weekdays") or ()),
        home_state=raw.get("home_state"),
    )


def _months(raw: list[list[str]]) -> PhraseSet[int]:
    """The ``months`` key: twelve lists of a month's names, January first -> phrase set of month numbers."""
    if raw and len(raw) != 12:
        raise ValueError(f"months: twelve lists expected, got {len(raw)}")
    return PhraseSet((str(name), number) for number, names in enumerate(raw, start=1) for name in names)


def _weekdays(raw: list[list[str]]) -> PhraseSet[int]:
    """The ``weekdays`` key: seven lists of a day's names, Monday first -> phrase set of weekdays (Monday 0)."""
    if raw and len(raw) != 7:
        raise ValueError(f"weekdays: seven lists expected, got {len(raw)}")
    return PhraseSet((str(name), number) for number, names in enumerate(raw) for name in names)
