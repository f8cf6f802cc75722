"""Validation stage, article by article: reads a store's asserted graphs, the ontology and the
SHACL shapes; returns the rows that validating their union at once gives (validate.validate),
at a cost linear in the data.

Why the union can be split. With core SHACL, simple paths and no inference, the results about a
focus node depend only on its *description*: the triples it is the subject of, the triples
that point at it through an inverse path of a shape (`^dip:attests`), and the types (with
`rdfs:subClassOf`) of the nodes it names (`sh:class`). `unsplittable` reads the shapes and
refuses anything else (`sh:node`, sequence paths, SPARQL constraints, `sh:targetNode`...), in
which case the union is validated at once.

So the graphs are grouped in units (an article's graph with its rule layer, the entities
graph). A node described within one unit is validated with that unit (`validate_article`),
given from outside only the types of the nodes the unit names and the data's own
rdfs:subClassOf triples; the ontology's axioms are mixed into every run as pySHACL mixes them
into the union. A node described by several units (one event that several articles report,
an entity an article adds to) is validated once, in a batch holding its whole description
gathered from every unit. Units are validated in batches of about `BATCH_TRIPLES` triples
(pySHACL's own set-up is about 17 ms a run), each run checking only the focus nodes it owns;
with several jobs the batches are smaller (two or more a job) and run in forked worker
processes (parallel.map_calls), which inherit the units and build each batch themselves, so
only a batch's number and its rows cross the pipes. The rows do not depend on the batches.
With the `shacl` validator a batch is first given to the gate as N-Triples written from the
units' triples (shaclgate.nt_text), and its rdflib graph is built only where the gate finds
something, for pySHACL.
tests/test_validate_articles.py proves the rows equal on every shape fixture.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from itertools import chain

from rdflib import RDF, RDFS, BNode, Graph, URIRef
from rdflib.term import Node

from diplograph.iris import ARTICLE_GRAPHS, RULES_GRAPHS
from diplograph.memory import collector_paused
from diplograph.parallel import map_calls
from diplograph.shaclgate import finds_in_text, nt_text, validator
from diplograph.shapereach import read_triples, shape_reach, typed_nodes
from diplograph.store import Store
from diplograph.tripletable import TripleTable
from diplograph.validate import SH, ReportRow, ValidationReport, shacl_rows, validate

log = logging.getLogger(__name__)

BATCH_TRIPLES = 20_000  # triples of data per pySHACL run
# The SHACL terms whose results depend on a focus node's description only.
_LOCAL_TERMS = frozenset(
    SH[name]
    for name in (
        "NodeShape PropertyShape targetClass targetSubjectsOf property path inversePath "
        "minCount maxCount datatype nodeKind in minLength maxLength pattern flags languageIn "
        "uniqueLang minInclusive maxInclusive minExclusive maxExclusive class hasValue "
        "lessThan lessThanOrEquals equals disjoint message severity name description order "
        "group deactivated IRI BlankNode Literal BlankNodeOrIRI BlankNodeOrLiteral IRIOrLiteral "
        "Violation Warning Info "
        "or"  # of member shapes that are themselves local ("a content or a topic"): each term
        # of the members is checked here like any other
    ).split()
)


def unsplittable(shapes: Graph) -> str | None:
    """Why the shapes cannot be checked node description by node description (None: they can):
    the first SHACL term or path outside the local subset, prefixed."""
    for s, p, o in sorted(shapes):
        for term in (p, o):
            if isinstance(term, URIRef) and term.startswith(str(SH)) and term not in _LOCAL_TERMS:
                return f"sh:{term.removeprefix(str(SH))}"
        if p == SH.path and not isinstance(o, URIRef):
            inverse = shapes.value(o, SH.inversePath)
            if not isinstance(inverse, URIRef) or len(list(shapes.predicate_objects(o))) != 1:
                return f"the path of {s.n3()} (a path other than p or ^p)"
    return None


def inverse_predicates(shapes: Graph) -> frozenset[URIRef]:
    """The predicates that shapes walk backwards (sh:inversePath): a triple of one points at
    the node it describes."""
    return frozenset(o for o in shapes.objects(None, SH.inversePath) if isinstance(o, URIRef))


def described(graph: Unit, inverse: Collection[URIRef]) -> set[Node]:
    """The nodes a graph describes: its subjects and the objects of its inverse-path triples."""
    nodes: set[Node] = set(graph.subjects())
    for predicate in inverse:
        nodes.update(o for o in graph.objects(None, predicate) if isinstance(o, URIRef | BNode))
    return nodes


def validate_article(
    data: Graph,
    context: Iterable[tuple[Node, Node, Node]],
    shapes: Graph,
    sources: Mapping[Node, str] | None = None,
    focus: Collection[Node] | None = None,
    ontology: Graph | None = None,
) -> tuple[ReportRow, ...]:
    """The SHACL rows about the nodes one article's data describes (or about `focus`), sorted:
    `data` is the article's graphs, `context` what its shapes need from outside the article
    and the ontology (the types of the nodes it names and the data's own rdfs:subClassOf
    triples, see `context_for`), `ontology` mixed in as pySHACL mixes it (its axioms). Picklable
    in and out, so it can run in a worker process; exact for every node whose description is
    all in `data`."""
    graph = Graph()
    for triple in data:
        graph.add(triple)
    keep = set(data.subjects()) if focus is None else focus
    return _validate_with(graph, context, shapes, sources, keep, ontology)


def _validate_with(
    graph: Graph,
    context: Iterable[tuple[Node, Node, Node]],
    shapes: Graph,
    sources: Mapping[Node, str] | None,
    focus: Collection[Node],
    ontology: Graph | None,
) -> tuple[ReportRow, ...]:
    """Add the context to a graph of one run (it is the run's own) and validate it, with the
    ontology's axioms mixed in as the union's validation mixes them."""
    for triple in list(context):
        graph.add(triple)
    blank = [node for node in focus if isinstance(node, BNode)]
    if not any(_targeted(graph, shapes, node) for node in blank):
        focus = {node for node in focus if isinstance(node, URIRef)}  # pySHACL's focus: IRIs
    _, rows = shacl_rows(graph, shapes, ontology, sources, focus, own=True)
    return tuple(sorted(rows))


def _text(node: Node) -> str:
    """A node as report rows write it."""
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def _targeted(graph: Graph, shapes: Graph, node: Node) -> bool:
    """Whether a shape targets the node in this graph: the subject of a sh:targetSubjectsOf
    predicate, or an instance (through rdfs:subClassOf) of a sh:targetClass."""
    if any((node, p, None) in graph for p in shapes.objects(None, SH.targetSubjectsOf)):
        return True
    targets = set(shapes.objects(None, SH.targetClass))
    kinds = graph.objects(node, RDF.type)
    return any(targets.intersection(graph.transitive_objects(k, RDFS.subClassOf)) for k in kinds)


def context_for(
    data: Iterable[tuple[Node, Node, Node]], types: Mapping[Node, Collection[Node]], classes: Graph
) -> Iterator[tuple[Node, Node, Node]]:
    """What the shapes need from outside a unit's data besides the ontology: the types (from
    every graph) of the nodes it names, and the data's own rdfs:subClassOf triples."""
    yield from classes
    named = {t for triple in data for t in (triple[0], triple[2]) if isinstance(t, URIRef | BNode)}
    for node in named:
        for kind in types.get(node, ()):
            yield node, RDF.type, kind


def unit_key(name: URIRef) -> str:
    """The unit a named graph belongs to: an article's graph and its rule layer share one.

    >>> unit_key(URIRef("https://w3id.org/diplograph/id/graph/rules/000_x"))
    'article 000_x'
    """
    for prefix in (ARTICLE_GRAPHS, RULES_GRAPHS):
        if name.startswith(prefix):
            return f"article {name.removeprefix(prefix)}"
    return str(name)


class GraphCopies:
    """Copies of a store's graphs, each read once for the whole validation stage (the rule
    graphs' check, every run of the batches, the conflict scan) into a compact table: between
    the reads a build only removes graphs, so a copy of a graph still in the store is still
    its data."""

    def __init__(self, store: Store) -> None:
        """No copy yet."""
        self.store = store
        self.graphs: dict[URIRef, TripleTable] = {}
        self.units: dict[tuple[URIRef, ...], UnitGraphs] = {}

    def graph(self, name: URIRef) -> TripleTable:
        """The graph `name`, read on first use into a compact table (tripletable.py), with the
        cyclic collector paused: every object the read makes lives on (and none is a cycle),
        so each full collection it triggered walked every copy read so far, for nothing (2 of
        the 5 CPU s of reading the copies at 1,000 articles)."""
        if (graph := self.graphs.get(name)) is None:
            with collector_paused():
                graph = self.graphs[name] = TripleTable(self.store.triples(name))
        return graph

    def unit(self, members: Sequence[URIRef]) -> TripleTable | UnitGraphs:
        """The union of a unit's graphs: the one graph itself, or its graphs read through
        together (not merged into a graph of their own: copying them again cost as much as
        reading them from the store); not to be changed."""
        if len(members) == 1:
            return self.graph(members[0])
        if (unit := self.units.get(tuple(members))) is None:
            unit = self.units[tuple(members)] = UnitGraphs([self.graph(n) for n in members])
        return unit


class UnitGraphs:
    """Several graphs read as their union, for what the validation asks of a unit: its
    triples, those matching a pattern (a triple in two of the graphs may come twice), the
    nodes of some triples, and its size (each triple once)."""

    def __init__(self, graphs: Sequence[Graph | TripleTable]) -> None:
        """The graphs, in the order their triples are read."""
        self.graphs = tuple(graphs)
        self.size = sum(len(g) for g in graphs) - sum(
            1 for i, g in enumerate(graphs) for t in g if any(t in h for h in graphs[:i])
        )

    def __len__(self) -> int:
        """The triples of the union, each once."""
        return self.size

    def __iter__(self) -> Iterator[tuple[Node, Node, Node]]:
        """Every triple of every graph."""
        return self.triples((None, None, None))

    def triples(
        self, pattern: tuple[Node | None, Node | None, Node | None]
    ) -> Iterator[tuple[Node, Node, Node]]:
        """The triples of every graph that match a pattern."""
        for graph in self.graphs:
            yield from graph.triples(pattern)

    def subjects(self) -> Iterator[Node]:
        """The subject of every triple."""
        return (s for s, _, _ in self)

    def objects(self, subject: None, predicate: Node) -> Iterator[Node]:
        """The objects of a predicate's triples."""
        return (o for _, _, o in self.triples((subject, predicate, None)))

    def subject_objects(self, predicate: Node) -> Iterator[tuple[Node, Node]]:
        """The subjects and objects of a predicate's triples."""
        return ((s, o) for s, _, o in self.triples((None, predicate, None)))


Unit = Graph | TripleTable | UnitGraphs  # a unit's data: one graph, or several read together


def _units(copies: GraphCopies, names: Sequence[URIRef]) -> list[tuple[str, Unit]]:
    """The units' data, in order of their keys (the graphs of one unit merged)."""
    grouped: dict[str, list[URIRef]] = {}
    for name in names:
        grouped.setdefault(unit_key(name), []).append(name)
    return [(key, copies.unit(members)) for key, members in sorted(grouped.items())]


def _index(
    units: Iterable[tuple[str, Unit]], inverse: Collection[URIRef]
) -> tuple[dict[str, set[Node]], set[Node], dict[Node, set[Node]], Graph]:
    """What each unit describes, the nodes several units describe, every node's types and the
    class hierarchy."""
    nodes_of: dict[str, set[Node]] = {}
    owner: dict[Node, str] = {}
    shared: set[Node] = set()
    types: dict[Node, set[Node]] = {}
    classes = Graph()
    for key, graph in units:
        nodes_of[key] = described(graph, inverse)
        for node in nodes_of[key]:
            if owner.setdefault(node, key) != key:
                shared.add(node)
        for node, kind in graph.subject_objects(RDF.type):
            types.setdefault(node, set()).add(kind)
        for triple in graph.triples((None, RDFS.subClassOf, None)):
            classes.add(triple)
    return nodes_of, shared, types, classes


def _local_batches(
    units: Sequence[tuple[str, Unit]], nodes_of: dict[str, set[Node]], shared: set[Node], size: int
) -> list[tuple[list[int], set[Node]]]:
    """The units in batches of about `size` triples (their positions in `units`), each with the
    nodes it alone describes."""
    batches: list[tuple[list[int], set[Node]]] = []
    members: list[int] = []
    focus: set[Node] = set()
    triples = 0
    for position, (key, graph) in enumerate(units):
        members.append(position)
        focus |= nodes_of[key] - shared
        triples += len(graph)
        if triples >= size:
            batches.append((members, focus))
            members, focus, triples = [], set(), 0
    if members:
        batches.append((members, focus))
    return batches


def _local_data(units: Sequence[tuple[str, Unit]], members: Iterable[int]) -> Graph:
    """The union of some units' graphs, as a graph of its own."""
    data = Graph()
    for position in members:
        data += units[position][1]
    return data


TRIPLES_A_HOLDER = 10  # about what one unit says of a shared node, for chunking


def _shared_chunks(
    shared: set[Node], size: int, holders: Mapping[Node, Collection[int]] | None = None
) -> list[set[Node]]:
    """The shared nodes in chunks of about `size` / 50 (a node's description from every unit is
    about 50 triples), and, given `holders` (the units that describe each node), of at most
    `size` / TRIPLES_A_HOLDER descriptions by a unit: the nodes that many articles describe
    (sorted by IRI, they fall together) are spread over chunks instead of making one batch that
    grows with the corpus (218,068 triples for 137 nodes at 3,000 articles). A node described by
    more units is a chunk of its own."""
    ordered = sorted(shared, key=lambda node: (isinstance(node, BNode), str(node)))
    step = max(1, size // 50)
    if holders is None:
        return [set(ordered[start : start + step]) for start in range(0, len(ordered), step)]
    budget = max(1, size // TRIPLES_A_HOLDER)
    chunks: list[set[Node]] = []
    chunk: set[Node] = set()
    weight = 0
    for node in ordered:
        held = len(holders.get(node, ()))
        if chunk and (len(chunk) == step or weight + held > budget):
            chunks.append(chunk)
            chunk, weight = set(), 0
        chunk.add(node)
        weight += held
    if chunk:
        chunks.append(chunk)
    return chunks


def _shared_data(
    units: Sequence[tuple[str, Unit]],
    nodes_of: dict[str, set[Node]],
    chunk: set[Node],
    inverse: Collection[URIRef],
    holders: Mapping[Node, Collection[int]],
) -> Graph:
    """The whole description of some shared nodes, from every unit."""
    data = Graph()
    for triple in _shared_triples(units, nodes_of, chunk, inverse, holders):
        data.add(triple)
    return data


def _shared_triples(
    units: Sequence[tuple[str, Unit]],
    nodes_of: dict[str, set[Node]],
    chunk: set[Node],
    inverse: Collection[URIRef],
    holders: Mapping[Node, Collection[int]],
) -> Iterator[tuple[Node, Node, Node]]:
    """The triples of `_shared_data`, in its order, without making a graph: unit by unit (in
    their order), only the units that describe a node of the chunk (`holders`: the positions
    of the units that describe each shared node; going through every unit for every chunk
    cost time in the square of the corpus)."""
    for position in sorted({p for node in chunk for p in holders[node]}):
        key, graph = units[position]
        for node in nodes_of[key] & chunk:
            yield from graph.triples((node, None, None))
            for predicate in inverse:
                yield from graph.triples((None, predicate, node))


def _holders(
    units: Sequence[tuple[str, Unit]], nodes_of: dict[str, set[Node]], shared: set[Node]
) -> dict[Node, list[int]]:
    """The positions of the units that describe each shared node."""
    holders: dict[Node, list[int]] = {}
    for position, (key, _) in enumerate(units):
        for node in nodes_of[key] & shared:
            holders.setdefault(node, []).append(position)
    return holders


def _batch_text(
    triples: list[tuple[Node, Node, Node]],
    types: Mapping[Node, Collection[Node]],
    classes: Graph,
) -> str:
    """A batch's data and its context as N-Triples for the gate, written from the triples
    (no rdflib graph is made)."""
    return nt_text(chain(triples, context_for(triples, types, classes)))


def batch_size(triples: int, jobs: int, size: int = BATCH_TRIPLES) -> int:
    """Triples per pySHACL run: `size`, or less with several jobs so that each has at least two
    runs to share out (but no less than 2,000: each run costs about 17 ms to set up).

    >>> batch_size(100_000, 1), batch_size(100_000, 2), batch_size(10_000, 2)
    (20000, 20000, 2500)
    """
    if jobs <= 1:
        return size
    return min(size, max(2_000, triples // (2 * jobs)))


def validate_store(
    store: Store,
    names: Sequence[URIRef],
    ontology: Graph,
    shapes: Graph,
    sources: Mapping[Node, str] | None = None,
    size: int = BATCH_TRIPLES,
    jobs: int = 1,
    copies: GraphCopies | None = None,
) -> ValidationReport:
    """Validate the union of the store's graphs `names` with the ontology, unit by unit and
    the shared nodes in batches, the batches in `jobs` processes: the same rows as
    `validate.validate` of the union. `copies`: the store's graphs as read by an earlier run
    over the same store (whose graphs have not changed since; some may have been removed)."""
    problem = unsplittable(shapes)
    if problem is not None:
        log.info("shapes use %s: the union is validated at once", problem)
        return validate(store.union(names), ontology, shapes, sources)
    inverse = inverse_predicates(shapes)
    units = _units(copies or GraphCopies(store), names)
    nodes_of, shared, types, classes = _index(units, inverse)
    described_by_data = {_text(node) for nodes in nodes_of.values() for node in nodes}
    size = batch_size(sum(len(graph) for _, graph in units), jobs, size)
    holders = _holders(units, nodes_of, shared)
    chunks = _shared_chunks(shared, size, holders)
    local = _local_batches(units, nodes_of, shared, size)

    def rows_of(index: int) -> tuple[ReportRow, ...]:
        """The rows of one batch: the shared chunks first, then the local batches. Each batch's
        graph is its own: the context goes into it."""
        if validator() == "shacl":  # the gate on N-Triples; graphs only where it finds
            if index < len(chunks):
                triples = list(_shared_triples(units, nodes_of, chunks[index], inverse, holders))
                focus = chunks[index]
            else:
                members, focus = local[index - len(chunks)]
                triples = [t for position in members for t in units[position][1]]
            text = _batch_text(triples, types, classes)
            if not finds_in_text(text, shapes, ontology, focus):
                return ()
        if index < len(chunks):
            chunk = chunks[index]
            data, focus = _shared_data(units, nodes_of, chunk, inverse, holders), chunk
        else:
            members, focus = local[index - len(chunks)]
            data = _local_data(units, members)
        return _validate_with(
            data, context_for(data, types, classes), shapes, sources, focus, ontology
        )

    rows: list[ReportRow] = []
    for found in map_calls(rows_of, len(chunks) + len(local), jobs):
        rows += found
    found = alone_rows(shapes, ontology, sources)  # about nodes no data describes
    rows += [row for row in found if row.focus not in described_by_data]
    log.debug(
        "SHACL by unit: %d units, %d shared nodes, %d batches, %d rows",
        len(units),
        len(shared),
        len(chunks) + len(local),
        len(rows),
    )
    return ValidationReport(conforms=not rows, rows=tuple(sorted(rows)))


Match = Callable[[Node | None, Node | None, Node | None], Iterator[tuple[Node, Node, Node]]]


def revalidate(
    previous: ValidationReport,
    names: Sequence[URIRef],
    lost: Iterable[tuple[Node, Node, Node]],
    copies: GraphCopies,
    ontology: Graph,
    shapes: Graph,
    sources: Mapping[Node, str] | None = None,
) -> ValidationReport | None:
    """The report `validate_store` gives over the graphs `names`, given its report `previous`
    over a union that held the triples `lost` as well (the rule graphs the conflict loop set
    aside): the rows about the nodes the loss cannot touch are kept, and the nodes it can are
    validated again with their whole description (`rows_about_nodes`, as the incremental build
    does: incremental/affected.py). None when that cannot be known so (shapes that are not
    local, a lost rdfs:subClassOf, a node no graph describes any more that the ontology alone
    gives a row about): validate the union again."""
    if unsplittable(shapes) is not None:
        return None
    lost = list(lost)
    if any(p == RDFS.subClassOf for _, p, _ in lost):
        return None
    inverse = inverse_predicates(shapes)
    union = _union_table(copies, names)

    def match(s: Node | None, p: Node | None, o: Node | None) -> Iterator:
        """The union's triples of a pattern."""
        return union.triples((s, p, o))

    lost = [triple for triple in lost if triple not in union]  # another graph may hold it
    touched = touched_nodes(lost, inverse, match)

    def alone() -> set[str]:
        """The focus nodes of the rows the ontology alone gives."""
        return {row.focus for row in alone_rows(shapes, ontology, sources)}

    found = rows_about_nodes(touched, match, shapes, ontology, sources, alone)
    if found is None:
        return None
    texts = {_text(node) for node in touched}
    rows = [row for row in previous.rows if row.focus not in texts] + found
    return ValidationReport(conforms=not rows, rows=tuple(sorted(rows)))


def touched_nodes(
    changed: Iterable[tuple[Node, Node, Node]], inverse: Collection[URIRef], match: Match
) -> set[Node]:
    """The nodes whose rows a change can alter, given the triples a union lost or gained: the
    nodes those triples describe, and the nodes that name (now, in `match`) a node whose types
    changed. The caller refuses a change of rdfs:subClassOf, which reaches every node."""
    changed = list(changed)
    nodes = described(TripleTable(changed), inverse)
    for retyped in {s for s, p, _ in changed if p == RDF.type}:
        nodes.update(s for s, _, _ in match(None, None, retyped))
        for predicate in inverse:
            nodes.update(o for _, _, o in match(retyped, predicate, None))
    return nodes


def rows_about_nodes(
    nodes: set[Node],
    match: Match,
    shapes: Graph,
    ontology: Graph,
    sources: Mapping[Node, str] | None,
    alone: Callable[[], set[str]],
) -> list[ReportRow] | None:
    """The SHACL rows about some nodes, as validating the whole union `match` reads gives them:
    those it describes are validated with what the shapes read of their descriptions, the
    types of the nodes whose types a shape reads and the data's class hierarchy
    (shapereach.py). None when a node no graph describes any more is the focus of a row the
    ontology alone gives (`alone`: those focus nodes, asked only then). With the `shacl`
    validator the gate sees N-Triples written from the triples, and an rdflib graph is made
    only where it finds something."""
    inverse = inverse_predicates(shapes)
    now = {node for node in nodes if _is_described(node, inverse, match)}
    if nodes - now and {_text(node) for node in nodes - now} & alone():
        return None
    if not now:
        return []
    reach = shape_reach(shapes)
    triples = list(read_triples(sorted(now, key=_text), reach, match))
    context = list(match(None, RDFS.subClassOf, None))
    for node in sorted(typed_nodes(triples, now, reach), key=_text):
        context += match(node, RDF.type, None)
    if validator() == "shacl" and not finds_in_text(
        nt_text(chain(triples, context)), shapes, ontology, now
    ):
        return []
    data = Graph()
    for triple in triples:
        data.add(triple)
    return list(_validate_with(data, context, shapes, sources, now, ontology))


def _union_table(copies: GraphCopies, names: Sequence[URIRef]) -> TripleTable:
    """The union of the graphs as one table (each triple once, indexed on first use), read
    with the cyclic collector paused (see GraphCopies.graph): looking a node up in each of
    some thousand tables cost a minute at 1,000 articles."""
    with collector_paused():
        return TripleTable(t for name in names for t in copies.graph(name))


def _is_described(node: Node, inverse: Collection[URIRef], match: Match) -> bool:
    """Whether a graph describes a node: it is a subject, or the object of an inverse path."""
    if next(match(node, None, None), None) is not None:
        return True
    return any(next(match(None, p, node), None) is not None for p in inverse)


def alone_rows(
    shapes: Graph, ontology: Graph, sources: Mapping[Node, str] | None
) -> list[ReportRow]:
    """The rows the ontology alone gives (validate_store keeps those about nodes no data
    describes)."""
    _, found = shacl_rows(Graph(), shapes, ontology, sources, None, own=True)
    return found
