"""`diplograph serve` as a real subprocess on a free 127.0.0.1 port, on a build of the seeds:
it says where it serves and stops cleanly on SIGINT and SIGTERM, refuses a missing or stale
build (exit 2), answers every stored query as the embedded engine does, and its gate refuses an
Update, a write, a SERVICE off the allow-list (a second real Oxigraph server is the allowed
remote), an answer over the size bound and a query past its time limit, the server staying up;
it serves Oxigraph's query page and the web view, whose query page runs on the same origin."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from click.testing import CliRunner
from store_fixtures import answers, new_server
from wikidata_fixtures import free_port

from diplograph.built import load_build
from diplograph.queries import list_queries, run_query
from diplograph.remote import run_remote

pytest_plugins = ["wikidata_fixtures", "store_fixtures"]
pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DIPLOGRAPH_ENGINE": "oxigraph"}
JSON = {"Accept": "application/sparql-results+json"}
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TRIPLE = "<http://example.org/a> <http://example.org/b> <http://example.org/c>"


def diplograph(*args: str) -> list[str]:
    """The command line of the worktree's diplograph."""
    return [sys.executable, "-m", "diplograph", "--root", str(ROOT), *args]


@pytest.fixture(scope="module")
def build_dir(seeds_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build of the seeds (the session's build folder, copied: `serve` writes its query page
    into it)."""
    out = tmp_path_factory.mktemp("serve") / "out"
    shutil.copytree(seeds_out, out)
    return out


@dataclass
class Served:
    """A running `diplograph serve`, its first line and its query URL."""

    process: subprocess.Popen
    line: str
    url: str
    build: Path

    def stop(self, signum: int = signal.SIGTERM) -> tuple[int, str]:
        """Send a signal; the exit code and what it wrote on stderr."""
        self.process.send_signal(signum)
        code = self.process.wait(timeout=20)
        return code, self.process.stderr.read().decode()


def start(out: Path, *options: str) -> Served:
    """Start `diplograph serve` on a free port and wait for its first line."""
    port = free_port()
    process = subprocess.Popen(
        diplograph("serve", "--out", str(out), "--port", str(port), *options),
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    line = process.stdout.readline().decode().rstrip("\n")
    if process.poll() is not None or not line:
        process.kill()
        pytest.fail(f"serve did not start: {line} {process.stderr.read().decode()}")
    return Served(process, line, f"http://127.0.0.1:{port}/query", out)


@pytest.fixture(scope="module")
def served(build_dir: Path) -> Iterator[Served]:
    """`diplograph serve` on the build, with a query time limit of 2 s."""
    server = start(build_dir, "--timeout", "2")
    yield server
    if server.process.poll() is None:
        server.stop()


def get(url: str, query: str) -> tuple[int, bytes]:
    """GET a query; the HTTP status and the body."""
    request = urllib.request.Request(f"{url}?{urlencode({'query': query})}", headers=JSON)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def send(
    url: str, data: bytes | None, content_type: str, method: str = "POST"
) -> tuple[int, bytes]:
    """Send a request with a body; the HTTP status and the body of the answer."""
    request = urllib.request.Request(
        url, data=data, method=method, headers={**JSON, "Content-Type": content_type}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def announce_body(url: str, size: int) -> int:
    """POST the headers of a query body of `size` bytes and read the answer before sending any
    of it: the status a server gives a body it will not read (sending the body itself races the
    server closing the connection: a broken pipe on a busy machine)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.putrequest("POST", parts.path)
        connection.putheader("Content-Type", "application/sparql-query")
        connection.putheader("Content-Length", str(size))
        connection.endheaders()
        return connection.getresponse().status
    finally:
        connection.close()


def ask(url: str, pattern: str) -> bool:
    """Whether the served graph has a pattern."""
    status, body = get(url, f"ASK {{ {pattern} }}")
    assert status == 200, body
    return json.loads(body)["boolean"]


def test_serve_says_where_and_answers_on_127_0_0_1(served):
    page = served.build / "queries.html"
    assert re.fullmatch(
        rf"serving {re.escape(served.url)} \(read-only, (\d+) triples; stored queries: "
        rf"{re.escape(str(page))}\); Ctrl-C stops",
        served.line,
    )
    assert served.url.startswith("http://127.0.0.1:")
    assert get(served.url, "ASK {}") == (200, b'{"head":{},"boolean":true}')


def test_letters_delivered_on_the_endpoint_are_exactly_the_embedded_rows(served, build_dir):
    runner = CliRunner()
    from diplograph.cli import cli

    remote = runner.invoke(
        cli,
        [
            "--root",
            str(ROOT),
            "query",
            "letters-delivered",
            "--endpoint",
            served.url,
            "--format",
            "csv",
        ],
    )
    local = runner.invoke(
        cli,
        [
            "--root",
            str(ROOT),
            "query",
            "letters-delivered",
            "--out",
            str(build_dir),
            "--format",
            "csv",
        ],
    )
    assert remote.exit_code == 0, remote.output
    assert remote.output == local.output
    assert remote.output.splitlines() == [
        "sender,carrier,recipient,date,event",
        "Vladimir Putin,Sergei Shoigu,Kim Jong Un,,https://w3id.org/diplograph/id/event/"
        "letter-delivery/undated/vladimir-putin-sergei-shoigu-kim-jong-un",
        "Xi Jinping,Li Hongzhong,Kim Jong Un,2023-07-26,https://w3id.org/diplograph/id/event/"
        "letter-delivery/2023-07-26/xi-jinping-li-hongzhong-kim-jong-un",
    ]


def test_meetings_of_person_on_the_endpoint(served):
    from diplograph.cli import cli

    result = CliRunner().invoke(
        cli,
        [
            "--root",
            str(ROOT),
            "query",
            "meetings-of-person",
            "--endpoint",
            served.url,
            "--format",
            "csv",
        ],
    )
    assert result.output.splitlines() == [
        "day,name",
        "2023-07-26,Li Hongzhong",
        "2023-07-26,Sergei Shoigu",
    ]


def test_every_stored_query_gives_the_rows_of_diplograph_query(served, build_dir):
    from diplograph.cli import cli

    stored = list_queries(ROOT / "queries")
    assert len(stored) == 24
    for query in stored:
        params = [f"--param={key}={value}" for key, value in sorted(query.examples.items())]
        args = ["--root", str(ROOT), "query", query.name, *params, "--format", "csv"]
        local = CliRunner().invoke(cli, [*args, "--out", str(build_dir)])
        remote = CliRunner().invoke(cli, [*args, "--endpoint", served.url])
        assert local.exit_code == remote.exit_code == 0, query.name
        assert sorted(remote.output.splitlines()) == sorted(local.output.splitlines()), query.name


def test_every_stored_query_gives_the_reference_engines_terms(served, build_dir, monkeypatch):
    """Terms with their datatypes, against the rdflib engine (the reference; the embedded
    Oxigraph engine gives back xsd:nonNegativeInteger for event-sources' xsd:integer casts)."""
    monkeypatch.setenv("DIPLOGRAPH_ENGINE", "rdflib")
    store = load_build(build_dir, ROOT)
    for query in list_queries(ROOT / "queries"):
        mine = run_query(store, query, query.examples)
        theirs = run_remote(served.url, query, query.examples)
        assert answers(theirs) == answers(mine), query.name


READ_ONLY = (403, b"Update refused: this endpoint is read-only\n")
SERVICE_REFUSED = b"refused: not on the --allow-service list\n"


def test_an_update_or_a_write_is_refused_and_the_data_stays(served):
    base = served.url.removesuffix("/query")
    update = f"INSERT DATA {{ {TRIPLE} }}"
    form = urlencode({"update": update}).encode()
    assert send(base + "/update", update.encode(), "application/sparql-update") == READ_ONLY
    assert send(base + "/update", form, "application/x-www-form-urlencoded") == READ_ONLY
    assert send(served.url, update.encode(), "application/sparql-update") == READ_ONLY
    assert send(served.url, update.encode(), "application/sparql-query") == READ_ONLY
    assert send(served.url, form, "application/x-www-form-urlencoded") == READ_ONLY
    assert get(served.url, f"LOAD <{base}/view/index.html>") == READ_ONLY
    nt = f"{TRIPLE} .\n".encode()
    for method in ("PUT", "POST", "DELETE"):
        assert send(base + "/store?default", nt, "application/n-triples", method) == (
            403,
            f"{method} {'/store ' if method == 'POST' else ''}refused: "
            "this endpoint is read-only\n".encode(),
        )
    page = served.build / "view" / "index.html"
    before = page.read_bytes()
    assert send(base + "/view/index.html", b"x", "text/html", "PUT") == (
        403,
        b"PUT refused: this endpoint is read-only\n",
    )
    assert page.read_bytes() == before
    assert not ask(served.url, TRIPLE)
    assert ask(served.url, "?s ?p ?o")


def test_the_three_protocol_forms_give_the_same_answer_and_bad_text_is_a_400(served):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/diplograph/ontology#Visit> }"
    want = get(served.url, query)
    assert want[0] == 200
    form = urlencode({"query": query}).encode()
    assert send(served.url, form, "application/x-www-form-urlencoded") == want
    assert send(served.url, query.encode(), "application/sparql-query") == want
    assert get(served.url, "SELEC * WHERE { }") == (
        400,
        b"the query does not parse: Expected {SelectQuery | ConstructQuery | DescribeQuery | "
        b"AskQuery}, found 'SELEC' (at char 0), (line:1, col:1)\n",
    )
    both = f"{served.url}?{urlencode({'query': 'ASK {}'})}"
    assert send(both, b"ASK {}", "application/sparql-query") == (
        400,
        b"send one query: a query parameter or an application/sparql-query body\n",
    )
    assert announce_body(served.url, 1024 * 1024 + 1) == 413
    assert served.process.poll() is None


def test_a_service_call_to_another_host_is_refused_and_never_made(served):
    """The refusal comes from the gate: a listener named in the SERVICE is never called."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(1)
        port = listener.getsockname()[1]
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        assert get(served.url, query) == (403, b"SERVICE to 127.0.0.1 " + SERVICE_REFUSED)
        with pytest.raises(TimeoutError):
            listener.accept()
    query = "SELECT * WHERE { SERVICE <http://other.example/sparql> { ?s ?p ?o } }"
    assert get(served.url, query) == (403, b"SERVICE to other.example " + SERVICE_REFUSED)
    assert served.process.poll() is None
    assert get(served.url, "ASK {}") == (200, b'{"head":{},"boolean":true}')


@pytest.mark.parametrize(
    "query, refused",
    [
        (
            "SELECT * WHERE { ?s ?p ?o SERVICE ?where { ?s ?p ?o } }",
            b"SERVICE ?where refused: a SERVICE must name its endpoint's IRI\n",
        ),
        (
            "PREFIX x: <http://other.example/> "
            "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT x:sparql { ?s ?p ?o } } }",
            b"SERVICE to other.example " + SERVICE_REFUSED,
        ),
        (
            "BASE <http://sub.example/> SELECT * WHERE { ?s ?p ?o "
            "{ SELECT ?s WHERE { SERVICE <sparql> { ?s ?p ?o } } LIMIT 1 } }",
            b"SERVICE to sub.example " + SERVICE_REFUSED,
        ),
        (
            "ASK { ?s ?p ?o FILTER NOT EXISTS { SERVICE <http://exists.example/> { ?s ?p ?o } } }",
            b"SERVICE to exists.example " + SERVICE_REFUSED,
        ),
        (
            "SELECT * WHERE { ?s ?p ?o MINUS { SERVICE <https://minus.example/q> { ?s ?p ?o } } }",
            b"SERVICE to minus.example " + SERVICE_REFUSED,
        ),
        (
            "SELECT * WHERE { SERVICE <http://127.0.0.1/> { SERVICE <http://in.example/> { } } }",
            b"query refused: too deeply nested to check (SERVICE in SERVICE?)\n",
        ),
    ],
    ids=["variable", "optional-prefixed", "subquery-relative", "not-exists", "minus", "in-service"],
)
def test_a_service_with_a_variable_or_nested_is_refused(served, query, refused):
    assert get(served.url, query) == (403, refused)
    assert served.process.poll() is None


def test_a_runaway_query_stops_at_the_time_limit_and_the_server_stays_up(served):
    from concurrent.futures import ThreadPoolExecutor

    began = time.monotonic()
    with ThreadPoolExecutor(1) as pool:
        runaway = pool.submit(get, served.url, RUNAWAY)
        time.sleep(0.5)
        assert get(served.url.removesuffix("/query") + "/sparql", "ASK {}") == (
            200,
            b'{"head":{},"boolean":true}',
        )
        assert time.monotonic() - began < 2  # answered while the runaway query runs
        status, body = runaway.result()
    took = time.monotonic() - began
    assert 2 <= took < 15, took
    assert (status, body) in {  # stopped by the engine, or by the gate when the engine is slow
        (504, b"query stopped at the time limit (2 s, --timeout)\n"),
        (504, b"no answer within the time limit (2 s, --timeout)\n"),
    }
    assert served.process.poll() is None
    assert get(served.url, "ASK {}") == (200, b'{"head":{},"boolean":true}')


REMOTE_TRIPLES = (
    '<http://example.org/a> <http://example.org/p> "one" .\n'
    '<http://example.org/b> <http://example.org/p> "two" .\n'
    '<http://example.org/c> <http://example.org/q> "three" .\n'
)
SMALL = 2000  # bytes: the strict server's --max-result-bytes


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A second real Oxigraph server on another free port: the allowed SERVICE endpoint."""
    folder = tmp_path_factory.mktemp("remote")
    (folder / "remote.nt").write_text(REMOTE_TRIPLES, encoding="utf-8")
    server = new_server(folder, [folder / "remote.nt"])
    yield server.query_url
    server.stop()


@pytest.fixture(scope="module")
def strict(
    build_dir: Path, remote: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    """`diplograph serve` allowing the remote's host and port, with answers of at most SMALL
    bytes (on a copy of the build: serve writes its query page there)."""
    out = tmp_path_factory.mktemp("strict") / "out"
    shutil.copytree(build_dir, out)
    allowed = remote.removeprefix("http://").removesuffix("/query")
    server = start(out, "--allow-service", allowed, "--max-result-bytes", str(SMALL))
    yield server
    if server.process.poll() is None:
        server.stop()


def test_a_service_to_an_allowed_host_passes_the_gate(strict, remote):
    query = (
        f"SELECT ?s ?o WHERE {{ SERVICE <{remote}> {{ ?s <http://example.org/p> ?o }} }} "
        "ORDER BY ?o"
    )
    status, body = get(strict.url, query)
    assert status == 200, body
    rows = [(b["s"]["value"], b["o"]["value"]) for b in json.loads(body)["results"]["bindings"]]
    assert rows == [("http://example.org/a", "one"), ("http://example.org/b", "two")]
    other = remote.replace(remote.split(":")[2].split("/")[0], str(free_port()))
    assert get(strict.url, query.replace(remote, other)) == (
        403,
        b"SERVICE to 127.0.0.1 " + SERVICE_REFUSED,
    )


def test_an_answer_over_the_size_bound_is_refused_and_the_next_is_answered(strict):
    status, body = get(strict.url, "SELECT * WHERE { ?s ?p ?o }")
    assert (status, body) == (
        403,
        f"result too large: over {SMALL} bytes (--max-result-bytes); add LIMIT\n".encode(),
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(strict.url.removesuffix("/query") + "/store?default", timeout=30)
    assert refused.value.code == 403
    assert refused.value.read() == (
        f"result too large: over {SMALL} bytes (--max-result-bytes); add LIMIT\n".encode()
    )
    status, body = get(strict.url, "SELECT * WHERE { ?s ?p ?o } LIMIT 3")
    assert status == 200 and len(body) <= SMALL
    assert len(json.loads(body)["results"]["bindings"]) == 3
    assert strict.process.poll() is None


def test_oxigraph_serves_its_query_page_offline(served):
    base = served.url.removesuffix("/query")
    with urllib.request.urlopen(base + "/", timeout=10) as response:
        page = response.read().decode()
        assert response.headers["Content-Type"].startswith("text/html")
    assert '<script src="./yasgui.min.js"></script>' in page
    assert "http" not in page.split("<body>")[0].replace('href="./', "")  # nothing from a CDN
    with urllib.request.urlopen(base + "/yasgui.min.js", timeout=10) as response:
        assert response.headers["Content-Type"] == "application/javascript"


def test_serve_writes_the_stored_queries_page(served, build_dir):
    page = (build_dir / "queries.html").read_text(encoding="utf-8")
    assert page.count("<section id=") == 24
    assert '<section id="letters-delivered">' in page
    assert "<p>Which letters were delivered: sender, carrier, recipient, date?</p>" in page
    assert f'<a href="{served.url}?query=' in page


@pytest.mark.parametrize("signum, name", [(signal.SIGINT, "SIGINT"), (signal.SIGTERM, "SIGTERM")])
def test_serve_stops_cleanly_on_a_signal(build_dir, signum, name):
    server = start(build_dir)
    code, err = server.stop(signum)
    assert (code, err) == (0, "stopped\n"), name
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(server.url + "?query=ASK%7B%7D", timeout=2)


def test_a_missing_build_is_one_line_and_exit_2(tmp_path):
    done = subprocess.run(
        diplograph("serve", "--out", str(tmp_path / "none"), "--port", str(free_port())),
        env=ENV,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.decode() == (
        f"error: {tmp_path / 'none'}: no build found; run `diplograph build` first\n"
    )


def test_a_stale_build_is_one_line_and_exit_2(build_dir, tmp_path):
    stale = tmp_path / "out"
    shutil.copytree(build_dir, stale)
    manifest = json.loads((stale / "manifest.json").read_text())
    name = sorted(manifest["inputs"])[0]
    manifest["inputs"][name] = "0" * 64
    (stale / "manifest.json").write_text(json.dumps(manifest))
    done = subprocess.run(
        diplograph("serve", "--out", str(stale), "--port", str(free_port())),
        env=ENV,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.decode() == (
        f"error: {stale}: the build is older than the inputs (stale); "
        "run `diplograph build` again\n"
    )


def test_an_engine_that_fails_to_start_is_one_line_and_exit_2(build_dir, tmp_path):
    fake = tmp_path / "bin" / "oxigraph"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'Error: no store  here' >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    port = free_port()
    done = subprocess.run(
        diplograph("serve", "--out", str(build_dir), "--port", str(port)),
        env={**ENV, "PATH": f"{fake.parent}{os.pathsep}{os.environ['PATH']}"},
        capture_output=True,
        timeout=60,
    )
    assert (done.returncode, done.stdout) == (2, b"")
    assert re.fullmatch(
        r"error: oxigraph serve-read-only did not start on http://127\.0\.0\.1:\d+/query: "
        r"no store here\n",
        done.stderr.decode(),
    )
    assert f":{port}/" not in done.stderr.decode()  # Oxigraph's own port is a private one


def test_host_is_the_address_it_listens_on_and_a_taken_port_is_one_line(build_dir):
    server = start(build_dir, "--host", "127.0.0.2")
    url = server.url.replace("127.0.0.1", "127.0.0.2")
    try:
        assert server.line.startswith(f"serving {url} (read-only, ")
        assert get(url, "ASK {}") == (200, b'{"head":{},"boolean":true}')
        with pytest.raises(urllib.error.URLError):
            urllib.request.urlopen(server.url + "?query=ASK%7B%7D", timeout=2)
        port = url.split(":")[2].split("/")[0]
        done = subprocess.run(
            diplograph("serve", "--out", str(build_dir), "--host", "127.0.0.2", "--port", port),
            env=ENV,
            capture_output=True,
            timeout=60,
        )
    finally:
        server.stop()
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode() == (
        f"error: {url}: cannot listen there: Address already in use; choose another --port\n"
    )


def test_serve_writes_the_web_view_and_serves_it_at_view(served, build_dir):
    line = served.process.stdout.readline().decode().rstrip("\n")
    base = served.url.removesuffix("/query")
    assert line == f"web view: {base}/view/"
    assert (build_dir / "view" / "network.html").is_file()
    with urllib.request.urlopen(base + "/view/", timeout=10) as response:
        assert response.url == base + "/view/index.html"
        assert response.headers["Content-Type"] == "text/html; charset=utf-8"
        assert response.read() == (build_dir / "view" / "index.html").read_bytes()
    for missing in ("/view/nothing.html", "/view/../manifest.json", "/elsewhere"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(base + missing, timeout=10)
        assert refused.value.code == 404, missing


def endpoint_of(address: str) -> str:
    """The endpoint the query page's script picks when opened at an address (node)."""
    from diplograph.querypage import QUERY_SCRIPT

    program = f"{QUERY_SCRIPT}\nconsole.log(endpointOf({json.dumps(address)}, 'FIELD'));"
    done = subprocess.run(["node", "-e", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_served_query_page_runs_a_stored_query_on_its_own_origin(served, build_dir):
    """The page served at /view/queries.html sends its queries to the same origin's /query
    (no --cors needed), and the text it holds gives the embedded engine's rows there."""
    import xml.etree.ElementTree as ET

    base = served.url.removesuffix("/query")
    page_url = base + "/view/queries.html"
    assert endpoint_of(page_url) == served.url
    assert endpoint_of(page_url + "?run=letters-delivered") == served.url
    assert (
        endpoint_of(page_url + "?endpoint=http%3A//h.example/sparql") == "http://h.example/sparql"
    )
    assert endpoint_of((build_dir / "view" / "queries.html").as_uri()) == "FIELD"
    with urllib.request.urlopen(page_url, timeout=10) as response:
        page = ET.fromstring(response.read().decode("utf-8"))
    section = next(s for s in page.iter("section") if s.get("id") == "letters-delivered")
    text = section.find(".//textarea").text
    status, body = get(served.url, text)  # as the script sends it: GET ?query=, JSON accepted
    assert status == 200, body
    got = sorted(
        (b["sender"]["value"], b["recipient"]["value"], b.get("date", {}).get("value", ""))
        for b in json.loads(body)["results"]["bindings"]
    )
    assert got == [
        ("Vladimir Putin", "Kim Jong Un", ""),
        ("Xi Jinping", "Kim Jong Un", "2023-07-26"),
    ]


def test_the_view_query_page_texts_give_the_embedded_rows_on_the_endpoint(served, build_dir):
    """What the query page sends (its text with each value put in as the page's script puts
    it, as an RDF term) gives on the server the rows `diplograph query` gives."""
    from diplograph.queries import bind
    from diplograph.querypage import template

    store = load_build(build_dir, ROOT)
    for query in list_queries(ROOT / "queries"):
        text = template(query)
        for name, term in bind(query, query.examples).items():
            text = text.replace(f"%%{name}%%", term.n3())
        status, body = get(served.url, text)
        assert status == 200, (query.name, body)
        rows = json.loads(body)["results"]["bindings"]
        mine = run_query(store, query, query.examples)
        assert len(rows) == len(mine.rows), query.name
        got = sorted(tuple(r.get(v, {}).get("value", "") for v in mine.variables) for r in rows)
        want = sorted(tuple("" if t is None else str(t) for t in r) for r in mine.rows)
        assert got == want, query.name


def test_cors_is_off_by_default_and_on_with_the_flag(served, build_dir):
    def allowed(url: str) -> str | None:
        request = urllib.request.Request(
            f"{url}?query=ASK%7B%7D", headers={**JSON, "Origin": "null"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.headers.get("Access-Control-Allow-Origin")

    assert allowed(served.url) is None
    server = start(build_dir, "--cors")
    try:
        assert server.process.stdout.readline().decode().startswith("web view: http://")
        assert allowed(server.url) == "*"
        refused = urllib.request.Request(
            f"{server.url}?{urlencode({'query': 'ASK { SERVICE <http://x.example/> { } }'})}",
            headers={"Origin": "null"},
        )
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(refused, timeout=10)
        assert answer.value.code == 403
        assert answer.value.headers["Access-Control-Allow-Origin"] == "*"
    finally:
        server.stop()


def test_an_answer_past_the_deadline_is_refused_naming_the_time_limit():
    """When the engine does not stop a query itself (a busy machine), the gate does, with the
    same limit in its one line."""
    import io

    from diplograph.servegate import Refused, read_bounded

    with pytest.raises(Refused) as refused:
        read_bounded(io.BytesIO(b"x" * 10), None, time.monotonic() - 1, 2.0)
    assert (refused.value.status, str(refused.value)) == (
        504,
        "no answer within the time limit (2 s, --timeout)",
    )
    assert read_bounded(io.BytesIO(b"abc"), None, time.monotonic() + 60, 2.0) == b"abc"


def _page(url: str, path: str) -> tuple[int, dict, dict | bytes]:
    """GET a path of the gate; the status, the headers and the body (JSON when it is)."""
    request = urllib.request.Request(url.removesuffix("/query") + path)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def _rows(answer: dict) -> list[dict]:
    """The bindings of a SPARQL JSON answer."""
    return answer["results"]["bindings"]


def test_answers_serves_the_pages_of_diplograph_query(served, build_dir):
    from diplograph.cli import cli

    args = ["--root", str(ROOT), "query", "positions-held", "--out", str(build_dir)]
    whole = json.loads(CliRunner().invoke(cli, [*args, "--all", "--format", "json"]).stdout)
    status, headers, second = _page(served.url, "/answers/positions-held?page=2&page-size=4")
    assert status == 200, second
    assert _rows(second) == _rows(whole)[4:8]
    assert second["head"] == whole["head"]
    assert (headers["X-Diplograph-Rows"], headers["X-Diplograph-Pages"]) == ("15", "4")
    assert (headers["X-Diplograph-Page"], headers["X-Diplograph-Source"]) == ("2", "precomputed")
    assert headers["Link"] == (
        '</answers/positions-held?page=3&page-size=4>; rel="next", '
        '</answers/positions-held?page=1&page-size=4>; rel="prev"'
    )
    status, headers, every = _page(served.url, "/answers/positions-held?all=1")
    assert status == 200 and _rows(every) == _rows(whole) and "Link" not in headers
    status, _, body = _page(served.url, "/answers/positions-held?page=5&page-size=4")
    assert status == 404 and b"--page 5 is past the last" in body
    status, _, body = _page(served.url, "/answers/events-in-country")
    assert (status, body) == (400, b"events-in-country takes parameters: run it on /query\n")
    status, _, body = _page(served.url, "/answers/positions-held?page=0")
    assert status == 400


def test_answers_of_another_build_are_cut_from_the_live_answer(served, build_dir):
    from werkzeug.test import EnvironBuilder
    from werkzeug.wrappers import Request

    from diplograph.servegate import Gate, handle

    upstream = served.url.removesuffix("/query")  # the gate's /query, as good as Oxigraph's
    gate = Gate(upstream, build_dir, (), 10**7, 10.0, False, build_dir, ROOT / "queries", "0")
    request = Request(
        EnvironBuilder(path="/answers/undated-events?page=3&page-size=5").get_environ()
    )
    response = handle(gate, request)
    assert response.headers["X-Diplograph-Source"] == "live"
    _, headers, precomputed = _page(served.url, "/answers/undated-events?page=3&page-size=5")
    assert headers["X-Diplograph-Source"] == "precomputed"
    assert json.loads(response.get_data()) == precomputed
    assert response.headers["X-Diplograph-Rows"] == headers["X-Diplograph-Rows"] == "27"


class _ClosedUnderSelect:
    """A server whose loop fails as waitress's does when `close` shuts its sockets mid-select."""

    def run(self) -> None:
        """Fail as select() does on a closed descriptor."""
        raise OSError(9, "Bad file descriptor")

    def close(self) -> None:
        """Nothing to close."""


def test_the_gate_thread_takes_a_socket_closed_under_its_loop_as_stopping():
    # guard: stop 33's CI failed on "Exception in thread gate: OSError: [Errno 9]"
    from diplograph.serve import GateThread

    caught: list[BaseException] = []
    earlier, threading.excepthook = threading.excepthook, lambda args: caught.append(args.exc_value)
    try:
        closing = GateThread(_ClosedUnderSelect())
        closing.closing.set()
        closing.start()
        closing.close()
        unexpected = GateThread(_ClosedUnderSelect())
        unexpected.start()
        unexpected.join(timeout=10)
    finally:
        threading.excepthook = earlier
    assert [type(error) for error in caught] == [OSError]  # only the failure nobody asked for
    assert not closing.is_alive() and not unexpected.is_alive()


def test_the_gate_thread_stops_its_waitress_server_and_ends():
    from waitress.server import create_server

    from diplograph.serve import GateThread

    def app(environ: dict, start_response) -> list[bytes]:
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    caught: list[BaseException] = []
    earlier, threading.excepthook = threading.excepthook, lambda args: caught.append(args.exc_value)
    try:
        for _ in range(40):
            gate = GateThread(create_server(app, host="127.0.0.1", port=0, threads=1))
            gate.start()
            gate.close()
            assert not gate.is_alive()
    finally:
        threading.excepthook = earlier
    assert caught == []
