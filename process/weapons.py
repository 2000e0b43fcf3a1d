"""Weapons and who fired them: a weapon's maker, its owner when it was shot down, another state's
weapon, and the watched state that fired another state's weapon.

A state named as a weapon's maker ("North Korean-made", "производства КНДР") or on the weapon
("North Korean missiles") did not fire it when another state is named as its firer, the subject or
agent of the deed ("Russia fired North Korean missiles", "tirés par la Russie"): the firer launched
it, the maker supplied it (an arms transfer).
"""

from __future__ import annotations

from collections.abc import Sequence

from process.cues import DETERMINERS, SentenceCues
from process.direction import adjectival
from process.document import Sentence
from process.watchlist import Mention

QUALIFIER_GAP = 2  # words between a state and the weapon it qualifies ("Russian Kh-101 cruise missiles")
SUBJECT_GAP = 3  # words between a firer and its deed ("Russian forces fired", "российские войска 2 января нанесли")
DESIGNATION_GAP = 5  # words between a maker's adjective and its weapon ("North Korean KN-23 short-range missiles")
AGENT_GAP = 2  # words between an agent word and the firer ("par *l'armée* russe", "by Russian forces")
ENGINE_GAP = 4  # words between a test and the engine it tries ("tests a new high-thrust engine")
STRUCK_GAP = 2  # words between a struck place and its passive deed ("Poltava *military institute* hit by")
# the parts of speech of a noun phrase (and untagged pieces of hyphenated names): a clause of these alone has no verb
NOUN_PHRASE_TAGS = frozenset({"", "NOUN", "PROPN", "ADJ", "DET", "ADP", "NUM", "PUNCT", "CCONJ", "X", "SYM"})
_NOT_SUBJECT = frozenset({"Case=Dat", "Case=Loc", "Case=Ins", "Case=Acc"})
_GOVERNING = ("direction_from", "direction_to", "agent", "target")  # cue kinds that govern the name after them


def firer(
    sentence: Sentence,
    cues: SentenceCues,
    mentions: Sequence[Mention],
    weapon: tuple[int, int],
    deeds: Sequence[tuple[int, int]],
    weapons: Sequence[tuple[int, int]] = (),
) -> str | None:
    """The watched state that fired another state's ``weapon``, or None.

    Among the clause's ``mentions`` (speakers left out), exactly one watched state must be the
    firer, the subject of a deed told before the weapon ("*Russia* fired North Korean missiles",
    "*российские войска* применили ракеты, произведенные в КНДР") or its agent ("tirés *par la
    Russie*", "fired by *Russian* forces", "запущены *российскими* войсками", "применении *Россией*"),
    and every other state its maker or supplier: a maker cue ("North Korean-made", "производства
    КНДР"), a name on the weapon ("North Korean missiles", "missiles nord-coréens") or a source
    preposition ("supplied by Pyongyang", "ракеты из КНДР"), or a name on a weapon of ``weapons`` told
    after the deed, which identifies it ("выпустили две ракеты, которые эксперты опознали как KN-23").
    The maker never fired it.
    """
    if not deeds or len({m.entity for m in mentions}) < 2 or not any(m.watched for m in mentions):
        return None
    firers: set[str] = set()
    makers: set[str] = set()
    sources: set[str] = set()  # named after an origin preposition: a supplier, or where its own firer stood
    untold: set[str] = set()
    for mention in mentions:
        governed = sentence.tag(mention.first - 1).startswith("ADP|") or _preceded(sentence, cues, mention, _GOVERNING)
        if (
            maker(sentence, cues, mention)
            or (not governed and _on_weapon(sentence, cues, mention, weapon, deeds))
            or _identifies(sentence, mention, weapon, deeds, weapons)
        ):
            makers.add(mention.entity)
        elif mention.watched and (
            _deed_agent(sentence, cues, mention, weapon, deeds)
            or (not governed and _deed_subject(sentence, cues, mention, weapon, deeds))
        ):
            firers.add(mention.entity)
        elif _preceded(sentence, cues, mention, ("direction_from",)):
            sources.add(mention.entity)
        elif mention.watched:
            untold.add(mention.entity)
    # the firer's own state named again, after an origin preposition or otherwise, is where it fired from
    # ("launched by Russian forces from the Belgorod region", « depuis la région de Belgorod »); another
    # state's part untold leaves the firer unknown ("готовит для России")
    if untold - firers:
        return None
    makers |= sources - firers
    firers -= makers
    if len(firers) != 1 or not makers:
        return None
    (fired,) = firers
    return fired


def _identifies(
    sentence: Sentence,
    mention: Mention,
    weapon: tuple[int, int],
    deeds: Sequence[tuple[int, int]],
    weapons: Sequence[tuple[int, int]],
) -> bool:
    """Whether ``mention``, after ``weapon`` and every deed, names a weapon told again there: the fired
    weapon identified ("…two missiles, which experts identified as North Korean KN-23s", "ракеты
    «Искандер-М»/KN-23"), its maker's name, not a second launcher."""
    told = max(weapon[1], *(last for _, last in deeds))
    return mention.first >= told and any(
        first >= told and names_weapon(sentence, mention, (first, last), QUALIFIER_GAP, -1) for first, last in weapons
    )


def struck(cues: SentenceCues, mention: Mention, deeds: Sequence[tuple[int, int]]) -> bool:
    """Whether ``mention`` is the patient of a passive deed, or names the struck place's noun: the deed at most
    ``STRUCK_GAP`` words after it, an agent word right after the deed ("Kiev *frappée par* un missile", "Kyiv *was hit
    by* a missile", "Poltava military institute hit by twin Russian ballistic strike")."""
    return any(
        mention.last <= first
        and cues.gap(mention.last, first) <= STRUCK_GAP
        and any(agent.first == last for agent in cues.found["agent"])
        for first, last in deeds
    )


def _on_weapon(
    sentence: Sentence, cues: SentenceCues, mention: Mention, weapon: tuple[int, int], deeds: Sequence[tuple[int, int]]
) -> bool:
    """Whether ``mention`` names the weapon, no deed between: right at it or a possessive ("North Korean
    missiles", "missiles nord-coréens", "ракеты КНДР"), or an adjective before it in its segment, with the
    weapon's designation or kind between ("North Korean KN-23 short-range missiles")."""
    if all(names_weapon(sentence, mention, weapon, QUALIFIER_GAP, first) for first, _ in deeds):
        return True
    between = range(mention.last, weapon[0])
    return (
        bool(between)
        and adjectival(sentence, cues, mention)
        and cues.segment[mention.first] == cues.segment[weapon[0]]
        and cues.gap(mention.last, weapon[0]) <= DESIGNATION_GAP
        and not any(first in between for first, _ in deeds)
        and not any(other.first in between and other.entity != mention.entity for other in sentence.mentions)
    )


def _deed_subject(
    sentence: Sentence,
    cues: SentenceCues,
    mention: Mention,
    weapon: tuple[int, int],
    deeds: Sequence[tuple[int, int]],
) -> bool:
    """Whether ``mention`` is the subject of a deed told before the weapon: at most ``SUBJECT_GAP``
    words before it (an aside between commas and prepositions aside: "российские войска, по
    предварительным данным, использовали"), no other name between but in such an aside ("российские
    войска, по данным ВСУ, использовали"), in no oblique case but the genitive ("Вооруженные силы
    России нанесли удар")."""
    if set(sentence.tag(mention.last - 1).split("|")) & _NOT_SUBJECT:
        return False

    def between(other: Mention, first: int) -> bool:
        ends = {cues.segment[mention.last - 1], cues.segment[first]}
        return mention.last <= other.first < first and cues.segment[other.first] in ends

    return any(
        mention.last <= first < weapon[0]
        and cues.clause[first] == cues.clause[mention.first]
        and _words_between(sentence, cues, mention.last, first) <= SUBJECT_GAP
        and not any(between(other, first) for other in sentence.mentions)
        for first, _ in deeds
    )


def _words_between(sentence: Sentence, cues: SentenceCues, start: int, end: int) -> int:
    """Words between tokens ``start`` and ``end`` in the segments of both ends: an aside between commas,
    the punctuation and prepositions do not count ("российские войска *в ночь на четверг* выпустили")."""
    ends = {cues.segment[start - 1] if start else cues.segment[start], cues.segment[end]}
    return sum(
        1
        for i in range(start, end)
        if cues.segment[i] in ends and sentence.forms[i].isalnum() and not sentence.tag(i).startswith("ADP|")
    )


def _deed_agent(
    sentence: Sentence,
    cues: SentenceCues,
    mention: Mention,
    weapon: tuple[int, int],
    deeds: Sequence[tuple[int, int]],
) -> bool:
    """Whether ``mention`` is the agent of a deed: after an agent word right after it, at most
    ``AGENT_GAP`` words between ("tirés par l'armée russe", "fired by Russian forces"), or, in a
    language with cases, an instrumental right after it ("запущены российскими войсками",
    "применении Россией"). A participle after the weapon names its firer only as the clause's
    predicate, after an auxiliary ("the KN-23 was fired by Russian forces"), or in a strike told
    before the weapon ("Kiev frappée par un missile nord-coréen tiré par la Russie"): "les missiles
    nord-coréens tirés par la Russie gagnent en précision" weighs the weapon, it reports no launch; in a clause
    with no finite verb the participle is the predicate (« Un KN-23 parmi les missiles tirés par Moscou sur
    Mykolaïv, selon Kyiv », «Ракеты KN-23, выпущенные Россией по Харькову»: ``verbless``)."""
    clause = cues.clause[mention.first]
    for first, last in deeds:
        if last > mention.first or cues.clause[first] != clause:
            continue
        if first >= weapon[1] and not (
            any(0 <= first - aux.last <= 1 for aux in cues.found["auxiliary"])
            or any(f < weapon[0] and cues.clause[f] == clause for f, _ in deeds)
            or verbless(sentence, cues, clause, deeds)
        ):
            continue
        for agent in cues.found["agent"]:
            if last <= agent.first and cues.gap(last, agent.first) <= 1 and agent.last <= mention.first:
                between = range(agent.last, mention.first)
                if cues.gap(agent.last, mention.first) <= AGENT_GAP and not any(
                    other.first in between for other in sentence.mentions
                ):
                    return True
        tag = sentence.tag(mention.first).split("|")
        if mention.first == last and "Case=Ins" in tag and not sentence.tag(mention.first - 1).startswith("ADP|"):
            return True
    return False


def verbless(sentence: Sentence, cues: SentenceCues, clause: int, deeds: Sequence[tuple[int, int]]) -> bool:
    """Whether ``clause`` is made only of noun-phrase words but its ``deeds`` and a source's reporting verb
    (« Un KN-23 nord-coréen parmi les missiles tirés par Moscou sur Mykolaïv, selon Kyiv », «…, сообщили в
    ВСУ»): a headline told as a noun phrase, whose participle is its predicate. A verb, an auxiliary or an
    adverb (a finite verb the tagger misread: « … tirés par la Russie en Ukraine *gagnent* en précision »)
    makes it none. Only in a language the pipeline tags (an untagged sentence tells nothing either way)."""
    if not any(sentence.tag(i) for i in range(len(sentence.forms))):
        return False
    spared = {i for first, last in deeds for i in range(first, last)}
    spared |= {i for m in cues.found["source_after"] for i in range(m.first, m.last)}
    return not any(
        cues.clause[i] == clause and i not in spared and sentence.tag(i).split("|")[0] not in NOUN_PHRASE_TAGS
        for i in range(len(sentence.forms))
    )


def _preceded(sentence: Sentence, cues: SentenceCues, mention: Mention, kinds: Sequence[str]) -> bool:
    """Whether a cue of one of ``kinds`` ends right before ``mention``, an article aside ("supplied *by*
    Pyongyang", "fournis *par la* Corée du Nord", "*из* КНДР")."""
    start = mention.first
    if start > 0 and sentence.forms[start - 1] in DETERMINERS:
        start -= 1
    return any(match.last == start for kind in kinds for match in cues.found[kind])


def weapon_owner(
    sentence: Sentence, cues: SentenceCues, trigger: tuple[int, int], action: int
) -> tuple[tuple[str, ...], float] | None:
    """The launcher of an intercepted weapon: the one watched state that names or qualifies it ("Kinjal",
    "Russian Kh-101 missiles", "missiles russes", "Russia's missiles"), not its maker ("North Korean-made");
    the subject that shot it down (before ``action``) is no party. None when no single state qualifies it."""
    owners = {
        m.entity
        for m in sentence.mentions
        if m.watched and names_weapon(sentence, m, trigger, QUALIFIER_GAP, action) and not maker(sentence, cues, m)
    }
    return (tuple(owners), 0.9) if len(owners) == 1 else None


def foreign_weapon(sentence: Sentence, cues: SentenceCues, trigger: tuple[int, int]) -> bool:
    """Whether another state's name qualifies the weapon right at it and no watched state's does:
    "North Korea condemns *US* missile test", "un tir de missile *américain*" report no launch by a
    watched state. A payload's owner is not its launcher ("Russia launches two Iranian satellites")."""
    if any(m.first < trigger[1] and m.last > trigger[0] for m in cues.found["payload"]):
        return False
    qualifying = [
        m for m in sentence.mentions if names_weapon(sentence, m, trigger, 0, -1) and not maker(sentence, cues, m)
    ]
    return any(not m.watched for m in qualifying) and not any(m.watched for m in qualifying)


def names_weapon(sentence: Sentence, mention: Mention, trigger: tuple[int, int], gap: int, action: int) -> bool:
    """Whether ``mention`` names or qualifies the weapon ``trigger``: it is the trigger ("Kinjal"), sits
    at most ``gap`` words before it (a possessive aside, no other name or the ``action`` between:
    "Russian Kh-101 missiles", "Russia's missiles") or right after it ("missiles russes")."""
    t0, t1 = trigger
    if mention.first < t1 and mention.last > t0:
        return True
    if mention.last <= t0:
        between = range(mention.last, t0)
        possessive = sentence.forms[mention.last : mention.last + 1] == ("s",)
        named = {i for m in sentence.mentions for i in range(m.first, m.last)}
        return len(between) <= gap + possessive and not any(i in named or i == action for i in between)
    return mention.first == t1


def origin(sentence: Sentence, cues: SentenceCues, mention: Mention, weapon: tuple[int, int]) -> bool:
    """Whether ``mention`` names where ``weapon`` comes from: an origin preposition right after the weapon and
    right before the name, an article aside ("ракетами KN-23 *из* КНДР", "missiles *from* North Korea"); it
    says who made or supplied the weapon, as a maker cue does, not who fired it. An agent word is no origin
    ("l'usage de missiles *par* la Russie": the user)."""
    start = mention.first - (mention.first > 0 and sentence.forms[mention.first - 1] in DETERMINERS)
    agents = {(m.first, m.last) for m in cues.found["agent"]}
    return any(
        (m.first, m.last) not in agents and m.first == weapon[1] and m.last == start
        for m in cues.found["direction_from"]
    )


def maker(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether ``mention`` names a weapon's maker: a maker cue right after it ("North Korean-made") or
    right before it, an article aside ("made in North Korea", "fabriqué en Corée du Nord",
    "производства КНДР")."""
    start = mention.first - (mention.first > 0 and sentence.forms[mention.first - 1] in DETERMINERS)
    return any(m.first == mention.last or m.last == start for m in cues.found["maker"])


def tested_engine(cues: SentenceCues, a1: int) -> int | None:
    """The token where the ``engine`` a deed ending at token ``a1`` tries begins, or None: an engine word in the
    deed's comma segment at most ``ENGINE_GAP`` words (names aside) after it, its object ("teste un moteur à
    combustible solide", "tests a solid-fuel engine", «испытали твердотопливный двигатель»). An engine tested
    on the ground flies nowhere: no launch."""
    return next(
        (
            m.first
            for m in cues.found["engine"]
            if m.first >= a1 and cues.segment[m.first] == cues.segment[a1 - 1] and cues.gap(a1, m.first) <= ENGINE_GAP
        ),
        None,
    )


def engine_for(cues: SentenceCues, a1: int, t0: int) -> bool:
    """Whether the deed ending at token ``a1`` tests an engine (``tested_engine``) meant for the weapon at token
    ``t0``: a purpose word (``modal_adjacent``: for, pour, для) between the engine and the weapon, in its comma
    segment ("tests solid-fuel engine *for* new ICBM", «испытали двигатель из углеродного волокна *для* новых
    МБР"): the weapon names what the engine is for, not what was fired ("struck an engine plant with missiles"
    fired them)."""
    engine = tested_engine(cues, a1)
    return (
        engine is not None
        and engine < t0
        and cues.segment[engine] == cues.segment[t0]
        and any(engine < m.first and m.last <= t0 for m in cues.found["modal_adjacent"])
    )


def engine_powers(cues: SentenceCues, t0: int) -> bool:
    """Whether the weapon at token ``t0`` is what an engine is said to power: an ``engine`` word, then a verb that
    says it drives a vehicle (``powers``: "will power", « propulsera », «будет оснащ…»), then the weapon, in one
    clause, the verb in the weapon's comma segment ("the motor, with a thrust of 1,971 kN, *will power* the
    Hwasong-19 series and a planned Hwasong-20 ICBM"): the weapon names what the engine is for, and whatever
    plans it comes with are the weapon's making, not a launch."""
    return any(
        e.last <= p.first
        and p.last <= t0
        and cues.clause[e.first] == cues.clause[t0]
        and cues.clause[p.first] == cues.clause[t0]
        and cues.segment[p.first] == cues.segment[t0]
        for e in cues.found["engine"]
        for p in cues.found["powers"]
    )
