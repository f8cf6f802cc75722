"""Interrupts of `export` and `link` as real processes: SIGINT, SIGTERM or SIGKILL while the
command reads its input, waits for an endpoint or renames its output into place leaves the
previous output byte for byte and no temporary file (SIGINT exits 130, SIGTERM 143, each with one
line); after a SIGKILL the temporary files it left are removed by the next run, which writes
what an uninterrupted run writes. (There is no `push` command.)

The window is made, not hoped for: the child runs the real entry point under a small wrapper
that announces a moment on stderr and holds there (os.replace of the output; built.load_build),
and waiting for an endpoint is a real local server that trickles its answer one byte at a time.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from wikidata_fixtures import _trickle

import diplograph
from diplograph.build import write_build
from diplograph.cli import cli
from diplograph.wikidata.link import LINKS_CSV, LINKS_TTL

pytest_plugins = ["wikidata_fixtures"]

ROOT = Path(__file__).resolve().parents[1]
SRC = Path(diplograph.__file__).resolve().parents[1]
EXPORT = "export.trig"
PREVIOUS = b"# the previous output, which an interrupted run must leave as it is\n"
HOLD = """
import os, sys, time
moment, target, args = sys.argv[1], sys.argv[2], sys.argv[3:]

def announce_and_hold():
    sys.stderr.write(moment + "\\n")
    sys.stderr.flush()
    time.sleep(120)

if moment == "renaming":
    real_replace = os.replace
    def held_replace(source, destination, *rest, **options):
        if str(destination).endswith(target):
            announce_and_hold()
        return real_replace(source, destination, *rest, **options)
    os.replace = held_replace
elif moment == "reading":
    import diplograph.built
    real_load = diplograph.built.load_build
    def held_load(*given, **options):
        announce_and_hold()
        return real_load(*given, **options)
    diplograph.built.load_build = held_load
sys.argv = ["diplograph", *args]
from diplograph.__main__ import main
main()
"""
SIGNALS = {
    "SIGINT": (signal.SIGINT, 130, "error: interrupted\n"),
    "SIGTERM": (signal.SIGTERM, 143, "error: terminated\n"),
    "SIGKILL": (signal.SIGKILL, -signal.SIGKILL, None),
}


@pytest.fixture()
def project(tmp_path: Path, built) -> Path:
    """A copy of the project with an up-to-date build folder (the session's build)."""
    for name in ("ontology", "seeds", "mappings", "queries"):
        shutil.copytree(ROOT / name, tmp_path / name)
    write_build(built, tmp_path / "out", "ok\n", tmp_path)
    return tmp_path


def start(moment: str, target: str, *args: str) -> subprocess.Popen:
    """The diplograph command in a child process, held at `moment` (or not, for "asking")."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.Popen(
        [sys.executable, "-c", HOLD, moment, target, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=hear_sigint,
    )


def hear_sigint() -> None:
    """In the child before it starts: SIGINT back to its default. A test run started in the
    background by a shell without job control inherits SIGINT ignored, and Python then leaves
    it ignored (as it should: such a job is not meant to hear Ctrl-C)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def wait_for(process: subprocess.Popen, line: str) -> str:
    """Read the child's stderr until it announces `line`; what it printed before."""
    seen = ""
    while True:
        got = process.stderr.readline()
        assert got, f"the child ended before {line!r}: {seen}{process.stdout.read()}"
        if got == f"{line}\n":
            return seen
        seen += got


def leftovers(folder: Path) -> list[str]:
    """Temporary files of any output in a folder."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def interrupt(process: subprocess.Popen, name: str, moment: str) -> None:
    """Send the signal; check the exit code and the one line on stderr."""
    number, code, message = SIGNALS[name]
    process.send_signal(number)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == code, stderr
    if message is not None:
        assert (stdout, stderr) == ("", message)


# -- export -------------------------------------------------------------------------------


def export_args(project: Path) -> list[str]:
    return ["--root", str(project), "export", "--format", "trig", "-o", str(project / EXPORT)]


@pytest.mark.parametrize("moment", ["reading", "renaming"])
@pytest.mark.parametrize("name", list(SIGNALS))
def test_an_interrupted_export_leaves_the_previous_file_whole(project, name, moment):
    (project / EXPORT).write_bytes(PREVIOUS)
    process = start(moment, EXPORT, *export_args(project))
    wait_for(process, moment)
    if moment == "renaming":  # the new export is written, under its temporary name
        (temporary,) = leftovers(project)
        assert temporary.startswith(f".{EXPORT}-{process.pid}-")
    interrupt(process, name, moment)
    assert (project / EXPORT).read_bytes() == PREVIOUS
    if name == "SIGKILL" and moment == "renaming":
        assert leftovers(project) == [temporary]  # nothing can clean up after SIGKILL ...
        expected = CliRunner().invoke(cli, export_args(project)[:-2]).stdout.encode()
        again = subprocess.run(
            [sys.executable, "-m", "diplograph", *export_args(project)],
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(SRC)},
            timeout=120,
        )
        assert again.returncode == 0, again.stderr
        assert (project / EXPORT).read_bytes() == expected  # ... the next run does
    assert leftovers(project) == []
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == [".out.lock"]


# -- link -------------------------------------------------------------------------------


@pytest.fixture()
def trickling() -> Iterator[tuple[str, threading.Event]]:
    """An endpoint that answers one byte every half second, and an event set when a request
    has arrived (the child is then waiting for the answer)."""
    stop, asked = threading.Event(), threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            asked.set()
            threading.Thread(target=_trickle, args=(connection, stop), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/sparql", asked
    finally:
        stop.set()
        thread.join(timeout=10)
        listener.close()


def link_files(project: Path) -> dict[str, bytes]:
    return {n: (project / "mappings" / n).read_bytes() for n in (LINKS_TTL, LINKS_CSV)}


@pytest.mark.parametrize("moment", ["asking", "renaming"])
@pytest.mark.parametrize("name", list(SIGNALS))
def test_an_interrupted_link_leaves_both_link_files_whole(
    project, fake_endpoint, trickling, name, moment
):
    before = link_files(project)
    url = trickling[0] if moment == "asking" else fake_endpoint.url
    args = ["--root", str(project), "link", "--endpoint", url, "--interval", "0"]
    process = start(moment, LINKS_TTL, *args, "--timeout", "100", "--retries", "0")
    mappings = project / "mappings"
    if moment == "asking":
        assert trickling[1].wait(timeout=60), "the child never asked the endpoint"
    else:  # both new files are written under temporary names; the first rename waits
        wait_for(process, moment)
        assert [n.split("-")[:-1] for n in leftovers(mappings)] == [
            [".wikidata", "links.csv", str(process.pid)],
            [".wikidata", "links.ttl", str(process.pid)],
        ]
    killed = leftovers(mappings)
    interrupt(process, name, moment)
    assert link_files(project) == before
    if name == "SIGKILL" and moment == "renaming":
        assert leftovers(mappings) == killed
        again = subprocess.run(
            [sys.executable, "-m", "diplograph", *args],
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(SRC)},
            timeout=120,
        )
        assert again.returncode == 0, again.stderr
        assert link_files(project)[LINKS_CSV].startswith(
            b"entity,label,qid,score,decision,reason,candidates\n"
        )
    assert leftovers(mappings) == []
