"""Feed text cleaning: markup, entities, controls and length."""

from __future__ import annotations

from ingest.text import clean_text


def test_markup_is_removed_and_blocks_become_spaces():
    html = "<p>Le <b>traité</b> pourrait</p><p>être signé</p><script>alert(1)</script><style>p{}</style>"
    assert clean_text(html, 200) == "Le traité pourrait être signé"


def test_entities_are_unescaped_including_double_escaped_ones():
    assert clean_text("Kim &amp; Putin&#8217;s &quot;treaty&quot;", 200) == 'Kim & Putin’s "treaty"'
    assert clean_text("Putin&amp;#8217;s visit", 200) == "Putin’s visit"


def test_whitespace_controls_and_bidi_overrides_are_neutralised():
    assert clean_text("  a\t\n b\x00c\u202edcba\u202c  ", 200) == "a b cdcba"


def test_long_text_is_cut_at_a_word_boundary_with_an_ellipsis():
    text = clean_text("word " * 100, 42)
    assert len(text) <= 42
    assert text.endswith("word…")


def test_non_text_values_become_empty():
    assert clean_text(None, 10) == ""
    assert clean_text(["a"], 10) == ""
