"""Validation stage, the data the shapes read about a focus node: reads the SHACL shapes;
answers which of a node's triples and which of its neighbours' types a run about that node
needs, so that validating some nodes of a large union gives pySHACL only that (the rest of
their descriptions and the types of every node they name cost the time, not the checks).

Why the cut is exact. With the local shapes `validate_articles.unsplittable` accepts, the
results about a focus node are read from: its own types (sh:targetClass, a node shape's
sh:class), its triples of the predicates the shapes name as a path, a target
(sh:targetSubjectsOf) or a property to compare with (sh:equals, sh:disjoint, sh:lessThan,
sh:lessThanOrEquals), the triples that point at it through an inverse path, and the types of
the values of a path that a shape with sh:class walks (with the class hierarchy, which the
caller adds whole). Nothing else of the data reaches a result about the node: a value node's
other triples only where a shape is evaluated on the value (nested sh:property, sh:node, a
member of a property shape's sh:or with a path of its own), and such shapes leave the cut
(`Reach.whole`: the node's whole description and every named node's types, as before); a
property shape's sh:or members are evaluated on its values, so their types are read.

A path that the shapes read only by counting its values (every shape with that path has no
constraint but sh:minCount and sh:maxCount, and it is no sh:equals-like property) needs no
more values than max(sh:minCount, sh:maxCount + 1): with at least that many, every count
constraint on it has the same verdict as with all of them, and a row names no value. A
position holding that hundreds of articles attest is pointed at by hundreds of attestations
through `^dip:attests`, which only sh:minCount 1 reads: one of them is read, and no
attestation's types (nor the attestation shapes they would make the run check).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from diplograph.validate import SH

Triple = tuple[Node, Node, Node]
Match = Callable[[Node | None, Node | None, Node | None], Iterator[Triple]]

_COMPARED = (SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals)  # property IRIs
_NESTED = (SH.property, SH.node, SH.qualifiedValueShape)  # shapes evaluated on a value
# what a property shape may say and still read its path by counting its values only
_COUNTING = frozenset(
    (RDF.type, RDFS.label, RDFS.comment, SH.path, SH.minCount, SH.maxCount, SH.message)
    + (SH.severity, SH.name, SH.description, SH.order, SH.group)
)


@dataclass(frozen=True)
class Reach:
    """What the shapes read about a focus node: the predicates of its triples (`forward`), the
    predicates of the triples that point at it (`inverse`), the predicates whose values' types
    a shape reads, each way (`typed_forward`, `typed_inverse`); `counted`: the steps
    (predicate, backwards) the shapes read by counting only, with the number of values that
    suffices; `whole`: the shapes read more (a shape evaluated on a value node), so the node's
    whole description is read."""

    forward: frozenset[URIRef]
    inverse: frozenset[URIRef]
    typed_forward: frozenset[URIRef]
    typed_inverse: frozenset[URIRef]
    counted: Mapping[tuple[URIRef, bool], int] = field(default_factory=dict)
    whole: bool = False


def shape_reach(shapes: Graph) -> Reach:
    """The reach of a shapes graph (local shapes: see `validate_articles.unsplittable`)."""
    forward: set[URIRef] = {RDF.type}
    inverse: set[URIRef] = set()
    typed_forward: set[URIRef] = set()
    typed_inverse: set[URIRef] = set()
    whole = False
    enough: dict[tuple[URIRef, bool], list[int | None]] = {}  # None: a shape reads the values
    for shape, path in shapes.subject_objects(SH.path):
        step, backwards = _step(shapes, path)
        if step is None:
            whole = True
            continue
        (inverse if backwards else forward).add(step)
        enough.setdefault((step, backwards), []).append(_values_enough(shapes, shape))
        members = _members(shapes, shape)  # sh:or's shapes, evaluated on each value
        if (shape, SH["class"], None) in shapes or members:
            (typed_inverse if backwards else typed_forward).add(step)
        if any((shape, p, None) in shapes for p in _NESTED):
            whole = True
        if any((member, SH.path, None) in shapes for member in members):
            whole = True  # a path from the value
    for predicate in (SH.targetSubjectsOf, *_COMPARED):
        for o in shapes.objects(None, predicate):
            if not isinstance(o, URIRef):
                whole = True
                continue
            forward.add(o)
            needs = 1 if predicate == SH.targetSubjectsOf else None  # a target: one triple
            enough.setdefault((o, False), []).append(needs)
    counted = {
        step: max(numbers)  # type: ignore[type-var]
        for step, numbers in enough.items()
        if None not in numbers and step[0] != RDF.type and not whole
    }
    return Reach(
        frozenset(forward),
        frozenset(inverse),
        frozenset(typed_forward),
        frozenset(typed_inverse),
        counted,
        whole,
    )


def _members(shapes: Graph, shape: Node) -> set[Node]:
    """The shapes of a shape's sh:or lists, and of theirs, in any depth."""
    found: set[Node] = set()
    todo = [shape]
    while todo:
        for head in shapes.objects(todo.pop(), SH["or"]):
            for member in Collection(shapes, head):
                if member not in found:
                    found.add(member)
                    todo.append(member)
    return found


def _values_enough(shapes: Graph, shape: Node) -> int | None:
    """How many values of its path a property shape needs to give its verdict: it says nothing
    but sh:minCount and sh:maxCount (and names, messages...): max(min, max + 1); else None."""
    if any(p not in _COUNTING for p in shapes.predicates(shape, None)):
        return None
    found = [0]
    for predicate, extra in ((SH.minCount, 0), (SH.maxCount, 1)):
        for number in shapes.objects(shape, predicate):
            if not isinstance(number, Literal) or not isinstance(number.toPython(), int):
                return None
            found.append(number.toPython() + extra)
    return max(found)


def _step(shapes: Graph, path: Node) -> tuple[URIRef | None, bool]:
    """A path's predicate and whether it is walked backwards; None for another kind of path.

    >>> from rdflib import BNode
    >>> g = Graph()
    >>> _step(g, URIRef("urn:p"))
    (rdflib.term.URIRef('urn:p'), False)
    >>> b = BNode()
    >>> _ = g.add((b, SH.inversePath, URIRef("urn:p")))
    >>> _step(g, b)
    (rdflib.term.URIRef('urn:p'), True)
    """
    if isinstance(path, URIRef):
        return path, False
    inverse = shapes.value(path, SH.inversePath)
    if isinstance(inverse, URIRef) and len(list(shapes.predicate_objects(path))) == 1:
        return inverse, True
    return None, False


def read_triples(nodes: Iterable[Node], reach: Reach, match: Match) -> Iterator[Triple]:
    """The triples the shapes read about some nodes, from the union `match` reads: each node's
    triples of the forward predicates and the triples of the inverse predicates that point at
    it, of a counted step only the first that suffice (with `reach.whole`, every triple of
    which it is the subject)."""
    for node in nodes:
        seen: Counter[Node] = Counter()
        for triple in match(node, None, None):
            predicate = triple[1]
            if not (reach.whole or predicate in reach.forward):
                continue
            limit = reach.counted.get((predicate, False))
            if limit is not None:
                if seen[predicate] >= limit:
                    continue
                seen[predicate] += 1
            yield triple
        for predicate in sorted(reach.inverse):
            yield from islice(match(None, predicate, node), reach.counted.get((predicate, True)))


def typed_nodes(triples: Iterable[Triple], focus: Iterable[Node], reach: Reach) -> set[Node]:
    """The nodes whose types a run about the focus nodes reads: the focus nodes and the values
    of the typed paths (with `reach.whole`, every node the triples name)."""
    kinds = URIRef | BNode
    focus = set(focus)
    found = set(focus)
    for s, p, o in triples:
        if reach.whole:
            found.update(t for t in (s, o) if isinstance(t, kinds))
            continue
        if p in reach.typed_forward and s in focus and isinstance(o, kinds):
            found.add(o)
        if p in reach.typed_inverse and o in focus and isinstance(s, kinds):
            found.add(s)
    return found
