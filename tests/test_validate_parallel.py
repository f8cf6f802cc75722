"""Validation on all cores gives the rows of one process (issue 10): the batches of
validate_articles.validate_store and the rule graphs of build.check_rule_graphs run in forked
workers (parallel.map_calls); the units' data read once serves every run of a build; pySHACL
looks its constraint parameters up in a set. Every invalid shape fixture, spread over seven
articles' graphs, gives the union's rows on two jobs; a small project with a rule layer that
breaks a shape and one that conflicts with another is quarantined the same on one job and two.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

import pytest
from rdflib import Graph
from test_quarantine import GOOD, MEETING, MEETING_PROBLEM, TWICE_PROBLEM, _project

from diplograph.api import build as api_build  # noqa: F401 (the package's build module loads)
from diplograph.iris import ENTITIES_GRAPH, article_graph_iri, rules_graph_iri
from diplograph.parallel import map_calls
from diplograph.store import layer_graphs, new_store
from diplograph.validate import validate
from diplograph.validate_articles import GraphCopies, batch_size, validate_store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "shapes"
INVALID = sorted((DATA / "invalid").glob("*.ttl"))


def _square_and_pid(index: int) -> tuple[int, int]:
    """The index squared and the process that computed it."""
    return index * index, os.getpid()


def _fails_at_three(index: int) -> int:
    """The index, or an error at 3."""
    if index == 3:
        raise ValueError("three")
    return index


def test_map_calls_answers_in_order_from_the_workers() -> None:
    found = map_calls(_square_and_pid, 7, 2)
    assert [square for square, _ in found] == [0, 1, 4, 9, 16, 25, 36]
    assert os.getpid() not in {pid for _, pid in found}
    assert len({pid for _, pid in found}) == 2
    alone = map_calls(_square_and_pid, 3, 1)
    assert alone == [(0, os.getpid()), (1, os.getpid()), (4, os.getpid())]


def test_map_calls_raises_a_workers_error() -> None:
    with pytest.raises(ValueError, match="three"):
        map_calls(_fails_at_three, 6, 2)


def test_batch_size_leaves_each_job_two_runs() -> None:
    assert batch_size(100_000, 1) == 20_000
    assert batch_size(60_000, 2) == 15_000
    assert batch_size(1_000, 2) == 2_000
    assert batch_size(60_000, 2, 50) == 50


def _all_invalid() -> object:
    """Every invalid fixture in one store: base.ttl the entities, the triples over seven
    articles' graphs and their rule layers (by a hash of the triple)."""
    store = new_store()
    store.add_graph(ENTITIES_GRAPH, Graph().parse(DATA / "base.ttl"))
    names = [article_graph_iri(f"x{n}") for n in range(7)]
    names += [rules_graph_iri(f"x{n}") for n in range(7)]
    for path in INVALID:
        for triple in Graph().parse(path, format="turtle"):
            line = " ".join(term.n3() for term in triple)
            store.add_graph(names[zlib.crc32(line.encode("utf-8")) % len(names)], [triple])
    return store


def test_every_invalid_fixture_gives_the_union_rows_on_two_jobs(ontology, shapes) -> None:
    store = _all_invalid()
    names = layer_graphs(store, "asserted")
    at_once = validate(store.union(names), ontology, shapes)
    two = validate_store(store, names, ontology, shapes, size=300, jobs=2)
    one = validate_store(store, names, ontology, shapes, size=300)
    assert two == one == at_once
    assert len(two.rows) == 144 and not two.conforms  # fixtures share some nodes


def test_the_graphs_read_once_serve_a_later_run(ontology, shapes) -> None:
    """A build validates again after setting rule graphs aside: the graphs and units read by
    the first run (`copies`) give the rows of a fresh run over the smaller store."""
    store = _all_invalid()
    copies = GraphCopies(store)
    first = validate_store(store, layer_graphs(store, "asserted"), ontology, shapes, copies=copies)
    assert (len(copies.graphs), len(copies.units)) == (15, 7)  # the entities, 7 articles, 7 rules
    for number in (1, 4):
        store.remove_graph(rules_graph_iri(f"x{number}"))
    names = layer_graphs(store, "asserted")
    again = validate_store(store, names, ontology, shapes, jobs=2, copies=copies)
    fresh = validate_store(store, names, ontology, shapes)
    assert again == fresh == validate(store.union(names), ontology, shapes)
    assert (len(first.rows), len(fresh.rows)) == (144, 194)  # the rule layers held some types
    assert (len(copies.graphs), len(copies.units)) == (15, 7)  # no graph read again


def test_pyshacl_looks_constraint_parameters_up_in_a_set(ontology, shapes) -> None:
    from pyshacl import shape
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS

    validate(Graph(), ontology, shapes)
    parameters = shape.CONSTRAINT_PARAMS[0]
    assert list(parameters) == list(ALL_CONSTRAINT_PARAMETERS)
    assert parameters.members == frozenset(ALL_CONSTRAINT_PARAMETERS)
    assert ALL_CONSTRAINT_PARAMETERS[5] in parameters
    assert shapes.value(None, None) not in parameters


def _build(project: Path, jobs: int) -> tuple:
    """The rows and the quarantine of a build of the project on `jobs` processes."""
    from diplograph.build import build

    result = build(project, jobs=jobs)
    aside = [(item.source, item.problems) for item in result.quarantined]
    return result.report, aside


def test_rule_graphs_on_two_jobs_are_quarantined_as_on_one(tmp_path) -> None:
    """A rule graph that breaks a shape alone (found by the rule-graph workers) and one that
    conflicts with another article's (found by the batches, then validated again)."""
    seeds = {"900_good.txt": GOOD, "901_meeting.txt": MEETING, "904_again.txt": GOOD}
    project = _project(tmp_path, {name: text.encode() for name, text in seeds.items()})
    one, two = _build(project, 1), _build(project, 2)
    assert one == two
    report, aside = two
    assert report.conforms and report.rows == ()
    assert aside == [
        ("seeds/901_meeting.txt", (MEETING_PROBLEM,)),
        ("seeds/904_again.txt", (TWICE_PROBLEM,)),
    ]
