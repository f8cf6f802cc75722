"""Incremental build, the input files' stamps: which input files changed since the last build
found by their stat (size, modification and change times, inode), reading and hashing again only
those whose stat changed, as git finds the files a commit changes.

Reads the input files' stat (manifest.input_entries lists them) and, from the state, each file's
stat when its digest was taken; returns the SHA-256 of every input (manifest.input_digests's
answer). A stamp is kept only for a file whose change time was at least two seconds before this
process started, so a file written while a build hashed it (or in the same tick of the clock) is
hashed again next time; the change time cannot be set by a program (touch, cp -p and rsync -t set
the modification time), so an edit always changes the stamp.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from diplograph import paths
from diplograph.manifest import input_entries

Stamp = tuple[int, int, int, int]  # size, modification time, change time (ns), inode
STARTED = time.time_ns()  # before any input is hashed: the module is imported first
_MARGIN = 2_000_000_000  # ns: two ticks of the coarsest file-system clock in use


def _stamp(status: os.stat_result) -> Stamp:
    """A file's stamp from its stat."""
    return status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino


def file_stamp(path: Path) -> Stamp:
    """A file's stamp (OSError when it cannot be read)."""
    return _stamp(os.stat(path))


def _path(root: Path, name: str) -> Path:
    """The file of an input's name (manifest._name's inverse)."""
    if name.startswith("package:"):
        return paths.DATA / name.removeprefix("package:")
    return root / name


def input_stamps(root: Path, inputs: dict[str, str]) -> dict[str, Stamp]:
    """The stamps of the inputs a build hashed, for those unchanged since before it started."""
    stamps = {}
    for name in inputs:
        try:
            status = os.stat(_path(root, name))
        except OSError:
            continue
        if status.st_ctime_ns + _MARGIN <= STARTED:
            stamps[name] = _stamp(status)
    return stamps


def stamped_digests(root: Path, inputs: dict[str, str], stamps: dict[str, Stamp]) -> dict[str, str]:
    """The SHA-256 of each input file by its name (manifest.input_digests), taken again only
    for a file whose stamp is not the one recorded with its earlier digest (`inputs`)."""
    digests = {}
    for name, entry in input_entries(root):
        earlier = stamps.get(name)
        if earlier is not None and name in inputs and _stamp(entry.stat()) == earlier:
            digests[name] = inputs[name]
        else:
            digests[name] = hashlib.sha256(Path(entry.path).read_bytes()).hexdigest()
    return digests
