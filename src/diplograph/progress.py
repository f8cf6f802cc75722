"""Progress: one line on a terminal that says what a build is doing (issue 10): the stage, the
articles done of all, and their rate.

The CLI turns it on for a terminal (`showing(stream)`), the stages report to it (`stage`,
`advance`); otherwise every call is a no-op, so that a build run by a test, a pipe or a script
prints nothing more. The line is redrawn in place (carriage return, erase to end of line) at most
ten times a second, and ended with a newline when the build is done.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import TextIO

ERASE = "\r\x1b[K"
EVERY = 0.1  # seconds between two redraws


class Progress:
    """A progress line drawn on `stream`; `clock` gives seconds (time.monotonic)."""

    def __init__(self, stream: TextIO, clock=time.monotonic) -> None:
        """A progress line that has drawn nothing yet."""
        self.stream, self.clock = stream, clock
        self.name, self.done, self.total = "", 0, 0
        self.started = self.drawn = clock()
        self.shown = False

    def stage(self, name: str, total: int = 0) -> None:
        """Start a stage, of `total` articles (0: a stage not counted in articles)."""
        self.name, self.done, self.total = name, 0, total
        self.started = self.clock()
        self.draw()

    def advance(self, count: int = 1) -> None:
        """Count articles done in the present stage."""
        self.done += count
        if self.done >= self.total or self.clock() - self.drawn >= EVERY:
            self.draw()

    def line(self) -> str:
        """The text of the line: the stage, then articles done, of all, per second."""
        if not self.total:
            return f"{self.name} ..."
        seconds = self.clock() - self.started
        rate = f", {self.done / seconds:.1f} articles/s" if seconds > 0 and self.done else ""
        return f"{self.name}: {self.done}/{self.total} articles{rate}"

    def draw(self) -> None:
        """Redraw the line in place."""
        self.stream.write(ERASE + self.line())
        self.stream.flush()
        self.drawn, self.shown = self.clock(), True

    def close(self) -> None:
        """End the line (a newline), if anything was drawn."""
        if self.shown:
            self.stream.write(ERASE + self.line() + "\n")
            self.stream.flush()
            self.shown = False


_current: Progress | None = None


def stage(name: str, total: int = 0) -> None:
    """Report the start of a stage to the progress line, if one is shown."""
    if _current is not None:
        _current.stage(name, total)


def advance(count: int = 1) -> None:
    """Report articles done to the progress line, if one is shown."""
    if _current is not None:
        _current.advance(count)


def wanted(stream: TextIO, choice: bool | None) -> bool:
    """Whether to show progress: the user's choice, else whether `stream` is a terminal."""
    if choice is not None:
        return choice
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextlib.contextmanager
def showing(stream: TextIO, choice: bool | None = None) -> Iterator[Progress | None]:
    """Show the progress of what runs inside on `stream` (when wanted)."""
    global _current
    if not wanted(stream, choice):
        yield None
        return
    previous, _current = _current, Progress(stream)
    try:
        yield _current
    finally:
        _current.close()
        _current = previous
