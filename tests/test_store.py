"""The store (the store package): the contract every engine passes. Named graphs in, copies and
unions out, RDF text in and out, SPARQL with bound parameters (answers as rdflib terms or as
SPARQL 1.1 JSON terms), the layers; each answer exact, and the same for the rdflib engine (the
reference) and the Oxigraph engine, in memory and on disk."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef

from diplograph.errors import InputError
from diplograph.iris import (
    ENTITIES_GRAPH,
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    WIKIDATA_GRAPH,
    article_graph_iri,
    candidates_graph_iri,
    rules_graph_iri,
)
from diplograph.store import (
    Answers,
    QueryResult,
    Store,
    analysis_iris,
    analysis_names,
    engine_name,
    layer_graphs,
    new_store,
    open_store,
)
from diplograph.store.terms import json_of_rdflib

A, B = URIRef("urn:x-test:graph/a"), URIRef("urn:x-test:graph/b")
KIM, PUTIN = URIRef("urn:x-test:kim"), URIRef("urn:x-test:putin")
LABELS = "SELECT ?who ?label WHERE { ?who rdfs:label ?label } ORDER BY ?label"
ENGINES = ["rdflib", "oxigraph", "oxigraph-on-disk"]


@pytest.fixture(params=ENGINES)
def empty(request, tmp_path) -> Store:
    """An empty store of each engine."""
    if request.param == "oxigraph-on-disk":
        return new_store("oxigraph", tmp_path / "store")
    return new_store(request.param)


@pytest.fixture
def store(empty: Store) -> Store:
    """A store of each engine with two graphs of one label each."""
    empty.add_graph(B, [(PUTIN, RDFS.label, Literal("Vladimir Putin"))])
    empty.add_graph(A, [(KIM, RDFS.label, Literal("Kim Jong Un"))])
    return empty


def test_graph_names_are_the_non_empty_named_graphs_sorted(store):
    store.add_graph(URIRef("urn:x-test:graph/empty"), [])
    assert store.graph_names() == [A, B]
    store.remove_graph(B)
    assert store.graph_names() == [A]


def test_a_graph_is_a_copy_that_does_not_write_back(store):
    copy = store.graph(A)
    assert set(copy) == {(KIM, RDFS.label, Literal("Kim Jong Un"))}
    copy.add((KIM, RDFS.label, Literal("Kim")))
    assert len(store.graph(A)) == 1


def test_a_union_sees_a_graph_added_after_it_was_asked_for(store):
    assert len(store.union()) == 2 and len(store.union([A])) == 1
    store.add_graph(A, [(KIM, RDFS.comment, Literal("leader"))])
    assert len(store.union()) == 3 and len(store.union([A])) == 2


TERMS = [
    Literal(5, datatype=XSD.nonNegativeInteger),
    Literal("5000000000.0", datatype=XSD.decimal),
    Literal("Kim"),
    Literal("Ким", lang="ru"),
    Literal("2023-07-26", datatype=XSD.date),
    Literal(3, datatype=XSD.integer),
    URIRef("urn:x-test:thing"),
]


def test_terms_come_back_as_the_rdflib_terms_that_went_in(empty):
    terms = TERMS
    empty.add_graph(A, [(KIM, RDFS.seeAlso, term) for term in terms])
    empty.add_graph(A, [(BNode("b0"), RDF.type, KIM)])
    assert set(empty.graph(A)) == {(KIM, RDFS.seeAlso, t) for t in terms} | {
        (BNode("b0"), RDF.type, KIM)
    }
    rows = empty.query("SELECT ?o WHERE { ?s rdfs:seeAlso ?o } ORDER BY STR(?o)").rows
    kinds = [(str(r[0]), r[0].datatype, r[0].language) for r in rows if isinstance(r[0], Literal)]
    # query answers are the engine's own, as a SPARQL store gives them: Oxigraph keeps a typed
    # literal by its value ("5"^^xsd:nonNegativeInteger as "5"^^xsd:integer)
    rewritten = empty.engine == "oxigraph"
    assert kinds == [
        ("2023-07-26", XSD.date, None),
        ("3", XSD.integer, None),
        ("5", XSD.integer if rewritten else XSD.nonNegativeInteger, None),
        ("5000000000" if rewritten else "5000000000.0", XSD.decimal, None),
        ("Kim", None, None),
        ("Ким", None, "ru"),
    ]


def test_the_triples_of_one_predicate_are_those_of_the_graph_with_it(empty):
    empty.add_graph(A, [(KIM, RDFS.seeAlso, term) for term in TERMS])
    empty.add_graph(A, [(KIM, RDFS.label, Literal("Kim")), (PUTIN, RDFS.label, Literal("P"))])
    empty.add_graph(B, [(PUTIN, RDFS.seeAlso, KIM)])
    assert set(empty.triples(A, RDFS.seeAlso)) == {(KIM, RDFS.seeAlso, t) for t in TERMS}
    assert set(empty.triples(A, RDFS.label)) == {
        (KIM, RDFS.label, Literal("Kim")),
        (PUTIN, RDFS.label, Literal("P")),
    }
    assert list(empty.triples(A, RDFS.comment)) == []
    assert set(empty.triples(B, RDFS.seeAlso)) == {(PUTIN, RDFS.seeAlso, KIM)}
    assert len(list(empty.triples(A))) == len(TERMS) + 2


def test_the_count_of_several_graphs_counts_a_shared_triple_once(store):
    store.add_graph(B, [(KIM, RDFS.label, Literal("Kim Jong Un"))])  # in A as well
    store.add_graph(B, [(KIM, RDFS.seeAlso, term) for term in TERMS])
    assert store.count([A]) == 1
    assert store.count([B]) == 2 + len(TERMS)
    assert store.count([A, B]) == 2 + len(TERMS) == len(store.union([A, B]))
    assert store.count([]) == 0
    assert store.count([URIRef("urn:x-test:graph/none")]) == 0


def test_terms_read_while_sharing_are_the_same_terms_once_converted(empty):
    empty.add_graph(A, [(KIM, RDFS.seeAlso, term) for term in TERMS])
    empty.add_graph(B, [(PUTIN, RDFS.seeAlso, term) for term in TERMS])
    alone = set(empty.triples(A)) | set(empty.triples(B))
    with empty.sharing_terms():
        one, two = list(empty.triples(A)), list(empty.triples(B))
        with empty.sharing_terms():  # nested: the same conversions
            again = list(empty.triples(A))
    assert set(one) | set(two) == alone and again == one
    by_object = {o: o for _, _, o in one}
    assert all(by_object[o] is o for _, _, o in two)  # one object a term, in either graph
    assert all(a is b for x, y in zip(one, again, strict=True) for a, b in zip(x, y, strict=True))


def test_a_change_while_sharing_is_seen_by_the_next_read(empty):
    five = Literal("5.0", datatype=XSD.decimal)  # kept by Oxigraph as "5"^^xsd:decimal
    empty.add_graph(A, [(KIM, RDFS.seeAlso, five)])
    with empty.sharing_terms():
        assert set(empty.triples(A)) == {(KIM, RDFS.seeAlso, five)}
        empty.add_graph(B, [(PUTIN, RDFS.seeAlso, Literal("5.00", datatype=XSD.decimal))])
        shared = set(empty.triples(A))
    assert shared == set(empty.triples(A))  # as read without sharing, whatever the engine


def test_a_query_runs_over_the_given_graphs_with_bound_values(store):
    everything = store.query(LABELS)
    assert everything == QueryResult(
        ("who", "label"),
        ((KIM, Literal("Kim Jong Un")), (PUTIN, Literal("Vladimir Putin"))),
    )
    assert store.query(LABELS, graphs=[B]).rows == ((PUTIN, Literal("Vladimir Putin")),)
    assert store.query(LABELS, graphs=[]).rows == ()
    bound = store.query(LABELS, {"who": KIM})
    assert bound.rows == ((KIM, Literal("Kim Jong Un")),)
    assert store.query(LABELS, {"label": Literal("Kim")}).rows == ()


def test_answers_are_the_json_terms_of_the_query_answers(store):
    store.add_graph(A, [(KIM, RDFS.seeAlso, t) for t in TERMS] + [(BNode("b0"), RDF.type, KIM)])
    text = "SELECT ?s ?o ?n WHERE { ?s ?p ?o OPTIONAL { ?s rdfs:comment ?n } } ORDER BY STR(?o)"
    expected = store.query(text)
    answers = store.answers(text)
    assert answers.variables == expected.variables == ("s", "o", "n")
    assert answers.rows == tuple(
        tuple(None if t is None else json_of_rdflib(t) for t in row) for row in expected.rows
    )
    assert len(answers.rows) == len(TERMS) + 3 and answers.boolean is None
    assert store.answers("ASK { ?s ?p ?o }") == Answers((), (), True)


def test_answers_bind_values_and_choose_graphs_as_query_does(store):
    kim = {"type": "uri", "value": str(KIM)}
    putin = {"type": "literal", "value": "Vladimir Putin"}
    assert store.answers(LABELS, {"who": kim}).rows == (
        (kim, {"type": "literal", "value": "Kim Jong Un"}),
    )
    assert store.answers(LABELS, graphs=[str(B)]).rows == (
        ({"type": "uri", "value": str(PUTIN)}, putin),
    )
    assert store.answers(LABELS, graphs=[]).rows == ()
    assert store.answers(LABELS, {"label": {"type": "literal", "value": "Kim"}}).rows == ()


def test_graph_iris_are_the_graph_names_as_strings(store):
    assert store.graph_iris() == [str(A), str(B)]
    assert all(type(name) is str for name in store.graph_iris())
    assert analysis_iris(store) == [str(n) for n in analysis_names(store)]


def test_an_unbound_optional_variable_is_none(store):
    text = "SELECT ?who ?note WHERE { ?who rdfs:label ?l OPTIONAL { ?who rdfs:comment ?note } }"
    assert set(store.query(text).rows) == {(KIM, None), (PUTIN, None)}


def test_an_ask_query_answers_true_or_false(store):
    ask = "ASK { ?who rdfs:label ?label }"
    assert store.query(ask) == QueryResult((), (), True)
    assert store.query(ask, {"label": Literal(1, datatype=XSD.integer)}).boolean is False
    assert [type(v) for v in store.query(LABELS).variables] == [str, str]  # names, not Variables


def test_a_bad_query_is_an_error(store):
    with pytest.raises(Exception, match="(?i)expected|error|parse"):
        store.query("SELECT ?x WHERE { ?x }")


@pytest.mark.parametrize("fmt", ["trig", "nquads", "jsonld"])
def test_a_dataset_format_round_trips_its_named_graphs(store, empty_of_same, fmt):
    data = store.serialize(fmt, [A, B])
    empty_of_same.parse(data, fmt)
    assert empty_of_same.graph_names() == [A, B]
    assert set(empty_of_same.graph(B)) == {(PUTIN, RDFS.label, Literal("Vladimir Putin"))}


@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld"])
def test_a_graph_format_loads_into_the_graph_named(store, empty_of_same, fmt):
    data = store.serialize("nt" if fmt == "jsonld" else fmt, [A, B])
    if fmt == "jsonld":
        data = Graph().parse(data=data, format="nt").serialize(format="json-ld").encode()
    empty_of_same.parse(data, fmt, ENTITIES_GRAPH)
    assert empty_of_same.graph_names() == [ENTITIES_GRAPH]
    assert set(empty_of_same.graph(ENTITIES_GRAPH)) == set(store.union([A, B]))


def test_an_unknown_format_is_an_input_error(store):
    with pytest.raises(InputError, match="unknown RDF format 'rdfxml'"):
        store.serialize("rdfxml", [A])


@pytest.fixture
def empty_of_same(empty):
    """A second empty store of the same engine, in memory."""
    return new_store(empty.engine)


def test_the_layers_are_decided_by_the_graph_names(empty):
    fact = [(KIM, RDFS.label, Literal("Kim"))]
    names = [
        article_graph_iri("s1"),
        rules_graph_iri("s2"),
        candidates_graph_iri("s1"),
        ENTITIES_GRAPH,
        INFERRED_GRAPH,
        WIKIDATA_GRAPH,
        ONTOLOGY_GRAPH,
    ]
    for name in names:
        empty.add_graph(name, fact)
    asserted = sorted([article_graph_iri("s1"), rules_graph_iri("s2"), ENTITIES_GRAPH])
    assert layer_graphs(empty, "asserted") == asserted
    assert layer_graphs(empty, "candidates") == [candidates_graph_iri("s1")]
    assert layer_graphs(empty, "inferred") == [INFERRED_GRAPH]
    assert layer_graphs(empty, "wikidata") == [WIKIDATA_GRAPH]
    everything = sorted([*asserted, INFERRED_GRAPH, WIKIDATA_GRAPH])
    assert layer_graphs(empty, "all") == everything
    assert analysis_names(empty) == [*everything, ONTOLOGY_GRAPH]
    assert INFERRED_GRAPH not in analysis_names(empty, inference=False)
    with pytest.raises(InputError, match="unknown layer 'rules'"):
        layer_graphs(empty, "rules")


def test_a_store_on_disk_opens_again_read_only_with_its_graphs(tmp_path):
    written = new_store("oxigraph", tmp_path / "store")
    offset = (KIM, RDFS.seeAlso, Literal(7, datatype=XSD.nonNegativeInteger))
    written.add_graph(A, [(KIM, RDFS.label, Literal("Kim Jong Un")), offset])
    written.flush()
    del written
    reopened = open_store(tmp_path / "store")
    assert reopened.graph_names() == [A]
    assert reopened.query(LABELS).rows == ((KIM, Literal("Kim Jong Un")),)
    assert offset in set(reopened.graph(A))
    assert reopened.query("SELECT ?o { ?s rdfs:seeAlso ?o }").rows == ((Literal(7),),)


def test_the_engine_comes_from_the_argument_then_the_environment(monkeypatch):
    monkeypatch.delenv("DIPLOGRAPH_ENGINE", raising=False)
    assert engine_name() == "oxigraph"
    monkeypatch.setenv("DIPLOGRAPH_ENGINE", "rdflib")
    assert engine_name() == "rdflib" and new_store().engine == "rdflib"
    assert engine_name("oxigraph") == "oxigraph"
    monkeypatch.setenv("DIPLOGRAPH_ENGINE", "jena")
    with pytest.raises(InputError, match="unknown engine 'jena'"):
        new_store()


def test_a_bound_value_need_not_be_projected_and_is_seen_by_a_filter(store):
    text = "# a { in a comment\nSELECT ?label WHERE { ?who rdfs:label ?label }"
    assert store.query(text, {"who": PUTIN}).rows == ((Literal("Vladimir Putin"),),)
    text = "SELECT ?label WHERE { ?who rdfs:label ?label FILTER(?who = ?x) }"
    assert store.query(text, {"x": KIM}).rows == ((Literal("Kim Jong Un"),),)
    ask = 'ASK { ?who rdfs:label "{" }'
    assert store.query(ask, {"who": KIM}).boolean is False


def test_a_triple_in_several_graphs_is_one_triple_of_their_union(store, tmp_path):
    store.add_graph(B, [(KIM, RDFS.label, Literal("Kim Jong Un"))])
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?who rdfs:label ?label }"
    assert store.query(count).rows == ((Literal(2, datatype=XSD.integer),),)
    assert store.query(count, graphs=[A, B]).rows == ((Literal(2, datatype=XSD.integer),),)
    store.add_graph(A, [(PUTIN, RDFS.comment, Literal("x"))])  # a change: merged anew
    assert store.query(count, graphs=[A, B]).rows == ((Literal(2, datatype=XSD.integer),),)
    assert store.graph_names() == [A, B]


def test_a_read_only_store_merges_graphs_it_was_not_given_merged(tmp_path):
    written = new_store("oxigraph", tmp_path / "store")
    for name in (A, B):
        written.add_graph(name, [(KIM, RDFS.label, Literal("Kim Jong Un"))])
    written.merge([A, B])
    written.flush()
    del written
    reopened = open_store(tmp_path / "store")
    assert reopened.graph_names() == [A, B]
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?who rdfs:label ?label }"
    assert reopened.query(count).rows == ((Literal(1, datatype=XSD.integer),),)
    assert reopened.query(count, graphs=[A, ONTOLOGY_GRAPH, B]).rows == (
        (Literal(1, datatype=XSD.integer),),
    )


def test_the_oxigraph_store_lists_its_graphs_again_after_a_change():
    """The graph names are listed once until a graph is added or removed (every stored query
    asks for them), and the list follows every change."""
    from diplograph.store import OxigraphStore

    store = OxigraphStore()
    a, b = URIRef("urn:x-test:a"), URIRef("urn:x-test:b")
    triple = (URIRef("urn:x-test:s"), URIRef("urn:x-test:p"), URIRef("urn:x-test:o"))
    store.add_graph(a, [triple])
    assert store.graph_iris() == ["urn:x-test:a"]
    store.add_graph(b, [triple])
    assert store.graph_iris() == ["urn:x-test:a", "urn:x-test:b"]
    store.remove_graph(a)
    assert store.graph_iris() == ["urn:x-test:b"]


def test_what_analysis_sees_leaves_out_the_candidates_and_follows_every_change(empty):
    """The graphs analysis sees are found once until a graph changes: a candidates graph is
    never among them, a graph added or removed since is."""
    fact = [(KIM, RDFS.label, Literal("Kim"))]
    for name in (article_graph_iri("s1"), candidates_graph_iri("s1"), ONTOLOGY_GRAPH):
        empty.add_graph(name, fact)
    first = [article_graph_iri("s1"), ONTOLOGY_GRAPH]
    assert analysis_names(empty) == first
    assert analysis_iris(empty) == [str(n) for n in first]
    analysis_names(empty).clear()  # a caller's copy: the store's own list is untouched
    assert analysis_names(empty) == first
    empty.add_graph(candidates_graph_iri("s2"), fact)
    empty.add_graph(INFERRED_GRAPH, fact)
    assert analysis_names(empty) == [article_graph_iri("s1"), INFERRED_GRAPH, ONTOLOGY_GRAPH]
    assert analysis_iris(empty, inference=False) == [str(n) for n in first]
    empty.remove_graph(article_graph_iri("s1"))
    assert analysis_iris(empty) == [str(INFERRED_GRAPH), str(ONTOLOGY_GRAPH)]
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?who rdfs:label ?label }"
    empty.add_graph(INFERRED_GRAPH, [(PUTIN, RDFS.label, Literal("Putin"))])
    assert empty.query(count, graphs=analysis_names(empty)).rows == (
        (Literal(2, datatype=XSD.integer),),
    )


def test_a_reader_lists_the_graphs_a_build_recorded_until_a_change(tmp_path):
    """`record_graphs` writes the graph names into the store; a reader takes them from there
    (a graph slipped in behind the store's back is not listed), and the record goes at the
    next change made through the store."""
    from pyoxigraph import NamedNode, Quad

    from diplograph.store import OxigraphStore

    written = OxigraphStore(tmp_path / "store")
    written.add_graph(B, [(PUTIN, RDFS.label, Literal("Vladimir Putin"))])
    written.add_graph(A, [(KIM, RDFS.label, Literal("Kim Jong Un"))])
    written.record_graphs()
    kim = NamedNode(str(KIM))
    written._store.add(Quad(kim, NamedNode(str(RDFS.label)), kim, NamedNode("urn:c")))
    written.flush()
    del written
    assert open_store(tmp_path / "store").graph_iris() == [str(A), str(B)]
    changed = OxigraphStore(tmp_path / "store")
    changed.remove_graph(B)
    changed.flush()
    del changed
    assert open_store(tmp_path / "store").graph_iris() == ["urn:c", str(A)]


def test_a_store_records_no_graph_names_in_its_graphs(tmp_path):
    """The record of the names is the store's own: in no layer, listed by no reader."""
    from diplograph.store import OxigraphStore

    written = OxigraphStore(tmp_path / "store")
    written.add_graph(A, [(KIM, RDFS.label, Literal("Kim Jong Un"))])
    written.record_graphs()
    assert written.graph_iris() == [str(A)]
    assert written.query(LABELS).rows == ((KIM, Literal("Kim Jong Un")),)
    assert layer_graphs(written, "all") == [A]


def test_an_in_memory_store_queries_several_graphs_without_keeping_their_merge_in_it():
    """Oxigraph's in-memory store keeps the memory of every quad it ever held: the merged graph
    that a query over several graphs needs is made in a scratch store, dropped at the next
    change, never in the store itself (which holds the two graphs' quads and nothing else)."""
    from diplograph.store import OxigraphStore

    store = OxigraphStore()
    store.add_graph(A, [(KIM, RDFS.label, Literal("Kim Jong Un"))])
    store.add_graph(B, [(KIM, RDFS.label, Literal("Kim Jong Un"))])
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?who rdfs:label ?label }"
    assert store.query(count, graphs=[A, B]).rows == ((Literal(1, datatype=XSD.integer),),)
    assert sorted(q.graph_name.value for q in store._store) == [str(A), str(B)]
    store.add_graph(A, [(PUTIN, RDFS.label, Literal("Vladimir Putin"))])
    assert store.query(count, graphs=[A, B]).rows == ((Literal(2, datatype=XSD.integer),),)
    assert len(store._store) == 3


def test_a_merge_made_in_memory_is_kept_without_a_graph_removed():
    """When a graph is removed, a merge made in memory for a query is kept without it (the
    validation's conflict rounds set rule graphs aside), not made again: it loses the removed
    graph's triples that no other graph it merges holds, and answers as a merge made anew."""
    from diplograph.store import OxigraphStore

    c = URIRef("urn:x-test:graph/c")
    store = OxigraphStore()
    store.add_graph(A, [(KIM, RDFS.label, Literal("Kim Jong Un"))])
    store.add_graph(B, [(KIM, RDFS.label, Literal("Kim Jong Un"))])
    store.add_graph(B, [(PUTIN, RDFS.label, Literal("Vladimir Putin"))])
    store.add_graph(c, [(PUTIN, RDFS.comment, Literal("x"))])
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?who ?p ?label }"
    assert store.query(count, graphs=[A, B, c]).rows == ((Literal(3, datatype=XSD.integer),),)
    made = [found[0] for found in store._scratch.values()]
    store.remove_graph(B)
    assert store.query(count, graphs=[A, c]).rows == ((Literal(2, datatype=XSD.integer),),)
    assert store.query(LABELS, graphs=[A, c]).rows == ((KIM, Literal("Kim Jong Un")),)
    kept = [found[0] for found in store._scratch.values()]
    assert len(made) == 1 and kept == made  # the same merge, not made anew
    assert sorted(q.object.value for q in kept[0]) == ["Kim Jong Un", "x"]


def test_a_merged_copy_holds_the_union_in_one_graph_and_leaves_the_store_be(store):
    """A merged copy is a new in-memory store of the same engine with the union of the graphs
    named as one graph (a triple of both once; a literal Oxigraph rewrites comes back as it
    went in); changing the copy leaves the store as it was."""
    odd = Literal("5", datatype=XSD.nonNegativeInteger)  # Oxigraph keeps "5"^^xsd:integer
    store.add_graph(B, [(KIM, RDFS.label, Literal("Kim Jong Un")), (KIM, RDF.value, odd)])
    merged = URIRef("urn:x-test:graph/merged")
    copy = store.merged_copy([A, B], merged)
    assert copy.engine == store.engine and copy is not store
    assert copy.graph_names() == [merged]
    assert sorted(copy.triples(merged)) == sorted(
        [
            (KIM, RDF.value, odd),
            (KIM, RDFS.label, Literal("Kim Jong Un")),
            (PUTIN, RDFS.label, Literal("Vladimir Putin")),
        ]
    )
    copy.add_graph(merged, [(PUTIN, RDFS.comment, Literal("x"))])
    copy.add_graph(A, [(PUTIN, RDFS.comment, Literal("y"))])
    assert store.graph_names() == [A, B] and len(list(store.triples(A))) == 1
    assert len(list(store.triples(B))) == 3


def test_a_merged_copy_keeps_a_blank_node_of_two_graphs_one_node(store):
    """The union of graphs sharing a blank node holds it as one node, with the typed literals
    Oxigraph rewrites (or keeps) as they went in, on every engine."""
    node = BNode("shared")
    odd = Literal("5000000000.0", datatype=XSD.decimal)  # Oxigraph keeps "5000000000"
    store.add_graph(A, [(KIM, RDFS.seeAlso, node), (node, RDF.value, odd)])
    store.add_graph(B, [(PUTIN, RDFS.seeAlso, node), (node, RDFS.label, Literal("x", lang="en"))])
    merged = URIRef("urn:x-test:graph/merged")
    got = sorted(store.merged_copy([A, B], merged).triples(merged))
    assert len({o for _, p, o in got if p == RDFS.seeAlso}) == 1
    assert [(p, o) for s, p, o in got if isinstance(s, BNode)] == [
        (RDF.value, odd),
        (RDFS.label, Literal("x", lang="en")),
    ]
    assert len(got) == 6


def test_a_graph_added_from_a_copy_into_another_store_notes_its_rewritten_literals(store):
    """`add_from` into a store that has not seen a literal Oxigraph rewrites notes it from the
    copy: the literal reads back as it went in, each once, and the store's own graphs hold
    only the triples added."""
    odd = Literal("5", datatype=XSD.nonNegativeInteger)  # Oxigraph keeps "5"^^xsd:integer
    store.add_graph(B, [(KIM, RDF.value, odd), (PUTIN, RDF.value, odd)])
    merged, target = URIRef("urn:x-test:graph/merged"), URIRef("urn:x-test:graph/target")
    other = new_store(store.engine)
    other.add_from(store.merged_copy([B], merged), merged, target)
    assert other.graph_names() == [target]
    assert sorted(other.triples(target)) == [
        (KIM, RDF.value, odd),
        (PUTIN, RDF.value, odd),
        (PUTIN, RDFS.label, Literal("Vladimir Putin")),
    ]
    assert other.graph(target).value(KIM, RDF.value) == odd


def test_a_graph_added_from_a_merged_copy_holds_its_triples_as_they_went_in(store):
    """`add_from` adds another store's graph (a merged copy of the same engine) to a graph of
    this one, each triple once, a literal Oxigraph rewrites as it went in; the copy is left be."""
    odd = Literal("5", datatype=XSD.nonNegativeInteger)  # Oxigraph keeps "5"^^xsd:integer
    store.add_graph(B, [(KIM, RDF.value, odd)])
    merged, target = URIRef("urn:x-test:graph/merged"), URIRef("urn:x-test:graph/target")
    copy = store.merged_copy([A, B], merged)
    store.add_graph(target, [(KIM, RDFS.label, Literal("Kim Jong Un"))])
    store.add_from(copy, merged, target)
    assert store.graph_names() == [A, B, target]
    assert sorted(store.triples(target)) == [
        (KIM, RDF.value, odd),
        (KIM, RDFS.label, Literal("Kim Jong Un")),
        (PUTIN, RDFS.label, Literal("Vladimir Putin")),
    ]
    assert store.graph(target).value(KIM, RDF.value) == odd
    assert store.count([target]) == 3 and copy.graph_names() == [merged]
