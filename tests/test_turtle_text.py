"""Turtle text: a graph written from its triples is byte for byte what rdflib's serialiser writes
(every graph of the seeds' build, and literals and IRIs of every kind); a graph only rdflib
writes so is left to it; the build's on-disk store is the same set of quads whether it is
bulk-loaded from the build's store or parsed from graph.trig."""

from __future__ import annotations

import pyoxigraph
import pytest
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef

from diplograph.built import write_store
from diplograph.export import layer_graphs, serialize_graphs
from diplograph.iris import ONTOLOGY_GRAPH
from diplograph.namespaces import DIP
from diplograph.store import OxigraphStore, analysis_names, new_store
from diplograph.turtle_text import TurtleText, bind, plain_turtle

ID = Namespace("https://w3id.org/diplograph/id/")
SCHEMA = Namespace("http://schema.org/")
ELSEWHERE = Namespace("http://example.org/elsewhere/")  # no prefix bound for it


def rdflib_turtle(triples) -> str:
    """What rdflib's serialiser writes for the triples, with the project's prefixes."""
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    bind(graph)
    return graph.serialize(format="turtle")


def test_every_graph_of_the_build_is_written_as_rdflib_writes_it(built):
    writer = TurtleText()
    names = built.store.graph_names()
    left = []
    for name in names:
        text = plain_turtle(writer, built.store.triples(name))
        if text is None:
            left.append(str(name).rsplit("/", 1)[-1])
            continue
        assert text == rdflib_turtle(built.store.triples(name)), name
    assert left == ["ontology"]  # its OWL lists are blank nodes
    assert len(names) == 9  # 3 articles, 3 candidates, entities, inferred, ontology


def test_the_trig_of_the_build_is_the_trig_rdflib_wrote(built):
    names = layer_graphs(built.store, "all") + layer_graphs(built.store, "candidates")
    blocks, prefixes = [], set()
    for name in sorted(names):
        lines = rdflib_turtle(built.store.triples(name)).splitlines()
        prefixes.update(line for line in lines if line.startswith("@prefix"))
        body = "\n".join(line for line in lines if not line.startswith("@prefix")).strip()
        blocks.append(f"<{name}> {{\n{body}\n}}\n")
    expected = "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)
    assert serialize_graphs(built.store, "trig", names) == expected.encode("utf-8")


EVENT, OTHER = ID["event/talks/2023-07-26/a"], ID["event/visit/2023-07-27/b"]
KINDS = [
    (EVENT, RDF.type, DIP.Talks),
    (EVENT, RDF.type, DIP.Event),
    (EVENT, RDFS.label, Literal("Talks", lang="en")),
    (EVENT, RDFS.label, Literal('Gespräche "über" Nord\nkorea', lang="de")),
    (EVENT, RDFS.comment, Literal('line one\nline two\n"quoted" \\ back')),
    (EVENT, DIP.date, Literal("2023-07-26", datatype=XSD.date)),
    (EVENT, DIP.beginIndex, Literal("5", datatype=XSD.nonNegativeInteger)),
    (EVENT, DIP.beginIndex, Literal("7", datatype=XSD.integer)),
    (EVENT, DIP.endIndex, Literal("-3", datatype=XSD.integer)),
    (EVENT, DIP.confidence, Literal("0.50", datatype=XSD.decimal)),
    (EVENT, DIP.confidence, Literal("1.0E1", datatype=XSD.double)),
    (EVENT, DIP.confidence, Literal("true", datatype=XSD.boolean)),
    (EVENT, DIP.confidence, Literal("x", datatype=ELSEWHERE.kind)),
    (EVENT, DIP.confidence, Literal("y", datatype=DIP.Event)),
    (EVENT, SCHEMA.url, URIRef("https://example.org/a(b)/c%zz")),
    (EVENT, SCHEMA.url, ID["country/russia"]),
    (EVENT, SCHEMA.url, ID["ends-with."]),
    (EVENT, SCHEMA.url, ELSEWHERE["thing"]),
    (EVENT, SCHEMA.url, URIRef("https://w3id.org/diplograph/id/")),
    (EVENT, DIP.participant, OTHER),
    (EVENT, DIP.participant, RDF.nil),
    (OTHER, RDF.type, DIP.Visit),
    (OTHER, SCHEMA.name, Literal("ünïcödé 北京 🙂")),
    (OTHER, SCHEMA.name, Literal("")),
]


def test_literals_and_names_of_every_kind_are_written_as_rdflib_writes_them():
    text = plain_turtle(TurtleText(), KINDS)
    assert text == rdflib_turtle(KINDS)
    assert "    dip:participant (),\n" in text  # rdf:nil
    assert '"x"^^<http://example.org/elsewhere/kind>,\n' in text  # a datatype without a prefix


@pytest.mark.parametrize(
    "extra",
    [
        (EVENT, DIP.subEventOf, BNode("b1")),
        (BNode("b2"), RDF.type, DIP.Talks),
        (EVENT, ELSEWHERE.madeUp, Literal("a predicate without a prefix")),
        (DIP.Talks, RDF.type, RDFS.Class),
    ],
    ids=["blank-object", "blank-subject", "unbound-predicate", "rdfs-class"],
)
def test_a_graph_only_rdflib_writes_so_is_left_to_it(extra):
    assert plain_turtle(TurtleText(), [*KINDS, extra]) is None


def test_a_language_tag_in_two_cases_is_one_term_as_in_rdflib():
    triples = [
        (EVENT, RDFS.label, Literal("Talks", lang="en-GB")),
        (EVENT, RDFS.label, Literal("Talks", lang="en-gb")),
    ]
    assert plain_turtle(TurtleText(), triples) == rdflib_turtle(triples)


def test_one_writer_writes_many_graphs_as_rdflib_writes_each():
    writer = TurtleText()
    first, second = KINDS[:12], KINDS[12:]
    for triples in (first, second, first):
        assert plain_turtle(writer, triples) == rdflib_turtle(triples)


def test_a_writer_takes_a_new_namespace_manager_every_few_iris(monkeypatch):
    import diplograph.turtle_text as turtle_text

    monkeypatch.setattr(turtle_text, "_RENEW", 3)
    writer = TurtleText()
    graphs = [[(ID[f"n{n}s{i}"], RDF.type, DIP.Sentence) for i in range(1, 3)] for n in range(4)]
    managers = []
    for triples in graphs:
        assert plain_turtle(writer, triples) == rdflib_turtle(triples)
        managers.append(writer._graph)
    # IRIs looked up: 2 subjects and dip:Sentence in the first graph, 2 subjects in each later
    # one; a new manager at the 4th (second graph) and the 7th (third graph)
    renewed = [managers[i] is not managers[i - 1] for i in range(1, len(managers))]
    assert renewed == [True, True, False]


ATTESTATION = ID["attestation/001855_810e40aec46fce0c/0-49-504f4fe46f"]


def test_an_iri_no_prefix_can_name_is_written_whole_without_asking_rdflib():
    writer = TurtleText()
    holding = ID["holding/joko-widodo/president-of-indonesia"]
    triples = [(holding, DIP.attestedBy, ATTESTATION), (holding, RDF.type, DIP.PositionHolding)]
    assert plain_turtle(writer, triples) == rdflib_turtle(triples)
    # the subject and the attestation are cut off below id: (".../holding/joko-widodo/",
    # ".../attestation/001855_810e40aec46fce0c/"), so no prefix names them and the namespace
    # manager is not asked
    assert writer._names[(str(ATTESTATION), False)] == (None, None)
    assert writer._names[(str(holding), False)] == (None, None)
    assert writer._looked_up == 2  # dip:attestedBy and dip:PositionHolding ("a": not asked)


@pytest.mark.parametrize(
    ("iri", "expected"),
    [
        (ATTESTATION, False),  # cut off at .../001855_810e40aec46fce0c/: no bound one below
        (ID["sentence/000000_18d6e1cac2a8adaf/s01"], False),
        (ID["country/russia"], False),  # cut off at .../country/
        (ID["russia"], True),  # cut off at .../id/, itself bound: id:russia
        (URIRef("https://w3id.org/diplograph/id/"), True),  # a bound namespace (not cut)
        (DIP.Talks, True),
        (SCHEMA.url, True),
        (ELSEWHERE["thing"], False),
        (URIRef("https://example.org/a(b)/c%zz"), False),
        (URIRef("http://example.org/"), True),  # split_uri cannot cut it: rdflib's path
    ],
)
def test_which_iris_are_left_to_rdflib_s_namespace_manager(iri, expected):
    assert TurtleText()._outside(iri) is not expected


IRI_TAILS = st.text(alphabet="aZ0_-./#%()é9", max_size=10)


@fuzz_settings(60, deadline_s=5)
@given(
    names=st.lists(
        st.tuples(st.sampled_from([str(ns) for ns in (ID, SCHEMA, ELSEWHERE, DIP)]), IRI_TAILS),
        min_size=1,
        max_size=12,
    )
)
def test_iris_of_random_shapes_get_the_names_rdflib_gives_them(names):
    iris = [URIRef(namespace + tail) for namespace, tail in names]
    triples = [(EVENT, DIP.participant, iri) for iri in iris] + [(iris[0], RDF.type, DIP.Talks)]
    writer, asked = TurtleText(), TurtleText()
    asked._outside = lambda uri: False  # every IRI asked of rdflib's namespace manager
    assert plain_turtle(writer, triples) == plain_turtle(asked, triples)
    text = plain_turtle(writer, triples)
    if text is not None:
        assert text == rdflib_turtle(triples)


def dump(path) -> list[str]:
    """Every quad of an on-disk store, internal graphs included, as sorted N-Quads lines."""
    store = pyoxigraph.Store.read_only(str(path))
    data = pyoxigraph.serialize(list(store), format=pyoxigraph.RdfFormat.N_QUADS)
    return sorted(data.decode("utf-8").splitlines())


def test_the_store_bulk_loaded_from_the_build_is_the_store_parsed_from_its_trig(built, tmp_path):
    names = layer_graphs(built.store, "all") + layer_graphs(built.store, "candidates")
    graph = serialize_graphs(built.store, "trig", names)
    write_store(tmp_path / "copied", built.store, names, graph)
    parsed = OxigraphStore(tmp_path / "parsed")
    parsed.parse(graph, "trig")
    parsed.add_graph(ONTOLOGY_GRAPH, built.store.graph(ONTOLOGY_GRAPH))
    for inference in (True, False):
        parsed.merge(analysis_names(parsed, inference))
    parsed.record_graphs()
    parsed.flush()
    del parsed
    copied, expected = dump(tmp_path / "copied"), dump(tmp_path / "parsed")
    assert copied == expected
    assert sum("urn:x-diplograph:store/literal>" in line for line in copied) == 319
    assert len(copied) > 11_000  # the seeds' build: every graph, internal ones included


def test_the_rdflib_engine_s_store_is_written_from_its_trig(built, tmp_path):
    reference = new_store("rdflib")
    names = layer_graphs(built.store, "all")
    for name in [*names, ONTOLOGY_GRAPH]:
        reference.add_graph(name, built.store.graph(name))
    write_store(tmp_path / "store", reference, names, serialize_graphs(reference, "trig", names))
    disk = OxigraphStore(tmp_path / "store", read_only=True)
    assert disk.graph_names() == sorted([*names, ONTOLOGY_GRAPH])


SUBJECTS = [EVENT, OTHER, ID["entity/person/kim-jong-un"], ID["country/russia"], DIP.Talks]
PREDICATES = [RDF.type, RDFS.label, RDFS.comment, DIP.participant, DIP.date, SCHEMA.name]
DATATYPES = [
    None,
    XSD.string,
    XSD.integer,
    XSD.nonNegativeInteger,
    XSD.decimal,
    XSD.double,
    XSD.boolean,
    XSD.date,
    ELSEWHERE.kind,
    DIP.Event,
]
LEXICAL = ["0", "-1", "01", "1.5", "1.0E1", "NaN", "true", "2023-07-26", "x", "", "a\nb", '"q"']


@st.composite
def literals(draw) -> Literal:
    """A literal of a random kind: text of any characters, a language, or a datatype."""
    if draw(st.booleans()):
        text = draw(st.text(max_size=12))
        lang = draw(st.sampled_from([None, "en", "EN-gb", "ru"]))
        return Literal(text, lang=lang)
    lexical, datatype = draw(st.sampled_from(LEXICAL)), draw(st.sampled_from(DATATYPES))
    if (lexical, datatype) == ("NaN", XSD.decimal):
        # rdflib's own writer cannot order a NaN decimal beside a number (decimal.InvalidOperation),
        # so there is nothing to compare with; no rule graph writes one (confidences are numbers)
        lexical = "1.5"
    return Literal(lexical, datatype=datatype)


terms = st.one_of(st.sampled_from(SUBJECTS + [RDF.nil, ELSEWHERE.thing]), literals())


@fuzz_settings(60, deadline_s=5)
@given(
    triples=st.lists(
        st.tuples(st.sampled_from(SUBJECTS), st.sampled_from(PREDICATES), terms), max_size=25
    )
)
def test_random_graphs_are_written_as_rdflib_writes_them(triples):
    text = plain_turtle(TurtleText(), triples)
    if text is not None:  # an rdfs:Class in the graph: left to rdflib
        assert text == rdflib_turtle(triples)
