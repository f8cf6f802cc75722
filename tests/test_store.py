"""The store (store.py): named graphs in, copies and unions out, SPARQL with bound parameters;
each answer exact, so that an engine behind the same methods can be held to them."""

from __future__ import annotations

from rdflib import RDFS, XSD, Literal, URIRef

from diplograph.store import QueryResult, RdflibStore

A, B = URIRef("urn:x-test:graph/a"), URIRef("urn:x-test:graph/b")
KIM, PUTIN = URIRef("urn:x-test:kim"), URIRef("urn:x-test:putin")
LABELS = "SELECT ?who ?label WHERE { ?who rdfs:label ?label } ORDER BY ?label"


def store_of_two() -> RdflibStore:
    store = RdflibStore()
    store.add_graph(B, [(PUTIN, RDFS.label, Literal("Vladimir Putin"))])
    store.add_graph(A, [(KIM, RDFS.label, Literal("Kim Jong Un"))])
    return store


def test_graph_names_are_the_non_empty_named_graphs_sorted():
    store = store_of_two()
    store.add_graph(URIRef("urn:x-test:graph/empty"), [])
    assert store.graph_names() == [A, B]


def test_a_graph_is_a_copy_that_does_not_write_back():
    store = store_of_two()
    copy = store.graph(A)
    assert set(copy) == {(KIM, RDFS.label, Literal("Kim Jong Un"))}
    copy.add((KIM, RDFS.label, Literal("Kim")))
    assert len(store.graph(A)) == 1


def test_a_union_sees_a_graph_added_after_it_was_asked_for():
    store = store_of_two()
    assert len(store.union()) == 2 and len(store.union([A])) == 1
    store.add_graph(A, [(KIM, RDFS.comment, Literal("leader"))])
    assert len(store.union()) == 3 and len(store.union([A])) == 2


def test_a_query_runs_over_the_given_graphs_with_bound_values():
    store = store_of_two()
    everything = store.query(LABELS)
    assert everything == QueryResult(
        ("who", "label"),
        ((KIM, Literal("Kim Jong Un")), (PUTIN, Literal("Vladimir Putin"))),
    )
    assert store.query(LABELS, graphs=[B]).rows == ((PUTIN, Literal("Vladimir Putin")),)
    bound = store.query(LABELS, {"who": KIM})
    assert bound.rows == ((KIM, Literal("Kim Jong Un")),)
    assert store.query(LABELS, {"label": Literal("Kim")}).rows == ()


def test_an_ask_query_answers_true_or_false():
    store = store_of_two()
    ask = "ASK { ?who rdfs:label ?label }"
    assert store.query(ask) == QueryResult((), (), True)
    assert store.query(ask, {"label": Literal(1, datatype=XSD.integer)}).boolean is False
    assert [type(v) for v in store.query(LABELS).variables] == [str, str]  # names, not Variables
