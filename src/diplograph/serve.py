"""`diplograph serve`: the built graph as a read-only SPARQL 1.1 Protocol endpoint, served by
the `oxigraph` server (`oxigraph serve-read-only`), never by a server of our own.

The build's store (OUT/store) holds every graph a build keeps, the rule layers' candidates and
the store's own bookkeeping graphs too, and Oxigraph 0.5 counts a triple once per graph when
the default graph is the union of several (oxigraph/oxigraph#1919). So serve copies what
`diplograph query` answers from into a new store in a temporary folder: each of those named
graphs as it is, and their RDF merge (each triple once) as the default graph. The stored
queries then give the same rows as on the embedded engine, and `GRAPH ?g` still finds each
article's graph. The copy is removed when the server stops.

Safe by default: read-only (an Update is refused), 127.0.0.1 unless `--host`, and a query is
stopped after `--timeout` seconds (Oxigraph's `--timeout-s`). Oxigraph has no option to refuse
SERVICE or to bound the size of a result (see README, "Serve"). `--cors` (off by default) lets
pages of other origins read the answers: the web view's query page, opened from a file.
"""

from __future__ import annotations

import html
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from diplograph.errors import InputError
from diplograph.manifest import REBUILD, check_build
from diplograph.queries import StoredQuery, with_prefixes
from diplograph.store import analysis_names, open_store

STORE_FOLDER = "store"
GRAPH_FILE = "graph.trig"
PAGE_FILE = "queries.html"
START_SECONDS = 30.0


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
        with urllib.request.urlopen(request, timeout=1) as response:
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


def serve(
    out: Path,
    root: Path,
    host: str,
    port: int,
    timeout: float,
    started: Callable[[str, int], None],
    cors: bool = False,
) -> None:
    """Serve the build read-only until interrupted (SIGINT or SIGTERM, which raise
    KeyboardInterrupt); the server is stopped and the copy removed however it ends."""
    if shutil.which("oxigraph") is None:
        raise InputError("the `oxigraph` server is not on PATH: python3 -m pip install oxigraph")
    check_served_build(out, root)
    check_port(host, port)
    folder = Path(tempfile.mkdtemp(prefix="diplograph-serve-"))
    process: subprocess.Popen | None = None
    try:
        triples = copy_for_serving(out, folder / STORE_FOLDER)
        url, log = query_url(host, port), folder / "server.log"
        with log.open("wb") as stream:
            process = subprocess.Popen(
                server_command(folder / STORE_FOLDER, host, port, timeout, cors),
                stdout=stream,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        deadline = time.monotonic() + START_SECONDS
        while not answers(url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise _failed(process, log, url)
            time.sleep(0.1)
        started(url, triples)
        process.wait()
        raise _failed(process, log, url)  # it stopped by itself
    finally:
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(folder, ignore_errors=True)
