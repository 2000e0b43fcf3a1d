"""Arms exchanges and messengers: who gives to whom in a deal, and what is no deal of the pair.

An agent word after a receiving action names the user ("shells fired *by* Russia"); a third state
that gives or receives makes it another pair's deal ("Russia supplied Iran with jets"); a deed a
deal pays for is its occasion ("in exchange for troops"); a verb with its own object before the
weapon is a messenger's ("sent letters seeking ammunition"); a plan both sides make orients by its
subject ("negotiate the purchase"); a weapon that names a person's field is no weapon sent
("операторы беспилотников").
"""

from __future__ import annotations

from process.attribution import sources
from process.cues import LIST_WORDS, SentenceCues
from process.direction import counterpart
from process.document import Document, Sentence
from process.events import EventType, StageCue
from process.lexicon import Match
from process.parties import target
from process.phrase import place_phrase


def receiving_agents(
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
EXCHANGE_REACH = 4  # words (names aside) between an exchange cue and the deed it pays for


def negotiated(cues: SentenceCues, a0: int, topical: bool, receive: bool) -> tuple[int, bool] | None:
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


def messenger_actions(
    sentence: Sentence, cues: SentenceCues, nearby: list[Match[StageCue]], t0: int
) -> list[Match[StageCue]]:
    """The actions before the trigger at ``t0`` that send someone or something else: another action of
    the type stands between them and the trigger in their clause, and a word that is neither a name nor a
    list word (nor an adjective or determiner of the nearer deed, a preposition or a place) follows them
    before it, their own object ("sent *letters* seeking ammunition", "направила в КНДР *делегацию*, чтобы
    договориться о закупке"; not "bought and fired North Korean shells", "добивается от Пхеньяна новых
    поставок", « négocier à Vladivostok la vente »)."""
    named = {i for m in sentence.mentions for i in range(m.first, m.last)}
    found = []
    for action in nearby:
        # a production word names what the object is for, not a deed of its own ("передать технологию
        # *производства* беспилотников": the know-how to make them is what is handed over)
        made = {(m.first, m.last) for m in cues.found["production"]}
        nearer = [
            b
            for b in nearby
            if action.last < b.first
            and b.last <= t0
            and cues.clause[b.first] == cues.clause[action.first]
            and (b.first, b.last) not in made
        ]
        if not nearer:
            continue
        end = min(b.first for b in nearer)
        between = range(action.last, end)
        # an adjective or a determiner belongs to the nearer deed and a preposition governs a name: none is an
        # object of its own ("добивается *от* Пхеньяна *новых* поставок"); nor is a place the verb is
        # done in (« négocier *à Vladivostok* la vente »)
        placed = max((i for i in between if place_phrase(sentence, cues, action.last, i + 1)), default=None)
        if any(
            i not in named
            and (placed is None or i > placed)
            and sentence.forms[i].isalpha()
            and sentence.forms[i] not in LIST_WORDS
            and sentence.tag(i).split("|")[0] not in ("ADJ", "ADP", "DET")
            for i in between
        ):
            found.append(action)
    return found


def exchanged(sentence: Sentence, cues: SentenceCues, actions: list[Match[StageCue]], t0: int) -> bool:
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


def weapon_skill(sentence: Sentence, t0: int) -> bool:
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


def _words(sentence: Sentence, first: int, last: int) -> int:
    """How many words (not quotes or other punctuation) tokens ``[first, last)`` hold: a quoted name after a
    weapon («ракетные комплексы «Искандер» в Белоруссию») is one word between it and its recipient."""
    return sum(any(c.isalnum() for c in form) for form in sentence.forms[first:last])


def third_counterpart(
    sentence: Sentence,
    cues: SentenceCues,
    event_type: EventType,
    trigger: tuple[int, int],
    action: tuple[int, int],
    receive: bool,
    passive: frozenset[int],
    acknowledged: bool = False,
) -> bool:
    """Whether a third state gives or receives in a directed event, in the comma segment of its trigger
    or action ("Россия поставила *Ирану* истребители", "drones *iraniens* livrés à la Russie"): the
    event is between it and the party, and no other clause or sentence completes a watched pair. A
    front of the event (Ukraine, where the weapons hit or the troops fight), a speaker and a country
    named as a circumstance are no counterparts, nor one more than ``COUNTERPART_GAP`` words from the
    trigger and the action ("a captured North Korean soldier … wants to go to South Korea"). When the
    action is an acknowledgement (``acknowledged``) before the trigger, a country after a place preposition
    before it in its segment is where it was made ("Путин в Пекине поблагодарил Кима за бойцов"), not who
    gives or receives."""
    segments = {cues.segment[trigger[0]], cues.segment[action[0]]}
    speakers = set(sources(sentence, cues))
    places = {m.last for m in cues.found["place_before"]} if acknowledged else set()
    return any(
        not m.watched
        and m.entity not in (event_type.fronts or {})
        and m not in speakers
        and not (
            m.first in places and m.last <= action[0] < trigger[0] and cues.segment[m.first] == cues.segment[action[0]]
        )
        and cues.segment[m.first] in segments
        and any(
            _words(sentence, end, m.first) <= COUNTERPART_GAP >= _words(sentence, m.last, start)
            for start, end in (trigger, action)
        )
        and not cues.in_context(m.first)
        and not target(sentence, cues, m)
        and counterpart(sentence, cues, m, trigger, action, receive, passive)
        for m in sentence.mentions
    )
