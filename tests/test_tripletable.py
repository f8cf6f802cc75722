"""Triple tables (tripletable.py): what validation reads of a graph copy answers as rdflib's
Graph answers it, in the same order, for every pattern validation asks."""

from __future__ import annotations

from rdflib import RDF, Graph, Literal, URIRef

from diplograph.tripletable import TripleTable

EX = "urn:x-test:"
S1, S2, S3 = URIRef(f"{EX}s1"), URIRef(f"{EX}s2"), URIRef(f"{EX}s3")
P, Q = URIRef(f"{EX}p"), URIRef(f"{EX}q")
TRIPLES = [
    (S1, P, S2),
    (S1, RDF.type, URIRef(f"{EX}Visit")),
    (S2, P, S3),
    (S1, P, S3),
    (S3, Q, Literal("a", lang="en")),
    (S3, Q, Literal("a", lang="EN")),  # equal as rdflib terms: kept once, the first
    (S1, P, S2),  # again
    (S2, Q, Literal(5)),
]


def test_the_table_holds_each_triple_once_in_the_order_first_given():
    table = TripleTable(TRIPLES)
    assert len(table) == 6 == len(Graph().__iadd__(TRIPLES))
    assert list(table) == [TRIPLES[i] for i in (0, 1, 2, 3, 4, 7)]
    assert (S3, Q, Literal("a", lang="en")) in table
    assert (S3, Q, Literal("a", lang="fr")) not in table


def test_every_pattern_validation_asks_gives_rdflibs_answer_in_rdflibs_order():
    table, graph = TripleTable(TRIPLES), Graph()
    for triple in TRIPLES:
        graph.add(triple)
    for pattern in [(S1, None, None), (None, P, S3), (S1, P, None), (None, P, None), (S1, P, S3)]:
        assert sorted(table.triples(pattern)) == sorted(graph.triples(pattern)), pattern
    assert list(table.subjects(P, S3)) == [S2, S1] == list(graph.subjects(P, S3))
    assert list(table.objects(S1, P)) == [S2, S3] == list(graph.objects(S1, P))
    assert table.value(S1, P) == S2 == graph.value(S1, P)
    assert table.value(S2, RDF.type) is None
    assert sorted(table.subject_objects(Q)) == sorted(graph.subject_objects(Q))
    assert sorted(table.subjects()) == sorted(graph.subjects())
    assert list(table.triples((None, None, None))) == list(table)
