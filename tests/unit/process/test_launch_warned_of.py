"""A third state that warns of a launch, or names a launch a failure, speaks about it (launch15).

« Kiev met en garde contre… », « Séoul parle d'un échec » name who says so, as "Kyiv warns of…" and
"Seoul says…" do: the headline is no other state's story, and the body's report of the launch
(planned or held) is news, not a reaction."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import launch


@pytest.mark.parametrize(
    ("title", "summary", "lang", "expected"),
    [
        (
            "Tokyo met en garde contre un prochain tir de missile nord-coréen",
            "Le gouvernement japonais affirme que la Corée du Nord s'apprête à lancer un missile balistique "
            "depuis la côte ouest cette semaine.",
            "fr",
            ("announced", ("PRK",)),
        ),
        (
            "Kiev met en garde contre de nouvelles frappes russes",
            "Le renseignement ukrainien affirme que la Russie prépare un tir de missiles Kinjal contre Odessa.",
            "fr",
            ("announced", ("RUS",)),
        ),
        (
            "Pyongyang célèbre son nouveau satellite, Tokyo parle d'un échec",
            "La Corée du Nord a lancé mardi une fusée porteuse depuis la base de Sohae.",
            "fr",
            ("held", ("PRK",)),
        ),
        (
            "Pyongyang hails its new spy satellite, Tokyo speaks of failure",
            "North Korea launched a carrier rocket from the Sohae base on Tuesday morning.",
            "en",
            ("held", ("PRK",)),
        ),
    ],
)
def test_a_third_state_warning_of_or_naming_a_launch_speaks_about_it(detect, title, summary, lang, expected):
    assert launch(detect(title, summary, lang=lang)) == expected


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        # the warning is the headline's only news: still a threat, not a launch
        ("Tokyo met en garde contre tout tir de missile nord-coréen", "", "fr"),
        # the speaker's own deed stays its own
        ("L'Ukraine parle d'un tir réussi de ses missiles Neptune", "", "fr"),
    ],
)
def test_a_warning_alone_reports_no_launch(detect, title, summary, lang):
    assert launch(detect(title, summary, lang=lang)) == (None, ())
