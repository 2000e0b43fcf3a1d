"""Is the body the headline's story: a third country in the headline that leaves the launch the news.

A third country named in the headline usually makes the item its story (a reaction: "Seoul summons
Russian envoy…"), and the body then reports nothing. It does not when it is a place governed by a
preposition (a front where the deed happened), or, for a launch, when it reacts to the launch or acts on
its notice ("U.S. slams Russian missile test", "Japan readies interceptors after Pyongyang flags
launch period") or is only its occasion ("Missile launch greets Blinken on trip to Seoul"). A headline
that announces a timeline recaps past events. A third state or organ that only says or finds what a
watched state did ("U.S. spy agencies say Russia's bonds with … North Korea are deepening"), or reports or
judges anything (« Séoul y voit du matériel militaire »), vouches for the body's weapons claims: they stay
news, with it as claimant.
"""

from __future__ import annotations

from datetime import date

from process.attribution import SOURCE_WINDOW
from process.cues import DETERMINERS, SentenceCues
from process.document import Document, Sentence
from process.events import EventType, StageCue
from process.lexicon import Match
from process.parties import qualifies
from process.watchlist import Mention
from process.weapons import QUALIFIER_GAP, names_weapon

OCCASION_GAP = 1  # words between a headline's launch and a later third country that make the country its occasion
REACTION_GAP = 2  # words between a third country and the reaction cue that makes it react ("Japan lodges protest")
COMMENT_GAP = 2  # words between a `commented` cue and the launch it is on ("commenting on the test")
OPENING_SUBJECT = 2  # tokens before the watched state a lead opens on ("The North", « La Corée du Nord »)


def launch_is_story(
    doc: Document, headline: Sentence, cues: SentenceCues, event_type: EventType, mention: Mention
) -> bool:
    """Whether ``mention``, a third country in the headline, leaves the launch the headline names the
    item's story: the body then tells the launch as news, and the country's own deed names no launcher.
    Launches only (one-party types). The country

    - acts on a launch a watched state makes known: a time preposition (`time_before`: after, après,
      после) or a source one (`direction_from`: from, от) after it governs a watched state, with at most
      a word between, whose launch trigger or action follows ("Japan readies interceptors after Pyongyang
      flags launch period", «Японская береговая охрана получила от КНДР окно пуска»), unless the
      preposition ends a lapse longer than a day ("days after", « des semaines après »);
    - or reacts to it: a `reaction` cue at most ``REACTION_GAP`` words after it ("U.S. slams", "Japan
      lodges protest", « Tokyo proteste », «Япония выразила протест»), then a watched state and a launch
      trigger after that cue ("…'reckless' Russian anti-satellite missile test");
    - or only tells its occasion, the launch the headline opens with: it comes at least ``OCCASION_GAP``
      words after a launch trigger or action that no name precedes ("Missile launch greets Blinken on
      farewell trip to Seoul", "Defense chief sees long-range launch likely as US heads to polls"), and no
      agent or source word governs it ("missile test by South Korea", "launch from Japan": that country's
      own launch);
    - or answers a launch the lead tells as the day's news or as a plan (``_lead_tells_launch``), unless the
      headline puts it more than a day back ("show of force days after Pyongyang's ICBM flight");
    - or only qualifies a noun in an opening segment of its own before the watched state that makes the deed
      (« Au lendemain de l'escale d'un sous-marin américain, Pyongyang riposte par deux tirs »);
    - or names a passenger or payload that a watched state's rocket carries to space (``rides``), or only
      qualifies the payload of the launch the headline tells (``carried``)."""
    if event_type.min_parties != 1:
        return False
    triggers = event_type.find_triggers(doc.lang, headline.forms)
    if rides(headline, cues, triggers, mention):
        return True
    actions = event_type.find_cues(doc.lang, headline.forms, headline.lemmas)
    if actions and carried(headline, cues, triggers, mention):
        return True
    deeds = [*triggers, *actions]
    # it acts on notice of the launch
    # ...but not a lapse longer than a day ("show of force days after Pyongyang's ICBM flight"): the launch is
    # then its past occasion, and the body tells the country's own deed
    lapsed = {
        i
        for m in cues.found["background_lead"]
        if not any(r.first <= m.first < r.last for r in cues.found["recent_lead"])
        for i in range(m.first, m.last)
    }
    links = [
        m
        for kind in ("time_before", "direction_from")
        for m in cues.found[kind]
        if m.first >= mention.last and m.first not in lapsed
    ]
    if any(
        m.watched
        and link.last <= m.first
        and cues.gap(link.last, m.first) <= 1
        and any(t.first >= m.last for t in deeds)
        for link in links
        for m in headline.mentions
    ):
        return True
    # it answers the launch the lead tells as news
    # ...or as a plan, when the country is the headline's reacting subject, before any watched state ("Tokyo
    # puts destroyers on standby for North Korea's window", not "КНДР пригрозила ответом на учения США")
    awaits = not any(m.watched and m.first < mention.first for m in headline.mentions)
    if not lapsed and _lead_tells_launch(doc, cues, event_type, awaits):
        return True
    # it only qualifies a noun in an opening segment of its own, and a watched state after it makes the deed
    # ("Au lendemain de l'escale d'un sous-marin américain à Busan, Pyongyang riposte par deux tirs"): a
    # circumstance of the launch, as in the launch's own clause (``parties.resolve_single``)
    if qualifies(headline, cues, mention) and any(
        m.watched
        and cues.segment[m.first] > cues.segment[mention.first]
        and any(d.first >= m.last and cues.segment[d.first] == cues.segment[m.first] for d in deeds)
        for m in headline.mentions
    ):
        return True
    # it reacts to the launch
    reactions = [r for r in cues.found["reaction"] if mention.last <= r.first <= mention.last + REACTION_GAP]
    if reactions:
        start = reactions[0].last
        if any(m.watched and m.first >= start for m in headline.mentions) and any(t.first >= start for t in triggers):
            return True
    # it is the launch's occasion
    governing = [m for kind in ("agent", "direction_from") for m in cues.found[kind]]
    return any(
        not any(m.first < t.first for m in headline.mentions)
        and cues.gap(t.last, mention.first) >= OCCASION_GAP
        and not any(t.last <= g.first and cues.gap(g.last, mention.first) <= 1 for g in governing)
        for t in deeds
        if t.last <= mention.first
    )


def rides(headline: Sentence, cues: SentenceCues, triggers: list, mention: Mention) -> bool:
    """Whether ``mention``, a third country before a `carrier` cue, names a passenger or payload that a
    watched state's rocket after the cue carries to space ("NASA's astronaut rides Russian rocket to space
    station", «Иранский спутник отправился на орбиту на российской ракете»): the rocket's state launches,
    the passenger's or payload's does not. The headline names where it goes (a `space` cue); a third state's
    own rocket ("Japan's H3 rocket lifts off") has no carrier before it."""
    if not cues.found["space"]:
        return False
    for trigger in triggers:
        for other in headline.mentions:
            if not other.watched or not names_weapon(headline, other, (trigger.first, trigger.last), QUALIFIER_GAP, -1):
                continue
            start = min(other.first, trigger.first)
            start -= start > 0 and headline.forms[start - 1] in DETERMINERS
            if any(c.last == start and mention.last <= c.first for c in cues.found["carrier"]):
                return True
    return False


def carried(headline: Sentence, cues: SentenceCues, triggers: list, mention: Mention) -> bool:
    """Whether ``mention``, a third country, only qualifies a `payload` of the headline, right at it
    ("стартовали иранские спутники", "Russia launches two Iranian satellites", « des satellites iraniens
    mis en orbite »), and no launch trigger that is no payload: it owns what is carried, not the launch,
    whose rocket the body names. A third state's own rocket ("Iran's Simorgh rocket") keeps the launch its
    story."""
    payloads = cues.found["payload"]
    return any(names_weapon(headline, mention, (p.first, p.last), 0, -1) for p in payloads) and not any(
        names_weapon(headline, mention, (t.first, t.last), QUALIFIER_GAP, -1)
        for t in triggers
        if not any(p.first <= t.first < p.last for p in payloads)
    )


def _lead_tells_launch(doc: Document, cues: SentenceCues, event_type: EventType, awaits: bool = False) -> bool:
    """Whether the lead tells a watched state's launch as the day's news, which a headline reaction
    answers ("Kishida vows united response as missile splashes down", "Seoul suspends no-fly clause"): a
    launch trigger or action follows a watched state the lead opens on, and the first weekday after it names
    the article's day or the day before ("North Korea fired a missile on Wednesday"); or a lapse of a day
    or less governs the state ("…, hours after North Korea sent up a rocket"); or a plan of the type (an
    `announced` cue or a modal) follows the state, a launch still ahead that the reaction awaits
    (``awaits``: the reacting country is the headline's subject, before any watched state) ("…, after
    North Korea informed the coast guard it would launch a satellite"). A launch the lead dates
    days back ("in response to North Korea's test on Thursday", on a Sunday) stays the reaction's occasion."""
    if len(doc.sentences) < 2 or doc.year is None or doc.month is None or doc.day is None:
        return False
    lead = doc.sentences[1]
    lead_cues = SentenceCues(lead, cues.profile)
    if only_talked_about(doc, lead, lead_cues, event_type):
        return False  # "…criticised Putin for publicising Russia's test of the … missile": a comment, no news
    deeds = [
        *event_type.find_triggers(doc.lang, lead.forms),
        *event_type.find_cues(doc.lang, lead.forms, lead.lemmas),
    ]
    # "…, after North Korea informed the coast guard it would launch a satellite", « exhorté Pyongyang à renoncer
    # au lancement … qu'elle juge imminent »: a launch still ahead, which the reaction awaits, is news as a plan
    cues_of_lead = event_type.find_cues(doc.lang, lead.forms, lead.lemmas)
    plans = (
        [*(c for c in cues_of_lead if c.payload.stage in event_type.pending_stages), *lead_cues.found["modal_before"]]
        if awaits
        else []
    )
    published = date(doc.year, doc.month, doc.day).weekday()
    days = cues.profile.weekdays.find(lead.forms)

    def fresh(m: Mention) -> bool:  # the first weekday after the state dates its deed
        day = next((d for d in days if d.first >= m.last), None)
        return day is not None and (published - day.payload) % 7 <= 1

    return any(
        m.watched
        and any(d.first >= m.last for d in deeds)
        and (
            (fresh(m) and m.first <= OPENING_SUBJECT and not any(o.first < m.first for o in lead.mentions))
            or any(r.last <= m.first and lead_cues.gap(r.last, m.first) <= 1 for r in lead_cues.found["recent_lead"])
            or any(p.first >= m.last for p in plans)
        )
        for m in lead.mentions
    )


def comment_topic(cues: SentenceCues, action: Match[StageCue]) -> bool:
    """Whether ``action`` is what a comment is on, not a deed the sentence tells: a `commented` cue ends at most
    ``COMMENT_GAP`` words before it ("commenting on the test", «Комментируя пуск ракеты», « commentant le
    tir ») or, a speech noun, starts right after it ("Putin's missile test talk")."""
    return any(
        (c.last <= action.first and cues.gap(c.last, action.first) <= COMMENT_GAP) or c.first == action.last
        for c in cues.found["commented"]
    )


def only_talked_about(doc: Document, sentence: Sentence, cues: SentenceCues, event_type: EventType) -> bool:
    """Whether ``sentence`` names deeds of ``event_type`` only as what a comment is on (``comment_topic``):
    "Trump says Putin's missile test talk 'not appropriate'", "…criticised Putin for publicising Russia's
    test" tell no launch."""
    actions = event_type.find_cues(doc.lang, sentence.forms, sentence.lemmas)
    return bool(actions) and all(comment_topic(cues, a) for a in actions)


NO_CLAIM = ("reaction", "hypothetical", "denial", "withdrawal")


def claims(cues: SentenceCues) -> bool:
    """Whether a headline's third state can be a claimant of the deed it names, not a reactor: the headline
    neither reacts nor warns ("EU sanctions…", "US warns North Korea against any arms deal"), nor tells a
    denial or a withdrawal ("North Korean troops pulled back from Kursk front, Ukraine says"), whose body is
    then its comment, not the deed's news."""
    return not any(cues.found[kind] for kind in NO_CLAIM)


def told_from(headline: Sentence, cues: SentenceCues, speakers: list[Mention]) -> tuple[Mention, int] | None:
    """The third state or organ the headline names as saying or finding something a watched state did,
    and where its claim begins: the end of its reporting verb (or of a `briefing` verb that tells a
    listener) within ``SOURCE_WINDOW`` tokens after it, no other name between, a watched state after that
    verb ("U.S. spy agencies say Russia's wartime bonds with … North Korea are deepening", "U.S. tells
    Security Council Moscow is turning Pyongyang's missiles on Ukrainian cities"); a source's own reporting
    verb needs no watched state after it (« Kiev fait état d'une frappe sur un dépôt de munitions »). None
    when the headline reacts or warns ("EU sanctions…", "US warns North Korea against any arms deal"): the
    body is then its comment."""
    if cues.found["reaction"] or cues.found["hypothetical"]:
        return None
    starts = [m.first for m in headline.mentions]
    for mention in headline.mentions:
        if mention.watched:
            continue
        reports = cues.near("source_after", mention.last, mention.last + SOURCE_WINDOW) if mention in speakers else []
        for verb in [*cues.near("briefing", mention.last, mention.last + SOURCE_WINDOW), *reports]:
            if any(mention.last <= first < verb.first for first in starts):
                continue
            # a source's own report needs no watched state in it («Генштаб ВСУ сообщил об ударе по складу»):
            # the body tells what it reported
            if verb in reports or any(other.watched and other.first >= verb.last for other in headline.mentions):
                return mention, verb.last
    return None


def placed(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether a preposition governs ``mention``: so tagged, or a place cue of the profile right before
    it, an article aside (untagged English: "found *in* Kharkiv")."""
    if _preposition_before(sentence, cues, mention.first):
        return True
    # « dans la capitale ukrainienne »: a demonym after the noun a preposition governs
    before = mention.first - 1
    return (
        before > 0
        and sentence.adjective(mention.first)
        and sentence.tag(before).startswith("NOUN")
        and _preposition_before(sentence, cues, before)
    )


def _preposition_before(sentence: Sentence, cues: SentenceCues, first: int) -> bool:
    """Whether a preposition governs the word at token ``first``, an article aside."""
    if sentence.tag(first - 1).startswith("ADP|"):
        return True
    start = first - (first > 0 and sentence.forms[first - 1] in DETERMINERS)
    return sentence.tag(start - 1).startswith("ADP|") or any(m.last == start for m in cues.found["place_before"])


TIMELINE = frozenset({"timeline", "chronologie", "хронология", "хроника", "factbox", "reperes"})


def timeline(headline: Sentence) -> bool:
    """Whether the headline announces a timeline (a list of past events), not an anniversary story."""
    return any(form in TIMELINE for form in headline.forms)
