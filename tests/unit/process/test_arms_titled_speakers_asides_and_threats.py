"""Arms transfers (round 25, arms25c): a speaker whose title and name, set between commas, push the reporting
verb far from its state is still the speaker, and the body it opens tells no third state's deal; a source
phrase between the lead and a later sentence names who tells it, the story goes on; a deed after a complete
time adverbial («незадолго до этого доставленные») is no occasion; and an organisation's "arm" is no weapons."""

from __future__ import annotations

from tests.unit.process.test_arms_families import arms


def test_a_titled_speaker_named_between_commas_is_no_third_party(detect_rules):
    title = "Tokyo says Russian drones keep falling on Ukrainian towns"
    summary = (
        "Japan's ambassador to the United Nations, Kazuyuki Yamazaki, told the Security Council on Monday that "
        "Russia had fired artillery shells bought from North Korea at Kharkiv."
    )
    found = arms(detect_rules(title, summary, published="2024-03-04"))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


def test_a_source_phrase_between_lead_and_deed_does_not_end_the_story(detect_rules):
    title = "Kim Jong Un oversees test of new coastal defence missiles"
    summary = (
        "The North Korean leader watched the firing on Tuesday, state media said. "
        "According to South Korean military officials quoted by local media, the system draws on foreign parts. "
        "Seoul says Moscow has already supplied Pyongyang with air defence systems."
    )
    found = arms(detect_rules(title, summary, published="2025-04-02"))
    assert found is not None and found[1:] == ("reported", "RUS", "PRK")


def test_a_deed_after_a_complete_time_adverbial_is_no_occasion(detect_rules):
    title = "Склад под Брянском горел всю ночь"
    summary = "По словам очевидцев, на складе хранились снаряды, незадолго до этого доставленные из КНДР."
    found = arms(detect_rules(title, summary, lang="ru", published="2025-02-11"))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


def test_an_arm_of_an_organisation_is_no_weapons(detect_rules):
    # "arm" as a weapons verb was tried in round 25 and reverted: the noun ("military arm", "investment arm",
    # "arm-wrestle", "strong-arm") is the commoner word, and found transfers that no report told
    title = "Hamas's military arm claims rocket fire as Russia and North Korea call for calm"
    summary = "Russia's investment arm signs a deal with a North Korean trade body; strong-arm tactics were denied."
    assert arms(detect_rules(title, summary, published="2024-06-21")) is None
