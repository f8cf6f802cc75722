"""Graph copies: rdflib graphs copied out of a store, one named graph or a cached union of
several, and values derived from the graphs kept until they change (both engines share it;
rdflib is imported when a copy is first made)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from rdflib import Graph, URIRef

    from diplograph.store.protocol import Triple

Value = TypeVar("Value")


class GraphCopies:
    """rdflib graphs copied out of a store: one named graph, or a cached union of several."""

    _unions: dict[tuple[URIRef, ...], Graph]
    _derived: dict[Any, Any]  # each engine empties it when a graph changes

    def derived(self, key: Hashable, compute: Callable[[], Value]) -> Value:
        """A value computed from the store's graphs (e.g. which graphs a layer holds), kept
        under `key` until a graph changes."""
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]

    def _triples(self, name: URIRef, predicate: URIRef | None = None) -> Iterable[Triple]:
        """The triples of one named graph, of one predicate if given (each engine reads its
        own)."""
        raise NotImplementedError

    def graph_names(self) -> list[URIRef]:
        """The names of the non-empty named graphs, sorted (each engine lists its own)."""
        raise NotImplementedError

    def triples(self, name: URIRef, predicate: URIRef | None = None) -> Iterable[Triple]:
        """The triples of one named graph (those of one predicate if given), as rdflib terms,
        without copying them into a graph (each triple once; literals as they went in)."""
        return self._triples(name, predicate)

    @contextmanager
    def sharing_terms(self) -> Iterator[None]:
        """Within it, a term read from several graphs (`triples`, `graph`) is converted once,
        and is one object wherever it is read, until a graph changes (an engine whose terms are
        rdflib's converts none: nothing to do)."""
        yield

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
