"""Debian binaries some tests drive (Prometheus, promtool, Alertmanager): required in CI, optional elsewhere.

``binary(name)`` returns the path of a program. When it is missing, the test is skipped outside CI
(``summarise_missing`` turns those skips into one line saying what to install) and fails in CI
(``CI=true``), whose ``.ci/run`` installs the packages.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable

import pytest

INSTALL = "apt-get install prometheus prometheus-alertmanager"
MISSING = "Debian binary missing: "


def binary(*names: str) -> str:
    """The path of the first of ``names`` on PATH; skip the test (fail it in CI) when none is there."""
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"{' or '.join(names)} not found on PATH; CI needs it ({INSTALL})")
    pytest.skip(f"{MISSING}{names[0]} ({INSTALL})")


def summarise_missing(skipped: Iterable[pytest.TestReport]) -> str | None:
    """The one line for the tests skipped for a missing binary, or None when there are none."""
    missing: dict[str, int] = {}
    for report in skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        reason = reason.removeprefix("Skipped: ")
        if reason.startswith(MISSING):
            name = reason.removeprefix(MISSING).split(" ", 1)[0]
            missing[name] = missing.get(name, 0) + 1
    if not missing:
        return None
    return f"{sum(missing.values())} tests skipped, {', '.join(sorted(missing))} not installed: {INSTALL}"
