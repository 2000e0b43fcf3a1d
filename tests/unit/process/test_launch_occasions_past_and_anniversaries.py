"""A launch days before a headline's deed, or recalled by a dated headline or a long opening, is no news (react22).

"Allies fly bombers days after North Korea's ICBM test": a `time_before` word inside a lapse longer than a
day (a `background_lead` that is no `recent_lead`) does not make the headline launch the item's story, so
the body's recap of it is the allies' story ("a day after" still does). "18 décembre 2012 : …": a headline
opening on an earlier year before a colon looks back (`background.dated_headline`). « Il y a trente-cinq
ans, … »: a compound number makes the opening six words, still a short dated opening (``OPENING_WORDS``)."""

from __future__ import annotations

from tests.unit.process.conftest import launch

PUBLISHED = "2025-03-10"


def test_a_deed_days_after_the_launch_is_the_third_country_story(detect_rules):
    title = "Seoul and Washington fly stealth jets days after North Korea's longest missile flight"
    summary = "North Korea fired a new solid-fuel ICBM on Thursday, the joint chiefs of staff said."
    assert launch(detect_rules(title, summary, lang="en", published=PUBLISHED)) == (None, ())


def test_a_deed_a_day_after_the_launch_keeps_the_launch_news(detect_rules):
    title = "Seoul and Washington fly stealth jets a day after North Korea's longest missile flight"
    summary = "North Korea fired a new solid-fuel ICBM on Sunday, the joint chiefs of staff said."
    assert launch(detect_rules(title, summary, lang="en", published=PUBLISHED)) == ("held", ("PRK",))


def test_a_headline_dated_by_an_earlier_year_looks_back(detect_rules):
    title = "12 décembre 2012 : le jour où Pyongyang a placé un satellite en orbite"
    summary = "Une fusée Unha-3 tirée depuis Sohae a placé un satellite en orbite, a annoncé la Corée du Nord."
    assert launch(detect_rules(title, summary, lang="fr", published=PUBLISHED)) == (None, ())


def test_a_headline_without_an_earlier_year_tells_the_launch(detect_rules):
    title = "Le jour où Pyongyang a placé un satellite en orbite"
    summary = "Une fusée Unha-3 tirée depuis Sohae a placé mardi un satellite en orbite, a annoncé la Corée du Nord."
    assert launch(detect_rules(title, summary, lang="fr", published=PUBLISHED)) == ("held", ("PRK",))


def test_an_opening_with_a_compound_number_dates_the_clause(detect_rules):
    title = "Le jour où un Rodong a survolé la mer"
    summary = (
        "Il y a trente-deux ans, une fusée Rodong tirée depuis la côte est de la Corée du Nord franchissait la mer."
    )
    assert launch(detect_rules(title, summary, lang="fr", published=PUBLISHED)) == (None, ())


def test_an_opening_day_tells_the_launch(detect_rules):
    title = "Le jour où un Rodong a survolé la mer"
    summary = "Mardi, une fusée Rodong tirée depuis la côte est de la Corée du Nord franchissait la mer."
    assert launch(detect_rules(title, summary, lang="fr", published=PUBLISHED)) == ("held", ("PRK",))
