"""A query that runs longer than its limit is stopped with one clear line (querylimit.py): a
runaway query (the graph's cube) exits 5 near its limit; a SERVICE endpoint that accepts the
connection and never answers exits 3, as other remote failures. The queries run on the seeds'
graph built once per session; the endpoint is a real socket on 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import diplograph.built
from diplograph.cli import cli
from diplograph.errors import InputError, RemoteError
from diplograph.queries import get_query, parse_query, run_query
from diplograph.querylimit import query_limit

ROOT = Path(__file__).resolve().parents[1]
HEADER = "# title: {0}\n# question: {0}?\n# params: none\n# inference: not needed\n"
CUBE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }\n"
SERVICE = "SELECT ?s WHERE { ?s a ?kind . SERVICE <http://127.0.0.1:%d/sparql> { ?s ?p ?o } }\n"
SLACK = 3.0  # seconds a stopped query may take beyond its limit on a busy 2-core machine


@pytest.fixture()
def silent_endpoint():
    """A server on 127.0.0.1 that accepts every connection and never answers: its port."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])  # read nothing, answer nothing
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for connection in (*held, server):
        connection.close()


@pytest.fixture()
def project(tmp_path, built, monkeypatch):
    """A project whose queries/ holds the stored queries and `runaway` (the graph's cube);
    `query` reads the seeds' graph built once per session."""
    queries = tmp_path / "queries"
    shutil.copytree(ROOT / "queries", queries)
    (queries / "runaway.rq").write_text(HEADER.format("Runaway") + CUBE, encoding="utf-8")
    monkeypatch.setattr(diplograph.built, "current_store", lambda root, out: (built.store, False))
    monkeypatch.delenv("DIPLOGRAPH_QUERY_TIMEOUT", raising=False)
    return tmp_path


def _query(project: Path, *args: str) -> tuple[object, float]:
    """Run `diplograph query ARGS` on the project: the result and the seconds it took."""
    start = time.monotonic()
    result = CliRunner().invoke(cli, ["--root", str(project), "query", *args])
    return result, time.monotonic() - start


def test_a_runaway_query_is_stopped_near_its_limit_with_exit_5(project):
    result, took = _query(project, "runaway", "--timeout", "2")
    assert result.exit_code == 5, result.output
    assert result.stderr == (
        "error: query runaway stopped after 2 s (its limit); set another with --timeout "
        "SECONDS or DIPLOGRAPH_QUERY_TIMEOUT (0: none)\n"
    )
    assert result.stdout == ""
    assert 2 <= took < 2 + SLACK


def test_the_limit_comes_from_the_environment(project, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_QUERY_TIMEOUT", "1.5")
    result, took = _query(project, "runaway")
    assert result.exit_code == 5, result.output
    assert result.stderr.startswith("error: query runaway stopped after 1.5 s (its limit); ")
    assert 1.5 <= took < 1.5 + SLACK


def test_a_service_endpoint_that_never_answers_exits_3_at_the_limit(project, silent_endpoint):
    text = HEADER.format("Silent") + SERVICE % silent_endpoint
    (project / "queries" / "silent.rq").write_text(text, encoding="utf-8")
    result, took = _query(project, "silent", "--timeout", "2")
    assert result.exit_code == 3, result.output
    assert result.stderr == (
        f"error: query silent stopped after 2 s (its limit): the SERVICE endpoint "
        f"<http://127.0.0.1:{silent_endpoint}/sparql> did not answer within it\n"
    )
    assert 2 <= took < 2 + SLACK


def test_a_query_within_its_limit_answers_as_without_one(project, built):
    plain = _query(project, "events-on-date", "--param", "date=2023-07-26", "--timeout", "0")[0]
    limited = _query(project, "events-on-date", "--param", "date=2023-07-26")[0]
    assert limited.exit_code == plain.exit_code == 0, limited.output
    assert limited.stdout == plain.stdout
    assert limited.stdout.endswith("\n(5 rows)\n")
    query = get_query(ROOT / "queries", "letters-delivered")
    assert run_query(built.store, query, {}, seconds=30) == run_query(built.store, query, {})


def test_an_error_inside_the_worker_is_reported_as_in_process(built, tmp_path):
    text = (ROOT / "queries" / "federated" / "capitals-of-event-places.rq").read_text("utf-8")
    path = tmp_path / "capitals.rq"
    with socket.socket() as free:  # a port nothing listens on
        free.bind(("127.0.0.1", 0))
        endpoint = f"http://127.0.0.1:{free.getsockname()[1]}/"
    path.write_text(text.replace("https://query.wikidata.org/sparql", endpoint))
    with pytest.raises(RemoteError) as caught:
        run_query(built.store, parse_query(path), {}, seconds=30)
    refused = {  # each engine's own words
        "rdflib": "<urlopen error [Errno 111] Connection refused>",
        "oxigraph": "Connection refused (os error 111)",
    }[built.store.engine]
    assert str(caught.value) == f"{path}: the SERVICE endpoint <{endpoint}> failed: {refused}"
    bad = tmp_path / "bad.rq"
    bad.write_text(HEADER.format("Bad") + "SELECT ?x WHERE { ?x ?y }\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        run_query(built.store, parse_query(bad), {}, seconds=30)
    assert str(caught.value).startswith(f"{bad}: the query failed: ")  # the engine's words


def test_a_bad_limit_in_the_environment_is_an_input_error(monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_QUERY_TIMEOUT", "soon")
    with pytest.raises(InputError) as caught:
        query_limit()
    assert str(caught.value) == "DIPLOGRAPH_QUERY_TIMEOUT='soon': not a number of seconds"
    monkeypatch.delenv("DIPLOGRAPH_QUERY_TIMEOUT")
    assert query_limit() == 30.0
