"""`diplograph serve` as a real subprocess on a free 127.0.0.1 port, on a build of the seeds:
it says where it serves and stops cleanly on SIGINT and SIGTERM, refuses a missing or stale
build (exit 2), answers every stored query as the embedded engine does, refuses an Update,
survives a SERVICE call and a runaway query, and serves Oxigraph's query page and ours."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner
from store_fixtures import answers
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
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build of the seeds, made by `diplograph build` once for this module."""
    out = tmp_path_factory.mktemp("serve") / "out"
    done = subprocess.run(
        diplograph("build", "--out", str(out)), env=ENV, capture_output=True, timeout=600
    )
    assert done.returncode == 0, done.stderr.decode()
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


def test_an_update_is_refused_and_the_data_stays(served):
    update = f"INSERT DATA {{ {TRIPLE} }}"
    for path, kind in (("/update", "update"), ("/query", "query")):
        request = urllib.request.Request(
            served.url.removesuffix("/query") + path,
            data=update.encode(),
            method="POST",
            headers={"Content-Type": f"application/sparql-{kind}"},
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code in (400, 403)
    put = urllib.request.Request(
        served.url.removesuffix("/query") + "/store?default",
        data=f"{TRIPLE} .\n".encode(),
        method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(put, timeout=10)
    assert refused.value.code == 403
    assert not ask(served.url, TRIPLE)
    assert ask(served.url, "?s ?p ?o")


def test_a_service_call_to_another_host_fails_and_the_server_stays_up(served):
    status, body = get(
        served.url,
        "SELECT * WHERE { SERVICE <http://diplograph-test.invalid/sparql> { ?s ?p ?o } }",
    )
    assert status != 200 or b'"bindings":[]}' not in body  # never a normal answer
    assert served.process.poll() is None
    assert get(served.url, "ASK {}") == (200, b'{"head":{},"boolean":true}')


def test_a_runaway_query_stops_at_the_time_limit_and_the_server_stays_up(served):
    began = time.monotonic()
    status, body = get(served.url, RUNAWAY)
    took = time.monotonic() - began
    assert took < 15, took
    assert b"cancelled" in body  # Oxigraph streams 200, then ends the body with the reason
    with pytest.raises(ValueError):
        json.loads(body)
    assert served.process.poll() is None
    assert get(served.url, "ASK {}") == (200, b'{"head":{},"boolean":true}')


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


def test_serve_writes_the_web_view_and_says_where_it_is(served, build_dir):
    line = served.process.stdout.readline().decode().rstrip("\n")
    page = (build_dir / "view" / "queries.html").as_uri()
    endpoint = served.url.replace(":", "%3A")
    assert line == (
        f"web view: {page}?endpoint={endpoint} (without --cors, answers open as the endpoint's XML)"
    )
    assert (build_dir / "view" / "network.html").is_file()


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
        assert server.process.stdout.readline().decode().startswith("web view: file://")
        assert allowed(server.url) == "*"
    finally:
        server.stop()
