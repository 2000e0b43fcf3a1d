"""``make bench``: every benchmark in turn, each reporting ratios to a baseline measured in the same run.

- ``bench.extract``: articles per second of the process worker's extraction vs the full spaCy
  pipeline on every article;
- ``bench.latency``: seconds from publication in a feed to the notification, vs the poll interval
  and a bare Kafka round trip.
"""

from __future__ import annotations

import sys

from bench import extract, latency


def main() -> int:
    """Run the benchmarks; exit non-zero if one of them failed."""
    status = 0
    for name, bench in (("extraction throughput", extract.main), ("end-to-end latency", latency.main)):
        print(f"== {name} ==", flush=True)
        status |= bench([]) or 0
        print(flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
