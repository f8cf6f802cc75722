"""Shared fixtures of the Wikidata tests (used through `pytest_plugins`).

`wikidata_endpoint`: a real SPARQL server, `oxigraph serve` on a free port of 127.0.0.1 with a
temporary --location, loaded with tests/fixtures/wikidata/*.ttl; yields the query URL and stops
the server afterwards (`real_items_endpoint`: the same without the distractors;
`hostile_endpoint`: the same plus tests/fixtures/wikidata-hostile/, loaded leniently, whose
values must never reach the Turtle the project writes).
`fake_endpoint`: a tiny HTTP server on 127.0.0.1 that misbehaves as scripted (429, 500,
malformed JSON, too slow) for the failure tests; `down_url`: an endpoint nobody serves;
`trickle_url`: a raw socket server that sends its answer one byte at a time, forever (a fault
injected under the HTTP layer, so that only a deadline on the whole request can end it).
`link_root`: a copy of the project's inputs in a temporary folder, so that tests may write
mappings/ freely; `wikidata_cli`: runs `link` and `enrich` there as the diplograph command
group would (the error-to-exit-code contract included), reusing the session's build.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from diplograph.serve import answers
from diplograph.serve import stop as _stop  # stop a server process (SIGTERM, then SIGKILL)

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "wikidata"
HOSTILE = ROOT / "tests" / "fixtures" / "wikidata-hostile"
EMPTY_RESULTS = {"head": {"vars": []}, "results": {"bindings": []}}
SLOW_SECONDS = 3.0


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_oxigraph(
    location: Path, log: Path, options: tuple[str, ...] = ()
) -> tuple[subprocess.Popen, str]:
    """Start `oxigraph serve` (with extra options) on a free port; return the process and its
    query URL."""
    for _ in range(3):  # a free port can be taken between looking and binding: try again
        port = free_port()
        command = ["oxigraph", "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
        with log.open("ab") as out:
            process = subprocess.Popen(
                [*command, *options],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        url = f"http://127.0.0.1:{port}/query"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and process.poll() is None:
            if answers(url):
                return process, url
            time.sleep(0.1)
        _stop(process)
    pytest.fail(f"oxigraph serve did not start; see {log}:\n{log.read_text(errors='replace')}")


def _serve(
    factory: pytest.TempPathFactory, files: list[Path], lenient: bool = False
) -> Iterator[str]:
    """Load the files into a fresh oxigraph store, serve it, yield the query URL, stop it.

    `lenient` keeps values a strict parser refuses (invalid IRIs), as a broken dump would."""
    if shutil.which("oxigraph") is None:
        pytest.fail("the `oxigraph` server is not on PATH: python3 -m pip install oxigraph")
    folder = factory.mktemp("oxigraph")
    location, log = folder / "store", folder / "server.log"
    subprocess.run(
        [
            "oxigraph",
            "load",
            *(["--lenient"] if lenient else []),
            "--location",
            str(location),
            "--file",
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    process, url = _start_oxigraph(location, log)
    try:
        yield url
    finally:
        _stop(process)


@pytest.fixture(scope="session")
def wikidata_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The query URL of an oxigraph server loaded with the whole Wikidata-shaped fixture."""
    yield from _serve(tmp_path_factory, sorted(FIXTURE.glob("*.ttl")))


@pytest.fixture(scope="session")
def real_items_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same without the distractors: only real identifiers can be found there."""
    files = [p for p in sorted(FIXTURE.glob("*.ttl")) if p.name != "distractors.ttl"]
    yield from _serve(tmp_path_factory, files)


@pytest.fixture(scope="session")
def hostile_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The whole fixture plus hostile values (injecting IRIs, a file: IRI, an escaping label)."""
    files = [*sorted(FIXTURE.glob("*.ttl")), *sorted(HOSTILE.glob("*.ttl"))]
    yield from _serve(tmp_path_factory, files, lenient=True)


@dataclass
class FakeEndpoint:
    """A scripted endpoint: each request takes the next behaviour; the last one repeats."""

    url: str = ""
    script: list[str] = field(default_factory=list)
    requests: list[dict] = field(default_factory=list)
    payload: dict = field(default_factory=lambda: dict(EMPTY_RESULTS))
    slow_seconds: float = SLOW_SECONDS

    def next(self) -> str:
        """The behaviour for the next request."""
        return self.script.pop(0) if len(self.script) > 1 else (self.script or ["ok"])[0]


def _handler(fake: FakeEndpoint) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to one FakeEndpoint."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self, status: int, body: bytes, kind: str, extra: dict | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up first (it may close on a 429 before the body)

        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            length = int(self.headers.get("Content-Length") or 0)
            fake.requests.append({"headers": dict(self.headers), "body": self.rfile.read(length)})
            behaviour = fake.next()
            json_type = "application/sparql-results+json"
            if behaviour == "ok":
                self._answer(200, json.dumps(fake.payload).encode(), json_type)
            elif behaviour.startswith("429"):
                wait = behaviour.partition(":")[2] or "1"
                self._answer(429, b"Too Many Requests", "text/plain", {"Retry-After": wait})
            elif behaviour == "500":
                self._answer(500, b"internal error", "text/plain")
            elif behaviour == "503":
                self._answer(503, b"unavailable", "text/plain")
            elif behaviour == "malformed":
                self._answer(200, b'{"head": {"vars": ["item"]}, "results": {"bindi', json_type)
            elif behaviour == "html":
                self._answer(200, b"<html><body>maintenance</body></html>", "text/html")
            elif behaviour == "slow":
                time.sleep(fake.slow_seconds)
                self._answer(200, json.dumps(fake.payload).encode(), json_type)
            else:
                raise ValueError(f"unknown behaviour {behaviour!r}")

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            """Quiet: no request log on stderr."""

    return Handler


class _QuietServer(ThreadingHTTPServer):
    """A threading HTTP server that does not print a client's dropped connection."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Ignore: the tests check what the client saw."""


@pytest.fixture
def fake_endpoint() -> Iterator[FakeEndpoint]:
    """A misbehaving endpoint on 127.0.0.1, served from a thread and shut down afterwards."""
    fake = FakeEndpoint()
    server = _QuietServer(("127.0.0.1", 0), _handler(fake))
    fake.url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


TRICKLE_GAP = 0.5
TRICKLE_FOR = 30.0


def _trickle(connection: socket.socket, stop: threading.Event) -> None:
    """Answer one connection with a valid HTTP head and JSON, one byte every TRICKLE_GAP s,
    until stopped or TRICKLE_FOR seconds have passed; then close."""
    body = json.dumps(EMPTY_RESULTS).encode().ljust(100_000)
    head = (
        "HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    deadline = time.monotonic() + TRICKLE_FOR
    with connection:
        for byte in head + body:
            if stop.wait(TRICKLE_GAP) or time.monotonic() > deadline:
                return
            try:
                connection.sendall(bytes([byte]))
            except OSError:
                return  # the client gave up


@pytest.fixture
def trickle_url() -> Iterator[str]:
    """The URL of an endpoint that answers, but one byte at a time (served from threads)."""
    stop = threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    threads: list[threading.Thread] = []

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            thread = threading.Thread(target=_trickle, args=(connection, stop), daemon=True)
            thread.start()
            threads.append(thread)

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    finally:
        stop.set()
        acceptor.join(timeout=10)
        listener.close()
        for thread in threads:
            thread.join(timeout=10)


@pytest.fixture
def down_url() -> str:
    """The URL of an endpoint that is down: nothing listens on its port."""
    return f"http://127.0.0.1:{free_port()}/sparql"


@pytest.fixture
def link_root(tmp_path: Path) -> Path:
    """A copy of the project's inputs (ontology, seeds, mappings, queries) to write into."""
    for name in ("ontology", "seeds", "mappings", "queries"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def wikidata_cli(monkeypatch: pytest.MonkeyPatch, built, link_root: Path):
    """Run a Wikidata command in `link_root` through a DiplographGroup; returns the Result."""
    from diplograph import cli_wikidata
    from diplograph.cli import DiplographGroup

    monkeypatch.setattr(cli_wikidata, "current_store", lambda root, out: (built.store, False))

    @click.group(cls=DiplographGroup)
    def group() -> None:
        """Stand-in for the diplograph command group."""

    group.add_command(cli_wikidata.link, "link")
    group.add_command(cli_wikidata.enrich_command, "enrich")

    def run(*args: str) -> Result:
        return CliRunner().invoke(group, list(args), obj={"root": link_root})

    return run
