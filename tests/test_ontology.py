"""The ontology: hygiene checks (ODK-style *-violation.rq queries that must return no rows), a
closed vocabulary shared with the Python namespace, and axioms that earn their keep."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal

import diplograph
from diplograph.build import load_ontology
from diplograph.export import analysis_graph
from diplograph.namespaces import DIP, ONTOLOGY_IRI

ROOT = Path(__file__).resolve().parents[1]
CHECKS = sorted((ROOT / "ontology" / "checks").glob("*-violation.rq"))


@pytest.fixture(scope="module")
def ontology() -> Graph:
    """The ontology with its alignments."""
    return load_ontology(ROOT)


def _declared(graph: Graph) -> set[str]:
    """Local names of the dip: terms declared in the ontology."""
    ns = str(DIP._NS)
    return {str(s)[len(ns) :] for s in graph.subjects() if str(s).startswith(ns)}


def test_size_within_the_brief(ontology):
    classes = {s for s in ontology.subjects(RDF.type, OWL.Class) if str(s).startswith(DIP._NS)}
    properties = {
        s
        for kind in (OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in ontology.subjects(RDF.type, kind)
    }
    assert 15 <= len(classes) <= 50
    assert 25 <= len(properties) <= 55


def test_version_info_is_the_package_version(ontology):
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal(diplograph.__version__)
    version_iri = ontology.value(ONTOLOGY_IRI, OWL.versionIRI)
    assert str(version_iri).endswith(f"/{diplograph.__version__}")


def test_python_namespace_and_ontology_declare_the_same_terms():
    graph = Graph().parse(ROOT / "ontology" / "diplo.ttl")
    in_python = set(DIP.__annotations__)
    assert _declared(graph) == in_python


def test_closed_namespace_rejects_typos():
    with pytest.raises(AttributeError):
        _ = DIP.Vist


@pytest.mark.parametrize("check", CHECKS, ids=lambda p: p.stem)
def test_qa_check_returns_no_rows(built, ontology, check):
    graph = Graph()
    for triple in analysis_graph(built.store):
        graph.add(triple)
    rows = list(graph.query(check.read_text(encoding="utf-8")))
    assert rows == []


def test_qa_check_catches_an_unlabelled_term(ontology):
    broken = Graph()
    for triple in ontology:
        if not (triple[0] == DIP.Visit and triple[1] == RDFS.label):
            broken.add(triple)
    check = ROOT / "ontology" / "checks" / "term-without-label-violation.rq"
    rows = [row[0] for row in broken.query(check.read_text(encoding="utf-8"))]
    assert rows == [DIP.Visit]


def test_every_event_class_has_cameo_and_plover(ontology):
    events = set(ontology.transitive_subjects(RDFS.subClassOf, DIP.Event)) - {DIP.Event}
    assert len(events) == 28
    for cls in events:
        assert ontology.value(cls, DIP.cameoCode) is not None, cls
        assert ontology.value(cls, DIP.ploverType) is not None, cls
    assert str(ontology.value(DIP.Visit, DIP.cameoCode)) == "042"
    assert str(ontology.value(DIP.SanctionThreat, DIP.cameoCode)) == "1312"
    assert str(ontology.value(DIP.Accusation, DIP.ploverType)) == "ACCUSE:allege"


def test_axioms_of_each_kind_exist(ontology):
    assert (DIP.locatedIn, RDF.type, OWL.TransitiveProperty) in ontology
    assert (DIP.borders, RDF.type, OWL.SymmetricProperty) in ontology
    assert (DIP.ledBy, OWL.inverseOf, DIP.leads) in ontology
    assert (DIP.ledBy, RDFS.subPropertyOf, DIP.hasMember) in ontology
    assert (DIP.Talks, RDFS.subClassOf, DIP.Meeting) in ontology
    assert ontology.value(DIP.holdsPosition, OWL.propertyChainAxiom) is not None


def test_inferred_triples_use_the_axioms(built):
    from diplograph.iris import INFERRED_GRAPH
    from diplograph.namespaces import ID

    inferred = built.store.graph(INFERRED_GRAPH)
    shoigu, kim = ID["person/sergei-shoigu"], ID["person/kim-jong-un"]
    talks = ID["event/talks/2023-07-26/kim-jong-un-sergei-shoigu"]
    arrival = ID["event/arrival/2023-07-25/russian-delegation-pyongyang"]
    assert (talks, RDF.type, DIP.Meeting) in inferred  # sub-class
    assert (shoigu, DIP.leads, ID["delegation/russia-2023-07-sergei-shoigu"]) in inferred  # inverse
    assert (arrival, DIP.place, ID["country/north-korea"]) in inferred  # chain + transitive
    assert (ID["country/russia"], DIP.borders, ID["country/north-korea"]) in inferred  # symmetric
    assert (shoigu, DIP.holdsPosition, ID["position/defence-minister-of-russia"]) in inferred
    assert (shoigu, DIP.actsFor, ID["country/russia"]) in inferred
    assert (kim, DIP.actsFor, ID["country/north-korea"]) in inferred
    asserted = built.store.union([g for g in built.store.graph_names() if g != INFERRED_GRAPH])
    assert not set(inferred) & set(asserted)
