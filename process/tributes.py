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


def honoured_party(sentence: Sentence, cues: SentenceCues, actors: tuple[str, ...], end: int) -> str | None:
    """The party named right after a party's acknowledgement (its object, an article may sit between):
    the one thanked, praised or decorated for the deed did it ("Putin thanks Kim for sending troops",
    "Путин поблагодарил КНДР за отправку военных"), whatever its case or a place after says. None when
    no noun party stands there (an adjective qualifies the troops: "praised North Korean soldiers")."""
    party = acknowledged_party(sentence, cues, end)
    return party if party in actors else None


def acknowledged_party(sentence: Sentence, cues: SentenceCues, end: int) -> str | None:
    """The watched party named as a noun right after the acknowledgement ending at token ``end`` (an
    article may sit between), or None."""
    start = end + 1 if end < len(sentence.forms) and sentence.forms[end] in DETERMINERS else end
    for mention in sentence.mentions:
        if mention.first == start and mention.watched and not adjectival(sentence, cues, mention):
            return mention.entity
    return None
