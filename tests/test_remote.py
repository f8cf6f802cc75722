"""Same answers on any SPARQL 1.1 store: every stored query, run on a real `oxigraph serve`
(loaded from the default export, in TriG or N-Quads, by `oxigraph load`, or filled by `push`) and
on the embedded engine, gives the same multiset of rows, datatypes included; `query NAME
--endpoint URL` runs it there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

from diplograph.queries import load_queries, run_query, with_values
from diplograph.remote import remote_text, run_remote
from diplograph.store import analysis_names

pytest_plugins = ["wikidata_fixtures", "store_fixtures"]

from store_fixtures import answers, counts, expected_counts  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
QUERIES = load_queries(ROOT / "queries")


def test_the_default_export_is_exactly_the_graph_query_answers_from(built, exported):
    dataset = Dataset()
    dataset.parse(exported, format="trig")
    names = sorted(c.identifier for c in dataset.graphs() if len(c))
    assert names == sorted(analysis_names(built.store))
    assert [str(n).removeprefix("https://w3id.org/diplograph/id/graph/") for n in names] == [
        "article/000_ec5e95d0bf243a61",
        "article/002_bb8ed0e65c7195c3",
        "article/004_1b385efb04788e90",
        "entities",
        "inferred",
        "ontology",
    ]
    for name in names:
        assert isomorphic(dataset.graph(name), built.store.graph(name)), name


def test_the_nquads_export_holds_the_same_named_graphs(built, exported_nquads):
    dataset = Dataset()
    dataset.parse(exported_nquads, format="nquads")
    names = sorted(c.identifier for c in dataset.graphs() if len(c))
    assert names == sorted(analysis_names(built.store))
    for name in names:
        assert isomorphic(dataset.graph(name), built.store.graph(name)), name
    lines = exported_nquads.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines))


@pytest.mark.server
def test_oxigraph_load_takes_the_nquads_export_as_it_is(built, nquads_server):
    assert counts(nquads_server.query_url) == expected_counts(built)


@pytest.mark.server
@pytest.mark.parametrize("server", ["loaded_server", "nquads_server", "pushed_server"])
@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_every_stored_query_answers_the_same_on_oxigraph(built, request, server, query):
    url = request.getfixturevalue(server).query_url
    embedded = answers(run_query(built.store, query, query.examples))
    remote = answers(run_remote(url, query, query.examples, timeout=60, retries=0))
    assert remote == embedded
    assert sum(embedded[1].values()) == len(run_query(built.store, query, query.examples).rows)


def test_parameters_are_bound_by_a_values_block_first_in_the_where_group():
    query = next(q for q in QUERIES if q.name == "delegations-visiting-city")
    text = remote_text(query, {"to": "2023-07-28"})
    where = text.index("WHERE {")
    assert text[where : where + 200].startswith(
        "WHERE { VALUES (?city ?from ?to) { (<https://w3id.org/diplograph/id/city/pyongyang> "
        '"2023-07-01"^^<http://www.w3.org/2001/XMLSchema#date> '
        '"2023-07-28"^^<http://www.w3.org/2001/XMLSchema#date>) }'
    )
    assert text.count("VALUES") == 1
    assert text.startswith("PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>\n")


def test_a_comment_holding_where_does_not_take_the_values_block():
    text = "# which WHERE { is this }\nSELECT * WHERE { ?s ?p ?o }"
    from rdflib import Literal

    assert with_values(text, {"o": Literal("x")}).splitlines() == [
        "# which WHERE { is this }",
        'SELECT * WHERE { VALUES (?o) { ("x") }  ?s ?p ?o }',
    ]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_every_stored_query_answers_a_set_not_a_bag(query):
    """A store's union of named graphs is a bag: a triple in two graphs matches twice. Each
    query is SELECT DISTINCT, or groups and aggregates only DISTINCT values."""
    text = re.sub(r"(?m)^\s*#.*$", "", query.text)
    aggregates = re.findall(r"\b(COUNT|SUM|AVG|GROUP_CONCAT)\s*\(\s*(DISTINCT)?", text, re.I)
    if "SELECT DISTINCT" not in text:
        assert "GROUP BY" in text and aggregates, query.name
        assert all(distinct for _, distinct in aggregates), query.name


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_values_blocks_come_first_in_their_group(query):
    text = re.sub(r"(?m)^\s*#.*$", "", query.text)
    for match in re.finditer(r"\bVALUES\b", text):
        assert text[: match.start()].rstrip().endswith("{"), query.name
