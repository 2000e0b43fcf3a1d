"""Arms transfers (arms25b): production running flat out to supply the other party is a supply under way, not
a plan (« tournent à plein régime pour approvisionner la Russie »); what the news goes beyond ("no longer only
weapons", «уже не только об оружии») is its background; weapons the side they fight for hands its soldiers
(«обеспечить их оружием») are no transfer between the two states."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Pyongyang's shell plants busy",
            "North Korea's factories are running at full capacity to supply Russia with artillery shells, Seoul says.",
            "en",
        ),
        (
            "Les arsenaux nord-coréens à l'heure russe",
            "Les arsenaux de la Corée du Nord tournent à plein régime pour livrer des obus à la Russie, dit un élu.",
            "fr",
        ),
    ],
)
def test_production_flat_out_to_supply_is_under_way(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "«Уже не только об оружии»: Зеленский сказал, что КНДР направляет России солдат",
            "Речь идёт уже не просто о поставках оружия, а о солдатах, сказал Зеленский в обращении.",
            "ru",
        ),
        (
            "'No longer just about weapons': Zelensky says North Korea now sends Russia soldiers",
            "Zelensky said the alliance between Russia and North Korea was no longer only about arms deliveries.",
            "en",
        ),
        (
            "« Plus seulement des armes » : pour Zelensky, la Corée du Nord envoie des soldats à la Russie",
            "Il ne s'agit plus seulement d'armes livrées par Pyongyang à Moscou, mais de soldats, a déclaré Zelensky.",
            "fr",
        ),
    ],
)
def test_what_the_news_goes_beyond_is_background(detect_rules, title, summary, lang):
    assert arms(detect_rules(title, summary, lang=lang)) is None


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "СМИ: КНДР пошлет в Россию новый контингент",
            "Москва намерена получить ещё пять тысяч солдат КНДР и обеспечить их оружием и формой, пишет газета.",
            "ru",
        ),
        (
            "Report: North Korea to send Russia a new contingent",
            "Moscow hopes to receive 5,000 more North Korean soldiers and equip them with weapons and uniforms.",
            "en",
        ),
        (
            "Selon la presse, Pyongyang enverra un nouveau contingent en Russie",
            "Moscou compte recevoir 5 000 soldats nord-coréens de plus et les équiper d'armes et d'uniformes.",
            "fr",
        ),
    ],
)
def test_soldiers_armed_by_their_own_side_are_no_transfer(detect_rules, title, summary, lang):
    assert arms(detect_rules(title, summary, lang=lang)) is None
