"""A dateline's city ("MOSCOW, May 3 (Reuters) -", «МОСКВА, 3 мая — РИА Новости.») is where the agency files
the report, not a party of the story: a headline naming one state does not take the other from it. A lead
that names the other state after the dateline still gives it."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Kim Jong Un watches a firing drill of new rocket launchers",
            "MOSCOW, May 3 (Reuters) - North Korean leader Kim Jong Un watched artillery crews fire new "
            "multiple rocket launchers at targets at sea, KCNA said.",
            "en",
        ),
        (
            "Ким Чен Ын понаблюдал за стрельбами новых гаубиц",
            "МОСКВА, 3 мая — РИА Новости. Лидер КНДР Ким Чен Ын понаблюдал за учениями артиллеристов, сообщает ЦТАК.",
            "ru",
        ),
    ],
)
def test_a_dateline_city_is_no_party(detect, title, summary, lang):
    assert arms(detect(title, summary, lang=lang, published="2025-05-03")) is None


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "North Korean shells reach the front, officials say",
            "MOSCOW, May 3 (Reuters) - Russia has received another train of North Korean artillery shells, "
            "officials said.",
            "en",
        ),
        (
            "Северокорейские снаряды прибыли на фронт",
            "МОСКВА, 3 мая — РИА Новости. Россия получила новую партию северокорейских снарядов, сообщают источники.",
            "ru",
        ),
    ],
)
def test_a_lead_naming_the_other_after_the_dateline_still_gives_it(detect, title, summary, lang):
    assert arms(detect(title, summary, lang=lang, published="2025-05-03"))[1:] == ("reported", "PRK", "RUS")
