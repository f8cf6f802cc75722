"""Memory the build has freed, given back to the operating system between stages.

glibc's allocator keeps the pages of freed objects for reuse (rdflib graphs of the articles, the
validation's copies, Oxigraph's scratch stores), so a stage's high-water mark stayed the floor of
every later stage and of every worker forked after it: at 1,000 articles the build held 830 MiB
after `infer` of which some 220 MiB were free pages. `give_back` returns them (malloc_trim); it
changes no output and costs milliseconds. Elsewhere than glibc it does nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import gc
import sys
from collections.abc import Callable, Iterator


@functools.cache
def _trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # another C library (musl has no malloc_trim)
        return None


def give_back() -> bool:
    """Return the allocator's free pages to the operating system; whether it could."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a block makes many objects that all live on
    (reading a build's state, a stage's graph copies): it would walk them again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
