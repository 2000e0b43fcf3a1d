"""Checks across config sections: unique ids, rules that name receivers, event types and actors
that exist, and entity ids named by the watchlist (``supported_by``, ``places``). An event type's ``fronts`` are
not checked here: the shipped lexicon names fronts (Ukraine → Russia) that a config watching other
states does not have, and the extractor uses only the fronts its watchlist can match.

They read the config tree as plain mappings, so ``load_config`` can run them on the raw YAML even
when some field is invalid: one ``veille config check`` reports every problem, the schema errors
and these together, each as ``field.path: message``. Entries too broken to read (not a mapping, an
id that is not a string) are left to the schema errors.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

UNIQUE_KEYS = (
    ("feeds", "id"),
    ("watchlist", "id"),
    ("places", "id"),
    ("events", "type"),
    ("rules", "name"),
    ("receivers", "name"),
)


def reference_problems(tree: Mapping[str, Any]) -> list[str]:
    """Every cross-reference problem of ``tree`` (a raw config mapping or a ``model_dump``)."""
    problems: list[str] = []
    for section, key in UNIQUE_KEYS:
        seen: set[str] = set()
        for index, item in _entries(tree, section):
            value = item.get(key)
            if isinstance(value, str):
                if value in seen:
                    problems.append(f"{section}.{index}.{key}: duplicate {key} {value!r}")
                seen.add(value)
    receivers = _names(tree, "receivers", "name")
    event_types = _names(tree, "events", "type")
    watched = {
        name
        for _, e in _entries(tree, "watchlist")
        if e.get("watch", True) is not False
        for name in [e.get("id")]
        if isinstance(name, str)
    }
    entities = _names(tree, "watchlist", "id")
    for index, entity in _entries(tree, "watchlist"):
        for name in _strings(entity.get("supported_by")):
            if entities and name not in entities:
                problems.append(f"watchlist.{index}.supported_by: no entity {name!r} in the watchlist")
    for index, places in _entries(tree, "places"):
        name = places.get("id")
        if isinstance(name, str) and name not in entities:
            problems.append(f"places.{index}.id: no entity {name!r} in the watchlist")
    for index, rule in _entries(tree, "rules"):
        for name in _strings(rule.get("receivers")):
            if name not in receivers:
                problems.append(f"rules.{index}.receivers: no receiver named {name!r}")
        event_type = rule.get("event_type")
        if event_types and isinstance(event_type, str) and event_type not in event_types:
            problems.append(f"rules.{index}.event_type: no event type {event_type!r} in events")
        for actor in _strings(rule.get("actors")):
            if watched and actor not in watched:
                problems.append(f"rules.{index}.actors: {actor!r} is not a watched entity id")
    return problems


def _entries(tree: Mapping[str, Any], section: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    items = tree.get(section)
    if isinstance(items, list | tuple):
        for index, item in enumerate(items):
            if isinstance(item, Mapping):
                yield index, item


def _names(tree: Mapping[str, Any], section: str, key: str) -> set[str]:
    return {item[key] for _, item in _entries(tree, section) if isinstance(item.get(key), str)}


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list | tuple) else []
