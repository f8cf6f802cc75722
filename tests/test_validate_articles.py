"""Tests for diplograph.validate_articles: validating article by article gives exactly the rows
of validating the union at once, on every shape fixture (tests/data/shapes) and on the seeds.

Each fixture is loaded into a store the way a build spreads a corpus: base.ttl as the entities
graph, the fixture's triples scattered over two articles' graphs (by a hash of the triple), so
that some nodes are described by one article (validated with it) and others by several
(validated in the batch of shared nodes).
"""

from __future__ import annotations

import pickle
import zlib
from functools import cache
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import XSD

from diplograph.iris import (
    ENTITIES_GRAPH,
    ONTOLOGY_GRAPH,
    article_graph_iri,
    rules_graph_iri,
)
from diplograph.namespaces import DIP
from diplograph.shaclgate import validator
from diplograph.store import Store, layer_graphs, new_store
from diplograph.tripletable import TripleTable
from diplograph.validate import ReportRow, ValidationReport, validate
from diplograph.validate_articles import (
    GraphCopies,
    UnitGraphs,
    _holders,
    _index,
    _shared_chunks,
    _shared_triples,
    _units,
    described,
    inverse_predicates,
    revalidate,
    rows_about_nodes,
    unit_key,
    unsplittable,
    validate_article,
    validate_store,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "shapes"
BASE = DATA / "base.ttl"
VALID = sorted((DATA / "valid").glob("*.ttl"))
INVALID = sorted((DATA / "invalid").glob("*.ttl"))
ARTICLES = (article_graph_iri("a"), rules_graph_iri("b"))


@cache
def base() -> Graph:
    """The fixtures' shared context, parsed once."""
    return Graph().parse(BASE)


def spread(fixture: Path | None) -> Store:
    """A store holding base.ttl as the entities and the fixture over two articles' graphs."""
    store = new_store()
    store.add_graph(ENTITIES_GRAPH, base())
    if fixture is not None:
        for triple in Graph().parse(fixture, format="turtle"):
            line = " ".join(term.n3() for term in triple)
            store.add_graph(ARTICLES[zlib.crc32(line.encode("utf-8")) % 2], [triple])
    return store


def both(store: Store, ontology: Graph, shapes: Graph, size: int = 20_000):
    """The rows of the union at once and of article by article."""
    names = layer_graphs(store, "asserted")
    at_once = validate(store.union(names), ontology, shapes)
    by_article = validate_store(store, names, ontology, shapes, size=size)
    return at_once, by_article


def shared(store: Store, ontology: Graph, shapes: Graph) -> set:
    """The nodes more than one unit describes."""
    inverse, owner, found = inverse_predicates(shapes), {}, set()
    units = [(unit_key(n), store.graph(n)) for n in layer_graphs(store, "asserted")]
    for key, graph in [*units, ("ontology", ontology)]:
        for node in described(graph, inverse):
            if owner.setdefault(node, key) != key:
                found.add(node)
    return {str(node) for node in found}


@cache
def spread_fixture(path: Path) -> Store:
    """`spread(path)`, once per test run: read it, never change it."""
    return spread(path)


@cache
def fixture_rows(path: Path, ontology: Graph, shapes: Graph, shape_report):
    """Both reports of a fixture spread over the graphs, and the nodes several graphs share
    (once per test run). The union's report is conftest's `shape_report` (made once per test
    run for this file, test_validate.py and test_shaclgate.py), of the same triples."""
    store = spread_fixture(path)
    names = layer_graphs(store, "asserted")
    union = set(store.union(names))
    assert union == set(base()) | set(Graph().parse(path, format="turtle"))
    at_once = shape_report(path, validator())  # validate(store.union(names), ontology, shapes)
    by_article = validate_store(store, names, ontology, shapes, size=20_000)
    return at_once, by_article, shared(store, ontology, shapes)


# ---------------------------------------------------------------------------- every fixture


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_gives_the_same_rows_both_ways(
    path: Path, ontology, shapes, shape_report
) -> None:
    at_once, by_article, _ = fixture_rows(path, ontology, shapes, shape_report)
    assert by_article == at_once
    assert len(by_article.rows) == 1 and not by_article.conforms  # the fixture's one result


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_fixture_conforms_both_ways(path: Path, ontology, shapes, shape_report) -> None:
    at_once, by_article, _ = fixture_rows(path, ontology, shapes, shape_report)
    assert by_article == at_once
    assert by_article.rows == () and by_article.conforms


def test_the_fixtures_exercise_local_and_shared_nodes(ontology, shapes, shape_report) -> None:
    """Of the invalid fixtures' one result each, some are about a node one article describes,
    others about a node described by several graphs (the batch of shared nodes)."""
    where = {"local": 0, "shared": 0}
    for path in INVALID:
        _, by_article, nodes = fixture_rows(path, ontology, shapes, shape_report)
        (row,) = by_article.rows
        where["shared" if row.focus in nodes else "local"] += 1
    assert where == {"local": 29, "shared": 127}


def test_small_batches_give_the_same_rows(ontology, shapes) -> None:
    """Many invalid fixtures at once, in batches of 50 triples."""
    store = spread(None)
    for number, path in enumerate(INVALID[::4]):
        for triple in Graph().parse(path, format="turtle"):
            store.add_graph(article_graph_iri(f"x{number % 7}"), [triple])
    at_once, by_article = both(store, ontology, shapes, size=50)
    assert by_article == at_once
    assert len(by_article.rows) >= len(INVALID[::4])


# ---------------------------------------------------------------------------- the seeds


def test_the_seeds_give_the_same_rows(built, ontology, shapes) -> None:
    """The seeds conform both ways; broken across articles, they give the same rows: one
    article's attestations dropped (events still attested by another article are not
    reported), one event given a second date in another article (maxCount across graphs)."""
    store = new_store()
    for name in layer_graphs(built.store, "asserted"):
        store.add_graph(name, built.store.graph(name))
    at_once, by_article = both(store, ontology, shapes)
    assert by_article == at_once and by_article.conforms
    first, second = [n for n in store.graph_names() if "/graph/article/" in n][:2]
    graph = store.graph(first)
    store.remove_graph(first)
    store.add_graph(first, [t for t in graph if t[1] != DIP.attests])
    event = next(iter(store.graph(second).subjects(DIP.date, None)))
    store.add_graph(first, [(event, DIP.date, Literal("1999-01-01", datatype=XSD.date))])
    at_once, by_article = both(store, ontology, shapes)
    assert by_article == at_once
    paths = {row.path for row in by_article.rows}
    assert {"^dip:attests", "dip:attests", "dip:date"} <= paths
    assert str(event) in {row.focus for row in by_article.rows if row.path == "dip:date"}


# ---------------------------------------------------------------------------- the parts


def test_the_project_shapes_can_be_split(shapes) -> None:
    assert unsplittable(shapes) is None
    assert inverse_predicates(shapes) == {DIP.attests}


SEQUENCE = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix dip: <https://w3id.org/diplograph/ontology#> .
<urn:x-test:visit> a sh:NodeShape ; sh:targetClass dip:Visit ;
    sh:property [ sh:path ( dip:place dip:locatedIn ) ; sh:minCount 1 ] ."""
NODE = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix dip: <https://w3id.org/diplograph/ontology#> .
<urn:x-test:visit> a sh:NodeShape ; sh:targetClass dip:Visit ;
    sh:property <urn:x-test:visit-traveller> .
<urn:x-test:visit-traveller> sh:path dip:traveller ; sh:node <urn:x-test:named> .
<urn:x-test:named> a sh:NodeShape ; sh:property <urn:x-test:named-label> .
<urn:x-test:named-label> sh:path dip:text ; sh:minCount 1 ."""


@pytest.mark.parametrize(
    ("text", "reason"),
    [(SEQUENCE, "the path of "), (NODE, "sh:node")],
    ids=["sequence-path", "sh:node"],
)
def test_other_shapes_are_validated_at_once(text: str, reason: str, ontology) -> None:
    """A shape that reaches past a node's description (a sequence path, sh:node) is not
    split; the rows stay the union's."""
    shapes = Graph().parse(data=text, format="turtle")
    assert unsplittable(shapes).startswith(reason)
    store = spread(DATA / "invalid" / "VisitShape--missing-place.ttl")
    at_once, by_article = both(store, ontology, shapes)
    assert by_article == at_once and len(by_article.rows) == 1


def test_validate_article_is_picklable_and_keeps_its_own_nodes(ontology, shapes) -> None:
    """What a worker process gets and returns pickles; the rows are about the article's nodes
    only, not the context's."""
    fixture = DATA / "invalid" / "VisitShape--missing-place.ttl"
    data = Graph().parse(fixture, format="turtle")
    context = list(base()) + list(ontology)
    arguments = pickle.loads(pickle.dumps((data, context, shapes)))
    rows = pickle.loads(pickle.dumps(validate_article(*arguments)))
    assert [(r.focus, r.path) for r in rows] == [
        ("https://w3id.org/diplograph/id/event/visit-no-place", "dip:place")
    ]
    assert isinstance(rows[0], ReportRow)
    # base.ttl conforms with the class hierarchy (a dip:City is a dip:Place), not without it
    hierarchy = list(ontology.triples((None, RDFS.subClassOf, None)))
    assert validate_article(base(), hierarchy, shapes) == ()
    alone = validate_article(base(), [], shapes)
    assert {row.component for row in alone} == {"sh:ClassConstraintComponent"}
    assert len(alone) == 4


def test_the_ontology_graph_is_no_unit_of_the_data(built) -> None:
    assert ONTOLOGY_GRAPH not in layer_graphs(built.store, "asserted")
    assert unit_key(article_graph_iri("s")) == unit_key(rules_graph_iri("s")) == "article s"


def test_the_ontology_counts_as_pyshacl_mixes_it(ontology, shapes) -> None:
    """pySHACL mixes in the ontology's axioms only (classes, properties, named individuals),
    not its other triples: an individual declared there is validated once, a node it merely
    types is not, both ways."""
    person = URIRef("https://w3id.org/diplograph/id/person/in-the-ontology")
    place = URIRef("https://w3id.org/diplograph/id/city/in-the-ontology")
    extended = Graph()
    extended += ontology
    extended.add((person, RDF.type, DIP.Person))
    extended.add((person, RDF.type, OWL.NamedIndividual))
    extended.add((place, RDF.type, DIP.City))
    store = spread(None)
    store.add_graph(article_graph_iri("a"), [(place, DIP.locatedIn, person)])
    at_once, by_article = both(store, extended, shapes)
    assert by_article == at_once
    assert [(row.focus, row.path) for row in by_article.rows] == [(str(person), "rdfs:label")]


# ---------------------------------------------------------------------------- the gate's text


def no_graph(*args, **kwargs):
    """Stands in for the functions that build rdflib graphs of the data: must not be called."""
    raise AssertionError("an rdflib graph was built for the gate")


@pytest.mark.parametrize(
    "name", ["validate_articles._local_data", "validate_articles._shared_data"]
)
def test_a_conforming_store_builds_no_batch_graph(name, monkeypatch, ontology, shapes) -> None:
    """With the `shacl` validator a batch the engine finds nothing in is given to it as
    N-Triples written from the units' triples: no graph of the batch is made. The fixture has
    both local and shared batches."""
    monkeypatch.setenv("DIPLOGRAPH_VALIDATOR", "shacl")
    monkeypatch.setattr(f"diplograph.{name}", no_graph)
    store = spread(DATA / "valid" / "every-class.ttl")
    assert shared(store, ontology, shapes)  # a shared batch, as well as local ones
    report = validate_store(store, layer_graphs(store, "asserted"), ontology, shapes, size=50)
    assert report == ValidationReport(conforms=True, rows=())


def test_a_batch_the_gate_finds_something_in_gets_pyshacls_rows(monkeypatch, ontology, shapes):
    """Where the engine finds something, the batch's graph is built and pySHACL's rows are
    the report's, as with `--validator pyshacl`."""
    store = spread(None)
    for number, path in enumerate(INVALID[::9]):
        for triple in Graph().parse(path, format="turtle"):
            store.add_graph(article_graph_iri(f"x{number % 5}"), [triple])
    names = layer_graphs(store, "asserted")
    monkeypatch.setenv("DIPLOGRAPH_VALIDATOR", "pyshacl")
    oracle = validate_store(store, names, ontology, shapes, size=200)
    monkeypatch.setenv("DIPLOGRAPH_VALIDATOR", "shacl")
    assert validate_store(store, names, ontology, shapes, size=200) == oracle
    assert len(oracle.rows) == 18


def test_a_units_graphs_are_read_together_not_merged() -> None:
    """An article's graph and its rule layer are one unit, read through both graphs (no graph
    of the two merged is made): its size counts a triple of both graphs once, a pattern finds
    the triples of both."""
    store = new_store()
    a, b, c = (URIRef(f"https://w3id.org/diplograph/id/x/{n}") for n in "abc")
    store.add_graph(article_graph_iri("u"), [(a, RDF.type, DIP.Visit), (a, DIP.place, b)])
    store.add_graph(rules_graph_iri("u"), [(a, RDF.type, DIP.Visit), (c, DIP.place, b)])
    copies = GraphCopies(store)
    unit = copies.unit([article_graph_iri("u"), rules_graph_iri("u")])
    assert isinstance(unit, UnitGraphs) and len(unit) == 3
    assert set(unit) == {(a, RDF.type, DIP.Visit), (a, DIP.place, b), (c, DIP.place, b)}
    assert sorted(unit.objects(None, DIP.place)) == [b, b]
    assert sorted(unit.subject_objects(RDF.type)) == [(a, DIP.Visit), (a, DIP.Visit)]
    assert described(unit, {DIP.place}) == {a, b, c}


def test_the_stage_reads_each_graph_once_into_a_compact_table() -> None:
    """The graphs the validation stages keep for their whole run are triple tables (a tenth
    of an rdflib graph's memory), holding the graph's triples."""
    from diplograph.store import new_store
    from diplograph.tripletable import TripleTable
    from diplograph.validate_articles import GraphCopies

    name = URIRef("urn:x-test:graph/a")
    triple = (URIRef("urn:x-test:s"), RDF.type, URIRef("urn:x-test:C"))
    store = new_store("oxigraph")
    store.add_graph(name, [triple])
    copies = GraphCopies(store)
    copy = copies.graph(name)
    assert type(copy) is TripleTable and list(copy) == [triple] and copies.graph(name) is copy


# ---------------------------------------------------------------------------- shared batches


def test_a_shared_batch_reads_only_the_units_that_describe_its_nodes(ontology, shapes) -> None:
    """A shared chunk's triples, read from the units that describe its nodes (`_holders`),
    are those that going through every unit gives, in the same order: on all the fixtures
    spread over six articles, in chunks of every size."""
    store = spread(None)
    fixtures = [*VALID, *INVALID]
    for number, path in enumerate(fixtures):
        for triple in Graph().parse(path, format="turtle"):
            store.add_graph(article_graph_iri(f"x{number % 6}"), [triple])
    inverse = inverse_predicates(shapes)
    units = _units(GraphCopies(store), layer_graphs(store, "asserted"))
    nodes_of, shared_nodes, _, _ = _index(units, inverse)
    holders = _holders(units, nodes_of, shared_nodes)
    # 21 since the fixture topic-instead-of-content.ttl (its nodes recur in other fixtures)
    assert len(shared_nodes) == 21 and max(len(h) for h in holders.values()) == 6
    for size in (50, 500, 20_000):
        for chunk in [
            *_shared_chunks(shared_nodes, size),
            *_shared_chunks(shared_nodes, size, holders),
        ]:
            every_unit = [
                triple
                for key, graph in units
                for node in nodes_of[key] & chunk
                for pattern in [(node, None, None)] + [(None, p, node) for p in inverse]
                for triple in graph.triples(pattern)
            ]
            assert list(_shared_triples(units, nodes_of, chunk, inverse, holders)) == every_unit


def test_shared_nodes_that_many_units_describe_are_spread_over_chunks() -> None:
    """With the units that describe each node, a chunk also closes at `size` / 10 descriptions:
    a node described by 50 units (500 triples or so) is a chunk of its own, where by count alone
    it went with the next node."""
    a, b, c, d, e = (URIRef(f"urn:x-test:{name}") for name in "abcde")
    holders = {a: [0], b: [1], c: list(range(50)), d: [2], e: [3]}
    assert _shared_chunks({a, b, c, d, e}, 100) == [{a, b}, {c, d}, {e}]
    assert _shared_chunks({a, b, c, d, e}, 100, holders) == [{a, b}, {c}, {d, e}]


# ---------------------------------------------------------------------------- the conflict loop


def fixtures_store(paths: list[Path]) -> Store:
    """base.ttl as the entities, and each fixture's triples spread over three articles' graphs
    and their rule graphs (by a digest of the triple: the same spread each run)."""
    store = spread(None)
    for path in paths:
        for triple in Graph().parse(path, format="turtle"):
            digest = zlib.crc32(" ".join(term.n3() for term in triple).encode("utf-8"))
            iri = (article_graph_iri, rules_graph_iri)[digest % 2]
            store.add_graph(iri(f"r{digest % 3}"), [triple])
    return store


@pytest.mark.parametrize("part", range(4))
def test_validating_again_after_setting_aside_gives_the_rows_of_the_union_left(
    part, ontology, shapes
) -> None:
    """After rule graphs are set aside, the rows kept from the run before for the nodes the
    loss cannot touch and those found again for the nodes it can are the rows of validating
    what is left (and of the union at once): each rule graph and all three set aside in turn,
    over a quarter of the shape fixtures at a time (valid and invalid)."""
    store = fixtures_store([*VALID, *INVALID][part::4])
    names = layer_graphs(store, "asserted")
    copies = GraphCopies(store)
    before = validate_store(store, names, ontology, shapes, size=300, copies=copies)
    rules = [n for n in names if n.startswith(str(rules_graph_iri("")))]
    assert len(rules) == 3 and len(before.rows) > 3
    changed = 0
    for aside in [[name] for name in rules] + [rules]:
        left = [n for n in names if n not in aside]
        lost = [triple for name in aside for triple in copies.graph(name)]
        again = revalidate(before, left, lost, copies, ontology, shapes)
        wanted = validate_store(store, left, ontology, shapes, size=300)
        assert again == wanted
        assert again == validate(store.union(left), ontology, shapes)
        changed += again != before
    assert changed == 4  # every loss gains or loses rows
    nothing = revalidate(before, names, [], copies, ontology, shapes)
    assert nothing == before


def test_a_lost_class_hierarchy_asks_for_the_union_again(ontology, shapes) -> None:
    """A rule graph that set aside an rdfs:subClassOf triple reaches every node: None."""
    store = fixtures_store(VALID[:2])
    names = layer_graphs(store, "asserted")
    copies = GraphCopies(store)
    before = validate_store(store, names, ontology, shapes, copies=copies)
    lost = [(DIP.Visit, RDFS.subClassOf, DIP.Event)]
    assert revalidate(before, names, lost, copies, ontology, shapes) is None


# ---------------------------------------------------------------------------- some nodes


def union_match(store: Store):
    """A pattern over the union of the store's asserted graphs, each triple once, and the
    patterns asked of it (as the incremental build's `union_matcher`)."""
    union = TripleTable(store.union(layer_graphs(store, "asserted")))
    asked: list[tuple] = []

    def match(s, p, o):
        """The union's triples of a pattern."""
        asked.append((s, p, o))
        return union.triples((s, p, o))

    return match, asked, union


@cache
def fixture_union(path: Path, shapes: Graph) -> tuple[TripleTable, frozenset]:
    """The union of the fixture spread over the graphs (`union_match`'s table) and the nodes
    it describes: once per fixture, read by the tests of both engines."""
    _, _, union = union_match(spread_fixture(path))
    return union, frozenset(described(union, inverse_predicates(shapes)))


@pytest.mark.parametrize("engine", ["shacl", "pyshacl"])
@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_rows_about_the_fixtures_nodes_are_the_unions(
    path: Path, engine: str, monkeypatch, ontology, shapes, shape_report
) -> None:
    """The rows about every node the fixture describes, each node validated with what the
    shapes read of it (shapereach.py), are the rows of the union at once: the one result of
    the fixture, with the gate and with pySHACL alone."""
    monkeypatch.setenv("DIPLOGRAPH_VALIDATOR", engine)
    at_once, _, _ = fixture_rows(path, ontology, shapes, shape_report)
    union, nodes = fixture_union(path, shapes)
    match = lambda s, p, o: union.triples((s, p, o))  # noqa: E731
    found = rows_about_nodes(nodes, match, shapes, ontology, None, lambda: set())
    assert tuple(sorted(found)) == at_once.rows and len(found) == 1


def test_rows_about_a_holding_read_no_attestations_types(ontology, shapes) -> None:
    """A position holding that many attestations point at (`^dip:attests`, read by
    sh:minCount alone) is validated without asking the types of the attestations: only its
    own and those of the values of the paths a shape with sh:class walks (its holder and its
    position); with none of those types missing, a holder that is no person is still found."""
    store = spread(None)
    holding = URIRef("https://w3id.org/diplograph/id/holding/x")
    person, position = URIRef("https://example.org/p"), URIRef("https://example.org/pos")
    triples = [
        (holding, RDF.type, DIP.PositionHolding),
        (holding, DIP.holder, person),
        (holding, DIP.position, position),
        (person, RDF.type, DIP.Organisation),
        (position, RDF.type, DIP.Position),
    ]
    attestations = [URIRef(f"https://example.org/a{n}") for n in range(5)]
    triples += [(a, DIP.attests, holding) for a in attestations]
    triples += [(a, RDF.type, DIP.Attestation) for a in attestations]
    store.add_graph(article_graph_iri("h"), triples)
    match, asked, _ = union_match(store)
    found = rows_about_nodes({holding}, match, shapes, ontology, None, lambda: set())
    types_asked = {s for s, p, o in asked if p == RDF.type and o is None}
    assert types_asked == {holding, person, position}
    assert [(row.focus, row.path, row.component) for row in found] == [
        (str(holding), "dip:holder", "sh:ClassConstraintComponent")
    ]
