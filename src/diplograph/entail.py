"""Inference compiled from the ontology: reads the ontology's axioms; writes SPARQL rules and runs
them on a store to a fixpoint, giving the triples owlrl's OWL RL closure gives about instance data.

Each axiom becomes one SELECT that finds the triples it entails and that are not there yet:
sub-class (cax-sco), sub-property (prp-spo1), domain and range where the range is a class
(prp-dom, prp-rng), inverse (prp-inv1/2), symmetric (prp-symp), transitive (prp-trp) and property
chains (prp-spo2), the OWL 2 RL rules named. The rules run over the asserted graphs and what they
found so far until a round finds nothing new, each round over the last round's new triples
(semi-naive: every solution has an atom in them). Axioms the ontology does not use (equivalence,
restrictions, functional-property equality) are not compiled; `tests/test_entail.py` holds the
result to owlrl's on the seeds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection

from diplograph.namespaces import ID
from diplograph.store import Store

if TYPE_CHECKING:
    from rdflib.term import Node

    from diplograph.store.protocol import Triple

_ALL = URIRef("urn:x-diplograph:graph/closure")  # the asserted union, in the workspace
_ROUND = "urn:x-diplograph:graph/round/"  # + its number: what the rules found in a round
_ONTOLOGY = URIRef("urn:x-diplograph:graph/ontology")  # the ontology, in the workspace
_DROPPED = URIRef("urn:x-diplograph:graph/dropped")  # found, and left out of the inferred graph
_SOURCE, _TARGET = "$SOURCE", "$TARGET"  # the graphs of a rule's update, filled in by `insert`
_PREDICATES = "SELECT DISTINCT ?p WHERE { ?s ?p ?o }"
_CLASSES = "SELECT DISTINCT ?c WHERE { ?s a ?c }"
_TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}
_MAX_ROUNDS = 100


@dataclass(frozen=True)
class Rule:
    """One compiled axiom: the OWL RL rule it applies, and a SELECT of ?s ?p ?o it entails."""

    name: str
    sparql: str
    body: frozenset[tuple[URIRef, URIRef | None]] = frozenset()  # its atoms' (p, class or None)
    update: str = ""  # the same rule as an INSERT over one source graph (`insert`)
    atoms: tuple[str, ...] = ()  # its body's triple patterns
    condition: str = ""  # the filter its solutions pass, if any
    head: str = ""  # the triple pattern it entails

    def insert(self, source: URIRef, target: URIRef) -> str:
        """The rule as a SPARQL Update: what it finds in `source` inserted into `target`."""
        return self.update.replace(_SOURCE, f"<{source}>").replace(_TARGET, f"<{target}>")

    def insert_new(self, target: URIRef, delta: URIRef | None = None) -> str:
        """The rule as a SPARQL Update of a round: what it finds in the store's named graphs
        with one atom in the graph `delta` (any atom anywhere when None), and that no named
        graph holds yet, inserted into `target`. The workspace's graphs are disjoint (the
        asserted union and each round's new triples), so an atom matches each triple once."""
        where = " UNION ".join(f"{{ {self._atoms_in(delta, i)} }}" for i in self._deltas(delta))
        return (
            f"INSERT {{ GRAPH <{target}> {{ {self.head} }} }} WHERE {{ {where} "
            f"FILTER NOT EXISTS {{ GRAPH ?g_head {{ {self.head} }} }} }}"
        )

    def _deltas(self, delta: URIRef | None) -> range:
        """The atoms that in turn match the last round's graph (one variant when none)."""
        return range(len(self.atoms) if delta is not None else 1)

    def _atoms_in(self, delta: URIRef | None, index: int) -> str:
        """The body with atom `index` in the graph `delta` and the others in any graph."""
        body = " ".join(
            f"GRAPH {f'<{delta}>' if delta is not None and i == index else f'?g_{i}'} {{ {atom} }}"
            for i, atom in enumerate(self.atoms)
        )
        return f"{body} {self.condition}".strip()


def _iri(node: object) -> str:
    """An IRI in SPARQL syntax."""
    return f"<{node}>"


def _new(s: str, p: str, o: str) -> str:
    """The filter that keeps a triple only if it is not there yet."""
    return f"FILTER NOT EXISTS {{ {s} {p} {o} }}"


def _rule(
    name: str,
    atoms: Sequence[str],
    s: str,
    p: str,
    o: str,
    body: Iterable[tuple[URIRef, URIRef | None]],
    condition: str = "",
) -> Rule:
    """A rule selecting the triple (s, p, o) for each solution of its `atoms` (passing the
    filter `condition`) not yet entailed; `body`: the predicate of each atom (and its class,
    for `?x a C`)."""
    where = " ".join([*(f"{atom} ." for atom in atoms), condition]).strip()
    select = f"SELECT DISTINCT ?s ?p ?o WHERE {{ {where} BIND({s} AS ?s) BIND({p} AS ?p) "
    head = f"{s} {p} {o}"
    update = (
        f"INSERT {{ GRAPH {_TARGET} {{ {head} }} }} WHERE {{ GRAPH {_SOURCE} {{ {where} }} "
        f"FILTER NOT EXISTS {{ GRAPH {_SOURCE} {{ {head} }} }} }}"
    )
    sparql = select + f"BIND({o} AS ?o) {_new(s, p, o)} }}"
    return Rule(name, sparql, frozenset(body), update, tuple(atoms), condition, head)


def _is_class(graph: Graph, node: object) -> bool:
    """Whether a range or super-class is a class (not a datatype, a literal or a blank node)."""
    if not isinstance(node, URIRef):
        return False
    if str(node).startswith(str(XSD)) or node in (RDFS.Literal, RDF.langString):
        return False
    return (node, RDF.type, RDFS.Datatype) not in graph


def compile_rules(ontology: Graph) -> list[Rule]:
    """The rules of the ontology's axioms, sorted by rule and axiom."""
    return sorted(_rules(ontology), key=lambda r: (r.name, r.sparql))


def _rules(ontology: Graph) -> Iterator[Rule]:
    """The rules of the ontology's axioms."""
    a = _iri(RDF.type)
    for c, d in ontology.subject_objects(RDFS.subClassOf):
        if isinstance(c, URIRef) and _is_class(ontology, d) and c != d:
            yield _rule("cax-sco", [f"?x a {_iri(c)}"], "?x", a, _iri(d), [(RDF.type, c)])
    for p, q in ontology.subject_objects(RDFS.subPropertyOf):
        if isinstance(p, URIRef) and isinstance(q, URIRef) and p != q:
            yield _rule("prp-spo1", [f"?x {_iri(p)} ?y"], "?x", _iri(q), "?y", [(p, None)])
    for p, c in ontology.subject_objects(RDFS.domain):
        if isinstance(p, URIRef) and _is_class(ontology, c):
            yield _rule("prp-dom", [f"?x {_iri(p)} ?y"], "?x", a, _iri(c), [(p, None)])
    for p, c in ontology.subject_objects(RDFS.range):
        if isinstance(p, URIRef) and _is_class(ontology, c):
            atoms, body, literal = [f"?x {_iri(p)} ?y"], [(p, None)], "FILTER(!isLiteral(?y))"
            yield _rule("prp-rng", atoms, "?y", a, _iri(c), body, literal)
    for p, q in ontology.subject_objects(OWL.inverseOf):
        if isinstance(p, URIRef) and isinstance(q, URIRef):
            yield _rule("prp-inv1", [f"?x {_iri(p)} ?y"], "?y", _iri(q), "?x", [(p, None)])
            yield _rule("prp-inv2", [f"?x {_iri(q)} ?y"], "?y", _iri(p), "?x", [(q, None)])
    for p in ontology.subjects(RDF.type, OWL.SymmetricProperty):
        if isinstance(p, URIRef):
            yield _rule("prp-symp", [f"?x {_iri(p)} ?y"], "?y", _iri(p), "?x", [(p, None)])
    for p in ontology.subjects(RDF.type, OWL.TransitiveProperty):
        if isinstance(p, URIRef):
            atoms = [f"?x {_iri(p)} ?m", f"?m {_iri(p)} ?y"]
            yield _rule("prp-trp", atoms, "?x", _iri(p), "?y", [(p, None)])
    for p, chain in ontology.subject_objects(OWL.propertyChainAxiom):
        steps = list(Collection(ontology, chain)) if isinstance(chain, BNode) else []
        if isinstance(p, URIRef) and steps and all(isinstance(s, URIRef) for s in steps):
            nodes = [f"?c{i}" for i in range(len(steps) + 1)]
            atoms = [f"{nodes[i]} {_iri(s)} {nodes[i + 1]}" for i, s in enumerate(steps)]
            body = [(step, None) for step in steps]
            yield _rule("prp-spo2", atoms, nodes[0], _iri(p), nodes[-1], body)


def _useful(triple: tuple) -> bool:
    """Whether an entailed triple is about instance data and not trivial (as infer.py keeps)."""
    s, p, o = triple
    if not str(s).startswith(str(ID)) or isinstance(o, Literal) and p == RDF.type:
        return False
    return not (p == RDF.type and o in _TRIVIAL_TYPES)


def entail(store: Store, ontology: Graph, asserted: Sequence[URIRef]) -> list[Triple]:
    """The useful triples the ontology's axioms entail from the asserted graphs that are not
    asserted, found by the compiled rules run to a fixpoint on the store, each once (a list:
    an rdflib graph costs about 2.4 KiB a triple, and there are 237,000 at 1,000 articles)."""
    return kept(entail_all(store, ontology, asserted), ontology)


def kept(entailed: Iterable[Triple], ontology: Graph) -> list[Triple]:
    """The entailed triples the inferred graph keeps: useful, and not the ontology's own."""
    own = set(ontology)  # a set's lookups: the graph's cost about 1 s at 1,000 articles
    return [t for t in entailed if _useful(t) and t not in own]


def entail_all(store: Store, ontology: Graph, asserted: Sequence[URIRef]) -> list[Triple]:
    """Every triple the compiled rules entail from the asserted graphs that is not asserted,
    each once (the closure an incremental build updates: incremental/entailing.py)."""
    work, rounds = _fixpoint(store, ontology, asserted)
    found = (triple for name in rounds for triple in work.triples(name))
    return list(dict.fromkeys(found))  # each once, literals as they went in


def entail_into(
    store: Store, ontology: Graph, asserted: Sequence[URIRef], target: URIRef
) -> list[Triple]:
    """Add to the graph `target` the triples `entail` gives, kept in the engine from the rules
    to the store (none converted to rdflib and back: 246,608 at 1,000 articles); the other
    triples the rules entail (`entail_all` less those kept: the ledger's), as rdflib terms."""
    work, rounds = _fixpoint(store, ontology, asserted)
    work.add_graph(_ONTOLOGY, ontology)
    for name in rounds:
        work.update(_set_aside(name))
        store.add_from(work, name, target)
    return list(work.triples(_DROPPED))


def _set_aside(name: URIRef) -> str:
    """The update that moves what `kept` would not keep out of the rules' graph `name` (a
    round's), in the engine: a subject outside id:, typing by a literal or a trivial class,
    the ontology's own. Three patterns of a union, each cheap (0.18 s for the three rounds at
    1,000 articles); one filter asking for the ontology's triple at every row costs 1 s."""
    found, aside, own, a = _iri(name), _iri(_DROPPED), _iri(_ONTOLOGY), _iri(RDF.type)
    trivial = ", ".join(_iri(t) for t in sorted(_TRIVIAL_TYPES))
    outside = f'FILTER(!isIRI(?s) || !STRSTARTS(STR(?s), "{ID}"))'
    typing = f"FILTER(isLiteral(?o) || ?o IN ({trivial}))"
    return (
        f"DELETE {{ GRAPH {found} {{ ?s ?p ?o }} }} INSERT {{ GRAPH {aside} {{ ?s ?p ?o }} }} "
        f"WHERE {{ {{ GRAPH {found} {{ ?s ?p ?o }} {outside} }} "
        f"UNION {{ VALUES ?p {{ {a} }} GRAPH {found} {{ ?s ?p ?o }} {typing} }} "
        f"UNION {{ GRAPH {own} {{ ?s ?p ?o }} GRAPH {found} {{ ?s ?p ?o }} }} }}"
    )


def _fixpoint(
    store: Store, ontology: Graph, asserted: Sequence[URIRef]
) -> tuple[Store, list[URIRef]]:
    """A workspace, and the graphs in it that hold, each triple in one of them, every triple
    the compiled rules entail from the asserted graphs that is not asserted (`entail_all`).

    The rules run in the engine as updates, on a copy of the asserted graphs' union (one
    graph, in a store of its own); each round inserts its new triples into a graph of its
    own, and the rules read the named graphs of the workspace (all disjoint) as one: no
    triple is copied from graph to graph and no term is converted. Rounds are semi-naive:
    after the first, a rule runs only if a triple of the last round matches one of its atoms
    (a rule whose atoms match only older triples found its triples in an earlier round), and
    then with an atom in the last round's graph, never over the whole closure again."""
    rules = compile_rules(ontology)
    work = store.merged_copy(asserted, _ALL)
    due, delta, rounds = rules, None, []
    for number in range(_MAX_ROUNDS):
        if not due:  # nothing new can match a rule
            break
        found = URIRef(f"{_ROUND}{number}")
        work.update(" ;\n".join(rule.insert_new(found, delta) for rule in due))
        keys = _keys(work, found)
        if not keys:
            break
        rounds.append(found)
        due, delta = _due(rules, keys), found
    else:
        raise RuntimeError(f"the inference rules found new triples {_MAX_ROUNDS} times")
    return work, rounds


def _keys(work: Store, found: URIRef) -> set[tuple[Node, Node | None]]:
    """What a round's new triples (the graph `found`) can match: each predicate, and each
    class they type with."""
    predicates = work.query(_PREDICATES, graphs=[found]).rows
    classes = work.query(_CLASSES, graphs=[found]).rows
    return {(p, None) for (p,) in predicates} | {(RDF.type, c) for (c,) in classes}


def _due(rules: Sequence[Rule], keys: set[tuple[Node, Node | None]]) -> list[Rule]:
    """The rules with an atom that a new triple matches (`_keys`), in their order."""
    return [rule for rule in rules if rule.body & keys]
