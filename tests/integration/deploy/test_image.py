"""The worker image: built from the lock file, non-root, health-checked, with a lean build context."""

from __future__ import annotations

import fnmatch
import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DOCKERFILE = (ROOT / "deploy" / "Dockerfile").read_text()


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    rows = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [(row.split(None, 1)[0].upper(), row.split(None, 1)[1]) for row in rows]


def _ignored(path: str) -> bool:
    patterns = [p for p in (ROOT / ".dockerignore").read_text().splitlines() if p and not p.startswith("#")]
    parts = Path(path).parts
    return any(
        fnmatch.fnmatch(path, p) or fnmatch.fnmatch(parts[0], p) or fnmatch.fnmatch(path, p.removeprefix("**/"))
        for p in patterns
    )


def test_python_packages_are_installed_at_the_locked_versions():
    installs = [args for kind, args in _instructions() if kind == "RUN" and "pip install" in args]
    assert installs, "no pip install in the Dockerfile"
    for args in installs:
        assert "-c constraints.txt" in args


def test_the_image_runs_as_a_non_root_user_after_the_last_build_step():
    steps = _instructions()
    users = [i for i, (kind, _) in enumerate(steps) if kind == "USER"]
    assert users, "the image runs as root"
    user = steps[users[-1]][1].split(":")[0]
    assert user not in ("root", "0")
    last_run = max(i for i, (kind, _) in enumerate(steps) if kind == "RUN")
    assert users[-1] > last_run


def test_the_healthcheck_probes_healthz_on_the_three_worker_ports():
    (healthcheck,) = [args for kind, args in _instructions() if kind == "HEALTHCHECK"]
    assert '"/app/deploy/healthcheck.py", "healthz", "9101", "9102", "9103"' in healthcheck


def test_everything_the_dockerfile_copies_exists_and_is_not_docker_ignored():
    for kind, args in _instructions():
        if kind != "COPY":
            continue
        *sources, _target = shlex.split(args)
        for source in sources:
            assert (ROOT / source).exists(), source
            assert not _ignored(source), f"{source} is excluded by .dockerignore"


def test_local_state_secrets_and_caches_stay_out_of_the_build_context():
    for path in (".git", ".venv", "data", "deploy/.env", "ingest/__pycache__", "tests", ".pytest_cache"):
        assert _ignored(path), path
