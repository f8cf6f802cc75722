"""The progress line (issue 10): drawn on a terminal (a pseudo-terminal here), never on a pipe or
a file unless asked; it names the stage, the articles done of all and their rate."""

from __future__ import annotations

import io
import os
import select

from diplograph import progress
from diplograph.progress import ERASE, Progress, showing


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _read_all(fd: int) -> str:
    """Everything written to a pseudo-terminal so far (the leader end is closed after)."""
    chunks = []
    while select.select([fd], [], [], 0.5)[0]:
        try:
            chunks.append(os.read(fd, 4096))
        except OSError:  # the follower end is closed: nothing more
            break
    os.close(fd)
    return b"".join(chunks).decode()


def test_the_line_names_the_stage_the_articles_and_the_rate():
    stream, clock = io.StringIO(), Clock()
    line = Progress(stream, clock)
    line.stage("rule layer", 4)
    clock.now += 2.0
    line.advance(3)  # drawn: 0.1 s have passed since the last drawing
    clock.now += 0.05
    line.advance()  # drawn: the last article
    line.stage("validate")
    line.close()
    assert stream.getvalue() == (
        f"{ERASE}rule layer: 0/4 articles"
        f"{ERASE}rule layer: 3/4 articles, 1.5 articles/s"
        f"{ERASE}rule layer: 4/4 articles, 2.0 articles/s"  # 4 in 2.05 s
        f"{ERASE}validate ..."
        f"{ERASE}validate ...\n"
    )


def test_the_line_is_redrawn_at_most_ten_times_a_second():
    stream, clock = io.StringIO(), Clock()
    line = Progress(stream, clock)
    line.stage("rule layer", 100)
    for _ in range(50):
        clock.now += 0.01
        line.advance()
    assert stream.getvalue().count(ERASE) == 1 + 5  # the stage, then every tenth of a second


def test_a_terminal_shows_progress_and_a_pipe_does_not():
    leader, follower = os.openpty()
    with os.fdopen(follower, "w") as terminal:
        with showing(terminal) as shown:
            progress.stage("rule layer", 2)
            progress.advance(2)
        assert shown is not None
    written = _read_all(leader)
    assert written.startswith(f"{ERASE}rule layer: 0/2 articles{ERASE}rule layer: 2/2 articles")
    assert written.endswith("\r\n")  # the terminal turns the closing newline into CR LF
    piped = io.StringIO()
    with showing(piped) as shown:
        progress.stage("rule layer", 2)
        progress.advance(2)
    assert (shown, piped.getvalue()) == (None, "")


def test_asked_for_a_pipe_shows_progress_and_refused_a_terminal_does_not():
    piped = io.StringIO()
    with showing(piped, True):
        progress.stage("infer")
    assert piped.getvalue() == f"{ERASE}infer ...{ERASE}infer ...\n"
    leader, follower = os.openpty()
    with os.fdopen(follower, "w") as terminal, showing(terminal, False) as shown:
        progress.stage("infer")
    os.close(leader)
    assert shown is None
