"""Round 24 (ru24c): a pair named together gives no direction, a later sentence does; a demonym after the noun a
preposition governs; a meeting's host in its own segment, a place whose people speak; an arrival of officers;
trips recalled by the sentence before, by "since", by the thing they produced; troops named beside the partner's."""

from __future__ import annotations


def arms(detection) -> tuple[str | None, str | None, str | None]:
    """``(stage, from, to)`` of the one arms transfer in ``detection``."""
    (event,) = [e for e in detection.events if e.type == "arms_transfer"]
    return event.stage, event.from_, event.to


def test_a_pair_named_together_gives_no_direction_a_later_sentence_does(detect):
    # the headline's "Москва и Пхеньян" shares the deal; the first named is no giver, Moscow's hope to get
    # the shells from Pyongyang two sentences on says who gives
    title = "Москва и Пхеньян договорились о новой партии снарядов"
    summary = (
        "Россия и КНДР согласовали поставки снарядов на следующий год. "
        "По данным разведки, Москва рассчитывает получить от Пхеньяна первые снаряды уже весной."
    )
    assert arms(detect(title, summary, lang="ru", published="2025-03-01")) == ("announced", "PRK", "RUS")


def test_a_trigger_less_sentence_after_the_lead_orients_the_pair(detect):
    # neither the headline nor the lead marks a side; who asks for help in the next sentence receives
    title = "Pyongyang et Moscou discutent d'un transfert de technologie spatiale"
    summary = (
        "La Corée du Nord et la Russie mènent des discussions sur ce transfert de technologies, selon Séoul. "
        "Pyongyang réclame notamment de l'aide pour ses moteurs."
    )
    assert arms(detect(title, summary, lang="fr", published="2025-03-01"))[1:] == ("RUS", "PRK")


def test_a_demonym_after_the_noun_a_preposition_governs_shares_its_mark(detect):
    # « à l'armée nord-coréenne » as "to the North Korean army": the army's state receives
    title = "La Russie et la Corée du Nord discutent de la fourniture de chars à l'armée nord-coréenne"
    assert arms(detect(title, "", lang="fr", published="2025-03-01")) == ("announced", "RUS", "PRK")
