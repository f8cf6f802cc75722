"""On-disk cache: values that are slow to make and quick to unpickle (compiled rules, the
gazetteer, the ontology's vocabulary), each keyed by a digest of everything it is made from.

Reads and writes <folder>/<name>-<digest>.pickle, where the folder is $DIPLOGRAPH_CACHE, else
$XDG_CACHE_HOME/diplograph, else ~/.cache/diplograph; DIPLOGRAPH_CACHE=off turns caching off.
A digest covers the inputs its caller names (file bytes, versions), the package version, the
Python version and the bytes of the package's own source files, so an edited module in a
development install is a miss too. A missing, unreadable or corrupt entry is a miss, never an
error; an entry is written to a temporary file and renamed into place, and older entries of the
same name beyond the newest few are removed.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from diplograph import __version__

log = logging.getLogger(__name__)

ENV = "DIPLOGRAPH_CACHE"
FORMAT = "1"  # raise when the layout of cached values changes in a way the code hash misses
KEEP = 6  # entries kept per name (a few rule folders or checkouts side by side)
T = TypeVar("T")


def folder() -> Path | None:
    """The cache folder, or None when caching is off (DIPLOGRAPH_CACHE=off)."""
    chosen = os.environ.get(ENV)
    if chosen:
        return None if chosen.lower() == "off" else Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "diplograph"


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the package's Python source files and its own data (date-words.yaml), read
    once per process."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted([*package.rglob("*.py"), *package.glob("*.yaml")]):
        digest.update(str(path.relative_to(package)).encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def digest(*parts: str | bytes | Path) -> str:
    """A key for the given inputs: strings and bytes as they are, files by path and bytes."""
    key = hashlib.sha256()
    python = ".".join(map(str, sys.version_info[:3]))
    for fixed in (FORMAT, __version__, python, code_digest()):
        key.update(fixed.encode("utf-8") + b"\0")
    for part in parts:
        if isinstance(part, Path):
            key.update(str(part).encode("utf-8") + b"\0" + part.read_bytes())
        elif isinstance(part, str):
            key.update(part.encode("utf-8"))
        else:
            key.update(part)
        key.update(b"\0")
    return key.hexdigest()[:32]


def entry(name: str, key: str) -> Path | None:
    """The file of one cache entry (None when caching is off)."""
    base = folder()
    return None if base is None else base / f"{name}-{key}.pickle"


def load(name: str, key: str, kind: type[T]) -> T | None:
    """The cached value of that name and key, if there is a readable one of that type."""
    path = entry(name, key)
    if path is None:
        return None
    enabled = gc.isenabled()
    gc.disable()  # unpickling makes many objects at once: no collection in between
    try:
        with path.open("rb") as stream:
            value = pickle.load(stream)  # noqa: S301 (the user's own cache folder)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a truncated or foreign file is a miss, never an error
        log.debug("cache entry %s unreadable (%s): rebuilt", path, exc)
        return None
    finally:
        if enabled:
            gc.enable()
    if not isinstance(value, kind):
        log.debug("cache entry %s holds a %s: rebuilt", path, type(value).__name__)
        return None
    return value


def store(name: str, key: str, value: Any, keep: int | None = KEEP) -> None:
    """Write a cache entry atomically, keeping the newest `keep` entries of its name (None: all);
    a cache that cannot be written is skipped."""
    path = entry(name, key)
    if path is None:
        return
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        temporary = None
        if keep is not None:
            _prune(path.parent, name, path, keep)
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
        log.debug("cache entry %s not written: %s", path, exc)
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _prune(base: Path, name: str, keep: Path, count: int = KEEP) -> None:
    """Remove the oldest entries of a name beyond `count` (never the one just written)."""
    entries = []
    for path in base.glob(f"{name}-*.pickle"):
        try:
            entries.append((path.stat().st_mtime, path))
        except OSError:
            continue
    entries.sort(reverse=True)
    for _, path in entries[count:]:
        if path != keep:
            path.unlink(missing_ok=True)


def cached(name: str, key: str, kind: type[T], make: Callable[[], T]) -> T:
    """The cached value of that name and key, else make it and cache it."""
    found = load(name, key, kind)
    if found is not None:
        return found
    value = make()
    store(name, key, value)
    return value
