"""Round (15), troops16: a sentence past the lead that continues the story of the one party the headline
and lead name supplies the other party; a speaking pronoun ("He said", « Il a indiqué », «По его
словам») is the previous sentence's speaker or subject, so a party's own report past the lead confirms."""

from __future__ import annotations

import pytest

from tests.unit.process.test_troop_presence_preparations_battles import troops


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Kursk governor reviews reconstruction of border districts",
            "The governor of Russia's Kursk region presented the results of the rebuilding work on Tuesday. "
            "Military bloggers wrote that engineers from North Korea were still clearing mines around Sudzha.",
            "en",
        ),
        (
            "Le gouverneur de Koursk fait le point sur la reconstruction",
            "Le gouverneur de la région de Koursk a présenté mardi le bilan des travaux de reconstruction. "
            "Des blogueurs militaires écrivent que des sapeurs nord-coréens déminent encore les champs "
            "autour de Soudja.",
            "fr",
        ),
        (
            "Губернатор Курской области подвел итоги восстановления приграничья",
            "Губернатор Курской области во вторник рассказал о ходе восстановительных работ. "
            "Военные блогеры пишут, что саперы КНДР продолжают разминировать поля вокруг Суджи.",
            "ru",
        ),
    ],
)
def test_a_later_sentence_names_the_other_party_of_the_leads_story(detect, title, summary, lang):
    found = troops(detect(title, summary, lang=lang, published="2025-06-10"))
    assert found == (("PRK", "RUS"), "reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Russian defence minister briefs Putin on border fighting",
            "Defence Minister Andrei Belousov told President Vladimir Putin on Friday that the enemy had been "
            "pushed back from the border. He said engineers of the Korean People's Army were clearing mines "
            "in the area.",
            "en",
        ),
        (
            "Le ministre russe de la Défense fait le point sur les combats à la frontière",
            "Le ministre de la Défense Andreï Belooussov a annoncé vendredi au président que l'ennemi avait été "
            "repoussé. Il a précisé que des sapeurs de l'armée nord-coréenne déminent la zone.",
            "fr",
        ),
        (
            "Белоусов доложил президенту о ходе разминирования приграничья",
            "Министр обороны Андрей Белоусов доложил президенту о ходе работ в приграничных районах. "
            "По его словам, саперы КНДР разминировали более тысячи гектаров.",
            "ru",
        ),
    ],
)
def test_a_partys_speaker_told_by_a_pronoun_confirms(detect, title, summary, lang):
    found = troops(detect(title, summary, lang=lang, published="2025-06-10"))
    assert found == (("PRK", "RUS"), "confirmed", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Putin opens rebuilt bridge in Kursk region",
            "President Vladimir Putin on Tuesday opened a rebuilt bridge over the Seim river in the Kursk region. "
            "Last year, North Korean troops helped drive Ukrainian forces out of the area.",
            "en",
        ),
        (
            "Ким Чен Ын встретился с ветеранами войны",
            "Лидер КНДР Ким Чен Ын в годовщину перемирия принял в Пхеньяне ветеранов. "
            "Ветераны вспомнили, как в 1951 году Москва направила в Корею летчиков и военных советников.",
            "ru",
        ),
    ],
)
def test_a_deed_recalled_past_the_lead_of_one_partys_story_is_no_news(detect, title, summary, lang):
    assert troops(detect(title, summary, lang=lang, published="2025-09-10")) is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("North Korean television hails Russian soldiers storming Ukrainian villages", "en"),
        ("La télévision nord-coréenne salue les soldats russes qui pilonnent les lignes ukrainiennes", "fr"),
    ],
)
def test_soldiers_of_the_army_fighting_on_a_front_are_sent_nowhere(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-03-10")) is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("В Киеве не исключили появление саперов КНДР в Белгородской области", "ru"),
        ("Kiev n'exclut pas l'apparition de sapeurs nord-coréens dans la région russe de Belgorod", "fr"),
    ],
)
def test_a_possible_appearance_of_troops_is_a_plan(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-04-10")) == (("PRK", "RUS"), "announced", "PRK", "RUS")
