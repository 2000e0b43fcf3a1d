"""Who an event is between: parties from the sentence, else the article; third countries cancel.

Parties are the mentions in the trigger's and action's comma segments, then outward within the
clause (segments before first: "in Pyongyang, where a treaty may be signed"), then, for troops and
weapons sent abroad, a place the lead names after a headline that names one party ("…North Korean
soldier…" + "…in the Kursk region"), else the article
("the two countries", or a lone watched party when the headline and lead name exactly one other
watched party and no other country). A context entity among the parties (Vietnam in "Putin signs
deals with Vietnam") cancels the event. Mentions after a context preposition ("amid the war in
Ukraine"), context countries qualifying a noun ("the Ukraine war") and attributions ("Seoul
said", a headline's speaker before a colon: "Seoul: …") are not parties.
"""

from __future__ import annotations

from collections.abc import Sequence

from process.attribution import POSSESSIVE, addressed, publishers, sources, speaker
from process.cues import DETERMINERS, LIST_WORDS, SentenceCues
from process.direction import adjectival, listed
from process.document import Document, Sentence
from process.trips import dateline
from process.watchlist import Mention
from process.weapons import QUALIFIER_GAP, firer, maker, names_weapon, struck

SELF_WINDOW = 6  # "Ukraine's navy says it": tokens from a speaker to its self-reference
TARGET_GAP = 2  # words between a target cue and the country it aims at ("по объектам ВПК Украины")
_LIST_PREPOSITIONS = frozenset({"then", "puis", "to", "in", "au", "aux", "en", "a", "le", "la", "l"})


def _on_weapons(sentence: Sentence, cues: SentenceCues, mention: Mention, weapons: Sequence[tuple[int, int]]) -> bool:
    """Whether ``mention`` is a demonym right before one of ``weapons`` ("North Korean howitzer", «северокорейские
    гаубицы»): it names the weapon's make."""
    return adjectival(sentence, cues, mention) and any(
        names_weapon(sentence, mention, w, QUALIFIER_GAP, -1) and mention.last <= w[0] for w in weapons
    )


def resolve(
    doc: Document,
    sentence: Sentence,
    cues: SentenceCues,
    anchors: set[int],
    third_cancels: bool = True,
    makers: bool = True,
    captors: frozenset[str] = frozenset(),
    asides: bool = False,
    weapons: Sequence[tuple[int, int]] = (),
    headline_weapons: Sequence[tuple[int, int]] = (),
    headline_troops: Sequence[tuple[int, int]] = (),
) -> tuple[tuple[str, ...], float] | None:
    """The watched parties and a confidence, or None when a third country is a party.

    ``third_cancels=False`` (troops sent to fight a third country): other countries named after the
    first party are ignored ("clashed with Ukrainian forces"); one before it still cancels ("Seoul
    summons the Russian envoy over the deployment"). ``makers=False`` (types that name no weapon): a
    weapon's maker is no party ("российские войска использовали ракету северокорейского производства"), nor
    is a demonym on one of ``weapons`` ("Ukrainian troops capture North Korean howitzer from Russian forces").
    ``captors`` (the fronts, when the trigger is a party's captive soldiers): such a country before the
    party holds them and cancels nothing ("Zelensky offers to swap North Korean prisoners of war").
    ``asides`` (weapons): a name inside a relative aside on another name (``relative_aside``) is no party of a
    deed told outside it ("Moscou, qui s'approvisionne auprès de la Corée du Nord, multiplie les livraisons").
    ``headline_weapons`` (with ``makers=False``): the headline's weapon words; a headline that names a party only
    as their maker gives no article pair (``_weapons_story``); ``headline_troops``: the headline's words of the type.
    """
    sources = _sources(sentence, cues)
    mentions = [
        m
        for m in sentence.mentions
        if m not in sources
        and (makers or not (maker(sentence, cues, m) or _on_weapons(sentence, cues, m, weapons)))
        and not cues.in_context(m.first)
        and (m.watched or not cues.near("context_after", m.last, m.last + 1))
    ]
    clause = cues.clause[min(anchors)]
    mentions = [m for m in mentions if cues.clause[m.first] == clause]
    if asides and not any(relative_aside(sentence, cues, a) for a in anchors):
        mentions = [m for m in mentions if not relative_aside(sentence, cues, m.first)]
    if not third_cancels:  # countries after a party are its enemy or its front; one before it still cancels
        first = min((m.first for m in mentions if m.watched), default=0)
        # unless it does the action to the party: "Ukraine captures North Korean soldiers"
        # nor when it is what the weapons hit: "rockets fired at Ukrainian positions came from North Korea";
        # but one that reacts to the action still cancels ("France condemns missile transfers to Russia")
        mentions = [
            m
            for m in mentions
            if m.watched
            or (
                m.first < first
                and m.entity not in captors
                and not target(sentence, cues, m)
                and (
                    not any(m.last <= a < first for a in anchors)
                    or any(m.last <= r.first < first for r in cues.found["reaction"])
                )
                and not _sides(sentence, cues, m, anchors)
            )
        ]
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
    host = host_in_lead(doc, sentence, cues, watched) if not third_cancels else None
    if host is not None:
        return tuple(sorted({*watched, host})), 0.75
    collective = bool(cues.found["collective"])
    pair = _document_pair(doc, sentence, cues, strict=not collective, enemies=not third_cancels, asides=asides)
    if pair is not None and not makers and _weapons_story(doc, sentence, cues, headline_weapons, headline_troops):
        pair = None  # "North Korean shells wound Russian gunners": the maker sent shells, not the gunners
    if pair is not None and (collective or watched <= set(pair)):
        return pair, 0.75
    paired = _headline_pair(doc, watched) if third_cancels and sentence.index >= 1 else None
    if paired is not None:
        return paired, 0.75
    return tuple(sorted(watched)), 0.9


def _weapons_story(
    doc: Document,
    sentence: Sentence,
    cues: SentenceCues,
    weapons: Sequence[tuple[int, int]],
    troop_words: Sequence[tuple[int, int]] = (),
) -> bool:
    """Whether the headline names a watched party only as the maker of its ``weapons`` ("Faulty North Korean
    shells wound Russian gunners", « Des obus nord-coréens blessent des artilleurs russes »): the article
    tells weapons that party made, so it is no party of troops the article sends (troops name no weapon).
    ``troop_words``: the headline's words of the troop type, whose demonym names whose troops they are."""
    if not weapons or not doc.sentences:
        return False
    headline = doc.sentences[0]
    layout = cues if sentence is headline else SentenceCues(headline, cues.profile)
    named = [m for m in headline.mentions if m.watched and not layout.in_context(m.first)]
    # before the weapon or right after it, as French puts it (« des obus nord-coréens »)
    made = {
        m
        for m in named
        if maker(headline, layout, m)
        or (adjectival(headline, layout, m) and any(names_weapon(headline, m, w, QUALIFIER_GAP, -1) for w in weapons))
    }
    # a party also named otherwise ("North Korean troops fire North Korean shells"), or whose demonym also
    # qualifies the troops ("российские расчеты ЗРК", "северокорейские операторы дронов"), is in the troops' story
    made -= {m for m in named if any(names_weapon(headline, m, t, QUALIFIER_GAP, -1) for t in troop_words)}
    return bool({m.entity for m in made} - {m.entity for m in named if m not in made})


def relative_aside(sentence: Sentence, cues: SentenceCues, index: int) -> bool:
    """Whether token ``index`` sits in a comma segment that a subject's relative pronoun (``subject_relative``; not
    "where", which tells what happens at a place) opens right after a name and its comma,
    with the name's clause going on after it: "Moscou, *qui selon Kiev s'approvisionne en munitions auprès de la
    Corée du Nord*, multiplie les livraisons au Sahel", "Moscow, *which buys shells from Pyongyang*, signed…", «Москва,
    *которая закупает снаряды у КНДР*, подписала…». The aside tells what is known of the name, not the news."""
    segment = cues.segment[index]
    # ...or a participle that opens it the same way, a relative clause without its pronoun («КНДР, *направившая
    # войска в Россию*, запустила ракеты», "North Korea, *having sent troops to Russia*, fires…")
    participles = [
        i
        for i in range(2, index + 1)
        if cues.segment[i] == segment and "VerbForm=Part" in sentence.tag(i).split("|") and sentence.forms[i - 1] == ","
    ]
    opened = any(
        2 <= first <= index
        and cues.segment[first] == segment
        and sentence.forms[first - 1] == ","
        and any(m.last == first - 1 for m in sentence.mentions)
        for first in (*(word.first for word in cues.found["subject_relative"]), *participles)
    )
    return opened and any(
        cues.segment[i] > segment and cues.clause[i] == cues.clause[index] for i in range(index, len(sentence.forms))
    )


def _headline_pair(doc: Document, watched: set[str]) -> tuple[str, ...] | None:
    """The pair a headline names alone, no other country beside, when the sentence names one of them:
    "Ушаков раскрыл планы на визит Путина в Пхеньян" + "в ходе переговоров с Ким Чен Ыном может быть
    подписан договор" is the pair's treaty, though the lead names the next stop ("а затем во Вьетнам")."""
    named = doc.sentences[0].mentions if doc.sentences else []
    pair = {m.entity for m in named if m.watched}
    if len(watched) != 1 or len(pair) != 2 or not watched < pair or any(not m.watched for m in named):
        return None
    return tuple(sorted(pair))


def resolve_single(
    doc: Document,
    sentence: Sentence,
    cues: SentenceCues,
    anchors: set[int],
    weapon: tuple[int, int] | None = None,
    deeds: Sequence[tuple[int, int]] = (),
    foreign: bool = False,
    weapons: Sequence[tuple[int, int]] = (),
) -> tuple[tuple[str, ...], float] | None:
    """The one watched party of a one-party event (a launch): the only watched entity of the clause.

    Third countries after it or after the action do not cancel it (targets: "toward Japan", "a
    frappé Dnipro"); one before both does (a reaction or another state's launch), and so does a
    third-country speaker that claims the action itself ("Ukraine says it fired…"). A state named as
    the firer of another state's ``weapon`` (the subject or agent of one of its ``deeds``: "Russia
    fired North Korean missiles", "missiles tirés par la Russie") launched it; its maker did not
    (the maker's supply is an arms transfer). Otherwise two watched entities are no launch, nor is a
    ``foreign`` weapon (another state's name on it and no watched one's). ``weapons``: every weapon
    the sentence names, one told again after the deed identifies the fired one. With none in the clause,
    the headline's only watched entity stands in for the headline and lead.
    """
    clause = cues.clause[min(anchors)]
    speakers = set(sources(sentence, cues))
    if any(not m.watched and _claims_itself(sentence, cues, m, anchors) for m in speakers):
        return None  # "Ukraine says it fired Neptune missiles at a Russian ship": the speaker's own deed
    scope = [m for m in sentence.mentions if cues.clause[m.first] == clause and not cues.in_context(m.first)]
    # "North Korea, which sent troops to Russia, fires missiles": a name inside a relative aside on the launcher
    # is what is known of it, no contender for the deed told outside the aside
    if not any(relative_aside(sentence, cues, a) for a in anchors):
        scope = [m for m in scope if not relative_aside(sentence, cues, m.first)]
    # "Au premier jour des manœuvres américano-sud-coréennes, le Nord tire…": a country qualifying a
    # noun in an opening segment of its own is a circumstance, not the one that acts
    opening = min(cues.segment[a] for a in anchors)
    scope = [m for m in scope if m.watched or cues.segment[m.first] >= opening or not qualifies(sentence, cues, m)]
    # "Frappe record contre l'Ukraine : la Russie a tiré…", "по объектам ВПК Украины нанесен удар": a
    # target named before the launcher is no other state's story
    # ...nor one struck by the weapon ("Kiev frappée par un missile nord-coréen tiré par la Russie")
    # ...nor the owner of a source phrase in a segment of its own (« По данным Воздушных сил ВСУ, по городу
    # были выпущены ракеты »: the Ukrainian air force says so)
    attributed = {
        cues.segment[m.first]
        for m in cues.found["source_before"]
        if cues.segment[m.first] != cues.segment[min(anchors)]
    }
    leading = next(
        (
            m
            for m in scope
            if m not in speakers
            and (m.watched or cues.segment[m.first] not in attributed)
            and (m.watched or not (target(sentence, cues, m) or struck(cues, m, deeds)))
        ),
        None,
    )
    unspoken = [m for m in scope if m not in speakers]
    fired = firer(sentence, cues, unspoken, weapon, deeds, weapons) if weapon is not None else None
    # "Japan protests North Korea's launch", "South Korea tests…": another state's story; a country
    # after the action is its target ("Poutine confirme avoir frappé Dnipro")
    # ...but a headline's label before its colon is the topic under which a named firer of another state's
    # weapon launched it (« Ukraine : un KN-23 nord-coréen parmi les missiles tirés par Moscou »)
    if (
        leading is not None
        and not leading.watched
        and leading.first < min(anchors)
        and not (fired is not None and sentence.index == 0 and speaker(sentence, leading))
    ):
        return None
    if fired is not None:
        return (fired,), 0.9
    if foreign:
        return None
    # "Missile attack on Moscow region", «ракетная атака на Москву»: what a strike aims at did not fire it
    near = [m for m in scope if m.watched and not maker(sentence, cues, m) and not target(sentence, cues, m)]
    watched = {m.entity for m in near}
    if len(watched) > 1:  # "Moscow says North Korea fired…": a watched speaker is not the launcher
        watched = {m.entity for m in near if m not in speakers}
    if not watched and any(m.watched for m in scope):
        return None  # "the missile that hit Kharkiv was North Korean-made": its maker did not fire it
    if watched and {m.entity for m in scope if m.watched} - watched:
        return None  # "Russia fired missiles made in North Korea": an arms transfer, as "North Korean missiles"
    if not watched and sentence.index <= 1 and doc.sentences:
        headline = doc.sentences[0]
        layout = cues if sentence.index == 0 else SentenceCues(headline, cues.profile)
        watched = {m.entity for m in headline.mentions if m.watched and not maker(headline, layout, m)}
        return (tuple(watched), 0.75) if len(watched) == 1 else None
    return (tuple(watched), 0.9) if len(watched) == 1 else None


def target(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether ``mention`` is what a strike aims at: a target cue ("against", "contre", "удар по",
    "по объектам") ends at most ``TARGET_GAP`` words before it in its comma segment, with no other
    name between ("a strike against Ukraine", "по объектам ВПК Украины"), or one whose noun carries its
    qualifiers before the preposition ("frappes *ukrainiennes nocturnes* sur Belgorod")."""
    return any(
        0 <= mention.first - match.last <= TARGET_GAP
        and cues.segment[match.first] == cues.segment[mention.first]
        and not any(match.last <= m.first < mention.first for m in sentence.mentions)
        for match in cues.found["target"]
    ) or _qualified_target(sentence, cues, mention)


def _qualified_target(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether a target cue of a noun and its preposition ("frappes sur") frames ``mention`` with the
    noun's qualifiers between the two, adjectives or names ("Frappes ukrainiennes sur Belgorod", "tirs
    nocturnes sur la région de Koursk"): the preposition at most ``TARGET_GAP`` words before it in its
    comma segment, no other name between."""
    forms = sentence.forms
    named = {i for m in sentence.mentions for i in range(m.first, m.last)}
    for preposition in range(mention.first - 1, -1, -1):
        if cues.gap(preposition + 1, mention.first) > TARGET_GAP or preposition in named:
            return False
        if cues.segment[preposition] != cues.segment[mention.first]:
            return False
        noun = preposition - 1
        while noun >= 0 and (noun in named or sentence.adjective(noun)):
            noun -= 1
        if 0 <= noun < preposition - 1:
            match = cues.profile.cue("target").match_at((forms[noun], forms[preposition]), 0)
            if match is not None and match.last == 2:
                return True
    return False


def qualifies(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether ``mention`` qualifies a noun as an adjective, alone or as the first member of a compound
    of names that ends in one ("US-South Korean drills", "manœuvres américano-sud-coréennes")."""
    following = {m.first: m for m in sentence.mentions}
    while mention.last in following:
        mention = following[mention.last]
    return adjectival(sentence, cues, mention)


def host_in_lead(doc: Document, sentence: Sentence, cues: SentenceCues, watched: set[str]) -> str | None:
    """The other party of a headline that names one ("Diary of dead North Korean soldier…") when the lead
    names exactly one other watched entity and only as a place ("…found on a body *in the Kursk
    region*", "dans la région de Koursk", "в Курской области"): where the troops or weapons are. A
    party named otherwise in the lead ("Russia's defence minister watched the parade") is no host."""
    if sentence.index != 0 or len(watched) != 1 or len(doc.sentences) < 2:
        return None
    lead = doc.sentences[1]
    others = [m for m in lead.mentions if m.watched and m.entity not in watched]
    if len({m.entity for m in others}) != 1:
        return None
    places = {m.last for m in SentenceCues(lead, cues.profile).found["place_before"]}
    places |= {i + 1 for i in places if i < len(lead.forms) and lead.forms[i] in DETERMINERS}
    for mention in sorted(others, key=lambda m: m.first):
        if mention.first in places:
            # "in Russia's Kursk region": a place named by its state's possessive is still where they are
            after = mention.last + (mention.last < len(lead.forms) and lead.forms[mention.last] == POSSESSIVE)
            places.add(after)
    return others[0].entity if all(m.first in places for m in others) else None


def _claims_itself(sentence: Sentence, cues: SentenceCues, speaker: Mention, anchors: set[int]) -> bool:
    """Whether ``speaker`` claims the action itself: a self-reference ("it", "avoir", "что они") right
    before the action, after its reporting verb and before any other name ("Ukraine says it fired…";
    not "Kyiv says Russia fired…", nor "Japan says it detected a North Korean launch")."""
    stop = min((m.first for m in sentence.mentions if m.first >= speaker.last), default=len(sentence.forms))
    return any(
        speaker.last < ref.first < stop
        and ref.first - speaker.last <= SELF_WINDOW
        and any(ref.first <= anchor <= ref.last + 1 for anchor in anchors)
        for ref in cues.found["self_reference"]
    )


def _sources(sentence: Sentence, cues: SentenceCues) -> set[Mention]:
    """Context-entity mentions that attribute the report ("Seoul said", "according to Tokyo", "Seoul: …") or
    publish the evidence it tells ("Washington publie des images de wagons russes…": it shows, it is no party),
    and the ones that belong to a speaker's words: its title's, the one it tells ("…'s envoy to the United
    Nations, Robert Wood, told the Security Council that…")."""
    speakers = sources(sentence, cues)
    spoken = (*speakers, *publishers(sentence, cues), *addressed(sentence, cues, speakers))
    return {m for m in spoken if not m.watched}


def _document_pair(
    doc: Document, sentence: Sentence, cues: SentenceCues, strict: bool, enemies: bool = False, asides: bool = False
) -> tuple[str, ...] | None:
    """The two watched parties the article is about: from the headline, else headline and lead.

    ``strict``: also require that the headline, the lead and ``sentence`` name no context entity
    (a later "Washington and Seoul are concerned" does not make the pair ambiguous); ``enemies``: a
    country named after a watched party in its sentence does not count ("ont affronté des troupes
    ukrainiennes"); ``asides``: a name inside a relative aside on another (``relative_aside``) continues no story.
    """
    lead = list(doc.sentences[:2])
    focus = [m for s in lead for m in s.mentions]
    others = {m.entity for m in (*focus, *sentence.mentions) if not m.watched} if strict else set()
    if others:  # who says so is no party: "Zelensky: North Korean soldiers have joined the fighting"
        speakers = {
            m
            for s in {x.index: x for x in (*lead, sentence)}.values()
            for m in sources(s, cues if s is sentence else SentenceCues(s, cues.profile))
        }
        others = {
            m.entity
            for s in {x.index: x for x in (*lead, sentence)}.values()
            for m in s.mentions
            if not m.watched
            and m not in speakers
            and not (enemies and any(w.watched and w.last <= m.first for w in s.mentions))
        }
    if others:
        return None
    # a party only named as a circumstance ("near the border with North Korea") is none, nor is the city a
    # dateline files the report from ("МОСКВА, 2 апр — РИА Новости.": the agency's desk, not the story's place)
    layouts = {s.index: cues if s is sentence else SentenceCues(s, cues.profile) for s in lead}
    filed = next((m for m in doc.sentences[1].mentions if m.first == 0), None) if dateline(doc) else None
    # ...nor, with ``asides``, one named only in a relative aside on another ("North Korea, which sent troops to
    # Russia, fires missiles": Russia is what is known of the launcher, not a party of the missiles)
    named = [
        m
        for s in lead
        for m in s.mentions
        if m.watched
        and not layouts[s.index].in_context(m.first)
        and m is not filed
        and not (asides and relative_aside(s, layouts[s.index], m.first))
    ]
    for scope in ([m for m in named if m.start < doc.sentences[0].end], named):
        watched = {m.entity for m in scope}
        if len(watched) == 2:
            return tuple(sorted(watched))
    # "Герасимов доложил Путину…" + "Он отметил, что в боях участвовали подразделения КНДР": past the lead,
    # a sentence that names one other party continues the story of the one party the headline and lead name
    story = {m.entity for m in named}
    own = {
        m.entity
        for m in sentence.mentions
        if m.watched and not cues.in_context(m.first) and not (asides and relative_aside(sentence, cues, m.first))
    } - story
    if sentence.index >= 2 and len(story) == 1 and len(own) == 1:
        return tuple(sorted(story | own))
    return None


def _sides(sentence: Sentence, cues: SentenceCues, mention: Mention, anchors: set[int]) -> bool:
    """Whether ``mention`` and a watched name qualify the same troops together, as adjectives of one
    list ("clashes between Ukrainian and North Korean soldiers", "entre soldats ukrainiens et
    nord-coréens"): the two sides of a fight, not a third state reacting."""
    return adjectival(sentence, cues, mention) and any(
        listed(sentence, mention, (a, a + 1))
        and any(
            other.watched and adjectival(sentence, cues, other) and listed(sentence, other, (a, a + 1))
            for other in sentence.mentions
        )
        for a in anchors
    )


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
