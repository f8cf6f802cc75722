"""Shared fixtures of the remote-store tests (used through `pytest_plugins`): real `oxigraph serve`
processes on 127.0.0.1 that answer from the union of their named graphs, as the README's
"Scaling out" section starts them.

`exported`: the default export (`diplograph export --format trig`) of the session's build;
`loaded_server`: a server whose store was loaded from that file (`oxigraph load`);
`exported_nquads` and `nquads_server`: the same with `--format nquads` (the bulk path);
`pushed_server`: a server filled by `diplograph push`; `empty_server`: a fresh, empty one per
test (with `stop()` and `restart()`, for the failure tests). `answers` turns a QueryResult into
what two engines must agree on: the variables and the multiset of rows, datatypes included.
"""

from __future__ import annotations

import subprocess
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import XSD, Literal, URIRef
from wikidata_fixtures import _start_oxigraph, _stop

from diplograph.push import graph_url
from diplograph.remote import parse_table
from diplograph.store import QueryResult, analysis_names
from diplograph.wikidata.endpoint import SparqlClient

ROOT = Path(__file__).resolve().parents[1]
UNION = ("--union-default-graph",)


COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def counts(url: str) -> dict[str, int]:
    """The number of triples in each named graph of a store."""
    result = parse_table(SparqlClient(url, interval=0.0).fetch(COUNTS), url)
    return {str(g): int(n) for g, n in result.rows}


def expected_counts(built) -> dict[str, int]:
    """The number of triples in each graph `diplograph query` answers from."""
    return {str(n): len(built.store.graph(n)) for n in analysis_names(built.store)}


def put(store_url: str, graph: str, ntriples: str) -> None:
    """Put a graph on the store directly, as another tool would."""
    request = urllib.request.Request(
        graph_url(store_url, graph),
        data=ntriples.encode(),
        method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )
    urllib.request.urlopen(request, timeout=10).close()


@dataclass
class Server:
    """A running `oxigraph serve` on a store folder, with its query and Graph Store URLs."""

    location: Path
    log: Path
    process: subprocess.Popen | None = None
    query_url: str = ""

    @property
    def store_url(self) -> str:
        """The Graph Store Protocol URL."""
        return self.query_url.removesuffix("/query") + "/store"

    def start(self) -> Server:
        """Start the server (on a new free port)."""
        self.process, self.query_url = _start_oxigraph(self.location, self.log, UNION)
        return self

    def stop(self) -> None:
        """Stop the server; its store folder stays."""
        if self.process is not None:
            _stop(self.process)
            self.process = None

    def restart(self) -> Server:
        """Start it again on the same store folder."""
        self.stop()
        return self.start()


def new_server(folder: Path, files: list[Path] = ()) -> Server:
    """A server on a new store folder, loaded with the files first."""
    location, log = folder / "store", folder / "server.log"
    if files:
        subprocess.run(
            ["oxigraph", "load", "--location", str(location), "--file", *map(str, files)],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return Server(location, log).start()


def _term(term: object) -> tuple | None:
    """A term as both engines must give it: kind, lexical form, datatype, language (a literal
    without either is an xsd:string, as in RDF 1.1)."""
    if term is None:
        return None
    if isinstance(term, Literal):
        datatype = None if term.language else str(term.datatype or XSD.string)
        return ("literal", str(term), datatype, term.language)
    assert isinstance(term, URIRef), f"unexpected term {term!r}"
    return ("iri", str(term))


def answers(result: QueryResult) -> tuple[tuple[str, ...], Counter, bool | None]:
    """The variables, the multiset of rows (terms with their datatypes) and an ASK's answer."""
    rows = Counter(tuple(_term(t) for t in row) for row in result.rows)
    return result.variables, rows, result.boolean


def export_file(built, folder: Path, fmt: str, suffix: str) -> Path:
    """The file `diplograph export --format FMT -o FILE` writes, from the session's build."""
    from diplograph import built as built_module
    from diplograph.cli import cli

    target = folder / f"diplograph{suffix}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(built_module, "current_store", lambda root, out: (built.store, False))
        result = CliRunner().invoke(
            cli, ["--root", str(ROOT), "export", "--format", fmt, "-o", str(target)]
        )
    assert result.exit_code == 0, result.output
    return target


@pytest.fixture(scope="session")
def exported(built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The file `diplograph export --format trig -o FILE` writes, from the session's build."""
    return export_file(built, tmp_path_factory.mktemp("export"), "trig", ".trig")


@pytest.fixture(scope="session")
def exported_nquads(built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The file `diplograph export --format nquads -o FILE` writes (the bulk loaders' input)."""
    return export_file(built, tmp_path_factory.mktemp("export-nq"), "nquads", ".nq")


@pytest.fixture(scope="session")
def loaded_server(exported: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server whose store was loaded from the default export."""
    server = new_server(tmp_path_factory.mktemp("loaded"), [exported])
    yield server
    server.stop()


@pytest.fixture(scope="session")
def nquads_server(
    exported_nquads: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """A server whose store `oxigraph load` bulk-loaded from the N-Quads export."""
    server = new_server(tmp_path_factory.mktemp("loaded-nq"), [exported_nquads])
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pushed_server(built, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server filled by `push` from the session's build."""
    from diplograph.push import push

    server = new_server(tmp_path_factory.mktemp("pushed"))
    push(built.store, server.store_url, timeout=30, retries=0)
    yield server
    server.stop()


@pytest.fixture
def empty_server(tmp_path: Path) -> Iterator[Server]:
    """A fresh, empty server for one test."""
    server = new_server(tmp_path)
    yield server
    server.stop()
