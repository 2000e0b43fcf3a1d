"""Arms transfers told by a tally, images or a document (round 25): a third state that tallies the weapons
sent reports them, as one that finds them does; a third state that publishes images of the weapons shows
them and is no party; who comes to fetch weapons (« venus chercher ») takes them; a speaker's document
named in quotes between it and its verb («Сеул в «Белой книге» обвинил…») leaves it the speaker; the
Wagner group, by its group's name, is a Russian force (a bare "Wagner" is not); "military hardware" is a
weapon word; and reports called gossip («сплетни») are denied."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


def test_a_third_state_that_tallies_the_weapons_sent_reports_them(detect_rules):
    title = "Washington tallies North Korean shells shipped to Russia this year"
    found = arms(detect_rules(title, "Officials gave no further detail.", published="2024-05-10"))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Seoul releases images of North Korean shells shipped to Russia", "Officials gave no further detail.", "en"),
        (
            "Séoul publie des photos de camions russes venus chercher des obus nord-coréens",
            "Aucun commentaire n'a été fait.",
            "fr",
        ),
    ],
)
def test_a_third_state_publishing_images_of_the_weapons_is_no_party(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang, published="2024-05-10"))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


def test_a_speakers_document_in_quotes_leaves_it_the_speaker(detect_rules):
    title = "Сеул в «Белой книге» обвинил КНДР в поставках России снарядов"
    found = arms(detect_rules(title, "Комментариев не последовало.", lang="ru", published="2024-05-10"))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        ("Снаряды из КНДР получила группа Вагнера, сообщили в Пентагоне", "Комментариев не последовало.", "ru"),
        ("The Wagner Group received North Korean rockets, U.S. says", "Officials gave no further detail.", "en"),
    ],
)
def test_the_wagner_group_is_a_russian_force(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang, published="2024-05-10"))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


def test_a_bare_wagner_names_no_russian_force(detect_rules):
    detection = detect_rules("A Wagner opera is staged in Pyongyang for the first time", "The audience applauded.")
    assert {m.id for m in detection.entities} == {"PRK"}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("North Korea is preparing to send military hardware to Russia, Kyiv says", "announced"),
        ("Russia received North Korean military hardware by rail, Seoul says", "reported"),
    ],
)
def test_military_hardware_is_a_weapon_word(detect_rules, title, expected):
    found = arms(detect_rules(title, "Officials gave no further detail.", published="2024-05-10"))
    assert found is not None and found[1:] == (expected, "PRK", "RUS")


def test_reports_called_gossip_are_denied(detect_rules):
    title = "Москва назвала сплетнями сообщения о поставках снарядов из КНДР"
    detection = detect_rules(title, "Комментариев не последовало.", lang="ru", published="2024-05-10")
    assert arms(detection) is None and any(r.type == "arms_transfer" for r in detection.retractions)
