"""Container health probe: ``python healthcheck.py PATH PORT [PORT ...]``.

Asks ``http://127.0.0.1:PORT/PATH`` (``healthz``: alive, ``readyz``: broker and store reachable) on
each port in turn and exits 0 as soon as one answers 200, else 1 with one line per port saying why
(the body of a 503 names what is not ready). Standard library only, so it starts fast and works in
the image without importing veille. The Dockerfile's HEALTHCHECK probes the three workers' default
metrics ports (one container runs one worker); docker-compose probes each worker's own port.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request

TIMEOUT_SECONDS = 3.0
BODY_MAX = 300


def probe(path: str, port: int, host: str = "127.0.0.1") -> tuple[bool, str]:
    """Whether ``http://host:port/path`` answers 200, and a one-line description of the answer."""
    url = f"http://{host}:{port}/{path.lstrip('/')}"
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
            return response.status == 200, f"{url}: {response.status}"
    except urllib.error.HTTPError as exc:
        body = exc.read(BODY_MAX).decode("utf-8", "replace")
        return False, f"{url}: {exc.code} {' '.join(body.split())}".rstrip()
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return False, f"{url}: unreachable ({reason})"


def main(argv: list[str]) -> int:
    """Probe ``argv[0]`` on the ports ``argv[1:]``; 0 when one of them is healthy."""
    if len(argv) < 2 or not all(port.isdigit() for port in argv[1:]):
        print("usage: healthcheck.py PATH PORT [PORT ...]", file=sys.stderr)
        return 2
    reports = []
    for port in argv[1:]:
        healthy, report = probe(argv[0], int(port))
        if healthy:
            return 0
        reports.append(report)
    print("\n".join(reports), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
