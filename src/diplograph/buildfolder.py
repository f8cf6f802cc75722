"""The build folder: which folders a build may replace, the lock that serialises builds, and the
atomic swap of a finished staging folder into place.

A build folder carries a marker file (`.diplograph-build`). A build replaces only a folder that
does not exist, is empty, carries the marker, or holds nothing but the files an earlier build
wrote; it never replaces the project folder or one of its parents. Writers take an exclusive lock
(`.OUT.lock` beside the folder), so two builds in one folder run one after the other; the finished
staging folder is exchanged with the old one in one system call (renameat2 RENAME_EXCHANGE), so a
reader sees the old build or the new one and a kill at any point leaves a whole build in place.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from diplograph.errors import InputError

MARKER = ".diplograph-build"
LEGACY_FILES = frozenset({"graph.trig", "summary.json", "validation.txt"})
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def check_build_folder(out: Path, root: Path | None = None) -> None:
    """Refuse a build folder that a build did not make, naming it and saying why."""
    target = out.resolve()
    if root is not None:
        project = root.resolve()
        if target == project or target in project.parents:
            raise InputError(
                f"{out}: is the project folder or one of its parents; a build replaces its "
                "folder, so choose a folder of its own (default: out/)"
            )
    if target == Path(target.anchor):
        raise InputError(f"{out}: is the root of the file system; choose a folder of its own")
    if target.exists() and not target.is_dir():
        raise InputError(f"{out}: exists and is not a folder")
    if target.is_dir():
        try:
            names = {p.name for p in target.iterdir()}
        except OSError as exc:
            raise InputError(f"{out}: cannot read the build folder: {exc.strerror}") from exc
        if names and MARKER not in names and not names <= LEGACY_FILES:
            raise InputError(
                f"{out}: is not empty and is not a diplograph build folder (no {MARKER} "
                "file); a build would replace it, so nothing was written: choose a new or "
                "empty folder"
            )


@contextlib.contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold the exclusive lock of a build folder; a second writer waits for the first."""
    out.parent.mkdir(parents=True, exist_ok=True)
    lock = out.parent / f".{out.name}.lock"
    with open(lock, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one system call; False where the system cannot (then rename twice)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _ours(folder: Path) -> bool:
    """Whether a folder is a build's own staging or backup folder (marked, or empty)."""
    try:
        return (folder / MARKER).is_file() or not any(folder.iterdir())
    except OSError:
        return False


def clear_leftovers(out: Path) -> None:
    """Remove staging and backup folders that killed builds left beside the build folder."""
    if not out.parent.is_dir():
        return
    for folder in out.parent.glob(f".{out.name}-*"):
        if folder.is_dir() and not folder.is_symlink() and _ours(folder):
            shutil.rmtree(folder, ignore_errors=True)


def recover(out: Path) -> None:
    """Put back the previous build if a kill struck between the two renames of a fallback swap."""
    backup = out.with_name(f".{out.name}-previous")
    if not out.exists() and (backup / MARKER).is_file():
        os.replace(backup, out)


def replace_folder(out: Path, fill: Callable[[Path], None], root: Path | None = None) -> None:
    """Fill a new staging folder and swap it atomically into place as the build folder."""
    check_build_folder(out, root)
    with build_lock(out):
        check_build_folder(out, root)
        recover(out)
        clear_leftovers(out)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
        try:
            (staging / MARKER).write_text("diplograph build folder\n", encoding="utf-8")
            fill(staging)
            os.chmod(staging, 0o777 & ~_umask())
            if out.exists() and _exchange(staging, out):
                shutil.rmtree(staging, ignore_errors=True)
                return
            _swap_by_renames(staging, out)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise


def _swap_by_renames(staging: Path, out: Path) -> None:
    """Swap with two renames (systems without renameat2); recover() undoes a kill between."""
    backup = out.with_name(f".{out.name}-previous")
    if out.exists():
        shutil.rmtree(backup, ignore_errors=True)
        os.replace(out, backup)
    try:
        os.replace(staging, out)
    except OSError:
        if backup.exists():
            os.replace(backup, out)
        raise
    shutil.rmtree(backup, ignore_errors=True)


def _umask() -> int:
    """The process's umask (read by setting and restoring it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
