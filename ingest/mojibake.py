"""Repair mojibake: UTF-8 text that was decoded as Windows-1252 or Latin-1 somewhere upstream.

``"Ã©tÃ© â€™"`` is ``"été ’"`` whose UTF-8 bytes were read one byte per character. Each run of a
lead character (what bytes 0xC2-0xF4 look like in Windows-1252) followed by the right number of
continuation characters (bytes 0x80-0xBF) is re-encoded and decoded as UTF-8; a run that does not
decode to one character is left alone, so correct text (``"Ã"`` alone, ``"Â°"`` never occurs
in clean text) is not touched. Twice-mangled text is repaired by a second pass, and the "Â" left
over from a no-break space that became a plain space is dropped where no word can end with it.
"""

from __future__ import annotations

import re


def _char(byte: int) -> str:
    """The character byte ``byte`` becomes when read as Windows-1252 (Latin-1 for its five holes)."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


_TO_BYTE = {chr(byte): byte for byte in range(0x80, 0x100)} | {_char(byte): byte for byte in range(0x80, 0x100)}
_LEAD2 = "".join(_char(byte) for byte in range(0xC2, 0xE0))
_LEAD3 = "".join(_char(byte) for byte in range(0xE0, 0xF0))
_LEAD4 = "".join(_char(byte) for byte in range(0xF0, 0xF5))
_CONT = "".join(_char(byte) + chr(byte) for byte in range(0x80, 0xC0))  # Windows-1252 or Latin-1 reading
_RUN = re.compile(
    f"[{re.escape(_LEAD2)}][{re.escape(_CONT)}]"
    f"|[{re.escape(_LEAD3)}][{re.escape(_CONT)}]{{2}}"
    f"|[{re.escape(_LEAD4)}][{re.escape(_CONT)}]{{3}}"
)


# "Â" + no-break space, whose second byte a later step turned into a plain space: a lone "Â" at the end
# of a lowercase word or after punctuation (where no language writes one).
_LOST_NBSP = re.compile(r"(?<=[a-z0-9.,;:!?)\]’”])Â(?=\s)")


def _decode(match: re.Match[str]) -> str:
    run = match.group()
    try:
        fixed = bytes(_TO_BYTE[char] for char in run).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return run
    return fixed if len(fixed) == 1 else run


def repair_mojibake(text: str) -> str:
    """``text`` with UTF-8-read-as-Windows-1252 sequences decoded (see the module doc)."""
    for _ in range(2):
        fixed = _RUN.sub(_decode, text)
        if fixed == text:
            break
        text = fixed
    return _LOST_NBSP.sub("", text)
