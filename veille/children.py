"""Child processes that never outlive their parent."""

from __future__ import annotations

import contextlib
import os
import signal


def die_with_parent(parent: int | None = None) -> None:
    """Ask Linux to send this process SIGTERM when its parent dies (no-op elsewhere).

    Call it in a child: between fork and exec (``preexec_fn``) or in a pool worker's initializer. A
    worker killed with SIGKILL, or one that leaves with ``os._exit``, then takes its children along
    instead of leaving them orphaned (holding its stdout, its ports, its memory). ``parent``: the
    pid the child expects as its parent; if that one died before this call, the child ends now.
    """
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    if parent is not None and os.getppid() != parent:
        os.kill(os.getpid(), signal.SIGTERM)
