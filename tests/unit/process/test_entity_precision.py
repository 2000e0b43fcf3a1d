"""Watched-entity precision: namesakes and idioms are not the state, a bare surname needs support."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import make_article


def ids(detection) -> list[str]:
    return sorted({e.id for e in detection.entities})


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "Kim Kardashian attends Paris fashion week"),
        ("en", "Kim Min-jae scores as Bayern beat Dortmund"),
        ("en", "Former South Korean president Kim Dae-jung remembered"),
        ("en", "Kim Ha-seong signs a one-year deal"),
        ("en", "Moscow Mule cocktails are back"),
        ("en", "Police in Moscow, Idaho, search for a suspect"),
        ("en", "Russian Doll returns for a final season"),
        ("en", "The Russian roulette of energy prices"),
        ("fr", "La roulette russe des prix de l'énergie"),
        ("fr", "Les montagnes russes de la Bourse"),
        ("fr", "La charlotte russe, un dessert de fêtes"),
        ("en", "Baking Russian tea cakes for the holidays"),
        ("fr", "Kim Kardashian à la Fashion Week de Paris"),
        ("de", "Russisch Roulette an der Börse"),
        ("ru", "Ким Кардашьян прилетела в Париж"),
        ("ru", "Ким Ки Дук: ретроспектива фильмов"),
    ],
)
def test_namesakes_and_idioms_mention_no_watched_entity(detect, lang, title):
    assert ids(detect(title, lang=lang)) == []


@pytest.mark.parametrize(
    ("lang", "title", "expected"),
    [
        ("en", "Putin, Kim sign pact as Ukraine war rages", ["PRK", "RUS"]),
        ("en", "Leader Kim inspects a missile factory", ["PRK"]),
        ("en", "North Korea's Kim oversees drills", ["PRK"]),
        ("fr", "Le dirigeant Kim reçoit une délégation", ["PRK"]),
        ("ru", "Лидер Ким осмотрел завод", ["PRK"]),
        ("ru", "Путин и Ким провели переговоры", ["PRK", "RUS"]),
    ],
)
def test_a_bare_surname_counts_when_the_item_supports_it(detect, lang, title, expected):
    assert ids(detect(title, lang=lang)) == expected


def test_a_bare_surname_without_support_is_no_mention(detect):
    assert ids(detect("Kim wins the final in straight sets")) == []
    assert ids(detect("Kim Chapiron tourne son nouveau film à Moscou", lang="fr")) == ["RUS"]


def test_kept_mentions_point_at_their_text(extractor):
    article = make_article("Ким Кардашьян и Ким Чен Ын", lang="ru")
    (mention,) = extractor.extract([article])[0].entities
    assert (mention.id, mention.text) == ("PRK", "Ким Чен Ын")
    assert article.text[mention.start : mention.end] == "Ким Чен Ын"


@pytest.mark.parametrize(
    "title",
    ["Путиным", "Россией", "в Пхеньяне", "с Ким Чен Ыном", "Северной Кореи", "российская делегация", "КНДР"],
)
def test_russian_names_match_in_their_inflected_forms(detect, title):
    assert ids(detect(title, lang="ru"))


@pytest.mark.parametrize(
    ("lang", "title", "summary", "expected"),
    [
        ("en", "Medvedev beaten in straight sets at Wimbledon", "Daniil Medvedev lost to an unseeded Briton.", []),
        ("fr", "Medvedev éliminé à Bercy", "Daniil Medvedev a perdu en deux sets contre un qualifié.", []),
        ("ru", "Медведев проиграл в полуфинале", "Даниил Медведев уступил итальянцу в трех сетах.", []),
        ("en", "Medvedev threatens Kyiv's backers", "Russia's former president said Moscow would respond.", ["RUS"]),
        ("en", "Former president Medvedev warns the West", "He spoke on Telegram.", ["RUS"]),
        ("ru", "Зампред Совбеза Медведев пригрозил Западу", "Он написал об этом в своем канале.", ["RUS"]),
    ],
)
def test_a_bare_medvedev_is_the_official_only_when_the_item_supports_it(detect, lang, title, summary, expected):
    assert ids(detect(title, summary, lang=lang)) == expected
