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

from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING

from rdflib import RDFS, Graph, URIRef
from rdflib.term import Node

from diplograph.incremental.changes import FullBuildNeeded
from diplograph.quarantine import assign
from diplograph.validate import ReportRow
from diplograph.validate_articles import (
    Match,
    alone_rows,
    rows_about_nodes,
    touched_nodes,
    unsplittable,
)

if TYPE_CHECKING:
    from diplograph.store import OxigraphStore

Triple = tuple[Node, Node, Node]


def affected_nodes(changed: set[Triple], inverse: Collection[URIRef], match: Match) -> set[Node]:
    """The nodes whose rows a change can alter, given the triples the asserted union lost or
    gained (validate_articles.touched_nodes); a change of the class hierarchy is a full build."""
    if any(p == RDFS.subClassOf for _, p, _ in changed):
        raise FullBuildNeeded("an article changes the class hierarchy (rdfs:subClassOf)")
    return touched_nodes(changed, inverse, match)


def rows_about(
    nodes: set[Node],
    match: Match,
    shapes: Graph,
    ontology: Graph,
    alone: Callable[[], set[str]],
) -> list[ReportRow]:
    """The SHACL rows about some nodes, as validating the whole union gives them
    (validate_articles.rows_about_nodes); shapes that are not local, or a node no graph
    describes now in a row the ontology alone gives, are a full build."""
    problem = unsplittable(shapes)
    if problem is not None:
        raise FullBuildNeeded(f"the shapes use {problem}: the union is validated at once")
    found = rows_about_nodes(nodes, match, shapes, ontology, None, alone)
    if found is None:
        raise FullBuildNeeded("a node no article describes any more is in a shape's target")
    return found


def alone_focus(shapes: Graph, ontology: Graph) -> set[str]:
    """The focus nodes of the rows the ontology alone gives (validate_articles.validate_store
    adds those about nodes no data describes)."""
    return {row.focus for row in alone_rows(shapes, ontology, None)}


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
