"""Inference compiled from the ontology (entail.py): each kind of axiom gives exactly the triples
owlrl gives, on a small ontology and on the seeds, with owlrl (infer.py) as the oracle."""

from __future__ import annotations

import pytest
from rdflib import RDF, XSD, Graph, Literal

from diplograph.entail import compile_rules, entail
from diplograph.infer import infer
from diplograph.iris import ONTOLOGY_GRAPH
from diplograph.namespaces import ID
from diplograph.store import layer_graphs, new_store

ONTOLOGY = """
@prefix : <urn:x-test:o#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
:Visit rdfs:subClassOf :Meeting . :Meeting rdfs:subClassOf :Event .
:host rdfs:subPropertyOf :participant ; rdfs:domain :Visit ; rdfs:range :Agent .
:day rdfs:range xsd:date .
:memberOf owl:inverseOf :hasMember .
:borders a owl:SymmetricProperty .
:locatedIn a owl:TransitiveProperty .
:holdsOffice owl:propertyChainAxiom ( :holds :office ) .
"""
DATA = """
@prefix : <urn:x-test:o#> .
@prefix id: <https://w3id.org/diplograph/id/> .
id:v :host id:kim ; :day "2023-07-26"^^<http://www.w3.org/2001/XMLSchema#date> .
id:kim :memberOf id:delegation ; :holds id:h .
id:h :office id:chairman .
id:korea :borders id:russia .
id:pyongyang :locatedIn id:korea . id:korea :locatedIn id:asia .
"""
TEST_NS = "urn:x-test:o#"


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_each_kind_of_axiom_entails_what_owlrl_entails(engine):
    ontology = Graph().parse(data=ONTOLOGY, format="turtle")
    data = Graph().parse(data=DATA, format="turtle")
    store = new_store(engine)
    store.add_graph(ID["graph/article/a"], data)
    got = entail(store, ontology, [ID["graph/article/a"]])
    assert {(s.n3(), p.n3(), o.n3()) for s, p, o in got} == {
        (s.n3(), p.n3(), o.n3()) for s, p, o in infer(ontology, data)
    }
    short = {(s.split("/")[-1], p.split("#")[-1], o.split("/")[-1]) for s, p, o in got}
    assert short == {
        ("v", "type", f"{TEST_NS}Visit"),
        ("v", "type", f"{TEST_NS}Meeting"),
        ("v", "type", f"{TEST_NS}Event"),
        ("v", "participant", "kim"),
        ("kim", "type", f"{TEST_NS}Agent"),
        ("delegation", "hasMember", "kim"),
        ("russia", "borders", "korea"),
        ("pyongyang", "locatedIn", "asia"),
        ("kim", "holdsOffice", "chairman"),
    }
    assert (ID.v, RDF.type, XSD.date) not in got and store.graph_names() == [ID["graph/article/a"]]
    assert not any(isinstance(s, Literal) for s, _, _ in got)


def test_the_rules_are_compiled_from_the_ontology_sorted():
    rules = compile_rules(Graph().parse(data=ONTOLOGY, format="turtle"))
    assert [r.name for r in rules] == [
        "cax-sco",
        "cax-sco",
        "prp-dom",
        "prp-inv1",
        "prp-inv2",
        "prp-rng",
        "prp-spo1",
        "prp-spo2",
        "prp-symp",
        "prp-trp",
    ]


def test_on_the_seeds_the_rules_give_the_triples_owlrl_gives(built):
    store = built.store
    ontology = store.graph(ONTOLOGY_GRAPH)
    asserted = layer_graphs(store, "asserted")
    oracle = infer(ontology, store.union(asserted))
    assert len(oracle) > 1000
    if store.engine == "rdflib":
        pytest.skip("the rules on the rdflib engine take minutes; run with the Oxigraph engine")
    assert set(entail(store, ontology, asserted)) == set(oracle)
