"""A demonym joined to a noun of speech or text is the language, not the state ("Latvia's Russian speakers",
"Russian surtitles", « des sous-titres russes »); a capitalised name after a lower-case French demonym is in
apposition to the noun before it, so the demonym keeps the state (« le pétrolier russe Loukoïl »); a Russian
word that a place's stem matches but the dictionary does not know is another name («Россиньоль», «Кремлен-Бисетр»)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from veille.contracts import Detection


def _ids(detection: Detection) -> list[str]:
    """The sorted ids of the entities a detection mentions."""
    return sorted({e.id for e in detection.entities})


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("en", "Riga bookshop hosts readings for Latvia's Russian speakers", "The evenings are free and open to all."),
        ("en", "Tel Aviv opera adds Russian surtitles to its new Carmen", "Hebrew and English surtitles stay."),
        ("en", "Estonian broadcaster drops Russian subtitles from evening news", "Viewers complained on social media."),
        (
            "en",
            "Almaty publisher prints a Russian translation of the Finnish bestseller",
            "The first run sold out in a week.",
        ),
        ("fr", "Le cinéma de Haïfa projette la comédie avec des sous-titres russes", "La séance est complète."),
        ("fr", "À Narva, les locuteurs russes réclament des écoles bilingues", "Le gouvernement estonien refuse."),
    ],
)
def test_a_demonym_joined_to_a_noun_of_speech_or_text_is_the_language(
    detect: Callable[..., Detection], lang: str, title: str, summary: str
) -> None:
    assert _ids(detect(title, summary, lang=lang)) == []


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        # the noun is the object of the state's officials, or the demonym starts another phrase after it
        ("en", "Russian officials dispute the translation of the communique", "The text was published on Monday."),
        ("en", "Speakers at the UN condemn Russian strikes on Kharkiv", "The session lasted four hours."),
        # « la version russe » is Moscow's account of the facts, not the language
        ("fr", "Kiev rejette la version russe de l'attaque", "Les enquêteurs poursuivent leur travail."),
        ("fr", "La traduction de l'accord par les diplomates russes fait débat", "Le texte a été publié lundi."),
    ],
)
def test_the_state_beside_a_noun_of_speech_it_does_not_qualify_still_counts(
    detect: Callable[..., Detection], lang: str, title: str, summary: str
) -> None:
    assert _ids(detect(title, summary, lang=lang)) == ["RUS"]


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        # Russian writes the language «русский», which names no state: nothing to undo, nothing found
        ("ru", "В Хайфе показали спектакль с русскими субтитрами", "Зал был полон."),
        # the demonym still heads another proper noun when the capitalised word comes first in French or
        # after it in English
        ("fr", "Les Saisons russes de Diaghilev revivent à Monaco", "Le spectacle est donné tout l'été."),
        ("en", "Bakery sells Russian Snowball Cookies for Christmas", "The recipe uses ground walnuts."),
    ],
)
def test_the_russian_language_and_proper_nouns_headed_by_a_demonym_name_no_state(
    detect: Callable[..., Detection], lang: str, title: str, summary: str
) -> None:
    assert _ids(detect(title, summary, lang=lang)) == []


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("fr", "Le pétrolier russe Loukoïl cède sa raffinerie bulgare", "La vente doit être conclue en mars."),
        ("fr", "Selon l'agence russe Interfax, l'avion a atterri sans encombre", "Aucun blessé n'est à déplorer."),
        ("fr", "La compagnie aérienne russe Azur Air suspend ses vols vers Phuket", "Les clients seront remboursés."),
    ],
)
def test_a_name_in_apposition_after_a_french_demonym_keeps_the_state(
    detect: Callable[..., Detection], lang: str, title: str, summary: str
) -> None:
    assert _ids(detect(title, summary, lang=lang)) == ["RUS"]


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("ru", "Акции Россиньоля упали после слабого сезона", "Лыжный бренд ждёт снега в Альпах."),
        (
            "ru",
            "Французский производитель лыж Россиньоль сократит персонал",
            "Фабрика в Изере переходит на новый график.",
        ),
        ("ru", "В больнице Кремлен-Бисетр родилась тройня", "Мать и дети чувствуют себя хорошо."),
    ],
)
def test_a_foreign_name_that_begins_like_a_russian_place_names_no_state(
    detect: Callable[..., Detection], lang: str, title: str, summary: str
) -> None:
    assert _ids(detect(title, summary, lang=lang)) == []


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        # the first part of a compound adjective is no dictionary word, yet the state's
        ("ru", "Российско-китайские переговоры завершились в Пекине", "Стороны подписали меморандум."),
        # words made from the place are in the dictionary
        ("ru", "Кремлёвский источник опроверг слухи об отставке", "Он говорил на условиях анонимности."),
        ("ru", "Москвичи вышли на субботник в парках", "Мэрия раздала перчатки и мешки."),
        ("ru", "Небоскрёб в Москва-Сити закрыли на ремонт", "Арендаторов переселят до весны."),
    ],
)
def test_forms_and_derivatives_of_a_russian_place_still_count(
    detect: Callable[..., Detection], lang: str, title: str, summary: str
) -> None:
    assert _ids(detect(title, summary, lang=lang)) == ["RUS"]
