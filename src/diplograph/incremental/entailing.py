"""Incremental build, inference: the entailed triples brought up to date by the difference in
the asserted graphs, instead of running the compiled rules over the whole store again.

Reads the ontology's axioms (the same ones entail.py compiles to SPARQL, and the same filters),
the triples removed from and added to the asserted union, the old entailed triples (the store's
inferred graph and the ledger's left-out ones) and the store's other asserted graphs; returns the
entailed triples removed and added. Delete and re-derive (DRed, Gupta, Mumick and Subrahmanian
1993): every entailed triple with a derivation through a removed triple is struck out, those with
another derivation from what is left are put back, and what the added triples entail is found
semi-naively (each new triple joined with the triples already there, through the store's
indexes), so the work follows the difference and not the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from diplograph.entail import _is_class

Triple = tuple[Node, Node, Node]
Match = Callable[[Node | None, Node | None, Node | None], Iterator[Triple]]


@dataclass
class Axioms:
    """The ontology's axioms that entail.py compiles, indexed by the predicate of a body atom."""

    sub_class: dict[Node, set[Node]] = field(default_factory=lambda: defaultdict(set))
    sub_property: dict[Node, set[Node]] = field(default_factory=lambda: defaultdict(set))
    domain: dict[Node, set[Node]] = field(default_factory=lambda: defaultdict(set))
    range: dict[Node, set[Node]] = field(default_factory=lambda: defaultdict(set))
    inverse: dict[Node, set[Node]] = field(default_factory=lambda: defaultdict(set))  # x p y: y q x
    transitive: set[Node] = field(default_factory=set)
    chains: list[tuple[Node, tuple[Node, ...]]] = field(default_factory=list)


def axioms(ontology: Graph) -> Axioms:
    """The axioms of the ontology, as entail._rules reads them."""
    found = Axioms()
    for c, d in ontology.subject_objects(RDFS.subClassOf):
        if isinstance(c, URIRef) and _is_class(ontology, d) and c != d:
            found.sub_class[c].add(d)
    for p, q in ontology.subject_objects(RDFS.subPropertyOf):
        if isinstance(p, URIRef) and isinstance(q, URIRef) and p != q:
            found.sub_property[p].add(q)
    for p, c in ontology.subject_objects(RDFS.domain):
        if isinstance(p, URIRef) and _is_class(ontology, c):
            found.domain[p].add(c)
    for p, c in ontology.subject_objects(RDFS.range):
        if isinstance(p, URIRef) and _is_class(ontology, c):
            found.range[p].add(c)
    for p, q in ontology.subject_objects(OWL.inverseOf):
        if isinstance(p, URIRef) and isinstance(q, URIRef):
            found.inverse[p].add(q)
            found.inverse[q].add(p)
    for p in ontology.subjects(RDF.type, OWL.SymmetricProperty):
        if isinstance(p, URIRef):
            found.inverse[p].add(p)
    for p in ontology.subjects(RDF.type, OWL.TransitiveProperty):
        if isinstance(p, URIRef):
            found.transitive.add(p)
    for p, chain in ontology.subject_objects(OWL.propertyChainAxiom):
        steps = list(Collection(ontology, chain)) if isinstance(chain, BNode) else []
        if isinstance(p, URIRef) and steps and all(isinstance(s, URIRef) for s in steps):
            found.chains.append((p, tuple(steps)))
    return found


def _subject(node: Node) -> bool:
    """Whether a term can be a subject (a rule binding a literal there makes no triple)."""
    return not isinstance(node, Literal)


def consequences(rules: Axioms, triple: Triple, match: Match) -> Iterator[Triple]:
    """The triples one rule application entails with `triple` as one of its body atoms, the
    other atoms found by `match` (a pattern over the facts as they are)."""
    s, p, o = triple
    if p == RDF.type:
        for d in rules.sub_class.get(o, ()):
            yield s, RDF.type, d
    for q in rules.sub_property.get(p, ()):
        yield s, q, o
    for c in rules.domain.get(p, ()):
        yield s, RDF.type, c
    if _subject(o):
        for c in rules.range.get(p, ()):
            yield o, RDF.type, c
        for q in rules.inverse.get(p, ()):
            yield o, q, s
    if p in rules.transitive:
        for _, _, y in match(o, p, None):
            yield s, p, y
        for x, _, _ in match(None, p, s):
            yield x, p, o
    for head, steps in rules.chains:
        for i, step in enumerate(steps):
            if step != p:
                continue
            for start in _walk(match, s, steps[:i][::-1], backwards=True):
                for end in _walk(match, o, steps[i + 1 :], backwards=False):
                    yield start, head, end


def _walk(match: Match, node: Node, steps: tuple[Node, ...], backwards: bool) -> Iterator[Node]:
    """The nodes reached from `node` through the steps (against them if `backwards`)."""
    if not steps:
        yield node
        return
    if backwards:
        nexts = (x for x, _, _ in match(None, steps[0], node))
    elif _subject(node):
        nexts = (y for _, _, y in match(node, steps[0], None))
    else:
        return
    for found in nexts:
        yield from _walk(match, found, steps[1:], backwards)


def derivable(rules: Axioms, head: Triple, match: Match) -> bool:
    """Whether one rule application entails `head` from the facts `match` sees."""
    s, p, o = head
    present = lambda t: next(match(*t), None) is not None  # noqa: E731
    if p == RDF.type:
        for c, supers in rules.sub_class.items():
            if o in supers and present((s, RDF.type, c)):
                return True
        for q, classes in rules.domain.items():
            if o in classes and present((s, q, None)):
                return True
        for q, classes in rules.range.items():
            if o in classes and present((None, q, s)):
                return True
    for q, supers in rules.sub_property.items():
        if p in supers and present((s, q, o)):
            return True
    for q, inverses in rules.inverse.items():
        if p in inverses and _subject(o) and present((o, q, s)):
            return True
    if p in rules.transitive and _subject(s):
        for _, _, middle in match(s, p, None):
            if _subject(middle) and present((middle, p, o)):
                return True
    for chain_head, steps in rules.chains:
        if chain_head == p and o in set(_walk(match, s, steps, backwards=False)):
            return True
    return False


class Facts:
    """Triples as a set with pattern lookups: some in the store (`match`), some held here, less
    some struck out."""

    def __init__(self, base: Match, held: Iterable[Triple] = (), struck: set | None = None) -> None:
        """The store's part, the triples held in memory and the ones struck out."""
        self.base = base
        self.struck = struck if struck is not None else set()
        self.held: set[Triple] = set()
        self._by: dict[int, dict[tuple, list[Triple]]] = {}
        for triple in held:
            self.add(triple)

    def add(self, triple: Triple) -> None:
        """Hold one more triple."""
        if triple in self.held:
            return
        self.held.add(triple)
        for key, index in self._keys(triple):
            self._by.setdefault(key, {}).setdefault(index, []).append(triple)

    @staticmethod
    def _keys(triple: Triple) -> Iterator[tuple[int, tuple]]:
        """The index entries of a triple: by subject and predicate, by predicate and object."""
        s, p, o = triple
        yield 0, (s, p)
        yield 1, (p, o)

    def __contains__(self, triple: Triple) -> bool:
        """Whether the facts hold the triple."""
        return next(self.match(*triple), None) is not None

    def match(self, s: Node | None, p: Node | None, o: Node | None) -> Iterator[Triple]:
        """The triples that match a pattern (the predicate always given, and s or o)."""
        if s is not None and o is not None:
            triple = (s, p, o)
            if triple in self.held or (
                triple not in self.struck and next(self.base(s, p, o), None) is not None
            ):
                yield triple
            return
        key = (0, (s, p)) if s is not None else (1, (p, o))
        yield from self._by.get(key[0], {}).get(key[1], ())
        for triple in self.base(s, p, o):
            if triple not in self.struck and triple not in self.held:
                yield triple


def union(*parts: Facts) -> Match:
    """A pattern over several sets of facts."""

    def match(s: Node | None, p: Node | None, o: Node | None) -> Iterator[Triple]:
        for part in parts:
            yield from part.match(s, p, o)

    return match


@dataclass(frozen=True)
class Difference:
    """What changed in the entailed triples: those removed and those added."""

    removed: set[Triple]
    added: set[Triple]


def update_entailed(
    rules: Axioms,
    removed: set[Triple],
    added: set[Triple],
    old_asserted: Facts,
    new_asserted: Facts,
    old_entailed: Facts,
) -> Difference:
    """The entailed triples removed and added when the asserted union loses `removed` and gains
    `added` (each not in the other union), by DRed: the entailed triples are those of the
    closure that are not asserted, as entail.entail_all finds them."""
    old = union(old_asserted, old_entailed)
    struck: set[Triple] = set()
    todo = list(removed)
    while todo:  # every entailed triple with a derivation through a removed one
        for head in consequences(rules, todo.pop(), old):
            if head not in struck and head in old_entailed:
                struck.add(head)
                todo.append(head)
    now = Facts(old_entailed.match, struck=set(struck))
    current = union(new_asserted, now)
    found: set[Triple] = set()
    again = sorted(struck | removed, key=str)  # still entailed by what is left? (one step)
    todo = [h for h in again if h not in new_asserted and derivable(rules, h, current)]
    for head in todo:
        now.add(head)
        found.add(head)
    todo += list(added)
    while todo:  # what the added and the re-derived triples entail
        for head in consequences(rules, todo.pop(), current):
            if not _subject(head[0]) or head in new_asserted or head in now.held:
                continue
            if head not in struck and head in old_entailed:
                continue
            now.add(head)
            found.add(head)
            todo.append(head)
    moved = {t for t in added if t in old_entailed}  # asserted now: no longer entailed
    return Difference((struck - found) | moved, found - struck)
