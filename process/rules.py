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
Russian envoy…") and does not announce a look back ("One year on…", "Chronologie", "Analysis");
outside the headline and lead, only when these name its parties, or only one of them (the sentence
continues that party's story), or none but tell the deed: otherwise it is background for another story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from process import languages
from process.attribution import claimant, sources, speaker
from process.cues import DETERMINERS, LIST_WORDS, SentenceCues
from process.direction import POSTPOSED, adjectival, counterpart, orient
from process.document import Document, Sentence
from process.events import MEETING, STAY, TRIGGER, EventType, StageCue
from process.languages import LanguageProfile
from process.lexicon import Match
from process.parties import coordinated, resolve, resolve_single, target
from process.text import year_of
from process.watchlist import Mention
from process.weapons import foreign_weapon, weapon_owner

MODAL_WINDOW = 4  # tokens before (or after) an action that a modal cue may sit
NEGATION_WINDOW = 3  # tokens before an action that a negation may sit
TRIGGER_WINDOW = 3  # tokens around a trigger for "under the", "any", years
HYPOTHETICAL_WINDOW = 8
LEAD_GAP = 3  # words (names aside) between "after"/"since" and the action it makes background
DATELINE_REACH = 2  # the lead's sentences a dateline places: the dateline's own and the next one
PRODUCTION_REACH = 2  # tokens between a year and the production word that makes it the weapon's date
OPENING_WORDS = 5  # longest opening adverbial whose time cue dates the whole clause ("Il y a dix ans,")
NOTICE_OBJECT = 4  # words (names aside) of the addressee between a notice verb and its "of"
NOTICE_REACH = 2  # words between that "of" and the deed noticed ("d'un prochain lancement")
OCCASION_GAP = 1  # words between a headline's launch and a later third country that make the country its occasion
REACTION_GAP = 2  # words between a third country and the reaction cue that makes it react ("Japan lodges protest")
PARTNER_WORDS = (
    3  # words of a partner phrase between a plan and its object ("обсуждал с северокорейской стороной поставки")
)
PARTNER = frozenset({"with", "avec", "с", "со", "от"})
# languages without articles: every noun is bare, so a bare noun after "для" says nothing of a purpose
ARTICLELESS = frozenset({"ru"})
ARTICLES = DETERMINERS | {"a", "an", "un", "une", "des", "d"}  # "discussing a technology transfer", « d'un transfert »
NOUN_TIME_REACH = 2  # the last sentence whose telling gives a headline noun its time (the lead and the next)
ANSWER_REACH = 6  # words of the sentence after a question that may hold its answer ("Evidence says yes")
RECENT_DAYS = 7  # the article's first days, when a deed of the month before named by its month alone is news
MONTH_REACH = 6  # words (names aside) between an action and the month that dates it ("signed the pact in June")


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
            and not headline_cues.near("context_after", m.last, m.last + 1)
            # "Frappe record contre l'Ukraine", "Kiev : six missiles abattus": a target or a speaker
            and not target(headline, headline_cues, m)
            and not speaker(headline, m)
        ]
        if headline is not None and headline_cues is not None
        else []
    )
    body_is_context = headline is not None and (
        bool(profile.cue("retrospective").find(headline.forms))
        or any(_opening(headline_cues, m.first) for m in headline_cues.found["background_time"])
        or _speculative(doc, headline, headline_cues)
    )
    # a front (of a directed type or a launch) governed by a preposition is where its deed happened or
    # what it hit, not another country's story: "по Киеву ударили северокорейской ракетой", "ракета,
    # упавшая в Харькове", "missile debris found in Kharkiv" (an attribution or a speaker is no place:
    # "selon Kyiv", "по данным Киева", "В Киеве заявили")
    attributed = {m.last for m in headline_cues.found["source_before"]} if headline_cues is not None else set()
    speakers = sources(headline, headline_cues) if headline is not None and headline_cues is not None else []
    # "Tokyo fait état d'un tir nord-coréen", "North Korea fires…, Japan says", "Ukraine says missile that
    # hit Kharkiv was North Korean": a country reporting a launch or a transfer the headline names tells
    # the watched state's story; the body's details are news, not a reaction (unless it reacts: "Seoul
    # says it will sanction Russian firms over arms deals", "US warns North Korea against any arms deal")
    reported = {
        t.name
        for t in types
        if headline is not None
        and headline_cues is not None
        and (
            t.min_parties == 1
            # weapons only: a third state's claim of troops in a headline ("…pulled back, Ukraine says")
            # still makes the body its own comment
            or (t.possessor_holds and not headline_cues.found["reaction"] and not headline_cues.found["hypothetical"])
        )
        and any(m.watched and m not in speakers for m in headline.mentions)
        and (t.find_triggers(doc.lang, headline.forms) or t.find_cues(doc.lang, headline.forms, headline.lemmas))
    }
    # "Tokyo fait état d'un nouveau tir nord-coréen" + "…des missiles qu'il livre à la Russie": the country
    # that reports a launch is a source for the weapons the body says the launcher supplies, too
    if reported & {t.name for t in types if t.min_parties == 1}:
        reported |= {
            t.name
            for t in types
            if t.possessor_holds and not headline_cues.found["reaction"] and not headline_cues.found["hypothetical"]
        }
    reacting = {
        t.name: body_is_context
        or any(
            not (
                m.entity in (t.fronts or {})
                and _placed(headline, headline_cues, m)
                and m.first not in attributed
                and m not in speakers  # "В Киеве допустили…": a speaker, wherever it stands
            )
            and not (t.name in reported and m in speakers)
            # "U.S. slams Russian missile test", "Japan lodges protest with Pyongyang over ICBM": a country
            # reacting to the launch the headline names leaves the launch the item's news
            and not _reacts_to_launch(doc, headline, headline_cues, t, m)
            # "Missile launch greets Blinken on trip to Seoul": a country after the launch is its occasion
            and not _after_launch(doc, headline, headline_cues, t, m)
            for m in others
        )
        for t in types
        if headline is not None
    }
    # "Timeline of North Korea's missile tests": the headline names past events, not news.
    recap = headline is not None and bool(profile.cue("retrospective").find(headline.forms)) and _timeline(headline)
    all_reacting = all(reacting.values())  # per item, not per sentence
    # beyond the lead, an event's parties must be ones the headline or lead name (or their fronts' users)
    known = {t.name: focus | fronted[t.name] for t in types}
    # the types whose trip the headline tells: a trip noun that is a document's subject tells none
    told = {
        t.name
        for t in types
        if headline is not None
        and headline_cues is not None
        and any(
            not _document_subject(doc, headline, headline_cues, types, trip)
            for trip in t.find_triggers(doc.lang, headline.forms)
        )
    }
    for sentence in doc.sentences:
        if sentence.index >= 1 and all_reacting:
            break
        if sentence.index == 0 and recap:
            continue
        cues: SentenceCues | None = headline_cues if sentence.index == 0 else None
        for event_type in types:
            if sentence.index >= 1 and reacting[event_type.name]:
                continue
            triggers = event_type.find_triggers(doc.lang, sentence.forms)
            if not triggers:
                continue
            cues = cues or SentenceCues(sentence, profile)
            actions = event_type.find_cues(doc.lang, sentence.forms, sentence.lemmas)
            for trigger in triggers:
                if event_type.default_stage is not None and _troop_trip(doc, sentence, cues, types, trigger.first):
                    continue  # "северокорейские военные прибыли в Курскую область": a deployment, no visit
                if event_type.default_stage is not None and _document_subject(doc, sentence, cues, types, trigger):
                    continue  # "соглашение о взаимных поездках граждан": what a document is about, no one's trip
                finding = _judge(
                    doc,
                    sentence,
                    cues,
                    event_type,
                    trigger,
                    _own_actions(actions, triggers, trigger),
                    event_type.name in told,
                )
                if finding is not None and (
                    sentence.index < 2
                    or set(finding.actors) <= known[event_type.name]
                    or _continues(doc, event_type, focus, finding)
                ):
                    findings.append(finding)
    return _dedupe(findings, types)


def _reacts_to_launch(
    doc: Document, headline: Sentence, cues: SentenceCues, event_type: EventType, mention: Mention
) -> bool:
    """Whether ``mention`` (a third country in the headline) reacts to the launch the headline names:
    a `reaction` cue at most ``REACTION_GAP`` words after it ("U.S. slams", "Japan lodges protest",
    « Tokyo proteste », «Япония выразила протест»), then a watched state and a launch trigger after that
    cue ("…'reckless' Russian anti-satellite missile test"). The body then tells the launch as news; a
    third country's own story after it names no launcher of its own."""
    if event_type.min_parties != 1:
        return False
    if _acts_on_notice(doc, headline, cues, event_type, mention):
        return True
    reactions = [r for r in cues.found["reaction"] if mention.last <= r.first <= mention.last + REACTION_GAP]
    if not reactions:
        return False
    start = reactions[0].last
    return any(m.watched and m.first >= start for m in headline.mentions) and any(
        t.first >= start for t in event_type.find_triggers(doc.lang, headline.forms)
    )


def _acts_on_notice(
    doc: Document, headline: Sentence, cues: SentenceCues, event_type: EventType, mention: Mention
) -> bool:
    """Whether ``mention`` (a third country in the headline) acts on a launch a watched state makes known:
    a time preposition (`time_before`: after, après, после) or a source one (`direction_from`: from, от)
    after it governs a watched state, with at most a word between, whose launch trigger or action follows
    ("Japan readies interceptors after Pyongyang flags launch period", «Японская береговая охрана получила
    от КНДР окно пуска»). The launch is the watched state's news; the third country's own deed names none."""
    links = [m for kind in ("time_before", "direction_from") for m in cues.found[kind] if m.first >= mention.last]
    deeds = [
        *event_type.find_triggers(doc.lang, headline.forms),
        *event_type.find_cues(doc.lang, headline.forms, headline.lemmas),
    ]
    return any(
        m.watched
        and link.last <= m.first
        and cues.gap(link.last, m.first) <= 1
        and any(t.first >= m.last for t in deeds)
        for link in links
        for m in headline.mentions
    )


def _after_launch(
    doc: Document, headline: Sentence, cues: SentenceCues, event_type: EventType, mention: Mention
) -> bool:
    """Whether ``mention`` (a third country in the headline) only tells the occasion of the launch the
    headline opens with: it comes at least ``OCCASION_GAP`` words after a launch trigger or action that no
    name precedes ("Missile launch greets Blinken on farewell trip to Seoul", "Defense chief sees long-range
    launch likely as US heads to polls"), and no agent or source word governs it ("missile test by South
    Korea", "launch from Japan": that country's own launch). The body then tells the launch as news."""
    if event_type.min_parties != 1:
        return False
    governing = [m for kind in ("agent", "direction_from") for m in cues.found[kind]]
    return any(
        not any(m.first < t.first for m in headline.mentions)
        and cues.gap(t.last, mention.first) >= OCCASION_GAP
        and not any(t.last <= g.first and cues.gap(g.last, mention.first) <= 1 for g in governing)
        for t in [
            *event_type.find_triggers(doc.lang, headline.forms),
            *event_type.find_cues(doc.lang, headline.forms, headline.lemmas),
        ]
        if t.last <= mention.first
    )


def _continues(doc: Document, event_type: EventType, focus: set[str], finding: Finding) -> bool:
    """Whether a finding past the lead continues the headline's and lead's story, which named its deed
    or one of its parties but not both: the one party they name is among its parties ("Герасимов
    доложил Путину…" + "…участвовали подразделения КНДР"), or they name none and tell the deed ("Foreign
    sappers filmed near Sudzha" + "…the sappers were North Korean…"); no sentence between names another
    country than a front of the type."""
    fronts = event_type.fronts or {}
    if any(not m.watched and m.entity not in fronts for s in doc.sentences[2 : finding.sentence] for m in s.mentions):
        return False  # "Mongolia and Russia are expected to sign deals. North Korea and Russia…": the story moved on
    if len(focus) == 1:
        return focus <= set(finding.actors)
    return not focus and any(event_type.find_triggers(doc.lang, s.forms) for s in doc.sentences[:2])


def _placed(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether a preposition governs ``mention``: so tagged, or a place cue of the profile right before
    it, an article aside (untagged English: "found *in* Kharkiv")."""
    if _governed(sentence, cues, mention.first):
        return True
    # « dans la capitale ukrainienne »: a demonym after the noun a preposition governs
    before = mention.first - 1
    return (
        before > 0
        and sentence.adjective(mention.first)
        and sentence.tag(before).startswith("NOUN")
        and _governed(sentence, cues, before)
    )


def _governed(sentence: Sentence, cues: SentenceCues, first: int) -> bool:
    """Whether a preposition governs the word at token ``first``, an article aside."""
    if sentence.tag(first - 1).startswith("ADP|"):
        return True
    start = first - (first > 0 and sentence.forms[first - 1] in DETERMINERS)
    return sentence.tag(start - 1).startswith("ADP|") or any(m.last == start for m in cues.found["place_before"])


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


def _receiving_agents(
    doc: Document,
    sentence: Sentence,
    cues: SentenceCues,
    event_type: EventType,
    actions: list[Match[StageCue]],
    t0: int,
) -> frozenset[int]:
    """Agent words ("by", "par") of a receiving action: "shells fired *by* Russia", "l'usage de missiles
    nord-coréens *par* la Russie" name the user, not the maker. The nearest action before the agent
    word, in the trigger's clause, decides; the tokens just after such agent words are returned."""
    marked: set[int] = set()
    for agent in cues.in_clause("agent", t0):
        before = [a for a in actions if a.last <= agent.first and cues.clause[a.first] == cues.clause[t0]]
        if before:
            action = max(before, key=lambda a: a.last)
            if event_type.receives(doc.lang, sentence.forms, sentence.lemmas, action.first):
                marked.add(agent.last)
    return frozenset(marked)


COUNTERPART_GAP = 3  # words between a third state and the trigger or action it gives or receives in


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
                passive = _receiving_agents(doc, sentence, cues, event_type, actions, t0)
                spans = [(t0, t1)] + [(a.first, a.last) for a in actions if cues.clause[a.first] == cues.clause[t0]]
                if any(
                    _third_counterpart(
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
) -> Finding | None:
    """The event (or retraction) of one trigger, or None when it reports nothing. ``headline_tells``: the
    headline has a trigger of the type that tells a deed (not only a document's subject)."""
    t0, t1 = trigger.first, trigger.last
    if _trigger_is_background(doc, sentence, cues, actions, t0, t1):
        return None
    if _qualifier(doc, sentence, t0, t1) and not any(a.first == t1 for a in actions):
        return None  # "военные заводы КНДР": the trigger word qualifies another noun (not its deed: "ракетный удар")
    if _exchanged(sentence, cues, actions, t0):
        return None  # "платой за отправку войск", "in return for troops": the price of the news, not news
    if event_type.possessor_holds and _skill(sentence, t0):
        return None  # "специалисты по беспилотникам", "операторы беспилотников": a person's field, no goods
    if event_type.directed and not event_type.possessor_holds and _place_of(sentence, cues, t0):
        return None  # "техника находится в российских войсках": the troops are where something is
    if event_type.default_stage is not None and _verb_decides(doc, sentence, cues, event_type, trigger):
        return None  # "делегация … посетит КНДР": the verb says whether the trip is made or planned
    if event_type.default_stage is not None and _unowned_trip(sentence, trigger, headline_tells):
        return None  # "Le voyage de 10 000 km dure huit jours": the journey of a train the headline names
    if event_type.default_stage is not None and not _traveller(doc, sentence, cues, event_type, t0):
        return None  # "в Пхеньян отправился поезд", "группа туристов отправилась": no one of a state travels
    if event_type.default_stage is not None and _private_trip(doc, sentence, cues, event_type, t0):
        return None  # "российские туристы прилетели в Вонсан": people who act for no state
    if event_type.default_stage is not None and any(m.first < t0 for m in cues.in_clause("envoys", t0)):
        return None  # "Посол КНДР встретился с Лавровым": a resident envoy's meeting or arrival at post
    failure = event_type.failures_in(doc.lang, sentence.forms, sentence.lemmas)  # a failed launch was held
    failed = bool(failure)
    denials = [d for d in cues.in_clause("denial", t0) if d.first not in failure]  # "denies the test failed"
    denied = bool(denials) or (not failed and (_negated(cues, t0, window=2) or _denied_phrase(sentence, cues, t0)))
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
        and not _relative_aside(cues, a.first, t0)
        and (
            (a.last <= t0 and cues.gap(a.last, t0) < a.payload.window)
            or (a.first >= t1 and cues.gap(t1, a.first) - _aside_words(cues, t1, a.first) < a.payload.window)
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
    messengers = _messengers(sentence, cues, nearby, t0) if event_type.possessor_holds else []
    nearby = [a for a in nearby if a not in messengers]
    sent = max((m.last for m in messengers), default=None)
    aside = None if sent is None else (sent, min(a.first for a in nearby if a.first >= sent))
    answered = _answered(doc, sentence, cues)  # "Is North Korea arming Russia? Evidence says yes"
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
    # "Pyongyang va envoyer des démineurs dans la région de Koursk": a pending verb before the trigger
    # governs what its segment says after it (where they will be)
    # ...and so does a plan's own verb however far ("is preparing to receive as many as 30,000 additional
    # North Korean soldiers … to reinforce its forces": the reinforcing is the plan's purpose); a plan is a
    # pending stage with none below it, not a deed that is another's pending ("signs the treaty into law")
    governed = any(
        a.last <= t0
        and cues.segment[a.first] == cues.segment[t0]
        and (
            (a in nearby and _pending(sentence, cues, a.first, a.last, answered))
            or (
                a.payload.stage in event_type.pending_stages
                and a.payload.pending is None
                and not _negated(cues, a.first)
            )
        )
        for a in actions
    )
    for action in nearby:
        if _action_is_background(doc, sentence, cues, action.first, action.last, actions) or (
            event_type.dated_news and _other_month(doc, sentence, cues, action.first, action.last, nearby)
        ):
            continue
        if action.last <= t0 and cues.near("other_object", action.last, t0):
            continue  # "подписал указ о подготовке соглашения": the decree is what was signed
        if action.first >= t1 and _own_object(sentence, cues, action.last):
            continue  # "ratified the treaty, and Kim later signed a decree of his own": the decree was signed
        if event_type.directed and not event_type.possessor_holds and _taught(sentence, cues, action, t0):
            continue  # "обучение северокорейских расчетов": the troops are taught, nothing says where
        if action.first >= t1 and _occasion_noun(sentence, cues, action.first):
            continue  # "showed Kim the rockets before their talks": the talks date the showing
        # "подписание документов не планировалось": a plan denied after the trigger leaves nothing done
        if not failed and (_negated(cues, action.first) or (action.last <= t0 and _negated_after(cues, t1))):
            negated_stage = negated_stage or action.payload.stage
            continue
        after = action.first >= t1 and cues.segment[action.first] == cues.segment[t0]
        draft = draft_at is not None and not (deed_stands and action.last <= draft_at)
        topic = _topic_of_plan(sentence, cues, actions, action, t0)
        confirmed = event_type.confirmed_stage
        pending = (
            draft
            or (governed and after)
            or topic
            # "Un monument aux soldats nord-coréens sera érigé": what is ahead after an acknowledgement is
            # the memorial, not the troops' deed
            or _pending(sentence, cues, action.first, action.last, answered, action.payload.stage == confirmed)
            or bool(_notices(cues, action.first))
            or (action.payload.stage != confirmed and _noun_action_ahead(sentence, cues, action, t0, t1))
        )
        stage = action.payload.pending if pending else None
        stage = stage or action.payload.stage
        if stage == event_type.confirmed_stage and _outsider_speaks(sentence, cues, action.first):
            # "Kyiv thanks allies for exposing…", "Seoul confirmed the deployment": no party acknowledges it
            stage = _stage_below(event_type, stage)
            if stage is None:
                continue
        ranked = (event_type.rank.get(stage, 0), stage)
        # "пытается договориться о закупке снарядов": the deed a plan is about, not the plan, orients the pair
        if best is None or ranked > best or (ranked == best and topic):
            best, anchor, anchor_end = ranked, action.first, action.last
            asked = pending and _asked(cues, action.first)
            planned = pending
            topical = topic
    if (
        best is not None
        and best[1] in event_type.pending_stages
        and anchor >= t1
        and "reported" in event_type.rank
        and _present_at(sentence, cues, nearby, t0, t1)
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
    if best is None and not nearby and captive and not denied and not _negated(cues, t0):
        best = (event_type.rank.get(event_type.captive_stage or "", 0), event_type.captive_stage)  # "North Korean POWs"
    if best is None and not nearby and event_type.default_stage is not None and not denied:
        if _action_is_background(doc, sentence, cues, t0, t1, actions) or (
            event_type.dated_news and _other_month(doc, sentence, cues, t0, t1, actions)
        ):
            return None
        if _negated(cues, t0) or _negated_after(cues, t1):
            negated_stage = event_type.default_stage
        else:
            pending = _pending(sentence, cues, t0, t1, answered) and event_type.default_pending
            stage = pending or event_type.default_stage
            best = (event_type.rank.get(stage, 0), stage)
            planned = bool(pending)
    retraction = denied or (best is None and negated_stage is not None)
    acknowledges = best is not None and best[1] == event_type.confirmed_stage
    if best is not None and not retraction and not acknowledges and _occasion(doc, sentence, cues, event_type, t0):
        return None  # "soldiers of an honour guard lined the carpet as Putin arrived": shown, not sent
    inside = {i for a in actions for i in range(a.first, a.last)}  # "navigational warning" is an action
    # "avertit Tokyo d'un lancement": the warning gives notice of the deed, it does not threaten it
    inside |= {i for a in nearby for n in _notices(cues, a.first) for i in range(n.first, n.last)}
    if (best is None and not retraction) or (not retraction and _hypothetical(cues, sentence, t0, inside, answered)):
        return None
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
        resolved = resolve_single(doc, sentence, cues, {t0, anchor}, (t0, t1), deeds, foreign)
        if resolved is not None and _front_foe(sentence, cues, event_type, resolved[0], anchor):
            resolved = None  # "ракета, упавшая в Харькове, произведена в КНДР": its maker did not fire it
    else:
        # the weapon types (whose possessor may hold the weapon) have its maker as a party; troops do not
        makers = event_type.possessor_holds or not event_type.directed
        # "Zelensky shows North Korean POWs": the front that holds a party's captives is no third state
        captors = frozenset(event_type.fronts or {}) if captive else frozenset()
        resolved = resolve(doc, sentence, cues, {t0, anchor}, event_type.third_countries_cancel, makers, captors)
        if event_type.default_stage is not None and (resolved is None or len(resolved[0]) < event_type.min_parties):
            # "South Korea condemns Putin's visit to Pyongyang": the trip's own phrase names both parties
            resolved = _trip_pair(sentence, cues, t0, t1) or resolved
    receive = passive = None
    if event_type.directed:
        receive = event_type.receives(doc.lang, sentence.forms, sentence.lemmas, anchor) and anchor != t0
        passive = _receiving_agents(doc, sentence, cues, event_type, actions, t0)
        if t0 in passive or (t0 - 1 in passive and sentence.forms[t0 - 1] in DETERMINERS):
            return None  # "obus tirés par l'artillerie russe": the artillery fires them, it is not what was given
        if _third_counterpart(sentence, cues, event_type, (t0, t1), (anchor, anchor_end), receive, passive):
            return None  # "Russia supplied Iran with jets", "Vietnam to buy Russian jets": that pair's deal
    if resolved is None:
        return None
    actors, confidence = resolved
    if len(actors) < event_type.min_parties and event_type.fronts:
        taken = captive or (qualified and any(c.first <= anchor < c.last for c in captives))  # "взятии в плен"
        actors = _front_pair(sentence, cues, actors, event_type.fronts, anchor, taken)
    if len(actors) < event_type.min_parties:
        return None
    if trigger.payload == MEETING and not _place_named(doc, sentence, cues, t0):
        return None  # talks by phone, on the sidelines elsewhere: no visit
    if trigger.payload == MEETING and not _guest_named(sentence, cues, t0):
        return None  # "Церемония прошла в Москве, документы подписали заместители…": no one came, by the clause
    if trigger.payload == STAY and not _guest(sentence, cues, t0):
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
            negotiated=_negotiated(cues, anchor, topical, receive),
        )
        if source is None and not acknowledged:
            source, target = _told_before(doc, sentence, cues, event_type, actors)
        if resolved[0] != actors and source not in resolved[0]:
            return None  # a front names who used the weapons; the one party named must be their maker
        honoured = _honoured(sentence, cues, actors, anchor_end) if acknowledged else None
        if honoured is not None:
            source, target = honoured, next(a for a in actors if a != honoured)
    if event_type.directed and not event_type.possessor_holds and _own_front(sentence, cues, event_type, t0, t1):
        return None  # "Russian soldiers shelling Ukrainian positions": the army fighting there is sent nowhere
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
        object=_object(sentence, cues, t0, t1, doc.lang),
        decided=decided,
        tenseless=tenseless,
        planned=planned and not retraction,
    )


PRESENCE_REACH = 2  # words (names aside) between a place preposition and the watched place it names


def _present_at(sentence: Sentence, cues: SentenceCues, nearby: list[Match[StageCue]], t0: int, t1: int) -> bool:
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


def _outsider_speaks(sentence: Sentence, cues: SentenceCues, index: int) -> bool:
    """Whether the acknowledgement at token ``index`` (thanks, praise, a confirmation) has a subject that is
    no watched party: the first name before it in its clause that is no circumstance, no place and no
    source of the report, unless a source is the only name ("Zelensky remercie Séoul…", "Киев выразил
    благодарность…", "Seoul confirmed the deployment"; not "Putin thanks…", "Le ministre russe
    remercie…", "Seoul says Putin thanked…"). A clause naming no one before it ("Министр обороны
    поблагодарил…") keeps the acknowledgement a party's."""
    clause = cues.clause[index]
    speakers = set(sources(sentence, cues))
    ends = {m.last for m in cues.found["place_before"]}  # "в Пекине", "in the Kremlin": where, not who
    named = [
        m
        for m in sentence.mentions
        if m.last <= index
        and cues.clause[m.first] == clause
        and not cues.in_context(m.first)
        and m.first not in ends
        and not (m.first - 1 in ends and sentence.forms[m.first - 1] in DETERMINERS)
    ]
    # a source speaks of another's acknowledgement ("Seoul says Putin thanked…") unless it is the only
    # name: then its verb is the acknowledgement ("Seoul confirmed the deployment")
    subject = next((m for m in named if m not in speakers), named[0] if named else None)
    return subject is not None and not subject.watched


def _stage_below(event_type: EventType, stage: str) -> str | None:
    """The type's stage ranked right below ``stage`` ("reported" below "confirmed"), or None."""
    lower = [s for s, rank in event_type.rank.items() if rank < event_type.rank.get(stage, 0)]
    return max(lower, key=event_type.rank.__getitem__, default=None)


def _occasion(doc: Document, sentence: Sentence, cues: SentenceCues, event_type: EventType, t0: int) -> bool:
    """Whether the clause of token ``t0`` names an occasion of the type (a parade, an honour guard, a
    delegation, cadets): "Парадный расчет КНА принял участие в параде Победы", "a delegation of the
    Korean People's Army arrived in Moscow" show a party's people at an event, they are not sent to one."""
    occasions = event_type.occasions_in(doc.lang, sentence.forms, sentence.lemmas)
    return any(cues.clause[m.first] == cues.clause[t0] for m in occasions)


def _relative_aside(cues: SentenceCues, a0: int, t0: int) -> bool:
    """Whether the action at ``a0`` sits before the trigger in another comma segment opened by a relative
    word ("при атаке на Киев, *в результате которой погибли* девять человек, российские войска…"): it
    tells of the word that clause qualifies, not of the trigger."""
    segment = cues.segment[a0]
    return (
        a0 < t0
        and segment != cues.segment[t0]
        and any(cues.segment[m.first] == segment and m.first < a0 for m in cues.found["relative"])
    )


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


def _qualifier(doc: Document, sentence: Sentence, t0: int, t1: int) -> bool:
    """Whether a one-word trigger qualifies the common noun right after it, agreeing with it in case and
    number: a substantivised adjective used as one ("*военные* заводы", "*военные* поставки"), not the
    people it names ("военные КНДР", "военные из Северной Кореи")."""
    if t1 - t0 != 1 or t1 >= len(sentence.forms) or any(m.first <= t1 < m.last for m in sentence.mentions):
        return False
    if not sentence.tag(t1).startswith("NOUN|"):
        return False
    word, noun = (doc.text[sentence.tokens[i].start : sentence.tokens[i].end] for i in (t0, t1))
    return languages.attributive(doc.lang)(word, noun)


EXCHANGE_REACH = 4  # words (names aside) between an exchange cue and the deed it pays for


def _negotiated(cues: SentenceCues, a0: int, topical: bool, receive: bool) -> tuple[int, bool] | None:
    """``(start, trade)`` when the action at token ``a0`` is a plan both sides make (a ``bilateral`` cue:
    negotiate, discuss, договориться) or what one is about ("пытался договориться *о поставках*",
    ``topical``), with ``start`` the plan's first token; ``trade`` says whether the deed is a word of
    buying (a ``receive`` action) or of selling (``sale``), whose subject is the buyer or seller. None for
    any other action."""
    plans = [m for m in cues.in_clause("bilateral", a0) if (m.first <= a0 < m.last) or (topical and m.last <= a0)]
    if not plans:
        return None
    plan = max(plans, key=lambda m: m.first)
    if plan.first <= a0 < plan.last:
        return plan.first, False
    return plan.first, receive or any(m.first <= a0 < m.last for m in cues.found["sale"])


def _messengers(
    sentence: Sentence, cues: SentenceCues, nearby: list[Match[StageCue]], t0: int
) -> list[Match[StageCue]]:
    """The actions before the trigger at ``t0`` that send someone or something else: another action of
    the type stands between them and the trigger in their clause, and a word that is neither a name nor a
    list word (nor an adjective of the nearer deed, nor a preposition) follows them before it, their own object
    ("sent *letters* seeking ammunition", "направила в КНДР *делегацию*, чтобы договориться о закупке"; not
    "bought and fired North Korean shells", "добивается от Пхеньяна новых поставок")."""
    named = {i for m in sentence.mentions for i in range(m.first, m.last)}
    found = []
    for action in nearby:
        nearer = [
            b
            for b in nearby
            if action.last < b.first and b.last <= t0 and cues.clause[b.first] == cues.clause[action.first]
        ]
        if not nearer:
            continue
        between = range(action.last, min(b.first for b in nearer))
        # an adjective qualifies the nearer deed and a preposition governs a name: neither is an object of
        # its own ("добивается *от* Пхеньяна *новых* поставок")
        if any(
            i not in named
            and sentence.forms[i].isalpha()
            and sentence.forms[i] not in LIST_WORDS
            and sentence.tag(i).split("|")[0] not in ("ADJ", "ADP")
            for i in between
        ):
            found.append(action)
    return found


def _exchanged(sentence: Sentence, cues: SentenceCues, actions: list[Match[StageCue]], t0: int) -> bool:
    """Whether the trigger is what a deal pays for: an ``exchange`` cue at most ``EXCHANGE_REACH`` words
    before it in its comma segment, no finite verb between ("в обмен на отправку северокорейских войск",
    "платой за поставки снарядов", "in return for the troops"). The deed paid for is the occasion of the
    news, told as known; a finite verb between starts the news itself ("В обмен на снаряды Москва
    поставила Пхеньяну комплексы"). After one of the type's ``actions`` in the cue's clause the trigger is
    that deed's price, sent the other way, which is news (``direction``: "gives Pyongyang oil in exchange
    for shells")."""
    return any(
        m.last <= t0
        and cues.segment[m.first] == cues.segment[t0]
        and cues.gap(m.last, t0) <= EXCHANGE_REACH
        and not any("VerbForm=Fin" in sentence.tag(i).split("|") for i in range(m.last, t0))
        and not any(a.last <= m.first and cues.clause[a.first] == cues.clause[m.first] for a in actions)
        for m in cues.found["exchange"]
    )


def _skill(sentence: Sentence, t0: int) -> bool:
    """Whether a weapon trigger names the field of the person noun that governs it: a genitive right
    after it ("операторы беспилотников") or a dative after its preposition ("специалисты по
    беспилотникам"), adjectives or names between. People skilled in a weapon are no weapon sent."""
    named = {i for m in sentence.mentions for i in range(m.first, m.last)}
    own = sentence.tag(t0).split("|")
    head = t0 - 1
    while head >= 0 and (head in named or sentence.adjective(head)):
        head -= 1
    if "Case=Dat" in own and sentence.tag(head).startswith("ADP|"):
        head -= 1
    elif "Case=Gen" not in own:
        return False
    tags = sentence.tag(head).split("|")
    return head >= 0 and head not in named and tags[0] == "NOUN" and "Animacy=Anim" in tags


def _taught(sentence: Sentence, cues: SentenceCues, action: Match[StageCue], t0: int) -> bool:
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


def _place_of(sentence: Sentence, cues: SentenceCues, t0: int) -> bool:
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


def _verb_decides(
    doc: Document, sentence: Sentence, cues: SentenceCues, event_type: EventType, trigger: Match[str]
) -> bool:
    """Whether a noun trigger of a type with a default stage ("делегация", "визит") shares its comma
    segment with a verb trigger of the type that is no meeting ("Делегация … посетит КНДР"): the verb's
    tense and mood say whether the trip is made or planned, so the noun reports nothing of its own."""
    if sentence.tag(trigger.first).startswith("VERB|"):
        return False
    segment = cues.segment[trigger.first]
    return any(
        other.payload != MEETING
        and cues.segment[other.first] == segment
        and sentence.tag(other.first).startswith("VERB|")
        for other in event_type.find_triggers(doc.lang, sentence.forms)
        if other.first != trigger.first
    )


def _front_foe(
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


def _guest(sentence: Sentence, cues: SentenceCues, t0: int) -> bool:
    """Whether a presence phrase ("находится в") has a guest: a watched place after a place word in its
    clause and a watched person of another party named there ("Лавров находится в Пхеньяне"); troops or
    a leader at home are no visit."""
    clause = cues.clause[t0]
    ends = {m.last for m in cues.found["place_before"] if cues.clause[m.first] == clause}
    hosts = {m.entity for m in sentence.mentions if m.watched and m.first in ends}
    return bool(hosts) and any(
        m.watched and m.entity not in hosts and cues.clause[m.first] == clause and _person(sentence, m)
        for m in sentence.mentions
    )


def _unowned_trip(sentence: Sentence, trigger: Match[str], headline_tells: bool) -> bool:
    """Whether a trip noun after the headline ("the trip", « le voyage », "поездка") can only refer back to a
    trip the headline tells, and the headline tells none: its sentence names no watched entity, and the
    headline has no trigger of the type, or only a document's subject ("Moscow-Pyongyang flights resume" +
    "The trip takes eight hours": the journey of a line, no one's visit; «соглашение о поездках граждан» +
    «…для туристических групп и делегаций»). A noun is one so tagged, or one after an article."""
    t0 = trigger.first
    if sentence.index == 0 or trigger.payload != TRIGGER or any(m.watched for m in sentence.mentions):
        return False
    if not (sentence.tag(t0).startswith("NOUN|") or (t0 > 0 and sentence.forms[t0 - 1] in DETERMINERS)):
        return False
    return not headline_tells


POSSESSIVE = frozenset({"s"})  # "Putin's visit": the tokenizer leaves the clitic as a word
OF = frozenset({"of", "by", "de", "du", "d"})  # "the visit of Putin", « la visite de Poutine »


def _trip_pair(sentence: Sentence, cues: SentenceCues, t0: int, t1: int) -> tuple[tuple[str, ...], float] | None:
    """The parties a trip noun names in its own phrase: a watched traveller right before it (a possessive
    aside: "Putin's visit", "Lavrov trip") or right after it (a genitive or "of"/« de »: "визита Шойгу",
    « la visite de Poutine »), then a place word and the watched place of another party ("to Pyongyang",
    "в Пхеньян", « à Pyongyang »). Such a phrase tells a trip whatever the clause around it does with it
    ("Seoul condemns…", "Япония провела испытание во время визита…"), so a third country there is no party
    of it. None when the phrase is not complete."""
    if sentence.tag(t0).startswith("VERB|"):
        return None
    watched = {m.first: m for m in sentence.mentions if m.watched}
    ends = {m.last: m for m in watched.values()}
    traveller = ends.get(t0) or (
        ends.get(t0 - 1) if sentence.forms[t0 - 1 : t0] and sentence.forms[t0 - 1] in POSSESSIVE else None
    )
    after = t1
    if traveller is None:
        start = t1 + 1 if sentence.forms[t1 : t1 + 1] and sentence.forms[t1] in OF else t1
        traveller = watched.get(start)
        while (
            traveller is not None and traveller.last in watched and watched[traveller.last].entity == traveller.entity
        ):
            traveller = watched[traveller.last]  # "визита секретаря Совбеза России Сергея Шойгу"
        after = traveller.last if traveller is not None else t1
    if traveller is None:
        return None
    for word in (*cues.found["place_before"], *cues.found["direction_to"]):
        if word.first != after:
            continue
        start = word.last + (sentence.forms[word.last : word.last + 1] in [(d,) for d in DETERMINERS])
        place = watched.get(start)
        if place is not None and place.entity != traveller.entity:
            return tuple(sorted({traveller.entity, place.entity})), 0.9
    return None


def _traveller(doc: Document, sentence: Sentence, cues: SentenceCues, event_type: EventType, t0: int) -> bool:
    """Whether a verb trigger that is its own action ("отправился", "прибывший") may have a person or
    a delegation as its subject. False only when the parse names subjects (nominatives, or inanimate
    accusatives, which share their form; none governed by a preposition) in the trigger's clause and
    none is animate or itself a trigger ("делегация"), and no watched noun stands before the verb
    ("Белоусов посетит…", "Самолет Путина приземлился"; an adjective such as "группа *российских*
    туристов" does not). Untagged or non-verb triggers always may."""
    if not sentence.tag(t0).startswith("VERB|"):
        return True
    clause = cues.clause[t0]

    def free(i: int) -> bool:
        return cues.clause[i] == clause and not sentence.tag(i - 1).startswith("ADP|")

    triggers = {m.first for m in event_type.find_triggers(doc.lang, sentence.forms)}
    subjects = [
        i
        for i, tag in enumerate(sentence.morph)
        if i != t0
        and free(i)
        and tag.split("|")[0] in ("NOUN", "PROPN")
        and ("Case=Nom" in tag or ("Case=Acc" in tag and "Animacy=Inan" in tag))
    ]
    if not subjects or any("Animacy=Anim" in sentence.tag(i) or i in triggers for i in subjects):
        return True
    return any(
        m.watched and m.last <= t0 and free(m.first) and not sentence.adjective(m.last - 1) for m in sentence.mentions
    )


def _private_trip(doc: Document, sentence: Sentence, cues: SentenceCues, event_type: EventType, t0: int) -> bool:
    """Whether the trip is one of people who act for no state ("туристы", "школьники"): the clause of
    token ``t0`` names them as its travellers and names no watched person (an animate name: "Путин",
    "Лавров"), or a later sentence names no watched person either and the headline is such a trip
    ("Российские туристы прилетели в Вонсан" + "Группа из 60 человек отправилась на курорт Кальма").
    People named after the trigger and not as a subject are its audience, not its travellers
    ("делегация прибыла на форум студентов")."""
    clause = cues.clause[t0]
    private = [m for m in cues.in_clause("private_persons", t0) if _traveller_position(sentence, m.first, t0)]
    if private:
        return not any(m.watched and cues.clause[m.first] == clause and _person(sentence, m) for m in sentence.mentions)
    headline = doc.sentences[0]
    if sentence.index == 0 or any(m.watched and _person(sentence, m) for m in sentence.mentions):
        return False
    # the headline's trip, not a meeting or a signing there ("подписали соглашение о поездках школьников")
    trips = [m.first for m in event_type.find_triggers(doc.lang, headline.forms) if m.payload != MEETING]
    first = min(trips, default=len(headline.forms))
    private = cues.profile.cue("private_persons").find(headline.forms, headline.lemmas)
    return any(_traveller_position(headline, m.first, first) for m in private) and not any(
        m.watched and _person(headline, m) for m in headline.mentions
    )


def _troop_trip(doc: Document, sentence: Sentence, cues: SentenceCues, types: Sequence[EventType], t0: int) -> bool:
    """Whether the travellers of the trip at token ``t0`` are soldiers: a trigger of a troop type (a
    directed type whose possessor does not hold it) stands in a traveller's place in its clause, as a
    noun (not "военные делегации"), and the clause names no watched person ("северокорейские военные
    прибыли в Курскую область" is a deployment; "Шойгу и военные прибыли" is a visit)."""
    clause = cues.clause[t0]
    if any(m.watched and cues.clause[m.first] == clause and _person(sentence, m) for m in sentence.mentions):
        return False
    return any(
        cues.clause[s.first] == clause
        and s.first != t0
        and _traveller_position(sentence, s.first, t0)
        and not _qualifier(doc, sentence, s.first, s.last)
        for troop in types
        if troop.directed and not troop.possessor_holds and troop.default_stage is None
        for s in troop.find_triggers(doc.lang, sentence.forms)
    )


def _document_subject(
    doc: Document, sentence: Sentence, cues: SentenceCues, types: Sequence[EventType], trigger: Match[str]
) -> bool:
    """Whether the trip noun ``trigger`` is what a document of another event type is about: a topic word
    before it, adjectives at most between, right after that type's trigger noun ("соглашение о взаимных
    безвизовых поездках граждан", "agreement on visa-free travel"; a partner phrase may stand between:
    «соглашения с КНДР о поездках»), and no watched name in the trip's own
    phrase right after it (an agreed trip keeps its traveller: «договоренность о визите Путина»)."""
    t0, t1 = trigger.first, trigger.last
    if not sentence.tag(t0).startswith("NOUN|") or any(
        m.watched and t1 <= m.first <= t1 + 1 for m in sentence.mentions
    ):
        return False
    start = t0
    while start > 0 and t0 - start < MODIFIERS and sentence.adjective(start - 1):
        start -= 1
    topics = [m.first for m in cues.near("topic", start - 1, start) if m.last == start]
    return any(
        (other.last == topic or _partner_between(sentence, other.last, topic))
        and sentence.tag(other.last - 1).startswith("NOUN|")
        for topic in topics
        for kind in types
        if kind.default_stage is None
        for other in kind.find_triggers(doc.lang, sentence.forms)
    )


def _traveller_position(sentence: Sentence, index: int, trigger: int) -> bool:
    """Whether the word at ``index`` may be who travels: before the trigger, a nominative after it
    ("В Пхеньян прибыли российские туристы"), or a genitive right after a noun trigger, its agent
    ("соглашение о поездках школьников")."""
    tags = sentence.tag(index).split("|")
    if index < trigger or "Case=Nom" in tags:
        return True
    if index > trigger and "Case=Gen" in tags and _quantified(sentence, index):
        return True  # "прибыли около трех тысяч военных": a counted subject stands in the genitive
    return index == trigger + 1 and "Case=Gen" in tags and sentence.tag(trigger).startswith("NOUN|")


def _quantified(sentence: Sentence, index: int) -> bool:
    """Whether the genitive word at ``index`` is counted: a numeral right before it, or a noun of quantity
    after one, adjectives aside ("трех тысяч военных", "пятьсот военных")."""
    head = index - 1
    while head >= 0 and sentence.adjective(head):
        head -= 1
    if sentence.tag(head).startswith("NUM") or (head >= 0 and sentence.forms[head].isdigit()):
        return True
    return sentence.tag(head).startswith("NOUN|") and sentence.tag(head - 1).startswith("NUM")


def _person(sentence: Sentence, mention: Mention) -> bool:
    """Whether the tagger reads ``mention`` as a person (an animate name: "Путин", not "Россия")."""
    return "Animacy=Anim" in sentence.tag(mention.first).split("|")


def _place_named(doc: Document, sentence: Sentence, cues: SentenceCues, t0: int) -> bool:
    """Whether a watched place follows a place word in the clause of token ``t0`` ("in Pyongyang",
    "в Москве"), or a dateline places the lead ("ПХЕНЬЯН, 19 июн — РИА Новости. Путин и Ким Чен Ын
    по итогам переговоров…"): where a meeting is held says who travelled. A passive participle is
    no meeting: it qualifies a noun ("договор, подписанный в Пхеньяне" names the treaty), and a reporting
    verb between the two parts what was said from where it was said ("…, заявил Лавров на пресс-конференции
    в Москве")."""
    own = sentence.tag(t0).split("|")
    if "VerbForm=Part" in own and "Voice=Pass" in own:
        return False
    clause = cues.clause[t0]
    # a reporting verb parts what was said from where and after what it was said: "подпишут соглашение,
    # заявил Лавров на пресс-конференции в Москве", "направит в КНДР медиков, заявил Белоусов после переговоров"
    said = [m.first for m in cues.found["source_after"] if cues.clause[m.first] == clause]

    def side(index: int) -> int:
        return sum(verb < index for verb in said)

    ends = {m.last for m in cues.found["place_before"] if cues.clause[m.first] == clause and side(m.first) == side(t0)}
    return any(m.watched and m.first in ends for m in sentence.mentions) or (
        1 <= sentence.index <= DATELINE_REACH and _dateline(doc)
    )


def _guest_named(sentence: Sentence, cues: SentenceCues, t0: int) -> bool:
    """Whether the clause of a meeting at token ``t0`` names its guest: a watched entity other than the
    host, the one whose place follows a place word there ("Путин и Ким Чен Ын подписали в Пхеньяне",
    "Shoigu received by Kim in Pyongyang"). A host's place alone ("Церемония прошла в Москве, документы
    подписали заместители глав ведомств двух стран") names no one who travelled. With no place in the
    clause (a dateline places it) any watched name will do."""
    clause = cues.clause[t0]
    ends = {m.last for m in cues.found["place_before"] if cues.clause[m.first] == clause}
    named = [m for m in sentence.mentions if m.watched and cues.clause[m.first] == clause]
    hosts = {m.entity for m in named if m.first in ends}
    return any(m.entity not in hosts for m in named)


def _dateline(doc: Document) -> bool:
    """Whether the summary opens with a dateline naming a watched place: the place in capitals, then
    a comma ("ПХЕНЬЯН, 19 июн — …", "WONSAN, July 11 (Reuters) -")."""
    if len(doc.sentences) < 2:
        return False
    lead = doc.sentences[1]
    opening = next((m for m in lead.mentions if m.first == 0), None)
    if opening is None or not opening.watched or lead.forms[opening.last : opening.last + 1] != (",",):
        return False
    written = doc.text[opening.start : opening.end]
    return written.isupper() and len(written) > 2


def _honoured(sentence: Sentence, cues: SentenceCues, actors: tuple[str, ...], end: int) -> str | None:
    """The party named right after a party's acknowledgement (its object, an article may sit between):
    the one thanked, praised or decorated for the deed did it ("Putin thanks Kim for sending troops",
    "Путин поблагодарил КНДР за отправку военных"), whatever its case or a place after says. None when
    no noun party stands there (an adjective qualifies the troops: "praised North Korean soldiers")."""
    start = end + 1 if end < len(sentence.forms) and sentence.forms[end] in DETERMINERS else end
    for mention in sentence.mentions:
        if mention.first == start and mention.entity in actors and not adjectival(sentence, cues, mention):
            return mention.entity
    return None


def _third_counterpart(
    sentence: Sentence,
    cues: SentenceCues,
    event_type: EventType,
    trigger: tuple[int, int],
    action: tuple[int, int],
    receive: bool,
    passive: frozenset[int],
) -> bool:
    """Whether a third state gives or receives in a directed event, in the comma segment of its trigger
    or action ("Россия поставила *Ирану* истребители", "drones *iraniens* livrés à la Russie"): the
    event is between it and the party, and no other clause or sentence completes a watched pair. A
    front of the event (Ukraine, where the weapons hit or the troops fight), a speaker and a country
    named as a circumstance are no counterparts, nor one more than ``COUNTERPART_GAP`` words from the
    trigger and the action ("a captured North Korean soldier … wants to go to South Korea")."""
    segments = {cues.segment[trigger[0]], cues.segment[action[0]]}
    speakers = set(sources(sentence, cues))
    return any(
        not m.watched
        and m.entity not in (event_type.fronts or {})
        and m not in speakers
        and cues.segment[m.first] in segments
        and any(m.first - end <= COUNTERPART_GAP >= start - m.last for start, end in (trigger, action))
        and not cues.in_context(m.first)
        and not target(sentence, cues, m)
        and counterpart(sentence, cues, m, trigger, action, receive, passive)
        for m in sentence.mentions
    )


def own_army(doc: Document, sentence: Sentence, cues: SentenceCues, event_type: EventType) -> bool:
    """Whether a trigger of ``event_type`` in ``sentence`` names the troops of the party fighting on a front
    named there (``_own_front``): the backstop must not send them anywhere either."""
    if not event_type.directed or event_type.possessor_holds:
        return False
    triggers = event_type.find_triggers(doc.lang, sentence.forms)
    return any(_own_front(sentence, cues, event_type, t.first, t.last) for t in triggers)


def _own_front(sentence: Sentence, cues: SentenceCues, event_type: EventType, t0: int, t1: int) -> bool:
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


def _front_pair(
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


_FUNCTION_WORDS = frozenset(
    [
        "with",
        "from",
        "between",
        "that",
        "this",
        "these",
        "those",
        "their",
        "about",
        "into",
        "over",
        "after",
        "before",
        "under",
        "among",
        "against",
        "avec",
        "entre",
        "pour",
        "dans",
        "sous",
        "vers",
        "chez",
        "cette",
        "leur",
        "leurs",
        "sans",
        "selon",
        "contre",
        "mit",
        "zwischen",
        "über",
        "unter",
        "gegen",
        "sobre",
        "para",
    ]
)
MODIFIERS = 2  # words next to a trigger that may qualify it ("military pact", "pacte militaire")


def _object(sentence: Sentence, cues: SentenceCues, t0: int, t1: int, lang: str) -> str:
    """The trigger and the words that qualify it, lower case: "military pact", "pacte militaire".

    Qualifiers are plain words (no names, no cue words, no function words) right before the
    trigger, or right after it in languages that put adjectives after the noun.
    """
    cued = {i for matches in cues.found.values() for m in matches for i in range(m.first, m.last)}
    named = {i for m in sentence.mentions for i in range(m.first, m.last)}

    def qualifier(index: int) -> bool:
        form = sentence.forms[index] if 0 <= index < len(sentence.forms) else ""
        return form.isalpha() and len(form) > 3 and index not in cued | named and form.lower() not in _FUNCTION_WORDS

    before = t0
    while before > 0 and t0 - before < MODIFIERS and qualifier(before - 1):
        before -= 1
    after = t1
    if lang in POSTPOSED:
        while after - t1 < MODIFIERS and qualifier(after):
            after += 1
    return " ".join(sentence.forms[before:after]).lower()


def _old_year(doc: Document, sentence: Sentence, cues: SentenceCues, start: int, end: int) -> bool:
    """Whether a year before the article's own year sits in tokens ``[start, end)``. A year next to a
    production word dates the weapon, not the action ("2023 factory marks", "2023 года выпуска")."""
    if doc.year is None:
        return False
    return any(
        (year := year_of(sentence.forms[index])) is not None
        and year < doc.year
        and not any(
            cues.segment[m.first] == cues.segment[index]
            for m in cues.near("production", index - PRODUCTION_REACH, index + PRODUCTION_REACH + 1)
        )
        for index in range(max(start, 0), min(end, len(sentence.forms)))
    )


def _trigger_is_background(
    doc: Document, sentence: Sentence, cues: SentenceCues, actions: list[Match[StageCue]], t0: int, t1: int
) -> bool:
    """ "Under the treaty", "the 1961 treaty", "le traité de 2000": the trigger names old news. A
    background phrase inside an action does not count ("вступил *в силу* договор": not "by virtue of").
    An attributive participle before the trigger is part of its noun phrase, so the phrase may stand
    before it ("в рамках *вступившего в силу* договора", "согласно подписанному в июне договору")."""
    inside = {i for action in actions for i in range(action.first, action.last)}
    start = min(
        (a.first for a in actions if t0 - TRIGGER_WINDOW <= a.last <= t0 and _attributive(sentence, a.first)),
        default=t0,
    )
    if any(m.first not in inside for m in cues.near("background_before", start - TRIGGER_WINDOW, t0 + 1)):
        return True
    return _old_year(doc, sentence, cues, t0 - TRIGGER_WINDOW, t1 + TRIGGER_WINDOW)


def _attributive(sentence: Sentence, index: int) -> bool:
    """Whether token ``index`` is a full participle, which agrees with a noun in case ("вступившего",
    "подписанному"): an attribute of that noun, not the verb of its clause."""
    features = sentence.tag(index).split("|")
    return "VerbForm=Part" in features and any(f.startswith("Case=") for f in features)


def _action_is_background(
    doc: Document,
    sentence: Sentence,
    cues: SentenceCues,
    a0: int,
    a1: int,
    story: Sequence[Match[StageCue]] = (),
) -> bool:
    """The action is past relative to the news: an old date or a time cue in its segment, or it is
    introduced by "after"/"since" ("a month after Putin and Kim signed", "depuis la signature") — unless
    the lapse is a day or less and the clause around it tells the same story (``_same_story``: one of
    ``story``, the type's actions in the sentence, outside the lead)."""
    segment = cues.segment[a0]
    # "недавно испытанные ракеты предназначены…": the weapons described by a deed already done (a
    # participle the tagger may read as an adjective)
    attribute = _attributive(sentence, a0) or sentence.tag(a0).startswith("ADJ|")
    if attribute and any(m.last == a0 for m in cues.found["recently"]):
        return True
    for match in cues.found["background_lead"]:
        if match.last <= a0 and cues.segment[match.first] == segment and cues.gap(match.last, a0) <= LEAD_GAP:
            if _same_story(sentence, cues, match, story):
                continue
            return True
    circumstances = {i for m in cues.found["context"] for i in range(m.first, m.last)}
    for match in cues.found["background_time"]:
        if match.first in circumstances:
            continue  # "à la veille d'une visite": the eve of another event, not an earlier one
        if cues.segment[match.first] == segment or abs(match.first - a0) <= MODAL_WINDOW:
            return True
        if _opening(cues, match.first) and cues.clause[match.first] == cues.clause[a0]:
            return True  # "Five years ago, North Korea tested…", "Il y a dix ans, Pyongyang testait…"
    if segment != 0 and cues.clause[0] == cues.clause[a0] and dated_opening(doc, sentence, cues):
        return True  # "En 2017, Pyongyang avait tiré…": the opening adverbial dates the clause
    span = [i for i, s in enumerate(cues.segment) if s == segment]
    return _old_year(doc, sentence, cues, span[0], span[-1] + 1) or _old_year(
        doc, sentence, cues, a1, a1 + MODAL_WINDOW
    )


def _same_story(sentence: Sentence, cues: SentenceCues, lead: Match[str], story: Sequence[Match[StageCue]]) -> bool:
    """Whether a lapse of a day or less (``recent_lead``: "a day after", « au lendemain de », «на следующий
    день после») introduces a deed the clause around it tells again: an action of the same type stands in
    the clause outside the lead, where no state but a watched one is named ("Pyongyang a affirmé avoir testé
    des ogives, au lendemain d'un tir de missile": yesterday's launch is today's news). "Seoul and Tokyo
    protested a day after the launch" tells another story, and "Putin signed deals with Vietnam's leader a
    day after sealing a pact" another pair's."""
    if not any(r.first <= lead.first < r.last or lead.first <= r.first < lead.last for r in cues.found["recent_lead"]):
        return False
    clause, segment = cues.clause[lead.first], cues.segment[lead.first]

    def main(index: int) -> bool:  # the clause the lead hangs on, the lead's own words after it aside
        return cues.clause[index] == clause and not (cues.segment[index] == segment and index >= lead.first)

    speakers = {m.first for m in sources(sentence, cues)}  # "Seoul said Pyongyang tested…": a speaker is no story
    others = any(main(m.first) and not m.watched and m.first not in speakers for m in sentence.mentions)
    return not others and any(main(a.first) for a in story)


def _other_month(
    doc: Document, sentence: Sentence, cues: SentenceCues, a0: int, a1: int, actions: list[Match[StageCue]]
) -> bool:
    """Whether the deed at ``[a0, a1)`` is dated two months or more before the article's month and is no
    plan, so done in an earlier month of its year or a later one of the year before: "the treaty Putin
    and Kim signed in June" in a December item, "ratifié en novembre" in January are recalled (for types
    whose deeds are news when they happen: ``dated_news``). The month before the article's is still news
    when told by its day (a deed of the 30th reported on the 1st) or in the article's first
    ``RECENT_DAYS`` days; named alone later in the month it is more than a week old, so recalled ("во
    время июльской поездки" on August 30). The date sits in the action's comma segment, at
    most ``MONTH_REACH`` words after it or ``MODAL_WINDOW`` before it, names not counted; a month is a
    date after a place word, next to a number or as an adjective ("in June", "en juin", "в июне", "June
    19", "le 19 juin", «июльской»; not the verb "may"); a year after it other than the article's is left
    to the year rules. A month dates
    the nearest of ``actions`` before it, else the one after it: "the treaty signed in June entered into
    force on Wednesday" recalls the signing, not the entry into force."""
    if doc.month is None or doc.year is None:
        return False
    forms = sentence.forms
    places = {m.last for m in cues.found["place_before"]}
    adjectives = {m.first for m in cues.found["month_adjective"]}
    segment = cues.segment[a0]
    for month in cues.profile.months.find(forms):
        i = month.first
        numbered = _number(forms, i - 1) or _number(forms, month.last)
        lapse = (doc.month - month.payload) % 12
        late = doc.day is not None and doc.day > RECENT_DAYS and not numbered
        if lapse == 0 or (lapse == 1 and not late) or cues.segment[i] != segment:
            continue
        between = any(a1 <= other.first and other.last <= i for other in actions)
        after = i >= a1 and cues.gap(a1, i) <= MONTH_REACH and not between
        owned = any(other.last <= i and cues.gap(other.last, i) <= MONTH_REACH for other in actions)
        if not after and not (i < a0 and cues.gap(month.last, a0) <= MODAL_WINDOW and not owned):
            continue
        if not (i in places or i in adjectives or numbered):
            continue
        years = [y for f in forms[month.last : month.last + 3] if (y := year_of(f)) is not None]
        if years and years[0] != doc.year:
            continue
        return not _pending(sentence, cues, a0, a1)
    return False


def _number(forms: Sequence[str], index: int) -> bool:
    """Whether token ``index`` exists and is a number ("19" in "June 19", "le 19 juin")."""
    return 0 <= index < len(forms) and forms[index].isdigit()


def _notices(cues: SentenceCues, index: int) -> list[Match[str]]:
    """The notice verbs whose object is the deed at token ``index``: a ``notice`` verb, its addressee,
    then its first ``notice_of`` preposition right before the deed, in one clause ("Pyongyang avertit
    Tokyo d'un prochain lancement", "предупредила Японию о запуске"; not "avertit Séoul d'une riposte
    par des tirs"). A deed one gives notice of is ahead."""
    clause = cues.clause[index]
    found = []
    for notice in cues.in_clause("notice", index):
        after = [p for p in cues.in_clause("notice_of", index) if p.first >= notice.last]
        first = min(after, key=lambda p: p.first, default=None)
        if (
            first is not None
            and first.last <= index
            and cues.gap(notice.last, first.first) <= NOTICE_OBJECT
            and cues.gap(first.last, index) <= NOTICE_REACH
            and cues.clause[first.first] == clause
        ):
            found.append(notice)
    return found


def _topic_of_plan(
    sentence: Sentence,
    cues: SentenceCues,
    actions: list[Match[StageCue]],
    action: Match[StageCue],
    trigger_start: int,
) -> bool:
    """Whether ``action`` is what a plan of the same event is about: a topic preposition right before
    it and, earlier in its clause, an action of the least advanced stage (one with no pending stage):
    "переговоры Москвы и Пхеньяна *о поставках* снарядов" (talks on supplies, not supplies); or such
    a plan right before it, governing it as its object, an article at most between: "обсуждают поставки
    оружия", "négocier la vente d'obus"."""
    clause = cues.clause[action.first]
    plans = [plan for plan in actions if plan.payload.pending is None and cues.clause[plan.first] == clause]
    start = _object_start(sentence, trigger_start, action.first)
    if any(plan.last == start or _partner_between(sentence, plan.last, start) for plan in plans):
        return True
    if not any(m.last == start for m in cues.near("topic", start - 1, start)):
        return False
    return any(plan.last < start for plan in plans)


def _object_start(sentence: Sentence, trigger_start: int, action: int) -> int:
    """Where the noun phrase of the action at token ``action`` begins: the trigger it is part of ("a
    technology *transfer*", "передачу технологий"), then back over determiners ("d'un transfert")."""
    start = trigger_start if trigger_start < action and trigger_start >= action - TRIGGER_WINDOW else action
    while start > 0 and sentence.forms[start - 1] in ARTICLES:
        start -= 1
    return start


def _partner_between(sentence: Sentence, end: int, start: int) -> bool:
    """Whether only a partner phrase ("with", « avec », «с» and at most ``PARTNER_WORDS`` words, no
    punctuation) separates a plan ending at ``end`` from its object at ``start``: "обсуждал с
    северокорейским руководством закупку", "discussed with Pyongyang the supply"."""
    words = sentence.forms[end:start]
    return 1 < len(words) <= PARTNER_WORDS + 1 and words[0] in PARTNER and all(w.isalnum() for w in words)


def dated_opening(doc: Document, sentence: Sentence, cues: SentenceCues) -> bool:
    """Whether the sentence opens on a short adverbial set off by a comma that names a year before
    the article's ("En 2017, …", "In November 2019, …", "В 2018 году, …")."""
    if not _opening(cues, 0):
        return False
    end = next(i for i, s in enumerate(cues.segment) if s != 0)
    return _old_year(doc, sentence, cues, 0, end)


def _opening(cues: SentenceCues, index: int) -> bool:
    """Whether token ``index`` sits in a short opening segment set off by a comma ("Five years ago, …")."""
    if cues.segment[index] != 0:
        return False
    length = next((i for i, seg in enumerate(cues.segment) if seg != 0), None)
    return length is not None and length <= OPENING_WORDS


def _told_before(
    doc: Document, sentence: Sentence, cues: SentenceCues, event_type: EventType, actors: tuple[str, ...]
) -> tuple[str | None, str | None]:
    """The direction an earlier sentence (the headline, then the lead) gives the pair through an action
    of the type, when the event's own sentence marks neither party: "Российские суда вывозят контейнеры
    из порта Расон" + "…связывают рейсы с поставками боеприпасов" (the ships' state receives)."""
    for earlier in doc.sentences[: min(sentence.index, 2)]:
        if not any(m.entity in actors for m in earlier.mentions):
            continue
        earlier_cues = SentenceCues(earlier, cues.profile)
        for action in event_type.find_cues(doc.lang, earlier.forms, earlier.lemmas):
            if _negated(earlier_cues, action.first) or _action_is_background(
                doc, earlier, earlier_cues, action.first, action.last
            ):
                continue
            span = (action.first, action.last)
            receive = event_type.receives(doc.lang, earlier.forms, earlier.lemmas, action.first)
            found = orient(
                earlier, earlier_cues, actors, span, span, receive, frozenset(), event_type.possessor_holds, False
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
    "после переговоров" date another deed; they are not the deed."""
    named = {i for m in sentence.mentions for i in range(m.first, m.last)}
    return any(
        0 <= index - match.last <= 1 and not any(i in named for i in range(match.last, index))
        for match in cues.found["time_before"]
    )


def _asked(cues: SentenceCues, index: int) -> bool:
    """Whether an ``interrogative`` word sits before the action at token ``index`` in its clause,
    within ``HYPOTHETICAL_WINDOW`` words: "what weapons could Russia give", "quelles armes la Russie
    pourrait livrer", "какие технологии Москва может передать" ask what might happen."""
    asking = cues.in_clause("interrogative", index)
    return any(m.last <= index and cues.gap(m.last, index) < HYPOTHETICAL_WINDOW for m in asking)


def _hypothetical(cues: SentenceCues, sentence: Sentence, t0: int, inside: set[int], answered: bool = False) -> bool:
    """A warning, condition or "any" before the trigger in its clause, or a speculative question
    ("Could Russia hand jets to North Korea?"; "Will they sign this week?" stays a plan), unless it is
    ``answered`` yes (``_answered``). A cue that is part of an action (``inside``: "navigational warning")
    does not count."""
    for match in cues.in_clause("hypothetical", t0):
        if match.first in inside:
            continue
        if match.last <= t0 and t0 - match.last < HYPOTHETICAL_WINDOW:
            return True
    if answered:
        return False  # "Поможет ли Россия? — Поэтому мы сюда и приехали": the answer says yes
    if cues.in_clause("question_particle", t0):
        return True  # "Приедет ли Ким в Москву?", "не сказал, посетит ли Путин КНДР": a question, direct or reported
    question = any(form == "?" and index > t0 for index, form in enumerate(sentence.forms))
    return question and any(match.last <= t0 for match in cues.in_clause("speculation", t0))


def _speculative(doc: Document, headline: Sentence, cues: SentenceCues) -> bool:
    """Whether the headline asks a yes/no question ("Приедет ли Ким Чен Ын в Москву?", "Could Russia
    send troops…?"): the body weighs it, and what it says about plans or guests is no news."""
    question = "?" in headline.forms
    asks = bool(cues.found["question_particle"] or cues.found["speculation"])
    return question and asks and not _answered(doc, headline, cues)


def _answered(doc: Document, sentence: Sentence, cues: SentenceCues) -> bool:
    """Whether an ``affirmative`` answer follows a question in ``sentence``: after its "?" or its question
    particle ("Отвечая на вопрос, поможет ли Россия…, Путин сказал: «Поэтому мы сюда и приехали»"), or
    within ``ANSWER_REACH`` words of the next sentence, after a "?" ("Is North Korea arming Russia?
    Evidence says yes"). The question then reports the deed it asks about."""
    asked = [index for index, form in enumerate(sentence.forms) if form == "?"]
    asked += [m.first for m in cues.found["question_particle"]]
    if not asked:
        return False
    if any(m.first > min(asked) for m in cues.found["affirmative"]):
        return True
    following = doc.sentences[sentence.index + 1] if sentence.index + 1 < len(doc.sentences) else None
    if following is None or sentence.forms[-1] != "?":
        return False
    return bool(cues.profile.cue("affirmative").find(following.forms[:ANSWER_REACH]))


def _negated(cues: SentenceCues, index: int, window: int = NEGATION_WINDOW) -> bool:
    """A negation right before token ``index`` that is not part of a modal ("n'exclut pas de")."""
    modals = cues.found["modal_before"]
    return any(
        not any(m.first <= n.first < m.last for m in modals) for n in cues.near("negation", index - window, index)
    )


def _denied_phrase(sentence: Sentence, cues: SentenceCues, t0: int) -> bool:
    """A negative determiner opening the trigger's noun phrase, a few words before it and no name,
    number or punctuation between: "no new military pact", "aucun nouvel accord", "никакого нового договора"."""
    return any(
        all(form.isalpha() for form in sentence.forms[m.last : t0])
        and not any(m.last <= other.first < t0 for other in sentence.mentions)
        for m in cues.near("negative_determiner", t0 - NEGATION_WINDOW, t0)
    )


def _negated_after(cues: SentenceCues, t1: int) -> bool:
    """A negated "planned"/"will take place" after a trigger that is its own action, in its clause:
    "визит Путина в КНДР пока не планируется", "визит главы МИД КНДР в Москву не состоится"."""
    return any(
        m.first >= t1
        and cues.clause[m.first] == cues.clause[t1 - 1]
        and cues.gap(t1, m.first) < HYPOTHETICAL_WINDOW
        and _negated(cues, m.first, window=2)
        for m in cues.found["modal_after"]
    )


def _pending(
    sentence: Sentence, cues: SentenceCues, a0: int, a1: int, answered: bool = False, tribute: bool = False
) -> bool:
    """A modal before, a "planned"/"expected" after, a future/conditional verb, an action word whose own
    form is never a deed (a Russian infinitive: "пригласил Кима посетить Москву"), or a question not
    ``answered`` yes. A ``tribute`` (an acknowledgement of the deed: a memorial, thanks) is planned only by
    a modal on its own verb, at most one word before it ("will thank", "va rendre hommage"): in "vont
    ériger un monument en hommage aux soldats", "a monument to the soldiers will be built", what is ahead
    is the memorial, not the deed it honours."""
    if ("?" in sentence.forms and not answered) or cues.near("future_forms", a0, a1):
        return True  # "enverra", "déploieraient": futures the tagger misses; a question not answered yes
    # names do not count, as for the modals it covers: « rend compte à Poutine de l'essai »
    realis = [
        r
        for r in cues.found["realis"]
        if r.first < a0 and (r.last > a0 - MODAL_WINDOW or cues.gap(r.last, a0) < MODAL_WINDOW)
    ]
    own = sentence.tag(a0).split("|")
    realis = realis + cues.near("remembrance", a0, a0 + 1)
    if not realis and any(feature in own for feature in cues.profile.pipeline.pending_self):
        return True
    # names do not count before it either: "ожидают Ким Чен Ына с визитом" (Kim is awaited)
    modals = [
        m
        for m in cues.found["modal_before"]
        if m.first < a0 and (m.last > a0 - MODAL_WINDOW or cues.gap(m.last, a0) < MODAL_WINDOW)
    ]
    # "pour lancer", "to launch": an infinitive of purpose; "pour le lancement" names the deed itself
    if not sentence.tag(a0).startswith("NOUN|"):
        modals += [m for m in cues.found["modal_adjacent"] if 0 <= a0 - m.last <= 1]
    elif cues.profile.code not in ARTICLELESS:
        # « soumis pour ratification »: a bare noun right after it is the purpose, as "for" is in English
        # (not «применили ракеты для удара по Киеву»: the strike was made)
        modals += [m for m in cues.found["modal_adjacent"] if a0 == m.last]
    if _purpose_after_noun(sentence, cues, a0):
        return True
    if tribute:
        modals = [m for m in modals if a0 - m.last <= 1]
    if any(not any(r.first <= m.first < r.last for r in realis) for m in modals):
        return True
    # names do not count: "signing of the treaty between Russia and North Korea is scheduled…"
    if not tribute and any(m.first >= a1 and cues.gap(a1, m.first) < MODAL_WINDOW for m in cues.found["modal_after"]):
        return True
    reported = {i for r in cues.near("realis", a0 - MODAL_WINDOW, a1) for i in range(r.first, r.last)}
    # «никогда не забудет их подвиг»: a promise to remember looks back at the deed; its future is no plan
    reported |= {i for r in cues.near("remembrance", a0, a1) for i in range(r.first, r.last)}
    # "aurait fourni": the French conditional of reported speech tells a past deed, not a plan
    start = a0 - 1 if tribute else a0 - MODAL_WINDOW  # « érigera un monument en hommage »: the memorial's future
    return any(f and i not in reported for i, f in enumerate(sentence.future[:a1]) if i >= start)


def _noun_action_ahead(sentence: Sentence, cues: SentenceCues, action: Match[StageCue], t0: int, t1: int) -> bool:
    """A deed told as a noun before the trigger it governs, with a ``modal_after`` cue right after the
    trigger in its clause: the whole phrase is still ahead (« le lancement de la fusée Angara à nouveau
    reporté », «пуск ракеты «Ангара» снова перенесли»); a verb (« a tiré des missiles avant les
    manœuvres de la semaine prochaine ») keeps its own tense. Tagged languages only: English runs untagged."""
    if action.last > t0 or not sentence.tag(action.first).startswith("NOUN|"):
        return False
    if cues.segment[action.first] != cues.segment[t0]:
        return False
    return any(
        m.first >= t1
        and cues.clause[m.first] == cues.clause[t0]
        # the weapon's own name and adverbs do not count: « fusée Angara-A5 à nouveau reporté », «снова перенесли»
        and cues.gap(t1, m.first) - sum(sentence.tag(i).startswith(("ADV", "PROPN")) for i in range(t1, m.first))
        < MODAL_WINDOW
        for m in cues.found["modal_after"]
    )


def _purpose_after_noun(sentence: Sentence, cues: SentenceCues, a0: int) -> bool:
    """An infinitive action right after a ``purpose_after_noun`` cue (no word between: « a fait décoller » is
    the auxiliary) that itself follows a noun: what is
    still to be done (« trois satellites à lancer en 2024 »), not a verb's complement (« a commencé à tirer »)."""
    if "VerbForm=Inf" not in sentence.tag(a0).split("|"):
        return False
    return any(
        m.last == a0
        and m.first > 0
        and sentence.tag(m.first - 1).startswith(("NOUN|", "ADJ|"))
        # a name before « à » is the verb's object: « aide la Corée du Nord à produire des missiles »
        and not any(n.first < m.first <= n.last for n in sentence.mentions)
        for m in cues.found["purpose_after_noun"]
    )


def pending_headline(doc: Document, event_type: EventType, profile: LanguageProfile) -> str | None:
    """The pending stage of ``event_type`` when the headline tells its deed only under a modal or
    future ("Russia may hand North Korea jets", "Moscou pourrait céder des avions"): every action cue
    of the type there is pending. None when the headline has none, or one that is not."""
    if not doc.sentences or len(event_type.pending_stages) != 1:
        return None
    headline = doc.sentences[0]
    cues = SentenceCues(headline, profile)
    actions = event_type.find_cues(doc.lang, headline.forms, headline.lemmas)
    answered = _answered(doc, headline, cues)
    if not actions or not all(_pending(headline, cues, a.first, a.last, answered) for a in actions):
        return None
    return next(iter(event_type.pending_stages))


TIMELINE = frozenset({"timeline", "chronologie", "хронология", "хроника", "factbox", "reperes"})


def _timeline(headline: Sentence) -> bool:
    """Whether the headline announces a timeline (a list of past events), not an anniversary story."""
    return any(form in TIMELINE for form in headline.forms)


def _dedupe(findings: list[Finding], types: Sequence[EventType]) -> list[Finding]:
    """Keep, per (type, actors), the finding from the earliest sentence; ties go to the most advanced.
    A party's acknowledgement in any sentence confirms the deed an earlier one reports ("Kim embraces
    families of soldiers killed in Kursk" + "…awarded them posthumous titles"): the earliest finding
    keeps its trigger and direction and takes the type's ``confirmed_stage``; a plan stays a plan, unless it
    was told as a decision taken ("Kim decided to send troops to liberate Kursk" + "KCNA confirmed their
    part in the fighting")."""
    confirmed = {t.name: t for t in types if t.confirmed_stage is not None}
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
    for finding in findings:
        key = (finding.type, finding.actors)
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
        kept.append(finding)
    return kept
