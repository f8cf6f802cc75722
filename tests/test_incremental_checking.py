"""The QA checks of an incremental build (incremental/checking.py): asked only about the nodes a
change can give a row about (each check's `# node:`, `# reach:` and `# unless:` header), they give
the rows the whole union gives, on a union that gave none before the change, for every check and
for rows that a removed triple gives two steps away from the reported node."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from diplograph.built import load_ontology
from diplograph.incremental.checking import check_rows_about, restriction
from diplograph.iris import ONTOLOGY_GRAPH
from diplograph.store import OxigraphStore
from diplograph.validate import check_store

DATA = URIRef("https://w3id.org/diplograph/graph/test-data")
PREFIXES = """
@prefix dip: <https://w3id.org/diplograph/ontology#> .
@prefix id: <https://w3id.org/diplograph/id/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
BEFORE = """
id:e1 a dip:Meeting , dip:Event ;
  dip:date "2023-01-05"^^xsd:date ; dip:earliestDate "2023-01-01"^^xsd:date .
id:a1 dip:attests id:e1 ; dip:sentence id:s1 .
id:s1 dip:inArticle id:art1 .
id:e2 a dip:Visit , dip:Event .
id:a2 dip:attests id:e2 ; dip:sentence id:s2 .
id:s2 dip:inArticle id:art1 .
dip:Lower rdfs:subClassOf dip:Middle .
"""
NOISE = """
id:e3 a dip:Event .
id:z dip:madeUpToo id:e1 .
"""  # rows the union gives before the change: kept where the change does not reach them
IDS, TERMS = "https://w3id.org/diplograph/id/", "https://w3id.org/diplograph/ontology#"
SOURCE, UNDECLARED = "qa:event-without-source-violation", "qa:undeclared-term-violation"
# (triples removed, triples added) -> the rows' (focus, check) the whole union gives
CHANGES = [
    ("id:s1 dip:inArticle id:art1 .", "", [(f"{IDS}e1", SOURCE)]),
    ("id:a1 dip:sentence id:s1 .", "", [(f"{IDS}e1", SOURCE)]),
    ("id:a1 dip:attests id:e1 .", "", [(f"{IDS}e1", SOURCE)]),
    ("id:a2 dip:attests id:e2 . id:s1 dip:inArticle id:art1 .", "id:a2 dip:attests id:e1 .",
     [(f"{IDS}e2", SOURCE)]),
    ("", 'id:e1 dip:latestDate "2023-01-02"^^xsd:date .',
     [(f"{IDS}e1", "qa:date-out-of-interval-violation")]),
    ("", "id:x dip:madeUp id:e1 . id:y a dip:MadeUpClass .",
     [(f"{TERMS}MadeUpClass", UNDECLARED), (f"{TERMS}madeUp", UNDECLARED)]),
    ("", "dip:Middle rdfs:subClassOf dip:Event .",
     [(f"{TERMS}Lower", "qa:event-class-without-code-violation"),
      (f"{TERMS}Middle", "qa:event-class-without-code-violation")]),
    ("", "dip:Old owl:deprecated true .",
     [(f"{TERMS}Old", "qa:deprecated-without-replacement-violation")]),
    ("", "dip:Unlabelled a owl:Class .",
     [(f"{TERMS}Unlabelled", "qa:term-without-label-violation")]),
    ("id:e1 dip:earliestDate \"2023-01-01\"^^xsd:date .", "id:e2 dip:place id:art1 .", []),
    ("", "id:a3 dip:attests id:e3 ; dip:sentence id:s1 .", []),
]  # fmt: skip


def _triples(text: str) -> set:
    """Turtle statements as a set of triples."""
    return set(Graph().parse(data=PREFIXES + text, format="turtle"))


@pytest.mark.parametrize("noise", ["", NOISE])
@pytest.mark.parametrize(("removed", "added", "expected"), CHANGES)
def test_checks_asked_about_the_changed_nodes_give_the_rows_of_the_whole_union(
    root: Path, removed: str, added: str, expected: list, noise: str
) -> None:
    """Without noise the union gives no row before the change; with it, two rows, which the
    changes reach or not (the last one takes e3's row away)."""
    store = OxigraphStore()
    store.add_graph(ONTOLOGY_GRAPH, load_ontology(root))
    before = _triples(BEFORE + noise)
    store.add_graph(DATA, before)
    graphs, checks = [DATA, ONTOLOGY_GRAPH], root / "ontology" / "checks"
    earlier = check_store(store, graphs, checks)
    assert len(earlier) == (2 if noise else 0)
    gone, came = _triples(removed), _triples(added)
    store.remove_graph(DATA)
    store.add_graph(DATA, (before - gone) | came)
    whole = check_store(store, graphs, checks)
    changed = {term for triple in gone | came for term in triple if isinstance(term, URIRef)}
    assert tuple(check_rows_about(store, graphs, checks, changed, earlier)) == whole
    if not noise:
        assert [(row.focus, row.component) for row in whole] == expected


def test_every_check_says_which_node_its_rows_are_about(root: Path) -> None:
    """So an incremental build never runs a check over the whole union."""
    checks = sorted((root / "ontology" / "checks").glob("*-violation.rq"))
    nodes = {path.stem: restriction(path.read_text(encoding="utf-8")) for path in checks}
    assert {stem: found.node for stem, found in nodes.items() if found} == {
        "date-out-of-interval-violation": "event",
        "deprecated-without-replacement-violation": "term",
        "event-class-without-code-violation": "class",
        "event-without-source-violation": "thing",
        "term-without-label-violation": "term",
        "undeclared-term-violation": "term",
    }
