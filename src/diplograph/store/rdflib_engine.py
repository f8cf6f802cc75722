"""The rdflib engine (the reference): named graphs in an rdflib Dataset, SPARQL by rdflib's
own evaluator; also Turtle parsing for the stages and the SERVICE flag of a query's time limit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from diplograph.errors import syntax_error
from diplograph.names import PREFIXES
from diplograph.store.copies import GraphCopies
from diplograph.store.protocol import (
    QUAD_FORMATS,
    Answers,
    JsonTerm,
    QueryResult,
    check_format,
    names_graphs,
)
from diplograph.store.terms import json_of_rdflib, rdflib_of_json

if TYPE_CHECKING:
    from diplograph.store.protocol import Store, Triple

_RDFLIB_FORMATS = {"turtle": "turtle", "trig": "trig", "nt": "nt", "nquads": "nquads"}
_RDFLIB_FORMATS["jsonld"] = "json-ld"


class RdflibStore(GraphCopies):
    """An in-memory store of named graphs backed by an rdflib Dataset (the reference engine)."""

    engine = "rdflib"

    def __init__(self) -> None:
        """Start empty."""
        self._dataset = Dataset()
        self._unions: dict[tuple[URIRef, ...], Graph] = {}
        self._derived: dict = {}

    def add_graph(self, name: URIRef, graph: Iterable[Triple]) -> None:
        """Add the triples of a graph (or any iterable of triples) to the named graph `name`."""
        target = self._dataset.graph(name)
        for triple in graph:
            target.add(triple)
        self._unions.clear()
        self._derived.clear()

    def add_from(self, source: Store, name: URIRef, target: URIRef) -> None:
        """Add the triples of the named graph `name` of `source` to the named graph `target`."""
        self.add_graph(target, source.triples(name))

    def remove_graph(self, name: URIRef) -> None:
        """Drop the named graph `name` and its triples."""
        self._dataset.remove_graph(self._dataset.graph(name))
        self._unions.clear()
        self._derived.clear()

    def graph_names(self) -> list[URIRef]:
        """The names of the non-empty named graphs, sorted."""
        names = {c.identifier for c in self._dataset.graphs() if len(c)}
        return sorted(n for n in names if isinstance(n, URIRef) and n != DATASET_DEFAULT_GRAPH_ID)

    def _triples(self, name: URIRef, predicate: URIRef | None = None) -> Iterable[Triple]:
        """The triples of one named graph, of one predicate if given."""
        graph = self._dataset.graph(name)
        return graph if predicate is None else graph.triples((None, predicate, None))

    def count(self, names: Sequence[URIRef]) -> int:
        """How many triples the union of the named graphs holds, each counted once."""
        return len({triple for name in names for triple in self._dataset.graph(name)})

    def parse(self, data: bytes, fmt: str, name: URIRef | None = None) -> None:
        """Load RDF text into the named graph `name` or the named graphs it names."""
        check_format(fmt)
        if names_graphs(fmt, name):
            dataset = Dataset()
            dataset.parse(data=data, format=_RDFLIB_FORMATS[fmt])
            for context in dataset.graphs():
                identifier = context.identifier
                if len(context) and isinstance(identifier, URIRef):
                    if identifier != DATASET_DEFAULT_GRAPH_ID:
                        self.add_graph(identifier, context)
            return
        graph = Graph()
        graph.parse(data=data, format=_RDFLIB_FORMATS[fmt])
        self.add_graph(name or DATASET_DEFAULT_GRAPH_ID, graph)

    def serialize(self, fmt: str, names: Sequence[URIRef]) -> bytes:
        """The named graphs in a format (graph formats: their union)."""
        check_format(fmt)
        if fmt in QUAD_FORMATS:
            dataset = Dataset()
            for name in names:
                target = dataset.graph(name)
                for triple in self._dataset.graph(name):
                    target.add(triple)
            return dataset.serialize(format=_RDFLIB_FORMATS[fmt], encoding="utf-8")
        return self.union(names).serialize(format=_RDFLIB_FORMATS[fmt], encoding="utf-8")

    def update(self, text: str) -> None:
        """Run a SPARQL 1.1 Update on the named graphs."""
        self._dataset.update(text, initNs=PREFIXES)
        self._unions.clear()
        self._derived.clear()

    def merged_copy(self, names: Sequence[URIRef], name: URIRef) -> RdflibStore:
        """A new store whose one graph `name` holds the union of the named graphs."""
        copy = RdflibStore()
        copy.add_graph(name, self.union(names))
        return copy

    def dataset(self) -> Dataset:
        """The underlying dataset."""
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

    def graph_iris(self) -> list[str]:
        """The names of the non-empty named graphs as plain strings, sorted."""
        return [str(name) for name in self.graph_names()]

    def answers(
        self,
        text: str,
        bindings: Mapping[str, JsonTerm] | None = None,
        graphs: Sequence[str] | None = None,
    ) -> Answers:
        """As `query`, with bound values and answers as SPARQL 1.1 JSON terms."""
        bound = {name: rdflib_of_json(term) for name, term in (bindings or {}).items()}
        names = None if graphs is None else [URIRef(name) for name in graphs]
        result = self.query(text, bound, names)
        rows = tuple(
            tuple(None if term is None else json_of_rdflib(term) for term in row)
            for row in result.rows
        )
        return Answers(result.variables, rows, result.boolean)


def parse_turtle(path: Path) -> Graph:
    """Parse a Turtle file, turning a syntax error into one line naming the file, line and
    column (a file that cannot be read is said to be so)."""
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad syntax
        raise syntax_error(path, exc, "Turtle") from exc
    return graph


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
