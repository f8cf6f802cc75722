"""Incremental build, validation: the SHACL rows about the nodes a change can touch, and the rule
graphs a row sets aside, found through the store's indexes instead of over the whole union.

Reads the triples the asserted union lost and gained since the earlier build, the shapes and the
ontology; returns rows. Why it is exact: the earlier build's asserted union gave no row (it was
written), and the results about a focus node depend only on its description and on the types of
the nodes it names (validate_articles.py says why, and refuses shapes for which that is not so).
A change can therefore give rows only about the nodes those triples describe and about the
nodes that name a node whose types changed; those are validated with their whole description
as the store now holds it. A change to the class
hierarchy of the data (rdfs:subClassOf in an article) reaches every node: a full build then.
`set_aside` is quarantine.conflicts for the rows found, with each focus node's graphs looked up
in the store's indexes.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, BNode, Graph, URIRef
from rdflib.term import Node

from diplograph.incremental.changes import FullBuildNeeded
from diplograph.quarantine import assign
from diplograph.validate import ReportRow, shacl_rows
from diplograph.validate_articles import _validate_with, context_for, unsplittable

if TYPE_CHECKING:
    from diplograph.store import OxigraphStore

Triple = tuple[Node, Node, Node]
Match = Callable[[Node | None, Node | None, Node | None], Iterator[Triple]]


def described(triples: Iterable[Triple], inverse: Collection[URIRef]) -> set[Node]:
    """The nodes some triples describe: their subjects and the objects of inverse paths."""
    nodes: set[Node] = set()
    for s, p, o in triples:
        nodes.add(s)
        if p in inverse and isinstance(o, URIRef | BNode):
            nodes.add(o)
    return nodes


def affected_nodes(changed: set[Triple], inverse: Collection[URIRef], match: Match) -> set[Node]:
    """The nodes whose rows a change can alter, given the triples the asserted union lost or
    gained: the nodes those triples describe, and the nodes that name (now) a node whose types
    changed."""
    retyped: set[Node] = set()
    for s, p, _ in changed:
        if p == RDFS.subClassOf:
            raise FullBuildNeeded("an article changes the class hierarchy (rdfs:subClassOf)")
        if p == RDF.type:
            retyped.add(s)
    nodes = described(changed, inverse)
    for node in retyped:
        nodes.update(s for s, _, _ in match(None, None, node))
        for predicate in inverse:
            nodes.update(o for _, _, o in match(node, predicate, None))
    return nodes


def _description(nodes: Iterable[Node], inverse: Collection[URIRef], match: Match) -> Graph:
    """The whole description of some nodes in the graphs `match` reads."""
    data = Graph()
    for node in nodes:
        for triple in match(node, None, None):
            data.add(triple)
        for predicate in inverse:
            for triple in match(None, predicate, node):
                data.add(triple)
    return data


def _types(data: Graph, match: Match) -> dict[Node, set[Node]]:
    """The types (in the graphs `match` reads) of the nodes some data names."""
    named = {t for triple in data for t in (triple[0], triple[2]) if isinstance(t, URIRef | BNode)}
    return {node: {o for _, _, o in match(node, RDF.type, None)} for node in named}


def rows_about(
    nodes: set[Node],
    match: Match,
    shapes: Graph,
    ontology: Graph,
    alone: Callable[[], set[str]],
) -> list[ReportRow]:
    """The SHACL rows about some nodes, as validating the whole union gives them: those the
    graphs describe are validated with their description, the types of the nodes they name
    and the data's class hierarchy; a node no graph describes now has the rows the ontology
    alone gives about it (`alone`: their focus nodes, found when first asked)."""
    problem = unsplittable(shapes)
    if problem is not None:
        raise FullBuildNeeded(f"the shapes use {problem}: the union is validated at once")
    from diplograph.validate_articles import inverse_predicates

    inverse = inverse_predicates(shapes)
    now = {n for n in nodes if _is_described(n, inverse, match)}
    if nodes - now and {str(n) for n in nodes - now} & alone():
        raise FullBuildNeeded("a node no article describes any more is in a shape's target")
    if not now:
        return []
    data = _description(sorted(now, key=str), inverse, match)
    classes = Graph()
    for triple in match(None, RDFS.subClassOf, None):
        classes.add(triple)
    context = list(context_for(data, _types(data, match), classes))
    return list(_validate_with(data, context, shapes, None, now, ontology))


def _is_described(node: Node, inverse: Collection[URIRef], match: Match) -> bool:
    """Whether some graph describes a node (it is a subject, or the object of an inverse path)."""
    if next(match(node, None, None), None) is not None:
        return True
    return any(next(match(None, p, node), None) is not None for p in inverse)


def alone_focus(shapes: Graph, ontology: Graph) -> set[str]:
    """The focus nodes of the rows the ontology alone gives (validate_articles.validate_store
    adds those about nodes no data describes)."""
    _, rows = shacl_rows(Graph(), shapes, ontology, None, None, own=True)
    return {row.focus for row in rows}


def set_aside(
    rows: Iterable[ReportRow],
    store: OxigraphStore,
    rule_graphs: set[str],
    hand_graphs: set[str],
) -> dict[URIRef, list[tuple[ReportRow, URIRef | None]]]:
    """quarantine.conflicts, each row's focus node looked up in the store: the rule graphs to set
    aside, each with its rows and the graph it conflicts with (None: the hand layer)."""
    from diplograph.store.delta import graphs_holding

    found: dict[URIRef, list[tuple[ReportRow, URIRef | None]]] = {}
    for row in sorted(rows):
        if not row.focus or row.focus.startswith("_:"):
            continue  # a blank node: str() of no term gives "_:..." (conflicts finds none)
        holding = graphs_holding(store, URIRef(row.focus))
        involved = [URIRef(n) for n in sorted(holding & rule_graphs)]
        assign(found, row, involved, bool(holding & hand_graphs))
    return found
