"""Writing outputs: a regular file goes to a temporary file beside the target and is renamed into
place; a special file (/dev/stdout, a FIFO, a device) is written directly, never replaced.

A new file gets the permissions the umask asks for (0666 & ~umask, as `open` gives), a replaced
one keeps its own. A write the system refuses (disk full, read-only, no such folder) is an
InputError naming the file, and leaves no temporary file behind; so does an interrupt (SIGINT, or
SIGTERM, which `python -m diplograph` turns into one). A temporary file is named
`.NAME-PID-XXXXXXXX.tmp`: one that a killed writer (SIGKILL) left, whose process is gone, is
removed by the next write of NAME. `write_all` writes several files that belong together (the
linker's .ttl and .csv): every temporary file first, then the renames one after the other.
"""

from __future__ import annotations

import glob
import os
import re
import stat
import tempfile
from pathlib import Path

from diplograph.errors import InputError


def _umask() -> int:
    """The process's umask (read by setting and restoring it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def is_special(path: Path) -> bool:
    """Whether a path names an existing file to write into, never replace: one that is not a
    regular file (a device, a FIFO, a socket) or any file under /dev or /proc (/dev/stdout is a
    regular file when the shell redirects it), but for /dev/shm, a tmpfs of regular files and
    folders like any other (the test suite's temporary folders are there).

    >>> is_special(Path("/dev/null")), is_special(Path("/etc/hostname-nonexistent"))
    (True, False)
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    if stat.S_ISDIR(mode):
        return False
    parts = path.absolute().parts
    return not stat.S_ISREG(mode) or (
        parts[1:2] in (("dev",), ("proc",)) and parts[2:3] != ("shm",)
    )


def _refused(path: Path, exc: OSError) -> InputError:
    """The one-line error for a write the system refused."""
    return InputError(f"{path}: cannot write: {exc.strerror or exc}")


def _alive(pid: int) -> bool:
    """Whether a process of that id exists (it may be another user's).

    >>> _alive(os.getpid())
    True
    """
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(path: Path) -> list[Path]:
    """Remove the temporary files of an output whose writer is gone (killed); return them."""
    pattern = re.compile(rf"\.{re.escape(path.name)}-(\d+)-\w+\.tmp")
    removed = []
    for found in sorted(path.parent.glob(f".{glob.escape(path.name)}-*.tmp")):
        match = pattern.fullmatch(found.name)
        if match and not _alive(int(match.group(1))) and not found.is_symlink():
            found.unlink(missing_ok=True)
            removed.append(found)
    return removed


def _stage(path: Path, data: bytes) -> str:
    """Write the data to a new temporary file beside the output; return its path."""
    if path.parent.exists() and not path.parent.is_dir():
        raise InputError(f"{path}: cannot write: {path.parent} is not a folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = stat.S_IMODE(path.stat().st_mode) if path.is_file() else 0o666 & ~_umask()
        remove_leftovers(path)
        prefix = f".{path.name}-{os.getpid()}-"
        handle, temporary = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _refused(path, exc) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _refused(path, exc) from exc
        raise
    return temporary


def write_all(outputs: list[tuple[Path, bytes]]) -> None:
    """Write regular files so that each is its old version or its new one, never half: all the
    temporary files first, then one rename each. An error or an interrupt before the renames
    leaves every file as it was and no temporary file."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in outputs:
            staged.append((_stage(path, data), path))
        for temporary, path in staged:
            try:
                os.replace(temporary, path)
            except OSError as exc:
                raise _refused(path, exc) from exc
    except BaseException:
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)
        raise


def write_atomically(path: Path, data: bytes) -> None:
    """Write bytes to a file so that readers see the old file or the new one, never half."""
    write_all([(path, data)])


def write_directly(path: Path, data: bytes) -> None:
    """Write bytes into an existing special file (a FIFO, a device, /dev/stdout); appending,
    so that a shell's `>>` redirection of /dev/stdout is not truncated."""
    try:
        with open(path, "ab") as stream:
            stream.write(data)
            stream.flush()
    except OSError as exc:
        raise _refused(path, exc) from exc


def write_output(path: Path, data: bytes) -> None:
    """Write an output: directly into a special file, atomically into a regular one."""
    if is_special(path):
        write_directly(path, data)
    else:
        write_atomically(path, data)
