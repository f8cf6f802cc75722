"""Store: the one place that knows which engine holds the graph (rdflib today).

The pipeline's stages hand named graphs to a `Store` and ask it SPARQL questions; none of them
touches the engine. Swapping rdflib for pyoxigraph, or for a remote SPARQL 1.1 store, means a new
class with these methods, not a change to the stages. See docs/decisions/20261123-engine-seam.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from diplograph.namespaces import PREFIXES


@dataclass(frozen=True)
class QueryResult:
    """The answer to a SELECT (variables and rows) or an ASK (boolean)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Node | None, ...], ...]
    boolean: bool | None = None


class RdflibStore:
    """An in-memory store of named graphs backed by an rdflib Dataset."""

    def __init__(self) -> None:
        """Start empty."""
        self._dataset = Dataset()
        self._unions: dict[tuple[URIRef, ...], Graph] = {}

    def add_graph(self, name: URIRef, graph: Iterable[tuple[Node, Node, Node]]) -> None:
        """Add the triples of a graph (or any iterable of triples) to the named graph `name`."""
        target = self._dataset.graph(name)
        for triple in graph:
            target.add(triple)
        self._unions.clear()

    def remove_graph(self, name: URIRef) -> None:
        """Drop the named graph `name` and its triples."""
        self._dataset.remove_graph(self._dataset.graph(name))
        self._unions.clear()

    def graph_names(self) -> list[URIRef]:
        """The names of the non-empty named graphs, sorted."""
        names = {c.identifier for c in self._dataset.graphs() if len(c)}
        return sorted(n for n in names if isinstance(n, URIRef) and n != DATASET_DEFAULT_GRAPH_ID)

    def graph(self, name: URIRef) -> Graph:
        """A copy of one named graph."""
        copy = Graph()
        for triple in self._dataset.graph(name):
            copy.add(triple)
        return copy

    def union(self, names: Iterable[URIRef] | None = None) -> Graph:
        """The union of the given named graphs (all of them by default), cached."""
        key = tuple(sorted(names if names is not None else self.graph_names()))
        if key not in self._unions:
            merged = Graph()
            for name in key:
                for triple in self._dataset.graph(name):
                    merged.add(triple)
            self._unions[key] = merged
        return self._unions[key]

    def dataset(self) -> Dataset:
        """The underlying dataset, for serialisation."""
        return self._dataset

    def query(
        self,
        text: str,
        bindings: Mapping[str, Node] | None = None,
        graphs: Sequence[URIRef] | None = None,
    ) -> QueryResult:
        """Run a SPARQL query over the union of the given graphs, with bound parameters."""
        result = self.union(graphs).query(text, initNs=PREFIXES, initBindings=dict(bindings or {}))
        if result.type == "ASK":
            return QueryResult((), (), bool(result.askAnswer))
        variables = tuple(str(v) for v in result.vars or ())
        rows = tuple(tuple(row) for row in result)
        return QueryResult(variables, rows)


def mark_service_calls(flag: bytearray | memoryview) -> None:
    """From now on, in this process, set flag[0] to 1 while a SERVICE call of a query waits for
    its endpoint, 0 otherwise (rdflib's CUSTOM_EVALS hook; querylimit.py sets it in the forked
    worker, so that a query stopped at its limit says whether a remote endpoint held it)."""
    from rdflib.plugins.sparql import CUSTOM_EVALS
    from rdflib.plugins.sparql.evaluate import evalServiceQuery

    def service(ctx: object, part: object) -> Iterable:
        """A SERVICE pattern: its whole answer, fetched with the flag up."""
        if getattr(part, "name", None) != "ServiceGraphPattern":
            raise NotImplementedError  # rdflib evaluates every other part itself
        flag[0] = 1
        try:
            return iter(list(evalServiceQuery(ctx, part)))
        finally:
            flag[0] = 0

    CUSTOM_EVALS["diplograph-service"] = service
