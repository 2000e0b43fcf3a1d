"""Rendering: headline wording, escaping per format, limits, sandboxed template overrides."""

from __future__ import annotations

import pytest

from alerts.render import Renderer, clip, display_names, safe_url, slack_escape, slack_link
from tests.unit.alerts.receivers.factory import HOSTILE, NAMES, hostile_alert, make_alert
from veille.config.watchlist import EntityConfig
from veille.errors import ConfigError, PermanentError


@pytest.mark.parametrize(
    ("changes", "headline"),
    [
        ({}, "North Korea–Russia agreement: announced (3 sources)"),
        ({"sources": ("Yonhap",)}, "North Korea–Russia agreement: announced (1 source)"),
        (
            {"kind": "update", "revision": 1, "sources": tuple("abcdefg")},
            "North Korea–Russia agreement: announced, now 7 sources",
        ),
        (
            {"kind": "retraction", "revision": 2, "denied_by": ("TASS", "KCNA")},
            "RETRACTED: North Korea–Russia agreement: announced (denied by 2 outlets; 3 sources had confirmed)",
        ),
        (
            {"kind": "disputed", "revision": 1, "denied_by": ("TASS",)},
            "Disputed: North Korea–Russia agreement: announced (denied by 1 outlet; 3 sources confirm)",
        ),
        ({"stage": None}, "North Korea–Russia agreement (3 sources)"),
    ],
)
def test_headline_wording(changes, headline) -> None:
    assert Renderer("r", names=NAMES).render("headline", make_alert(**changes)) == headline


def test_entity_ids_are_shown_as_given_without_a_name_mapping() -> None:
    assert Renderer("r").render("headline", make_alert()).startswith("PRK–RUS agreement: announced")


def test_slack_escape_defuses_mentions_links_and_broadcasts() -> None:
    escaped = slack_escape(HOSTILE)

    assert "<" not in escaped and ">" not in escaped
    assert "&lt;!channel&gt;" in escaped
    for broadcast in ("@channel", "@here", "@everyone"):
        assert broadcast not in escaped
    assert "\x1b" not in escaped and "\x07" not in escaped


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://x/y", "https://", "http://a b/", "data:text/html,x"])
def test_only_http_links_are_kept(url) -> None:
    assert safe_url(url) is None
    assert slack_link(url, "label") == "label"


def test_a_link_cannot_break_out_of_its_slack_brackets() -> None:
    link = slack_link("https://ok.example/a|<!channel>?a=1&b=2", "lab>el|x")

    assert link == "<https://ok.example/a%7C%3C!channel%3E?a=1&amp;b=2|lab&gt;el¦x>"


def test_clip_never_cuts_inside_an_entity_or_a_link() -> None:
    assert clip("abc &amp; def", 7) == "abc …"
    assert clip("see <https://x.example/long|x> now", 12) == "see …"
    assert len(clip("x" * 5000, 3000)) == 3000


def test_mrkdwn_of_hostile_alert_holds_only_links_to_its_cited_reports() -> None:
    body = Renderer("r").render("mrkdwn", hostile_alert())

    assert body.count("<") == 2  # the confirming and the denying report; javascript: is no link
    confirming = body.split("<https://ok.example/a%7C%3C!channel%3E|", 1)[1].split(">", 1)[0]
    assert confirming.startswith("&lt;!channel&gt;") and "<" not in confirming and "|" not in confirming


def test_html_escapes_feed_text_and_has_no_script_or_remote_content() -> None:
    html = Renderer("r").render("html", hostile_alert())

    assert "<script" not in html and "<img" not in html and "javascript:" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_subject_is_one_line_without_controls() -> None:
    subject = Renderer("r", {"subject": "{{ title }}"}).render("subject", hostile_alert())

    assert "\n" not in subject and "\r" not in subject and "\x1b" not in subject


def test_template_override_is_used_and_escaped_for_its_format() -> None:
    renderer = Renderer("r", {"mrkdwn": "*{{ title }}* for {{ receiver }}"})

    assert renderer.render("mrkdwn", make_alert(title="<!here> & co")) == "*&lt;!here&gt; &amp; co* for r\n"


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("{% if %}", "receivers.r.templates.text:"),
        ("{{ no_such_variable }}", "'no_such_variable' is undefined"),
        ("{{ alert_id.__class__.__mro__ }}", "receivers.r.templates.text:"),
    ],
)
def test_broken_or_unsafe_override_fails_at_build_time(source, problem) -> None:
    with pytest.raises(ConfigError, match=problem.replace(".", r"\.")):
        Renderer("r", {"text": source})


def test_unknown_template_name_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="no such template"):
        Renderer("r", {"body": "x"})


def test_sandbox_refuses_attribute_escapes_at_render_time() -> None:
    renderer = Renderer("r", {"text": "{% if is_test %}{{ ''.__class__.__subclasses__() }}{% endif %}ok"})

    with pytest.raises(PermanentError, match="template text of receiver r"):
        renderer.render("text", make_alert(kind="test"))


def test_display_names_prefer_the_requested_language() -> None:
    watchlist = [
        EntityConfig(id="PRK", names={"fr": ["Corée du Nord"], "en": ["North Korea", "DPRK"]}),
        EntityConfig(id="RUS", names={"fr": ["Russie"]}),
    ]

    assert display_names(watchlist) == {"PRK": "North Korea", "RUS": "Russie"}
