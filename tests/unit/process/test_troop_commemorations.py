"""Round (12): a party commemorating or thanking its soldiers acknowledges their deployment (memorials,
plaques, posthumous titles, welcome ceremonies, gratitude; French "combattants"), also when the
acknowledgement comes after a headline that only reports it; Soviet soldiers of 1945 are history;
"bientôt" before a deed makes it a plan, as do Russian arrival and start-of-work infinitives and
futures; a French "canular" denies; a headline weighing lessons or consequences makes its body analysis."""

from __future__ import annotations

import pytest

from tests.unit.process.test_troop_acknowledgements import troops

SENT = (("PRK", "RUS"), "confirmed", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("North Korea unveils a memorial to the soldiers who fell fighting for Russia", "en"),
        ("Kim Jong Un gives posthumous hero titles to soldiers killed in Russia", "en"),
        ("Pyongyang holds a welcome ceremony for soldiers back from Russia", "en"),
        ("Pyongyang inaugure une plaque commémorative pour les soldats tombés en Russie", "fr"),
        ("Kim Jong-un visite le chantier du musée dédié aux soldats morts en Russie", "fr"),
        ("В Пхеньяне установили мемориальную доску солдатам, павшим в России", "ru"),
        ("Ким Чен Ын посмертно присвоил звания героев бойцам, погибшим в России", "ru"),
    ],
)
def test_a_memorial_or_posthumous_honour_for_fallen_soldiers_confirms_their_deployment(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-10-30")) == SENT


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russia's foreign minister expresses gratitude to North Korean troops", "en"),
        ("Moscou exprime sa gratitude aux soldats nord-coréens", "fr"),
        ("Лавров выразил благодарность военнослужащим КНДР", "ru"),
        ("Poutine salue les combattants nord-coréens", "fr"),
    ],
)
def test_a_partys_gratitude_to_the_soldiers_confirms_their_deployment(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-06-30")) == SENT


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russian diplomats lay flowers at the memorial to Soviet soldiers in Pyongyang", "en"),
        ("Des diplomates russes honorent les soldats soviétiques au mémorial de Pyongyang", "fr"),
        ("Российские дипломаты возложили цветы к памятнику советским воинам в Пхеньяне", "ru"),
        ("Anciens combattants russes et nord-coréens se recueillent à Pyongyang", "fr"),
    ],
)
def test_soviet_soldiers_and_veterans_honoured_are_no_deployment(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-08-15")) is None


def test_an_acknowledgement_after_a_reported_headline_confirms_it(detect):
    title = "North Korean troops return from Kursk"
    summary = "Kim Jong Un thanked the returning soldiers at a ceremony in Pyongyang."
    assert troops(detect(title, summary, published="2025-09-01")) == SENT


def test_an_acknowledgement_after_a_planned_deployment_leaves_the_plan(detect):
    title = "North Korea will send more troops to Russia"
    summary = "Putin thanked Kim Jong Un for the soldiers who fought in Kursk."
    assert troops(detect(title, summary, published="2025-09-01")) == (("PRK", "RUS"), "announced", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Des artilleurs nord-coréens bientôt envoyés en Russie, affirme Kiev", "fr"),
        ("Северокорейские саперы могут прибыть в Россию в августе", "ru"),
        ("Военные строители КНДР приступят к работе в Курской области", "ru"),
    ],
)
def test_soon_and_future_arrivals_or_work_are_plans(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-07-01")) == (("PRK", "RUS"), "announced", "PRK", "RUS")


def test_a_hoax_denies_the_deployment(detect):
    title = "Pyongyang qualifie de canular la présence de ses soldats en Russie"
    assert troops(detect(title, lang="fr", published="2024-10-30")) is None


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Lessons from North Korea's war in Kursk",
            "North Korean soldiers fought alongside Russian troops for months, experts say.",
            "en",
        ),
        (
            "Soldats nord-coréens en Russie : quelles leçons pour Séoul ?",
            "Des milliers de soldats nord-coréens ont combattu pour la Russie pendant des mois.",
            "fr",
        ),
        (
            "Какие уроки армия КНДР извлекла из боев в Курской области",
            "Северокорейские военные воевали на стороне России несколько месяцев.",
            "ru",
        ),
    ],
)
def test_a_headline_weighing_lessons_makes_its_body_analysis(detect, title, summary, lang):
    assert troops(detect(title, summary, lang=lang, published="2025-08-01")) is None


def test_visitors_at_a_memorial_are_not_honoured_by_it(detect):
    title = "North Korean officers lay wreaths at a war memorial in Moscow"
    assert troops(detect(title, published="2025-05-10")) is None
