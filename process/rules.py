"""Event rules: from an analysed Document to the events it reports and the ones it denies.

For every trigger of an event type in a sentence (a treaty, a visit…), the rules look for the
action cues of its stages in the same clause, then decide, from cues of the language profile:

- *pending*: a modal or future form around the action ("will sign", "pourrait être signé",
  French future/conditional verbs) gives the stage's pending stage (signed -> announced);
- *negated*: a negation right before the action or trigger ("n'a pas signé", "no agreement");
  a *denial* in the clause ("Moscow denies…", "talks collapsed") makes it a retraction. A
  retraction names the stage it denies: the negated action's ("did not sign": signed), else the
  action as reported ("denies any plan to sign": announced), the most advanced stage for a
  withdrawal ("suspended", "withdrew from"), or none (the event as a whole);
- *hypothetical*: a warning, condition or "any" before the trigger: nothing is reported;
- *background*: the trigger is context ("under the treaty", "the 1961 treaty", an anniversary)
  or the action is old ("signed last year", a year before the article's, "a day after signing").

Parties come from ``process.parties``; a third country among them cancels the event unless the type
says otherwise (``third_countries_cancel: false``: troops fight Ukraine, missiles hit it).

Outside the headline, an event counts only when the headline names no other country outside a
list with a watched one (else the item is a reaction or a third-party story: "Seoul summons
Russian envoy…"; a country that reports the deed the headline names is its source: "North Korea to send
sappers to Russia, Seoul says") and does not announce a look back ("One year on…", "Chronologie", "Analysis");
outside the headline and lead, only when these name its parties, or only one of them (the sentence
continues that party's story), or none but tell the deed: otherwise it is background for another story.

This module is the judge; each question it asks has a module of its own: ``process.modality`` (pending,
hypothetical, negated), ``process.background`` (old news), ``process.trips`` (who travels where),
``process.story`` (the headline's story), ``process.fronts`` (fronts and troops), ``process.tributes``
(acknowledgements), ``process.deals`` (exchanges and messengers) and ``process.phrase`` (a trigger's noun phrase).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from process.attribution import TITLE_WORDS, attributors, claimant, official, sources, speaker
from process.background import (
    action_is_background,
    dated_ahead,
    dated_headline,
    in_opening,
    opens_on_time,
    other_month,
    trigger_is_background,
    trip_dates_deed,
    trip_honoured,
    trip_qualifies,
    trip_recalled,
    trip_since,
)
from process.cues import DETERMINERS, SentenceCues
from process.deals import (
    exchanged,
    messenger_actions,
    negotiated,
    receiving_agents,
    third_counterpart,
    weapon_skill,
)
from process.direction import LIST_JOINS, WHOSE, adjectival, orient
from process.document import Document, Sentence
from process.events import AWAIT, MEETINGS, PURPOSE, RECEPTION, STAY, TRIGGER, EventType, StageCue
from process.fronts import (
    at_worksite,
    front_foe,
    front_pair,
    home_region,
    occasion_named,
    own_front,
    partner_force,
    partner_host,
    place_of,
    present_at,
    skill_taught,
    troops_taught,
)
from process.languages import LanguageProfile
from process.lexicon import Match
from process.modality import (
    MODAL_WINDOW,
    answered_yes,
    asked_about,
    denied_phrase,
    guessed,
    hypothetical,
    modifier_words,
    negated,
    negated_after,
    notices,
    noun_action_ahead,
    pending_action,
    pundit_guess,
    pundit_speaks,
    quotations,
    signs_shown,
    speculative,
    supposed_subject,
    topic_of_plan,
    unsaid,
)
from process.parties import coordinated, host_in_lead, relative_aside, resolve, resolve_single, target
from process.phrase import (
    ARTICLES,
    object_phrase,
    qualifies_noun,
)
from process.story import claims, comment_topic, launch_is_story, only_talked_about, placed, timeline, told_from
from process.tributes import acknowledged_party, honoured_party, outsider_speaks, stage_below
from process.trips import (
    awaited_at,
    document_subject,
    envoy_met,
    guest_named,
    guest_present,
    guest_received,
    guest_staying,
    home_trip,
    mission_visited,
    place_named,
    private_trip,
    purpose_present,
    traveller_possible,
    trip_pair,
    troop_trip,
    unowned_trip,
    verb_decides,
)
from process.watchlist import Mention
from process.weapons import (
    QUALIFIER_GAP,
    engine_for,
    engine_powers,
    foreign_weapon,
    maker,
    names_weapon,
    origin,
    weapon_owner,
)

NOUN_TIME_REACH = 2  # the last sentence whose telling gives a headline noun its time (the lead and the next)
CAUSE_GAP = (
    2  # words between a `cause` cue ("in response to") and the answered deed it introduces ("an alleged attack")
)
ERRAND_GAP = 2  # words between a relative word and the errand of a failed launch's vehicle ("which was to put")
GROUNDS_GAP = 3  # words between a penalty's `grounds` word ("for", « pour ») and the trigger ("their arms deliveries")


@dataclass(frozen=True)
class Finding:
    """An event (or a retraction) found in one sentence."""

    type: str
    actors: tuple[str, ...]
    stage: str | None
    trigger: str
    sentence: int
    evidence: str
    confidence: float
    retraction: bool
    rank: int = 0
    from_: str | None = None
    to: str | None = None
    claimed_by: str | None = None
    object: str = ""
    decided: bool = False  # a pending stage told as a decision taken ("принял решение направить")
    tenseless: bool = False  # a headline deed told as a noun ("об отправке саперов", "о визите"): no tense
    planned: bool = False  # the stage is a pending one, told under a modal or future form
    lone: bool = False  # one party honours its own troops, the other unnamed: it only confirms (``_dedupe``)
    admits: bool = False  # an acknowledgement with no trigger of its own: it only confirms (``_admission``)


def detect(doc: Document, types: Sequence[EventType], profile: LanguageProfile) -> list[Finding]:
    """Every event and retraction that ``doc`` reports, one per (type, actors, kind), earliest first."""
    findings: list[Finding] = []
    focus = {m.entity for s in doc.sentences[:2] for m in s.mentions if m.watched}
    # "Обломки ракеты, упавшей в Харькове…": a front the headline or lead names stands for its user
    named = {m.entity for s in doc.sentences[:2] for m in s.mentions}
    fronted = {t.name: {user for front, user in (t.fronts or {}).items() if front in named} for t in types}
    headline = doc.sentences[0] if doc.sentences else None
    headline_cues = SentenceCues(headline, profile) if headline is not None else None
    # The headline is about another country, or announces a look back ("One year on", "Chronologie",
    # "Five years ago, …"): what the body says happened is a reaction or a recap, not news.
    others = (
        [
            m
            for m in headline.mentions
            if not m.watched
            and not coordinated(headline, m)
            # "Kharkiv strike wreckage…": a circumstance, not another country's story
            and not _circumstance(headline, headline_cues, m)
            # "Frappe record contre l'Ukraine", "Kiev : six missiles abattus": a target or a speaker
            and not target(headline, headline_cues, m)
            and not speaker(headline, m)
            # "Володин увидел в союзе с КНДР ответ на давление Вашингтона": what a party's speaker speaks of
            and not _in_party_comment(headline, m)
        ]
        if headline is not None and headline_cues is not None
        else []
    )
    body_is_context = headline is not None and (
        _looks_back(headline, headline_cues, profile)
        or any(in_opening(headline_cues, m.first) for m in headline_cues.found["background_time"])
        or opens_on_time(headline_cues)
        or dated_headline(doc, headline, headline_cues)
        or speculative(doc, headline, headline_cues)
    )
    # a front (of a directed type or a launch) governed by a preposition is where its deed happened or
    # what it hit, not another country's story: "по Киеву ударили северокорейской ракетой", "ракета,
    # упавшая в Харькове", "missile debris found in Kharkiv" (an attribution or a speaker is no place:
    # "selon Kyiv", "по данным Киева", "В Киеве заявили")
    attributed = {m.last for m in headline_cues.found["source_before"]} if headline_cues is not None else set()
    speakers = sources(headline, headline_cues) if headline is not None and headline_cues is not None else []
    # "Tokyo fait état d'un tir nord-coréen", "North Korea fires…, Japan says", "Ukraine says missile that
    # hit Kharkiv was North Korean", "North Korea to send sappers to Russia, Seoul says": a country reporting a
    # launch, a transfer or a deployment the headline names tells the watched state's story; the body's details
    # are news, not a reaction (unless it reacts: "Seoul says it will sanction Russian firms over arms deals",
    # "US warns North Korea against any arms deal"; or denies or withdraws: "North Korean troops pulled back
    # from Kursk front, Ukraine says" + "Kyiv said the units had taken heavy losses" is no deployment)
    reported = {
        t.name
        for t in types
        if headline is not None
        and headline_cues is not None
        and (t.min_parties == 1 or (t.directed and claims(headline_cues)))
        and any(m.watched and m not in speakers for m in headline.mentions)
        and (t.find_triggers(doc.lang, headline.forms) or t.find_cues(doc.lang, headline.forms, headline.lemmas))
        # "Trump says Putin's missile test talk 'not appropriate'": a launch the headline only talks about is
        # no deed its speaker reports; the speaker comments, and the body is the comment's
        and not (t.min_parties == 1 and only_talked_about(doc, headline, headline_cues, t))
    }
    # "Tokyo fait état d'un nouveau tir nord-coréen" + "…des missiles qu'il livre à la Russie": the country
    # that reports a launch is a source for the weapons the body says the launcher supplies, too
    if reported & {t.name for t in types if t.min_parties == 1}:
        reported |= {t.name for t in types if t.possessor_holds and claims(headline_cues)}
    # "Top U.S. commander says Ukraine outgunned as Russia taps Iran and North Korea": a third state that
    # says or finds, and the names inside its claim, leave the body's weapons claims news
    claim = told_from(headline, headline_cues, speakers) if headline is not None and headline_cues is not None else None
    reacting = {
        t.name: body_is_context
        or any(
            not (
                m.entity in (t.fronts or {})
                and placed(headline, headline_cues, m)
                and m.first not in attributed
                and m not in speakers  # "В Киеве допустили…": a speaker, wherever it stands
            )
            and not (t.name in reported and m in speakers)
            and not (t.possessor_holds and claim is not None and (m == claim[0] or m.first >= claim[1]))
            # "U.S. slams Russian missile test", "Japan lodges protest with Pyongyang over ICBM": a country
            # reacting to the launch the headline names leaves the launch the item's news; "Missile launch
            # greets Blinken on trip to Seoul": a country after the launch is its occasion
            and not launch_is_story(doc, headline, headline_cues, t, m)
            for m in others
        )
        for t in types
        if headline is not None
    }
    # "Timeline of North Korea's missile tests": the headline names past events, not news.
    recap = (
        headline is not None
        and headline_cues is not None
        and _looks_back(headline, headline_cues, profile)
        and timeline(headline)
    )
    all_reacting = all(reacting.values())  # per item, not per sentence
    # "Эксперт допустил соглашение Москвы и Пхеньяна…", "Востоковед: следующая встреча … пройдёт в Москве": a
    # headline that tells a commentator's guess frames the body; a plan between two states it tells further on
    # is the guess spelled out, not news of one
    pundit_headline = (
        headline is not None
        and headline_cues is not None
        and pundit_speaks(headline, headline_cues)
        and guessed(headline_cues)
    )
    # beyond the lead, an event's parties must be ones the headline or lead name (or their fronts' users)
    known = {t.name: focus | fronted[t.name] for t in types}
    # the types whose trip the headline tells: a trip noun that is a document's subject tells none, nor
    # a visit to a mission at home
    told = {
        t.name
        for t in types
        if headline is not None
        and headline_cues is not None
        and any(
            not document_subject(doc, headline, headline_cues, types, trip)
            and not mission_visited(headline, headline_cues, trip.first)
            for trip in t.find_triggers(doc.lang, headline.forms)
        )
    }
    # the headline's weapon words: a party named only on them tells the weapons' story, not the troops'
    headline_weapons = _weapons(doc, headline, [t for t in types if t.possessor_holds]) if headline is not None else []
    for sentence in doc.sentences:
        if sentence.index >= 1 and all_reacting:
            break
        if sentence.index == 0 and recap:
            continue
        cues: SentenceCues | None = headline_cues if sentence.index == 0 else None
        weapons: list[tuple[int, int]] | None = None  # the sentence's weapon words, found at its first trigger
        for event_type in types:
            if sentence.index >= 1 and reacting[event_type.name]:
                continue
            triggers = event_type.find_triggers(doc.lang, sentence.forms)
            if not triggers:
                if sentence.index >= 1:
                    admission = _admission(doc, sentence, event_type, profile)
                    if admission is not None:
                        findings.append(admission)
                continue
            cues = cues or SentenceCues(sentence, profile)
            actions = _subjects_kept(event_type.find_cues(doc.lang, sentence.forms, sentence.lemmas), triggers, cues)
            if headline_cues is not None:
                actions = _chambered(doc, event_type, actions, cues, headline_cues)
            if weapons is None:
                weapons = _weapons(doc, sentence, [t for t in types if t.possessor_holds])
            for trigger in triggers:
                if sentence.index == 0 and event_type.name not in reported and _commented(cues, speakers, trigger):
                    continue  # "US says Russia-North Korea pact taking effect underscores…": a comment on it
                if (
                    sentence.index >= 1
                    and event_type.min_parties >= 2
                    and event_type.name not in reported
                    # the headline's own deed of the type makes the body's comment on it no aside
                    and not any(f.type == event_type.name and f.sentence == 0 for f in findings)
                    and _judged(cues, trigger)
                ):
                    continue  # «…заявила, что договор, вступивший в силу в начале декабря, «угрожает…»»: judged
                if event_type.default_stage is not None and troop_trip(doc, sentence, cues, types, trigger.first):
                    continue  # "северокорейские военные прибыли в Курскую область": a deployment, no visit
                if event_type.default_stage is not None and mission_visited(sentence, cues, trigger.first):
                    continue  # "Ким Чен Ын посетил российское посольство": a mission at home, no trip
                if event_type.default_stage is not None and document_subject(doc, sentence, cues, types, trigger):
                    continue  # "соглашение о взаимных поездках граждан": what a document is about, no one's trip
                finding = _judge(
                    doc,
                    sentence,
                    cues,
                    event_type,
                    trigger,
                    _own_actions(actions, triggers, trigger),
                    event_type.name in told,
                    weapons,
                    headline_weapons,
                )
                if (
                    finding is not None
                    and not finding.retraction
                    and (
                        pundit_guess(sentence, cues, trigger.first, finding.planned)
                        or (sentence.index >= 1 and pundit_headline and finding.rank == min(event_type.rank.values()))
                    )
                    # a launch a commentator forecasts is news only where the item shows signs of it (satellite
                    # images, a notice to airmen): "analysts warn" over "satellite images show activity at the
                    # site" tells preparations, « probable d'ici l'été, estime un chercheur » a guess (checked
                    # last: it reads every sentence's cues, and only a pundit's guess needs it)
                    and (event_type.min_parties >= 2 or not signs_shown(doc, profile))
                ):
                    continue  # "…могут заключить соглашение, считает востоковед": a commentator's guess, no news
                if finding is not None and (
                    sentence.index < 2
                    or set(finding.actors) <= known[event_type.name]
                    or _continues(doc, event_type, focus, finding, profile)
                    # "Succession : le renseignement sud-coréen voit en Kim Ju-ae l'héritière" + "…, le NIS a
                    # affirmé que la Corée du Nord avait expédié à la Russie des missiles": the headline's
                    # claimant telling another of its findings is still its report, whatever came between
                    or (
                        event_type.possessor_holds
                        and claim is not None
                        and finding.claimed_by is not None
                        and finding.claimed_by == claim[0].entity
                    )
                ):
                    findings.append(finding)
    findings += _identified_makes(doc, types, findings, profile)
    return _dedupe(_supplied_weapons_fired(doc, types, findings, profile), types)


def _weapons(doc: Document, sentence: Sentence, types: Sequence[EventType]) -> list[tuple[int, int]]:
    """The spans of ``sentence``'s weapon words: the triggers of ``types`` (those whose possessor may hold them,
    or the launches with them)."""
    return [(w.first, w.last) for t in types for w in t.find_triggers(doc.lang, sentence.forms)]


def _outside(weapons: Sequence[tuple[int, int]], words: Sequence[Match[str]]) -> list[tuple[int, int]]:
    """The spans of ``weapons`` that lie inside none of ``words`` (a troop word such as "missile crews")."""
    return [w for w in weapons if not any(t.first <= w[0] and w[1] <= t.last for t in words)]


def _identified_makes(
    doc: Document, types: Sequence[EventType], findings: list[Finding], profile: LanguageProfile
) -> list[Finding]:
    """The weapons a launcher fired that a later sentence identifies as another state's make ("Russian missiles
    hit Kropyvnytskyi" + "investigators identified one of them as a North Korean-made KN-23", «…установили, что
    это северокорейские баллистические ракеты»): the maker supplied them to the launcher, a ``reported``
    transfer. The later sentence names only the maker, on the weapon (``names_weapon``, ``maker``); a maker
    that launches in the item itself ("North Korea tested a KN-23") is no supplier, and an arms finding of the
    item's own is left as it is."""
    arms = next((t for t in types if t.directed and t.possessor_holds), None)
    kinds = [t for t in types if t.min_parties == 1]
    if arms is None or any(f.type == arms.name and not f.retraction for f in findings):
        return []
    fired = [
        f
        for f in findings
        if any(f.type == k.name and f.stage not in k.pending_stages for k in kinds)
        and len(f.actors) == 1
        and not f.retraction
    ]
    launchers = {f.actors[0] for f in fired}
    if len(launchers) != 1:
        return []
    (launcher,) = launchers
    stage = next(s for s in sorted(arms.rank, key=arms.rank.__getitem__) if s not in arms.pending_stages)  # done
    for sentence in doc.sentences[min(f.sentence for f in fired) + 1 :]:
        made = _made_by(doc, sentence, [arms, *kinds], SentenceCues(sentence, profile), launchers)
        if made is not None and made not in {a for f in findings if not f.retraction for a in f.actors}:
            return [
                Finding(
                    type=arms.name,
                    actors=tuple(sorted((made, launcher))),
                    stage=stage,
                    trigger="",
                    sentence=sentence.index,
                    evidence=doc.evidence(sentence),
                    confidence=0.0,
                    retraction=False,
                    from_=made,
                    to=launcher,
                )
            ]
    return []


def _made_by(
    doc: Document, sentence: Sentence, types: Sequence[EventType], cues: SentenceCues, launchers: set[str]
) -> str | None:
    """The one watched state ``sentence`` names, or None: only on a weapon of ``types`` (a demonym before it,
    a maker cue: ``_tells_make``) and outside a context phrase, and not one of ``launchers``."""
    weapons = _weapons(doc, sentence, types)
    named = [m for m in sentence.mentions if m.watched]
    states = {m.entity for m in named}
    if len(states) != 1 or states & launchers:
        return None
    if all(not cues.in_context(m.first) and _tells_make(sentence, cues, m, weapons) for m in named):
        return named[0].entity
    return None


def _tells_make(sentence: Sentence, cues: SentenceCues, mention: Mention, weapons: Sequence[tuple[int, int]]) -> bool:
    """Whether ``mention`` tells only a weapon's make: a maker cue ("North Korean-made"), the weapon's own name
    ("KN-23") or a demonym before it ("North Korean KN-23 missiles"), not a state that acts ("North Korea tested
    new missiles")."""
    return maker(sentence, cues, mention) or any(
        names_weapon(sentence, mention, w, QUALIFIER_GAP, -1)
        and (adjectival(sentence, cues, mention) or w[0] <= mention.first < w[1])
        for w in weapons
    )


def _supplied_weapons_fired(
    doc: Document, types: Sequence[EventType], findings: list[Finding], profile: LanguageProfile
) -> list[Finding]:
    """Drop a launch by a state named only on the weapon ("Зеленский указал на северокорейскую KN-23") or as
    its origin («удар нанесли ракетами KN-23 из КНДР»: ``weapons.origin``) when the item finds it supplying
    weapons to another watched state that it finds launching ("…KN-23 северокорейского производства…" +
    "Россия применила 70 ракет"): the state on the weapon made it, the one it supplied fired it (as
    ``weapons.firer`` decides within one clause)."""
    supplies = {(f.from_, f.to) for f in findings if f.from_ is not None and f.to is not None and not f.retraction}
    kinds = {t.name: t for t in types if t.min_parties == 1}
    launchers = {(f.type, f.actors) for f in findings if f.type in kinds and not f.retraction}

    def on_weapon(finding: Finding) -> bool:
        (state,) = finding.actors
        if not any((finding.type, (to,)) in launchers for source, to in supplies if source == state and to != state):
            return False
        sentence = doc.sentences[finding.sentence]
        cues = SentenceCues(sentence, profile)
        weapons = [(w.first, w.last) for w in kinds[finding.type].find_triggers(doc.lang, sentence.forms)]
        own = [m for m in sentence.mentions if m.entity == state]
        return bool(own) and all(
            any(names_weapon(sentence, m, w, QUALIFIER_GAP, -1) or origin(sentence, cues, m, w) for w in weapons)
            for m in own
        )

    return [f for f in findings if f.type not in kinds or len(f.actors) != 1 or f.retraction or not on_weapon(f)]


ANAPHORS = frozenset({"their", "leur", "leurs", "их"})  # "salue leur sacrifice": the troops just named
THANKS_FOR = frozenset({"for", "pour", "за"})  # "thanked … for their work": what the thanks are for
ANAPHOR_GAP = 4  # words between a tribute and the pronoun or "for" that points back to the troops


def _admission(doc: Document, sentence: Sentence, event_type: EventType, profile: LanguageProfile) -> Finding | None:
    """A troop acknowledgement in a sentence with no troop word, which only confirms the deed another
    sentence reports (``_dedupe``), or None. Either the acknowledgement names the deed itself and a watched
    party before it makes it ("…since Moscow and Pyongyang acknowledged the deployment", «Москва признала
    участие»): it confirms the findings that party sends or receives; or, right after a sentence with a
    troop word, a tribute points back to those troops ("The commentary hails their sacrifice", « salue leur
    discipline », «поблагодаривший «корейских друзей» за работу»): it confirms every finding of the type. No
    outsider makes it (``outsider_speaks``), it is neither denied nor planned."""
    if (
        not event_type.directed
        or event_type.possessor_holds
        or event_type.confirmed_stage is None
        or doc.lang not in event_type.cues
    ):
        return None
    actions = [
        a
        for a in event_type.find_cues(doc.lang, sentence.forms, sentence.lemmas)
        if a.payload is not None and a.payload.stage == event_type.confirmed_stage
    ]
    if not actions:
        return None
    previous = doc.sentences[sentence.index - 1]
    pointed = bool(event_type.find_triggers(doc.lang, previous.forms))
    cues = SentenceCues(sentence, profile)
    for action in actions:
        a0, a1 = action.first, action.last
        if (
            cues.in_clause("denial", a0)
            or negated(cues, a0)
            or pending_action(sentence, cues, a0, a1, tribute=True)
            or outsider_speaks(sentence, cues, a0)
        ):
            continue
        parties: tuple[str, ...] | None = None
        if a1 - a0 > 1 and _names_deed(doc, sentence, event_type, a1 - 1):
            named = [
                m
                for m in sentence.mentions
                if m.watched
                and m.last <= a0
                and cues.clause[m.first] == cues.clause[a0]
                and not cues.in_context(m.first)
            ]
            parties = tuple(sorted({m.entity for m in named})) or None
        elif pointed and _points_back(sentence, cues, a1):
            parties = ()
        if parties is None:
            continue
        return Finding(
            type=event_type.name,
            actors=parties,
            stage=event_type.confirmed_stage,
            trigger="",
            sentence=sentence.index,
            evidence=doc.evidence(sentence),
            confidence=0.0,
            retraction=False,
            admits=True,
        )
    return None


def admitted(doc: Document, event_type: EventType, profile: LanguageProfile, actors: tuple[str, ...]) -> bool:
    """Whether a sentence with no trigger of ``event_type`` acknowledges the deed of ``actors`` (``_admission``):
    the backstop's finding of a deed the rules could not place ("Russian awards pinned on North Korean
    officers" + "…since Moscow and Pyongyang acknowledged the deployment") is then confirmed too."""
    for sentence in doc.sentences[1:]:
        if event_type.find_triggers(doc.lang, sentence.forms):
            continue
        admission = _admission(doc, sentence, event_type, profile)
        if admission is not None and (not admission.actors or set(admission.actors) & set(actors)):
            return True
    return False


def claimed_by_party(doc: Document, event_type: EventType, profile: LanguageProfile, actors: tuple[str, ...]) -> bool:
    """Whether the headline attributes a deed of ``event_type`` to one of its ``actors`` speaking as a state
    («Минобороны показало кадры работы северокорейских строителей», "Kursk: the governor tells of North Korean
    engineers"), or, a headline with no speaker, the lead that names the troops does («Военнослужащие КНДР начали
    восстанавливать участок, сообщил губернатор Курской области»): the backstop's finding, which has no action,
    is then that party's acknowledgement, as a rule's finding a party claims is (``_judge``). A headline's
    speaker that is no party (Seoul, Kyiv) keeps it a report, whatever the lead quotes."""
    if event_type.confirmed_stage is None or not doc.sentences:
        return False
    told = [*doc.sentences[:1], *(s for s in doc.sentences[1:2] if event_type.find_triggers(doc.lang, s.forms))]
    for sentence in told:
        cues = SentenceCues(sentence, profile)
        found = attributors(sentence, cues)
        if found:
            return found[0].entity in actors and speaks_as_state(sentence, cues, found[0])
    return False


def speaks_as_state(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether the source ``mention`` speaks for its state: not a demonym qualifying the speaker ("North Korean
    prisoner says…": he speaks for himself), unless a ``speaker_title`` follows it within ``TITLE_WORDS`` words
    ("Russian deputy PM says", "North Korean foreign minister says": an office speaks for the state) or it is the
    region a ``regional_official`` heads («губернатор Курской области»: his region, so his state)."""
    last = mention.last - 1
    if not (sentence.adjective(last) or sentence.forms[last].endswith(cues.profile.adjective_endings)):
        return True
    forms = sentence.forms
    titled = any(
        0 <= title.first - mention.last < TITLE_WORDS
        and all(form.isalnum() for form in forms[mention.last : title.last])
        for title in cues.found["speaker_title"]
    )
    return titled or official(sentence, cues, mention)


def _names_deed(doc: Document, sentence: Sentence, event_type: EventType, index: int) -> bool:
    """Whether the word at ``index`` (an acknowledgement's last) is on its own a cue of a deed done
    ("acknowledged the *deployment*", «признала *участие*», « a reconnu l'*envoi* »)."""
    alone = event_type.find_cues(doc.lang, sentence.forms[index : index + 1], sentence.lemmas[index : index + 1])
    return any(
        a.payload is not None
        and a.payload.stage not in event_type.pending_stages
        and a.payload.stage != event_type.confirmed_stage
        for a in alone
    )


def _points_back(sentence: Sentence, cues: SentenceCues, end: int) -> bool:
    """Whether a possessive pronoun or a "for" of thanks follows the tribute ending at ``end`` within
    ``ANAPHOR_GAP`` words of its clause, no watched name between: it is about the troops just named."""
    for index in range(end, min(end + ANAPHOR_GAP + 1, len(sentence.forms))):
        if cues.clause[index] != cues.clause[end - 1] or any(m.first <= index < m.last for m in sentence.mentions):
            return False
        if sentence.forms[index].lower() in ANAPHORS | THANKS_FOR:
            return True
    return False


def _chambered(
    doc: Document,
    event_type: EventType,
    actions: list[Match[StageCue]],
    cues: SentenceCues,
    headline_cues: SentenceCues,
) -> list[Match[StageCue]]:
    """``actions`` without the chamber cues no chamber of parliament performs: one is kept where a chamber
    is named in its clause ("the Federation Council approved the treaty"), or anywhere once the headline
    tells a chamber's own approval ("Upper house clears treaties" + "Among the documents endorsed was…"),
    not where a cabinet approves a text."""
    headline = doc.sentences[0]
    approves = any(
        a.payload.chamber and headline_cues.in_clause("chamber", a.first)
        for a in event_type.find_cues(doc.lang, headline.forms, headline.lemmas)
    )
    return [a for a in actions if not a.payload.chamber or approves or cues.in_clause("chamber", a.first)]


SUBJECT_GAP = 1  # words between a weapon and the motion verb it is the subject of (« ces munitions « arrivent »)


def _subjects_kept(
    actions: list[Match[StageCue]], triggers: list[Match[str]], cues: SentenceCues
) -> list[Match[StageCue]]:
    """``actions`` without the subject cues (``subject_cues``: « arrivent », "arriving") that do not follow a
    trigger of their clause within ``SUBJECT_GAP`` words: the weapons arrive (« ces munitions « arrivent
    désormais par trains entiers » de Corée du Nord »), whereas "North Korean officials arrive in Moscow to discuss
    missiles" has people arrive, and no weapon moves."""
    return [
        a
        for a in actions
        if not a.payload.subject
        or any(
            t.last <= a.first
            and cues.clause[t.first] == cues.clause[a.first]
            and cues.gap(t.last, a.first) <= SUBJECT_GAP
            for t in triggers
        )
    ]


def _commented(cues: SentenceCues, speakers: list[Mention], trigger: Match[str]) -> bool:
    """Whether a headline's third-state speaker comments on the event ``trigger`` names: a `comment` verb after
    it in its clause has the event as its subject ("US says Russia-North Korea pact taking effect underscores
    'dangerous' ties"), so the speaker judges an event told before, it does not report it."""
    return any(not m.watched for m in speakers) and any(
        c.first >= trigger.last and cues.clause[c.first] == cues.clause[trigger.first] for c in cues.found["comment"]
    )


def _judged(cues: SentenceCues, trigger: Match[str]) -> bool:
    """Whether a body sentence's event ``trigger`` names is the subject of a ``comment`` verb after it in its
    clause («Каллас заявила, что договор…, вступивший в силу в начале декабря, «угрожает безопасности…»», "the
    pact, which took effect this month, threatens Europe"): a judgement of an event told before, under a
    headline that tells no deed of the type, not its report."""
    return any(
        c.first >= trigger.last and cues.clause[c.first] == cues.clause[trigger.first] for c in cues.found["comment"]
    )


def _circumstance(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether a ``context_after`` word right after ``mention`` makes it a circumstance ("Kharkiv strike wreckage",
    "amid US sanctions"); not a penalty verb whose object, a watched name, follows it: "New Zealand *sanctions*
    North Korean ships" tells the state penalising, which reacts."""
    after = cues.near("context_after", mention.last, mention.last + 1)
    penalises = any(
        p.first == mention.last and any(m.watched and m.first == p.last for m in sentence.mentions)
        for p in cues.found["penalty"]
    )
    return bool(after) and not penalises


def _in_party_comment(sentence: Sentence, mention: Mention) -> bool:
    """Whether ``mention``, another country, stands in the comment of a watched person who opens ``sentence``
    as the subject of its verb («Володин увидел в союзе с КНДР ответ на давление Вашингтона»): the party's own
    speaker tells the party's story, and the other country is what he speaks of. The tagger says who is a
    person and what is a verb; "Seoul sees the pact as a threat" has the other country for its subject."""
    opener = sentence.mentions[0]
    return (
        opener.watched
        and opener.first == 0
        and mention.first > opener.last
        and "Animacy=Anim" in sentence.tag(opener.first).split("|")
        and sentence.tag(opener.last).startswith("VERB|")
    )


def _looks_back(headline: Sentence, cues: SentenceCues, profile: LanguageProfile) -> bool:
    """Whether the headline is labelled a look back ("Analysis: …", "One year on, …"); a label word that a
    reporting verb follows is a finding's subject, not the item's genre ("…, imagery analysis finds")."""
    said = {m.first for m in cues.found["source_after"]}
    return any(m.last not in said for m in profile.cue("retrospective").find(headline.forms))


def _continues(
    doc: Document, event_type: EventType, focus: set[str], finding: Finding, profile: LanguageProfile
) -> bool:
    """Whether a finding past the lead continues the headline's and lead's story, which named its deed
    or one of its parties but not both: the one party they name is among its parties ("Герасимов
    доложил Путину…" + "…участвовали подразделения КНДР"), or they name none and tell the deed ("Foreign
    sappers filmed near Sudzha" + "…the sappers were North Korean…"); no sentence between names another
    country than a front of the type."""
    fronts = event_type.fronts or {}
    if any(
        not m.watched and m.entity not in fronts and not _attributing(s, m, profile)
        for s in doc.sentences[2 : finding.sentence]
        for m in s.mentions
    ):
        return False  # "Mongolia and Russia are expected to sign deals. North Korea and Russia…": the story moved on
    if len(focus) == 1:
        return focus <= set(finding.actors)
    return not focus and any(event_type.find_triggers(doc.lang, s.forms) for s in doc.sentences[:2])


def _attributing(sentence: Sentence, mention: Mention, profile: LanguageProfile) -> bool:
    """Whether ``mention`` only says who tells ``sentence``: a source, or a name in the comma segment a source
    phrase opens (« Selon des responsables militaires sud-coréens cités par l'agence Yonhap, ce système… »).
    The story does not move on to the one who tells it."""
    if sentence.index == 0 or not any(not m.watched for m in sentence.mentions):
        return False
    cues = SentenceCues(sentence, profile)
    if mention in sources(sentence, cues):
        return True
    segment = cues.segment[mention.first]
    opening = cues.segment.index(segment)
    return any(m.first == opening + (opening > 0) for m in cues.found["source_before"])


def _own_actions(
    actions: list[Match[StageCue]], triggers: list[Match[str]], trigger: Match[str]
) -> list[Match[StageCue]]:
    """The actions that may tell ``trigger``'s deed: not a word inside another trigger, which names a
    weapon or a thing ("lance-roquettes et missiles présentés": « lance » is no launch of the missiles)."""
    return [
        a
        for a in actions
        if not any(
            t is not trigger and t.first <= a.first and a.last <= t.last and (t.first, t.last) != (a.first, a.last)
            for t in triggers
        )
    ]


def _compound_verb(doc: Document, sentence: Sentence, end: int, t1: int) -> bool:
    """Whether the word ending at token ``end`` is joined by a hyphen to the next word of its trigger
    (ending at ``t1``): the verb of a compound noun ("lance-roquettes"), not a deed."""
    return end < t1 and doc.text[sentence.tokens[end - 1].end : sentence.tokens[end].start] == "-"


def third_party_deals(doc: Document, types: Sequence[EventType], profile: LanguageProfile) -> set[str]:
    """The directed types whose trigger in the headline or lead has a third state as its counterpart
    ("Россия направила военных в Сирию"): the rules read that item as another pair's deal, and the
    backstop must not make it a watched pair's."""
    dealt: set[str] = set()
    for sentence in doc.sentences[:2]:
        cues: SentenceCues | None = None
        for event_type in types:
            triggers = event_type.find_triggers(doc.lang, sentence.forms) if event_type.directed else []
            if not triggers:
                continue
            cues = cues or SentenceCues(sentence, profile)
            actions = event_type.find_cues(doc.lang, sentence.forms, sentence.lemmas)
            for trigger in triggers:
                t0, t1 = trigger.first, trigger.last
                passive = receiving_agents(doc, sentence, cues, event_type, actions, t0)
                spans = [(t0, t1)] + [(a.first, a.last) for a in actions if cues.clause[a.first] == cues.clause[t0]]
                if any(
                    third_counterpart(
                        sentence,
                        cues,
                        event_type,
                        (t0, t1),
                        span,
                        span[0] != t0 and event_type.receives(doc.lang, sentence.forms, sentence.lemmas, span[0]),
                        passive,
                    )
                    for span in spans
                ):
                    dealt.add(event_type.name)
    return dealt


def _judge(
    doc: Document,
    sentence: Sentence,
    cues: SentenceCues,
    event_type: EventType,
    trigger: Match[str],
    actions: list[Match[StageCue]],
    headline_tells: bool = True,
    weapons: Sequence[tuple[int, int]] = (),
    headline_weapons: Sequence[tuple[int, int]] = (),
) -> Finding | None:
    """The event (or retraction) of one trigger, or None when it reports nothing. ``headline_tells``: the
    headline has a trigger of the type that tells a deed (not only a document's subject). ``weapons``: the
    sentence's weapon words (``_weapons``), whose makers are no party of a type that names no weapon;
    ``headline_weapons``: the headline's, whose makers give such a type no party from the article either."""
    t0, t1 = trigger.first, trigger.last
    if trigger.payload == AWAIT and not awaited_at(sentence, cues, t1):
        return None  # "expected to sign", "output expected to rise": no guest awaited at a place
    if trigger.payload == PURPOSE and not purpose_present(sentence, cues, t0):
        return None  # "talks on arms supplies": what a guest there is there for, or no trip
    if trigger_is_background(
        doc, sentence, cues, actions, _list_start(doc, sentence, event_type, t0), t1, event_type.possessor_holds
    ):
        return None  # "after earlier supplying artillery and rocket launchers": the list shares its first's time
    if qualifies_noun(doc, sentence, cues, t0, t1) and not any(a.first == t1 for a in actions):
        return None  # "военные заводы КНДР": the trigger word qualifies another noun (not its deed: "ракетный удар")
    if exchanged(sentence, cues, actions, t0):
        return None  # "платой за отправку войск", "in return for troops": the price of the news, not news
    if event_type.possessor_holds and weapon_skill(sentence, t0):
        return None  # "специалисты по беспилотникам", "операторы беспилотников": a person's field, no goods
    if event_type.directed and not event_type.possessor_holds and place_of(sentence, cues, t0):
        return None  # "техника находится в российских войсках": the troops are where something is
    if event_type.directed and relative_aside(sentence, cues, t0):
        return None  # "Moscou, qui s'approvisionne en munitions auprès de la Corée du Nord, multiplie…", "North
        # Korea, which sent troops to Russia, fires missiles": what is known of the name, not the news
    if event_type.directed and _aside_off_story(doc, sentence, cues, event_type, t0):
        return None  # "…интересом к КНДР в регионе, где северокорейские военные участвовали в…": a recalled deed
    if event_type.directed and _penalised(cues, t0):
        return None  # "sanctions North Korean firms for their arms deliveries": the grounds of a penalty
    if event_type.directed and not event_type.possessor_holds and partner_force(doc, sentence, cues, event_type, t0):
        return None  # "вместе с российскими подразделениями участвовали военнослужащие КНДР": the partner's army
    if event_type.directed and not event_type.possessor_holds and _speaking(cues, t0):
        return None  # "по оценке военных", "selon les militaires": the soldiers are who says it, not who goes
    if event_type.default_stage is not None and verb_decides(doc, sentence, cues, event_type, trigger):
        return None  # "делегация … посетит КНДР": the verb says whether the trip is made or planned
    if event_type.default_stage is not None and trip_since(sentence, cues, t0):
        return None  # "после визита Кима на флот Пхеньян проявляет интерес": since the trip, a state that holds
    if event_type.default_stage is not None and trip_dates_deed(doc, sentence, cues, t0):
        return None  # "…начал отправлять снаряды после встречи Ким Чен Ына и Путина": the deed's known time
    if event_type.default_stage is not None and trip_qualifies(sentence, cues, t0):
        return None  # "договорённостей, достигнутых в ходе визита": the trip says when the agreements were made
    if event_type.default_stage is not None and trip_honoured(sentence, cues, t0):
        return None  # "памятный знак в честь визита Ким Чен Ира": the tribute is the news, the trip is known
    if event_type.default_stage is not None and trigger.payload == TRIGGER and home_trip(sentence, cues, t0):
        return None  # "Ким Чен Ын посетил порт Расон, через который идут грузы из Владивостока": he stays home
    if (
        event_type.default_stage is not None
        and sentence.index >= 1
        and trip_recalled(
            doc, sentence, cues, event_type.find_triggers(doc.lang, doc.sentences[sentence.index - 1].forms), t0
        )
    ):
        return None  # "…встретились 25 апреля 2019 года" + "кадры прибытия бронепоезда": the recalled trip's arrival
    if event_type.default_stage is not None and unowned_trip(sentence, cues, trigger, headline_tells):
        return None  # "Le voyage de 10 000 km dure huit jours": the journey of a train the headline names
    if event_type.default_stage is not None and not traveller_possible(doc, sentence, cues, event_type, t0):
        return None  # "в Пхеньян отправился поезд", "группа туристов отправилась": no one of a state travels
    if event_type.default_stage is not None and private_trip(doc, sentence, cues, event_type, t0):
        return None  # "российские туристы прилетели в Вонсан": people who act for no state
    if event_type.default_stage is not None and any(m.first < t0 for m in cues.in_clause("envoys", t0)):
        return None  # "Посол КНДР встретился с Лавровым": a resident envoy's meeting or arrival at post
    if trigger.payload in MEETINGS and envoy_met(sentence, cues, t0, t1):
        return None  # "провела в Москве встречу с послом КНДР": the envoy's host is at home
    if event_type.min_parties == 1 and engine_powers(cues, t0):
        return None  # "the motor will power the Hwasong-19 and a planned Hwasong-20": what the engine is for
    failure = event_type.failures_in(doc.lang, sentence.forms, sentence.lemmas)  # a failed launch was held
    failed = bool(failure)
    # "denies the test failed"; "получил помощь и устранил неполадки, из-за которых провалились попытки": a
    # failure told in a relative clause is the qualified word's, not the trigger's deed denied
    denials = [
        d for d in cues.in_clause("denial", t0) if d.first not in failure and not _relative_segment(cues, d.first, t0)
    ]
    # "…acknowledged the troops' presence after months of denials": a denial a time preposition governs is
    # one the deed has since overturned, not a retraction of it
    denials = [d for d in denials if not _overturned(cues, d)]
    # "fires not only domestic shells but North Korean ones": a negated exclusive claim denies nothing
    denials = [
        d
        for d in denials
        if sentence.forms[d.first] not in EXCLUSIVE or not any(n.last == d.first for n in cues.found["negation"])
    ]
    if event_type.possessor_holds:
        denials += _party_condemns(sentence, cues, t0)
    denied = bool(denials) or (not failed and (negated(cues, t0, window=2) or denied_phrase(sentence, cues, t0)))
    # "…, according to an assessment seen by CNN": a word after the source's own phrase, in another
    # segment, tells of the source (its document seen, its report), not of the trigger
    sourced = {
        i
        for m in cues.found["source_before"]
        if cues.segment[m.first] != cues.segment[t0]
        for i in range(m.last, len(sentence.forms))
        if cues.segment[i] == cues.segment[m.first]
    }
    nearby = [
        a
        for a in actions
        if cues.clause[a.first] == cues.clause[t0]
        and a.first not in sourced
        and not (a.first < t0 and _relative_segment(cues, a.first, t0))  # an aside before the trigger
        # «КНДР, направившая войска в Россию, запустила ракеты»: a participle's aside on a name, the trigger outside
        and not (a.first < t0 and relative_aside(sentence, cues, a.first) and not relative_aside(sentence, cues, t0))
        and not _cause_of(cues, a, t1)
        and not _lead_between(cues, a, t0)
        and (
            # « a fixé l'objectif de lancer « à la date la plus proche possible » le premier satellite »: a
            # quotation between the action and the trigger is an aside, no distance between them
            (
                a.last <= t0
                and cues.gap(a.last, t0)
                - _quoted_words(sentence, cues, a.last, t0)
                - _collection_words(sentence, cues, a.last, t0)
                - _payload_words(event_type, sentence, cues, a.last, t0)
                < a.payload.window
            )
            or (
                a.first >= t1
                and cues.gap(t1, a.first)
                - _aside_words(cues, t1, a.first)
                - _cargo_words(event_type, cues, t1, a.first)
                - _vehicle_words(event_type, sentence, cues, t1, a.first)
                < a.payload.window
            )
            # a word of the trigger names its deed, one side helping the other: "aide technique russe"
            # (help is given); a launch's "залпового огня" is a weapon, not a volley fired
            # ...but not the verb of a compound noun: "lance-roquettes" launches nothing
            or (
                event_type.directed
                and t0 <= a.first
                and a.last <= t1
                and (a.first, a.last) != (t0, t1)
                and not _compound_verb(doc, sentence, a.last, t1)
            )
        )
    ]
    # "Moscow sent letters seeking ammunition", "a envoyé une délégation … afin de négocier l'achat d'obus":
    # a verb with an object of its own (the letters, the envoys) and a nearer action of the type before the
    # weapon is a messenger's deed; the nearer action tells the weapon's, and what sits between (where the
    # envoys went) is the messenger's
    # (weapons only: "thanked Kim for the part his soldiers took" acknowledges the troops themselves)
    messengers = messenger_actions(sentence, cues, nearby, t0) if event_type.possessor_holds else []
    nearby = [a for a in nearby if a not in messengers]
    sent = max((m.last for m in messengers), default=None)
    aside = None if sent is None else (sent, min(a.first for a in nearby if a.first >= sent))
    answered = answered_yes(doc, sentence, cues)  # "Is North Korea arming Russia? Evidence says yes"
    # "draft treaty", "projet de traité", "possible deal": whatever happens to it, it is still ahead
    # ...but a deed told before a doubt about what the object is stands: "fired a possible ballistic
    # missile" (a suspected one; "finalisent un projet de traité" is still a draft)
    suspected = {m.first for m in cues.found["suspected"]}
    drafts = cues.near("modal_before", t0 - 2, t0)
    draft_at = min((m.first for m in drafts), default=None)
    deed_stands = bool(drafts) and all(m.first in suspected for m in drafts)
    best: tuple[int, str] | None = None
    asked = False  # the best action is a possibility an interrogative asks about
    planned = False  # the best action is told under a modal or future form
    topical = False  # the best action is what a plan is about ("talks on supplies")
    negated_stage: str | None = None
    anchor, anchor_end = t0, t1
    # "N. Korea shipped mortars to Russia last year: NIS": a source's claim in the headline of a reported type
    # is the news, whenever the deed was (``action_is_background``)
    # ...unless a relative word opens the trigger's segment: "North Korea, which sent troops to Russia last
    # year, fires missiles, Seoul says" recalls the troops as an aside
    recalled = any(cues.segment[m.first] == cues.segment[t0] and m.first < t0 for m in cues.found["relative"])
    claimed = "reported" in event_type.rank and sentence.index == 0 and bool(sources(sentence, cues)) and not recalled
    # "Pyongyang va envoyer des démineurs dans la région de Koursk": a pending verb before the trigger
    # governs what its segment says after it (where they will be)
    # ...and so does a plan's own verb however far ("is preparing to receive as many as 30,000 additional
    # North Korean soldiers … to reinforce its forces": the reinforcing is the plan's purpose); a plan is a
    # pending stage with none below it, not a deed that is another's pending ("signs the treaty into law")
    # ...and the purpose between that verb and the trigger too ("Северная Корея отправит 1000 саперов *для
    # разминирования* и 5000 строителей": the demining is ahead as well); ``governed``: where the first such
    # verb ends
    # ...and a plan's verb after the trigger governs its purpose after it ("Un contingent de sapeurs arrivera à
    # Koursk *pour poursuivre le déminage*", «будут направлены в Курскую область *для разминирования*»: the
    # demining is the plan's)
    governed = min(
        (
            a.last
            for a in actions
            if (a.last <= t0 or a.first >= t1)
            and cues.segment[a.first] == cues.segment[t0]
            and (
                (a in nearby and pending_action(sentence, cues, a.first, a.last, answered))
                or (
                    a.payload.stage in event_type.pending_stages
                    and a.payload.pending is None
                    and not negated(cues, a.first)
                )
            )
        ),
        default=None,
    )
    for action in nearby:
        if action_is_background(doc, sentence, cues, action.first, action.last, actions, (t0, t1), claimed) or (
            event_type.dated_news and other_month(doc, sentence, cues, action.first, action.last, nearby)
        ):
            continue
        if action.last <= t0 and cues.near("other_object", action.last, t0):
            continue  # "подписал указ о подготовке соглашения": the decree is what was signed
        if action.first >= t1 and _own_object(sentence, cues, action.last):
            continue  # "ratified the treaty, and Kim later signed a decree of his own": the decree was signed
        if event_type.directed and not event_type.possessor_holds and troops_taught(sentence, cues, action, t0):
            continue  # "обучение северокорейских расчетов": the troops are taught, nothing says where
        if event_type.directed and not event_type.possessor_holds and skill_taught(sentence, cues, action, t0, t1):
            continue  # "учат северокорейских военных воевать": what they learn, no deed nor plan of theirs
        if event_type.min_parties == 1 and comment_topic(cues, action):
            continue  # "Комментируя пуск ракеты, проведённый КНДР накануне…": the launch is what the comment is on
        if event_type.min_parties == 1 and action.last <= t0 and engine_for(cues, action.last, t0):
            continue  # "tests solid-fuel engine for new ICBM": the engine was tested, the missile is its purpose
        if action.first >= t1 and _occasion_noun(sentence, cues, action.first):
            continue  # "showed Kim the rockets before their talks": the talks date the showing
        # "подписание документов не планировалось": a plan denied after the trigger leaves nothing done
        if not failed and (negated(cues, action.first) or (action.last <= t0 and negated_after(cues, t1))):
            # "Moscow has not acknowledged the deployment": an acknowledgement withheld leaves the deed
            # unconfirmed, not denied
            # ...nor is what a negated reporting verb leaves unsaid ("has not acknowledged the presence of North
            # Korean forces", « n'ont pas reconnu leur présence »): the negation is the verb's
            if action.payload.stage != event_type.confirmed_stage and not unsaid(cues, action.first):
                negated_stage = negated_stage or action.payload.stage
            continue
        ruled = (
            governed is not None
            and action.first >= governed
            and (action.first >= t1 or action.last <= t0)
            and cues.segment[action.first] == cues.segment[t0]
        )
        draft = draft_at is not None and not (deed_stands and action.last <= draft_at)
        topic = topic_of_plan(sentence, cues, actions, action, t0)
        confirmed = event_type.confirmed_stage
        pending = (
            draft
            or ruled
            or topic
            # "Un monument aux soldats nord-coréens sera érigé": what is ahead after an acknowledgement is
            # the memorial, not the troops' deed
            or pending_action(
                sentence, cues, action.first, action.last, answered, action.payload.stage == confirmed, (t0, t1)
            )
            or bool(notices(cues, action.first))
            or (action.payload.stage != confirmed and noun_action_ahead(sentence, cues, action, t0, t1))
            # "Roscosmos sets April 8 launch" on March 20: a deed dated after the article's day is ahead
            or (
                action.payload.stage != confirmed
                and dated_ahead(doc, sentence, cues, action.first, action.last, nearby)
            )
        )
        # "the rocket, which was to put the probe into orbit, failed": the errand was attempted, not planned
        pending = pending and not _failed_errand(cues, failure, action)
        # "training a contingent for deployment to Russia", «идет отбор военнослужащих, а переброска может
        # начаться»: troops made ready for a sending still ahead are at home; the preparation is the plan's
        pending = pending or (
            action.payload.pending is not None and _prepared_for(sentence, cues, event_type, actions, action, answered)
        )
        stage = action.payload.pending if pending else None
        stage = stage or action.payload.stage
        if stage == event_type.confirmed_stage and outsider_speaks(sentence, cues, action.first):
            # "Kyiv thanks allies for exposing…", "Seoul confirmed the deployment": no party acknowledges it
            stage = stage_below(event_type, stage)
            if stage is None:
                continue
        ranked = (event_type.rank.get(stage, 0), stage)
        # "пытается договориться о закупке снарядов": the deed a plan is about, not the plan, orients the pair
        # "«Мы этого никогда не забудем»: Путин поблагодарил Ким Чен Ына за…": of two acknowledgements, the
        # one whose object is a party (the one thanked) anchors the pair
        if (
            best is None
            or ranked > best
            or (ranked == best and topic)
            or (
                ranked == best
                and stage == confirmed
                and acknowledged_party(sentence, cues, action.last) is not None
                and acknowledged_party(sentence, cues, anchor_end) is None
            )
        ):
            best, anchor, anchor_end = ranked, action.first, action.last
            asked = pending and asked_about(cues, action.first)
            planned = pending
            topical = topic
    if (
        best is not None
        and best[1] in event_type.pending_stages
        and anchor >= t1
        and "reported" in event_type.rank
        and present_at(sentence, cues, nearby, t0, t1)
    ):
        # "8,000 North Korean troops in Kursk, expected to enter combat": the troops are there; only
        # their next step is ahead
        best, anchor, anchor_end, asked, planned, topical = (
            (event_type.rank["reported"], "reported"),
            t0,
            t1,
            False,
            False,
            False,
        )
    captives = event_type.captives_in(doc.lang, sentence.forms)
    # the party's own soldiers, named next to them ("North Korean POWs", "prisonniers nord-coréens")
    qualified = any(m.watched and (m.last == t0 or m.first == t1) for m in sentence.mentions)
    # the captive phrase names them ("North Korean POWs") or follows them ("North Korean soldiers captured…")
    captive = qualified and any(c.first <= t0 < c.last or c.first == t1 for c in captives)
    if best is None and not nearby and captive and not denied and not negated(cues, t0):
        best = (event_type.rank.get(event_type.captive_stage or "", 0), event_type.captive_stage)  # "North Korean POWs"
    if best is None and not nearby and event_type.default_stage is not None and not denied:
        if action_is_background(doc, sentence, cues, t0, t1, actions, claimed=claimed) or (
            event_type.dated_news and other_month(doc, sentence, cues, t0, t1, actions)
        ):
            return None
        if negated(cues, t0) or negated_after(cues, t1):
            negated_stage = event_type.default_stage
        else:
            # a trigger that opens on a modal word is a guest awaited: "Putin expected in Pyongyang",
            # « Poutine attendu à Pyongyang », «Путина ждут в Пхеньяне»
            awaited = trigger.payload == AWAIT or any(m.first == t0 and m.last < t1 for m in cues.found["modal_before"])
            ahead = (
                awaited
                or pending_action(sentence, cues, t0, t1, answered)
                or dated_ahead(doc, sentence, cues, t0, t1, actions)
            ) and not (trigger.payload in MEETINGS | {PURPOSE} and guest_present(sentence, cues, t0))
            pending = ahead and event_type.default_pending
            stage = pending or event_type.default_stage
            best = (event_type.rank.get(stage, 0), stage)
            planned = bool(pending)
    retraction = denied or (best is None and negated_stage is not None)
    acknowledges = best is not None and best[1] == event_type.confirmed_stage
    if best is not None and not retraction and not acknowledges and occasion_named(doc, sentence, cues, event_type, t0):
        return None  # "soldiers of an honour guard lined the carpet as Putin arrived": shown, not sent
    if (
        best is not None
        and not retraction
        and not acknowledges
        and at_worksite(doc, sentence, cues, event_type, trigger)
    ):
        return None  # "бригады из КНДР вновь работают на стройках": hired labour, not troops sent
    inside = {i for a in actions for i in range(a.first, a.last)}  # "navigational warning" is an action
    # "avertit Tokyo d'un lancement": the warning gives notice of the deed, it does not threaten it
    inside |= {i for a in nearby for n in notices(cues, a.first) for i in range(n.first, n.last)}
    if (best is None and not retraction) or (not retraction and hypothetical(cues, sentence, t0, inside, answered)):
        return None
    if not retraction and anchor != t0 and supposed_subject(sentence, cues, t0, t1, anchor, anchor_end):
        return None  # "North Korean troops sent to Ukraine would be 'cannon fodder'": supposed troops, none sent
    if asked and not retraction:
        return None  # "какие технологии Москва может передать Пхеньяну": what might be given, not a plan
    if (
        event_type.min_parties == 1
        and anchor != t0
        and event_type.intercepts(doc.lang, sentence.forms, sentence.lemmas, anchor)
    ):
        resolved = weapon_owner(sentence, cues, (t0, t1), anchor)  # "Ukraine shot down Russian missiles"
    elif event_type.min_parties == 1:
        foreign = foreign_weapon(sentence, cues, (t0, t1))  # "North Korea condemns US missile test"
        deeds = [(a.first, a.last) for a in nearby if a.first != t0]
        weapons = [(w.first, w.last) for w in event_type.find_triggers(doc.lang, sentence.forms)]
        resolved = resolve_single(doc, sentence, cues, {t0, anchor}, (t0, t1), deeds, foreign, weapons)
        if resolved is not None and front_foe(sentence, cues, event_type, resolved[0], anchor):
            resolved = None  # "ракета, упавшая в Харькове, произведена в КНДР": its maker did not fire it
    else:
        # the weapon types (whose possessor may hold the weapon) have its maker as a party; troops do not
        makers = event_type.possessor_holds or not event_type.directed
        # "Zelensky shows North Korean POWs": the front that holds a party's captives is no third state
        captors = frozenset(event_type.fronts or {}) if captive else frozenset()
        # "Под Покровском у российских штурмовиков обнаружили северокорейские гранатомёты": a front a place
        # preposition governs (in every mention) is where the weapons were found, not a third party
        captors |= _front_places(sentence, cues, event_type)
        # "Kherson occupée : Vladimir Saldo confirme…": a front the headline's label names is where the story is
        captors |= _front_label(sentence, event_type)
        headline_troops: list[tuple[int, int]] = []
        if not makers and doc.sentences:
            # "North Korean anti-tank missile crews": a weapon word inside a troop word names the troops' arm, so
            # the demonym on it names whose troops they are, not a weapon's maker
            weapons = _outside(weapons, event_type.find_triggers(doc.lang, sentence.forms))
            told = event_type.find_triggers(doc.lang, doc.sentences[0].forms)
            headline_weapons = _outside(headline_weapons, told)
            headline_troops = [(t.first, t.last) for t in told]
        resolved = resolve(
            doc,
            sentence,
            cues,
            {t0, anchor},
            event_type.third_countries_cancel,
            makers,
            captors,
            event_type.possessor_holds,
            weapons,
            headline_weapons,
            headline_troops,
        )
        if event_type.default_stage is not None and (resolved is None or len(resolved[0]) < event_type.min_parties):
            # "South Korea condemns Putin's visit to Pyongyang": the trip's own phrase names both parties
            resolved = trip_pair(sentence, cues, t0, t1) or resolved
    receive = passive = None
    if event_type.directed:
        receive = event_type.receives(doc.lang, sentence.forms, sentence.lemmas, anchor) and anchor != t0
        passive = receiving_agents(doc, sentence, cues, event_type, actions, t0)
        if t0 in passive or (t0 - 1 in passive and sentence.forms[t0 - 1] in DETERMINERS):
            return None  # "obus tirés par l'artillerie russe": the artillery fires them, it is not what was given
        thanks = best is not None and best[1] == event_type.confirmed_stage
        if third_counterpart(sentence, cues, event_type, (t0, t1), (anchor, anchor_end), receive, passive, thanks):
            return None  # "Russia supplied Iran with jets", "Vietnam to buy Russian jets": that pair's deal
    if resolved is None:
        return None
    actors, confidence = resolved
    if len(actors) < event_type.min_parties and event_type.fronts:
        taken = captive or (qualified and any(c.first <= anchor < c.last for c in captives))  # "взятии в плен"
        actors = front_pair(sentence, cues, actors, event_type.fronts, anchor, taken)
    if len(actors) < event_type.min_parties:
        # "Kim inspects the museum dedicated to his troops abroad": a party honouring troops with the other
        # party unnamed acknowledges the deed another sentence reports, when it is that deed's sender
        if _honours_alone(event_type, actors, best, retraction, planned):
            return Finding(
                type=event_type.name,
                actors=actors,
                stage=event_type.confirmed_stage,
                trigger=doc.text[sentence.tokens[t0].start : sentence.tokens[t1 - 1].end],
                sentence=sentence.index,
                evidence=doc.evidence(sentence),
                confidence=round(confidence, 2),
                retraction=False,
                lone=True,
            )
        return None
    if trigger.payload in MEETINGS and not place_named(doc, sentence, cues, t0):
        return None  # talks by phone, on the sidelines elsewhere: no visit
    if trigger.payload == RECEPTION and not guest_received(sentence, cues, t1):
        return None  # "Kim receives a limousine from Putin", "Ким Чен Ын принял парад": no one is his guest
    if trigger.payload in MEETINGS and not guest_named(sentence, cues, t0):
        return None  # "Церемония прошла в Москве, документы подписали заместители…": no one came, by the clause
    if trigger.payload == STAY and not guest_staying(sentence, cues, t0):
        return None  # "военные КНДР находятся в Курской области", "Ким находится в Пхеньяне": no guest
    stage = best[1] if best else None
    if retraction and cues.in_clause("withdrawal", t0):
        stage = max(event_type.rank, key=event_type.rank.__getitem__, default=None)
    elif retraction:
        stage = negated_stage or stage
    claimed_by = claimant(doc, sentence, cues)
    if (
        event_type.confirmed_stage is not None
        and not retraction
        and stage not in event_type.pending_stages
        and claimed_by in actors
        # "un prisonnier nord-coréen affirme…": the soldier speaks, not his state
        and not any(m.entity == claimed_by and (m.last == t0 or m.first == t1) for m in sources(sentence, cues))
        and not _soldier_spoke(doc, event_type, sentence, cues, claimed_by)
    ):
        stage = event_type.confirmed_stage  # a party says so itself
    source, target = (None, None)
    if receive is not None and passive is not None:
        acknowledged = best is not None and best[1] == event_type.confirmed_stage  # the action itself: thanks, honours
        source, target = orient(
            sentence,
            cues,
            actors,
            (t0, t1),
            (anchor, anchor_end),
            receive,
            passive,
            event_type.possessor_holds,
            ceremony=acknowledged,
            aside=aside,
            negotiated=negotiated(cues, anchor, topical, receive),
            grateful=acknowledged
            and event_type.thanks(doc.lang, sentence.forms, sentence.lemmas, anchor)
            and not _hosted(doc, sentence, cues, actors),
        )
        host = (
            partner_host(sentence, cues, actors, t0)
            if source is None and not acknowledged and not event_type.possessor_holds
            else None
        )
        if host is not None:
            source, target = next(a for a in actors if a != host), host
        if source is None and not acknowledged:
            source, target = _told_before(doc, sentence, cues, event_type, actors)
        if source is None and not acknowledged:
            source, target = _told_after(doc, sentence, cues, event_type, actors)
        if resolved[0] != actors and source not in resolved[0]:
            return None  # a front names who used the weapons; the one party named must be their maker
        honoured = honoured_party(sentence, cues, actors, anchor_end, t0) if acknowledged else None
        if honoured is not None:
            source, target = honoured, next(a for a in actors if a != honoured)
    if event_type.directed and not event_type.possessor_holds and own_front(sentence, cues, event_type, t0, t1):
        return None  # "Russian soldiers shelling Ukrainian positions": the army fighting there is sent nowhere
    if event_type.directed and not event_type.possessor_holds and home_region(sentence, cues, t0, t1):
        return None  # "Российские военнослужащие, воюющие в Курской области": an army in its own region
    if sentence.index >= 2:
        confidence -= 0.1
    # "Ким Чен Ын принял решение направить войска": a decision taken, not a plan still ahead, once a party
    # acknowledges the deed (``_dedupe``)
    decided = stage in event_type.pending_stages and bool(cues.near("decision", anchor - MODAL_WINDOW, anchor))
    # "Шойгу заявил об отправке саперов": a headline that names the deed as a noun says nothing of its
    # time; the body's first telling of it does (``_dedupe``)
    tenseless = (
        sentence.index == 0
        and not retraction
        and best is not None
        and not planned
        and sentence.tag(anchor).startswith("NOUN|")
    )
    return Finding(
        type=event_type.name,
        actors=actors,
        stage=stage,
        trigger=doc.text[sentence.tokens[t0].start : sentence.tokens[t1 - 1].end],
        sentence=sentence.index,
        evidence=doc.evidence(sentence),
        confidence=round(confidence, 2),
        retraction=retraction,
        rank=best[0] if best and not retraction else 0,
        from_=source,
        to=target,
        claimed_by=claimed_by,
        object=object_phrase(sentence, cues, t0, t1, doc.lang),
        decided=decided,
        tenseless=tenseless,
        planned=planned and not retraction,
    )


def _front_places(sentence: Sentence, cues: SentenceCues, event_type: EventType) -> frozenset[str]:
    """The fronts of a weapon type (``fronts``, with ``possessor_holds``) that ``sentence`` names only under a
    place preposition ("Под Покровском…", "near Pokrovsk", « près de Pokrovsk »): where the weapons were found
    or used, not a third party of the deal. Only the mentions before the first watched name count: a later one
    cancels nothing ("Попавший в плен на Харьковском направлении российский артиллерист рассказал украинскому
    изданию…": the outlet the soldier told is no party either)."""
    if not event_type.possessor_holds or not event_type.fronts:
        return frozenset()
    first = min((m.first for m in sentence.mentions if m.watched), default=len(sentence.forms))
    fronts = {m.entity for m in sentence.mentions if m.entity in event_type.fronts}
    return frozenset(
        front
        for front in fronts
        if all(placed(sentence, cues, m) for m in sentence.mentions if m.entity == front and m.first < first)
    )


def _front_label(sentence: Sentence, event_type: EventType) -> frozenset[str]:
    """The fronts of a directed type that the headline's label before its colon names ("Kherson occupée : Vladimir
    Saldo confirme l'arrivée de bâtisseurs nord-coréens", "Kursk: governor thanks Korean sappers"): the story's
    place, not a third party, though a speaker named after the colon outranks the label as the source."""
    if sentence.index != 0 or not event_type.directed or not event_type.fronts:
        return frozenset()
    return frozenset(m.entity for m in sentence.mentions if m.entity in event_type.fronts and speaker(sentence, m))


def _list_start(doc: Document, sentence: Sentence, event_type: EventType, t0: int) -> int:
    """The first token of the list of triggers that ends with the one at ``t0``, joined by list words ("earlier
    supplying *artillery and* rocket launchers", "the shells and the rockets": an article may open each): what
    stands before the list qualifies each of its members."""
    ends = {t.last: t.first for t in event_type.find_triggers(doc.lang, sentence.forms)}
    start = t0
    while True:
        join = start - 1
        while join > 0 and sentence.forms[join] in DETERMINERS:
            join -= 1  # "and the rockets"
        if join <= 0 or sentence.forms[join] not in LIST_JOINS or join not in ends:
            return start
        start = ends[join]


def _honours_alone(
    event_type: EventType, actors: tuple[str, ...], best: tuple[int, str] | None, retraction: bool, planned: bool
) -> bool:
    """Whether a troop finding with one party is that party's acknowledgement (a memorial, a museum, thanks
    to its soldiers), a deed done, not retracted."""
    return (
        len(actors) == 1
        and event_type.directed
        and not event_type.possessor_holds
        and event_type.confirmed_stage is not None
        and best is not None
        and best[1] == event_type.confirmed_stage
        and not retraction
        and not planned
    )


def _prepared_for(
    sentence: Sentence,
    cues: SentenceCues,
    event_type: EventType,
    actions: list[Match[StageCue]],
    action: Match[StageCue],
    answered: bool,
) -> bool:
    """Whether ``action`` is a ``preparation`` of troops (training, selection) for a sending told later in the
    sentence as still ahead: a plan's cue ("expected to be sent") or an action under a modal or purpose ("for
    deployment to Russia"). Troops trained somewhere named right after ("trained in Russia's Far East") are
    there: that stays a deed."""
    if not event_type.directed or event_type.possessor_holds:
        return False
    if not any(p.first <= action.first < p.last for p in cues.found["preparation"]):
        return False
    starts = {m.first for m in sentence.mentions}
    places = cues.found["place_before"]
    if any(0 <= p.first - action.last <= 1 and any(p.last <= i <= p.last + 2 for i in starts) for p in places):
        return False
    return any(
        later.first >= action.last
        and not any(p.first <= later.first < p.last for p in cues.found["preparation"])
        and (
            (later.payload.pending is None and later.payload.stage in event_type.pending_stages)
            or pending_action(sentence, cues, later.first, later.last, answered)
        )
        for later in actions
    )


def _cause_of(cues: SentenceCues, action: Match[StageCue], t1: int) -> bool:
    """An action after the trigger that a ``cause`` cue introduces ("used the Oreshnik *in retaliation for*
    an alleged attack", « en représailles à une attaque », «в ответ на удар») is the deed answered, not the
    trigger's: it neither plans nor tells the launch."""
    return action.first >= t1 and any(
        t1 <= c.first
        and c.last <= action.first
        and cues.clause[c.first] == cues.clause[action.first]
        and cues.gap(c.last, action.first) <= CAUSE_GAP
        for c in cues.found["cause"]
    )


def _aside_off_story(doc: Document, sentence: Sentence, cues: SentenceCues, event_type: EventType, t0: int) -> bool:
    """Whether the trigger at ``t0`` sits, past the headline, in a comma segment a relative word opens before it
    (", где северокорейские военные участвовали в освобождении", ", qui vise des officiers nord-coréens impliqués
    dans l'envoi de soldats", ", where North Korean troops fought last winter") while the headline tells nothing of
    the type (no trigger, no cue): the clause recalls a known deed to qualify a word of a story about something
    else (a university, sanctions), it is not the news."""
    if sentence.index == 0 or not doc.sentences:
        return False
    segment = cues.segment[t0]
    # a relative of possession ties the troops to their state, not to a word of another story: « au peuple
    # nord-coréen, dont les militaires ont combattu… » names whose soldiers they are
    if not any(
        cues.segment[m.first] == segment and m.first < t0 and sentence.forms[m.first].lower() not in WHOSE
        for m in cues.found["relative"]
    ):
        return False
    headline = doc.sentences[0]
    return not event_type.find_triggers(doc.lang, headline.forms) and not event_type.find_cues(
        doc.lang, headline.forms, headline.lemmas
    )


def _penalised(cues: SentenceCues, t0: int) -> bool:
    """The trigger is what a penalty is imposed for: a `grounds` word ("for", "over", « pour », «за») at most
    ``GROUNDS_GAP`` words before it, after a `penalty` cue of its clause ("Canberra sanctions five firms for
    their arms deliveries to Moscow", «ввёл санкции против компаний за поставки оружия»)."""
    return any(
        cues.gap(g.last, t0) <= GROUNDS_GAP
        and any(p.last <= g.first and cues.clause[p.first] == cues.clause[t0] for p in cues.found["penalty"])
        for g in cues.governing("grounds", t0, GROUNDS_GAP)
    )


def _party_condemns(sentence: Sentence, cues: SentenceCues, t0: int) -> list[Match[str]]:
    """The `reaction` cues before the trigger whose subject is a watched state ("Pyongyang condemned a report
    claiming it shipped shells to Moscow", «МИД КНДР осудил доклад, в котором утверждается…»): a party that
    condemns the telling of its own deed denies it. The subject is the last name before the cue in its clause."""
    condemning = []
    for reaction in cues.found["reaction"]:
        if reaction.last > t0:
            continue
        clause = cues.clause[reaction.first]
        before = [m for m in sentence.mentions if m.last <= reaction.first and cues.clause[m.first] == clause]
        if before and max(before, key=lambda m: m.last).watched:
            condemning.append(reaction)
    return condemning


def _lead_between(cues: SentenceCues, action: Match[StageCue], t0: int) -> bool:
    """An action before the trigger with a ``background_lead`` between them ("The test came *days after*
    North Korea fired a missile", « L'essai intervient *des semaines après* un tir… »): the action is the
    main clause's own deed; the trigger belongs to the earlier deed the lead introduces. A span that runs to
    the day of the news (``ongoing_span``: « depuis l'été ») introduces no earlier deed."""
    ongoing = {m.first for m in cues.found["ongoing_span"]}  # "expédié, depuis l'été, des missiles"
    return action.last <= t0 and any(
        action.last <= m.first and m.last <= t0 and cues.clause[m.first] == cues.clause[t0] and m.first not in ongoing
        for m in cues.found["background_lead"]
    )


SOURCE_REACH = 1  # words between a source's phrase and the people it names ("according to the military")


def _speaking(cues: SentenceCues, t0: int) -> bool:
    """Whether the trigger at ``t0`` is what a `source_before` phrase names, at most ``SOURCE_REACH`` words
    after it in its segment (names not counted): "according to the military", « selon les militaires »,
    «по оценке военных», «по данным южнокорейских военных» — people who say, not people sent."""
    return bool(cues.governing("source_before", t0, SOURCE_REACH))


OVERTURN_REACH = 3  # words between "after" and the denial it governs ("après des mois de démentis")


EXCLUSIVE = frozenset({"only", "solely", "exclusively", "только", "исключительно", "uniquement", "exclusivement"})


def _overturned(cues: SentenceCues, denial: Match[str]) -> bool:
    """Whether a time preposition (`time_before`: after, après, после) governs ``denial`` within
    ``OVERTURN_REACH`` words in its segment: "after months of denials", « après des mois de démentis »,
    «после месяцев отрицания» tell a denial the news has since overturned."""
    return bool(cues.governing("time_before", denial.first, OVERTURN_REACH))


def _relative_segment(cues: SentenceCues, index: int, t0: int) -> bool:
    """Whether the word at ``index`` sits in another comma segment than the trigger at ``t0``, one that a
    relative word opens before it ("…устранил неполадки, *из-за которых провалились* попытки", "…the
    engine, *which failed* in May", "при атаке на Киев, *в результате которой погибли* девять человек,
    российские войска…"): it tells of the word that clause qualifies."""
    segment = cues.segment[index]
    return segment != cues.segment[t0] and any(
        cues.segment[m.first] == segment and m.first < index for m in cues.found["relative"]
    )


def _failed_errand(cues: SentenceCues, failure: set[int], action: Match[StageCue]) -> bool:
    """Whether ``action`` tells what the vehicle of a failed launch was to do: a relative word ends at most
    ``ERRAND_GAP`` words before it, and a failure follows it in the sentence (« une fusée Proton-M *qui devait
    placer en orbite* le satellite a subi une avarie », "the rocket, *which was to put* the probe into orbit,
    failed", «ракета, *которая должна была вывести* спутник, потерпела аварию»): the errand is the launch's
    purpose, and the failure tells the launch was made, so the errand is no plan. A failure a time word governs
    is another launch's, the occasion of a new one ("the rocket which will put the satellite into orbit is
    being prepared *after last year's failure*")."""
    dated = {m.last for m in cues.found["time_before"]}
    return any(
        i >= action.last and not any(d <= i and cues.gap(d, i) <= ERRAND_GAP for d in dated) for i in failure
    ) and any(r.last <= action.first and cues.gap(r.last, action.first) <= ERRAND_GAP for r in cues.found["relative"])


def _quoted_words(sentence: Sentence, cues: SentenceCues, start: int, end: int) -> int:
    """Words (names aside) inside quotation marks that open and close between tokens ``start`` and ``end``:
    a quoted phrase set between a verb and its object (« lancer « au plus tôt » un satellite »)."""
    return sum(cues.gap(opening + 1, close) for opening, close in quotations(sentence, start, end))


def _aside_words(cues: SentenceCues, t1: int, a0: int) -> int:
    """Words between the trigger's end ``t1`` and an action after it at ``a0`` that sit in comma segments
    opened by a relative word ("ce document, *qui remplacerait les traités de 1961*, pourrait être signé",
    "договор, *который заменит документы 2000 года*, будет подписан"): an aside on the trigger, no distance
    between it and its verb."""
    segments = {
        cues.segment[m.first]
        for m in cues.found["relative"]
        if t1 <= m.first < a0
        and cues.segment[m.first] not in (cues.segment[t1 - 1], cues.segment[a0])
        and (m.first < 2 or cues.segment[m.first - 2] != cues.segment[m.first])  # it opens its segment
    }
    return sum(1 for i in range(t1, a0) if cues.segment[i] in segments)


def _cargo_words(event_type: EventType, cues: SentenceCues, t1: int, a0: int) -> int:
    """Words between a launch vehicle's end ``t1`` and its verb at ``a0`` that tell what it carries: a
    `cargo` cue at most a word after the trigger opens them ("a Soyuz rocket *carrying American astronaut
    Frank Rubio and two cosmonauts* blasted off"), an aside on the rocket, no distance to its lift-off."""
    if event_type.min_parties != 1:
        return 0
    opening = [m for m in cues.found["cargo"] if t1 <= m.first <= t1 + 1 and m.last <= a0]
    return cues.gap(opening[0].first, a0) if opening else 0


# bare prepositions that are `carrier` cues too ("on a Soyuz", « sur un Soyouz », «на «Союзе»»), but govern
# anything else as well ("commented on the Hwasong"); "aboard", « à bord de », «на борту» only carry
BARE_CARRIER_WORDS = frozenset({"on", "a", "an", "the", "sur", "un", "une", "le", "la", "на"})


def _payload_words(event_type: EventType, sentence: Sentence, cues: SentenceCues, a1: int, t0: int) -> int:
    """Words between a launch's verb ending at ``a1`` and the vehicle at ``t0`` that name what the vehicle
    carries, up to a `carrier` cue right before it ("plans to launch *the Progress MS-31 cargo spacecraft to the
    station on July 3* aboard a Soyuz-2.1a", « lancera *la capsule* à bord d'un Soyouz »): the payload is the
    launch's object, so no distance between the launch and its rocket. One comma segment; a carrier that is a
    bare preposition ("on the") governs too much else to count."""
    if event_type.min_parties != 1 or cues.segment[a1 - 1] != cues.segment[t0]:
        return 0
    for match in cues.found["carrier"]:
        if a1 <= match.first and match.last == t0:
            if set(sentence.forms[match.first : match.last]) <= BARE_CARRIER_WORDS:
                continue
            return cues.gap(a1, match.first)
    return 0


COLLECTION_LINKS = frozenset({"of", "de", "d", "du", "des"})  # "fleet *of* fighter jets", « flotte *de* chasseurs »


def _collection_words(sentence: Sentence, cues: SentenceCues, a1: int, t0: int) -> int:
    """Words of a `collection` noun's phrase between an action ending at ``a1`` and the weapon at ``t0``: the
    noun, then adjectives and a link word up to the weapon ("its ageing *fleet of* fighter jets", « sa *flotte
    vieillissante de* chasseurs », «*парка* истребителей»). The weapons are the collection's own, so its
    phrase is no distance between the action and them."""
    for match in cues.found["collection"]:
        if a1 <= match.first and match.last <= t0:
            rest = range(match.last, t0)
            if all(sentence.forms[i] in COLLECTION_LINKS or sentence.adjective(i) for i in rest):
                return cues.gap(match.first, t0)
    return 0


def _vehicle_words(event_type: EventType, sentence: Sentence, cues: SentenceCues, t1: int, a0: int) -> int:
    """Words between a launch vehicle's end ``t1`` and its verb at ``a0``, in one comma segment, that
    modify the vehicle's noun phrase (a quoted name, adjectives, prepositions: «Ракета-носитель
    «Союз-2.1б» *с разгонным блоком «Фрегат»* стартовала»): no distance to its lift-off. Launches only;
    tagged languages (English runs untagged, its modifiers have no tags)."""
    if event_type.min_parties != 1 or cues.segment[t1 - 1] != cues.segment[a0]:
        return 0
    return modifier_words(sentence, t1, a0)


def _told_before(
    doc: Document, sentence: Sentence, cues: SentenceCues, event_type: EventType, actors: tuple[str, ...]
) -> tuple[str | None, str | None]:
    """The direction an earlier sentence (the headline, then the lead) gives the pair through an action
    of the type, when the event's own sentence marks neither party: "Российские суда вывозят контейнеры
    из порта Расон" + "…связывают рейсы с поставками боеприпасов" (the ships' state receives)."""
    return _told_in(doc, doc.sentences[: min(sentence.index, 2)], cues.profile, event_type, actors)


def _hosted(doc: Document, sentence: Sentence, cues: SentenceCues, actors: tuple[str, ...]) -> bool:
    """Whether the headline ``sentence`` names one party of ``actors`` and the lead names the other only as a
    place ("Kim thanks the soldiers back from the front" + "…fought *in Russia's Kursk region*"): the host is the
    receiver, and who thanks may be the sender thanking his own troops."""
    named = {m.entity for m in sentence.mentions if m.entity in actors}
    return len(named) == 1 and host_in_lead(doc, sentence, cues, named) is not None


def _told_after(
    doc: Document, sentence: Sentence, cues: SentenceCues, event_type: EventType, actors: tuple[str, ...]
) -> tuple[str | None, str | None]:
    """The direction a later sentence with no trigger of the type, up to the one after the lead
    (``NOUN_TIME_REACH``), gives the pair through an action of the type, when neither the event's own
    sentence nor an earlier one marks a party: "Moscou et Pyongyang discutent d'un transfert de technologie"
    + "Pyongyang réclame de l'aide pour ses réacteurs" (who asks receives). A later sentence with a trigger
    gives its own finding's direction (``_dedupe``)."""
    later = [
        s
        for s in doc.sentences[sentence.index + 1 : NOUN_TIME_REACH + 1]
        if not event_type.find_triggers(doc.lang, s.forms)
    ]
    return _told_in(doc, later, cues.profile, event_type, actors)


def _told_in(
    doc: Document,
    sentences: Sequence[Sentence],
    profile: LanguageProfile,
    event_type: EventType,
    actors: tuple[str, ...],
) -> tuple[str | None, str | None]:
    """The direction the first of ``sentences`` to name a party of the pair gives it through an action of
    the type (not negated, not background), the action standing for the weapon (``orient``'s ``told``)."""
    for other in sentences:
        if not any(m.entity in actors for m in other.mentions):
            continue
        other_cues = SentenceCues(other, profile)
        weapons = event_type.find_triggers(doc.lang, other.forms)
        for action in _subjects_kept(event_type.find_cues(doc.lang, other.forms, other.lemmas), weapons, other_cues):
            if negated(other_cues, action.first) or action_is_background(
                doc, other, other_cues, action.first, action.last
            ):
                continue
            span = (action.first, action.last)
            receive = event_type.receives(doc.lang, other.forms, other.lemmas, action.first)
            found = orient(
                other,
                other_cues,
                actors,
                span,
                span,
                receive,
                frozenset(),
                event_type.possessor_holds,
                False,
                told=True,
            )
            if found != (None, None):
                return found
    return None, None


def _own_object(sentence: Sentence, cues: SentenceCues, end: int) -> bool:
    """Whether an ``other_object`` noun is the object of the action ending at token ``end``: right after
    it, articles aside ("signed a decree", « a signé un arrêté »). An action after the trigger that takes
    another document tells nothing of the trigger's."""
    start = end
    while start < len(sentence.forms) and sentence.forms[start] in ARTICLES:
        start += 1
    return any(m.first == start for m in cues.found["other_object"])


def _occasion_noun(sentence: Sentence, cues: SentenceCues, index: int) -> bool:
    """Whether the action at token ``index`` follows a ``time_before`` preposition, at most one word
    (a determiner or possessive, no name) between: "after talks with Shoigu", "avant leurs pourparlers",
    "после переговоров" date another deed; they are not the deed. A word no preposition governs, a finite
    verb or a nominative, is the deed itself after a complete adverbial ("снаряды, незадолго *до этого
    доставленные* из КНДР": "before that", the pronoun is the preposition's object)."""
    features = sentence.tag(index).split("|")
    if "Case=Nom" in features or "VerbForm=Fin" in features:
        return False
    named = {i for m in sentence.mentions for i in range(m.first, m.last)}
    return any(
        0 <= index - match.last <= 1 and not any(i in named for i in range(match.last, index))
        for match in cues.found["time_before"]
    )


def _acknowledges(acknowledgement: Finding, finding: Finding) -> bool:
    """Whether a confirming-only ``acknowledgement`` confirms ``finding``: a sender honouring its troops
    (``lone``) confirms the deed it sends; a trigger-less admission (``admits``) the deed its parties send or
    receive, or, naming none, every deed of its type."""
    if acknowledgement.type != finding.type:
        return False
    if acknowledgement.lone:
        return acknowledgement.actors[0] == finding.from_
    return not acknowledgement.actors or bool({finding.from_, finding.to} & set(acknowledgement.actors))


def _soldier_spoke(
    doc: Document, event_type: EventType, sentence: Sentence, cues: SentenceCues, claimed_by: str
) -> bool:
    """Whether the headline ``sentence``'s claim falls back on is a soldier's, his state's name qualifying the
    trigger next to it ("Un soldat nord-coréen capturé raconte…" + « L'un des militaires … a déclaré… »): he
    speaks for himself, as in his own sentence."""
    if sentence.index == 0 or sources(sentence, cues) or not doc.sentences:
        return False
    headline = doc.sentences[0]
    layout = SentenceCues(headline, cues.profile)
    spoken = [m for m in sources(headline, layout) if m.entity == claimed_by]
    return bool(spoken) and any(
        m.last == t.first or m.first == t.last
        for m in spoken
        for t in event_type.find_triggers(doc.lang, headline.forms)
    )


def _dedupe(findings: list[Finding], types: Sequence[EventType]) -> list[Finding]:
    """Keep, per (type, actors), the finding from the earliest sentence; ties go to the most advanced.
    A party's acknowledgement in any sentence confirms the deed an earlier one reports ("Kim embraces
    families of soldiers killed in Kursk" + "…awarded them posthumous titles"): the earliest finding
    keeps its trigger and direction and takes the type's ``confirmed_stage``; a plan stays a plan, unless it
    was told as a decision taken ("Kim decided to send troops to liberate Kursk" + "KCNA confirmed their
    part in the fighting")."""
    confirmed = {t.name: t for t in types if t.confirmed_stage is not None}
    # acknowledgements that only confirm the deed another finding reports: a trigger-less one ("…since Moscow
    # and Pyongyang acknowledged the deployment") and a sender honouring its troops, the receiver unnamed
    # ("Ким осмотрел музей, посвящённый его воинам" + "Сеул оценивает потери КНДР в Курске")
    acknowledgements = [f for f in findings if f.admits or f.lone]
    findings = [f for f in findings if not (f.admits or f.lone)]
    best: dict[tuple[str, tuple[str, ...]], Finding] = {}
    acknowledged: set[tuple[str, tuple[str, ...]]] = set()
    # "Arms talks between Russia and North Korea advance" + "Moscow seeks shells": the earliest finding
    # keeps its stage and trigger, and takes the direction of the first later one of the pair that has one
    oriented: dict[tuple[str, tuple[str, ...]], Finding] = {}
    for finding in sorted(findings, key=lambda f: (f.sentence, -f.rank)):
        if finding.from_ is not None and not finding.retraction:
            oriented.setdefault((finding.type, finding.actors), finding)
    # "Шойгу заявил об отправке саперов" + "КНДР направит саперов": the body's first telling of a deed the
    # headline names only as a noun gives its time; a plan there makes the headline's noun a plan (findings
    # of one sentence come in the order of their triggers)
    told_later: dict[tuple[str, tuple[str, ...]], Finding] = {}
    for finding in sorted(findings, key=lambda f: f.sentence):
        if finding.sentence > 0 and not finding.retraction:
            told_later.setdefault((finding.type, finding.actors), finding)
    # "Соглашение начнёт действовать с 1 апреля" + "Стороны обменялись нотами…, необходимыми для вступления в
    # силу": a stage announced with a date ahead once done (``dated_ahead``: an entry into force) that the lead
    # tells done outranks the headline's plan of it
    ahead = {t.name: t.dated_ahead for t in types}
    done: dict[tuple[str, tuple[str, ...]], Finding] = {}
    for finding in sorted(findings, key=lambda f: (f.sentence, -f.rank)):
        if (
            0 < finding.sentence <= NOUN_TIME_REACH
            and not finding.retraction
            and not finding.planned
            and finding.stage in ahead.get(finding.type, frozenset())
        ):
            done.setdefault((finding.type, finding.actors), finding)
    # "Kim Jong Un ordered the launch of a Hwasong-18" + "KCNA said the missile was fired on Monday": an order
    # the headline tells (a decision) that the lead tells carried out gives the deed done
    carried_out: dict[tuple[str, tuple[str, ...]], Finding] = {}
    for finding in sorted(findings, key=lambda f: (f.sentence, -f.rank)):
        if 0 < finding.sentence <= NOUN_TIME_REACH and not finding.retraction and not finding.planned:
            carried_out.setdefault((finding.type, finding.actors), finding)
    for finding in findings:
        key = (finding.type, finding.actors)
        settled = done.get(key)
        if finding.sentence == 0 and finding.planned and settled is not None and settled.rank == finding.rank + 1:
            finding = replace(finding, stage=settled.stage, rank=settled.rank, planned=False)
        executed = carried_out.get(key)
        if finding.sentence == 0 and finding.planned and finding.decided and executed is not None:
            finding = replace(finding, stage=executed.stage, rank=executed.rank, planned=False, decided=False)
        later = told_later.get(key)
        if (
            finding.tenseless
            and later is not None
            and later.planned
            and later.sentence <= NOUN_TIME_REACH
            # the same deed: "…présence de troupes nord-coréennes" is not "s'ils devaient combattre aux
            # côtés des forces russes"
            and (later.from_, later.to) in {(finding.from_, finding.to), (None, None)}
        ):
            finding = replace(finding, stage=later.stage, rank=later.rank, decided=later.decided)
        if key not in best or (finding.sentence, -finding.rank) < (best[key].sentence, -best[key].rank):
            best[key] = finding
        event_type = confirmed.get(finding.type)
        if event_type is not None and not finding.retraction and finding.stage == event_type.confirmed_stage:
            acknowledged.add(key)
    kept: list[Finding] = []
    for key, finding in best.items():
        event_type = confirmed.get(finding.type)
        if (
            key in acknowledged
            and event_type is not None
            and not finding.retraction
            and (finding.stage not in event_type.pending_stages or finding.decided)
        ):
            finding = replace(finding, stage=event_type.confirmed_stage)
        told = oriented.get(key)
        if finding.from_ is None and not finding.retraction and told is not None:
            finding = replace(finding, from_=told.from_, to=told.to)
        if (
            event_type is not None
            and not finding.retraction
            and finding.stage not in event_type.pending_stages
            and any(_acknowledges(a, finding) for a in acknowledgements)
        ):
            finding = replace(finding, stage=event_type.confirmed_stage)
        kept.append(finding)
    return kept
