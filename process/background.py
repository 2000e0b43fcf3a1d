"""Is the deed old news, or still ahead: what the dates around the trigger or the action say.

The trigger is context ("under the treaty", "the 1961 treaty", « le traité de 2000 »), or the action
is old: a year before the article's, a time cue ("five years ago"), "after"/"since" ("a month after
Putin and Kim signed", unless a day's lapse tells the same story), an opening adverbial that dates
the clause ("En 2017, …"), or a month two months or more before the article's ("signed in June" in
a December item). A day after the article's dates a deed still ahead ("sets April 8 launch" on March 20).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from process.attribution import sources
from process.cues import DETERMINERS, SentenceCues
from process.document import Document, Sentence
from process.events import StageCue
from process.lexicon import Match
from process.modality import (
    MODAL_WINDOW,
    pending_action,
)
from process.phrase import (
    TRIGGER_WINDOW,
)
from process.text import year_of
from process.trips import POSSESSIVE, dateline

LEAD_GAP = 3  # words (names aside) between "after"/"since" and the action it makes background
CHAIN_GAP = 6  # words (names aside) from a deed a lead governs to a later one of its phrase ("de la loi ratifiant")
SINCE_REACH = 2  # tokens between a `first_since` cue and the year of the last time ("впервые с мая 2018")
PRODUCTION_REACH = 2  # tokens between a year and the production word that makes it the weapon's date
OPENING_WORDS = 6  # longest opening adverbial whose time cue dates the whole clause ("Il y a vingt-cinq ans,")
RECENT_DAYS = 7  # days a deed of the month before stays news: named alone, or by its day in a qualifying participle
MONTH_REACH = 6  # words (names aside) between an action and the month that dates it ("signed the pact in June")
AHEAD_DAYS = 92  # farthest day ahead a date without its year names; a day farther on names last year's
OCCASION_GAP = 2  # words (names aside) between an occasion lead and its trip ("во время первого визита")
TIME_OPENING = 1  # a headline's time cue starting at or before this token dates the whole headline


def _old_year(doc: Document, sentence: Sentence, cues: SentenceCues, start: int, end: int) -> bool:
    """Whether a year before the article's own year sits in tokens ``[start, end)``. A year next to a
    production word dates the weapon, not the action ("2023 factory marks", "2023 года выпуска"), and one
    at most ``SINCE_REACH`` tokens after a ``first_since`` cue the last time before the deed ("впервые с мая
    2018 года")."""
    if doc.year is None:
        return False
    return any(
        (year := year_of(sentence.forms[index])) is not None
        and year < doc.year
        and not any(
            cues.segment[m.first] == cues.segment[index]
            for m in cues.near("production", index - PRODUCTION_REACH, index + PRODUCTION_REACH + 1)
        )
        and not any(0 <= index - m.last <= SINCE_REACH for m in cues.found["first_since"])
        for index in range(max(start, 0), min(end, len(sentence.forms)))
    )


def trigger_is_background(
    doc: Document,
    sentence: Sentence,
    cues: SentenceCues,
    actions: list[Match[StageCue]],
    t0: int,
    t1: int,
    goods: bool = False,
) -> bool:
    """ "Under the treaty", "the 1961 treaty", "le traité de 2000": the trigger names old news. A
    background phrase inside an action does not count ("вступил *в силу* договор": not "by virtue of").
    An attributive participle before the trigger is part of its noun phrase, so the phrase may stand
    before it ("в рамках *вступившего в силу* договора", "согласно подписанному в июне договору").
    ``goods``: the trigger names things handed over (weapons), whose age says nothing of the deed's: a
    phrase right before it is their vintage ("*Soviet-era* fighter jets", "*old* shells")."""
    inside = {i for action in actions for i in range(action.first, action.last)}
    if goods:  # a phrase ending in an article governs the trigger ("since the shells…"): still background
        inside |= {
            i
            for m in cues.found["background_before"]
            if m.last == t0 and sentence.forms[m.last - 1] not in DETERMINERS
            for i in range(m.first, m.last)
        }
    start = min(
        (a.first for a in actions if t0 - TRIGGER_WINDOW <= a.last <= t0 and _attributive(sentence, a.first)),
        default=t0,
    )
    # "depuis l'été": a span that runs to the day of the news dates a deed still going on, no old one
    ongoing = {m.first for m in cues.found["ongoing_span"]}
    if any(
        m.first not in inside and m.first not in ongoing
        for m in cues.near("background_before", start - TRIGGER_WINDOW, t0 + 1)
    ):
        return True
    return _old_year(doc, sentence, cues, t0 - TRIGGER_WINDOW, t1 + TRIGGER_WINDOW)


def _qualifying(sentence: Sentence, index: int) -> bool:
    """Whether token ``index`` is a participle that qualifies a noun rather than tells the clause's deed: a
    full participle («договор, *подписанный* 19 июня»), or one neither short nor after an auxiliary
    (« l'accord *signé* le 20 mai »; not « a été signé », «был подписан», «договор подписан»)."""
    features = sentence.tag(index).split("|")
    if "VerbForm=Part" not in features:
        return False
    short = any(f.startswith("Variant=Short") for f in features)
    return _attributive(sentence, index) or not (short or sentence.tag(index - 1).startswith("AUX|"))


def _attributive(sentence: Sentence, index: int) -> bool:
    """Whether token ``index`` is a full participle, which agrees with a noun in case ("вступившего",
    "подписанному"): an attribute of that noun, not the verb of its clause."""
    features = sentence.tag(index).split("|")
    return "VerbForm=Part" in features and any(f.startswith("Case=") for f in features)


def action_is_background(
    doc: Document,
    sentence: Sentence,
    cues: SentenceCues,
    a0: int,
    a1: int,
    story: Sequence[Match[StageCue]] = (),
    trigger: tuple[int, int] | None = None,
    claimed: bool = False,
) -> bool:
    """The action is past relative to the news: an old date or a time cue in its segment, or it is
    introduced by "after"/"since" ("a month after Putin and Kim signed", "depuis la signature") — unless
    the lapse is a day or less and the clause around it tells the same story (``_same_story``: one of
    ``story``, the type's actions in the sentence, outside the lead). A date past a participle that
    qualifies ``trigger`` after the action dates that participle, not the action (``_qualifier``).
    A ``claimed`` deed (a headline's deed that a source reports: "N. Korea shipped mortars to Russia last
    year: NIS", « la Corée du Nord a livré des missiles à la Russie l'an dernier, selon Kiev ») is news
    however long ago a time cue puts it: the claim is new."""
    segment = cues.segment[a0]
    qualifier = _qualifier(sentence, cues, story, a1, trigger)
    # "недавно испытанные ракеты предназначены…": the weapons described by a deed already done (a
    # participle the tagger may read as an adjective)
    attribute = _attributive(sentence, a0) or sentence.tag(a0).startswith("ADJ|")
    if attribute and any(m.last == a0 for m in cues.found["recently"]):
        return True
    for match in cues.governing("background_lead", a0, LEAD_GAP):
        if not _same_story(sentence, cues, match, story):
            return True
    # the phrase a lead governs goes on past its first deed: "quelques jours après la promulgation par Poutine
    # de la loi ratifiant le traité" recalls the ratification as much as the promulgation
    for earlier in story:
        if (
            earlier.last <= a0
            and cues.segment[earlier.first] == segment
            and cues.gap(earlier.last, a0) <= CHAIN_GAP
            and any(
                not _same_story(sentence, cues, match, story)
                for match in cues.governing("background_lead", earlier.first, LEAD_GAP)
            )
        ):
            return True
    circumstances = {i for m in cues.found["context"] for i in range(m.first, m.last)}
    for match in cues.found["background_time"]:
        if claimed:
            break  # the source's claim, not the deed's time, is the news
        if match.first in circumstances:
            continue  # "à la veille d'une visite": the eve of another event, not an earlier one
        if qualifier is not None and match.first >= qualifier:
            continue  # "a ratifié mercredi l'accord signé l'an dernier": the signing is last year's
        if cues.segment[match.first] == segment or abs(match.first - a0) <= MODAL_WINDOW:
            return True
        if in_opening(cues, match.first) and cues.clause[match.first] == cues.clause[a0]:
            return True  # "Five years ago, North Korea tested…", "Il y a dix ans, Pyongyang testait…"
    if segment != 0 and cues.clause[0] == cues.clause[a0] and dated_opening(doc, sentence, cues):
        return True  # "En 2017, Pyongyang avait tiré…": the opening adverbial dates the clause
    span = [i for i, s in enumerate(cues.segment) if s == segment]
    end = span[-1] + 1 if qualifier is None else min(span[-1] + 1, qualifier)
    return _old_year(doc, sentence, cues, span[0], end) or _old_year(
        doc, sentence, cues, a1, min(a1 + MODAL_WINDOW, end)
    )


def _qualifier(
    sentence: Sentence,
    cues: SentenceCues,
    story: Sequence[Match[StageCue]],
    a1: int,
    trigger: tuple[int, int] | None,
) -> int | None:
    """Where the first action of ``story`` that qualifies ``trigger`` starts, when the trigger stands
    between the action ending at ``a1`` and it, in one segment: a participle (``_qualifying``; untagged,
    one right after the trigger) of the text the action is done to, "ratified on Wednesday the agreement
    *signed* last year", « a ratifié mercredi l'accord … *signé* l'an dernier ». What dates it tells the
    text's history, not the action's time. Coordinated deeds share their date ("signed and ratified the
    treaty last year": no trigger between them)."""
    if trigger is None or trigger[0] < a1:
        return None
    t0, t1 = trigger
    return min(
        (
            o.first
            for o in story
            if o.first >= t1
            and cues.segment[o.first] == cues.segment[a1 - 1] == cues.segment[t0]
            and (_qualifying(sentence, o.first) or (not sentence.tag(o.first) and o.first == t1))
        ),
        default=None,
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


def other_month(
    doc: Document, sentence: Sentence, cues: SentenceCues, a0: int, a1: int, actions: list[Match[StageCue]]
) -> bool:
    """Whether the deed at ``[a0, a1)`` is dated two months or more before the article's month and is no
    plan, so done in an earlier month of its year or a later one of the year before: "the treaty Putin
    and Kim signed in June" in a December item, "ratifié en novembre" in January are recalled (for types
    whose deeds are news when they happen: ``dated_news``). The month before the article's is still news
    when told by its day (a deed of the 30th reported on the 1st; told by a participle that qualifies its
    noun, only a day at most ``RECENT_DAYS`` days old: not «договор, подписанный 19 июня» on July 1) or in
    the article's first ``RECENT_DAYS`` days; named alone later in the month it is more than a week old, so
    recalled ("во время июльской поездки" on August 30; ``_last_month_recent``). The date sits in the
    action's comma segment, at most ``MONTH_REACH`` words after it or ``MODAL_WINDOW`` before it, names not
    counted; a month is a date after a place word, next to a number or as an adjective ("in June", "en
    juin", "в июне", "June 19", "le 19 juin", «июльской»; not the verb "may"); a year after it other than
    the article's is left to the year rules, and a day ahead of the article's is a plan's (``dated_ahead``).
    A month dates the nearest of ``actions`` before it, else the one after it: "the treaty signed in June
    entered into force on Wednesday" recalls the signing, not the entry into force. A trip told as the
    occasion of the deed before it shares that deed's month (``_occasion_host``)."""
    if doc.month is None or doc.year is None:
        return False
    forms = sentence.forms
    places = {m.last for m in cues.found["place_before"]}
    adjectives = {m.first for m in cues.found["month_adjective"]}
    host = _occasion_host(sentence, cues, a0)
    for month in cues.profile.months.find(forms):
        i = month.first
        numbered = _number(forms, i - 1) or _number(forms, month.last)
        lapse = (doc.month - month.payload) % 12
        hosted = cues.segment[i] == host  # the month dates the deed whose occasion the action is
        if (
            lapse == 0
            or (lapse == 1 and _last_month_recent(doc, forms, month, numbered, _qualifying(sentence, a0)))
            or not (hosted or _dates_deed(cues, month, a0, a1, actions))
        ):
            continue
        if _day_ahead(doc, forms, month):
            continue  # "the July 3 signing" in a June item is ahead, not last July's
        if not (i in places or i in adjectives or numbered):
            continue
        years = [y for f in forms[month.last : month.last + 3] if (y := year_of(f)) is not None]
        if years and years[0] != doc.year:
            continue
        return hosted or not pending_action(sentence, cues, a0, a1)
    return False


def _last_month_recent(doc: Document, forms: Sequence[str], month: Match[int], numbered: bool, qualifier: bool) -> bool:
    """Whether ``month``, the one before the article's, names a time still news: any time when a number
    goes with it (a day, a year: "Глава МИД КНДР 30 марта побывала в Москве" reports the trip), else only
    in the article's first ``RECENT_DAYS`` days. A deed told by a participle that qualifies its noun
    (``qualifier``) describes the thing by its history: its day must be at most ``RECENT_DAYS`` days
    before the article's («договор, подписанный 19 июня» on July 1 is twelve days old: recalled)."""
    day = _day(forms, month.first - 1) or _day(forms, month.last)
    if qualifier and day is not None and doc.year is not None and doc.month is not None and doc.day is not None:
        when = _date(doc.year - (doc.month == 1), month.payload, day)
        return when is None or (date(doc.year, doc.month, doc.day) - when).days <= RECENT_DAYS
    return numbered or doc.day is None or doc.day <= RECENT_DAYS


def _dates_deed(cues: SentenceCues, month: Match[int], a0: int, a1: int, actions: list[Match[StageCue]]) -> bool:
    """Whether ``month`` dates the deed at ``[a0, a1)``: in its comma segment, at most ``MONTH_REACH`` words
    after it with none of ``actions`` between, or at most ``MODAL_WINDOW`` before it when no action before
    the month owns it (names not counted)."""
    i = month.first
    if cues.segment[i] != cues.segment[a0]:
        return False
    if i >= a1:
        return cues.gap(a1, i) <= MONTH_REACH and not any(a1 <= other.first and other.last <= i for other in actions)
    owned = any(other.last <= i and cues.gap(other.last, i) <= MONTH_REACH for other in actions)
    return i < a0 and cues.gap(month.last, a0) <= MODAL_WINDOW and not owned


def dated_ahead(
    doc: Document, sentence: Sentence, cues: SentenceCues, a0: int, a1: int, actions: list[Match[StageCue]]
) -> bool:
    """Whether a day after the article's dates the deed at ``[a0, a1)`` (as a month dates it: ``_dates_deed``),
    so it is still ahead: "Roscosmos sets April 8 launch" on March 20, « sera lancé le 21 juillet » on July 2,
    «визит запланирован на 11 апреля». A day and month without a year is ahead when it comes within
    ``AHEAD_DAYS`` days of the article's: "January 5" in a December item is next January's; a deed recalled
    by its day alone may be a year old ("the pact signed on June 19" in a March item), and "on March 3 North
    Korea fired" in a March 5 item is two days old; the article's own day is the news. A month named without
    its day says nothing ("signed in June" in a February item is last June's)."""
    return any(
        _day_ahead(doc, sentence.forms, month) and _dates_deed(cues, month, a0, a1, actions)
        for month in cues.profile.months.find(sentence.forms)
    )


def _day_ahead(doc: Document, forms: Sequence[str], month: Match[int]) -> bool:
    """Whether ``month`` and the number beside it name a day after the article's (``dated_ahead``)."""
    day = _day(forms, month.first - 1) or _day(forms, month.last)
    if doc.year is None or doc.month is None or doc.day is None or day is None:
        return False
    published = date(doc.year, doc.month, doc.day)
    years = [y for f in forms[month.last : month.last + 3] if (y := year_of(f)) is not None]
    if years:
        return (when := _date(years[0], month.payload, day)) is not None and when > published
    return any(
        when is not None and 0 < (when - published).days <= AHEAD_DAYS
        for when in (_date(doc.year, month.payload, day), _date(doc.year + 1, month.payload, day))
    )


def _day(forms: Sequence[str], index: int) -> int | None:
    """The day of the month token ``index`` names ("8" in "April 8", « le 21 juillet »), or None."""
    if not _number(forms, index) or not 1 <= int(forms[index]) <= 31:
        return None
    return int(forms[index])


def _date(year: int, month: int, day: int) -> date | None:
    """That day, or None when the month has no such day (February 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _occasion_host(sentence: Sentence, cues: SentenceCues, a0: int) -> int | None:
    """The comma segment of the deed whose occasion the action at ``a0`` is, or None: an ``occasion_lead``
    ("во время", "during", « lors de ») right after the comma that opens the action's segment, at most
    ``OCCASION_GAP`` words (names aside) before it, in the clause of the segment before, which tells no plan
    (no modal, future or infinitive): "Документ был подписан в Пхеньяне в июне, во время государственного
    визита" — the visit was in June too; "will be signed in June, during the visit" dates a plan."""
    segment = cues.segment[a0]
    lead = next(
        (
            m
            for m in cues.found["occasion_lead"]
            if m.first >= 2
            and cues.segment[m.first] == segment
            and sentence.forms[m.first - 1] in {",", "—", "-"}
            and cues.clause[m.first - 2] == cues.clause[a0]
            and m.last <= a0
            and cues.gap(m.last, a0) <= OCCASION_GAP
        ),
        None,
    )
    if lead is None:
        return None
    host = cues.segment[lead.first - 2]
    pending = set(cues.profile.pipeline.pending_self) | set(cues.profile.pipeline.pending_morph)
    planned = any(cues.segment[m.first] == host for kind in ("modal_before", "future_forms") for m in cues.found[kind])
    if planned or any(pending & set(sentence.tag(i).split("|")) for i, s in enumerate(cues.segment) if s == host):
        return None
    return host


def trip_since(sentence: Sentence, cues: SentenceCues, t0: int) -> bool:
    """Whether the trip noun at ``t0`` is what an ``after_lead`` ("после", "after", « après ») right before it
    governs (a word, no name, at most between) in a clause whose finite verbs after the noun are all in the
    present: «после визита Ким Чен Ына на Тихоокеанский флот Пхеньян проявляет интерес» reads "since the
    visit", a state the trip opened and that still holds; the trip is known, not news. A past or future verb
    after it tells a deed the trip dates («после визита Путин подписал», «после визита Пхеньян отправит»).
    Headlines tell past deeds in the present and are left out."""
    if sentence.index == 0:
        return False
    named = {i for m in sentence.mentions for i in range(m.first, m.last)}
    if not any(
        0 <= t0 - m.last <= 1 and not any(i in named for i in range(m.last, t0)) for m in cues.found["after_lead"]
    ):
        return False
    tenses = [
        features
        for i in range(t0 + 1, len(sentence.forms))
        if cues.clause[i] == cues.clause[t0]
        and (features := sentence.tag(i).split("|"))[0] in ("VERB", "AUX")
        and "VerbForm=Fin" in features
    ]
    return bool(tenses) and all("Tense=Pres" in features for features in tenses)


def trip_dates_deed(doc: Document, sentence: Sentence, cues: SentenceCues, t0: int) -> bool:
    """Whether the trip noun at ``t0``, past the lead, is what an ``after_lead`` ("после", "after", « après »)
    right before it governs (a word, no name, at most between) after a finite verb of its clause: «…, что
    Пхеньян начал отправлять в Россию снаряды после встречи Ким Чен Ына и Путина на космодроме» — the trip
    is the known time a later deed is counted from, recalled to date it, not news. The headline and the lead
    tell a trip that is news; told first as another deed's time, further on, it is one the reader knows. A
    reporting verb is no such deed: «Об этом он рассказал журналистам после переговоров с Ким Чен Ыном в
    Пхеньяне» tells the talks' news by what was said after them.
    """
    if sentence.index < (3 if dateline(doc) else 2):  # «ПХЕНЬЯН, 19 июн — РИА Новости.» opens the lead
        return False
    named = {i for m in sentence.mentions for i in range(m.first, m.last)}
    said = {i for m in cues.found["source_after"] for i in range(m.first, m.last)}
    lead = next(
        (
            m
            for m in cues.found["after_lead"]
            if 0 <= t0 - m.last <= 1 and not any(i in named for i in range(m.last, t0))
        ),
        None,
    )
    if lead is None:
        return False
    return any(
        cues.clause[i] == cues.clause[t0]
        and (features := sentence.tag(i).split("|"))[0] in ("VERB", "AUX")
        and "VerbForm=Fin" in features
        and i not in said
        for i in range(lead.first)
    )


def trip_recalled(doc: Document, sentence: Sentence, cues: SentenceCues, trips: Sequence[Match[str]], t0: int) -> bool:
    """Whether the trip noun at ``t0``, in a sentence that dates nothing itself (no year, month or weekday),
    follows a sentence where a trip or meeting of its type (``trips``, that sentence's triggers) is dated, in
    its own comma segment, to a year before the article's: «Переговоры лидеров прошли на острове Русском 25
    апреля 2019 года» + «В экспозицию вошли снимки прибытия бронепоезда северокорейского лидера» — the
    arrival is that recalled trip's. A noun is one so tagged, or one after an article."""
    if sentence.index == 0 or not trips:
        return False
    if not (sentence.tag(t0).startswith("NOUN|") or (t0 > 0 and sentence.forms[t0 - 1] in DETERMINERS)):
        return False
    profile = cues.profile
    if (
        any(year_of(form) is not None for form in sentence.forms)
        or profile.months.find(sentence.forms)
        or profile.weekdays.find(sentence.forms)
    ):
        return False
    before = doc.sentences[sentence.index - 1]
    before_cues = SentenceCues(before, profile)
    for trip in trips:
        span = [i for i, segment in enumerate(before_cues.segment) if segment == before_cues.segment[trip.first]]
        if _old_year(doc, before, before_cues, span[0], span[-1] + 1):
            return True
    return False


def trip_qualifies(sentence: Sentence, cues: SentenceCues, t0: int) -> bool:
    """Whether the trip noun at ``t0`` is the occasion (an ``occasion_lead`` at most ``OCCASION_GAP`` words,
    names aside, before it) of a deed told in an attributive comma segment: one a participle or adjective
    opens right after its comma, or a relative word ("договорённостей, *достигнутых* в ходе визита Чвэ Сон Хи
    в Москву", "договор, *который* был подписан во время визита"). The trip says when the noun before the
    comma was made; it describes that thing and is no news of its own."""
    segment = cues.segment[t0]
    opener = next((i for i, s in enumerate(cues.segment) if s == segment and sentence.forms[i] != ","), None)
    if opener is None or opener == 0 or sentence.forms[opener - 1] != ",":
        return False
    attributive = _attributive(sentence, opener) or sentence.tag(opener).startswith("ADJ|")
    if not attributive and not any(m.first == opener for m in cues.found["relative"]):
        return False
    return any(
        cues.segment[m.first] == segment and m.last <= t0 and cues.gap(m.last, t0) <= OCCASION_GAP
        for m in cues.found["occasion_lead"]
    )


def trip_honoured(sentence: Sentence, cues: SentenceCues, t0: int) -> bool:
    """Whether the trip noun at ``t0`` is what a ``tribute_lead`` governs, only determiners, names and a possessive
    clitic between («памятный знак в честь визита Ким Чен Ира», "a plaque in honour of Kim's visit", « une stèle en
    hommage à la visite »): a memorial, a holiday or a ceremony honours a trip already made; the news is the
    tribute, not the trip. A participle is the honoured guest's own deed, not a trip honoured ("ужин в честь
    прибывшего министра", "a dinner in honour of the visiting minister"; untagged English tells it by "-ing"), and
    a noun between is what the lead governs (« en l'honneur de la ministre arrivée à Moscou »)."""
    if sentence.tag(t0).startswith("VERB|") or sentence.forms[t0].endswith("ing"):
        return False
    named = {i for m in sentence.mentions for i in range(m.first, m.last)}
    return any(
        m.last <= t0
        and cues.segment[m.first] == cues.segment[t0]
        and all(
            i in named or sentence.forms[i] in DETERMINERS or sentence.forms[i] in POSSESSIVE for i in range(m.last, t0)
        )
        for m in cues.found["tribute_lead"]
    )


def _number(forms: Sequence[str], index: int) -> bool:
    """Whether token ``index`` exists and is a number ("19" in "June 19", "le 19 juin")."""
    return 0 <= index < len(forms) and forms[index].isdigit()


def dated_opening(doc: Document, sentence: Sentence, cues: SentenceCues) -> bool:
    """Whether the sentence opens on a short adverbial set off by a comma that names a year before
    the article's ("En 2017, …", "In November 2019, …", "В 2018 году, …")."""
    if not in_opening(cues, 0):
        return False
    end = next(i for i, s in enumerate(cues.segment) if s != 0)
    return _old_year(doc, sentence, cues, 0, end)


def dated_headline(doc: Document, headline: Sentence, cues: SentenceCues) -> bool:
    """Whether the headline opens on a short date of a year before the article's, set off by a colon
    ("31 août 1998 : le jour où un Taepodong a survolé le Japon"): it looks back, the body recalls."""
    colon = next((i for i, form in enumerate(headline.forms[: OPENING_WORDS + 1]) if form == ":"), None)
    return colon is not None and _old_year(doc, headline, cues, 0, colon)


def opens_on_time(cues: SentenceCues) -> bool:
    """Whether the headline opens on a time cue, a number at most before it ("75 лет назад Ким Ир Сен
    подписал…", "Год назад…"): it looks back, and the body recalls. Further on the cue dates a deed of
    its own ("…с той же подлодки, что и пять лет назад"), not the headline."""
    return any(m.first <= TIME_OPENING for m in cues.found["background_time"])


def in_opening(cues: SentenceCues, index: int) -> bool:
    """Whether token ``index`` sits in a short opening segment set off by a comma ("Five years ago, …")."""
    if cues.segment[index] != 0:
        return False
    length = next((i for i, seg in enumerate(cues.segment) if seg != 0), None)
    return length is not None and length <= OPENING_WORDS
