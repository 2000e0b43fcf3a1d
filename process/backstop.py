"""The recall backstop: a linear classifier per event type for reports the cue-word rules miss.

The rules find an event only where a trigger word and an action cue they know are phrased as they
expect; a new writer's "Kim welcomes engineering regiment back from Kursk" has neither. The backstop
scores every item that names the parties of a type with a logistic regression over phrasing-level
features (lower-case words, word bigrams and character 4-grams, prefixed by the language, with the
watched entities' mentions replaced by placeholders such as ``<PRK>``; other named entities are
``<OTHER>``), and adds an event only where

- the rules found no event nor retraction in the item, of any type (an item they explain is not
  the backstop's: "howitzers spotted in Kursk" is an arms transfer, not also troops);
- the parties are named: two watched entities (one for a one-party type: a launch);
- the item has words to weigh: at least ``MIN_WORDS`` distinct words besides the mentions (in "Putin
  in Pyongyang" the one word "in" carries the whole L2-normalised score, and read a troop deployment;
  the shortest item the backstop finds in the labelled corpus has some twenty);
- no veto holds (``vetoed``): the headline or lead names a party only as a circumstance, or denies,
  withdraws or speculates, or the headline negates, looks back or asks a speculative question (the
  rules' ``denial``, ``withdrawal``, ``hypothetical``, ``negation``, ``retrospective`` and
  ``speculation`` cues), or the headline or lead tells a commentator's guess (``modality.pundit_speaks`` and
  ``modality.guessed``: « Pour un chercheur, Kim pourrait envoyer des soldats »), or it
  opens on another country that is not a source
  ("Australia condemns North Korea's deployment…": a reaction); a launch, on a headline naming any
  other country;
- the probability reaches the type's threshold (chosen by leave-one-file-out cross-validation,
  ``tests.eval.crossval``).

Its events have no trigger (``Event.trigger == ""``): nothing in the text was matched. The stage is
the type's most frequent one in the training data (reported, held): taking it from the headline's
cues instead (a modal or plan cue: announced; a party claiming it: confirmed) was measured and was
worse (6 of 11 added events right in cross-validation, against 11 of 11 for the prior: without a
trigger there is no action for a cue to qualify). The direction of a directed type is the most
frequent one (PRK to RUS) unless a second logistic regression over the same features, trained on
the type's labelled directions, says the reverse is more likely ("Russia helped North Korea put a
satellite into orbit", "La Russie a aidé la Corée du Nord à produire des drones": RUS to PRK).
``claimed_by`` comes from the headline's attribution, as the rules fill it.

The weights are plain JSON (``backstop.json`` beside this module), written by
``python -m tests.eval.backstop_train`` from the labelled corpus; inference is plain Python.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise, repeat
from pathlib import Path

from process.attribution import claimant, sources
from process.background import dated_opening, opens_on_time
from process.cues import SentenceCues
from process.document import Document
from process.events import EventType
from process.fronts import own_army
from process.languages import LanguageProfile
from process.modality import guessed, pundit_speaks
from process.text import Token
from process.watchlist import Mention
from process.weapons import tested_engine
from veille.contracts import Event

WEIGHTS = Path(__file__).resolve().parent / "backstop.json"
CHAR_N = 4  # character n-gram length (with word boundaries: " kur", "kurs", "ursk", "rsk ")
OTHER = "<OTHER>"
MIN_WORDS = 4  # distinct words besides the mentions that an item needs before the backstop weighs it
OPENING = 1  # a headline's lapse cue starting at or before this token dates the whole headline
# in the headline or lead: a denial, a speculation or a yes/no question ("…, будут ли…")
VETO_CUES = ("denial", "hypothetical", "withdrawal", "question_particle")


def features(lang: str, tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[str]:
    """The distinct features of an item's text: words, bigrams and character 4-grams, ``lang``-prefixed.

    Each mention is one unit, ``<ID>`` for a watched entity and ``<OTHER>`` otherwise; punctuation
    other than "?" is dropped (the folded forms are already lower case, accents stripped).
    """
    starts = {m.first: m for m in mentions}
    units: list[str] = []
    index = 0
    while index < len(tokens):
        mention = starts.get(index)
        if mention is not None:
            units.append(f"<{mention.entity}>" if mention.watched else OTHER)
            index = mention.last
            continue
        form = tokens[index].form
        if tokens[index].is_word or form == "?":
            units.append(form)
        index += 1
    found = {f"{lang}|b|{a} {b}" for a, b in pairwise(units)}
    for unit in units:
        found.update(_unit_features(lang, unit))
    return sorted(found)


@lru_cache(maxsize=4096)
def _unit_features(lang: str, unit: str) -> tuple[str, ...]:
    """The word feature of one unit and, for a word, its character 4-grams (news repeats its words:
    the commonest few thousand are computed once; a larger cache costs the process worker tens of MB)."""
    if unit.startswith("<"):
        return (f"{lang}|w|{unit}",)
    padded = f" {unit} "
    grams = (f"{lang}|c|{padded[i : i + CHAR_N]}" for i in range(len(padded) - CHAR_N + 1))
    return (f"{lang}|w|{unit}", *grams)


@dataclass(frozen=True)
class TypeModel:
    """One event type's classifier, threshold and priors."""

    intercept: float
    weights: dict[str, float]
    threshold: float
    stage: str  # the type's most frequent stage in the training data
    direction: tuple[str | None, str | None]  # the most frequent (from, to)
    reverse: Linear | None = None  # P(the direction is the reverse of ``direction``), for a directed type

    def probability(self, found: Sequence[str]) -> float:
        """P(the item reports this type's event) for its ``features`` (binary, L2-normalised)."""
        return Linear(self.intercept, self.weights).probability(found)

    def orientation(self, found: Sequence[str]) -> tuple[str | None, str | None]:
        """``(from, to)`` of an event in an item with these ``features``: the prior, or its reverse
        when the direction model gives the reverse a probability above one half."""
        source, target = self.direction
        if self.reverse is not None and self.reverse.probability(found) > 0.5:
            return target, source
        return source, target


@dataclass(frozen=True)
class Linear:
    """A logistic regression over binary, L2-normalised features."""

    intercept: float
    weights: dict[str, float]

    def probability(self, found: Sequence[str]) -> float:
        """The probability for an item with these ``features`` (0 for an item with none)."""
        if not found:
            return 0.0
        score = self.intercept + sum(map(self.weights.get, found, repeat(0.0))) / math.sqrt(len(found))
        return 1.0 / (1.0 + math.exp(-score))


@dataclass(frozen=True)
class Backstop:
    """The per-type classifiers; ``min_parties`` says how many watched entities each type needs (the
    event types' own ``min_parties``, from the config: not stored with the weights)."""

    models: dict[str, TypeModel]
    min_parties: dict[str, int]

    @classmethod
    def load(cls, min_parties: dict[str, int], path: Path = WEIGHTS) -> Backstop:
        """The committed weights (``tests.eval.backstop_train`` writes them), for types needing ``min_parties``.

        The models share most features and the rounded weights repeat: keys are interned and equal
        values share one float, which keeps the process worker's memory down by some ten megabytes."""
        floats: dict[str, float] = {}
        raw = json.loads(
            path.read_text(encoding="utf-8"),
            object_pairs_hook=lambda pairs: {sys.intern(key): value for key, value in pairs},
            parse_float=lambda text: floats.setdefault(text, float(text)),
        )
        return cls.from_json(raw, min_parties)

    @classmethod
    def from_json(cls, raw: dict, min_parties: dict[str, int]) -> Backstop:
        """Decode the JSON form written by ``to_json``; ``min_parties`` per type comes from the config."""
        models = {
            name: TypeModel(
                intercept=m["intercept"],
                weights=m["weights"],
                threshold=m["threshold"],
                stage=m["stage"],
                direction=(m["direction"][0], m["direction"][1]),
                reverse=Linear(m["reverse"]["intercept"], m["reverse"]["weights"]) if "reverse" in m else None,
            )
            for name, m in raw["types"].items()
        }
        return cls(models, {name: min_parties[name] for name in models})

    def to_json(self) -> dict:
        """The JSON form (weights rounded to 4 decimals, sorted, so the file is reproducible)."""
        return {
            "types": {
                name: {
                    "intercept": round(m.intercept, 4),
                    "threshold": m.threshold,
                    "stage": m.stage,
                    "direction": list(m.direction),
                    "weights": _rounded(m.weights),
                    **({"reverse": _linear_json(m.reverse)} if m.reverse is not None else {}),
                }
                for name, m in sorted(self.models.items())
            },
        }

    def parties(self, event_type: str, mentions: Sequence[Mention]) -> tuple[str, ...] | None:
        """The actors of a backstop ``event_type`` event in an item, or None when it names too few or
        too many: exactly ``min_parties`` watched entities (a launch: exactly one)."""
        watched = {m.entity for m in mentions if m.watched}
        return tuple(sorted(watched)) if len(watched) == self.min_parties[event_type] else None

    def scores(self, lang: str, tokens: Sequence[Token], mentions: Sequence[Mention]) -> dict[str, float]:
        """Per type whose parties the item names, the probability, when it reaches the threshold."""
        wanted = [name for name in self.models if self.parties(name, mentions) is not None]
        if not wanted:
            return {}
        found = features(lang, tokens, mentions)
        if sum(1 for f in found if f.startswith(f"{lang}|w|") and not f.startswith(f"{lang}|w|<")) < MIN_WORDS:
            return {}  # "Putin in Pyongyang": too few words for phrasing to say anything
        probabilities = {name: self.models[name].probability(found) for name in wanted}
        return {name: p for name, p in probabilities.items() if p >= self.models[name].threshold}


def _linear_json(model: Linear) -> dict:
    """The JSON form of a ``Linear`` model (rounded like the type's own weights)."""
    return {"intercept": round(model.intercept, 4), "weights": _rounded(model.weights)}


def _rounded(weights: dict[str, float]) -> dict[str, float]:
    """``weights`` rounded to 4 decimals, sorted, zeros dropped (a reproducible file)."""
    return {f: round(w, 4) for f, w in sorted(weights.items()) if round(w, 4)}


def vetoed(
    doc: Document, profile: LanguageProfile, actors: tuple[str, ...], event_type: EventType | None = None
) -> bool:
    """Whether a backstop event of ``actors`` is ruled out by the rules' decisions, obeyed: a cue of
    the headline or lead (``_cue_veto``), something ``event_type`` rules out (``_type_veto``), or how
    the parties are named (``_party_veto``)."""
    if not doc.sentences:
        return True
    layouts = [SentenceCues(sentence, profile) for sentence in doc.sentences[:2]]
    return (
        _cue_veto(doc, layouts) or _type_veto(doc, layouts[0], actors, event_type) or _party_veto(doc, layouts, actors)
    )


def _cue_veto(doc: Document, layouts: Sequence[SentenceCues]) -> bool:
    """The headline looks back (or opens with a lapse longer than a day), dates itself before the news,
    asks a speculative question or negates,
    or the headline or lead denies, withdraws or speculates."""
    headline, cues = doc.sentences[0], layouts[0]
    if cues.found["retrospective"] or ("?" in headline.forms and cues.found["speculation"]):
        return True
    if opens_on_time(cues) or dated_opening(doc, headline, cues):
        return True  # "Год назад…", "Ранее КНДР отправила…", "En 2017, …"
    recent = cues.found["recent_lead"]
    if any(m.first <= OPENING and not any(r.first == m.first for r in recent) for m in cues.found["background_lead"]):
        return True  # "Six mois après son tir, le missile…": the headline looks back from a lapse of time
    if any(layout.found[kind] for layout in layouts for kind in VETO_CUES):
        return True
    # « Pour un chercheur, Kim pourrait envoyer des soldats… »: a commentator's guess in the headline or lead is
    # no news, which the rules drop (``modality.pundit_guess``); the backstop must not bring it back
    if any(pundit_speaks(s, layout) and guessed(layout) for s, layout in zip(doc.sentences, layouts, strict=False)):
        return True
    modals = cues.found["modal_before"]
    # "Russia never supplied…", "Москва не поставляла…": the headline denies what it names ("n'exclut pas" still may)
    return any(not any(m.first <= n.first < m.last for m in modals) for n in cues.found["negation"])


def _type_veto(doc: Document, cues: SentenceCues, actors: tuple[str, ...], event_type: EventType | None) -> bool:
    """The headline or lead names an occasion or a civilian work place of ``event_type``, the headline an
    ``exclude`` phrase or an interception of it, the troops of the army fighting on a front it names, or ships
    civilian goods."""
    headline = doc.sentences[0]
    if event_type is not None and any(
        event_type.occasions_in(doc.lang, s.forms, s.lemmas) for s in doc.sentences[:2]
    ):  # "Des soldats nord-coréens défilent à Moscou", "A guard of honour of North Korean soldiers lined the runway"
        return True
    if event_type is not None and any(event_type.worksites_in(doc.lang, s.forms, s.lemmas) for s in doc.sentences[:2]):
        return True  # "North Korean crews spotted on Vladivostok building sites": hired labour, not troops
    if event_type is not None and event_type.excluded_in(doc.lang, headline.forms):
        return True  # "Россия и КНДР обменялись данными с помощью спутников": an instrument, not arms
    if event_type is not None and event_type.interceptions_in(doc.lang, headline.forms, headline.lemmas):
        return True  # "Russia says it shot down missiles over Belgorod": the rules name who fired, if anyone
    if (
        event_type is not None
        and event_type.min_parties == 1
        and any(
            tested_engine(cues, a.last) is not None
            for a in event_type.find_cues(doc.lang, headline.forms, headline.lemmas)
        )
    ):
        return True  # "La Corée du Nord teste un moteur à combustible solide": a ground test, no launch
    if event_type is not None and own_army(doc, headline, cues, event_type):
        return True  # "North Korean TV hails Russian soldiers storming Ukrainian villages": their own war
    # "Russia ships 50,000 tonnes of wheat to North Korea": trade or aid, not arms or troops
    return len(actors) == 2 and bool(cues.found["goods"])


def _party_veto(doc: Document, layouts: Sequence[SentenceCues], actors: tuple[str, ...]) -> bool:
    """An actor is named in the headline or lead only as a circumstance, or the headline names another
    country (a launch) or opens on one that is not its source (a reaction)."""
    headline, cues = doc.sentences[0], layouts[0]
    named = {
        m.entity
        for sentence, layout in zip(doc.sentences, layouts, strict=False)
        for m in sentence.mentions
        if m.watched and not layout.in_context(m.first)
    }
    if not set(actors) <= named:
        return True  # "Russian soldiers guard trenches along the border with North Korea" (``process.parties``)
    if len(actors) == 1:
        return any(not m.watched for m in headline.mentions)  # "Kiev affirme avoir frappé un navire russe"
    speakers = set(sources(headline, cues))
    leading = next((m for m in headline.mentions if m not in speakers), None)
    return leading is not None and not leading.watched  # "Australia condemns North Korea's deployment…"


def propose(
    doc: Document,
    profile: LanguageProfile,
    model: TypeModel,
    event_type: str,
    actors: tuple[str, ...],
    probability: float,
    found: Sequence[str],
    stage: str | None = None,
) -> Event:
    """The event the backstop adds for ``event_type`` (``actors`` named, ``probability`` above the
    threshold, no veto): ``stage`` (default: the type's prior stage), the direction ``model`` gives
    the item's ``found`` features, the headline's claimant."""
    headline = doc.sentences[0]
    source, target = model.orientation(found) if set(model.direction) <= set(actors) else (None, None)
    return Event(
        type=event_type,
        actors=actors,
        stage=stage or model.stage,
        evidence=doc.evidence(headline),
        confidence=round(probability, 2),
        from_=source,
        to=target,
        claimed_by=claimant(doc, headline, SentenceCues(headline, profile)),
    )
