"""Who gives and who receives in a directed event (arms transfers, troop deployments).

Each party mention gets a role from what marks it, strongest first:

0. its grammar, where the text shows it: a dative noun (not after a preposition) receives and an
   instrumental one gives ("передаче Россией Пхеньяну"); a noun right after a giving action and
   before the weapon is its indirect object, the receiver ("Russia gave North Korea air defence
   systems", "оказала КНДР техническую помощь"), while an adjective there is the maker ("sent
   North Korean troops");
1. a preposition of the profile right before it: ``direction_to`` ("to", "à", "в") makes it the
   receiver, ``direction_from`` ("from", "by", "par", "из", "от") the giver ("missiles supplied by
   North Korea"), except an agent word after a receiving action ("shells fired by Russia",
   ``passive``): the receiver;
2. a maker or sender next to the trigger: "North Korean missiles", "missiles nord-coréens",
   "войска КНДР" (the missiles or troops are theirs, whoever fires or hosts them); an adjective
   right before it ranks with the grammar, a possessive or a name after it below the subject
   (a preposition wins when the two disagree: "Russia's shells come from North Korea");
3. the first party before the action is its subject: the giver, or the receiver for a receiving
   verb ("Russia bought shells from…"); it outranks a possessive or a name after the weapon
   ("North Korea supplies half of Russia's ammunition": Russia holds it), unless it is one itself,
   for the types whose possessor may be a holder (``possessor_holds``: weapons; troops are their sender's).

The other party takes the remaining role. Conflicting marks give no direction. An adjective on a
weapon whose origin another party names ("Russian shells come from North Korea") is its holder; a
name after an action noun in no clear case ranks with the subject ("о поставках КНДР снарядов в
Россию"); a weapon after an ``exchange`` cue pays for the deed and goes the other way.
"""

from __future__ import annotations

from process.attribution import sources
from process.cues import DETERMINERS, SentenceCues
from process.document import Sentence
from process.watchlist import Mention

Direction = tuple[str | None, str | None]
LIST_JOINS = frozenset({"and", "et", "и", ",", "&"})  # between names that qualify one noun together
MAKER_GAP = 2  # words between a third state's adjective and the weapon it made ("Iranian attack drones")
PAYMENT_GAP = 3  # words between a receiving action and the money it receives ("получить около 20 млрд долларов")
EXCHANGE_GAP = 3  # words between "in exchange for" and the weapon that pays ("in exchange for millions of shells")
OBJECT_GAP = 2  # words between an indirect object and the weapon it receives ("gave Russia more anti-aircraft guns")
PUBLISHER_GAP = 2  # words between a party and the publishing verb of the noun it qualifies ("Russian war bloggers")
DESIGNATION = frozenset(
    {"«", "»", '"', "'"}
)  # quotes around a system's name after the weapon ("орудий M1989 «Коксан»")
# the words that tie a state to the noun before it: "troops of North Korea", « militaires de la Corée du Nord »,
# « soldats du Nord » (a French state takes its article; « troupes de Koursk » are troops from a place)
STATE_OF = frozenset({("of",), ("of", "the"), ("de", "la"), ("de", "l"), ("du",)})
# a relative of possession between an owner and what it owns: "Pyongyang, whose soldiers fought", « le peuple
# nord-coréen, dont les militaires ont combattu », «КНДР, чьи военные»
WHOSE = frozenset({"whose", "dont", "чьи", "чей", "чья", "чье", "чьё"})
INFINITIVE_MARKERS = frozenset({"to", "d", "de", "a"})  # a plan's verb and its deed: "plans to", « envisage d' »
POSTPOSED = frozenset({"fr", "es", "it", "pt"})  # languages whose adjectives follow the noun ("missiles nord-coréens")


def orient(
    sentence: Sentence,
    cues: SentenceCues,
    actors: tuple[str, ...],
    trigger: tuple[int, int],
    action: tuple[int, int],
    receive: bool,
    passive: frozenset[int],
    possessor_holds: bool,
    ceremony: bool,
    aside: tuple[int, int] | None = None,
    negotiated: tuple[int, bool] | None = None,
    told: bool = False,
    grateful: bool = False,
) -> Direction:
    """``(from, to)`` for the two ``actors`` of an event in ``sentence``; ``(None, None)`` when unclear.

    ``action`` is the span of the action cue (the trigger's own when there is none); ``receive``
    says whether it is a receiving one ("bought", "fired"); ``passive`` holds the tokens right after
    the agent words of a receiving action ("fired *by* Russia"); ``possessor_holds`` (weapons, not troops):
    the subject outranks a possessive or a name after the trigger, which may be its holder; ``ceremony``
    (the action acknowledges the troops: honours, welcomes, thanks): a preposition before the trigger
    places the ceremony, not the troops ("Défilé à Pyongyang : Kim salue les unités…", "В Пхеньяне
    прошла церемония…"); ``aside``: tokens whose names belong to a messenger's deed ("sent envoys to
    Pyongyang seeking shells": where the envoys went); ``negotiated``: the first token of a plan both
    sides make (negotiate, discuss) and whether its deed is a word of buying or selling: the names
    before the plan are who negotiates and where, and only such a deed makes its subject a side
    ("Shoigu in Pyongyang negotiated supplies" says nothing of who gives; "…discussed buying shells": Shoigu
    buys); ``told``: ``action`` is an earlier sentence's verb standing for the weapon (``trigger`` is the
    same span), so the name right before it is its subject, not the weapon's maker ("Russia used…");
    ``grateful``: the action is thanks, whose subject received the deed when no word marks a party ("Kursk
    governor thanks Korean military builders")."""
    if len(actors) != 2:
        return None, None
    if receive and _paid(cues, trigger, action):
        receive = False  # "North Korea received $20 billion": the one paid sold, it gave the weapons
    anchor = action[0]
    parties = [m for m in sentence.mentions if m.entity in actors and cues.clause[m.first] == cues.clause[anchor]]
    if aside is not None:  # "sent envoys *to Pyongyang* seeking shells": where a messenger went
        parties = [m for m in parties if not aside[0] <= m.first < aside[1]]
    # "Following Shoigu's visit to Pyongyang, Moscow sent…", "…lors de sa visite à Pyongyang": a time
    # phrase names when the deed happened, not who gave or received
    parties = [m for m in parties if not _in_occasion(sentence, cues, m, (trigger[0], action[0]))]
    # "Shoigu said in Pyongyang that North Korea would send…", « a déclaré à Pyongyang que… »: where the
    # speaker spoke, not where the troops or weapons go
    parties = [m for m in parties if not where_said(sentence, cues, m, action[0])]
    # "Посол в КНДР назвал сроки прибытия строителей в Курскую область", "the ambassador to Pyongyang said…": an
    # envoy's or a mission's post is where he serves, not where the troops or weapons go
    parties = [m for m in parties if not _posted(sentence, cues, m)]
    # "…had now returned home, where Kim Jong Un greeted them in Pyongyang": a relative clause after the deed
    # tells of what it qualifies (another deed, another place), not who gave or received
    parties = [m for m in parties if not _later_relative(cues, m, trigger, action)]
    # "Шойгу в Пхеньяне: КНДР направит…": a headline's topic before its colon says who speaks and
    # where, not who gives; the statement after it does, when it names a party
    colon = next((i for i, form in enumerate(sentence.forms) if form == ":"), None) if sentence.index == 0 else None
    if colon is not None and anchor > colon and any(m.first > colon for m in parties):
        parties = [m for m in parties if m.first > colon]
    if negotiated is not None:
        start, trade = negotiated
        # who buys or sells is the plan's subject, no place before it ("В Пхеньяне Шойгу обсуждал закупку")
        before = [m for m in parties if m.last <= start and _marked(sentence, cues, m, passive) is None]
        negotiator = before[0] if trade and before else None
        parties = [m for m in parties if m.first >= start or m is negotiator]
    args = (
        sentence,
        cues,
        actors,
        trigger,
        action,
        receive,
        passive,
        possessor_holds,
        ceremony,
        negotiated,
        told,
        grateful,
    )
    exchange = _exchange(cues, trigger, action)
    if exchange is None:
        return _roles(parties, *args)
    # "Russia gives North Korea oil in exchange for shells": the weapon after "in exchange for" goes the
    # other way; a party that marks it itself says who made or sent it ("in exchange for North Korean
    # shells", "en échange d'obus venus de Pyongyang"), else the main deed's roles are reversed
    counter = _roles([m for m in parties if m.first >= exchange], *args)
    if counter != (None, None):
        return counter
    giver, receiver = _roles([m for m in parties if m.last <= exchange], *args)
    return receiver, giver


def where_said(sentence: Sentence, cues: SentenceCues, mention: Mention, deed: int) -> bool:
    """Whether ``mention``, before the deed at token ``deed``, follows a place word (``place_before``: "in",
    « à », «в») right after a reporting verb (``source_after``; an article may sit between): "said *in
    Pyongyang* that North Korea would send…", « a déclaré à Pyongyang que… » name where the speaker spoke."""
    start = mention.first
    if start > 0 and sentence.forms[start - 1] in DETERMINERS:
        start -= 1
    return mention.last <= deed and any(
        place.last == start and any(verb.last == place.first for verb in cues.found["source_after"])
        for place in cues.found["place_before"]
    )


def _posted(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether ``mention`` is the post of an envoy or a diplomatic mission (``envoys``, ``mission``): after a place
    or direction preposition (``place_before``, ``direction_to``) right after the envoy's word, or after the state
    he stands for ("посол *в КНДР*", "посол России *в КНДР*", "the ambassador *to North Korea*", « l'ambassadeur
    *en Corée du Nord* », "the embassy *in Pyongyang*"), an article allowed before the name."""
    start = mention.first
    if start > 0 and sentence.forms[start - 1] in DETERMINERS:
        start -= 1
    titles = {m.last for m in cues.found["envoys"]} | {m.last for m in cues.found["mission"]}
    # "посол России в КНДР", "the Russian embassy's…": the state the envoy stands for may sit between
    titles |= {m.last for m in sentence.mentions if m.first in titles}
    return any(
        place.last == start and place.first in titles
        for place in cues.found["place_before"] + cues.found["direction_to"]
    )


def _later_relative(cues: SentenceCues, mention: Mention, trigger: tuple[int, int], action: tuple[int, int]) -> bool:
    """Whether ``mention`` sits after both the trigger and the action, in a comma segment of neither that a
    ``relative`` word opens before it (", where Kim greeted them in Pyongyang", « , où… », «, где…»)."""
    segment = cues.segment[mention.first]
    return (
        mention.first >= max(trigger[1], action[1])
        and segment not in (cues.segment[trigger[0]], cues.segment[action[0]])
        and any(cues.segment[m.first] == segment and m.first < mention.first for m in cues.found["relative"])
    )


def _in_occasion(sentence: Sentence, cues: SentenceCues, mention: Mention, deed: tuple[int, ...]) -> bool:
    """Whether ``mention`` is inside a time phrase: after a ``time_before`` cue in its comma segment, with
    neither the trigger nor the action (``deed``) between ("Following Shoigu's visit *to Pyongyang*,",
    "lors de sa visite *à Pyongyang*", "во время визита *в Пхеньян*"; not "after *Russia* received shells")."""
    return any(
        match.last <= mention.first
        and cues.segment[match.first] == cues.segment[mention.first]
        and not any(match.first <= index < mention.first for index in deed)
        for match in cues.found["time_before"]
    )


def _roles(
    parties: list[Mention],
    sentence: Sentence,
    cues: SentenceCues,
    actors: tuple[str, ...],
    trigger: tuple[int, int],
    action: tuple[int, int],
    receive: bool,
    passive: frozenset[int],
    possessor_holds: bool,
    ceremony: bool,
    negotiated: tuple[int, bool] | None,
    told: bool = False,
    grateful: bool = False,
) -> Direction:
    """``(from, to)`` from the marks of ``parties`` (``orient``'s arguments otherwise)."""
    # strongest first: its grammar (case, indirect object) or an adjective right before the trigger
    # ("North Korean gunners … from Russian territory"), a preposition, then a possessive or a name
    # after the trigger ("Russia's shells come from North Korea": Russia's is the user)
    tiers: tuple[dict[str, str], ...] = ({}, {}, {}, {})
    # the trigger names its own deed ("aide technique russe"): who qualifies it is who gives
    deed = action != trigger and trigger[0] <= action[0] and action[1] <= trigger[1]
    subject = None if _weapon_subject(cues, trigger, action) else _subject(sentence, cues, parties, action)
    if negotiated is not None and (subject is None or subject.last > negotiated[0]):
        subject = None  # "negotiate with North Korea the supply of shells": the partner is no side of it

    def qualifies(mention: Mention) -> str | None:
        """How ``mention`` qualifies the trigger; a name between the weapon and its verb is that
        verb's subject ("the shells Russia fires are North Korean-made": Russia fires them)."""
        if _relative_subject(sentence, cues, mention, trigger, action):
            return None
        if told and mention.last == trigger[0]:
            return None  # an earlier sentence's verb stands for the weapon: the name before it is its subject
        if _head_complement(sentence, cues, mention, trigger, action):
            return None  # "передала армии КНДР станции связи": КНДР completes «армии», it does not make the weapon
        if told and _listed_with_party(sentence, mention):
            # "Москва и Пхеньян договорились о партии снарядов", "переговоры России и КНДР о поставках": the
            # verb is no weapon, and the pair named together around it shares the deed; neither gives
            return None
        return (
            _maker(sentence, mention, trigger)
            or _distant_maker(sentence, cues, mention, trigger, action)
            or _postposed_maker(sentence, cues, mention, trigger, action)
            or _striking_make(sentence, cues, mention, trigger, action)
        )

    # "Russian artillery shells come from North Korea", "Russian shells supplied by Pyongyang": a
    # named origin of the weapons makes an adjective on them their holder, not their maker
    origins = {
        m.entity
        for m in parties
        if not receive and not adjectival(sentence, cues, m) and _marked(sentence, cues, m, passive) == "from"
    }
    if possessor_holds and subject is not None and qualifies(subject) is None:
        # "North Korea supplies half of Russia's artillery ammunition": the subject of the action
        # outranks a possessive on the weapon (whose holder may be the user)
        tiers[2][subject.entity] = "to" if receive else "from"
    for mention in parties:
        # an instrumental is the doer of a deed told as a noun ("о закупке Россией"), the instrument of a
        # verb ("Россия ударила северокорейскими ракетами")
        doer_receives = receive and sentence.tag(action[1] - 1).startswith("NOUN|")
        grammar = _case_role(sentence, mention, doer_receives) or _passive_agent(sentence, mention, action, receive)
        # after an action noun a name in no clear case may be its genitive agent as well as its receiver
        # ("о поставках КНДР снарядов в Россию"): a preposition or the subject decides before it
        loose = grammar is None and sentence.tag(action[1] - 1).startswith("NOUN|")
        # "North Korea sent KN-23 missiles", "point to Pyongyang-built missile": a make is no indirect object
        if grammar is None and not _own_make(subject, mention) and not _factory(sentence, cues, mention):
            grammar = _indirect_object(sentence, cues, mention, trigger, action, receive)
        qualifier = None if grammar else qualifies(mention)
        if qualifier == "other" and _postposed(sentence, cues, mention, trigger):
            qualifier = "adjective"  # "livraisons d'armes nord-coréennes": North Korean arms
        marked = _marked(sentence, cues, mention, passive)
        governed = marked is not None and not adjectival(sentence, cues, mention)
        if qualifier == "adjective" and governed:
            qualifier = None  # "направила в КНДР военных": a noun after its preposition is where they go
        held = possessor_holds and not deed and qualifier == "adjective" and bool(origins - {mention.entity})
        # an adjective right after a deed noun, where adjectives follow nouns ("aide technique russe"),
        # ranks as one right before it ("Russian technical help"); on a weapon it may be its holder
        # ("la moitié des obus russes viennent de Corée du Nord")
        # ...and so does a genitive or possessive after one anywhere: help is given, not held
        # ("благодаря технической помощи Москвы": Moscow helps)
        if (
            deed
            and qualifier == "other"
            and (cues.profile.code not in POSTPOSED or adjectival(sentence, cues, mention))
        ):
            qualifier = "adjective"
        marked = _marked(sentence, cues, mention, passive)
        if possessor_holds and _homeward(sentence, cues, mention):
            marked = "from"  # weapons carried "home from Russia" were given there (troops "back from Kursk" were sent)
        if possessor_holds and receive and _destination(subject, mention, action, marked):
            marked = "from"  # "Kim, expected in Russia, seeking technology": where the receiver goes gives
        if not possessor_holds and marked == "to" and _readied_at(sentence, cues, mention):
            marked = None  # "в КНДР готовят операторов для отправки": where troops are made ready, not where they go
        if not possessor_holds and _stationed(sentence, cues, mention, trigger):
            qualifier, marked = None, "to"  # "reinforced its Russia contingent": where its troops are
        for tier, role in (
            (2 if loose else 0, grammar),
            (0, "from" if _factory(sentence, cues, mention) else None),
            # "wounded soldiers flown back to North Korea": troops go home to the state that sent them
            (0, "from" if not possessor_holds and _home_to(sentence, cues, mention) else None),
            # "wounded in the battles for the Kursk region", "fighting for Russia": where they fought received them
            (0, "to" if not possessor_holds and _fought_for(sentence, cues, mention) else None),
            # troops are their sender's, however named ("войска КНДР", "soldats nord-coréens");
            # a weapon's possessive or a name after it may be its holder
            (0 if (qualifier == "adjective" and not held) or not possessor_holds else 3, "from" if qualifier else None),
            (1, None if ceremony and mention.last <= trigger[0] else _seller(cues, mention, action, marked)),
        ):
            if role is not None:
                if tiers[tier].get(mention.entity, role) != role:
                    return None, None
                tiers[tier][mention.entity] = role
    roles: dict[str, str] = {}
    for tier in tiers:
        for entity, role in tier.items():
            if entity not in roles and role not in roles.values():
                roles[entity] = role
    if grateful and not roles:
        # "Kursk governor thanks Korean military builders": who thanks received the help; a place before him is
        # where he thanks ("À Pyongyang, Medvedev transmet … la gratitude de Moscou")
        subject = _thanker(sentence, cues, parties, action) or subject
    if not roles and subject is not None:
        roles[subject.entity] = "to" if receive or grateful else "from"
    if len(roles) == 1:
        (role,) = roles.values()
        other = next(a for a in actors if a not in roles)
        roles[other] = "from" if role == "to" else "to"
    by_role = {role: entity for entity, role in roles.items()}
    if len(by_role) != 2:
        return None, None
    return by_role["from"], by_role["to"]


def _head_complement(
    sentence: Sentence, cues: SentenceCues, mention: Mention, trigger: tuple[int, int], action: tuple[int, int]
) -> bool:
    """Whether ``mention`` is a noun (no adjective) right before the trigger and right after a common noun other
    than the action, in a language whose nouns take cases: a genitive follows the noun it completes there («передала
    *армии КНДР* станции связи», «флоту КНДР»), so it is that noun's, not the weapon's maker, which an adjective
    («северокорейские ракеты») or a name after the weapon («ракеты КНДР») would be."""
    head = mention.first - 1
    return (
        mention.last == trigger[0]
        and head >= 0
        and not action[0] <= head < action[1]
        and any(f.startswith("Case=") for f in sentence.tag(mention.last - 1).split("|"))
        and sentence.tag(head).startswith("NOUN|")
        and not adjectival(sentence, cues, mention)
        and not any(m.first <= head < m.last for m in sentence.mentions)
    )


def _own_make(subject: Mention | None, mention: Mention) -> bool:
    """Whether ``mention``, after the action, names the same state as the action's ``subject`` (another mention):
    "North Korea sent *KN-23* missiles to Russia", "Russia agrees to share *Kalibr* missile know-how": a state gives
    nothing to itself, so the name before the weapon is its make, not an indirect object (its receiver)."""
    return subject is not None and subject is not mention and subject.entity == mention.entity


def _thanker(sentence: Sentence, cues: SentenceCues, parties: list[Mention], action: tuple[int, int]) -> Mention | None:
    """The first party before the thanks at ``action`` that no place word (``place_before``) governs, an article
    allowed between: "*À Pyongyang*, *Medvedev* transmet à Kim la gratitude…" thanks from Medvedev, not Pyongyang."""
    places = {m.last for m in cues.found["place_before"]}
    return next(
        (
            m
            for m in parties
            if m.last <= action[0]
            and m.first not in places
            and not (m.first - 1 in places and sentence.forms[m.first - 1] in DETERMINERS)
        ),
        None,
    )


def counterpart(
    sentence: Sentence,
    cues: SentenceCues,
    mention: Mention,
    trigger: tuple[int, int],
    action: tuple[int, int],
    receive: bool,
    passive: frozenset[int],
) -> bool:
    """Whether ``mention`` (a third state) gives or receives in the action itself, by the marks
    ``orient`` reads: its case ("Ирану", "Тегераном"), a direction preposition right before it ("to
    Iran", "à l'Iran", "для Алжира", "from Iran"), an indirect object ("sold Iran jets"), a maker or
    sender next to the trigger ("Iranian drones", "drones iraniens", at most ``MAKER_GAP`` words
    before it: "Iranian attack drones") or the action's subject right before it, no name between, for a
    receiving action ("Vietnam to buy Russian jets") as for a giving one, whatever it sends ("Séoul envisage
    d'envoyer des experts étudier les armes nord-coréennes"); not one listed with a party ("North Korea
    and Iran supply Russia"), who shares the deed."""
    if (
        _case_role(sentence, mention, receive)
        or _marked(sentence, cues, mention, passive)
        or _factory(sentence, cues, mention)
    ):
        return True
    if _indirect_object(sentence, cues, mention, trigger, action, receive) or _maker(sentence, mention, trigger):
        return True
    if adjectival(sentence, cues, mention) and 0 < trigger[0] - mention.last <= MAKER_GAP:
        # "Iranian attack drones": a word of the weapon's kind between, no other name nor the action
        between = range(mention.last, trigger[0])
        if not any(m.first in between for m in sentence.mentions) and action[0] not in between:
            return True
    if mention.last > action[0] or adjectival(sentence, cues, mention) or _oblique(sentence, mention):
        return False
    if not receive and (_listed_with_party(sentence, mention) or not _plans(sentence, cues, mention.last, action[0])):
        return False
    return not any(mention.last <= other.first < action[0] for other in sentence.mentions)


def _plans(sentence: Sentence, cues: SentenceCues, start: int, end: int) -> bool:
    """Whether only a plan's words stand between tokens ``start`` and ``end`` (``modal_before`` cues and the
    infinitive's marker: "plans *to*", « envisage *d'* »), or nothing: the name before is the verb's subject
    ("Seoul sends", "Séoul envisage d'envoyer"; not "Séoul détaille le matériel expédié par Pyongyang")."""
    planned = {i for m in cues.found["modal_before"] for i in range(m.first, m.last)}
    return all(i in planned or sentence.forms[i] in INFINITIVE_MARKERS for i in range(start, end))


def _listed_with_party(sentence: Sentence, mention: Mention) -> bool:
    """Whether a list word alone joins ``mention`` to a watched mention, before or after it ("North Korea
    *and* Iran", "Iran *et* la Corée du Nord", an article aside)."""
    for other in sentence.mentions:
        if not other.watched:
            continue
        between = sentence.forms[other.last : mention.first] or sentence.forms[mention.last : other.first]
        words = [form for form in between if form not in DETERMINERS]
        if (other.last <= mention.first or mention.last <= other.first) and len(words) == 1 and words[0] in LIST_JOINS:
            return True
    return False


def _subject(sentence: Sentence, cues: SentenceCues, parties: list[Mention], action: tuple[int, int]) -> Mention | None:
    """The subject of the action: the first party before it that does not publish what the report
    shows ("*Российские* военкоры опубликовали кадры стрельбы…": the bloggers film the guns, they do
    not give them), unless its case says it is no subject (a genitive: "половину снарядов *российской*
    армии поставляет КНДР"); then a nominative noun right after the action, where a free word order
    or a question puts it ("поставляет *КНДР*", "поможет ли *Россия* КНДР")."""
    ahead = [m for m in parties if m.last <= action[0] and not _publisher(sentence, cues, m)]
    # "Moscow said that Pyongyang would send builders": the source speaks; the name after it is the subject
    found = [m for m in sources(sentence, cues) if m.last <= action[0]]
    speakers = {(m.first, m.last) for m in found}
    # "*Russian* Security Council secretary Sergei Shoigu said that North Korea would send…": a name before the
    # speaker in his comma segment is his title's, not the subject of what he says
    ahead = [
        m for m in ahead if not any(m.last <= s.first and cues.segment[m.first] == cues.segment[s.first] for s in found)
    ] or ahead
    before = next((m for m in ahead if (m.first, m.last) not in speakers), ahead[0] if ahead else None)
    if before is not None and _joined_subject(sentence, parties, before, action):
        return None  # "Moscou et Pyongyang ont reconnu la présence de ces troupes": both speak, neither gives
    if before is not None and not _oblique(sentence, before):
        return before
    # a question puts it after the verb and its particle: "поможет ли *Россия* КНДР"
    start = max([action[1], *(m.last for m in cues.found["question_particle"] if m.first == action[1])])
    after = next((m for m in parties if m.first == start), None)
    return after if after is not None and "Case=Nom" in sentence.tag(after.last - 1).split("|") else before


def _weapon_subject(cues: SentenceCues, trigger: tuple[int, int], action: tuple[int, int]) -> bool:
    """Whether the action's subject is the weapon itself: a ``subject_relative`` pronoun right after the trigger (a
    comma allowed) and at most a word before the action ("KN-23s among missiles *that hit* Pavlohrad", « des
    missiles *qui ont frappé* Pavlohrad », «ракет, *которые ударили* по Павлограду»). A party named before the
    weapon qualifies it; it is not who struck with it."""
    return any(
        trigger[1] <= match.first
        and cues.gap(trigger[1], match.first) == 0
        and match.last <= action[0]
        and cues.gap(match.last, action[0]) <= 1
        for match in cues.found["subject_relative"]
    )


def _joined_subject(sentence: Sentence, parties: list[Mention], first: Mention, action: tuple[int, int]) -> bool:
    """Whether ``first`` is joined by a list word to a party of another entity right after it, both before the
    action ("*Moscow and Pyongyang* acknowledged the troops", "*Москва и Пхеньян* признали"): a subject the two
    sides share names no giver."""
    join = first.last
    # a word, not a comma: "À Pyongyang, Medvedev transmet…" names a place, then the subject
    return (
        join < len(sentence.forms)
        and sentence.forms[join] in LIST_JOINS - {","}
        and any(m.first == join + 1 and m.entity != first.entity and m.last <= action[0] for m in parties)
    )


def _publisher(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether ``mention``, or the noun it qualifies, publishes: a ``publish`` cue at most
    ``PUBLISHER_GAP`` words after it, no other name between ("Russian bloggers published footage")."""
    return any(
        mention.last <= match.first
        and cues.gap(mention.last, match.first) <= PUBLISHER_GAP
        and not any(mention.last <= other.first < match.first for other in sentence.mentions)
        for match in cues.found["publish"]
    )


def _oblique(sentence: Sentence, mention: Mention) -> bool:
    """Whether the tagger gives ``mention`` a case other than the nominative (languages with cases only)."""
    features = sentence.tag(mention.last - 1).split("|")
    return any(f.startswith("Case=") for f in features) and "Case=Nom" not in features


def _case_role(sentence: Sentence, mention: Mention, doer_receives: bool) -> str | None:
    """The role the case of a noun ``mention`` gives it, not after a preposition: dative (or a bare
    locative, which pymorphy3 may prefer for the same form: "Москве") receives, instrumental is the
    doer: it gives (the agent of "передаче Россией", "переданные Пхеньяном") or, when
    ``doer_receives`` (a receiving deed told as a noun), receives ("о закупке Россией северокорейских
    вооружений": Russia buys)."""
    tag = sentence.tag(mention.last - 1)
    if tag.split("|")[0] not in ("NOUN", "PROPN") or _preposition_before_list(sentence, mention):
        return None
    if "Case=Dat" in tag or "Case=Loc" in tag:
        return "to"
    if "Case=Ins" in tag:
        return "to" if doer_receives else "from"
    return None


def _preposition_before_list(sentence: Sentence, mention: Mention) -> bool:
    """Whether a preposition governs ``mention``: right before it, or before the name it is coordinated
    with ("между КНДР и Россией": the instrumental is the preposition's, not an agent's)."""
    start = mention.first
    while sentence.forms[start - 1 : start] and sentence.forms[start - 1] in LIST_JOINS:
        before = next((m for m in sentence.mentions if m.last == start - 1), None)
        if before is None:
            break
        start = before.first
    return sentence.tag(start - 1).startswith("ADP|")


def _passive_participle(sentence: Sentence, action: tuple[int, int]) -> bool:
    """Whether the action ends in a passive participle ("поставленные", "переданных", "найдены")."""
    features = sentence.tag(action[1] - 1).split("|")
    return "VerbForm=Part" in features and "Voice=Pass" in features


def _passive_agent(sentence: Sentence, mention: Mention, action: tuple[int, int], receive: bool) -> str | None:
    """The role of a noun ``mention`` right after a passive participle (no preposition between): its
    agent, the giver ("поставленные КНДР снаряды", where the indeclinable name is read as a nominative),
    or the receiver of a receiving action ("полученные КНДР ракеты"). Another case is no agent
    ("переданные России снаряды": a dative or genitive form)."""
    if mention.first != action[1] or not _passive_participle(sentence, action):
        return None
    tag = sentence.tag(mention.last - 1).split("|")
    if tag[0] not in ("NOUN", "PROPN") or not ("Case=Nom" in tag or "Case=Ins" in tag):
        return None
    return "to" if receive else "from"


def _indirect_object(
    sentence: Sentence,
    cues: SentenceCues,
    mention: Mention,
    trigger: tuple[int, int],
    action: tuple[int, int],
    receive: bool,
) -> str | None:
    """``"to"`` when ``mention`` is a noun right after a giving action and at most ``OBJECT_GAP`` words
    before the trigger, no other name between: "gave North Korea … systems", "sent Russia
    anti-aircraft guns", "оказала КНДР техническую помощь" (not "thanks Kim for North Korean troops")."""
    start = mention.first
    if start > 0 and sentence.forms[start - 1] in DETERMINERS:
        start -= 1
    if receive or action[0] == trigger[0] or start != action[1] or mention.last > trigger[0]:
        return None
    if _passive_participle(sentence, action):
        return None  # "поставленные КНДР снаряды": the name after a passive participle is its agent
    if trigger[0] - mention.last > OBJECT_GAP or any(
        mention.last <= other.first < trigger[0] for other in sentence.mentions
    ):
        return None
    return None if adjectival(sentence, cues, mention) else "to"


def adjectival(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether ``mention`` is an adjective ("North Korean", "северокорейские"): the tagger says so, or
    its form has one of the profile's ``adjective_endings`` (untagged English demonyms: "-an")."""
    last = mention.last - 1
    return sentence.adjective(last) or sentence.forms[last].endswith(cues.profile.adjective_endings)


def _factory(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether ``mention`` is an adjective qualifying a production word ("traced to a North Korean
    factory", "sortent d'une usine nord-coréenne"): the weapons were made there, it is their maker. A
    production word before it whose agent is an armed ``formation`` right after it fired the weapon, it did
    not make it («снаряд, выпущенный *российской* артиллерией», where «выпущенный» is both "produced" and
    "fired"): the firer received it. A name right before a one-word ``maker`` participle made the weapon, noun
    or adjective ("*Pyongyang*-built", "*North Korean*-made")."""
    fired = any(m.first == mention.last for m in cues.found["formation"])
    if any(m.first == mention.last and m.last - m.first == 1 for m in cues.found["maker"]):
        return True  # "Pyongyang-built missile", "North Korean-made shells": the name joined to its maker's verb
    return adjectival(sentence, cues, mention) and any(
        m.first == mention.last or (m.last == mention.first and not fired) for m in cues.found["production"]
    )


def _marked(sentence: Sentence, cues: SentenceCues, mention: Mention, passive: frozenset[int]) -> str | None:
    """The role a preposition right before ``mention`` gives it (an article may sit between); an agent
    word of a receiving action (its end in ``passive``) makes it the receiver. Where adjectives follow nouns,
    a demonym right after the noun a preposition governs shares its mark (« la fourniture d'hélicoptères *à
    l'armée nord-coréenne* », as "to the North Korean army")."""
    start = _qualified_noun(sentence, cues, mention)
    if start > 0 and sentence.forms[start - 1] in DETERMINERS:
        start -= 1
    if start in passive:
        return "to"
    # the longest preposition ending there wins ("back *from* Kursk" is where troops were sent)
    ending = [
        (match.first, role)
        for kind, role in (("direction_from", "from"), ("direction_to", "to"))
        for match in cues.found[kind]
        if match.last == start
    ]
    return min(ending, key=lambda found: (found[0], found[1] != "from"))[1] if ending else None


def _qualified_noun(sentence: Sentence, cues: SentenceCues, mention: Mention) -> int:
    """The first token of the common noun ``mention`` qualifies right after it, where adjectives follow nouns
    (« l'*armée* nord-coréenne »), else ``mention``'s own first token."""
    noun = mention.first - 1
    if (
        cues.profile.code in POSTPOSED
        and noun >= 0
        and adjectival(sentence, cues, mention)
        and sentence.tag(noun).startswith("NOUN|")
        and not any(m.first <= noun < m.last for m in sentence.mentions)
    ):
        return noun
    return mention.first


def _readied_at(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether ``mention``, after a place word (``place_before``: "in", « à », «в»), stands right before a
    ``preparation`` verb: where troops are trained or picked («в КНДР готовят операторов беспилотников для отправки
    на российский фронт»), a locative, which says nothing of where they are sent."""
    start = mention.first
    if start > 0 and sentence.forms[start - 1] in DETERMINERS:
        start -= 1
    return any(m.last == start for m in cues.found["place_before"]) and any(
        m.first == mention.last for m in cues.found["preparation"]
    )


def _home_to(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether a ``home_to`` cue (where people return home: "flown back to", « rapatriés en », «обратно в»)
    sits right before ``mention`` (an article may sit between)."""
    start = mention.first
    if start > 0 and sentence.forms[start - 1] in DETERMINERS:
        start -= 1
    return any(match.last == start for match in cues.found["home_to"])


def _fought_for(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether a ``fought_for`` cue (what troops fought for: "battles for", « libération de », «в боях за
    освобождение») sits right before ``mention`` (an article may sit between): the state they were sent to."""
    start = mention.first
    if start > 0 and sentence.forms[start - 1] in DETERMINERS:
        start -= 1
    return any(match.last == start for match in cues.found["fought_for"])


def _homeward(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether a ``homeward`` cue (a return trip's origin: "home from", « de retour de ») sits right
    before ``mention`` (an article may sit between)."""
    start = mention.first
    if start > 0 and sentence.forms[start - 1] in DETERMINERS:
        start -= 1
    return any(match.last == start for match in cues.found["homeward"])


def _seller(cues: SentenceCues, mention: Mention, action: tuple[int, int], marked: str | None) -> str | None:
    """``marked`` unless it is a ``direction_to`` preposition after a word of buying (``purchase``), which
    names the seller: « acheter des roquettes *à Pyongyang* », « l'achat d'obus à la Corée du Nord »; the word
    may end the action's phrase (« chercherait à *acheter* des roquettes à Pyongyang »)."""
    if marked == "to" and any(
        m.first < action[1] and action[0] < m.last and m.last <= mention.first for m in cues.found["purchase"]
    ):
        return "from"
    return marked


def _destination(subject: Mention | None, mention: Mention, action: tuple[int, int], marked: str | None) -> bool:
    """Whether ``mention``, after a ``direction_to`` preposition between the receiving action's subject and
    the action, is where the subject goes to get the weapons (« Kim Jong-un attendu en Russie, en quête de
    technologies », "Kim heads to Russia seeking jets"): the place of the trip, who would give."""
    return (
        marked == "to"
        and subject is not None
        and subject.entity != mention.entity
        and subject.last <= mention.first
        and mention.last <= action[0]
    )


def _paid(cues: SentenceCues, trigger: tuple[int, int], action: tuple[int, int]) -> bool:
    """Whether a ``money`` word is what the receiving action receives: at most ``PAYMENT_GAP`` words after it, in
    its comma segment, before the trigger when the trigger follows ("КНДР могла получить около 20 млрд долларов от
    военного сотрудничества с Россией", "Pyongyang received $20 billion for the shells")."""
    end = trigger[0] if trigger[0] >= action[1] else len(cues.segment)
    return any(
        action[1] <= m.first < end
        and cues.segment[m.first] == cues.segment[action[0]]
        and cues.gap(action[1], m.first) <= PAYMENT_GAP
        for m in cues.found["money"]
    )


def _exchange(cues: SentenceCues, trigger: tuple[int, int], action: tuple[int, int]) -> int | None:
    """The first token of an ``exchange`` cue between the action and the trigger, at most
    ``EXCHANGE_GAP`` words before the trigger ("gives … oil *in exchange for* shells", "передаст …
    *в обмен на* снаряды"): the trigger is what pays for the deed. None when there is none."""
    return next(
        (
            match.first
            for match in cues.found["exchange"]
            if action[1] <= match.first
            and match.last <= trigger[0]
            and cues.gap(match.last, trigger[0]) <= EXCHANGE_GAP
            and cues.clause[match.first] == cues.clause[trigger[0]]
        ),
        None,
    )


def _relative_subject(
    sentence: Sentence, cues: SentenceCues, mention: Mention, trigger: tuple[int, int], action: tuple[int, int]
) -> bool:
    """Whether ``mention`` is a noun right between the trigger and its action, in no oblique case: the
    subject of a relative clause ("the rockets *Russia* fires"), not a name that qualifies the weapon
    ("missiles *nord-coréens* tirés")."""
    if mention.first != trigger[1] or mention.last != action[0]:
        return False
    return not adjectival(sentence, cues, mention) and not _oblique(sentence, mention)


def _distant_maker(
    sentence: Sentence, cues: SentenceCues, mention: Mention, trigger: tuple[int, int], action: tuple[int, int]
) -> str | None:
    """``"adjective"`` when ``mention`` is an adjective at most ``MAKER_GAP`` words before the trigger
    with only other adjectives or figures between ("северокорейской *баллистической* ракеты", "North
    Korean 240mm rockets"), or the head noun the trigger completes ("российских *систем* ПВО"): it
    qualifies the weapon too. Untagged words must hold a figure."""
    between = range(mention.last, trigger[0])
    if not adjectival(sentence, cues, mention) or not 0 < len(between) <= MAKER_GAP or action[0] in between:
        return None
    if any(m.first in between for m in sentence.mentions):
        return None
    head = trigger[0] - 1 if _complement_head(sentence, mention, trigger) else None
    if all(sentence.adjective(i) or any(c.isdigit() for c in sentence.forms[i]) or i == head for i in between):
        return "adjective"
    return None


def _postposed_maker(
    sentence: Sentence, cues: SentenceCues, mention: Mention, trigger: tuple[int, int], action: tuple[int, int]
) -> str | None:
    """``"adjective"`` when ``mention`` is a demonym after the trigger where adjectives follow nouns, at most
    ``MAKER_GAP`` words after it with only other adjectives between, no name nor the action (« bâtisseurs
    *militaires* nord-coréens », « soldats *supplémentaires* nord-coréens »): it qualifies them as one right after
    does (``_postposed``), as ``_distant_maker`` reads "North Korean 240mm rockets" before it."""
    between = range(trigger[1], mention.first)
    if cues.profile.code not in POSTPOSED or not 0 < len(between) <= MAKER_GAP or action[0] in between:
        return None
    if not adjectival(sentence, cues, mention) or any(m.first in between for m in sentence.mentions):
        return None
    return "adjective" if all(sentence.adjective(i) for i in between) else None


def _striking_make(
    sentence: Sentence, cues: SentenceCues, mention: Mention, trigger: tuple[int, int], action: tuple[int, int]
) -> str | None:
    """``"adjective"`` when the weapon is the subject of the strike after it (``_weapon_subject``) and ``mention`` is an
    adjective before the weapon in its comma segment: "Two *North Korean* KN-23s among missiles that hit Pavlohrad"
    names the make of what struck, however far from the weapon word."""
    if mention.last > trigger[0] or cues.segment[mention.first] != cues.segment[trigger[0]]:
        return None
    return "adjective" if adjectival(sentence, cues, mention) and _weapon_subject(cues, trigger, action) else None


def _complement_head(sentence: Sentence, mention: Mention, trigger: tuple[int, int]) -> bool:
    """Whether the word right before the trigger is the head noun whose genitive complement the trigger
    is, and the adjective ``mention`` agrees with that head: "*российских* систем ПВО" (Russian systems
    of air defence), "северокорейских комплексов ПВО" (the head's state is the weapon's maker)."""
    head = sentence.tag(trigger[0] - 1).split("|")
    if head[0] != "NOUN" or "Case=Gen" not in sentence.tag(trigger[0]).split("|"):
        return False
    case = next((f for f in head if f.startswith("Case=")), None)
    return case is not None and case in sentence.tag(mention.last - 1).split("|")


def _postposed(sentence: Sentence, cues: SentenceCues, mention: Mention, trigger: tuple[int, int]) -> bool:
    """Whether ``mention`` is an adjective right after the trigger where adjectives follow nouns ("missiles
    *nord-coréens*"): it qualifies the weapon as one before it does in English ("North Korean missiles")."""
    return cues.profile.code in POSTPOSED and mention.first == trigger[1] and adjectival(sentence, cues, mention)


def _maker(sentence: Sentence, mention: Mention, trigger: tuple[int, int]) -> str | None:
    """How ``mention`` qualifies the trigger, if it does (its maker or sender): ``"adjective"`` right
    before it ("North Korean missiles"), ``"other"`` as a possessive ("North Korea's troops") or right
    after it ("missiles nord-coréens", "снарядов российской армии")."""
    t0, t1 = trigger
    if mention.last == t0 or (mention.last < t0 and listed(sentence, mention, trigger)):
        return "adjective"  # "North Korean (and Ukrainian) soldiers"
    if (mention.last + 1 == t0 and sentence.forms[mention.last] == "s") or mention.first == t1:
        return "other"
    if tuple(sentence.forms[t1 : mention.first]) in STATE_OF:
        return "other"  # "soldiers of North Korea", "militaires de la Corée du Nord" (a state, with its article)
    if _owner_before(sentence, mention, t0):
        return "other"  # « au peuple nord-coréen, dont les militaires ont combattu »: the antecedent owns them
    # a designation between, with figures or quotes: "самоходных орудий M1989 «Коксан»", "howitzers M1989 Koksan"
    between = sentence.forms[t1 : mention.first]
    if mention.first > t1 and all(f in DESIGNATION or any(c.isdigit() for c in f) for f in between):
        return "other"
    return "other" if mention.first > t1 and listed(sentence, mention, trigger) else None


POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})  # "its Russia contingent": who owns the troops


def _stationed(sentence: Sentence, cues: SentenceCues, mention: Mention, trigger: tuple[int, int]) -> bool:
    """Whether ``mention`` is a country's noun (no demonym) between a possessive determiner and the trigger
    ("Pyongyang reinforced *its Russia* contingent", "their Kursk deployment"): the possessor's troops are
    there; the noun names where, not whose (a demonym would: "its North Korean troops")."""
    return (
        mention.last == trigger[0]
        and mention.first > 0
        and sentence.forms[mention.first - 1] in POSSESSIVES
        and not adjectival(sentence, cues, mention)
    )


def _owner_before(sentence: Sentence, mention: Mention, t0: int) -> bool:
    """Whether ``mention`` is the antecedent of a relative of possession (``WHOSE``) that opens on the trigger
    at ``t0``, a comma and an article allowed: "North Korea, whose soldiers fought…", « au peuple nord-coréen,
    dont les militaires ont combattu », «КНДР, чьи военные»: it owns them, as a possessive would."""
    between = [f for f in sentence.forms[mention.last : t0] if f != "," and f not in DETERMINERS]
    return len(between) == 1 and between[0] in WHOSE


def listed(sentence: Sentence, mention: Mention, trigger: tuple[int, int]) -> bool:
    """Whether only names and list words stand between ``mention`` and the trigger: it is one of the
    names that qualify it together ("North Korean and Ukrainian soldiers", "soldats ukrainiens et
    nord-coréens")."""
    named = {i for m in sentence.mentions for i in range(m.first, m.last)}
    t0, t1 = trigger
    span = range(mention.last, t0) if mention.last <= t0 else range(t1, mention.first)
    joins = [i for i in span if i not in named]
    return not span or (bool(joins) and len(joins) < len(span) and all(sentence.forms[i] in LIST_JOINS for i in joins))
