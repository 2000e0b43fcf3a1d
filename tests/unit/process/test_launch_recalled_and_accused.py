"""A weapon described by a recent test is no launch; an accuser is a source (launch19).

«недавно испытанные ракеты предназначены для обороны»: an adverb of the recent past (`recently`) right
before a participle that qualifies the weapon tells what the weapon is, not a launch reported as news.
«Сеул обвинил Россию в применении…»: the accusing country reports the deed (Russian `source_after`,
as "accuses" and « accuse » were): the body's launch and transfer stay news."""

from __future__ import annotations

from tests.unit.process.conftest import launch, stage


def test_missiles_described_as_recently_tested_are_no_launch(detect_rules):
    title = "Пхеньян опроверг данные о продаже оружия Москве"
    summary = (
        "Представитель министерства обороны КНДР заявил, что недавно испытанные оперативно-тактические "
        "ракеты нужны только для защиты КНДР."
    )
    assert launch(detect_rules(title, summary, lang="ru", published="2025-04-02")) == (None, ())


def test_a_launch_told_without_recently_is_still_held(detect_rules):
    title = "КНДР провела пуск ракеты"
    summary = "КНДР во вторник испытала оперативно-тактическую ракету, сообщили в Сеуле."
    assert launch(detect_rules(title, summary, lang="ru", published="2025-04-02")) == ("held", ("PRK",))


def test_an_accusing_country_reports_the_launch_and_transfer_its_headline_names(detect_rules):
    title = "Сеул обвинил Россию в применении северокорейских ракет"
    summary = (
        "Россия получила от КНДР оперативно-тактические ракеты KN-23 и применила их против Украины, заявили "
        "в Сеуле. По данным разведки, в понедельник российские войска выпустили две такие ракеты по Харькову."
    )
    detection = detect_rules(title, summary, lang="ru", published="2025-04-02")
    assert launch(detection) == ("held", ("RUS",))
    assert stage(detection, "arms_transfer") == "reported"
