"""Round 26 (troops26b): a plan's verb after the troops governs its purpose after it; a state speaks through a
speaker whose long title its possessive opens; one who wonders about troops reports none."""

from __future__ import annotations

from tests.unit.process.conftest import stage


def _event(detection):
    return next(e for e in detection.events if e.type == "troop_deployment")


# a plan's verb after the trigger governs the purpose after it


def test_a_purpose_after_a_plan_told_after_the_troops_is_ahead_in_french(detect_rules):
    detection = detect_rules(
        "Démineurs",
        "Un nouveau contingent de sapeurs nord-coréens sera envoyé en Russie en septembre pour participer au déminage.",
        lang="fr",
    )
    assert stage(detection, "troop_deployment") == "announced"


def test_a_purpose_after_a_plan_told_after_the_troops_is_ahead_in_russian(detect_rules):
    detection = detect_rules(
        "Строители",
        "Новые военные строители из КНДР будут направлены в Курскую область для восстановления дорог и разминирования.",
        lang="ru",
    )
    assert stage(detection, "troop_deployment") == "announced"


def test_a_party_telling_a_plan_with_its_purpose_keeps_it_a_plan_in_russian(detect_rules):
    detection = detect_rules(
        "Инженеры",
        "Группа военных инженеров КНДР прибудет в Белгородскую область весной для разминирования полей, "
        "сообщили в Минобороны России.",
        lang="ru",
    )
    assert stage(detection, "troop_deployment") == "announced"


def test_a_deed_told_before_a_later_plan_stays_a_deed_in_russian(detect_rules):
    detection = detect_rules(
        "Саперы",
        "Саперы КНДР ведут разминирование в Курской области, сообщил источник в Сеуле.",
        lang="ru",
    )
    assert stage(detection, "troop_deployment") == "reported"


# a possessive opening a long title: the state speaks through its holder


def test_a_state_speaks_through_a_long_title_its_possessive_opens(detect_rules):
    detection = detect_rules(
        "Flight schools",
        "Russian military instructors have been sent to North Korea to train pilots, Ukraine's defence intelligence "
        "chief Kyrylo Budanov said.",
    )
    assert _event(detection).claimed_by == "UKR"


def test_a_pronoun_after_a_titled_outsider_does_not_make_the_party_speak(detect_rules):
    detection = detect_rules(
        "Russian instructors training pilots in North Korea, Kyiv says",
        "Russian military instructors have been sent to North Korea to train pilots, Ukraine's defence intelligence "
        "chief Kyrylo Budanov said. He said North Korean units trained by them were fighting in the Kursk region.",
    )
    assert stage(detection, "troop_deployment") == "reported"


def test_a_party_speaking_through_a_long_title_confirms(detect_rules):
    detection = detect_rules(
        "Sappers",
        "North Korean sappers are clearing mines in the Kursk region, Russia's deputy defence minister Ivan Petrov "
        "said.",
    )
    assert stage(detection, "troop_deployment") == "confirmed"


def test_an_outsider_speaking_through_a_long_title_is_no_third_party(detect_rules):
    detection = detect_rules(
        "Sappers",
        "Ukraine's army chief Oleksandr Syrskyi said that North Korean troops were fighting in the Kursk region.",
    )
    assert stage(detection, "troop_deployment") == "reported"


# one who wonders about troops says neither where they are nor that they will go


def test_analysts_wondering_about_troops_report_none_in_french(detect_rules):
    detection = detect_rules(
        "Et après ?",
        "À Séoul, des analystes s'interrogent sur l'avenir des unités nord-coréennes dans la région de Koursk.",
        lang="fr",
    )
    assert stage(detection, "troop_deployment") is None


def test_analysts_wondering_about_troops_leave_the_backstop_nothing_in_russian(detect):
    detection = detect(
        "Взгляд вперед",
        "Южнокорейские эксперты гадают о будущем северокорейских подразделений в Курской области.",
        lang="ru",
    )
    assert stage(detection, "troop_deployment") is None


def test_questioning_captured_soldiers_is_no_wondering_in_french(detect_rules):
    detection = detect_rules(
        "Prisonniers",
        "Les services ukrainiens interrogent deux soldats nord-coréens capturés dans la région de Koursk.",
        lang="fr",
    )
    assert stage(detection, "troop_deployment") == "reported"


def test_no_wonder_in_english_leaves_the_deed(detect_rules):
    detection = detect_rules(
        "Sappers",
        "No wonder North Korean sappers are clearing mines in Russia's Kursk region, a Seoul lawmaker said.",
    )
    assert stage(detection, "troop_deployment") == "reported"
