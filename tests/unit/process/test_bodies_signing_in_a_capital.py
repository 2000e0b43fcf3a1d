"""An agency or a company that signs in the other party's capital («Роскосмос и … КНДР подписали в Пхеньяне») names
no official who travelled: the agreement is the news, not a visit. A state or a person signing there keeps it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.unit.process.conftest import agreement, stage
from veille.contracts import Detection


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Роскосмос и космическое ведомство КНДР подписали меморандум",
            "Роскосмос и Национальное аэрокосмическое управление КНДР подписали в Пхеньяне меморандум об обмене "
            "данными.",
        ),
        (
            "Газпром подписал соглашение с министерством энергетики КНДР",
            "Газпром и министерство энергетики КНДР подписали в Пхеньяне соглашение о поставках газа.",
        ),
        (
            "Россельхознадзор и ветеринарная служба КНДР подписали протокол",
            "Россельхознадзор и Государственная ветеринарная служба КНДР подписали в Пхеньяне протокол о поставках.",
        ),
    ],
)
def test_a_body_signing_in_the_other_capital_is_no_visit(
    detect: Callable[..., Detection], title: str, summary: str
) -> None:
    found = detect(title, summary, lang="ru")
    assert agreement(found) == "signed"
    assert stage(found, "visit") is None


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Россия и КНДР подписали в Пхеньяне соглашение о безвизовом режиме", "Документ вступит в силу через месяц."),
        ("Путин и Ким Чен Ын подписали в Пхеньяне договор о партнерстве", "Переговоры длились несколько часов."),
        ("Шойгу и министр обороны КНДР подписали в Пхеньяне соглашение", "Министр прибыл накануне."),
    ],
)
def test_a_state_or_a_person_signing_there_keeps_the_visit(
    detect: Callable[..., Detection], title: str, summary: str
) -> None:
    assert stage(detect(title, summary, lang="ru"), "visit") == "held"
