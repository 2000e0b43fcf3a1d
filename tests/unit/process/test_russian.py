"""Russian: events, stages, modality, denial, background and attribution in Russian reports."""

from __future__ import annotations

import pytest

from process import nlp, ru_morph
from process.languages import profile
from tests.unit.process.conftest import agreement


def events(detection) -> list[tuple[str, tuple[str, ...], str | None]]:
    return sorted((e.type, e.actors, e.stage) for e in detection.events)


@pytest.mark.parametrize(
    ("title", "summary", "stage"),
    [
        ("Путин и Ким Чен Ын подписали договор о всеобъемлющем стратегическом партнерстве", "", "signed"),
        ("Госдума ратифицировала договор с КНДР", "Документ внесен президентом России.", "ratified"),
        ("Договор о стратегическом партнерстве России и КНДР вступил в силу", "", "in_force"),
        ("Вступил в силу договор между Россией и КНДР о правовой помощи", "", "in_force"),
        ("Россия и КНДР обменялись ратификационными грамотами", "Договор о партнерстве вступает в силу.", "in_force"),
        ("Договор между Россией и КНДР может быть подписан в ходе визита", "", "announced"),
        ("Россия и КНДР планируют подписать договор о партнерстве", "", "announced"),
        ("Москва и Пхеньян подпишут договор о стратегическом партнерстве", "", "announced"),
        ("Договор с КНДР будет ратифицирован Госдумой", "", "signed"),
        ("Подписание договора между Россией и КНДР состоится в среду", "", "announced"),
    ],
)
def test_russian_agreement_stages(detect, title, summary, stage):
    assert agreement(detect(title, summary, lang="ru")) == stage


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Россия и Вьетнам подписали соглашение о сотрудничестве", ""),
        ("В Сеуле обсудили договор России и КНДР", "В соответствии с договором стороны оказывают помощь."),
        ("Шойгу прибыл в Пхеньян", "В прошлом году Россия и КНДР подписали договор о партнерстве."),
        ("США предупредили Москву против любого соглашения с Пхеньяном", ""),
        ("В силу договора о партнерстве Россия и КНДР проводят консультации", ""),
    ],
)
def test_russian_background_warnings_and_other_pairs_report_no_agreement(detect, title, summary):
    assert agreement(detect(title, summary, lang="ru")) is None


def test_a_russian_denial_is_a_retraction(detect):
    detection = detect("В Кремле опровергли сообщения о поставках северокорейских снарядов России", lang="ru")
    assert [e.type for e in detection.retractions] == ["arms_transfer"]
    assert detection.events == ()


def test_a_negated_signing_is_no_event(detect):
    detection = detect("Россия и КНДР не подписывали военного договора, заявил Песков", lang="ru")
    assert agreement(detection) is None


def test_russian_visits_and_arms_deliveries(detect):
    assert events(detect("Лавров прибыл в Пхеньян с официальным визитом", lang="ru")) == [
        ("visit", ("PRK", "RUS"), "held")
    ]
    assert events(detect("Белоусов посетит КНДР", lang="ru")) == [("visit", ("PRK", "RUS"), "announced")]
    assert events(detect("КНДР поставила России миллионы снарядов, заявили в Сеуле", lang="ru")) == [
        ("arms_transfer", ("PRK", "RUS"), "reported")
    ]


def test_the_russian_pipeline_lemmatises_with_pymorphy3_and_flags_pending_verbs():
    spec = profile("ru").pipeline
    text = "Они подпишут договоры и планируют подписать ещё."  # the infinitive is pending through "планируют"
    (annotation,) = nlp.annotate(nlp.build(profile("ru")), [text], spec.pending_morph)
    at = {word: text.index(word) for word in ("подпишут", "договоры", "подписать")}
    assert annotation.lemmas[at["подпишут"]] == "подписать"  # only lemmas that differ from the form are kept
    assert annotation.lemmas[at["договоры"]] == "договор"
    assert at["подпишут"] in annotation.future  # Tense=Fut
    assert at["договоры"] not in annotation.future


def test_the_russian_tagger_and_lemmatizer_share_one_morph_analyzer():
    pipeline = nlp.build(profile("ru"))
    tagger, lemmatizer = pipeline.get_pipe(ru_morph.NAME), pipeline.get_pipe(ru_morph.LEMMATIZER)
    assert tagger.analyzer is lemmatizer._morph  # spaCy's factory would load a second copy of the dictionaries


def test_keeping_or_breaking_a_treaty_is_neither_news_of_it_nor_a_denial(detect):
    detection = detect("Лавров: Россия не нарушает договор с КНДР", published="2024-12-20", lang="ru")
    assert detection.events == detection.retractions == ()


@pytest.mark.parametrize(
    ("title", "summary", "visit"),
    [
        ("Прилетевший в Москву Ким Чен Ын посетил космодром", "", "held"),
        ("Министр Козлов, прибывший в Пхеньян, провел заседание комиссии", "Россия и КНДР обсудили торговлю.", "held"),
        ("Глава МИД России Лавров отправился в Пхеньян", "", "held"),
        ("Из Хабаровска в Пхеньян отправился первый грузовой состав", "", None),
        ("Делегация Совета Федерации отправилась в Пхеньян", "", "held"),
        ("Группа российских рыбаков отправилась к берегам КНДР", "", None),
    ],
)
def test_a_russian_visit_verb_in_any_form_needs_a_traveller(detect, title, summary, visit):
    stages = [e.stage for e in detect(title, summary, lang="ru").events if e.type == "visit"]
    assert stages == ([visit] if visit else [])


def test_a_bill_submitted_to_the_duma_is_a_signed_treaty(detect):
    detection = detect("Правительство внесло в Госдуму соглашение с КНДР о туризме", lang="ru")
    assert agreement(detection) == "signed"
