"""Tributes: an acknowledgement of a deed (thanks, praise, an award, a confirmation) and who makes it.

A party's acknowledgement confirms the deed; one an outsider makes ("Kyiv thanks allies…", "Seoul
confirmed the deployment") ranks a stage below; the party thanked or decorated for it did it ("Putin
thanks Kim for sending troops").
"""

from __future__ import annotations

from process.attribution import sources
from process.cues import DETERMINERS, SentenceCues
from process.direction import adjectival
from process.document import Sentence
from process.events import EventType


def outsider_speaks(sentence: Sentence, cues: SentenceCues, index: int) -> bool:
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


def stage_below(event_type: EventType, stage: str) -> str | None:
    """The type's stage ranked right below ``stage`` ("reported" below "confirmed"), or None."""
    lower = [s for s, rank in event_type.rank.items() if rank < event_type.rank.get(stage, 0)]
    return max(lower, key=event_type.rank.__getitem__, default=None)


def honoured_party(
    sentence: Sentence, cues: SentenceCues, actors: tuple[str, ...], end: int, troops: int | None = None
) -> str | None:
    """The party named right after a party's acknowledgement (its object, an article may sit between):
    the one thanked, praised or decorated for the deed did it ("Putin thanks Kim for sending troops",
    "Путин поблагодарил КНДР за отправку военных"), whatever its case or a place after says. None when
    no noun party stands there (an adjective qualifies the troops: "praised North Korean soldiers")."""
    titled = _titled_party(sentence, cues, end, troops) if troops is not None else None
    party = acknowledged_party(sentence, cues, end) or titled
    return party if party in actors else None


TITLE_GAP = 3  # words of a title between an acknowledgement and the party it names ("the defence minister of")
OF = frozenset({"of", "de", "du", "des", "d"})  # the word that ties a title to its state ("minister of", "ministre de")


def _titled_party(sentence: Sentence, cues: SentenceCues, end: int, troops: int) -> str | None:
    """The watched party whose official is thanked or praised right after the acknowledgement ending at token
    ``end``: a title of at most ``TITLE_GAP`` words and the party as its complement ("thanked the defence
    minister *of North Korea* for…", "поблагодарил министра обороны *КНДР* за…", "a remercié le ministre de
    la Défense *de la Corée du Nord* pour…"): the official stands for the state that did the deed. A Russian
    title is nouns only; elsewhere "of"/"de" ties the party to it; what they are thanked for follows the party
    ("for", « pour », «за») and the troops (token ``troops``) come after it. None otherwise."""
    named = {i for m in sentence.mentions for i in range(m.first, m.last)}
    for mention in sentence.mentions:
        if mention.first <= end or not mention.watched or adjectival(sentence, cues, mention):
            continue
        if mention.last > troops:
            return None  # "félicite les sapeurs rentrés de Russie pour…": the troops are thanked, not an official
        between = range(end, mention.first)
        if len(between) > TITLE_GAP + 2 or any(i in named for i in between):
            return None
        forms = [sentence.forms[i] for i in between]
        if cues.profile.code == "ru":
            nouns = all(sentence.tag(i).startswith("NOUN|") for i in between)
            tag = sentence.tag(mention.last - 1)  # a genitive, or an indeclinable abbreviation ("КНДР")
            titled = nouns and 0 < len(forms) <= TITLE_GAP and ("Case=Gen" in tag or "Abbr=Yes" in tag)
        else:
            tie = next((k for k in range(len(forms) - 1, -1, -1) if forms[k] in OF), None)
            title = [f for f in forms[: tie if tie is not None else 0] if f not in DETERMINERS]
            titled = (
                tie is not None
                and all(f in DETERMINERS for f in forms[tie + 1 :])
                and 0 < len(title) <= TITLE_GAP
                and all(f.isalpha() for f in title)
            )
        # the deed follows what the official is thanked for: "…of North Korea *for* its soldiers' courage"
        cause = tuple(sentence.forms[mention.last : mention.last + 1]) in (("for",), ("pour",), ("за",))
        return mention.entity if titled and cause else None
    return None


def acknowledged_party(sentence: Sentence, cues: SentenceCues, end: int) -> str | None:
    """The watched party named as a noun right after the acknowledgement ending at token ``end`` (an
    article may sit between), or None. A name that opens on its own article is a noun phrase, whatever its
    last word ("a remercié *le dirigeant nord-coréen* pour les soldats")."""
    start = end + 1 if end < len(sentence.forms) and sentence.forms[end] in DETERMINERS else end
    for mention in sentence.mentions:
        if not mention.watched:
            continue
        if mention.first == start and not adjectival(sentence, cues, mention):
            return mention.entity
        if mention.first == end and mention.last - mention.first > 1 and sentence.forms[end] in DETERMINERS:
            return mention.entity
    return None
