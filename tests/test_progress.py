"""The progress display (issues 10 and 11, drawn by rich): on a terminal (a pseudo-terminal
here), never on a pipe or a file unless asked; it names each stage, the items done of all, their
rate and the time taken."""

from __future__ import annotations

import io
import os
import re
import select

from diplograph import progress
from diplograph.progress import showing


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


ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def last_picture(written: str) -> str:
    """The display as it was left on the screen: the text after the last carriage return or
    erase, without colour and cursor codes."""
    return ANSI.sub("", written.replace("\r\n", "\n")).split("\r")[-1]


def test_the_display_names_each_stage_the_articles_their_rate_and_the_time():
    stream, clock = io.StringIO(), Clock()
    with showing(stream, True, clock):
        progress.stage("rule layer", 4)
        clock.now += 2.0
        progress.advance(3)
        clock.now += 0.05
        progress.advance()  # 4 in 2.05 s
        progress.stage("validate")  # not counted: a bar, no figures
        clock.now += 1.0
        progress.stage("push", 2, unit="graphs")
        clock.now += 0.5
        progress.advance(2)
    bar = "━" * 30
    assert last_picture(stream.getvalue()) == (
        f"rule layer {bar} 4/4 articles 2.0 articles/s 0:00:02\n"
        f"validate   {bar}                             0:00:01\n"
        f"push       {bar} 2/2 graphs   4.0 graphs/s   0:00:00\n"
    )


def test_a_terminal_shows_progress_and_a_pipe_does_not():
    leader, follower = os.openpty()
    with os.fdopen(follower, "w") as terminal:
        with showing(terminal) as shown:
            progress.stage("rule layer", 2)
            progress.advance(2)
        assert shown is not None
    written = _read_all(leader)
    assert "rule layer" in written and "2/2 articles" in ANSI.sub("", written)
    assert written.endswith("\x1b[?25h")  # rich shows the cursor again when it is done
    piped = io.StringIO()
    with showing(piped) as shown:
        progress.stage("rule layer", 2)
        progress.advance(2)
    assert (shown, piped.getvalue()) == (None, "")


def test_asked_for_a_pipe_shows_progress_and_refused_a_terminal_does_not():
    piped, clock = io.StringIO(), Clock()
    with showing(piped, True, clock):
        progress.stage("infer")
    assert last_picture(piped.getvalue()) == f"infer {'━' * 30}   0:00:00\n"
    leader, follower = os.openpty()
    with os.fdopen(follower, "w") as terminal, showing(terminal, False) as shown:
        progress.stage("infer")
    os.close(leader)
    assert shown is None


def test_without_a_display_the_stages_report_to_nothing():
    """Outside `showing`, a stage and its articles are not drawn anywhere (no error either)."""
    progress.stage("rule layer", 3)
    progress.advance(3)
    assert progress._current is None
