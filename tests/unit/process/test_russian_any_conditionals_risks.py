"""Round (16), ru17: Russian «какие-либо» ("any"), a conditional «мог бы» and «риски» tell what may
happen, not what did; a bare deed beside them stays news."""

from __future__ import annotations

from tests.unit.process.conftest import stage


def test_any_documents_whose_signing_was_not_planned_are_no_agreement(detect):
    title = "Шойгу провел переговоры с министром обороны КНДР в Пхеньяне"
    summary = "По словам представителя делегации, подписание каких-либо соглашений в ходе поездки не предполагалось."
    assert stage(detect(title, summary, lang="ru", published="2024-09-14"), "agreement") is None


def test_documents_signed_after_talks_stay_signed(detect):
    title = "Шойгу провел переговоры с министром обороны КНДР в Пхеньяне"
    summary = "По итогам переговоров стороны подписали соглашение о военно-техническом сотрудничестве."
    assert stage(detect(title, summary, lang="ru", published="2024-09-14"), "agreement") == "signed"


def test_what_a_state_could_hand_over_in_the_conditional_is_no_plan(detect):
    title = "Эксперты оценили перспективы сотрудничества Москвы и Пхеньяна"
    summary = "По мнению аналитиков, Россия могла бы поставить КНДР зенитные ракетные комплексы в обмен на поддержку."
    assert stage(detect(title, summary, lang="ru", published="2024-09-14"), "arms_transfer") is None


def test_the_risks_of_a_transfer_are_no_transfer(detect):
    title = "Военные аналитики — о рисках поставок Пхеньяну российских истребителей"
    assert stage(detect(title, lang="ru", published="2024-09-14"), "arms_transfer") is None
