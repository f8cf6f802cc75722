"""Shared fixtures of the Virtuoso tests (used through `pytest_plugins`): a real Virtuoso 7
(`virtuoso-t` from Debian's virtuoso-opensource-7-bin; scripts/install-test-virtuoso.sh installs
it) on free ports of 127.0.0.1, its database in a temporary folder, configured by
tests/fixtures/virtuoso/virtuoso.ini and opened for writing by grant-update.sql, as the README's
"Scaling out" section does it.

`virtuoso`: one empty server per test module (stopped at the end); its `query_url` is /sparql
(SPARQL 1.1 Query and Update), its `store_url` /sparql-graph-crud (Graph Store Protocol).
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from wikidata_fixtures import _stop, free_port

from diplograph.serve import answers

CONFIG = Path(__file__).resolve().parent / "fixtures" / "virtuoso"
START_SECONDS = 60
DBA = ("dba", "dba")  # a new database's administrator and password


@dataclass
class Virtuoso:
    """A running Virtuoso server on a database folder, with its SQL and HTTP ports."""

    folder: Path
    sql_port: int
    http_port: int
    process: subprocess.Popen | None = None
    started_in: float = 0.0

    @property
    def query_url(self) -> str:
        """The SPARQL endpoint (queries and updates)."""
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def store_url(self) -> str:
        """The Graph Store Protocol URL (anonymous, once grant-update.sql ran)."""
        return f"http://127.0.0.1:{self.http_port}/sparql-graph-crud"

    def isql(self, *arguments: str) -> str:
        """Run isql-vt as the administrator (a file, or `exec=SQL`); its output, or a test
        failure with it if a statement failed (isql-vt itself exits 0 either way)."""
        done = subprocess.run(
            ["isql-vt", f"127.0.0.1:{self.sql_port}", *DBA, *arguments],
            capture_output=True,
            text=True,
            timeout=60,
        )
        output = done.stdout + done.stderr
        if done.returncode or "*** Error" in output:
            pytest.fail(f"isql-vt {' '.join(arguments)} failed:\n{output}")
        return output

    def stop(self) -> None:
        """Stop the server (SIGTERM: a quick shutdown); its database folder stays."""
        if self.process is not None:
            _stop(self.process)
            self.process = None


def _start(folder: Path) -> Virtuoso:
    """Start Virtuoso on a new database in `folder` on free ports; wait until /sparql answers."""
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "virtuoso.out"
    for _ in range(3):  # a free port can be taken between looking and binding: try again
        server = Virtuoso(folder, free_port(), free_port())
        text = (CONFIG / "virtuoso.ini").read_text(encoding="utf-8")
        ini = folder / "virtuoso.ini"
        ini.write_text(
            text.format(folder=folder, sql_port=server.sql_port, http_port=server.http_port),
            encoding="utf-8",
        )
        began = time.monotonic()
        with log.open("ab") as out:
            server.process = subprocess.Popen(
                ["virtuoso-t", "+foreground", "+configfile", str(ini)],
                cwd=folder,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        while time.monotonic() < began + START_SECONDS and server.process.poll() is None:
            if answers(server.query_url):
                server.started_in = time.monotonic() - began
                return server
            time.sleep(0.1)
        server.stop()
    errors = (folder / "virtuoso.log").read_text(errors="replace") if folder.exists() else ""
    pytest.fail(f"virtuoso-t did not start; see {log}:\n{log.read_text(errors='replace')}{errors}")


def start_virtuoso(folder: Path) -> Virtuoso:
    """A started Virtuoso whose anonymous SPARQL user may write (grant-update.sql)."""
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
        pytest.fail("virtuoso-t and isql-vt are not on PATH: run scripts/install-test-virtuoso.sh")
    server = _start(folder)
    server.isql(str(CONFIG / "grant-update.sql"))
    return server


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """An empty Virtuoso, open for writing, for one test module."""
    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()
