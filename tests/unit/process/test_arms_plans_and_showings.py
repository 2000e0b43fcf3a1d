"""Arms transfers (arms15): a third country's headline report of a transfer leaves the body news; a
supply a plan is about is announced and oriented by the deed, also with a partner phrase between; a
technology transfer is a trigger; a factory or weapon shown or toured is no transfer; the direction of
a later sentence completes an earlier finding that has none."""

from __future__ import annotations

from functools import partial

import pytest

from tests.unit.process.conftest import told

arms = partial(told, event_type="arms_transfer")  # (stage, from, to) of the arms transfer


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Kyiv says rocket that struck Kharkiv on Monday was made in North Korea",
            "Investigators said the wreckage proved Pyongyang keeps sending ballistic missiles to Moscow.",
        ),
        (
            "Seoul suspects Russian help behind North Korea's new submarine",
            "Officials said North Korea obtained technical assistance from Russia for its reactor last year.",
        ),
    ],
)
def test_a_third_country_reporting_a_transfer_in_the_headline_leaves_the_body_news(detect, title, summary):
    assert arms(detect(title, summary))[0] == "reported"


def test_a_third_country_warning_in_the_headline_still_makes_the_body_a_reaction(detect):
    assert (
        arms(
            detect(
                "Japan warns Russia against any missile deal with North Korea",
                "Tokyo said Moscow was buying North Korean shells.",
            )
        )[0]
        is None
    )


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Moscou et Pyongyang négocieraient un transfert de technologies spatiales", "fr", "announced"),
        ("Russia and North Korea are discussing a technology transfer for Pyongyang's submarines", "en", "announced"),
        ("Лавров обсуждал с северокорейской стороной поставки оружия", "ru", "announced"),
    ],
)
def test_a_supply_a_plan_is_about_is_announced(detect, title, lang, expected):
    assert arms(detect(title, "", lang=lang))[0] == expected


def test_the_deed_a_plan_is_about_orients_the_pair(detect):
    assert arms(detect("Россия пытается договориться с КНДР о закупке снарядов", "", lang="ru")) == (
        "announced",
        "PRK",
        "RUS",
    )


def test_a_later_sentence_orients_a_pair_the_earliest_leaves_unoriented(detect):
    _, source, target = arms(
        detect(
            "Arms talks between Moscow and Pyongyang make progress",
            "The Kremlin is seeking large stocks of North Korean rockets, officials said.",
        )
    )
    assert (source, target) == ("PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kim Jong-un fait visiter à Sergueï Choïgou une usine de missiles nord-coréenne", "fr"),
        ("Kim shows off new rocket launchers to Russian defence minister in Pyongyang", "en"),
        ("Russian defence chief tours North Korean drone factory with Kim", "en"),
        ("Шойгу осмотрел выставку северокорейских вооружений в Пхеньяне", "ru"),
    ],
)
def test_a_factory_or_weapon_shown_or_toured_is_no_arms_transfer(detect, title, lang):
    assert arms(detect(title, "", lang=lang))[0] is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kim Jong Un shows off a drone factory to Shoigu in Pyongyang", "en"),
        ("Shoigu tours a North Korean shell factory with Kim Jong Un", "en"),
        ("Шойгу осмотрел выставку северокорейских вооружений в Пхеньяне", "ru"),
    ],
)
def test_a_factory_shown_vetoes_the_backstop_whatever_its_weights(extractor, detect, monkeypatch, title, lang):
    # the backstop scores the item far above any threshold: the rules' veto must still hold
    monkeypatch.setattr(type(extractor.backstop), "scores", lambda self, lang, tokens, mentions: {"arms_transfer": 1.0})
    assert arms(detect(title, "", lang=lang))[0] is None
