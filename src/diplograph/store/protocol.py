"""Store protocol: what every engine offers the stages, the shape of a query's answer and the
engine's name; imports no engine and no rdflib.

A `QueryResult` holds rdflib terms (rdflib stays the public face); `Answers` holds SPARQL 1.1
JSON terms, which `diplograph query` renders without importing rdflib.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from diplograph.errors import InputError

if TYPE_CHECKING:
    from rdflib import Graph, URIRef
    from rdflib.term import Node

    Triple = tuple[Node, Node, Node]

ENGINES = ("oxigraph", "rdflib")
DEFAULT_ENGINE = "oxigraph"
ENGINE_VARIABLE = "DIPLOGRAPH_ENGINE"
RDF_FORMATS = ("turtle", "trig", "nt", "nquads", "jsonld")
QUAD_FORMATS = ("trig", "nquads", "jsonld")

JsonTerm = dict[str, Any]  # {"type": "uri"|"bnode"|"literal", "value": ..., "xml:lang"|"datatype"}


@dataclass(frozen=True)
class QueryResult:
    """The answer to a SELECT (variables and rows) or an ASK (boolean)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Node | None, ...], ...]
    boolean: bool | None = None


@dataclass(frozen=True)
class Answers:
    """The answer to a SELECT or an ASK as SPARQL 1.1 JSON terms (None: unbound)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[JsonTerm | None, ...], ...]
    boolean: bool | None = None


class Store(Protocol):
    """What every engine offers the stages: named graphs in, rdflib copies out, RDF text in and
    out, SPARQL over a chosen set of graphs with bound parameters."""

    engine: str

    def add_graph(self, name: URIRef, graph: Iterable[Triple]) -> None:
        """Add the triples of a graph (or any iterable of triples) to the named graph `name`."""

    def remove_graph(self, name: URIRef) -> None:
        """Drop the named graph `name` and its triples."""

    def add_from(self, source: Store, name: URIRef, target: URIRef) -> None:
        """Add the triples of the named graph `name` of `source` (a store of the same engine,
        such as a `merged_copy` workspace) to the named graph `target`, as `source` holds
        them: the inference's hundreds of thousands of triples, no rdflib term made where the
        engine need not."""

    def graph_names(self) -> list[URIRef]:
        """The names of the non-empty named graphs, sorted."""

    def graph_iris(self) -> list[str]:
        """The names of the non-empty named graphs as plain strings, sorted."""

    def triples(self, name: URIRef, predicate: URIRef | None = None) -> Iterable[Triple]:
        """The triples of one named graph (those of one predicate if given), as rdflib terms,
        without copying them."""

    def count(self, names: Sequence[URIRef]) -> int:
        """How many triples the union of the named graphs holds, each counted once (the size
        of their RDF merge), without converting a term."""

    def sharing_terms(self) -> AbstractContextManager[None]:
        """A context within which a term read from several graphs is converted to rdflib once
        (and is one object) until a graph changes: for a stage that reads most graphs."""

    def graph(self, name: URIRef) -> Graph:
        """A copy of one named graph, as an rdflib Graph."""

    def derived(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """A value computed from the graphs, kept under `key` until a graph changes."""

    def union(self, names: Iterable[URIRef] | None = None) -> Graph:
        """The union of the given named graphs (all of them by default), as an rdflib Graph."""

    def update(self, text: str) -> None:
        """Run a SPARQL 1.1 Update on the store's named graphs (a workspace's: the inference
        rules' `INSERT ... WHERE` on a merged copy)."""

    def merged_copy(self, names: Sequence[URIRef], name: URIRef) -> Store:
        """A new in-memory store of the same engine whose one graph `name` holds the union of
        the named graphs, each triple once (a workspace: changing it leaves this store be)."""

    def parse(self, data: bytes, fmt: str, name: URIRef | None = None) -> None:
        """Load RDF text: a graph format into the named graph `name`, TriG, N-Quads or JSON-LD
        into the named graphs it names."""

    def serialize(self, fmt: str, names: Sequence[URIRef]) -> bytes:
        """The named graphs in a format (graph formats: their union), in the engine's order."""

    def query(
        self,
        text: str,
        bindings: Mapping[str, Node] | None = None,
        graphs: Sequence[URIRef] | None = None,
    ) -> QueryResult:
        """Run a SPARQL query over the union of the given graphs, with bound parameters."""

    def answers(
        self,
        text: str,
        bindings: Mapping[str, JsonTerm] | None = None,
        graphs: Sequence[str] | None = None,
    ) -> Answers:
        """As `query`, with bound values and answers as SPARQL 1.1 JSON terms."""


def engine_name(engine: str | None = None) -> str:
    """The engine asked for: the argument, else $DIPLOGRAPH_ENGINE, else the default."""
    name = (engine or os.environ.get(ENGINE_VARIABLE) or DEFAULT_ENGINE).strip().lower()
    if name not in ENGINES:
        choices = ", ".join(ENGINES)
        raise InputError(f"unknown engine {name!r} (--engine, ${ENGINE_VARIABLE}): use {choices}")
    return name


def check_format(fmt: str) -> None:
    """Refuse a format no engine reads."""
    if fmt not in RDF_FORMATS:
        raise InputError(f"unknown RDF format {fmt!r}; choose one of {', '.join(RDF_FORMATS)}")


def names_graphs(fmt: str, name: object | None) -> bool:
    """Whether RDF text is read as a dataset (named graphs) rather than into one graph: TriG and
    N-Quads always, JSON-LD when no graph is named."""
    return fmt in ("trig", "nquads") or (fmt == "jsonld" and name is None)
