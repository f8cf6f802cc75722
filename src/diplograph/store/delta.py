"""Store changes by difference: an incremental build (incremental/) removes and adds some triples
of some named graphs of an on-disk Oxigraph store that a build left, and keeps the store's merged
graphs (the RDF merge of the graphs `query` asks for, oxigraph_engine._merged_graph) up to date
by the same difference, instead of dropping them and copying every quad again.

A merged graph is named by a digest of the graph names it merges; when the names change (an
article added) it keeps its name and the new name is recorded as an alias of it, which
`_find_merged` follows. The literal records of the store (the typed literals Oxigraph rewrites)
are kept for the added triples as `add_graph` keeps them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from diplograph.names import ONTOLOGY_GRAPH
from diplograph.store.layers import _analysis
from diplograph.store.oxigraph_engine import (
    _ALIAS_RECORD,
    _ALIASES_GRAPH,
    _MERGED,
    OxigraphStore,
)

if TYPE_CHECKING:
    from rdflib import URIRef
    from rdflib.term import Node

    from diplograph.store.protocol import Triple

Change = tuple[Iterable["Triple"], Iterable["Triple"]]  # (removed, added)


def merged_name(names: Iterable[str]) -> str:
    """The name of the merged graph of a set of graphs (as oxigraph_engine names it)."""
    key = "\n".join(sorted({str(n) for n in names}))
    return _MERGED + hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _kept_merges(store: OxigraphStore, names: list[str]) -> list[tuple[set[str], Any]]:
    """The merged graphs the store holds for what `query` asks (with and without inference),
    each with the graph names it merges."""
    found = []
    for inference in (True, False):
        members = set(_analysis(names, inference))
        node = store._ox.NamedNode(merged_name(members))
        if not store._store.contains_named_graph(node):
            node = store._alias(node)
        if node is not None and len(members) > 1:
            found.append((members, node))
    return found


def update_graphs(store: OxigraphStore, changes: Mapping[URIRef, Change]) -> None:
    """Remove and add the given triples of each named graph, and the same difference in the
    merged graphs that hold those graphs (a removed triple stays in a merged graph that another
    of its graphs still holds); then record the graph names and the aliases anew."""
    ox, term, quads = store._ox, store._term, store._store
    before = store.graph_iris()
    merges = _kept_merges(store, before)
    gone: dict[str, list[Any]] = {}
    came: dict[str, list[Any]] = {}
    for name, (removed, added) in changes.items():
        node = store._graph_node(name)
        gone[str(name)] = [ox.Quad(term(s), term(p), term(o), node) for s, p, o in removed]
        came[str(name)] = [ox.Quad(term(s), term(p), term(o), node) for s, p, o in added]
        for quad in gone[str(name)]:
            quads.remove(quad)
        quads.extend(list(store._record(came[str(name)])))
    after = _names_after(store, before, changes)
    store._names, store._uris = after, None
    store._unions.clear()
    store._derived.clear()
    store._queried.clear()
    store._scratch.clear()
    names_graph = store._names_graph
    if quads.contains_named_graph(names_graph):
        quads.remove_graph(names_graph)
    aliases = ox.NamedNode(_ALIASES_GRAPH)
    for members, node in merges:
        now = set(_analysis(after, _has_inferred(members)))
        _update_merge(store, node, members, now, gone, came)
        for quad in list(quads.quads_for_pattern(None, None, node, aliases)):
            quads.remove(quad)
        name = ox.NamedNode(merged_name(now))
        if name != node:
            quads.add(ox.Quad(name, ox.NamedNode(_ALIAS_RECORD), node, aliases))
    store.record_graphs()


def _names_after(
    store: OxigraphStore, before: list[str], changes: Mapping[URIRef, Change]
) -> list[str]:
    """The store's graph names (graph_iris) after a change, from those before and the changed
    graphs alone (one probe each, where listing them anew probes every graph)."""
    names = set(before)
    for name in changes:
        node = store._graph_node(name)
        if next(iter(store._store.quads_for_pattern(None, None, None, node)), None) is None:
            names.discard(str(name))
        else:
            names.add(str(name))
    return sorted(names)


def _has_inferred(members: set[str]) -> bool:
    """Whether a merge is of the graphs with inference (it holds the inferred graph)."""
    from diplograph.names import INFERRED_GRAPH

    return INFERRED_GRAPH in members


def _update_merge(
    store: OxigraphStore,
    node: Any,
    before: set[str],
    after: set[str],
    gone: dict[str, list[Any]],
    came: dict[str, list[Any]],
) -> None:
    """Bring one merged graph from the merge of `before` to that of `after`, by the triples
    removed from and added to the changed graphs."""
    ox, quads = store._ox, store._store
    for name, removed in gone.items():
        if name not in before:
            continue
        for quad in removed:
            s, p, o = quad.subject, quad.predicate, quad.object
            held = any(
                q.graph_name.value in after
                for q in quads.quads_for_pattern(s, p, o)
                if _named(ox, q)
            )
            if not held:
                quads.remove(ox.Quad(s, p, o, node))
    added = [
        ox.Quad(q.subject, q.predicate, q.object, node)
        for name, found in came.items()
        if name in after
        for q in found
    ]
    quads.extend(added)


def _named(ox: Any, quad: Any) -> bool:
    """Whether a quad is in a named graph."""
    return isinstance(quad.graph_name, ox.NamedNode)


def matcher(store: OxigraphStore, graphs: set[str]) -> Callable[..., Iterator[Triple]]:
    """A pattern over the union of some named graphs of the store (rdflib terms in and out,
    literals as they went in; each triple once)."""
    ox, term, convert, quads = store._ox, store._term, store._rdflib, store._store
    if len(graphs) == 1:
        return _graph_matcher(store, next(iter(graphs)))

    def match(s: Node | None, p: Node | None, o: Node | None) -> Iterator[Triple]:
        """The triples of the graphs that match a pattern (None matches any term)."""
        seen = set()
        pattern = [None if t is None else term(t) for t in (s, p, o)]
        for quad in quads.quads_for_pattern(*pattern):
            graph = quad.graph_name
            if not isinstance(graph, ox.NamedNode) or graph.value not in graphs:
                continue
            key = (quad.subject, quad.predicate, quad.object)
            if key in seen:
                continue
            seen.add(key)
            yield (
                convert(quad.subject),
                convert(quad.predicate),
                convert(quad.object, quad.predicate),
            )

    return match


def _graph_matcher(store: OxigraphStore, name: str) -> Callable[..., Iterator[Triple]]:
    """A pattern over one named graph of the store (as `matcher`)."""
    term, convert, quads, node = store._term, store._rdflib, store._store, store._ox.NamedNode(name)

    def match(s: Node | None, p: Node | None, o: Node | None) -> Iterator[Triple]:
        """The triples of the graph that match a pattern (None matches any term)."""
        pattern = [None if t is None else term(t) for t in (s, p, o)]
        for quad in quads.quads_for_pattern(*pattern, node):
            yield (
                convert(quad.subject),
                convert(quad.predicate),
                convert(quad.object, quad.predicate),
            )

    return match


def union_matcher(
    store: OxigraphStore, graphs: set[str], unsure: Collection[Triple] = ()
) -> Callable[..., Iterator[Triple]]:
    """As `matcher`, read from the merged graph the store keeps of its asserted graphs and the
    ontology (`query`'s, kept up to date by `update_graphs`), which holds each triple once where
    the graphs hold a triple once per graph naming it (an entity named by many articles): a
    triple of it also in the ontology or in `unsure` (the triples of those asserted graphs left
    out of `graphs`) is looked up in the graphs themselves. Plain `matcher` without that merge."""
    ox, convert, quads = store._ox, store._rdflib, store._store
    exact = matcher(store, graphs)
    members = set(_analysis(store.graph_iris(), False))
    node = ox.NamedNode(merged_name(members))
    if not quads.contains_named_graph(node):
        node = store._alias(node)
    if node is None or not graphs <= members or len(members) < 2:
        return exact
    ontology = ox.NamedNode(ONTOLOGY_GRAPH)

    def match(s: Node | None, p: Node | None, o: Node | None) -> Iterator[Triple]:
        """The triples of the graphs that match a pattern (None matches any term)."""
        pattern = [None if t is None else store._term(t) for t in (s, p, o)]
        for quad in quads.quads_for_pattern(*pattern, node):
            triple = (
                convert(quad.subject),
                convert(quad.predicate),
                convert(quad.object, quad.predicate),
            )
            if triple in unsure or (
                ox.Quad(quad.subject, quad.predicate, quad.object, ontology) in quads
            ):
                if next(exact(*triple), None) is None:
                    continue
            yield triple

    return match


def graphs_holding(store: OxigraphStore, node: Node) -> set[str]:
    """The named graphs in which a term is the subject, predicate or object of a triple (an IRI
    also as a plain literal of the same text)."""
    ox, term, quads = store._ox, store._term, store._store
    found: set[str] = set()
    value = term(node)
    patterns = [(value, None, None), (None, value, None), (None, None, value)]
    if isinstance(value, ox.NamedNode):
        patterns.append((None, None, ox.Literal(value.value)))
    for pattern in patterns:
        if pattern[1] is not None and not isinstance(value, ox.NamedNode):
            continue
        for quad in quads.quads_for_pattern(*pattern):
            if isinstance(quad.graph_name, ox.NamedNode):
                found.add(quad.graph_name.value)
    return found
