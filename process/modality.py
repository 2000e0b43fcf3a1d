"""Is the deed done: pending, hypothetical, asked about, negated or denied.

- *pending*: a modal or future form around an action ("will sign", "pourrait être signé", French
  future/conditional verbs), a "planned"/"expected" after it, a notice given of it ("avertit Tokyo
  d'un lancement"), or what a plan is about ("talks on supplies") puts its stage ahead;
- *hypothetical*: a warning, condition or "any" before the trigger, or a speculative question not
  answered yes ("Could Russia hand jets to North Korea?"): nothing is reported;
- *negated*: a negation right before the action or trigger ("n'a pas signé"), a negative determiner
  opening its noun phrase ("no agreement"), or a negated "planned" after it ("визит не планируется").
"""

from __future__ import annotations

from process.cues import SentenceCues
from process.document import Document, Sentence
from process.events import EventType, StageCue
from process.languages import LanguageProfile
from process.lexicon import Match
from process.phrase import (
    object_start,
    partner_between,
    place_phrase,
)

OPENING_QUOTES = ("«", "“")
QUOTES = ("«", "»", "“", "”")
QUOTE_OPENERS = {"«": "»", "“": "”", "„": "“"}  # each opening mark and its closing one
MODIFIERS = ("ADV", "PROPN", "ADJ", "ADP", "DET")  # the words of a noun phrase's modifiers
MODAL_WINDOW = 4  # tokens before (or after) an action that a modal cue may sit
NEGATION_WINDOW = 3  # tokens before an action that a negation may sit
HYPOTHETICAL_WINDOW = 8
NOTICE_OBJECT = 4  # words (names aside) of the addressee between a notice verb and its "of"
NOTICE_REACH = 2  # words between that "of" and the deed noticed ("d'un prochain lancement")
# languages without articles: every noun is bare, so a bare noun after "для" says nothing of a purpose
ARTICLELESS = frozenset({"ru"})
PUNDIT_OPENING = 3  # words before a pundit that opens a headline's part ("Pour un chercheur", "a Seoul analyst")
ANSWER_REACH = 6  # words of the sentence after a question that may hold its answer ("Evidence says yes")


def notices(cues: SentenceCues, index: int) -> list[Match[str]]:
    """The notice verbs whose object is the deed at token ``index``: a ``notice`` verb, its addressee,
    then its first ``notice_of`` preposition right before the deed, in one clause ("Pyongyang avertit
    Tokyo d'un prochain lancement", "предупредила Японию о запуске"; not "avertit Séoul d'une riposte
    par des tirs"). A deed one gives notice of is ahead."""
    clause = cues.clause[index]
    found = []
    for notice in cues.in_clause("notice", index):
        after = [p for p in cues.in_clause("notice_of", index) if p.first >= notice.last]
        first = min(after, key=lambda p: p.first, default=None)
        if (
            first is not None
            and first.last <= index
            and cues.gap(notice.last, first.first) <= NOTICE_OBJECT
            and cues.gap(first.last, index) <= NOTICE_REACH
            and cues.clause[first.first] == clause
        ):
            found.append(notice)
    return found


def topic_of_plan(
    sentence: Sentence,
    cues: SentenceCues,
    actions: list[Match[StageCue]],
    action: Match[StageCue],
    trigger_start: int,
) -> bool:
    """Whether ``action`` is what a plan of the same event is about: a topic preposition right before
    it and, earlier in its clause, an action of the least advanced stage (one with no pending stage):
    "переговоры Москвы и Пхеньяна *о поставках* снарядов" (talks on supplies, not supplies); or such
    a plan right before it, governing it as its object, an article, a partner or a place at most between:
    "обсуждают поставки оружия", "négocier la vente d'obus", « négocier à Vladivostok la vente d'obus »."""
    clause = cues.clause[action.first]
    plans = [plan for plan in actions if plan.payload.pending is None and cues.clause[plan.first] == clause]
    start = object_start(sentence, trigger_start, action.first)
    if any(
        plan.last == start
        or partner_between(sentence, plan.last, start)
        or place_phrase(sentence, cues, plan.last, start)
        for plan in plans
    ):
        return True
    if not any(m.last == start for m in cues.near("topic", start - 1, start)):
        return False
    return any(plan.last < start for plan in plans)


def asked_about(cues: SentenceCues, index: int) -> bool:
    """Whether an ``interrogative`` word sits before the action at token ``index`` in its clause,
    within ``HYPOTHETICAL_WINDOW`` words: "what weapons could Russia give", "quelles armes la Russie
    pourrait livrer", "какие технологии Москва может передать" ask what might happen."""
    asking = cues.in_clause("interrogative", index)
    return any(m.last <= index and cues.gap(m.last, index) < HYPOTHETICAL_WINDOW for m in asking)


def hypothetical(cues: SentenceCues, sentence: Sentence, t0: int, inside: set[int], answered: bool = False) -> bool:
    """A warning, condition or "any" before the trigger in its clause, or a speculative question
    ("Could Russia hand jets to North Korea?"; "Will they sign this week?" stays a plan), unless it is
    ``answered`` yes (``answered_yes``). A cue that is part of an action (``inside``: "navigational warning")
    does not count."""
    for match in cues.in_clause("hypothetical", t0):
        if match.first in inside:
            continue
        if match.last <= t0 and t0 - match.last < HYPOTHETICAL_WINDOW:
            return True
    # "передача Пхеньяну российских истребителей пока маловероятна": a deed judged unlikely, wherever the
    # judgement stands in the clause, is no deed nor plan
    if any(match.first not in inside for match in cues.in_clause("improbable", t0)):
        return True
    if answered:
        return False  # "Поможет ли Россия? — Поэтому мы сюда и приехали": the answer says yes
    if cues.in_clause("question_particle", t0):
        return True  # "Приедет ли Ким в Москву?", "не сказал, посетит ли Путин КНДР": a question, direct or reported
    question = any(form == "?" and index > t0 for index, form in enumerate(sentence.forms))
    return question and any(match.last <= t0 for match in cues.in_clause("speculation", t0))


def supposed_subject(sentence: Sentence, cues: SentenceCues, t0: int, t1: int, a0: int, a1: int) -> bool:
    """Whether a headline's deed is told as a participle of its trigger ("North Korean troops *sent* to
    Ukraine", «*отправленные* на Украину военные КНДР») whose noun is the subject of a ``conditional`` after
    both ("…would be 'cannon fodder'", «…стали бы пушечным мясом»): troops supposed, not troops sent. The
    participle follows the trigger right after it, or (tagged languages) precedes it in its comma segment."""
    if sentence.index != 0 or cues.segment[a0] != cues.segment[t0]:
        return False
    participle = a0 == t1 or (a1 <= t0 and "VerbForm=Part" in sentence.tag(a0).split("|"))
    return participle and any(
        m.first >= max(a1, t1) and cues.clause[m.first] == cues.clause[t0] for m in cues.found["conditional"]
    )


def speculative(doc: Document, headline: Sentence, cues: SentenceCues) -> bool:
    """Whether the headline asks a yes/no question ("Приедет ли Ким Чен Ын в Москву?", "Could Russia
    send troops…?"): the body weighs it, and what it says about plans or guests is no news. A question
    particle asks without a question mark where it opens the headline after its verb or sits in a first
    clause a colon closes ("Приедет ли Ким Чен Ын на форум: эксперты оценили шансы"); not in a question
    reported further on ("Песков не сказал, посетит ли Путин КНДР"), nor one whose answer the colon
    introduces ("Посетит ли Путин КНДР: в Кремле ответили")."""
    question = "?" in headline.forms or _question_opens(headline, cues)
    asks = bool(cues.found["question_particle"] or cues.found["speculation"])
    return question and asks and not answered_yes(doc, headline, cues)


def _question_opens(headline: Sentence, cues: SentenceCues) -> bool:
    """Whether a question particle (a capitalised «Ли», a Korean surname, is none: ``SentenceCues``) opens
    ``headline`` right after its first word, or sits in its first clause when a colon closes that clause: a
    direct question told without its mark."""
    colon = next((i for i, form in enumerate(headline.forms) if form == ":"), None)
    if colon is not None and any(m.first > colon for m in cues.found["reply"]):
        return False  # "…: в Кремле ответили": the headline reports the answer, which the body tells
    return any(
        m.first == 1 or (colon is not None and m.last <= colon and cues.clause[m.first] == cues.clause[0])
        for m in cues.found["question_particle"]
    )


def answered_yes(doc: Document, sentence: Sentence, cues: SentenceCues) -> bool:
    """Whether an ``affirmative`` answer follows a question in ``sentence``: after its "?" or its question
    particle ("Отвечая на вопрос, поможет ли Россия…, Путин сказал: «Поэтому мы сюда и приехали»"), or
    within ``ANSWER_REACH`` words of the next sentence, after a "?" ("Is North Korea arming Russia?
    Evidence says yes"). The question then reports the deed it asks about."""
    asked = [index for index, form in enumerate(sentence.forms) if form == "?"]
    asked += [m.first for m in cues.found["question_particle"]]
    if not asked:
        return False
    if any(m.first > min(asked) for m in cues.found["affirmative"]):
        return True
    following = doc.sentences[sentence.index + 1] if sentence.index + 1 < len(doc.sentences) else None
    if following is None or sentence.forms[-1] != "?":
        return False
    return bool(cues.profile.cue("affirmative").find(following.forms[:ANSWER_REACH]))


def negated(cues: SentenceCues, index: int, window: int = NEGATION_WINDOW) -> bool:
    """A negation right before token ``index`` that is not part of a modal ("n'exclut pas de"), nor a
    privative preposition with its own noun between ("allowing officials to travel *without visas* has
    entered into force": the visas are lacking, not the deed; "without signing" negates)."""
    modals = cues.found["modal_before"]
    privative = {m.first for m in cues.found["privative"] if m.last < index}
    return any(
        not any(m.first <= n.first < m.last for m in modals) and n.first not in privative
        for n in cues.near("negation", index - window, index)
    )


def unsaid(cues: SentenceCues, index: int, window: int = NEGATION_WINDOW) -> bool:
    """Whether the negation before token ``index`` is a reporting verb's, that verb standing between them
    ("Moscow has not acknowledged the presence of…", « n'ont pas reconnu leur présence », «не признаёт
    присутствия»): what is left unsaid is neither reported nor denied."""
    return any(
        n.last <= verb.first and verb.last <= index
        for n in cues.near("negation", index - window, index)
        for verb in cues.found["source_after"]
    )


def denied_phrase(sentence: Sentence, cues: SentenceCues, t0: int) -> bool:
    """A negative determiner opening the trigger's noun phrase, a few words before it and no name,
    number or punctuation between: "no new military pact", "aucun nouvel accord", "никакого нового договора",
    « Pas de nouvel accord ». Not inside a modal: « n'exclut pas de signer un accord » keeps the plan open."""
    modals = cues.found["modal_before"]
    return any(
        not any(d.first <= m.first < d.last for d in modals)
        and all(form.isalpha() for form in sentence.forms[m.last : t0])
        and not any(m.last <= other.first < t0 for other in sentence.mentions)
        for m in cues.near("negative_determiner", t0 - NEGATION_WINDOW, t0)
    )


def negated_after(cues: SentenceCues, t1: int) -> bool:
    """A negated "planned"/"will take place" after a trigger that is its own action, in its clause:
    "визит Путина в КНДР пока не планируется", "визит главы МИД КНДР в Москву не состоится"."""
    return any(
        m.first >= t1
        and cues.clause[m.first] == cues.clause[t1 - 1]
        and cues.gap(t1, m.first) < HYPOTHETICAL_WINDOW
        and negated(cues, m.first, window=2)
        for m in cues.found["modal_after"]
    )


def pending_action(
    sentence: Sentence,
    cues: SentenceCues,
    a0: int,
    a1: int,
    answered: bool = False,
    tribute: bool = False,
    trigger: tuple[int, int] | None = None,
) -> bool:
    """A modal before, a "planned"/"expected" after, a future/conditional verb, an action word whose own
    form is never a deed (a Russian infinitive: "пригласил Кима посетить Москву"), or a question not
    ``answered`` yes. A ``tribute`` (an acknowledgement of the deed: a memorial, thanks) is planned only by
    a modal on its own verb, at most one word before it ("will thank", "va rendre hommage"): in "vont
    ériger un monument en hommage aux soldats", "a monument to the soldiers will be built", what is ahead
    is the memorial, not the deed it honours. A purpose word with the ``trigger`` right after it governs the
    trigger, not a participle that follows it ("a gala for units returned from the front": they came back)."""
    if ("?" in sentence.forms and not answered) or cues.near("future_forms", a0, a1):
        return True  # "enverra", "déploieraient": futures the tagger misses; a question not answered yes
    # a headline's colon joins two statements, not a clause (``SentenceCues``): a modal or future before it
    # tells the consequence, not the deed after it ("Diplomas will be recognised: the Duma ratified the accord")
    opened = _statement_start(sentence, a0)
    # names do not count, as for the modals it covers: « rend compte à Poutine de l'essai »
    realis = [
        r
        for r in cues.found["realis"]
        if r.first < a0 and (r.last > a0 - MODAL_WINDOW or cues.gap(r.last, a0) < MODAL_WINDOW)
    ]
    own = sentence.tag(a0).split("|")
    realis = realis + cues.near("remembrance", a0, a0 + 1)
    if not realis and any(feature in own for feature in cues.profile.pipeline.pending_self):
        return True
    # names do not count before it either: "ожидают Ким Чен Ына с визитом" (Kim is awaited)
    modals = [
        m
        for m in cues.found["modal_before"]
        if opened <= m.first < a0 and (m.last > a0 - MODAL_WINDOW or cues.gap(m.last, a0) < MODAL_WINDOW)
    ]
    # "pour lancer", "to launch": an infinitive of purpose; "pour le lancement" names the deed itself
    if not sentence.tag(a0).startswith("NOUN|"):
        modals += [
            m
            for m in cues.found["modal_adjacent"]
            if 0 <= a0 - m.last <= 1 and not (trigger is not None and trigger[0] <= m.last < min(trigger[1], a0))
        ]
    elif cues.profile.code not in ARTICLELESS:
        # « soumis pour ratification »: a bare noun right after it is the purpose, as "for" is in English
        # (not «применили ракеты для удара по Киеву»: the strike was made)
        modals += [m for m in cues.found["modal_adjacent"] if a0 == m.last]
    if _purpose_after_noun(sentence, cues, a0):
        return True
    if not realis and _light_infinitive(sentence, cues, a0):
        return True
    if _put_off(sentence, cues, a0):
        return True
    if tribute:
        modals = [m for m in modals if a0 - m.last <= 1]
    if any(not any(r.first <= m.first < r.last for r in realis) for m in modals):
        return True
    # names do not count: "signing of the treaty between Russia and North Korea is scheduled…"
    # ...nor does a quotation: «стартует с «Байтерека» до конца года»
    # ...nor, after a deed told as a noun, its noun phrase's modifiers: «Запуск грузового корабля «Прогресс» с
    # космодрома Байконур запланирован на 3 июля» (the subject's adjectives and prepositions)
    noun = sentence.tag(a0).startswith("NOUN|")

    def between(m: Match[str]) -> int:
        if noun:
            return cues.gap(a1, m.first) - modifier_words(sentence, a1, m.first)
        return cues.gap(a1, m.first) - quoted_tokens(sentence, a1, m.first)

    if not tribute and any(
        m.first >= a1 and between(m) < MODAL_WINDOW and not place_clause(sentence, cues, m.first, a0)
        for m in cues.found["modal_after"]
    ):
        return True
    reported = {i for r in cues.near("realis", a0 - MODAL_WINDOW, a1) for i in range(r.first, r.last)}
    # «никогда не забудет их подвиг»: a promise to remember looks back at the deed; its future is no plan
    reported |= {i for r in cues.near("remembrance", a0, a1) for i in range(r.first, r.last)}
    # "aurait fourni": the French conditional of reported speech tells a past deed, not a plan
    # « érigera un monument en hommage »: the memorial's future, on its own verb only; else a quotation between
    # the verb and the deed is no distance («проведет серию «демонстрационных» ракетных пусков»)

    def governs(i: int) -> bool:
        return a0 - i <= 1 if tribute else a0 - i - quoted_tokens(sentence, i, a0) <= MODAL_WINDOW

    return any(f and i >= opened and i not in reported and governs(i) for i, f in enumerate(sentence.future[:a1]))


def _statement_start(sentence: Sentence, a0: int) -> int:
    """The first token of the headline statement that holds the action at ``a0``: the token after the last
    colon before it in the headline (0 elsewhere, or without a colon). "Russia-DPRK treaty: signing set for
    Wednesday" opens with a topic, whose words govern nothing after the colon."""
    if sentence.index:
        return 0
    return max((i + 1 for i, form in enumerate(sentence.forms[:a0]) if form == ":"), default=0)


def place_clause(sentence: Sentence, cues: SentenceCues, index: int, a0: int) -> bool:
    """Whether the word at ``index`` sits in a later comma segment than the action at ``a0``, one that a
    ``place_relative`` word opens right after its comma ("прибыла в Пхеньян, *где будет работать*", "arrived in
    Pyongyang, *where they will work*", « arrivés à Koursk, *où ils resteront* »): what it says is ahead happens at
    the place named, after the action; it does not put the action itself ahead."""
    segment = cues.segment[index]
    if segment == cues.segment[a0]:
        return False
    start = cues.segment.index(segment)
    return any(
        m.first < index and all(not form.isalnum() for form in sentence.forms[start : m.first])
        for m in cues.found["place_relative"]
        if cues.segment[m.first] == segment
    )


def quotations(sentence: Sentence, start: int, end: int) -> list[tuple[int, int]]:
    """The (opening, closing) token indexes of the quotations that open and close between tokens ``start``
    and ``end``, left to right."""
    found = []
    index = start
    while index < end:
        closer = QUOTE_OPENERS.get(sentence.forms[index])
        close = next((j for j in range(index + 1, end) if sentence.forms[j] == closer), None) if closer else None
        if close is None:
            index += 1
            continue
        found.append((index, close))
        index = close + 1
    return found


def quoted_tokens(sentence: Sentence, start: int, end: int) -> int:
    """Tokens, marks included, of the quotations between tokens ``start`` and ``end``: a quoted name or
    qualifier (« Baïterek », «демонстрационных») is no distance between two words."""
    return sum(close + 1 - opening for opening, close in quotations(sentence, start, end))


def noun_action_ahead(sentence: Sentence, cues: SentenceCues, action: Match[StageCue], t0: int, t1: int) -> bool:
    """A deed told as a noun before the trigger it governs, with a ``modal_after`` cue right after the
    trigger in its clause: the whole phrase is still ahead (« le lancement de la fusée Angara à nouveau
    reporté », «пуск ракеты «Ангара» снова перенесли»); a verb (« a tiré des missiles avant les
    manœuvres de la semaine prochaine ») keeps its own tense. Tagged languages only: English runs untagged."""
    if action.last > t0 or not sentence.tag(action.first).startswith("NOUN|"):
        return False
    if cues.segment[action.first] != cues.segment[t0]:
        return False
    return any(
        m.first >= t1
        and cues.clause[m.first] == cues.clause[t0]
        # the weapon's own name and adverbs do not count: « fusée Angara-A5 à nouveau reporté », «снова перенесли»;
        # nor do the noun phrase's modifiers (adjectives, prepositions, a quoted craft's name): «пуск ракеты
        # с грузовым кораблём «Прогресс» запланирован»
        and cues.gap(t1, m.first) - modifier_words(sentence, t1, m.first) < MODAL_WINDOW
        for m in cues.found["modal_after"]
    )


def modifier_words(sentence: Sentence, start: int, end: int) -> int:
    """Tokens between ``start`` and ``end`` that modify a noun phrase (adverbs, names, adjectives,
    prepositions, determiners) or sit inside «…» quotation marks (a craft's quoted name)."""
    quoted = False
    words = 0
    for i in range(start, end):
        form = sentence.forms[i]
        if form in QUOTES:  # the marks are no words either
            quoted = form in OPENING_QUOTES
            words += 1
            continue
        words += quoted or sentence.tag(i).startswith(MODIFIERS)
    return words


def _light_infinitive(sentence: Sentence, cues: SentenceCues, a0: int) -> bool:
    """A noun action whose light verb (``light_verb``: «провести», «осуществить») is an infinitive right
    before its noun phrase (its modifiers aside): the verb's own form is never a deed, so neither is the noun
    it carries («распорядился провести испытательные стрельбы», «решил осуществить запуск»: ordered, not done).
    """
    if not sentence.tag(a0).startswith("NOUN|"):
        return False
    pending = cues.profile.pipeline.pending_self
    return any(
        m.last <= a0
        and modifier_words(sentence, m.last, a0) == a0 - m.last
        and any(feature in sentence.tag(m.first).split("|") for feature in pending)
        for m in cues.found["light_verb"]
    )


def _put_off(sentence: Sentence, cues: SentenceCues, a0: int) -> bool:
    """A noun action right after a verb that puts it off (``put_off``: «перенёс», « a reporté »), its modifiers
    aside: the deed moved to a later date is still ahead («Роскосмос перенёс пуск ракеты», « l'agence a reporté
    le lancement »), as it is with the participle after it (``modal_after``: «пуск перенесли»). Only the verb's
    own object: "перенесла пусковую установку и запустила ракету" moved the launcher, the launch was made."""
    if not sentence.tag(a0).startswith("NOUN|"):
        return False
    return any(m.last <= a0 and modifier_words(sentence, m.last, a0) == a0 - m.last for m in cues.found["put_off"])


def _purpose_after_noun(sentence: Sentence, cues: SentenceCues, a0: int) -> bool:
    """An infinitive action right after a ``purpose_after_noun`` cue (no word between: « a fait décoller » is
    the auxiliary) that itself follows a noun: what is
    still to be done (« trois satellites à lancer en 2024 »), not a verb's complement (« a commencé à tirer »)."""
    if "VerbForm=Inf" not in sentence.tag(a0).split("|"):
        return False
    return any(
        m.last == a0
        and m.first > 0
        and sentence.tag(m.first - 1).startswith(("NOUN|", "ADJ|"))
        # a name before « à » is the verb's object: « aide la Corée du Nord à produire des missiles »
        and not any(n.first < m.first <= n.last for n in sentence.mentions)
        for m in cues.found["purpose_after_noun"]
    )


def pending_headline(doc: Document, event_type: EventType, profile: LanguageProfile) -> str | None:
    """The pending stage of ``event_type`` when the headline tells its deed only under a modal or
    future ("Russia may hand North Korea jets", "Moscou pourrait céder des avions"): every action cue
    of the type there is pending. None when the headline has none, or one that is not."""
    if not doc.sentences or len(event_type.pending_stages) != 1:
        return None
    headline = doc.sentences[0]
    cues = SentenceCues(headline, profile)
    actions = event_type.find_cues(doc.lang, headline.forms, headline.lemmas)
    answered = answered_yes(doc, headline, cues)
    if not actions or not all(pending_action(headline, cues, a.first, a.last, answered) for a in actions):
        return None
    return next(iter(event_type.pending_stages))


def pending_telling(doc: Document, event_type: EventType, profile: LanguageProfile, reach: int) -> str | None:
    """The pending stage of ``event_type`` when the first sentence up to index ``reach`` that tells a deed of
    the type tells it only as a plan (``pending_headline``'s test on that sentence): a headline with no deed
    of its own ("La Russie envoie une frégate équipée de missiles Zircon") takes its time from the body's
    first telling («Des tirs d'exercice sont prévus pendant la mission»: a plan). None when that first
    telling has an action that is not pending, or no sentence in reach tells one."""
    if len(event_type.pending_stages) != 1:
        return None
    for sentence in doc.sentences[: reach + 1]:
        actions = event_type.find_cues(doc.lang, sentence.forms, sentence.lemmas)
        if not actions:
            continue
        cues = SentenceCues(sentence, profile)
        answered = answered_yes(doc, sentence, cues)
        if all(pending_action(sentence, cues, a.first, a.last, answered) for a in actions):
            return next(iter(event_type.pending_stages))
        return None
    return None


def pundit_speaks(sentence: Sentence, cues: SentenceCues) -> bool:
    """Whether an outside commentator (a ``pundit``: expert, analyst, researcher, востоковед) says what
    ``sentence`` tells: a pundit word shares its comma segment with a reporting or ``opinion`` verb
    ("…, считает опрошенный «Известиями» востоковед", "estime un chercheur", "two analysts argue"), or, in
    the headline, opens it or its part after a colon ("Эксперт: …", "…: аналитик RAND о цене помощи")."""
    said = {cues.segment[m.first] for kind in ("source_after", "source_before", "opinion") for m in cues.found[kind]}
    return any(
        cues.segment[p.first] in said or (sentence.index == 0 and _opens_headline(sentence, cues, p))
        for p in cues.found["pundit"]
    )


def _opens_headline(headline: Sentence, cues: SentenceCues, pundit: Match[str]) -> bool:
    """Whether the pundit word ``pundit`` opens ``headline`` or its part after a colon, a few words at most
    before it («…» : un chercheur sud-coréen s'inquiète", "Pour un chercheur de l'Ifri, …", "A researcher: …"):
    the article and the lead word of one who speaks do not hide him. No watched state may stand before him in
    that stretch, nor name him right after («Moscou : des experts nord-coréens…» are the North's own)."""
    colons = [i for i, form in enumerate(headline.forms[: pundit.first]) if form == ":"]
    start = colons[-1] + 1 if colons else 0
    if cues.gap(start, pundit.first) > PUNDIT_OPENING:
        return False
    return not any(m.watched and start <= m.first <= pundit.last for m in headline.mentions)


GUESS_KINDS = ("modal_before", "speculation", "conditional")


def guessed(cues: SentenceCues, index: int | None = None) -> bool:
    """Whether the clause of token ``index`` (the whole sentence when None) holds a modal, speculative or
    conditional word ("could", "would", « pourrait », «может», «рассчитывает», «допустил»): what it tells may
    happen, it has not."""
    # "Эксперт согласился с тем, что КНДР поставила…": a modal word inside a `realis` phrase tells a deed
    done = {i for m in cues.found["realis"] for i in range(m.first, m.last)}
    return any(
        m.first not in done and (index is None or cues.clause[m.first] == cues.clause[index])
        for kind in GUESS_KINDS
        for m in cues.found[kind]
    )


def pundit_guess(sentence: Sentence, cues: SentenceCues, index: int, planned: bool) -> bool:
    """Whether the deed at token ``index`` is a pundit's guess: an outside commentator says it
    (``pundit_speaks``) and it is planned or told under a modal word in its clause ("Russia and North Korea
    could sign a free-trade deal, a researcher believes"; « la Russie pourrait céder des chasseurs, estime un
    chercheur »). A commentator's forecast of a deal, a trip or a supply between two states is no news of
    it; what he counts as done ("Аналитики подсчитали, что … выпустила ракеты, полученных от КНДР") is."""
    return pundit_speaks(sentence, cues) and (planned or guessed(cues, index))


def signs_shown(doc: Document, profile: LanguageProfile) -> bool:
    """Whether some sentence of ``doc`` tells observed ``signs`` of a coming deed (satellite images, activity at a
    site, a notice to airmen or mariners): what analysts then forecast reads those signs, it is no mere guess."""
    return any(SentenceCues(sentence, profile).found["signs"] for sentence in doc.sentences)
