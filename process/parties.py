"""Who an event is between: parties from the sentence, else the article; third countries cancel.

Parties are the mentions in the trigger's and action's comma segments, then outward within the
clause (segments before first: "in Pyongyang, where a treaty may be signed"), else the article
("the two countries", or a lone watched party when the headline and lead name exactly one other
watched party and no other country). A context entity among the parties (Vietnam in "Putin signs
deals with Vietnam") cancels the event. Mentions after a context preposition ("amid the war in
Ukraine"), context countries qualifying a noun ("the Ukraine war") and attributions ("Seoul
said", a headline's speaker before a colon: "Seoul: …") are not parties.
"""

from __future__ import annotations

from process.cues import LIST_WORDS, SentenceCues
from process.document import Document, Sentence
from process.watchlist import Mention

SOURCE_WINDOW = 4  # "South Korea's spy agency said": the reporting verb within this many tokens
SPEAKER_WORDS = 3  # "Минобороны Южной Кореи: …": words before a headline speaker and its colon
_LIST_PREPOSITIONS = frozenset({"then", "puis", "to", "in", "au", "aux", "en", "a", "le", "la", "l"})


def resolve(
    doc: Document, sentence: Sentence, cues: SentenceCues, anchors: set[int]
) -> tuple[tuple[str, ...], float] | None:
    """The watched parties and a confidence, or None when a third country is a party."""
    sources = _sources(sentence, cues)
    mentions = [
        m
        for m in sentence.mentions
        if m not in sources
        and not cues.in_context(m.first)
        and (m.watched or not cues.near("context_after", m.last, m.last + 1))
    ]
    clause = cues.clause[min(anchors)]
    mentions = [m for m in mentions if cues.clause[m.first] == clause]
    segments = {cues.segment[a] for a in anchors}
    last = max(segments)
    # Outward from the trigger: its own segments, then the ones before it (nearest first: "in
    # Pyongyang, where a treaty may be signed"), then the ones after. Everything up to the trigger
    # is checked for third countries ("In Hanoi, a day after…, Putin signed"); later segments only
    # once they are needed ("…, and then travel to Hanoi" is another step).
    order = sorted(
        {cues.segment[m.first] for m in mentions} | segments,
        key=lambda seg: (seg not in segments, seg > last, abs(seg - last)),
    )
    seen: list[Mention] = [m for m in mentions if cues.segment[m.first] <= last]
    if any(not m.watched for m in seen):
        return None
    watched: set[str] = set()
    for step, segment in enumerate(order):
        scope = [m for m in mentions if cues.segment[m.first] == segment]
        if any(not m.watched for m in scope):
            return None
        watched |= {m.entity for m in scope}
        if len(watched) >= 2:
            return tuple(sorted(watched)), 0.95 if step < len(segments) else 0.9
    collective = bool(cues.found["collective"])
    pair = _document_pair(doc, sentence, strict=not collective)
    if pair is not None and (collective or watched <= set(pair)):
        return pair, 0.75
    return tuple(sorted(watched)), 0.9


def _sources(sentence: Sentence, cues: SentenceCues) -> set[Mention]:
    """Context-entity mentions that attribute the report ("Seoul said", "according to Tokyo", "Seoul: …")."""
    out: set[Mention] = set()
    for mention in sentence.mentions:
        if mention.watched:
            continue
        after = cues.near("source_after", mention.last, mention.last + SOURCE_WINDOW)
        before = [m for m in cues.found["source_before"] if 0 <= mention.first - m.last <= 1]
        speaker = mention.first <= SPEAKER_WORDS and sentence.forms[mention.last : mention.last + 1] == (":",)
        if after or before or speaker:
            out.add(mention)
    return out


def _document_pair(doc: Document, sentence: Sentence, strict: bool) -> tuple[str, ...] | None:
    """The two watched parties the article is about: from the headline, else headline and lead.

    ``strict``: also require that the headline, the lead and ``sentence`` name no context entity
    (a later "Washington and Seoul are concerned" does not make the pair ambiguous).
    """
    focus = [m for s in doc.sentences[:2] for m in s.mentions]
    others = {m.entity for m in (*focus, *sentence.mentions) if not m.watched} if strict else set()
    if others:
        return None
    for scope in (doc.sentences[0].mentions, focus):
        watched = {m.entity for m in scope if m.watched}
        if len(watched) == 2:
            return tuple(sorted(watched))
    return None


def coordinated(sentence: Sentence, mention: Mention) -> bool:
    """Whether ``mention`` is listed with a watched mention ("North Korea and Vietnam"): an itinerary
    or a list of parties, not a third country that reacts."""
    for other in sentence.mentions:
        if not other.watched:
            continue
        between = sentence.forms[other.last : mention.first] or sentence.forms[mention.last : other.first]
        if (other.last <= mention.first or mention.last <= other.first) and 0 < len(between) <= 3:
            head, *rest = between
            if (head in LIST_WORDS or head in {",", "&"}) and all(form in _LIST_PREPOSITIONS for form in rest):
                return True
    return False
