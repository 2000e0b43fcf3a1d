"""Config section ``events``: event types, their trigger lexicons per language and stage cues.

Owned by the extraction work (process/); see docs/WATCHING.md.

An event is found in a sentence when one of its ``triggers`` (the words that name it: treaty,
accord, pact…) appears with an *action* cue of one of its ``stages`` (signed, ratifie…) and at
least ``min_parties`` parties. Stages are listed from the most advanced to the least; when an
action is under a future or modal form ("will sign", "pourrait être signé") the event gets the
stage's ``pending`` stage instead. With ``default_stage`` set, the trigger alone suffices (a verb
trigger such as "visits" is its own action) and ``default_pending`` applies under a modal.

Phrases are matched ignoring case, accents, hyphens and apostrophes; a trailing ``*`` matches any
word ending. Triggers match word forms (list them as forms or prefixes: the prefilter probes them
before any parsing); for a language with a lemmatizer (French), a one-word stage cue also matches
the lemma (``signer`` matches ``signeront``).
"""

from __future__ import annotations

from pydantic import Field, model_validator

from veille.config.base import Section

_NAME = r"^[a-z][a-z0-9_]{0,31}$"


class StageConfig(Section):
    """One stage of an event type and the action cues, per language, that establish it."""

    name: str = Field(pattern=_NAME)
    cues: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    pending: str | None = Field(None, description="stage reported when the cue is future or conditional")
    window: int = Field(14, ge=1, le=40, description="how many words a cue may sit from its trigger")
    dated_ahead: bool = Field(
        False,
        description="True: the stage is announced with a date ahead once the act that completes it is done "
        "(an entry into force 'from 1 April' after the exchange of notes): a headline's plan of it gives way to "
        "the lead telling it done",
    )
    chamber_cues: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="cues that establish the stage only where a chamber of parliament acts: the cue's clause or "
        "the headline names one ('the Federation Council approved the treaty')",
    )
    subject_cues: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="cues that establish the stage only right after a trigger, the weapon or the troops as their "
        "subject: a motion verb that people do as often as goods ('ces munitions arrivent de Corée du Nord')",
    )


class EventTypeConfig(Section):
    """An event type (``agreement``, ``visit``…) and the words that signal it, per language."""

    type: str = Field(pattern=_NAME)
    triggers: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    meetings: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="triggers that count only where a watched place follows a place word ('met … in Pyongyang')",
    )
    receptions: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="a host receiving a guest ('Kim receives Shoigu in Pyongyang'): a meeting whose guest, a "
        "watched person or an official or delegation by title, is its object",
    )
    stays: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="presence phrases ('находится в'): a trigger only where a watched person stays in the other "
        "party's watched place ('Лавров находится в Пхеньяне')",
    )
    awaits: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="words of a guest awaited ('expected', 'attendu', 'ждут'): a trigger only where a place word "
        "and the watched place follow, time words at most between ('Putin expected on Tuesday in Pyongyang'); "
        "the visit is ahead",
    )
    purposes: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="what a guest is there for ('talks', 'entretiens'): a trigger only after a watched person, a "
        "place word, the other party's watched place and a purpose word, no verb ('Lavrov in Pyongyang for talks')",
    )
    stages: tuple[StageConfig, ...] = ()
    default_stage: str | None = Field(None, description="stage when a trigger has no stage cue (None: no event)")
    default_pending: str | None = Field(None, description="stage for a trigger alone under a modal")
    min_parties: int = Field(2, ge=1, le=2)
    exclude: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="phrases that are never triggers or cues ('a sign of', \"d'accord\")"
    )
    directed: bool = Field(False, description="events say who gives or sends (from) and who receives (to)")
    receive: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="directed types: action phrases whose subject receives ('bought')"
    )
    grateful: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="directed types: acknowledgements whose subject received the deed ('thanks', 'gratitude'): "
        "when no word marks who gave, the one who thanks received it ('Kursk governor thanks Korean builders')",
    )
    failures: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="phrases that say the event happened and failed: no denial ('launch failed')"
    )
    possessor_holds: bool = Field(
        False,
        description="directed types: a possessive on the trigger may name who holds it, not who made it "
        '("Russia\'s shells"), so the subject of the action outranks it',
    )
    interceptions: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="one-party types: actions whose subject stops the weapon ('shot down'); the launcher is the "
        "state that qualifies the weapon ('Russian missiles'), not the subject",
    )
    third_countries_cancel: bool = Field(
        True, description="False: other countries named with the parties do not cancel (troops fight Ukraine)"
    )
    dated_news: bool = Field(
        False,
        description="True: the deed is news when it happens (agreements, visits), so one dated in another month "
        "than the article's ('the treaty signed in June' in a December item) is recalled; arms and troops are "
        "revealed later, and their dates say nothing of the news",
    )
    confirmed_stage: str | None = Field(
        None, description="the stage when a party itself is the claimant ('confirmed' by Moscow, not Seoul)"
    )
    fronts: dict[str, str] = Field(
        default_factory=dict,
        description="directed types: a front (context entity) -> the watched party that fights there; one party's "
        "weapons found or used there went to it ('North Korean shells found in Ukraine'); one-party types: a "
        "weapon that hit or fell there was fired by that party, not by another it names ('a missile that fell "
        "in Kharkiv was made in North Korea')",
    )
    captives: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="directed types with one front: words for one party's soldiers held captive ('POWs', "
        "'военнопленные'), triggers that are their own action at ``captive_stage``; they fought on the front, "
        "so the front's user is the other party even when no front is named",
    )
    captive_stage: str | None = Field(None, description="the stage a captive reports ('reported')")
    occasions: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="occasions at which a party's own people appear without being sent (a parade, an honour guard, "
        "a delegation, cadets at an academy): a trigger in a clause naming one reports nothing unless the action "
        "acknowledges the deed (``confirmed_stage``); a headline naming one vetoes the backstop",
    )
    worksites: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="civilian work places ('construction sites', 'стройки', 'chantiers'): a party's ``trades`` at "
        "one are hired labour, not troops sent; such a trigger in a clause naming one reports nothing unless the "
        "action acknowledges the deed (``confirmed_stage``); a headline or lead naming one vetoes the backstop",
    )
    trades: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="triggers that name a civilian trade as well as a unit ('brigades', 'строители', 'bâtisseurs'): "
        "at one of the ``worksites`` they are workers; the others ('soldiers', 'военные строители') stay troops",
    )

    @property
    def stage_ranks(self) -> dict[str, int]:
        """Stage name -> rank, higher for a more advanced stage (``stages`` lists the most advanced first)."""
        order = [s.name for s in self.stages] + [self.default_stage, self.default_pending]
        names = [n for i, n in enumerate(order) if n is not None and n not in order[:i]]
        return {name: len(names) - i for i, name in enumerate(names)}

    @model_validator(mode="after")
    def _consistent(self) -> EventTypeConfig:
        names = [s.name for s in self.stages]
        known = set(names) | {self.default_stage, self.default_pending} - {None}
        if self.confirmed_stage is not None and self.confirmed_stage not in known:
            raise ValueError(f"confirmed_stage {self.confirmed_stage!r} is not a stage of {self.type!r}")
        problems = [f"stage {n!r} is listed twice" for n in sorted(set(names)) if names.count(n) > 1]
        problems += [
            f"stage {s.name!r}: pending stage {s.pending!r} is not a stage of {self.type!r}"
            for s in self.stages
            if s.pending is not None and s.pending not in known
        ]
        if self.captives and (self.captive_stage not in known or len(set(self.fronts.values())) != 1):
            problems.append(f"event type {self.type!r}: captives need a known captive_stage and one front user")
        if self.fronts and not self.directed and self.min_parties != 1:
            problems.append(f"event type {self.type!r}: fronts need a directed or one-party type")
        if not any(self.triggers.values()):
            problems.append(f"event type {self.type!r} has no triggers")
        if not self.stages and self.default_stage is None:
            problems.append(f"event type {self.type!r} needs stages or a default_stage")
        if problems:
            raise ValueError("; ".join(problems))
        return self
