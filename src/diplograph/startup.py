"""Start-up: the imports a command runs with, made while the garbage collector is paused.

The CLI imports rdflib, spaCy and the stages inside each command (cli.py). Those imports make
some 300,000 objects that live until the process ends; Python's cyclic collector would walk them
several times while they are made, about a tenth of a one-article `extract`. `importing()`
pauses the collector for the imports and then freezes what they made (gc.freeze), as
extract/lifetime.py does for the compiled rules. Reference counting still frees what is dropped.

A process that runs one command and exits (the console script and `python -m diplograph`:
__main__.py calls `run_once`) skips the full collection `lifetime.settle` makes before it
freezes the compiled rules: that collection walks every object of the process (0.05 s of an
`extract`, 0.12 s of a cold `build`) to free a few hundred objects that the exit frees anyway.
A process that goes on after a command (the tests, a notebook, `serve`) collects as before.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

_ONCE = {"run": False}  # set by `run_once`: this process runs one command, then exits


def run_once() -> None:
    """Say that this process runs one command and then exits (__main__.py)."""
    _ONCE["run"] = True


def runs_once() -> bool:
    """Whether this process runs one command and then exits."""
    return _ONCE["run"]


@contextlib.contextmanager
def importing() -> Iterator[None]:
    """Pause the cyclic collector while the block imports; then freeze what exists."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
