"""Start-up: the imports a command runs with, made while the garbage collector is paused.

The CLI imports rdflib, spaCy and the stages inside each command (cli.py). Those imports make
some 300,000 objects that live until the process ends; Python's cyclic collector would walk them
several times while they are made, about a tenth of a one-article `extract`. `importing()`
pauses the collector for the imports and then freezes what they made (gc.freeze), as
extract/lifetime.py does for the compiled rules. Reference counting still frees what is dropped.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


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
