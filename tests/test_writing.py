"""Writing outputs: atomic for regular files, direct for special files (a FIFO, /dev/stdout),
with the permissions the umask asks for, and a one-line error where the system refuses."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import cli
from diplograph.errors import InputError
from diplograph.writing import is_special, write_all, write_atomically, write_output

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def build_folder(seeds_out: Path) -> Path:
    """A build folder of the project, so that each export reads it instead of building."""
    return seeds_out


def _export(out: Path, target: str):
    """`diplograph export --format nt -o TARGET`, reading the given build folder."""
    args = ["--root", str(ROOT), "export", "--format", "nt", "--out", str(out), "-o", target]
    return CliRunner().invoke(cli, args)


def test_a_new_output_gets_the_permissions_the_umask_asks_for(tmp_path):
    previous = os.umask(0o027)
    try:
        write_atomically(tmp_path / "a.ttl", b"data\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "a.ttl").stat().st_mode) == 0o640


def test_a_replaced_output_keeps_its_permissions(tmp_path):
    target = tmp_path / "a.ttl"
    target.write_bytes(b"old\n")
    target.chmod(0o604)
    write_atomically(target, b"new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o604 and target.read_bytes() == b"new\n"


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("/dev/full", "No space left on device"),
        ("/sys/diplograph-export.nt", "Permission denied"),
    ],
    ids=["disk-full", "read-only"],
)
def test_a_refused_write_is_one_line_and_exit_2(build_folder, target, reason):
    result = _export(build_folder, target)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: {target}: cannot write: {reason}\n"
    assert not list(Path(target).parent.glob(f".{Path(target).name}-*"))


def test_an_existing_fifo_is_written_into_not_replaced(build_folder, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = _export(build_folder, str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode) and sorted(p.name for p in tmp_path.iterdir()) == [
        "pipe"
    ]
    assert received and received[0].startswith(b"<https://w3id.org/diplograph/id/")
    assert result.stderr == f"wrote {fifo} ({len(received[0])} bytes)\n"


def test_dev_stdout_is_written_directly_without_a_suffix(build_folder, capfd):
    before = set(os.listdir("/dev"))
    result = _export(build_folder, "/dev/stdout")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("wrote /dev/stdout (")
    assert capfd.readouterr().out.startswith("<https://w3id.org/diplograph/id/")
    assert set(os.listdir("/dev")) == before


@pytest.mark.skipif(not Path("/dev/shm").is_dir(), reason="no /dev/shm here")
def test_a_regular_file_in_dev_shm_is_replaced_like_any_other():
    """/dev/shm is a tmpfs of regular files (the suite's temporary folders are there when it has
    room): an output there is replaced whole by a rename, not written into as /dev/stdout is."""
    import tempfile

    with tempfile.TemporaryDirectory(dir="/dev/shm") as folder:
        output = Path(folder) / "out.nt"
        output.write_bytes(b"old\n")
        before = output.stat().st_ino
        assert not is_special(output)
        write_output(output, b"new\n")
        assert (output.read_bytes(), output.stat().st_ino != before) == (b"new\n", True)
    assert is_special(Path("/dev/null")) and is_special(Path("/proc/self/status"))


def test_write_output_names_the_file_when_its_folder_is_a_file(tmp_path):
    folder = tmp_path / "file.ttl"
    folder.write_bytes(b"")
    with pytest.raises(InputError, match=f"x.ttl: cannot write: {folder} is not a folder$"):
        write_output(folder / "x.ttl", b"data\n")


def test_the_next_write_removes_what_a_killed_writer_left_and_nothing_else(tmp_path):
    """A SIGKILL leaves `.NAME-PID-XXXX.tmp`; a later write of NAME removes it once its process
    is gone, and keeps a live writer's file, another output's and a look-alike."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    names = [
        f".a.ttl-{dead.pid}-x1y2z3.tmp",  # a killed writer's
        f".a.ttl-{os.getpid()}-abcdef.tmp",  # a live writer's (this process)
        f".b.ttl-{dead.pid}-x1y2z3.tmp",  # another output's
        ".a.ttl-notapid-x1y2z3.tmp",  # not a name this module gives
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"half")
    write_atomically(tmp_path / "a.ttl", b"new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.ttl", *names[1:]])


def test_write_all_leaves_every_file_as_it_was_when_one_cannot_be_written(tmp_path):
    first, blocker = tmp_path / "links.ttl", tmp_path / "file"
    first.write_bytes(b"old\n")
    blocker.write_bytes(b"")
    with pytest.raises(InputError, match=f"x.csv: cannot write: {blocker} is not a folder$"):
        write_all([(first, b"new\n"), (blocker / "x.csv", b"new\n")])
    assert first.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "links.ttl"]
    write_all([(first, b"new\n"), (tmp_path / "x.csv", b"csv\n")])
    assert (first.read_bytes(), (tmp_path / "x.csv").read_bytes()) == (b"new\n", b"csv\n")


@pytest.mark.parametrize(
    "failure",
    [OSError(28, "No space left on device"), KeyboardInterrupt()],
    ids=["disk-full", "interrupt"],
)
def test_a_write_that_fails_midway_leaves_the_old_file_and_no_temporary(
    tmp_path, monkeypatch, failure
):
    target = tmp_path / "a.ttl"
    target.write_bytes(b"old\n")

    def fail(descriptor: int) -> None:
        raise failure

    monkeypatch.setattr(os, "fsync", fail)
    expected = InputError if isinstance(failure, OSError) else KeyboardInterrupt
    with pytest.raises(expected) as error:
        write_atomically(target, b"new\n")
    if expected is InputError:
        assert str(error.value) == f"{target}: cannot write: No space left on device"
    assert target.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ttl"]
