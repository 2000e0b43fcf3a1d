"""A third state that receives weapons named in quotes is their recipient (lead28).

«Россия перебросила ЗРК «Тор» в Белоруссию»: the quotes around the system's name are no words, so Belarus stays
within reach of the delivery and the item's North Korea, named in another sentence, is no recipient. Weapons
the watched partner receives keep their direction."""

from __future__ import annotations

from functools import partial

import pytest

from tests.unit.process.conftest import directed

arms = partial(directed, event_type="arms_transfer")


@pytest.mark.parametrize(
    "title",
    [
        "Россия перебросила ЗРК «Тор» в Белоруссию",
        "Россия перебросила ракеты «Искандер» в Белоруссию",
        "Россия перебросила ракетные комплексы «Искандер» в Белоруссию",
    ],
)
def test_weapons_named_in_quotes_sent_to_a_third_state_are_no_transfer_of_the_pair(detect, title: str) -> None:
    assert arms(detect(title, "КНДР осудила учения НАТО.", lang="ru")) is None


@pytest.mark.parametrize(
    "title",
    [
        "Россия передала КНДР ЗРК «Тор», сообщили в Сеуле",
        "Россия перебросила ЗРК «Тор» в КНДР, сообщила разведка Южной Кореи",
    ],
)
def test_weapons_named_in_quotes_sent_to_the_partner_keep_their_direction(detect, title: str) -> None:
    assert arms(detect(title, lang="ru")) == ("reported", "RUS", "PRK")
