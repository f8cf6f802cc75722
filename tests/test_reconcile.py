"""Two articles' rule layers that mint one entity describe it alike (reconcile.py): their union
keeps one confidence and one label per language, so neither article is quarantined for it."""

from __future__ import annotations

from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal

from diplograph.iris import candidates_graph_iri, rules_graph_iri
from diplograph.namespaces import DIP, ID
from diplograph.reconcile import reconcile_entities
from diplograph.store import RdflibStore

DUJARRIC, KIM = ID["person/stephane-dujarric"], ID["person/kim-jong-un"]
ATTESTATION = ID["attestation/a/1"]


def _minted_rule_graph(label: str, confidence: str) -> Graph:
    """A rule graph that mints Dujarric with a label and a confidence, and one attestation."""
    graph = Graph()
    graph.add((DUJARRIC, RDF.type, DIP.Person))
    graph.add((DUJARRIC, RDFS.label, Literal(label, lang="en")))
    graph.add((DUJARRIC, DIP.confidence, Literal(Decimal(confidence), datatype=XSD.decimal)))
    graph.add((ATTESTATION, DIP.confidence, Literal(Decimal(confidence), datatype=XSD.decimal)))
    return graph


def test_every_rule_graph_gets_the_first_label_and_the_highest_confidence():
    store = RdflibStore()
    store.add_graph(rules_graph_iri("a"), _minted_rule_graph("Stéphane Dujarric", "0.5"))
    store.add_graph(rules_graph_iri("b"), _minted_rule_graph("Stephane Dujarric", "0.8"))
    store.add_graph(candidates_graph_iri("c"), _minted_rule_graph("Stéphane Dujarric", "0.5"))
    assert reconcile_entities(store) == [DUJARRIC]
    union = store.union()
    assert list(union.objects(DUJARRIC, RDFS.label)) == [Literal("Stéphane Dujarric", lang="en")]
    assert [str(c) for c in union.objects(DUJARRIC, DIP.confidence)] == ["0.8"]
    for name in (rules_graph_iri("a"), rules_graph_iri("b"), candidates_graph_iri("c")):
        graph = store.graph(name)  # each keeps a whole description of its own
        assert len(graph) == 4 and (DUJARRIC, RDF.type, DIP.Person) in graph
    # an attestation's confidence is its own, never reconciled
    assert {str(c) for c in union.objects(ATTESTATION, DIP.confidence)} == {"0.5", "0.8"}


def test_agreeing_descriptions_and_other_graphs_are_left_alone():
    store = RdflibStore()
    store.add_graph(rules_graph_iri("a"), _minted_rule_graph("Stéphane Dujarric", "0.5"))
    store.add_graph(rules_graph_iri("b"), _minted_rule_graph("Stéphane Dujarric", "0.5"))
    store.add_graph(ID["graph/entities"], [(KIM, RDFS.label, Literal("Kim Jong Un", lang="en"))])
    store.add_graph(ID["graph/entities"], [(KIM, DIP.confidence, Literal(Decimal("1.0")))])
    store.add_graph(rules_graph_iri("b"), [(KIM, RDFS.label, Literal("Kim", lang="en"))])
    store.add_graph(rules_graph_iri("b"), [(KIM, DIP.confidence, Literal(Decimal("0.5")))])
    assert reconcile_entities(store) == []
    assert len(store.union()) == 8


def test_minted_reads_the_labelled_iris_with_a_confidence_from_triples():
    from diplograph.reconcile import _minted

    graph = _minted_rule_graph("Stéphane Dujarric", "0.5")
    graph.add((DUJARRIC, RDFS.label, Literal("Dujarric", lang="fr")))
    found = _minted(list(graph) + list(graph))  # a triple twice counts once
    assert found == {
        DUJARRIC: (
            (Literal("Stéphane Dujarric", lang="en"), Literal("Dujarric", lang="fr")),
            (Literal(Decimal("0.5"), datatype=XSD.decimal),),
        )
    }


def test_described_alike_replaces_only_the_agreed_entities_labels_and_confidence():
    from diplograph.reconcile import described_alike

    graph = _minted_rule_graph("Stephane Dujarric", "0.5")
    graph.add((KIM, RDFS.label, Literal("Kim", lang="en")))
    agreed = {DUJARRIC: ((Literal("Stéphane Dujarric", lang="en"),), (Literal(Decimal("0.8")),))}
    assert sorted(described_alike(sorted(graph), agreed)) == sorted(
        [
            (DUJARRIC, RDF.type, DIP.Person),
            (DUJARRIC, RDFS.label, Literal("Stéphane Dujarric", lang="en")),
            (DUJARRIC, DIP.confidence, Literal(Decimal("0.8"))),
            (ATTESTATION, DIP.confidence, Literal(Decimal("0.5"), datatype=XSD.decimal)),
            (KIM, RDFS.label, Literal("Kim", lang="en")),
        ]
    )
