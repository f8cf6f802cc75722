"""Progress: what a long command is doing (issues 10 and 11), drawn on a terminal by rich's
progress display: the stage, a bar, the items done of all, their rate and the time taken.

The CLI turns it on for a terminal (`showing(stream)`, or `--progress` / `--no-progress`), the
stages report to it (`stage`, `advance`); otherwise every call is a no-op, so that a command run
by a test, a pipe or a script prints nothing more. rich redraws the display in place at most ten
times a second and leaves the last picture of every stage on the screen when the work is done.
rich is imported only when progress is shown, so a command that shows none does not pay for it.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress
    from rich.progress import Task
    from rich.text import Text

REFRESHES = 10  # redraws per second at most


def count_text(task: Task) -> str:
    """The count column's words: items done of all, for a counted stage.

    >>> from types import SimpleNamespace
    >>> count_text(SimpleNamespace(completed=3, total=4, fields={"unit": "graphs"}))
    '3/4 graphs'
    >>> count_text(SimpleNamespace(completed=1, total=1, fields={"unit": ""}))
    ''
    """
    unit = task.fields.get("unit", "")
    return f"{task.completed:.0f}/{task.total:.0f} {unit}" if unit and task.total else ""


def rate_text(task: Task) -> str:
    """The rate column's words: items per second, once one is done and time has passed.

    >>> from types import SimpleNamespace
    >>> rate_text(SimpleNamespace(completed=3, elapsed=2.0, total=4, fields={"unit": "graphs"}))
    '1.5 graphs/s'
    >>> rate_text(SimpleNamespace(completed=0, elapsed=2.0, total=4, fields={"unit": "graphs"}))
    ''
    """
    unit = task.fields.get("unit", "")
    if not unit or not task.total or not task.completed or not task.elapsed:
        return ""
    return f"{task.completed / task.elapsed:.1f} {unit}/s"


def display(stream: TextIO, clock: Callable[[], float] = time.monotonic) -> RichProgress:
    """rich's progress display on `stream` (drawn as on a terminal, without colour codes when
    the stream is none): stage, bar, done of all, rate, time taken."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    class WordsColumn(ProgressColumn):
        """A column of plain words about a task (its count or its rate)."""

        def __init__(self, words: Callable[[Task], str]) -> None:
            """A column whose words `words` gives."""
            super().__init__()
            self.words = words

        def render(self, task: Task) -> Text:
            """The words as plain text."""
            from rich.text import Text

            return Text(self.words(task))

    console = Console(file=stream, force_terminal=True, highlight=False)
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(bar_width=30),
        WordsColumn(count_text),
        WordsColumn(rate_text),
        TimeElapsedColumn(),
        console=console,
        get_time=clock,
        refresh_per_second=REFRESHES,
        # what the command prints goes above the display on a shared screen, and where it
        # was sent otherwise (a file, a pipe)
        redirect_stdout=wanted(sys.stdout, None),
        redirect_stderr=False,
    )


class Stages:
    """The stages of one command on a rich progress display, one line each."""

    def __init__(self, shown: RichProgress) -> None:
        """Stages drawn on `shown` (started and stopped by `showing`)."""
        self.shown = shown
        self.task: int | None = None

    def stage(self, name: str, total: int = 0, unit: str = "articles") -> None:
        """Start a stage of `total` items (0: a stage not counted, drawn as a pulse)."""
        self.finish()
        self.task = self.shown.add_task(name, total=total or None, unit=unit if total else "")

    def advance(self, count: int = 1) -> None:
        """Count items done in the present stage."""
        if self.task is not None:
            self.shown.advance(self.task, count)

    def finish(self) -> None:
        """End the present stage: a counted stage keeps its figures, a pulse is filled."""
        if self.task is not None:
            task = self.shown.tasks[self.task]
            if task.total is None:
                self.shown.update(self.task, total=1, completed=1)
            self.shown.stop_task(self.task)
            self.task = None


_current: Stages | None = None


def stage(name: str, total: int = 0, unit: str = "articles") -> None:
    """Report the start of a stage of `total` items (`unit`) to the progress display, if one
    is shown."""
    if _current is not None:
        _current.stage(name, total, unit)


def advance(count: int = 1) -> None:
    """Report items done to the progress display, if one is shown."""
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
def showing(
    stream: TextIO, choice: bool | None = None, clock: Callable[[], float] = time.monotonic
) -> Iterator[Stages | None]:
    """Show the progress of what runs inside on `stream` (when wanted)."""
    global _current
    if not wanted(stream, choice):
        yield None
        return
    shown = display(stream, clock)
    previous, _current = _current, Stages(shown)
    shown.start()
    try:
        yield _current
    finally:
        _current.finish()
        shown.stop()
        _current = previous
