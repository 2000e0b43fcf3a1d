"""Who a report attributes its claim to: "Seoul says", "selon Washington", "по данным Киева".

A *source* is a mention followed by a reporting verb ("said", "a affirmé", "заявили") within a few
tokens, preceded by an attribution phrase ("according to", "selon", "по данным"), or a headline's
speaker before a colon ("Seoul: …"). The claimant of an event is the first source of its sentence,
else of the headline, else None (the report speaks in its own voice). It may be a party ("Moscow
confirms…") or a third country.
"""

from __future__ import annotations

from process.cues import DETERMINERS, SentenceCues
from process.document import Document, Sentence
from process.languages import LanguageProfile
from process.lexicon import Match
from process.watchlist import Mention

SOURCE_WINDOW = 4  # "South Korea's spy agency said": the reporting verb within this many tokens
SPEAKER_WORDS = 3  # "Минобороны Южной Кореи: …": words before a headline speaker and its colon
TITLE_WORDS = 8  # "посол России в Пхеньяне Александр Мацегора": from a speaker's state to his name
REGION_WORDS = 2  # « la région russe de Koursk »: words between a region noun and the region's name
NAME_WORDS = (2, 4)  # "…, Robert Wood, told…": the words of a person's name set between commas
POSSESSIVE = "s"  # "Russia's", folded: the possessive's own token
PARTISAN = frozenset({"pro", "anti"})  # "pro-Russian bloggers say": their side, not the state
CLAIM_OPENERS = ("VERB|", "AUX|", "SCONJ|")  # "affirme avoir vu", "says that": what is said opens, no subject
QUOTES = frozenset({"«", "»", '"', "“", "”", "„", "'"})  # marks around a title, no words of the phrase


def reach(forms: tuple[str, ...], start: int) -> int:
    """The end of ``SOURCE_WINDOW`` tokens from ``start``, quotation marks not counted: a speaker's document
    named between it and its verb is as near as its words ("Токио в «Белой книге» обвинил…")."""
    end, counted = start, 0
    while end < len(forms) and counted < SOURCE_WINDOW:
        counted += forms[end] not in QUOTES
        end += 1
    return end


def sources(sentence: Sentence, cues: SentenceCues) -> list[Mention]:
    """Mentions of ``sentence`` that attribute the report, in order."""
    out: list[Mention] = []
    starts = [m.first for m in sentence.mentions]
    introducers = cues.found["source_before"]  # "selon", "according": they introduce the next name
    forms = sentence.forms
    # ", affirme Washington", ", affirme le renseignement sud-coréen", ", said a South Korean lawmaker":
    # a reporting verb right after a comma has its subject after it, never the name before the comma
    inverted = [verb for verb in cues.found["source_after"] if verb.first > 0 and forms[verb.first - 1] == ","]
    hedges = {m.first for m in cues.found["hearsay"]}  # "video said to show…": hearsay, no speaker
    for mention in sentence.mentions:
        if _partisan(forms, mention) or _region(sentence, cues, mention) or _origin(cues, mention):
            continue
        after = [
            verb
            for verb in cues.near("source_after", mention.last, reach(forms, mention.last))
            # "to Russia, Seoul said"; "à Koursk, selon le Pentagone": the verb is another's
            if verb.first not in hedges
            and not any(mention.last <= first < verb.first for first in starts)
            and not any(i.first <= verb.first < i.last for i in introducers)
            and verb not in inverted
            and not _other_speaker(forms, mention.last, verb.first)
            # « Prisonniers nord-coréens : le CICR dit… »: a verb past a colon is the statement's own
            and ":" not in forms[mention.last : verb.first]
        ]
        after += [verb for verb in inverted if _subject_of(sentence, verb.last, mention.first)]
        before = [m for m in cues.found["source_before"] if 0 <= mention.first - m.last <= 1]
        before += [m for m in introducers if _qualifies_source(sentence, cues, m, mention, starts)]
        if (
            after
            or before
            or speaker(sentence, mention)
            or affiliation(sentence, cues, mention)
            or titled_speaker(sentence, cues, mention)
            or possessive_title(sentence, cues, mention, starts)
        ):
            out.append(mention)
    # "Koursk : … soldats tués, selon Kiev": a speaker the headline names outranks its label before the colon
    named = [m for m in out if not speaker(sentence, m)]
    # « Corée du Nord : des militaires russes repérés à Rajin, selon des analystes »: an attribution phrase after
    # the colon gives the headline's speaker though it names no state; the label before the colon is its topic
    colon = sentence.forms.index(":") if ":" in sentence.forms else None
    if colon is not None and any(m.first > colon for m in introducers):
        return named
    return named if named and len(named) < len(out) else out


def affiliation(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether ``mention`` (a third state) names a speaker's post in an appositive between commas right after
    the name that opens the sentence, the next comma opening on a reporting verb ("Andriy Kovalenko, head of
    a centre at Ukraine's security council, wrote that…"): the speaker's employer, not a party of what he
    says. (The segment before an inverted verb elsewhere is what is said: "…, KN-23, said Zelensky".)"""
    if mention.watched:
        return False
    forms, segment = sentence.forms, cues.segment[mention.first]
    span = [i for i, s in enumerate(cues.segment) if s == segment]
    start, end = span[0], span[-1] + 1
    return (
        start > 0
        and forms[start] == ","
        and all(forms[i] != "," and cues.segment[i] == cues.segment[0] for i in range(start))
        and end < len(forms)
        and forms[end] == ","
        and any(m.first == end + 1 for m in cues.found["source_after"])
    )


def possessive_title(sentence: Sentence, cues: SentenceCues, mention: Mention, starts: list[int]) -> bool:
    """Whether ``mention`` is the state whose possessive opens a speaker's title, his name and a reporting verb
    right after it ("Ukraine's military intelligence chief Kyrylo Budanov said", "…, South Korea's deputy defence
    minister Kim Seon-ho told reporters"): the state speaks through him, though the title pushes the verb past
    ``SOURCE_WINDOW``. Only words between (no comma, no other name), at most ``TITLE_WORDS``, the title's last
    word a ``speaker_title`` and one to three words of a name after it."""
    forms = sentence.forms
    start = mention.last
    if start >= len(forms) or forms[start] != POSSESSIVE:
        return False
    titles = [m.last for m in cues.found["speaker_title"] if m.first > start]
    hedges = {m.first for m in cues.found["hearsay"]}
    for verb in cues.found["source_after"]:
        if verb.first in hedges or not 0 < verb.first - start - 1 <= TITLE_WORDS:
            continue
        if not all(form.isalnum() for form in forms[start + 1 : verb.first]) or any(
            start < first < verb.first for first in starts
        ):
            continue
        title = max((end for end in titles if end < verb.first), default=None)
        if title is not None and 1 <= verb.first - title <= 3:
            return True
    return False


def titled_speaker(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether ``mention`` opens the sentence and the title of a speaker whose name follows between commas,
    a reporting verb with its complement right after them ("Washington's deputy envoy to the United Nations,
    Robert Wood, told the Council that…"): the speaker's state, however far its title pushes the verb."""
    return _title_end(sentence, cues, mention) is not None


def _title_end(sentence: Sentence, cues: SentenceCues, mention: Mention) -> int | None:
    """The comma that ends the title ``mention`` opens when it is a titled speaker's (``titled_speaker``), else
    None. The name is a few words with no name of a state; a verb that a comma or the end follows is a
    parenthesis, not the subject's ("North Korea's shells, military analysts said, …")."""
    forms = sentence.forms
    opener = mention.first <= 1 and (mention.first == 0 or forms[0] in DETERMINERS)
    # « Le gouverneur de la région russe de Koursk, Alexandre Khinchteïn, a annoncé… »: the region of the official
    # whose title opens the sentence speaks through him as well
    regional = official(sentence, cues, mention) and any(
        m.first == 0 or (m.first == 1 and forms[0] in DETERMINERS) for m in cues.found["regional_official"]
    )
    if not (opener or regional):
        return None
    first = next((i for i in range(mention.last, len(forms)) if forms[i] == ","), None)
    if first is None or cues.gap(mention.last, first) > TITLE_WORDS:
        return None
    if not all(form.isalnum() for form in forms[mention.last : first]):
        return None
    second = next((i for i in range(first + 1, len(forms)) if forms[i] == ","), None)
    if second is None or not NAME_WORDS[0] <= second - first - 1 <= NAME_WORDS[1]:
        return None
    if not all(form.isalpha() for form in forms[first + 1 : second]) or any(
        first < m.first < second for m in sentence.mentions
    ):
        return None
    spoken = any(
        verb.first == second + 1 and verb.last < len(forms) and forms[verb.last].isalnum()
        for verb in cues.found["source_after"]
    )
    return first if spoken else None


def addressed(sentence: Sentence, cues: SentenceCues, speakers: list[Mention]) -> list[Mention]:
    """Third-party mentions that belong to a speaker's words, not to what it says: inside a titled speaker's
    title ("Washington's deputy envoy *to the United Nations*, …") and the listener right after a `briefing`
    verb that follows a speaker ("…, told *the Security Council* that…"); never a watched state, which may be
    the one told or the one the title serves."""
    out: list[Mention] = []
    for first in speakers:
        end = _title_end(sentence, cues, first)
        if end is not None:
            out += [m for m in sentence.mentions if first.last <= m.first < end and not m.watched]
    verbs = [b for b in cues.found["briefing"] if any(s.last <= b.first for s in speakers)]
    forms = sentence.forms
    for mention in sentence.mentions:
        start = mention.first - (mention.first > 0 and forms[mention.first - 1] in DETERMINERS)
        if not mention.watched and any(b.last == start for b in verbs):
            out.append(mention)
    return out


def _qualifies_source(
    sentence: Sentence, cues: SentenceCues, introducer: Match[str], mention: Mention, starts: list[int]
) -> bool:
    """Whether ``mention`` is a demonym that closes the source phrase ``introducer`` opens, qualifying the
    organ before it (« selon les services de renseignement sud-coréens, », "according to South Korean
    intelligence officials"): no other name or comma between, the phrase ending at a comma or the
    sentence's end right after it."""
    forms = sentence.forms
    between = range(introducer.last, mention.first)
    last = mention.last - 1
    return (
        1 < len(between) <= SOURCE_WINDOW
        and not any(forms[i] == "," or i in starts for i in between)
        and (sentence.adjective(last) or forms[last].endswith(cues.profile.adjective_endings))
        and (mention.last == len(forms) or forms[mention.last] in {",", ".", ";", ":"})
    )


def _origin(cues: SentenceCues, mention: Mention) -> bool:
    """Whether ``mention`` is where the speaker comes from, a source preposition between it and the noun that
    names him («Пленный из КНДР рассказал…», "A deserter from North Korea says…"), or where unnamed sources are
    (``sources_in``: "sources inside North Korea told Daily NK", «источники в КНДР сообщили»): he speaks, or
    they do, not the state."""
    return any(m.last == mention.first and m.first > 0 for m in cues.found["direction_from"]) or any(
        m.last == mention.first for m in cues.found["sources_in"]
    )


def _region(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether ``mention`` names a region, where someone is rather than who speaks: a region noun and a
    preposition right before it ("dans la région de Koursk a déclaré": the soldier held there speaks; not a
    comma: "…in the Belgorod region, Seoul says"), a region noun right after it ("Курской области"), closing
    its name ("drone crews fighting in the Kursk region say") or after its possessive and the region's own
    name ("medics working in Russia's Belgorod region say")."""
    forms = sentence.forms
    if official(sentence, cues, mention):
        return False
    possessive = mention.last < len(forms) and forms[mention.last] == POSSESSIVE
    return any(
        (r.last == mention.first - 1 and forms[r.last].isalpha())
        or r.first == mention.last
        or mention.first < r.first < mention.last
        or (possessive and r.first == mention.last + 2)
        for r in cues.found["region_noun"]
    )


def official(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether ``mention`` is the region an official's title names right before it (``regional_official``, an
    article may sit between: "the governor of the Kursk region said", «губернатор Курской области заявил», «глава
    Суджанского района рассказал»): he speaks for the region, so for its state. A region his title does not name
    ("Sumy's governor said North Korean troops shelled the Kursk region") is what he speaks of."""
    forms = sentence.forms
    start = mention.first
    if start > 0 and forms[start - 1] in DETERMINERS:
        start -= 1
    ends = {match.last for match in cues.found["regional_official"]}
    if start in ends:
        return True
    # « le gouverneur de la région russe de Koursk », « le gouverneur de la région de Koursk »: the region noun
    # after the title, then the state's adjective or the region's name after a preposition (the tagger's)
    for region in cues.found["region_noun"]:
        head = region.first - (region.first > 0 and forms[region.first - 1] in DETERMINERS)
        between = range(region.last, mention.first)
        if (
            head in ends
            and len(between) <= REGION_WORDS
            and all(
                sentence.tag(i).startswith("ADP|")
                or any(m.entity == mention.entity and m.first <= i < m.last for m in sentence.mentions)
                for i in between
            )
        ):
            return True
    return False


def speaker(sentence: Sentence, mention: Mention) -> bool:
    """Whether ``mention`` is a headline's speaker before its colon ("Kiev : …", "Минобороны Южной
    Кореи: …"): at most ``SPEAKER_WORDS`` words before it, and the colon right after it, or, for a third
    country, after at most ``SPEAKER_WORDS`` words that name its organ or spokesman ("NATO's Rutte: …",
    "Японская береговая охрана: …"; a watched state's "Russia's pact: …" is a topic, and so are its demonym
    after a noun: « Prisonniers nord-coréens : … »)."""
    if mention.first > SPEAKER_WORDS:
        return False
    # « Prisonniers nord-coréens : … », « Soldats russes : … »: a watched state's demonym after the noun it
    # qualifies names the topic, the state's people or things, not who speaks
    if mention.watched and mention.first > 0 and _postposed_demonym(sentence, mention):
        return False
    after = sentence.forms[mention.last : mention.last + SPEAKER_WORDS + 1]
    return after[:1] == (":",) or (
        not mention.watched and ":" in after and all(f.isalnum() for f in after[: after.index(":")])
    )


def _postposed_demonym(sentence: Sentence, mention: Mention) -> bool:
    """Whether ``mention`` is an adjective right after the noun it qualifies (« prisonniers *nord-coréens* »):
    its last tagged word (a hyphenated name's pieces after the first carry no tag) an adjective, a noun
    before it."""
    tags = [sentence.tag(i) for i in range(mention.first, mention.last) if sentence.tag(i)]
    before = sentence.tag(mention.first - 1)
    return bool(tags) and tags[-1].startswith("ADJ|") and before.startswith(("NOUN|", "PROPN|"))


def claimant(doc: Document, sentence: Sentence, cues: SentenceCues) -> str | None:
    """The entity ``sentence``'s report is attributed to (its own sources first, then the headline's)."""
    found = attributors(sentence, cues)
    speaks_on = cues.found["anaphoric_source"] or (sentence.index > 1 and continues(doc, cues.profile, sentence.index))
    if not found and sentence.index > 0 and speaks_on:
        found = _antecedent(doc, sentence.index - 1, cues.profile)  # "He said…": the previous sentence's speaker
    if not found and sentence.index > 0 and doc.sentences:
        headline = doc.sentences[0]
        found = attributors(headline, SentenceCues(headline, cues.profile))
    if not found and doc.sentences:
        found = _introduced(doc, cues.profile)
    return found[0].entity if found else None


def attributors(sentence: Sentence, cues: SentenceCues) -> list[Mention]:
    """The mentions that attribute ``sentence``'s own report: its sources, else its publishers, else the places a
    local official named by his title alone speaks for (``local_spoken``)."""
    return sources(sentence, cues) or publishers(sentence, cues) or local_spoken(sentence, cues)


def local_spoken(sentence: Sentence, cues: SentenceCues) -> list[Mention]:
    """The watched places of ``sentence`` when a ``local_official`` with no name of a state before or after his
    title is the subject of its reporting verb ("…cleared mines in Kursk, governor says", "regional governor
    Alexander Khinshtein said", «…прибыли в Курскую область, сообщил губернатор»): a governor speaks for the
    region he governs, which is the place his sentence names (its names but the demonyms, a region's adjective
    before its noun kept: «Курскую область»); a third state's place makes him a third state's official."""
    if not any(_local_speaker(sentence, cues, title) for title in cues.found["local_official"]):
        return []
    return [
        m for m in sentence.mentions if m.watched and (_region(sentence, cues, m) or not _demonym(sentence, cues, m))
    ]


def _demonym(sentence: Sentence, cues: SentenceCues, mention: Mention) -> bool:
    """Whether ``mention`` is an adjective ("North Korean sappers", «северокорейские военные»): it qualifies the
    people or things told of, not a place."""
    last = mention.last - 1
    return sentence.adjective(last) or sentence.forms[last].endswith(cues.profile.adjective_endings)


def _local_speaker(sentence: Sentence, cues: SentenceCues, title: Match[str]) -> bool:
    """Whether the ``local_official`` ``title`` speaks, unnamed but by his own name: no word before it but an
    article ("Sumy governor", "Kursk's governor" are named) and none after it but a name ("the governor of the Sumy
    region", «губернатор Сумской области» are named too). It follows an inverted reporting verb, an article between
    at most (", a déclaré le gouverneur", ", сообщил губернатор"), or a reporting verb follows it past his name
    ("governor Alexander Khinshtein said")."""
    forms = sentence.forms
    start = title.first - 1 if title.first > 0 and forms[title.first - 1] in DETERMINERS else title.first
    verbs = cues.found["source_after"]
    named = title.last
    while named < len(forms) and sentence.tag(named).startswith("PROPN|"):
        named += 1
    if named < len(forms) and forms[named].isalnum() and not any(v.first == named for v in verbs):
        return False
    if any(verb.last == start for verb in verbs):
        return True
    return not (start > 0 and forms[start - 1].isalnum()) and any(verb.first == named for verb in verbs)


def _antecedent(doc: Document, index: int, profile: LanguageProfile) -> list[Mention]:
    """Who a speaking pronoun ("He said", « Il a indiqué », «По его словам») stands for: the source of the
    sentence at ``index``, else its subject — its first name that no place word or preposition governs
    ("Валерий Герасимов доложил президенту…"); a sentence that speaks through a pronoun itself passes
    its own antecedent on."""
    sentence = doc.sentences[index]
    cues = SentenceCues(sentence, profile)
    found = attributors(sentence, cues)
    if found:
        return found
    if cues.found["anaphoric_source"] and index > 0:
        return _antecedent(doc, index - 1, profile)
    places = {m.last for kind in ("place_before", "direction_to", "direction_from") for m in cues.found[kind]}
    # "…, сообщает издание NK News со ссылкой на источники", "…, said a lawmaker on the intelligence committee of
    # South Korea": an inverted reporting verb names who speaks after it, as far as his title reaches; its
    # subject unnamed, the sentence's first name is what he speaks of, not the pronoun's antecedent
    forms = sentence.forms
    inverted = [v for v in cues.found["source_after"] if v.first > 0 and forms[v.first - 1] == ","]
    if inverted:
        verb = inverted[0].last
        titled = [
            m
            for m in sentence.mentions
            if 0 <= m.first - verb <= TITLE_WORDS
            and m.first not in places
            and all(form.isalnum() for form in forms[verb : m.first])
        ]
        return titled[:1]
    subject = next(
        (
            m
            for m in sentence.mentions
            if m.first not in places
            and not (m.first > 0 and sentence.forms[m.first - 1] in DETERMINERS and m.first - 1 in places)
            and not sentence.tag(m.first - 1).startswith("ADP|")
        ),
        None,
    )
    return [subject] if subject is not None else []


def continues(doc: Document, profile: LanguageProfile, index: int) -> bool:
    """Whether sentence ``index`` opens with a ``continuation`` cue (a pronoun for the one who spoke or
    acted before: "Он отметил", "She added", « Il a précisé », "По его словам"): the same story goes on."""
    if len(doc.sentences) <= index:
        return False
    return any(m.first == 0 for m in profile.cue("continuation").find(doc.sentences[index].forms))


def _introduced(doc: Document, profile: LanguageProfile) -> list[Mention]:
    """The state of a headline's speaker who is no named entity ("Мацегора: …"), as the lead introduces
    him: the first name within ``TITLE_WORDS`` words before his name there, not after a place word, his
    title's ("…, рассказал посол России в Пхеньяне Александр Мацегора", "Russia's ambassador to
    Pyongyang, Alexander Matsegora, said")."""
    if len(doc.sentences) < 2:
        return []
    headline, lead = doc.sentences[0], doc.sentences[1]
    forms = headline.forms
    colon = forms.index(":") if ":" in forms else None
    if not colon or colon > SPEAKER_WORDS or any(m.first < colon for m in headline.mentions):
        return []
    name = forms[colon - 1]
    if not name.isalpha():
        return []
    cues = SentenceCues(lead, profile)
    places = {m.last for kind in ("place_before", "direction_to") for m in cues.found[kind]}
    for index, form in enumerate(lead.forms):
        if form == name:
            before = [
                m
                for m in lead.mentions
                if index - TITLE_WORDS <= m.first
                and m.last <= index
                and m.first not in places
                and not (lead.forms[m.first - 1] in DETERMINERS and m.first - 1 in places)
            ]
            if before and all(f.isalnum() or f == "," for f in lead.forms[before[0].first : index]):
                return before[:1]
    return []


def publishers(sentence: Sentence, cues: SentenceCues) -> list[Mention]:
    """Mentions right before a publishing verb ("Moscou diffuse des images de…", "Russia releases
    footage of…"): they vouch for what they show, but unlike a speaker they may still be a party or a
    front ("L'Ukraine diffuse la vidéo d'un soldat nord-coréen capturé")."""
    starts = [m.first for m in sentence.mentions]
    return [
        mention
        for mention in sentence.mentions
        if not _partisan(sentence.forms, mention)
        and any(
            not any(mention.last <= first < verb.first for first in starts)
            for verb in cues.near("publish", mention.last, mention.last + SOURCE_WINDOW)
        )
    ]


def _partisan(forms: tuple[str, ...], mention: Mention) -> bool:
    """Whether ``mention`` is qualified by a partisan prefix ("pro-Russian bloggers", "anti-Kremlin
    media"): it names a side, not the state speaking."""
    return mention.first > 0 and forms[mention.first - 1] in PARTISAN


def _other_speaker(forms: tuple[str, ...], end: int, verb: int) -> bool:
    """ "…in Russian arsenals, report says": words after a comma are the verb's own subject."""
    comma = next((i for i in range(end, verb) if forms[i] == ","), None)
    return comma is not None and verb - comma > 1


def _subject_of(sentence: Sentence, verb: int, start: int) -> bool:
    """Whether a mention at ``start`` is the subject after an inverted reporting verb ending at ``verb``:
    within a few words and no punctuation between (", affirme le renseignement sud-coréen"), and no verb or
    conjunction opening what is said (", affirme *avoir identifié* des soldats nord-coréens", ", says *that*…":
    the mention is in the claim, and the comma closed an aside on the subject before it)."""
    forms = sentence.forms
    return (
        0 <= start - verb <= SOURCE_WINDOW
        and all(form.isalnum() for form in forms[verb:start])
        and not any(sentence.tag(i).startswith(CLAIM_OPENERS) for i in range(verb, start))
    )
