"""The veille configuration: one YAML file (plus optional includes), validated once at start-up.

Loading does, in order:

1. parse the YAML safely (``yaml.safe_load``; no tags, no object construction);
2. merge the files named in ``include:`` (lists are concatenated, the including file wins for
   scalars), each resolved against the folder of the file that names it;
3. resolve relative paths (``data_dir``, local feed paths, ``include``, receivers' ``ca_file`` and
   template files, ``kafka.ssl_cafile``) against the folder of the file that holds them;
4. replace ``${VAR}`` and ``${VAR:-default}`` in string values from the environment (secrets stay
   out of the file); a missing variable without default is an error naming the field;
5. validate with the section models; every problem becomes one line ``field.path: message``, and
   the cross-section checks (``veille.config.references``) run even when a field is invalid, so
   one run reports every problem.

``VEILLE_DATA_DIR`` in the environment overrides ``data_dir``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field, ValidationError, model_validator

from veille.config.base import Section
from veille.config.events import EventTypeConfig
from veille.config.feeds import FeedConfig
from veille.config.ingest import IngestConfig
from veille.config.receivers import ReceiverConfig
from veille.config.references import reference_problems
from veille.config.rules import RuleConfig
from veille.config.runtime import KafkaConfig, MetricsConfig, StoreConfig
from veille.config.watchlist import EntityConfig, NameShapesConfig, PlacesConfig
from veille.errors import ConfigError

__all__ = ["ConfigError", "VeilleConfig", "default_config_path", "load_config"]

_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")
_MAX_INCLUDE_DEPTH = 8


class VeilleConfig(Section):
    """The whole configuration. Sections are documented on their own models."""

    data_dir: Path = Field(Path("data"), description="where SQLite state and output files live")
    kafka: KafkaConfig = KafkaConfig()
    store: StoreConfig = StoreConfig()
    metrics: MetricsConfig = MetricsConfig()
    ingest: IngestConfig = IngestConfig()
    feeds: tuple[FeedConfig, ...] = ()
    watchlist: tuple[EntityConfig, ...] = ()
    name_shapes: NameShapesConfig = NameShapesConfig()
    places: tuple[PlacesConfig, ...] = ()
    events: tuple[EventTypeConfig, ...] = ()
    rules: tuple[RuleConfig, ...] = ()
    receivers: tuple[ReceiverConfig, ...] = ()

    @model_validator(mode="after")
    def _cross_references(self) -> VeilleConfig:
        problems = reference_problems(self.model_dump())
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @property
    def store_url(self) -> str:
        """The SQLAlchemy URL of the state store (a SQLite file in ``data_dir`` by default)."""
        if self.store.url is not None:
            return self.store.url.get_secret_value()
        return f"sqlite:///{self.data_dir / 'veille.db'}"

    def topic(self, short: str) -> str:
        """The full name of topic ``short`` (``articles``, ``detections``, ``alerts``, ``dlq``)."""
        from veille.contracts import topic_name

        return topic_name(self.kafka.topic_prefix, short)


def default_config_path() -> Path:
    """The example config shipped with the repository (``config/veille.example.yaml``)."""
    return Path(__file__).resolve().parents[2] / "config" / "veille.example.yaml"


def load_config(path: str | os.PathLike[str], environ: dict[str, str] | None = None) -> VeilleConfig:
    """Load, merge, interpolate and validate the config at ``path``.

    Raises ConfigError whose ``problems`` are one line each, naming the file or field path.
    """
    env = dict(os.environ if environ is None else environ)
    path = Path(path)
    raw = _read_tree(path.resolve(), depth=0)
    unset: list[str] = []
    raw = _interpolate(raw, env, "", unset)
    if env.get("VEILLE_DATA_DIR"):
        raw["data_dir"] = str(Path(env["VEILLE_DATA_DIR"]).resolve())
    elif "data_dir" not in raw:
        raw["data_dir"] = str(Path("data").resolve())
    elif isinstance(raw["data_dir"], str):
        raw["data_dir"] = str((path.resolve().parent / raw["data_dir"]).resolve())
    try:
        config = VeilleConfig.model_validate(raw)
    except ValidationError as exc:
        # a field left empty by an unset variable is reported once, as unset, not also as invalid
        problems = unset + [p for p in _describe(exc) if not _about_unset(p, unset)]
        # the model's cross-reference check runs only once every field is valid: run it on the raw tree
        problems += [p for p in reference_problems(raw) if p not in problems]
        raise ConfigError(problems) from None
    if unset:
        raise ConfigError(unset)
    return config


def _about_unset(problem: str, unset: list[str]) -> bool:
    """Whether ``problem`` is about a field that an unset variable left empty.

    Schema paths may hold a union tag the YAML path lacks (``receivers.0.webhook.url`` for
    ``receivers.0.url``), so the unset field's path parts are matched as a subset, in order.
    """
    parts = problem.split(": ", 1)[0].split(".")
    for line in unset:
        wanted = line.split(": ", 1)[0].split(".")
        remaining = iter(parts)
        if all(part in remaining for part in wanted):
            return True
    return False


def _read_tree(path: Path, depth: int) -> dict[str, Any]:
    """Read one YAML file, resolve its relative paths and merge its includes under it."""
    if depth > _MAX_INCLUDE_DEPTH:
        raise ConfigError([f"{path}: includes nest deeper than {_MAX_INCLUDE_DEPTH} (a cycle?)"])
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError([f"{path}: cannot read: {exc.strerror or exc}"]) from None
    except UnicodeDecodeError:
        raise ConfigError([f"{path}: not UTF-8 text"]) from None
    try:
        tree = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError([f"{where}: invalid YAML: {reason}"]) from None
    if tree is None:
        tree = {}
    if not isinstance(tree, dict):
        raise ConfigError([f"{path}: the top level must be a mapping of sections, not {type(tree).__name__}"])
    base = path.parent
    _resolve_paths(tree, base)
    includes = tree.pop("include", None) or []
    if isinstance(includes, str):
        includes = [includes]
    if not isinstance(includes, list) or not all(isinstance(i, str) for i in includes):
        raise ConfigError([f"{path}: include: must be a file name or a list of file names"])
    merged: dict[str, Any] = {}
    for name in includes:
        merged = _merge(merged, _read_tree((base / name).resolve(), depth + 1))
    return _merge(merged, tree)


def _resolve_paths(tree: dict[str, Any], base: Path) -> None:
    """Make this file's relative paths absolute against its folder ``base``."""
    _absolute(tree, "data_dir", base)
    if isinstance(tree.get("kafka"), dict):
        _absolute(tree["kafka"], "ssl_cafile", base)
    for feed in _mappings(tree.get("feeds")):
        url = feed.get("url")
        if isinstance(url, str) and "://" not in url:
            _absolute(feed, "url", base)
    for receiver in _mappings(tree.get("receivers")):
        _absolute(receiver, "ca_file", base)
        templates = receiver.get("templates")
        for template in _mappings(list(templates.values()) if isinstance(templates, dict) else None):
            _absolute(template, "file", base)


def _mappings(node: Any) -> list[dict[str, Any]]:
    """The mappings in a list node (anything else is left for validation to report)."""
    return [item for item in node if isinstance(item, dict)] if isinstance(node, list) else []


def _absolute(mapping: dict[str, Any], key: str, base: Path) -> None:
    """Make ``mapping[key]`` absolute against ``base`` when it is a relative path without ``${}``."""
    value = mapping.get(key)
    if isinstance(value, str) and "${" not in value and not Path(value).is_absolute():
        mapping[key] = str((base / value).resolve())


def _merge(lower: dict[str, Any], upper: dict[str, Any]) -> dict[str, Any]:
    """Merge ``upper`` over ``lower``: lists concatenate, mappings merge, scalars from ``upper``."""
    out = dict(lower)
    for key, value in upper.items():
        if key in out and isinstance(out[key], list) and isinstance(value, list):
            out[key] = out[key] + value
        elif key in out and isinstance(out[key], dict) and isinstance(value, dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _interpolate(node: Any, env: dict[str, str], where: str, problems: list[str]) -> Any:
    """Replace ``${VAR}`` / ``${VAR:-default}`` in every string of the tree."""
    if isinstance(node, dict):
        return {k: _interpolate(v, env, f"{where}.{k}" if where else str(k), problems) for k, v in node.items()}
    if isinstance(node, list):
        return [_interpolate(v, env, f"{where}.{i}", problems) for i, v in enumerate(node)]
    if isinstance(node, str) and "${" in node:

        def replace(match: re.Match[str]) -> str:
            name, default = match.group(1), match.group(2)
            if name in env and env[name] != "":
                return env[name]
            if default is not None:
                return default
            problems.append(f"{where}: environment variable {name} is not set")
            return ""

        return _ENV_REF.sub(replace, node)
    return node


def _describe(exc: ValidationError) -> Iterator[str]:
    """One line per validation error: ``field.path: message``."""
    for error in exc.errors(include_url=False):
        loc = ".".join(str(part) for part in error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        if loc:
            yield f"{loc}: {message}"
        else:
            yield from message.split("; ")
