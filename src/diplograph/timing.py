"""Timing of the build's stages: a cheap, generic recorder of wall time, CPU time and peak memory
per stage, for benchmarks (benchmarks/scale.py).

build.py calls `lap(NAME)` where a stage begins; a stage ends where the next one begins, or at
`lap(None)`. Nothing is measured unless a caller has opened `recording()`: outside it `lap` is
one test of a module variable. Inside it each lap reads two clocks and the resource usage. CPU
time counts this process and its children that have ended (the rule layer's worker is a forked
child; it ends, and is counted, within the stage that started it). Peak memory is the largest
resident set so far of this process or of one ended child, in MiB (it only grows).
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Stage:
    """The figures of one stage: wall and CPU seconds, and the peak memory (MiB) at its end."""

    name: str
    wall: float
    cpu: float
    peak_mib: float


def cpu_seconds() -> float:
    """CPU seconds (user and system) of this process and of its children that have ended."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def peak_mib() -> float:
    """The largest resident set so far of this process or of one ended child, in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return max(own, children) / scale


@dataclass
class Recorder:
    """The stages lapped so far, in order; a stage lapped twice is listed twice."""

    stages: list[Stage] = field(default_factory=list)
    _open: tuple[str, float, float] | None = None

    def lap(self, name: str | None) -> None:
        """End the running stage, if any, and start `name` (None: start none)."""
        wall, cpu = time.perf_counter(), cpu_seconds()
        if self._open is not None:
            began, wall0, cpu0 = self._open
            self.stages.append(Stage(began, wall - wall0, cpu - cpu0, peak_mib()))
        self._open = (name, wall, cpu) if name is not None else None

    def totals(self) -> list[Stage]:
        """One figure a stage name, in the order first lapped: times summed, the largest peak.

        >>> a, b = Stage("a", 1.0, 0.5, 10.0), Stage("b", 2.0, 2.0, 20.0)
        >>> r = Recorder([a, b, Stage("a", 1.0, 0.5, 30.0)])
        >>> [(s.name, s.wall, s.cpu, s.peak_mib) for s in r.totals()]
        [('a', 2.0, 1.0, 30.0), ('b', 2.0, 2.0, 20.0)]
        """
        merged: dict[str, Stage] = {}
        for s in self.stages:
            old = merged.get(s.name)
            if old is not None:
                s = Stage(s.name, old.wall + s.wall, old.cpu + s.cpu, max(old.peak_mib, s.peak_mib))
            merged[s.name] = s
        return list(merged.values())


_recorder: Recorder | None = None


def lap(name: str | None) -> None:
    """Mark where a build stage begins (None: where the last one ends); a no-op unless a
    `recording()` is open."""
    if _recorder is not None:
        _recorder.lap(name)


@contextmanager
def recording() -> Iterator[Recorder]:
    """Record the stages lapped inside the block; the running stage ends with the block."""
    global _recorder
    previous, _recorder = _recorder, Recorder()
    try:
        yield _recorder
    finally:
        _recorder.lap(None)
        _recorder = previous
