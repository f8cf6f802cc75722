"""`diplograph serve`: the built graph as a read-only SPARQL 1.1 Protocol endpoint. The SPARQL
engine is the `oxigraph` server (`oxigraph serve-read-only`) on a private port of 127.0.0.1;
in front of it, on `--host`:`--port`, a gate of ours (servegate.py, a Werkzeug application served
by waitress) checks each query and bounds each answer, and serves the web view at `/view/`.

The build's store (OUT/store) holds every graph a build keeps, the rule layers' candidates and
the store's own bookkeeping graphs too, and Oxigraph 0.5 counts a triple once per graph when
the default graph is the union of several (oxigraph/oxigraph#1919). So serve copies what
`diplograph query` answers from into a new store in a temporary folder: each of those named
graphs as it is, and their RDF merge (each triple once) as the default graph. The stored
queries then give the same rows as on the embedded engine, and `GRAPH ?g` still finds each
article's graph. The copy is removed when the server stops.

Safe by default (see README, "Serve"): no Update and no write, no SERVICE to a host off the
`--allow-service` list (sparqlpolicy.py), answers of at most `--max-result-bytes`, a query
stopped after `--timeout` seconds (Oxigraph's `--timeout-s`, and the gate's wait), 127.0.0.1
unless `--host`. `--cors` (off by default) lets pages of other origins read the answers.
"""

from __future__ import annotations

import html
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from diplograph import paths
from diplograph.answerpages import graph_digest
from diplograph.errors import InputError
from diplograph.manifest import REBUILD, check_build
from diplograph.queries import StoredQuery, with_prefixes
from diplograph.store import analysis_names, open_store

if TYPE_CHECKING:
    from waitress.server import BaseWSGIServer, MultiSocketServer

    from diplograph.servegate import Gate

STORE_FOLDER = "store"
GRAPH_FILE = "graph.trig"
PAGE_FILE = "queries.html"
START_SECONDS = 30.0
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy
MAX_RESULT_BYTES = 50_000_000  # 50 MB: `--max-result-bytes`'s default
THREADS = 4  # requests the gate answers at once (waitress's default)


def check_served_build(out: Path, root: Path) -> None:
    """Refuse a build folder that is missing or not up to date with the inputs (one line)."""
    if not (out / GRAPH_FILE).is_file() or not (out / STORE_FOLDER).is_dir():
        raise InputError(f"{out}: no build found; run `diplograph build` first")
    if not check_build(out, GRAPH_FILE, root):
        raise InputError(f"{out}: the build is older than the inputs (stale); {REBUILD}")


def copy_for_serving(out: Path, target: Path) -> int:
    """Write the store to serve into `target`: the graphs `query` answers from, as named graphs
    and merged as the default graph. Returns the number of triples of the default graph."""
    import pyoxigraph

    built = open_store(out / STORE_FOLDER)
    names = analysis_names(built)
    served = pyoxigraph.Store(str(target))
    served.bulk_load(built.serialize("nquads", names), pyoxigraph.RdfFormat.N_QUADS)
    merged = built.serialize("nt", names)
    served.bulk_load(merged, pyoxigraph.RdfFormat.N_TRIPLES, to_graph=pyoxigraph.DefaultGraph())
    served.flush()
    count = int(next(iter(served.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))[0].value)
    del served, built  # close both before the server opens the copy
    return count


def server_command(
    location: Path, host: str, port: int, timeout: float, cors: bool = False
) -> list[str]:
    """The `oxigraph serve-read-only` command line; `cors` lets pages of any origin (the web
    view opened from a file) read the answers."""
    return [
        "oxigraph",
        "serve-read-only",
        "--location",
        str(location),
        "--bind",
        f"{host}:{port}",
        "--timeout-s",
        str(max(1, round(timeout))),
        *(["--cors"] if cors else []),
    ]


def query_url(host: str, port: int) -> str:
    """The SPARQL query URL of a server (an IPv6 address in brackets)."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/query"


def view_url(host: str, port: int) -> str:
    """Where the gate serves the web view.

    >>> view_url("::1", 7878)
    'http://[::1]:7878/view/'
    """
    return query_url(host, port).removesuffix("/query") + "/view/"


def check_port(host: str, port: int) -> None:
    """Refuse an address another server already listens on (else `serve` would take that
    server's answers for its own)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise InputError(f"--host {host!r}: not an address of this machine ({exc})") from exc
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            probe.bind(address)
        except OSError as exc:
            raise InputError(
                f"{query_url(host, port)}: cannot listen there: {exc.strerror}; "
                "choose another --port"
            ) from exc


def answers(url: str) -> bool:
    """Whether a SPARQL endpoint answers a trivial query (within a second)."""
    request = urllib.request.Request(
        url + "?query=ASK%7B%7D", headers={"Accept": "application/sparql-results+json"}
    )
    try:
        with _DIRECT.open(request, timeout=1) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _failed(process: subprocess.Popen, log: Path, url: str) -> InputError:
    """The one-line error of a server that did not start, with the error it wrote (its first
    line starting `Error:`, else its first line; never its backtrace)."""
    lines = [
        line for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if line
    ]
    errors = [line.removeprefix("Error:") for line in lines if line.startswith("Error:")]
    reason = " ".join((errors or lines or ["no output"])[0].split())[:300]
    return InputError(f"oxigraph serve-read-only did not start on {url}: {reason}")


def query_page(queries: list[StoredQuery], url: str) -> str:
    """A small static HTML page listing the stored queries with their questions, parameters
    and text, each runnable on the server by a link where it needs no parameter."""
    rows = []
    for query in queries:
        params = ", ".join(f"{p.name} ({p.type}, e.g. {p.example})" for p in query.params)
        link = ""
        if not any(not p.optional for p in query.params):
            target = f"{url}?query={quote(with_prefixes(query.text), safe='')}"
            link = f' <a href="{html.escape(target)}">run</a>'
        rows.append(
            f'<section id="{html.escape(query.name)}">\n'
            f"<h2>{html.escape(query.name)}{link}</h2>\n"
            f"<p>{html.escape(query.question)}</p>\n"
            + (f"<p>Parameters: {html.escape(params)}</p>\n" if params else "")
            + f"<pre>{html.escape(query.text.strip())}</pre>\n</section>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>diplograph: stored queries</title>\n</head>\n<body>\n"
        "<h1>diplograph: stored queries</h1>\n"
        f'<p>SPARQL endpoint: <a href="{html.escape(url)}">{html.escape(url)}</a>; '
        f"run one with <code>diplograph query NAME --endpoint {html.escape(url)}</code>.</p>\n"
        + "\n".join(rows)
        + "\n</body>\n</html>\n"
    )


def free_local_port() -> int:
    """A port of 127.0.0.1 no one listens on now (for the private Oxigraph server)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_oxigraph(
    location: Path, port: int, timeout: float, cors: bool, log: Path
) -> subprocess.Popen:
    """Start `oxigraph serve-read-only` on 127.0.0.1:`port`, writing its output to `log`."""
    with log.open("wb") as stream:
        return subprocess.Popen(
            server_command(location, "127.0.0.1", port, timeout, cors),
            stdout=stream,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )


def wait_for(process: subprocess.Popen, url: str, log: Path) -> None:
    """Wait until the server answers at `url` (one-line error if it stops or takes too long)."""
    deadline = time.monotonic() + START_SECONDS
    while not answers(url):
        if process.poll() is not None or time.monotonic() > deadline:
            raise _failed(process, log, url)
        time.sleep(0.1)


def listen(gate: Gate, host: str, port: int) -> BaseWSGIServer | MultiSocketServer:
    """The gate's waitress server, listening on host:port (not yet serving)."""
    from waitress.server import create_server

    from diplograph.servegate import MAX_QUERY_BYTES, gate_app

    try:
        return create_server(
            gate_app(gate),
            host=host,
            port=port,
            threads=THREADS,
            ident="diplograph",
            max_request_body_size=MAX_QUERY_BYTES,
        )
    except OSError as exc:
        raise InputError(
            f"{query_url(host, port)}: cannot listen there: {exc.strerror}; choose another --port"
        ) from exc


class GateThread(threading.Thread):
    """The thread that runs the gate's server until `close` stops it."""

    def __init__(self, server: BaseWSGIServer | MultiSocketServer) -> None:
        super().__init__(name="gate", daemon=True)
        self.server, self.closing = server, threading.Event()

    def run(self) -> None:
        """Serve until closed; the loop's error on a socket `close` shut is no error."""
        try:
            self.server.run()
        except (OSError, ValueError):  # select() on a socket closed under it
            if not self.closing.is_set():
                raise

    def close(self) -> None:
        """Close the server's sockets and wait for the loop to end."""
        self.closing.set()
        self.server.close()
        self.join(timeout=10)


def stop(process: subprocess.Popen) -> None:
    """Stop a server process (SIGTERM, then SIGKILL after 10 s)."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def serve(
    out: Path,
    root: Path,
    host: str,
    port: int,
    timeout: float,
    started: Callable[[str, int], None],
    cors: bool = False,
    allowed: tuple[str, ...] = (),
    max_bytes: int = MAX_RESULT_BYTES,
    site: Path | None = None,
) -> None:
    """Serve the build read-only, and the web view (`site`) at /view/, until interrupted
    (SIGINT or SIGTERM, which raise KeyboardInterrupt); both servers are stopped and the copy
    removed however it ends."""
    if shutil.which("oxigraph") is None:
        raise InputError("the `oxigraph` server is not on PATH: python3 -m pip install oxigraph")
    check_served_build(out, root)
    digest = graph_digest(out)  # the build served; its precomputed answers while it stays
    check_port(host, port)
    from diplograph.servegate import Gate

    folder = Path(tempfile.mkdtemp(prefix="diplograph-serve-"))
    process: subprocess.Popen | None = None
    gate_thread: GateThread | None = None
    try:
        triples = copy_for_serving(out, folder / STORE_FOLDER)
        private, log = free_local_port(), folder / "server.log"
        process = start_oxigraph(folder / STORE_FOLDER, private, timeout, cors, log)
        wait_for(process, query_url("127.0.0.1", private), log)
        upstream = query_url("127.0.0.1", private).removesuffix("/query")
        view, queries = site or out / "view", paths.queries_dir(root)
        gate = Gate(upstream, view, allowed, max_bytes, timeout, cors, out, queries, digest)
        gate_thread = GateThread(listen(gate, host, port))
        gate_thread.start()
        started(query_url(host, port), triples)
        process.wait()
        raise _failed(process, log, upstream)  # it stopped by itself
    finally:
        if gate_thread is not None:
            gate_thread.close()
        if process is not None:
            stop(process)
        shutil.rmtree(folder, ignore_errors=True)
