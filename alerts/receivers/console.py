"""Console receiver: a compact, readable block per notice on the worker's standard output.

Everything printed is rendered from the ``text`` template and stripped of control characters, so
feed text cannot move the cursor, change colours or retitle the terminal.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from alerts.receivers.base import Delivered, Notice, Receiver
from alerts.render import Renderer, strip_controls
from veille.config.receivers import ConsoleReceiver

RULE = "─" * 72


class Console(Receiver):
    """Write each notice to ``stream`` (standard output by default) and flush."""

    def __init__(self, name: str, renderer: Renderer, stream: TextIO | None = None) -> None:
        self.name = name
        self.renderer = renderer
        self.stream = stream

    @classmethod
    def from_config(cls, config: ConsoleReceiver, data_dir: Path, renderer: Renderer) -> Console:
        """The receiver for one ``type: console`` entry."""
        return cls(config.name, renderer)

    def send(self, notice: Notice) -> Delivered:
        """Print the notice; never fails short of a closed standard output."""
        stream = self.stream or sys.stdout
        stream.write(f"{RULE}\n{strip_controls(self.renderer.render('text', notice.alert))}")
        stream.flush()
        return Delivered(detail="printed")
