"""`diplograph push` and every stored query on a real Virtuoso 7.2.5 (Debian's
virtuoso-opensource-7-bin, started by virtuoso_fixtures.py): the store holds exactly the graphs
the push sent beside Virtuoso's own, pushing twice (by the Graph Store Protocol or by SPARQL
Update) gives the same store, `--prune` drops a removed article's graph, and each stored query
answers as the embedded engine does, multisets and datatypes compared, but for the three
answers of Virtuoso's own faults listed in VIRTUOSO_FAULTS (docs/decisions/20261203-virtuoso.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDFS, Literal

from diplograph.errors import RemoteError
from diplograph.push import short
from diplograph.queries import list_queries, run_query
from diplograph.remote import parse_table, run_remote
from diplograph.store import analysis_names
from diplograph.wikidata.endpoint import SparqlClient

pytest_plugins = ["wikidata_fixtures", "store_fixtures", "virtuoso_fixtures"]

from store_fixtures import answers, counts, expected_counts, put  # noqa: E402

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[1]
QUERIES = list_queries(ROOT / "queries")
GRAPH = "https://w3id.org/diplograph/id/graph/"
OTHER = "http://example.org/not-diplograph"
STALE = '<https://w3id.org/diplograph/id/x> <https://w3id.org/diplograph/id/y> "stale" .\n'
# The graphs a new Virtuoso database holds before anything is loaded (its own metadata).
VIRTUOSO_GRAPHS = [
    "http://localuriqaserver/sparql",
    "http://www.openlinksw.com/schemas/virtrdf#",
    "http://www.w3.org/ns/ldp#",
]
# Stored queries that Virtuoso 7.2.5 answers wrongly, and how (each asserted exactly below).
VIRTUOSO_FAULTS = {
    "invitations": "the right rows, one of them more than once under SELECT DISTINCT",
    "response-to-event": "HTTP 400: SP031 internal error of its SPARQL compiler",
    "timeline-between-countries": "none of the 17 right rows (no rows, or a wrong one)",
}


def run_cli(*args: str):
    """Run the diplograph CLI in-process on the repository."""
    from diplograph.cli import cli

    return CliRunner().invoke(cli, ["--root", str(ROOT), *args])


@pytest.fixture(scope="module")
def pushes(virtuoso, seeds_out):
    """Virtuoso's own graphs before any push, then `push` of the seeds' build folder twice (a
    stale graph of the project's and one of another's put there first): each run's result and
    the store's triples per graph after it."""
    own = counts(virtuoso.query_url)
    put(virtuoso.store_url, GRAPH + "entities", STALE)
    put(virtuoso.store_url, OTHER, STALE)
    runs = []
    for _ in range(2):
        result = run_cli("push", "--endpoint", virtuoso.store_url, "--out", str(seeds_out))
        runs.append((result, counts(virtuoso.query_url)))
    return own, runs


def test_push_fills_virtuoso_with_exactly_the_built_graphs_and_twice_gives_the_same_store(
    built, virtuoso, pushes
):
    own, [(first, after_first), (second, after_second)] = pushes
    assert sorted(own) == VIRTUOSO_GRAPHS
    want = {**own, **expected_counts(built), OTHER: 1}
    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    assert after_first == want
    assert after_second == want
    assert first.stdout == second.stdout
    names = sorted(analysis_names(built.store))
    total = sum(expected_counts(built).values())
    assert first.stdout.splitlines() == [
        *(f"replaced {short(n)} ({len(built.store.graph(n))} triples)" for n in names),
        f"pushed 6 graph(s), {total} triples, to {virtuoso.store_url}",
    ]
    assert len(names) == 6 and total > 3000


def test_virtuoso_answers_from_the_bag_of_its_graphs_not_a_set(built, virtuoso, pushes):
    """A triple stated in two articles' graphs matches twice in Virtuoso's default graph."""
    delegation = "https://w3id.org/diplograph/id/delegation/russia-2023-07-sergei-shoigu"
    label = Literal("Russian delegation led by Sergei Shoigu (July 2023)", lang="en")
    holding = [
        n for n in analysis_names(built.store) if (None, None, label) in built.store.graph(n)
    ]
    assert [str(n).removeprefix(GRAPH) for n in sorted(holding)] == [
        "article/000_ec5e95d0bf243a61",
        "article/002_bb8ed0e65c7195c3",
    ]
    client = SparqlClient(virtuoso.query_url, interval=0.0)
    for select, rows in (("SELECT", 2), ("SELECT DISTINCT", 1)):
        text = f"{select} ?l WHERE {{ <{delegation}> <{RDFS.label}> ?l }}"
        result = parse_table(client.fetch(text), virtuoso.query_url)
        assert result.rows == ((label,),) * rows


@pytest.mark.parametrize(
    "query", [q for q in QUERIES if q.name not in VIRTUOSO_FAULTS], ids=lambda q: q.name
)
def test_every_stored_query_answers_the_same_on_virtuoso(built, virtuoso, pushes, query):
    embedded = answers(run_query(built.store, query, query.examples))
    remote = answers(run_remote(virtuoso.query_url, query, query.examples, timeout=60, retries=0))
    assert remote == embedded
    assert sum(embedded[1].values()) == len(run_query(built.store, query, query.examples).rows)


def test_the_virtuoso_faults_are_exactly_these(built, virtuoso, pushes):
    """What Virtuoso 7.2.5 answers instead, for each stored query it gets wrong. Its optimiser
    has a time budget, so the plan, and a wrong answer with it, can change with the machine's
    load: what is asserted is what held in every run (on a quiet machine `invitations` gave the
    Shoigu row twice and `timeline-between-countries` no rows; under load, once, one of its 17)."""
    assert len(QUERIES) - len(VIRTUOSO_FAULTS) == 21
    by_name = {q.name: q for q in QUERIES}
    assert set(VIRTUOSO_FAULTS) <= set(by_name)

    def both(name: str):
        """The query, the embedded engine's answer and Virtuoso's (None if refused)."""
        query = by_name[name]
        embedded = answers(run_query(built.store, query, query.examples))
        try:
            remote = answers(run_remote(virtuoso.query_url, query, query.examples, retries=0))
        except RemoteError as exc:
            return embedded, str(exc)
        return embedded, remote

    embedded, remote = both("invitations")
    assert remote[0] == embedded[0] and set(remote[1]) == set(embedded[1])
    assert remote[1] != embedded[1]
    assert sum(embedded[1].values()) == len(embedded[1]) == 3

    embedded, remote = both("response-to-event")
    assert remote == f"{virtuoso.query_url}: rejected the query as malformed (HTTP 400)"
    assert sum(embedded[1].values()) == 3

    embedded, remote = both("timeline-between-countries")  # rows missed, none made up: none
    # when quiet, one under load, and once (4 December, load 6) none: never a row made up
    assert remote[0] == embedded[0] and remote[1] <= embedded[1]
    assert sum(embedded[1].values()) == 17


def test_push_by_sparql_update_replaces_every_graph_on_virtuoso_too(
    built, virtuoso, pushes, seeds_out
):
    own = pushes[0]
    put(virtuoso.store_url, GRAPH + "entities", STALE)
    for _ in range(2):
        result = run_cli(
            "push", "--update", "--endpoint", virtuoso.query_url, "--out", str(seeds_out)
        )
        assert result.exit_code == 0, result.output
        assert counts(virtuoso.query_url) == {**own, **expected_counts(built), OTHER: 1}


def test_push_prune_drops_a_removed_articles_graph_from_virtuoso(
    built, virtuoso, pushes, seeds_out
):
    own = pushes[0]
    removed = GRAPH + "article/removed-since"
    put(virtuoso.store_url, removed, STALE)
    assert counts(virtuoso.query_url)[removed] == 1
    result = run_cli("push", "--endpoint", virtuoso.store_url, "--prune", "--out", str(seeds_out))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-2:] == [
        "dropped id:graph/article/removed-since",
        "dropped 1 graph(s) the build no longer has",
    ]
    assert counts(virtuoso.query_url) == {**own, **expected_counts(built), OTHER: 1}
