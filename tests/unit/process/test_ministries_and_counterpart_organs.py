"""A Russian report's federal ministry named by its short name is Russia's («Минтранс разработал проект
соглашения с КНДР»), like its government; the other party's organ, named with its state («с правительством
КНДР»), leaves the bare ones home's, and a later bare use of that same organ is the other party's again. An
intergovernmental agreement written as one word («межправсоглашение») is an agreement."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.unit.process.conftest import agreement
from veille.contracts import Detection


def _ids(detection: Detection) -> list[str]:
    """The sorted ids of the entities a detection mentions."""
    return sorted({e.id for e in detection.entities})


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Минтранс разработал проект соглашения с КНДР о морском сообщении", "Документ планируется подписать осенью."),
        (
            "Минфин подготовил проект межправсоглашения с КНДР об избежании двойного налогообложения",
            "Текст направлен на согласование в ведомства.",
        ),
        (
            "Правительство одобрило проект соглашения с правительством КНДР о рыболовстве",
            "Подписать документ планируется в ходе визита делегации.",
        ),
        ("Минприроды готовит межправсоглашение с КНДР об охране лесов", "Проект опубликован на портале."),
    ],
)
def test_a_ministry_and_the_government_of_a_russian_report_plan_an_agreement(
    detect: Callable[..., Detection], title: str, summary: str
) -> None:
    assert agreement(detect(title, summary, lang="ru")) == "announced"


@pytest.mark.parametrize(
    ("title", "summary", "ids"),
    [
        ("Минфин сообщил о росте доходов бюджета", "Поступления выросли на 10%.", ["RUS"]),
        # the other party's organ, named with its state, and its bare repetition are the other party's
        ("Правительство КНДР одобрило закон о туризме", "Правительство также утвердило план развития.", ["PRK"]),
        ("Минобороны КНДР сообщило об испытании", "Испытание прошло успешно.", ["PRK"]),
        # another state's ministry: no organ is Russia's
        ("Минфин США ввел санкции против банков", "Санкции вступают в силу немедленно.", []),
    ],
)
def test_whose_organ_a_bare_name_is(detect: Callable[..., Detection], title: str, summary: str, ids: list[str]) -> None:
    assert [i for i in _ids(detect(title, summary, lang="ru")) if i in ("PRK", "RUS")] == ids
