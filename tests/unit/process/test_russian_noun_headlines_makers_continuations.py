"""Round (15), ru16: a headline that names a deed as a noun takes its time from the body; a maker's
adjective on the head of a weapon phrase gives it; a sentence that goes on with the lead's story names
the party the lead leaves out."""

from __future__ import annotations

from tests.unit.process.conftest import event, stage


def test_a_headline_noun_is_a_plan_when_the_body_tells_it_in_the_future(detect):
    title = "Министр обороны России рассказал о направлении северокорейских военных строителей в Курскую область"
    summary = "Пхеньян направит в Курскую область еще 2 тыс. военных строителей, сообщил министр после переговоров."
    found = event(detect(title, summary, lang="ru", published="2025-08-20"), "troop_deployment")
    assert found is not None and found[1:4] == ("announced", "PRK", "RUS")


def test_a_headline_visit_noun_is_a_plan_when_the_lead_tells_it_in_the_future(detect):
    title = "В Кремле рассказали о поездке Путина в Пхеньян"
    summary = "Президент России Владимир Путин посетит КНДР осенью, даты уточняются, сообщил помощник президента."
    assert stage(detect(title, summary, lang="ru", published="2025-08-20"), "visit") == "announced"


def test_a_headline_noun_stays_news_when_the_body_tells_it_as_done(detect):
    title = "Разведка Южной Кореи сообщила о направлении северокорейских военных строителей в Курскую область"
    summary = "КНДР уже направила в Курскую область около 2 тыс. военных строителей, говорится в докладе."
    found = event(detect(title, summary, lang="ru", published="2025-08-20"), "troop_deployment")
    assert found is not None and found[1:4] == ("reported", "PRK", "RUS")


def test_a_headline_verb_keeps_its_own_tense(detect):
    title = "Глава МИД России прибыл в Пхеньян"
    summary = "Министр иностранных дел России прибыл в КНДР, где проведет переговоры с северокорейским коллегой."
    assert stage(detect(title, summary, lang="ru", published="2025-08-20"), "visit") == "held"


def test_a_makers_adjective_on_the_head_of_the_weapon_gives_it_to_the_name_after_the_deed(detect):
    title = "В Вашингтоне сообщили о передаче КНДР российских комплексов ПВО"
    found = event(detect(title, lang="ru", published="2025-03-03"), "arms_transfer")
    assert found is not None and found[2:4] == ("RUS", "PRK")


def test_the_other_makers_adjective_turns_the_pair_around(detect):
    title = "В Киеве сообщили о передаче России северокорейских систем ПВО"
    found = event(detect(title, lang="ru", published="2025-03-03"), "arms_transfer")
    assert found is not None and found[2:4] == ("PRK", "RUS")


def test_a_sentence_that_goes_on_with_the_lead_names_its_missing_party(detect):
    title = "Министр обороны доложил Путину о ситуации в Курской области"
    summary = (
        "Андрей Белоусов доложил президенту об обстановке в приграничье Курской области. "
        "Он подчеркнул, что в боях за населенные пункты участвовали военнослужащие КНДР."
    )
    found = event(detect(title, summary, lang="ru", published="2025-05-20"), "troop_deployment")
    assert found is not None and found[:4] == (("PRK", "RUS"), "confirmed", "PRK", "RUS")


def test_a_later_sentence_on_another_topic_names_no_party(detect):
    title = "Министр обороны доложил Путину о ситуации в Курской области"
    summary = (
        "Андрей Белоусов доложил президенту об обстановке в приграничье Курской области. "
        "Обсуждалось также восстановление инфраструктуры. "
        "Ранее в боях за населенные пункты участвовали военнослужащие КНДР."
    )
    assert event(detect(title, summary, lang="ru", published="2025-05-20"), "troop_deployment") is None


def test_a_genitive_state_before_a_full_name_is_the_officials_state(detect):
    title = "Вице-премьер России Марат Хуснуллин прибыл в Пхеньян на переговоры"
    detection = detect(title, lang="ru", published="2025-09-01")
    assert "RUS" in {e.id for e in detection.entities}
    assert stage(detection, "visit") == "held"
