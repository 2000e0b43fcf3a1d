"""Who travels where: whether a visit or meeting trigger tells a state's person travelling, and between whom.

A trip needs a traveller who acts for a state (not a train, tourists or pupils, not soldiers on a
deployment), told by the trigger itself (not a document's subject, "соглашение о поездках граждан",
nor a trip noun the headline never tells); a meeting needs a place naming who came (a watched place
after a place word, or a dateline) and a guest other than the host. A trip noun's own phrase
("Putin's visit to Pyongyang", "визит Шойгу в КНДР") names both parties.
"""

from __future__ import annotations

from collections.abc import Sequence

from process.cues import DETERMINERS, SentenceCues
from process.document import Document, Sentence
from process.events import AWAIT, MEETINGS, PURPOSE, TRIGGER, EventType
from process.lexicon import Match
from process.name_shape import cyrillic
from process.phrase import (
    MODIFIERS,
    partner_between,
    qualifies_noun,
)
from process.watchlist import Mention

NEGATORS = frozenset({"не"})  # between a place and the indefinite-personal verb of its people ("В Кремле не ждут")
DATELINE_ENDS = frozenset({(",",), (".",), ("-",), ("—",), ("–",)})  # what follows a dateline's place
DATELINE_REACH = 2  # the lead's sentences a dateline places: the dateline's own and the next one


def verb_decides(
    doc: Document, sentence: Sentence, cues: SentenceCues, event_type: EventType, trigger: Match[str]
) -> bool:
    """Whether a noun trigger of a type with a default stage ("делегация", "визит") shares its comma
    segment with a verb trigger of the type that is no meeting ("Делегация … посетит КНДР"): the verb's
    tense and mood say whether the trip is made or planned, so the noun reports nothing of its own."""
    if sentence.tag(trigger.first).startswith("VERB|"):
        return False
    segment = cues.segment[trigger.first]
    return any(
        other.payload not in MEETINGS | {AWAIT, PURPOSE}
        and cues.segment[other.first] == segment
        and sentence.tag(other.first).startswith("VERB|")
        for other in event_type.find_triggers(doc.lang, sentence.forms)
        if other.first != trigger.first
    )


GUEST_REACH = 6  # most words between a reception and its guest ("received Russian Defence Minister Andrei Belousov")
ARTICLES = DETERMINERS | {"a", "an", "un", "une", "des"}  # before a guest received ("reçoit une délégation")


def guest_received(sentence: Sentence, cues: SentenceCues, t1: int) -> bool:
    """Whether a host's reception ending at token ``t1`` takes a guest as its object: a watched person's name
    ("Kim receives Sergei Shoigu"), or an official or a delegation by title ("a reçu le ministre russe de la
    Défense", "принял российскую делегацию"), with only determiners, adjectives, capitalised words, watched
    names and a place phrase ("принял в Пхеньяне министра") before it. What he receives that is no one ("a
    limousine from Putin", "Putin's letter", "Russian oil", «парад», «решение») is no visit."""
    clause = cues.clause[t1 - 1]
    guests = {m.first for m in cues.found["guests"]}
    places = {m.first: m.last for m in cues.found["place_before"]}
    mentions = {i: m for m in sentence.mentions if m.watched for i in range(m.first, m.last)}
    index = t1
    while index < len(sentence.forms) and index - t1 <= GUEST_REACH and cues.clause[index] == clause:
        if index in guests:
            return True
        mention = mentions.get(index)
        if mention is not None:
            after = sentence.forms[mention.last : mention.last + 1]
            if mention.person and not (after and after[0] in POSSESSIVE):
                return True
            index = mention.last
        elif index in places and places[index] in mentions:
            index = mentions[places[index]].last  # "принял в Кремле министра"
        elif (
            sentence.forms[index] in ARTICLES
            or sentence.forms[index] in POSSESSIVE
            or sentence.adjective(index)
            or index in sentence.titled
        ):
            index += 1
        else:
            return False
    return False


def guest_staying(sentence: Sentence, cues: SentenceCues, t0: int) -> bool:
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


def guest_present(sentence: Sentence, cues: SentenceCues, t0: int) -> bool:
    """Whether the meeting at token ``t0`` follows, with only a purpose word and articles between, a watched
    person, a place word and the other party's watched place, and no verb: "Shoigu in Pyongyang for talks
    with Kim", « Choïgou à Pyongyang pour des entretiens avec Kim », «Шойгу в Пхеньяне для переговоров». The
    guest is there; the purpose word puts the talks ahead, not the trip."""
    purpose = {i for m in cues.found["modal_adjacent"] if m.last <= t0 for i in range(m.first, m.last)}
    for place in sentence.mentions:
        if not place.watched or place.last > t0:
            continue
        word = next((p for p in cues.found["place_before"] if p.last == place.first), None)
        if word is None:
            continue
        guest = next((m for m in sentence.mentions if m.watched and m.last == word.first), None)
        if guest is None or not (guest.person or _person(sentence, guest)):
            guest = _titled_guest(sentence, cues, guest, word.first)
        if guest is None or guest.entity == place.entity:
            continue
        between = range(place.last, t0)
        if any(i in purpose for i in between) and all(
            i in purpose or sentence.forms[i] in DETERMINERS or sentence.tag(i).startswith("DET|") for i in between
        ):
            return True
    return False


def _titled_guest(sentence: Sentence, cues: SentenceCues, named: Mention | None, end: int) -> Mention | None:
    """The state of an official or a delegation by title (``guests``) that ends at token ``end``, its demonym
    right before the title ("North Korean delegation in Moscow") or right after it, ``named`` (« une délégation
    *nord-coréenne* à Moscou »); None without one."""
    if named is not None and any(g.last == named.first for g in cues.found["guests"]):
        return named
    titled = next((g for g in cues.found["guests"] if g.last == end), None)
    return next((m for m in sentence.mentions if m.watched and titled and m.last == titled.first), None)


AWAITED_REACH = 6  # most time words between a guest's awaited word and the place ("expected later this month in")


def awaited_at(sentence: Sentence, cues: SentenceCues, t1: int) -> bool:
    """Whether the awaited word ending at token ``t1`` ("expected", « attendu », «ждут») is followed by a place
    word and a watched place, a determiner at most between them, with only time words before the place word:
    the profile's ``awaited_time``, months, weekdays and digits ("Putin expected *on Tuesday* in Pyongyang",
    « Poutine attendu *mardi* à Pyongyang », «Ким Чен Ына ждут *на следующей неделе* в Москве»). What is awaited
    elsewhere ("expected to sign", "expected in June", "output expected to rise") is no guest."""
    watched = {m.first for m in sentence.mentions if m.watched}
    places = {m.first: m.last for m in (*cues.found["place_before"], *cues.found["direction_to"])}
    dated = {
        i
        for m in (
            *cues.found["awaited_time"],
            *cues.profile.months.find(sentence.forms),
            *cues.profile.weekdays.find(sentence.forms),
        )
        for i in range(m.first, m.last)
    }
    index = t1
    while index < len(sentence.forms) and index - t1 <= AWAITED_REACH:
        end = places.get(index)
        if end is not None:
            start = end + (sentence.forms[end : end + 1] in [(d,) for d in DETERMINERS])
            if start in watched:
                return True
        if not (index in dated or sentence.forms[index].isdigit()):
            return False
        index += 1
    return False


def purpose_present(sentence: Sentence, cues: SentenceCues, t0: int) -> bool:
    """Whether what a guest is there for (a ``purposes`` word at token ``t0``: "talks", « entretiens ») follows
    the guest in the other party's place (``guest_present``) in a statement: "Lavrov in Pyongyang for talks" is
    a visit held; "Kim in Moscow for talks?" asks whether he is there."""
    asked = any(
        form == "?" and index > t0 and cues.clause[index] == cues.clause[t0]
        for index, form in enumerate(sentence.forms)
    )
    return not asked and guest_present(sentence, cues, t0)


def unowned_trip(sentence: Sentence, cues: SentenceCues, trigger: Match[str], headline_tells: bool) -> bool:
    """Whether a trip noun after the headline ("the trip", « le voyage », "поездка") can only refer back to a
    trip the headline tells, and the headline tells none: its sentence names no watched entity, and the
    headline has no trigger of the type, or only a document's subject ("Moscow-Pyongyang flights resume" +
    "The trip takes eight hours": the journey of a line, no one's visit; «соглашение о поездках граждан» +
    «…для туристических групп и делегаций»), or a visit to a mission at home. A noun is one so tagged, or
    one after an article. A name after a time word past the noun is another deed's, the one that dates the
    trip ("The visit came a week after Moscow admitted…", «Визит состоялся … после того, как Пхеньян…»)."""
    t0 = trigger.first
    dated = min((m.first for m in cues.found["time_before"] if m.first > t0), default=len(sentence.forms))
    if sentence.index == 0 or trigger.payload != TRIGGER:
        return False
    if any(m.watched and m.first < dated for m in sentence.mentions):
        return False
    if not (sentence.tag(t0).startswith("NOUN|") or (t0 > 0 and sentence.forms[t0 - 1] in DETERMINERS)):
        return False
    return not headline_tells


POSSESSIVE = frozenset({"s"})  # "Putin's visit": the tokenizer leaves the clitic as a word
OF = frozenset({"of", "by", "de", "du", "d"})  # "the visit of Putin", « la visite de Poutine »


def trip_pair(sentence: Sentence, cues: SentenceCues, t0: int, t1: int) -> tuple[tuple[str, ...], float] | None:
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


def traveller_possible(doc: Document, sentence: Sentence, cues: SentenceCues, event_type: EventType, t0: int) -> bool:
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
        m.watched
        and m.last <= t0
        and free(m.first)
        and not sentence.adjective(m.last - 1)
        and not _place_genitive(sentence, m.first)
        for m in sentence.mentions
    )


def _place_genitive(sentence: Sentence, first: int) -> bool:
    """Whether the name at token ``first`` is a genitive of a noun that a preposition governs ("в порт
    *Владивостока* прибыл паром"): part of where the trip ends, not whose it is ("Самолет Путина")."""
    return (
        "Case=Gen" in sentence.tag(first).split("|")
        and sentence.tag(first - 1).startswith("NOUN|")
        and sentence.tag(first - 2).startswith("ADP|")
    )


def private_trip(doc: Document, sentence: Sentence, cues: SentenceCues, event_type: EventType, t0: int) -> bool:
    """Whether the trip is one of people who act for no state ("туристы", "школьники"): the clause of
    token ``t0`` names them as its travellers and names no watched person (an animate name: "Путин",
    "Лавров"), or a later sentence names no watched person either and the headline is such a trip
    ("Российские туристы прилетели в Вонсан" + "Группа из 60 человек отправилась на курорт Кальма").
    People named after the trigger and not as a subject are its audience, not its travellers
    ("делегация прибыла на форум студентов"), and people named before a reporting verb that precedes the
    trigger are in what the speaker says ("…приём студентов, заявил министр, находящийся с визитом…")."""
    clause = cues.clause[t0]
    # "…приём студентов из КНДР, заявил министр …, находящийся с визитом в Пхеньяне": people named in what
    # the speaker says, before the verb that introduces him, are not who travels; the speaker is
    said = [v.first for v in cues.found["source_after"] if v.first < t0]
    private = [
        m
        for m in cues.in_clause("private_persons", t0)
        if _traveller_position(sentence, m.first, t0) and not any(m.last <= v for v in said)
    ]
    if private:
        return not any(m.watched and cues.clause[m.first] == clause and _person(sentence, m) for m in sentence.mentions)
    if sentence.index == 0 or any(m.watched and _person(sentence, m) for m in sentence.mentions):
        return False
    # the headline's trip, not a meeting or a signing there ("подписали соглашение о поездках школьников"); a
    # headline with no trip of its own leaves the lead to say who went ("Группа из Хабаровска встретила Новый
    # год в Пхеньяне" + "Группа из двадцати российских туристов…")
    told = [doc.sentences[0]]
    if len(doc.sentences) > 2 and not any(
        m.payload not in MEETINGS for m in event_type.find_triggers(doc.lang, doc.sentences[0].forms)
    ):
        told.append(doc.sentences[1])
    return any(_private_told(cues, event_type, doc.lang, other) for other in told if other.index < sentence.index)


def _private_told(cues: SentenceCues, event_type: EventType, lang: str, told: Sentence) -> bool:
    """Whether sentence ``told`` names private persons as travellers of its trip (or of the sentence, with no
    trip) and no watched person."""
    trips = [m.first for m in event_type.find_triggers(lang, told.forms) if m.payload not in MEETINGS]
    first = min(trips, default=len(told.forms))
    # "Фальков: число корейских студентов … может удвоиться": with no trip in the sentence, people after its
    # colon are in what its speaker says
    said = min((i for i, form in enumerate(told.forms) if form == ":"), default=first) if not trips else first
    private = cues.profile.cue("private_persons").find(told.forms, told.lemmas)
    return any(_traveller_position(told, m.first, first) and m.first < said for m in private) and not any(
        m.watched and _person(told, m) for m in told.mentions
    )


def troop_trip(doc: Document, sentence: Sentence, cues: SentenceCues, types: Sequence[EventType], t0: int) -> bool:
    """Whether the travellers of the trip at token ``t0`` are soldiers: a trigger of a troop type (a
    directed type whose possessor does not hold it) stands in a traveller's place in its clause, as a
    noun (not "военные делегации"), and the clause names no watched person ("северокорейские военные
    прибыли в Курскую область" is a deployment; "Шойгу и военные прибыли" is a visit)."""
    clause = cues.clause[t0]
    if any(m.watched and cues.clause[m.first] == clause and _person(sentence, m) for m in sentence.mentions):
        return False
    troops = [t for t in types if t.directed and not t.possessor_holds and t.default_stage is None]
    if any(
        cues.clause[s.first] == clause
        and s.first != t0
        and _traveller_position(sentence, s.first, t0)
        and not qualifies_noun(doc, sentence, cues, s.first, s.last)
        for troop in troops
        for s in troop.find_triggers(doc.lang, sentence.forms)
    ):
        return True
    # "российские военные специалисты" + «специалисты прибыли в КНДР»: the bare noun of a troop phrase an
    # earlier sentence names takes it up again, so the travellers are those soldiers
    heads = {
        told.lemmas[i]
        for told in doc.sentences[: sentence.index]
        for troop in troops
        for s in troop.find_triggers(doc.lang, told.forms)
        if s.last - s.first > 1
        for i in range(s.first, s.last)
        if told.tag(i).startswith("NOUN|")
    }
    return any(
        lemma in heads
        and i != t0
        and cues.clause[i] == clause
        and sentence.tag(i).startswith("NOUN|")
        and _traveller_position(sentence, i, t0)
        for i, lemma in enumerate(sentence.lemmas)
    )


ENVOY_REACH = 5  # words between a meeting and the envoy it is held with ("met with North Korea's ambassador")
CONJUNCTIONS = frozenset({"and", "et", "и", "а", "or", "ou", "или"})


def envoy_met(sentence: Sentence, cues: SentenceCues, t0: int, t1: int) -> bool:
    """Whether the meeting at ``[t0, t1)`` is held with a resident envoy: an envoy after it in its clause,
    only the partner phrase between (a partner word, his state, adjectives: "встречу с послом КНДР",
    "met with North Korea's ambassador", « s'est entretenu avec l'ambassadeur nord-coréen »), no one else
    joined to him ("met Kim and the ambassador in Pyongyang"): the guest is at home, the envoy at his post."""
    clause = cues.clause[t0]
    for envoy in cues.in_clause("envoys", t0):
        words = sentence.forms[t1 : envoy.first]
        if envoy.first < t1 or cues.clause[envoy.first] != clause or len(words) > ENVOY_REACH:
            continue
        if not any(w in CONJUNCTIONS or not (w.isalnum() or w in ("'", "’", "'s", "’s")) for w in words):
            return True
    return False


def home_trip(sentence: Sentence, cues: SentenceCues, t0: int) -> bool:
    """Whether the trip at token ``t0`` takes its traveller nowhere abroad: a watched person before it in its
    clause, every watched name before it there of his state, and every watched place after it in the clause that
    state's own ("Лидер КНДР Ким Чен Ын посетил порт Расон", "Kim Jong Un visits Rason port"). A place in a segment
    a relative word opens tells of the place visited, not where the traveller goes ("…, через который идут грузы
    из Владивостока", "…, which handles cargo from Vladivostok"): a leader touring his own country is no visit. A
    name of the other state before the trip may be its traveller (« Poutine offre un dîner à la ministre
    nord-coréenne arrivée à Moscou »), and so may a person of the other state after it («Переговоры Путина с
    прибывшим во Владивосток Ким Чен Ыном»), so the trip stands."""
    clause = cues.clause[t0]
    relatives = {cues.segment[m.first] for m in cues.found["relative"] if cues.clause[m.first] == clause}
    before = [m for m in sentence.mentions if m.watched and m.last <= t0 and cues.clause[m.first] == clause]
    # "Переговоры Путина с прибывшим во Владивосток Ким Чен Ыном": a person after a participle may be who travels
    after = [
        m
        for m in sentence.mentions
        if m.watched
        and m.person
        and m.first > t0
        and cues.clause[m.first] == clause
        and cues.segment[m.first] not in relatives
    ]
    states = {m.entity for m in (*before, *after)}
    places = [
        m
        for m in sentence.mentions
        if m.watched
        and not m.person
        and m.first > t0
        and cues.clause[m.first] == clause
        and (cues.segment[m.first] == cues.segment[t0] or cues.segment[m.first] not in relatives)
    ]
    return (
        len(states) == 1 and any(m.person for m in before) and bool(places) and all(m.entity in states for m in places)
    )


def mission_visited(sentence: Sentence, cues: SentenceCues, t0: int) -> bool:
    """Whether the trip trigger at token ``t0`` (no noun) takes a diplomatic mission as the place visited,
    adjectives, a determiner or a name at most between ("Ким Чен Ын посетил российское посольство", "Kim
    visits the Russian embassy"): the visitor stays at home, and the mission's state is no destination."""
    if sentence.tag(t0).startswith("NOUN|"):
        return False
    starts = {m.first for m in cues.found["mission"]}
    named = {i for m in sentence.mentions for i in range(m.first, m.last)}
    index = t0 + 1
    while index < len(sentence.forms) and index - t0 <= MODIFIERS and index not in starts:
        if not (sentence.adjective(index) or sentence.forms[index] in DETERMINERS or index in named):
            return False
        index += 1
    return index in starts


def document_subject(
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
        (other.last == topic or partner_between(sentence, other.last, topic))
        and sentence.tag(other.last - 1).startswith("NOUN|")
        for topic in topics
        for kind in types
        if kind.default_stage is None
        for other in kind.find_triggers(doc.lang, sentence.forms)
    )


def _traveller_position(sentence: Sentence, index: int, trigger: int) -> bool:
    """Whether the word at ``index`` may be who travels: before the trigger, a nominative after it
    ("В Пхеньян прибыли российские туристы"), or a genitive right after a noun trigger, its agent, only
    adjectives between ("соглашение о поездках школьников", "о прибытии северокорейских офицеров")."""
    tags = sentence.tag(index).split("|")
    if index < trigger or "Case=Nom" in tags:
        return True
    if index > trigger and "Case=Gen" in tags and _quantified(sentence, index):
        return True  # "прибыли около трех тысяч военных": a counted subject stands in the genitive
    return (
        index > trigger
        and "Case=Gen" in tags
        and sentence.tag(trigger).startswith("NOUN|")
        and all(sentence.adjective(i) for i in range(trigger + 1, index))
    )


def _quantified(sentence: Sentence, index: int) -> bool:
    """Whether the genitive word at ``index`` is counted: a numeral right before it, or a noun of quantity
    after one, adjectives aside ("трех тысяч военных", "пятьсот военных"), abbreviated too ("5 тыс. военных")."""
    head = index - 1
    while head >= 0 and sentence.adjective(head):
        head -= 1
    abbreviated = head >= 1 and sentence.forms[head] == "."
    if abbreviated:
        head -= 1
    if not abbreviated and _number(sentence, head):
        return True
    return (abbreviated or sentence.tag(head).startswith("NOUN|")) and _number(sentence, head - 1)


def _number(sentence: Sentence, index: int) -> bool:
    """Whether the word at ``index`` is a numeral, in words or in digits."""
    return index >= 0 and (sentence.tag(index).startswith("NUM") or sentence.forms[index].isdigit())


def _person(sentence: Sentence, mention: Mention) -> bool:
    """Whether the tagger reads ``mention`` as a person (an animate name: "Путин", not "Россия")."""
    return "Animacy=Anim" in sentence.tag(mention.first).split("|")


def place_named(doc: Document, sentence: Sentence, cues: SentenceCues, t0: int) -> bool:
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
    return any(m.watched and m.first in ends and not _place_speaks(sentence, cues, m) for m in sentence.mentions) or (
        1 <= sentence.index <= DATELINE_REACH and dateline(doc)
    )


def _place_speaks(sentence: Sentence, cues: SentenceCues, place: Mention) -> bool:
    """Whether ``place`` names the people there who do what the plural verb right after it says, a negation
    at most between, its comma segment naming no subject ("В Кремле не ждут подписания соглашений на
    переговорах", "В Пхеньяне заявили…"): an indefinite-personal clause, whose doers are an organ of the place,
    not where a meeting is. A nominative (or an inanimate accusative, which shares its form) not governed by a
    preposition is a subject ("В Москве прошли переговоры")."""
    verb = place.last + (sentence.forms[place.last : place.last + 1] in [(n,) for n in NEGATORS])
    features = sentence.tag(verb).split("|")
    if features[0] != "VERB" or "Number=Plur" not in features or "VerbForm=Fin" not in features:
        return False
    segment = cues.segment[verb]
    inside = {i for m in sentence.mentions for i in range(m.first + 1, m.last)}
    for index, tag in enumerate(sentence.morph):
        parts = tag.split("|")
        if index in inside or cues.segment[index] != segment or index == place.first:
            continue
        if parts[0] not in ("NOUN", "PROPN", "PRON") or sentence.tag(index - 1).startswith("ADP|"):
            continue
        if "Case=Nom" in parts or ("Case=Acc" in parts and "Animacy=Inan" in parts):
            return False
    return True


def guest_named(sentence: Sentence, cues: SentenceCues, t0: int) -> bool:
    """Whether the clause of a meeting at token ``t0`` names its guest: a watched entity other than the
    host, the one whose place follows a place word there ("Путин и Ким Чен Ын подписали в Пхеньяне",
    "Shoigu received by Kim in Pyongyang"). A host's place alone ("Церемония прошла в Москве, документы
    подписали заместители глав ведомств двух стран") names no one who travelled. With no place in the
    clause (a dateline places it) any watched name will do. A place in the meeting's own comma segment is its
    host's, another segment's place is where something else goes ("Пхеньян пошлет в Россию саперов, заявил
    Шойгу после переговоров с Ким Чен Ыном в Пхеньяне": Shoigu came)."""
    clause = cues.clause[t0]
    ends = {m.last for m in cues.found["place_before"] if cues.clause[m.first] == clause}
    named = [m for m in sentence.mentions if m.watched and cues.clause[m.first] == clause]
    placed = [m for m in named if m.first in ends and not _place_speaks(sentence, cues, m)]
    hosts = {m.entity for m in placed}
    own = {m.entity for m in placed if cues.segment[m.first] == cues.segment[t0]}
    hosts = own or hosts
    return any(
        m.entity not in hosts
        and not _envoys_state(sentence, cues, m)
        and not _organs_state(sentence, m)
        and not _unnamed_signer(sentence, cues, t0, m)
        and not _body_signs(sentence, cues, t0, m)
        for m in named
    )


def _unnamed_signer(sentence: Sentence, cues: SentenceCues, t0: int, guest: Mention) -> bool:
    """Whether ``guest`` only says whose post a co-signer holds, while another co-signer is named by a name no
    watched person bears: a signing (``signing``) at ``t0`` whose subjects before it, joined by "and"/« et »/«и»,
    name a person in another conjunct ("Генеральный прокурор России *Игорь Краснов* и генеральный прокурор КНДР
    подписали в Москве…", « Le procureur général russe *Igor Krasnov* et son homologue nord-coréen ont signé à
    Moscou… ») and none in the guest's, nor a watched person of the guest's state anywhere in the clause. Such a
    report tells an institution signing at home (the corpus labels it no visit). Both sides named alike keep the
    visit ("Белоусов и Но Гван Чхоль", "Президент России и лидер КНДР"), and so does a watched host, a state's
    leader or minister, whose counterpart by post is his state's guest ("Председатель правительства КНДР и
    Мишустин подписали в Москве"). A name is a title-cased proper noun outside every mention that the tagger does
    not read as inanimate, so untagged English never applies the rule."""
    if guest.last > t0 or not any(m.first <= t0 < m.last for m in cues.found["signing"]):
        return False
    clause = cues.clause[t0]
    watched = [m for m in sentence.mentions if m.watched and m.person and cues.clause[m.first] == clause]
    if any(m.last <= t0 for m in watched):
        return False
    inside = {i for m in sentence.mentions for i in range(m.first, m.last)}
    names = {
        i
        for i in sentence.titled
        if i not in inside and sentence.tag(i).startswith("PROPN|") and "Animacy=Inan" not in sentence.tag(i)
    }
    conjunct = 0
    conjuncts: list[tuple[int, int]] = []  # (conjunct, token) of the words before the signing: its subjects
    for index in range(t0):
        if cues.clause[index] != clause:
            continue
        if sentence.forms[index] in CONJUNCTIONS:
            conjunct += 1
        conjuncts.append((conjunct, index))
    own = next((c for c, i in conjuncts if i == guest.first), None)
    named = {c for c, i in conjuncts if i in names}
    return own is not None and own not in named and bool(named)


def _body_signs(sentence: Sentence, cues: SentenceCues, t0: int, guest: Mention) -> bool:
    """Whether ``guest``, a subject of the signing (``signing``) at ``t0``, is a body, no person nor place: one
    Cyrillic word tagged an inanimate nominative noun that the dictionary knows as no place's name
    («*Росавиация* и Главное управление гражданской авиации КНДР подписали в Пхеньяне соглашение», «Роскосмос и
    космическое ведомство КНДР подписали в Пхеньяне…»). An agency that signs in the other party's capital names
    no official who travelled: the text is the news. A state («Россия и КНДР подписали в Пхеньяне…») and a person
    («Путин и Ким Чен Ын подписали…») keep the visit; untagged English says nothing."""
    if guest.last != guest.first + 1 or guest.last > t0 or not cyrillic(sentence.forms[guest.first]):
        return False
    if not any(m.first <= t0 < m.last for m in cues.found["signing"]):
        return False
    tags = sentence.tag(guest.first).split("|")
    if tags[0] not in ("NOUN", "PROPN") or "Animacy=Inan" not in tags or "Case=Nom" not in tags:
        return False
    from process import ru_morph  # only here: Russian alone has the tags, and loads the dictionaries

    return not ru_morph.geographic(sentence.forms[guest.first])


def _organs_state(sentence: Sentence, mention: Mention) -> bool:
    """Whether ``mention`` only says whose body an inanimate noun phrase names: it closes a chain of genitives
    whose head, a nominative, is inanimate («Главное таможенное управление *КНДР*», «Министерство связи
    *КНДР*»). Two agencies that sign in one party's place name no one who travelled; a person heading the
    chain does («Председатель правительства КНДР»). Untagged words (no animacy) say nothing."""
    index = mention.first - 1
    while index >= 0:
        tags = sentence.tag(index).split("|")
        if tags[0] not in ("NOUN", "ADJ", "PROPN"):
            return False
        if tags[0] == "NOUN" and "Case=Nom" in tags:
            return "Animacy=Inan" in tags
        if "Case=Gen" not in tags:
            return False
        index -= 1
    return False


# "Russia's ambassador", « l'ambassadeur de Russie »: the words that join an envoy to his state
ENVOY_LINKS = frozenset({"'s", "’s", "of", "de", "d", "du", "'", "’"})


def _envoys_state(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether ``mention`` only says whose envoy someone is: right before an envoy word ("*Russian* Ambassador
    Alexander Matsegora", "*Russia's* ambassador") or right after it ("посол *России*", « l'ambassadeur
    *russe* », "the ambassador *of Russia*"). The envoy is at his post: a text he signs, a meeting he attends
    in his host's capital, names no one who travelled."""
    for envoy in cues.found["envoys"]:
        before = sentence.forms[mention.last : envoy.first]
        after = sentence.forms[envoy.last : mention.first]
        if envoy.first >= mention.last and all(w in ENVOY_LINKS for w in before) and len(before) <= 1:
            return True
        if mention.first >= envoy.last and all(w in ENVOY_LINKS for w in after) and len(after) <= 1:
            return True
    return False


def dateline(doc: Document) -> bool:
    """Whether the summary opens with a dateline naming a watched place: the place in capitals, then
    a comma, a stop or a dash ("ПХЕНЬЯН, 19 июн — …", "МОСКВА. 14 октября. ИНТЕРФАКС -", "WONSAN, July 11
    (Reuters) -")."""
    if len(doc.sentences) < 2:
        return False
    lead = doc.sentences[1]
    opening = next((m for m in lead.mentions if m.first == 0), None)
    if opening is None or not opening.watched or lead.forms[opening.last : opening.last + 1] not in DATELINE_ENDS:
        return False
    written = doc.text[opening.start : opening.end]
    return written.isupper() and len(written) > 2
