"""The grounds of a penalty and a claim its party condemns are no arms news (react22).

"Japan sanctions shipping firms for carrying North Korean shells to Russia", « sanctionne … pour leur achat
d'obus », «ввела санкции … за поставки ракет»: what follows the penalty's grounds word (`penalty`, then
`grounds` at most ``rules.GROUNDS_GAP`` words before the trigger) is what it punishes, told as known, not
news. "Pyongyang condemned a report that it sold rockets to Moscow": a watched state whose `reaction` cue
opens the clause denies the deed it condemns the telling of (a retraction, no event). Sanctions with no
grounds word before the weapon leave the transfer news."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Japan sanctions Russian shipping firms for carrying North Korean shells to Russia",
            "Tokyo froze the assets of three firms on Tuesday, the foreign ministry said.",
            "en",
        ),
        (
            "Le Canada sanctionne des sociétés russes pour leur achat d'obus nord-coréens",
            "Ottawa a gelé mardi les avoirs de trois sociétés, a indiqué le ministère des affaires étrangères.",
            "fr",
        ),
        (
            "Канада ввела санкции против северокорейских компаний за поставки ракет России",
            "Оттава во вторник заморозила активы трёх компаний, сообщили в министерстве иностранных дел.",
            "ru",
        ),
    ],
)
def test_the_grounds_of_a_penalty_are_no_transfer(detect_rules, title, summary, lang):
    assert stage(detect_rules(title, summary, lang=lang, published="2025-02-11"), "arms_transfer") is None


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Pyongyang condemns think-tank study of its arms exports",
            "North Korea condemned a report by a Western think tank that Pyongyang had sold artillery rockets to "
            "Moscow, the state news agency said.",
            "en",
        ),
        (
            "Пхеньян ответил аналитикам",
            "Министерство обороны КНДР осудило доклад аналитиков, согласно которому Пхеньян поставил Москве "
            "артиллерийские снаряды, говорится в заявлении.",
            "ru",
        ),
    ],
)
def test_a_party_condemning_the_claim_of_its_transfer_denies_it(detect_rules, title, summary, lang):
    assert stage(detect_rules(title, summary, lang=lang, published="2025-02-11"), "arms_transfer") is None


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Sanctions monitors say North Korea shipped 12,000 containers of munitions to Russia",
            "The multilateral team said the shipments went through the port of Rajin.",
            "en",
        ),
        (
            "Пхеньян передал Москве снаряды",
            "КНДР передала России артиллерийские снаряды, несмотря на санкции, заявили в Сеуле.",
            "ru",
        ),
    ],
)
def test_sanctions_without_grounds_leave_the_transfer(detect_rules, title, summary, lang):
    assert stage(detect_rules(title, summary, lang=lang, published="2025-02-11"), "arms_transfer") == "reported"
