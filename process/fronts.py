"""Fronts and the troops on them: whose army fights where, where troops are, whose weapon fell there.

A front (where a war is fought, mapped to the state fighting there) completes a pair ("North Korean
shells found in Ukraine": PRK and RUS), says who fired a weapon that fell there (its maker did not),
and makes an army fighting on it its own ("Russian soldiers shelling Ukrainian positions" are sent
nowhere). Troops named where they are ("North Korean troops in Kursk"), taught ("обучение расчетов")
or shown at an occasion (a parade, an honour guard) are no deployment of their own.
"""

from __future__ import annotations

from process.attribution import sources
from process.cues import SentenceCues
from process.document import Document, Sentence
from process.events import EventType, StageCue
from process.lexicon import Match
from process.modality import (
    MODAL_WINDOW,
)

PRESENCE_REACH = 2  # words (names aside) between a place preposition and the watched place it names
PARTNER_REACH = 1  # words (names aside) from an `alongside` cue to its troops ("alongside *the* Russian army")


def present_at(sentence: Sentence, cues: SentenceCues, nearby: list[Match[StageCue]], t0: int, t1: int) -> bool:
    """Whether the trigger at ``[t0, t1)`` names troops where they are, with no verb: a place preposition
    right after it and its qualifying names ("North Korean troops in Kursk", "soldats nord-coréens à
    Koursk", "военных КНДР в Курской области") and a watched name just after that. Troops a verb or a
    modal governs ("send troops to Kursk", "wants troops in Kursk") are no presence."""
    after = t1
    while any(m.first == after for m in sentence.mentions if m.watched):
        after = next(m.last for m in sentence.mentions if m.watched and m.first == after)
    places = [m for m in cues.found["place_before"] if m.first == after]
    if not places or any(a.last <= t0 and cues.segment[a.first] == cues.segment[t0] for a in nearby):
        return False
    if cues.near("modal_before", t0 - MODAL_WINDOW, t0) or cues.near("future_forms", t0 - MODAL_WINDOW, t0):
        return False
    end = places[0].last
    return any(m.watched and m.first >= end and cues.gap(end, m.first) <= PRESENCE_REACH for m in sentence.mentions)


def partner_force(doc: Document, sentence: Sentence, cues: SentenceCues, event_type: EventType, t0: int) -> bool:
    """Whether the troop trigger at ``t0`` is what an ``alongside`` cue before it governs (``PARTNER_REACH``) and
    another trigger of the type in its clause is not: «в освобождении вместе с *российскими подразделениями*
    участвовали *военнослужащие КНДР*», "North Korean soldiers fought alongside Russian units" — the partner's
    forces, beside whom the other trigger's troops act, are sent nowhere."""
    if not cues.governing("alongside", t0, PARTNER_REACH):
        return False
    return any(
        other.first != t0
        and cues.clause[other.first] == cues.clause[t0]
        and not cues.governing("alongside", other.first, PARTNER_REACH)
        for other in event_type.find_triggers(doc.lang, sentence.forms)
    )


def occasion_named(doc: Document, sentence: Sentence, cues: SentenceCues, event_type: EventType, t0: int) -> bool:
    """Whether the clause of token ``t0`` names an occasion of the type (a parade, an honour guard, a
    delegation, cadets): "Парадный расчет КНА принял участие в параде Победы", "a delegation of the
    Korean People's Army arrived in Moscow" show a party's people at an event, they are not sent to one."""
    occasions = event_type.occasions_in(doc.lang, sentence.forms, sentence.lemmas)
    return any(cues.clause[m.first] == cues.clause[t0] for m in occasions)


def at_worksite(
    doc: Document, sentence: Sentence, cues: SentenceCues, event_type: EventType, trigger: Match[str]
) -> bool:
    """Whether the trigger names a trade ("brigades", "строители") and its clause a civilian work place of the
    type: "North Korean construction brigades on Vladivostok building sites", «на стройках Владивостока работают
    бригады из КНДР» are hired labour, not troops sent ("soldiers", «военные строители» there stay troops)."""
    t0 = trigger.first
    if not event_type.names_trade(doc.lang, sentence.forms, t0, trigger.last):
        return False
    worksites = event_type.worksites_in(doc.lang, sentence.forms, sentence.lemmas)
    return any(cues.clause[m.first] == cues.clause[t0] for m in worksites)


def troops_taught(sentence: Sentence, cues: SentenceCues, action: Match[StageCue], t0: int) -> bool:
    """Whether ``action`` is a ``training`` noun whose object, the troops, is the trigger right after it (names or
    adjectives between) and its clause names no watched place after a place word: "запланировано
    обучение северокорейских расчетов", "the training of North Korean crews" say the troops are taught,
    not where; "обучение военных КНДР в России" tells a deployment."""
    named = {i for m in sentence.mentions for i in range(m.first, m.last)}
    taught = any(
        m.first <= action.first < m.last
        and m.last <= t0
        and all(i in named or sentence.adjective(i) for i in range(m.last, t0))
        for m in cues.found["training"]
    )
    if not taught:
        return False
    clause = cues.clause[t0]
    ends = {p.last for p in cues.found["place_before"] if cues.clause[p.first] == clause}
    return not any(m.watched and m.first in ends for m in sentence.mentions)


def skill_taught(sentence: Sentence, cues: SentenceCues, action: Match[StageCue], t0: int, t1: int) -> bool:
    """Whether ``action`` is the skill troops are taught: a ``teaching`` verb whose object is the trigger (names or
    adjectives between), then the action right after it, at most a word between ("teach North Korean soldiers
    to fight drones", «учат северокорейских военных воевать с дронами»). What the troops learn to do is no deed
    of theirs, nor a plan to send them."""
    if action.first < t1 or cues.gap(t1, action.first) > 1 or cues.clause[action.first] != cues.clause[t0]:
        return False
    named = {i for m in sentence.mentions for i in range(m.first, m.last)}
    return any(
        m.last <= t0 and all(i in named or sentence.adjective(i) for i in range(m.last, t0))
        for m in cues.found["teaching"]
    )


def place_of(sentence: Sentence, cues: SentenceCues, t0: int) -> bool:
    """Whether the trigger is the place a place word governs, in the prepositional case, only adjectives
    or names between: "часть техники находится *в российских войсках*" says where the equipment is; the
    troops are no one sent there."""
    if "Case=Loc" not in sentence.tag(t0).split("|"):
        return False
    named = {i for m in sentence.mentions for i in range(m.first, m.last)}
    for place in cues.found["place_before"]:
        between = range(place.last, t0)
        if place.last <= t0 and all(i in named or sentence.adjective(i) for i in between):
            return True
    return False


def front_foe(
    sentence: Sentence, cues: SentenceCues, event_type: EventType, actors: tuple[str, ...], anchor: int
) -> bool:
    """Whether the anchor's clause names a front of a one-party type (where the weapon hit or fell:
    "упавшей в Харькове") whose user is not the party found: that party made or sent the weapon, the
    front's foe fired it ("обломки ракеты, упавшей в Харькове, принадлежат северокорейской KN-23")."""
    fronts = event_type.fronts or {}
    speakers = set(sources(sentence, cues))
    return any(
        m.entity in fronts
        and fronts[m.entity] not in actors
        and m not in speakers
        and cues.clause[m.first] == cues.clause[anchor]
        and not cues.in_context(m.first)
        for m in sentence.mentions
    )


def own_army(doc: Document, sentence: Sentence, cues: SentenceCues, event_type: EventType) -> bool:
    """Whether a trigger of ``event_type`` in ``sentence`` names the troops of the party fighting on a front
    named there (``own_front``): the backstop must not send them anywhere either."""
    if not event_type.directed or event_type.possessor_holds:
        return False
    triggers = event_type.find_triggers(doc.lang, sentence.forms)
    return any(own_front(sentence, cues, event_type, t.first, t.last) for t in triggers)


def own_front(sentence: Sentence, cues: SentenceCues, event_type: EventType, t0: int, t1: int) -> bool:
    """Whether the troops at ``[t0, t1)`` belong, by the name qualifying them, to the party that fights on a
    front their clause names as no speaker ("Russian soldiers shelling Ukrainian positions", « les soldats
    russes qui pilonnent les lignes ukrainiennes »): they fight their own war, no one sent them anywhere."""
    fronts = event_type.fronts or {}
    speakers = set(sources(sentence, cues))
    users = {
        fronts[m.entity]
        for m in sentence.mentions
        if m.entity in fronts and m not in speakers and cues.clause[m.first] == cues.clause[t0]
    }
    return any(m.watched and m.entity in users and (m.last == t0 or m.first == t1) for m in sentence.mentions)


def home_region(sentence: Sentence, cues: SentenceCues, t0: int, t1: int) -> bool:
    """Whether the troops at ``[t0, t1)`` belong, by the name qualifying them, to the state whose own region
    their clause names ("Российские военнослужащие, воюющие в Курской области", "Russian soldiers fighting in
    the Kursk region"): an army at home, sent nowhere; the story is the foreign troops beside them."""
    owners = {m.entity for m in sentence.mentions if m.watched and (m.last == t0 or m.first == t1)}
    regions = cues.found["region_noun"]
    return any(
        m.entity in owners
        and not (m.last == t0 or m.first == t1)
        and cues.clause[m.first] == cues.clause[t0]
        and any(r.first == m.last or r.last == m.first or r.last == m.first - 1 for r in regions)
        for m in sentence.mentions
    )


def front_pair(
    sentence: Sentence,
    cues: SentenceCues,
    actors: tuple[str, ...],
    fronts: dict[str, str],
    anchor: int,
    captive: bool = False,
) -> tuple[str, ...]:
    """One party's weapons found or used on a front went to the party fighting there: "North Korean
    shells found in Ukraine" is between PRK and RUS; a ``captive`` ("North Korean POWs", "captured North
    Korean soldiers") fought on the front, named or not. ``actors`` unchanged when no front applies."""
    speakers = set(sources(sentence, cues))
    fronts_named = [m for m in sentence.mentions if m.entity in fronts and cues.clause[m.first] == cues.clause[anchor]]
    # strongest first: a front named as no speaker; the speaking front ("Missiles supplied by North
    # Korea…, Ukrainian official says": it speaks of its foe); any front for a captive ("North Korean
    # POWs": they fought on it, named or not)
    searches = (
        {fronts[m.entity] for m in fronts_named if m not in speakers},
        {fronts[m.entity] for m in fronts_named},
        set(fronts.values()) if captive else set(),
    )
    users = next((found - set(actors) for found in searches if found - set(actors)), set())
    return tuple(sorted({*actors, *users})) if len(actors) == 1 and len(users) == 1 else actors


PARTNER_PHRASE = 5  # words (names aside) from an `alongside` cue to the state its forces are named by


def partner_host(sentence: Sentence, cues: SentenceCues, actors: tuple[str, ...], t0: int) -> str | None:
    """The party of ``actors`` whose forces an ``alongside`` cue after the troop trigger at ``t0`` names, in the
    trigger's segment, within ``PARTNER_PHRASE`` words, the other party unnamed there: «корейские военные
    работают вместе с инженерными частями Минобороны России», "Korean sappers work alongside the engineering
    units of Russia's army" — troops acting beside a state's own forces were sent to that state (the receiver)."""
    for cue in cues.found["alongside"]:
        if cue.first < t0 or cues.segment[cue.first] != cues.segment[t0]:
            continue
        named = {
            m.entity
            for m in sentence.mentions
            if m.watched
            and m.first >= cue.last
            and cues.segment[m.first] == cues.segment[cue.first]
            and cues.gap(cue.last, m.first) <= PARTNER_PHRASE
        }
        if (
            len(named) == 1
            and named < set(actors)
            and not any(
                m.entity in actors and m.entity not in named and cues.segment[m.first] == cues.segment[t0]
                for m in sentence.mentions
            )
        ):
            return next(iter(named))
    return None
