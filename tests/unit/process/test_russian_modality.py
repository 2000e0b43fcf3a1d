"""Russian questions, plans, private trips and occasions: what a Russian report does not make news of."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import agreement, stage


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Посетит ли Путин Пхеньян этим летом?", ""),
        ("Песков не уточнил, приедет ли лидер КНДР в Москву", ""),
        ("Подпишут ли Москва и Пхеньян соглашение о безвизовом режиме?", ""),
    ],
)
def test_a_russian_yes_no_question_direct_or_reported_reports_nothing(detect, title, summary):
    detection = detect(title, summary, lang="ru", published="2025-03-01")
    assert stage(detection, "visit") is None
    assert agreement(detection) is None


def test_a_speculative_headline_makes_the_body_no_news(detect):
    detection = detect(
        "Прилетит ли Ким Чен Ын на форум во Владивосток?",
        "В Кремле сообщили, что состав делегаций будет известен позже.",
        lang="ru",
        published="2025-03-01",
    )
    assert stage(detection, "visit") is None


@pytest.mark.parametrize(
    ("title", "summary", "visit"),
    [
        ("Группа российских школьников прилетела в Пхеньян", "", None),
        ("Северокорейские спортсмены прибыли в Москву на турнир", "", None),
        ("Российские паломники отправились в КНДР", "Поездка продлится неделю.", None),
        ("Туристы из России побывали в КНДР", "Группа из сорока человек прилетела в Вонсан.", None),
        ("Лавров прибыл в Пхеньян вместе с группой российских артистов", "", "held"),
    ],
)
def test_a_trip_of_people_who_act_for_no_state_is_no_visit(detect, title, summary, visit):
    assert stage(detect(title, summary, lang="ru", published="2025-03-01"), "visit") == visit


@pytest.mark.parametrize(
    ("title", "event_type", "expected"),
    [
        ("Путин пригласил Ким Чен Ына приехать в Москву", "visit", "announced"),
        ("Москва предложила Пхеньяну заключить соглашение о рыболовстве", "agreement", "announced"),
        # a phase verb before the infinitive reports a deed
        ("Северокорейские военные продолжают воевать в Курской области", "troop_deployment", "reported"),
    ],
)
def test_a_russian_infinitive_action_is_a_plan_unless_a_phase_verb_reports_it(detect, title, event_type, expected):
    assert stage(detect(title, lang="ru", published="2025-03-01"), event_type) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("На встрече Лаврова и Цой Сон Хи в Москве соглашения не подписывались", None),
        ("По итогам переговоров Россия и КНДР никаких соглашений не заключали", None),
        ("Россия и КНДР ведут переговоры о соглашении о свободной торговле", "announced"),
        ("Россия и КНДР обсуждают возможность заключения соглашения о трудовой миграции", "announced"),
    ],
)
def test_talks_as_the_occasion_are_no_work_on_the_agreement(detect, title, expected):
    assert agreement(detect(title, lang="ru", published="2025-03-01")) == expected


@pytest.mark.parametrize(
    ("title", "visit"),
    [
        ("Визит Ким Чен Ына в Россию планируется на осень", "announced"),
        ("Визит Белоусова в КНДР пока не планируется", None),
        ("Визит главы МИД КНДР в Москву не состоится", None),
    ],
)
def test_a_planned_visit_is_announced_and_a_negated_plan_is_none(detect, title, visit):
    assert stage(detect(title, lang="ru", published="2025-03-01"), "visit") == visit


@pytest.mark.parametrize(
    ("title", "summary", "visit"),
    [
        # a dateline places the talks of the lead
        (
            "Россия и КНДР подписали соглашение о воздушном сообщении",
            "ПХЕНЬЯН, 3 мар — РИА Новости. Министр транспорта России и его северокорейский коллега "
            "по итогам переговоров в здании кабинета министров поставили подписи под документом.",
            "held",
        ),
        # a Moscow-based report with no dateline places nothing
        (
            "Россия и КНДР подписали соглашение о воздушном сообщении",
            "Министр транспорта России и его северокорейский коллега по итогам переговоров в здании "
            "кабинета министров поставили подписи под документом.",
            None,
        ),
        # the signing ceremony is attended where it is held
        ("Лавров и Цой Сон Хи выступили на церемонии подписания соглашений в Москве", "", "held"),
        # a passive participle names the document, not a meeting
        ("Совфед одобрил соглашение с КНДР, подписанное в Пхеньяне осенью", "", None),
        ("Ким Чен Ын провел телефонные переговоры с Путиным", "ПХЕНЬЯН, 3 мар — ЦТАК.", None),
    ],
)
def test_a_meeting_is_a_visit_where_its_place_or_the_dateline_names_a_party(detect, title, summary, visit):
    assert stage(detect(title, summary, lang="ru", published="2025-03-01"), "visit") == visit


def test_an_anniversary_as_the_occasion_of_a_deed_is_no_background(detect):
    title = "В годовщину освобождения Курской области Путин поблагодарил северокорейских бойцов"
    assert stage(detect(title, lang="ru", published="2026-04-26"), "troop_deployment") == "confirmed"
    title = "В годовщину визита Путина в Пхеньян в КНДР открыли фотовыставку"
    assert stage(detect(title, lang="ru", published="2025-06-19"), "visit") is None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # two-aspect verbs tell what is being done, not a plan
        ("Северокорейские саперы разминируют территорию Курской области", "reported"),
        ("Бойцы КНДР атакуют позиции ВСУ в Курской области", "reported"),
        ("Пхеньян направит в Россию еще тысячу саперов", "announced"),
    ],
)
def test_a_two_aspect_russian_verb_reads_as_a_present(detect, title, expected):
    assert stage(detect(title, lang="ru", published="2025-03-01"), "troop_deployment") == expected


def test_calling_reports_a_plant_or_disinformation_is_a_denial(detect):
    detection = detect(
        "МИД России назвал вбросом публикации об отправке военных КНДР в зону СВО",
        "Сообщения о переброске северокорейских войск в Россию Захарова назвала дезинформацией.",
        lang="ru",
        published="2024-10-25",
    )
    assert stage(detection, "troop_deployment") is None
    assert [e.type for e in detection.retractions] == ["troop_deployment"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # the decree is what was signed; the agreement is being prepared
        ("Путин подписал указ о подготовке соглашения с КНДР о научном обмене", "announced"),
        ("Мишустин подписал постановление о разработке соглашения с КНДР о рыболовстве", "announced"),
        ("Ким Чен Ын подписал указ о ратификации соглашения с Россией о безвизовом режиме", "ratified"),
        ("Путин подписал закон о ратификации соглашения с КНДР о пунктах пропуска", "ratified"),
    ],
)
def test_an_action_on_another_document_before_the_trigger_is_not_its_action(detect, title, expected):
    assert agreement(detect(title, lang="ru", published="2025-03-01")) == expected


def test_recalling_an_action_makes_it_background(detect):
    detection = detect(
        "Путин и Ким Чен Ын вспомнили о подписании договора о партнерстве",
        "Лидеры обменялись посланиями.",
        lang="ru",
        published="2025-06-19",
    )
    assert agreement(detection) is None


def test_troops_that_are_no_longer_there_are_no_deployment(detect):
    detection = detect("Северокорейских саперов в Курской области больше нет, заявил Сырский", lang="ru")
    assert stage(detection, "troop_deployment") is None


@pytest.mark.parametrize(
    ("title", "visit"),
    [
        ("В Пхеньян прибыли российские туристы", None),
        ("Делегация КНДР во главе с министром образования прибыла в Москву на форум студентов", "held"),
    ],
)
def test_private_people_are_travellers_as_subjects_not_as_the_audience(detect, title, visit):
    assert stage(detect(title, lang="ru", published="2025-03-01"), "visit") == visit


@pytest.mark.parametrize(
    "title",
    [
        "Посол КНДР в России встретился с Лавровым в Москве",
        "Новый посол России прибыл в Пхеньян",
    ],
)
def test_a_resident_envoy_meeting_or_arriving_at_post_is_no_visit(detect, title):
    assert stage(detect(title, lang="ru", published="2025-03-01"), "visit") is None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Северокорейские бойцы прошли подготовку на полигонах Курской области", "reported"),
        ("КНДР отправит военных строителей в Курскую область", "announced"),
    ],
)
def test_russian_troop_words_and_training_in_any_tense(detect, title, expected):
    assert stage(detect(title, lang="ru", published="2025-03-01"), "troop_deployment") == expected
