"""Writing outputs: a regular file goes to a temporary file beside the target and is renamed into
place; a special file (/dev/stdout, a FIFO, a device) is written directly, never replaced.

A new file gets the permissions the umask asks for (0666 & ~umask, as `open` gives), a replaced
one keeps its own. A write the system refuses (disk full, read-only, no such folder) is an
InputError naming the file, and leaves no temporary file behind.
"""

from __future__ import annotations

import os
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
    regular file when the shell redirects it).

    >>> is_special(Path("/dev/null")), is_special(Path("/etc/hostname-nonexistent"))
    (True, False)
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    if stat.S_ISDIR(mode):
        return False
    return not stat.S_ISREG(mode) or path.absolute().parts[1:2] in (("dev",), ("proc",))


def _refused(path: Path, exc: OSError) -> InputError:
    """The one-line error for a write the system refused."""
    return InputError(f"{path}: cannot write: {exc.strerror or exc}")


def write_atomically(path: Path, data: bytes) -> None:
    """Write bytes to a file so that readers see the old file or the new one, never half."""
    if path.parent.exists() and not path.parent.is_dir():
        raise InputError(f"{path}: cannot write: {path.parent} is not a folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = stat.S_IMODE(path.stat().st_mode) if path.is_file() else 0o666 & ~_umask()
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    except OSError as exc:
        raise _refused(path, exc) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _refused(path, exc) from exc
        raise


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
