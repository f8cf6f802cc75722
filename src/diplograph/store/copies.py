"""Graph copies: rdflib graphs copied out of a store, one named graph or a cached union of
several (both engines share it; rdflib is imported when a copy is first made)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph, URIRef

    from diplograph.store.protocol import Triple


class GraphCopies:
    """rdflib graphs copied out of a store: one named graph, or a cached union of several."""

    _unions: dict[tuple[URIRef, ...], Graph]

    def _triples(self, name: URIRef) -> Iterable[Triple]:
        """The triples of one named graph (each engine reads its own)."""
        raise NotImplementedError

    def graph_names(self) -> list[URIRef]:
        """The names of the non-empty named graphs, sorted (each engine lists its own)."""
        raise NotImplementedError

    def graph(self, name: URIRef) -> Graph:
        """A copy of one named graph."""
        from rdflib import Graph

        copy = Graph()
        for triple in self._triples(name):
            copy.add(triple)
        return copy

    def union(self, names: Iterable[URIRef] | None = None) -> Graph:
        """The union of the given named graphs (all of them by default), cached."""
        from rdflib import Graph

        key = tuple(sorted(names if names is not None else self.graph_names()))
        if key not in self._unions:
            merged = Graph()
            for name in key:
                for triple in self._triples(name):
                    merged.add(triple)
            self._unions[key] = merged
        return self._unions[key]
