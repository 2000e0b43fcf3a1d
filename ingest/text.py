"""Feed text to plain text: HTML stripped, entities unescaped, controls removed, whitespace collapsed.

Feed text is hostile: markup, double-escaped entities (``&amp;#8217;``), bidi overrides that
reorder what a reader sees, and control characters all go; length is capped at a word boundary.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

from ingest.mojibake import repair_mojibake


def wordset(text: str) -> frozenset[str]:
    """The space-separated words of ``text`` as a set (keeps long word lists readable)."""
    return frozenset(text.split())


_BLOCK_TAGS = wordset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td tfoot th thead tr ul"
)
_SKIP_TAGS = frozenset({"script", "style", "template", "noscript", "iframe", "object"})
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_SPACE = re.compile(r"\s+")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # Unicode category Cc


class _TextExtractor(HTMLParser):
    """Collects the character data of an HTML fragment, a space for each block boundary."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _strip_markup(value: str) -> str:
    extractor = _TextExtractor()
    extractor.feed(value)
    extractor.close()
    return "".join(extractor.parts)


def clean_text(value: object, limit: int) -> str:
    """Plain, single-spaced text from a feed field (HTML or text), at most ``limit`` characters.

    A second pass handles double-escaped entities; mojibake is repaired (``ingest.mojibake``). Text
    cut at ``limit`` ends at a word boundary with an ellipsis.
    """
    if not isinstance(value, str) or not value:
        return ""
    text = _strip_markup(value) if "<" in value or "&" in value else value  # plain titles skip the HTML parser
    if _ENTITY.search(text):
        text = _strip_markup(text)
    text = repair_mojibake(text)
    text = unicodedata.normalize("NFC", text).translate(_BIDI_CONTROLS)
    text = _CONTROLS.sub(" ", text)
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"
