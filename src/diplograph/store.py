"""Store: the one place that knows which engine holds the graph (pyoxigraph by default, rdflib as
the reference).

The pipeline's stages hand named graphs to a `Store`, ask it which graphs make up a layer
(`layer_graphs`), parse and serialise through it and ask it SPARQL questions; none of them
touches the engine. Whatever the engine, terms come back as rdflib terms and graphs as rdflib
`Graph` copies (rdflib stays the public face), converted here at the boundary. The engine is
chosen by `new_store(engine)`, the `--engine` option or $DIPLOGRAPH_ENGINE. The contract every
engine must pass is tests/test_store.py. See docs/decisions/20261123-engine-seam.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from diplograph.errors import InputError, syntax_error
from diplograph.iris import CANDIDATES_GRAPHS, INFERRED_GRAPH, ONTOLOGY_GRAPH, WIKIDATA_GRAPH
from diplograph.namespaces import PREFIXES

ENGINES = ("oxigraph", "rdflib")
DEFAULT_ENGINE = "oxigraph"
ENGINE_VARIABLE = "DIPLOGRAPH_ENGINE"
LAYERS = ("asserted", "inferred", "candidates", "wikidata", "all")
RDF_FORMATS = ("turtle", "trig", "nt", "nquads", "jsonld")
_RDFLIB_FORMATS = {"turtle": "turtle", "trig": "trig", "nt": "nt", "nquads": "nquads"}
_RDFLIB_FORMATS["jsonld"] = "json-ld"
_QUAD_FORMATS = ("trig", "nquads", "jsonld")

Triple = tuple[Node, Node, Node]


@dataclass(frozen=True)
class QueryResult:
    """The answer to a SELECT (variables and rows) or an ASK (boolean)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Node | None, ...], ...]
    boolean: bool | None = None


class Store(Protocol):
    """What every engine offers the stages: named graphs in, rdflib copies out, RDF text in and
    out, SPARQL over a chosen set of graphs with bound parameters."""

    engine: str

    def add_graph(self, name: URIRef, graph: Iterable[Triple]) -> None:
        """Add the triples of a graph (or any iterable of triples) to the named graph `name`."""

    def remove_graph(self, name: URIRef) -> None:
        """Drop the named graph `name` and its triples."""

    def graph_names(self) -> list[URIRef]:
        """The names of the non-empty named graphs, sorted."""

    def graph(self, name: URIRef) -> Graph:
        """A copy of one named graph, as an rdflib Graph."""

    def union(self, names: Iterable[URIRef] | None = None) -> Graph:
        """The union of the given named graphs (all of them by default), as an rdflib Graph."""

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


def engine_name(engine: str | None = None) -> str:
    """The engine asked for: the argument, else $DIPLOGRAPH_ENGINE, else the default."""
    name = (engine or os.environ.get(ENGINE_VARIABLE) or DEFAULT_ENGINE).strip().lower()
    if name not in ENGINES:
        choices = ", ".join(ENGINES)
        raise InputError(f"unknown engine {name!r} (--engine, ${ENGINE_VARIABLE}): use {choices}")
    return name


def new_store(engine: str | None = None, path: Path | None = None) -> Store:
    """An empty store of the chosen engine: in memory, or (Oxigraph only) on disk at `path`."""
    if engine_name(engine) == "rdflib":
        if path is not None:
            raise InputError(f"{path}: the rdflib engine keeps no store on disk")
        return RdflibStore()
    return OxigraphStore(path)


def open_store(path: Path) -> Store:
    """An Oxigraph store that a build left on disk, opened read-only."""
    return OxigraphStore(path, read_only=True)


def parse_turtle(path: Path) -> Graph:
    """Parse a Turtle file, turning a syntax error into one line naming the file, line and
    column (a file that cannot be read is said to be so)."""
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad syntax
        raise syntax_error(path, exc, "Turtle") from exc
    return graph


def layer_graphs(store: Store, layer: str) -> list[URIRef]:
    """The named graphs of a layer (never the ontology, which is exported only on request).

    asserted: the articles' graphs, the rule layers in effect and the entities; inferred: the
    OWL RL closure; candidates: the rule layers of hand-mapped articles, kept for review;
    wikidata: facts fetched by `diplograph enrich`; all: everything but the candidates.
    """
    if layer not in LAYERS:
        raise InputError(f"unknown layer {layer!r}; choose one of {', '.join(LAYERS)}")
    names = [n for n in store.graph_names() if n != ONTOLOGY_GRAPH]
    kinds = {n: layer_of(n) for n in names}
    if layer == "all":
        return [n for n in names if kinds[n] != "candidates"]
    return [n for n in names if kinds[n] == layer]


def analysis_names(store: Store, inference: bool = True) -> list[URIRef]:
    """What analysis sees: every layer but the candidates (less the inferred one if asked), with
    the ontology (for labels)."""
    names = [n for n in layer_graphs(store, "all") if inference or n != INFERRED_GRAPH]
    if ONTOLOGY_GRAPH in store.graph_names():
        names.append(ONTOLOGY_GRAPH)
    return names


def analysis_graph(store: Store) -> Graph:
    """What analysis sees, as one rdflib graph."""
    return store.union(analysis_names(store))


def layer_of(name: URIRef) -> str:
    """The layer a named graph belongs to."""
    if name == INFERRED_GRAPH:
        return "inferred"
    if name == WIKIDATA_GRAPH:
        return "wikidata"
    if name.startswith(CANDIDATES_GRAPHS):
        return "candidates"
    return "asserted"


def _check_format(fmt: str) -> None:
    """Refuse a format no engine reads."""
    if fmt not in RDF_FORMATS:
        raise InputError(f"unknown RDF format {fmt!r}; choose one of {', '.join(RDF_FORMATS)}")


def _names_graphs(fmt: str, name: URIRef | None) -> bool:
    """Whether RDF text is read as a dataset (named graphs) rather than into one graph: TriG and
    N-Quads always, JSON-LD when no graph is named."""
    return fmt in ("trig", "nquads") or (fmt == "jsonld" and name is None)


_IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_STRING = re.compile(
    r'"""(?:[^\\]|\\.)*?"""'
    r"|'''(?:[^\\]|\\.)*?'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'",
    re.DOTALL,
)


def values_first(text: str, rendered: Mapping[str, str]) -> str:
    """The query with a VALUES block of its bound values (already written as SPARQL terms)
    opening its outer group: bound first, as rdflib's initBindings binds, never joined last (a
    trailing VALUES block took minutes on a large store).

    >>> values_first("SELECT ?s WHERE { ?s ?p ?o }", {"o": '"x"'})
    'SELECT ?s WHERE { VALUES (?o) { ("x") }  ?s ?p ?o }'
    """
    if not rendered:
        return text
    names = sorted(rendered)
    variables = " ".join(f"?{name}" for name in names)
    values = " ".join(rendered[name] for name in names)
    at = _outer_group(text)
    return f"{text[:at]} VALUES ({variables}) {{ ({values}) }} {text[at:]}"


def _outer_group(text: str) -> int:
    """Where the first group of a query opens (just after its `{`), skipping comments, IRIs
    and strings."""
    at = 0
    while at < len(text):
        char = text[at]
        if char == "#":
            end = text.find("\n", at)
            at = len(text) if end < 0 else end
        elif char == "<" and (match := _IRI.match(text, at)):
            at = match.end()
        elif char in "\"'" and (match := _STRING.match(text, at)):
            at = match.end()
        elif char == "{":
            return at + 1
        else:
            at += 1
    raise InputError("the query has no group pattern ({ ... })")


class _GraphCopies:
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
        copy = Graph()
        for triple in self._triples(name):
            copy.add(triple)
        return copy

    def union(self, names: Iterable[URIRef] | None = None) -> Graph:
        """The union of the given named graphs (all of them by default), cached."""
        key = tuple(sorted(names if names is not None else self.graph_names()))
        if key not in self._unions:
            merged = Graph()
            for name in key:
                for triple in self._triples(name):
                    merged.add(triple)
            self._unions[key] = merged
        return self._unions[key]


class RdflibStore(_GraphCopies):
    """An in-memory store of named graphs backed by an rdflib Dataset (the reference engine)."""

    engine = "rdflib"

    def __init__(self) -> None:
        """Start empty."""
        self._dataset = Dataset()
        self._unions: dict[tuple[URIRef, ...], Graph] = {}

    def add_graph(self, name: URIRef, graph: Iterable[Triple]) -> None:
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

    def _triples(self, name: URIRef) -> Iterable[Triple]:
        """The triples of one named graph."""
        return self._dataset.graph(name)

    def parse(self, data: bytes, fmt: str, name: URIRef | None = None) -> None:
        """Load RDF text into the named graph `name` or the named graphs it names."""
        _check_format(fmt)
        if _names_graphs(fmt, name):
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
        _check_format(fmt)
        if fmt in _QUAD_FORMATS:
            dataset = Dataset()
            for name in names:
                target = dataset.graph(name)
                for triple in self._dataset.graph(name):
                    target.add(triple)
            return dataset.serialize(format=_RDFLIB_FORMATS[fmt], encoding="utf-8")
        return self.union(names).serialize(format=_RDFLIB_FORMATS[fmt], encoding="utf-8")

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


_INTERNAL = "urn:x-diplograph:store/"  # the store's own graphs, in no layer
_LITERALS_GRAPH = _INTERNAL + "literals"  # the literals Oxigraph rewrote
_MERGED = _INTERNAL + "merged/"  # the RDF merge of a set of graphs
_LITERAL_RECORD = "urn:x-diplograph:store/literal"
_UNTOUCHED = (str(XSD.string), str(RDF.langString))


class OxigraphStore(_GraphCopies):
    """A store of named graphs in pyoxigraph: in memory, or on disk (RocksDB) at a path.

    Oxigraph keeps a typed literal by its value: "5"^^xsd:nonNegativeInteger comes back as
    "5"^^xsd:integer, "5000000000.0"^^xsd:decimal as "5000000000". The store notes each literal
    so rewritten, by predicate (in a graph of its own on disk), and gives the literal back as it
    went in in graph copies (which SHACL validates). Query answers are Oxigraph's own, as a
    SPARQL store would give them: a query cannot tell a stored literal from one it computed
    (`xsd:integer(?b)`), and a stored query must answer alike here and on any store.
    """

    engine = "oxigraph"

    def __init__(self, path: Path | None = None, read_only: bool = False) -> None:
        """Start empty in memory, or open (creating it if need be) the store at `path`."""
        import pyoxigraph

        self._ox: Any = pyoxigraph
        self.path = path
        if path is None:
            self._store = pyoxigraph.Store()
        elif read_only:
            self._store = pyoxigraph.Store.read_only(str(path))
        else:
            self._store = pyoxigraph.Store(str(path))
        self._unions: dict[tuple[URIRef, ...], Graph] = {}
        self._prefixes = {prefix: str(iri) for prefix, iri in PREFIXES.items()}
        self._forms: dict[Any, Any] = {}  # a typed literal -> the form Oxigraph keeps of it
        self._originals: dict[tuple[str, Any], Any] = {}  # (predicate, form) -> literal
        self._literals = pyoxigraph.NamedNode(_LITERALS_GRAPH)
        self._read_only = read_only
        self._merged = {  # the merged graphs made for queries (see _merged_graph)
            node.value
            for node in self._store.named_graphs()
            if isinstance(node, pyoxigraph.NamedNode) and node.value.startswith(_MERGED)
        }
        self._scratch: dict[str, Any] = {}  # merged graphs made in memory for a read-only store
        for quad in self._store.quads_for_pattern(None, None, None, self._literals):
            form, original = (self._ox_literal(*pair) for pair in json.loads(quad.object.value))
            self._note(quad.subject.value, form, original)

    def _ox_literal(self, value: str, datatype: str) -> Any:
        """A pyoxigraph typed literal."""
        return self._ox.Literal(value, datatype=self._ox.NamedNode(datatype))

    def _note(self, predicate: str, form: Any, original: Any) -> None:
        """Remember a literal that Oxigraph keeps in another form."""
        self._originals[(predicate, form)] = original

    def _form(self, literal: Any) -> Any:
        """The form Oxigraph keeps of a typed literal (found once by storing it)."""
        if literal not in self._forms:
            scratch = self._ox.Store()
            scratch.add(self._ox.Quad(self._literals, self._literals, literal))
            self._forms[literal] = next(iter(scratch)).object
        return self._forms[literal]

    def _record(self, quads: Iterable[Any]) -> Iterator[Any]:
        """Pass quads through, noting (and, on disk, storing) the literals Oxigraph rewrites."""
        ox, records = self._ox, []
        for quad in quads:
            value = quad.object
            if isinstance(value, ox.Literal) and value.datatype.value not in _UNTOUCHED:
                form = self._form(value)
                key = (quad.predicate.value, form)
                if form != value and self._originals.get(key) != value:
                    self._note(key[0], form, value)
                    pairs = [[t.value, t.datatype.value] for t in (form, value)]
                    record = ox.Literal(json.dumps(pairs))
                    subject = ox.NamedNode(key[0])
                    records.append(
                        ox.Quad(subject, ox.NamedNode(_LITERAL_RECORD), record, self._literals)
                    )
            yield quad
        self._store.extend(records)

    def _term(self, node: Node) -> Any:
        """The pyoxigraph term of an rdflib term."""
        ox = self._ox
        if isinstance(node, URIRef):
            return ox.NamedNode(str(node))
        if isinstance(node, BNode):
            return ox.BlankNode(str(node))
        if isinstance(node, Literal):
            if node.language:
                return ox.Literal(str(node), language=node.language)
            if node.datatype is not None:
                return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
            return ox.Literal(str(node))
        raise InputError(f"{node!r} is not an RDF term the store can hold")

    def _rdflib(self, term: Any, predicate: Any = None) -> Node | None:
        """The rdflib term of a pyoxigraph term (None stays None: an unbound variable), as it
        went in where Oxigraph rewrote it."""
        ox = self._ox
        if term is None:
            return None
        if isinstance(term, ox.NamedNode):
            return URIRef(term.value)
        if isinstance(term, ox.BlankNode):
            return BNode(term.value)
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in _UNTOUCHED:
            return Literal(term.value)
        if predicate is not None:  # a triple of a graph copy: the literal as it went in
            original = self._originals.get((predicate.value, term))
            if original is not None:
                term, datatype = original, original.datatype.value
        return Literal(term.value, datatype=URIRef(datatype))

    def _graph_node(self, name: URIRef) -> Any:
        """The pyoxigraph name of a named graph."""
        return self._ox.NamedNode(str(name))

    def add_graph(self, name: URIRef, graph: Iterable[Triple]) -> None:
        """Add the triples of a graph (or any iterable of triples) to the named graph `name`."""
        target, quad, term = self._graph_node(name), self._ox.Quad, self._term
        quads = [quad(term(s), term(p), term(o), target) for s, p, o in graph]
        self._store.extend(list(self._record(quads)))
        self._changed()

    def remove_graph(self, name: URIRef) -> None:
        """Drop the named graph `name` and its triples."""
        node = self._graph_node(name)
        if self._store.contains_named_graph(node):
            self._store.remove_graph(node)
        self._changed()

    def graph_names(self) -> list[URIRef]:
        """The names of the non-empty named graphs, sorted."""
        names = []
        for node in self._store.named_graphs():
            if isinstance(node, self._ox.NamedNode) and not node.value.startswith(_INTERNAL):
                if next(iter(self._store.quads_for_pattern(None, None, None, node)), None):
                    names.append(URIRef(node.value))
        return sorted(names)

    def _triples(self, name: URIRef) -> Iterator[Triple]:
        """The triples of one named graph, as rdflib terms."""
        convert = self._rdflib
        for quad in self._store.quads_for_pattern(None, None, None, self._graph_node(name)):
            p = quad.predicate
            yield convert(quad.subject), convert(p), convert(quad.object, p)

    def _format(self, fmt: str) -> Any:
        """The pyoxigraph format of a format name."""
        _check_format(fmt)
        formats = self._ox.RdfFormat
        return {
            "turtle": formats.TURTLE,
            "trig": formats.TRIG,
            "nt": formats.N_TRIPLES,
            "nquads": formats.N_QUADS,
            "jsonld": formats.JSON_LD,
        }[fmt]

    def parse(self, data: bytes, fmt: str, name: URIRef | None = None) -> None:
        """Load RDF text into the named graph `name` or the named graphs it names (the default
        graph of a dataset format is left out, as the rdflib engine leaves it out)."""
        ox, form = self._ox, self._format(fmt)
        quads = ox.parse(data, form, rename_blank_nodes=True)
        if not _names_graphs(fmt, name):
            target = self._graph_node(name) if name is not None else ox.DefaultGraph()
            quads = (ox.Quad(q.subject, q.predicate, q.object, target) for q in quads)
        kept = (q for q in quads if isinstance(q.graph_name, ox.NamedNode))
        extend = self._store.extend if self.path is None else self._store.bulk_extend
        extend(self._record(kept))
        self._changed()

    def serialize(self, fmt: str, names: Sequence[URIRef]) -> bytes:
        """The named graphs in a format (graph formats: their union), as Oxigraph keeps them."""
        ox, form = self._ox, self._format(fmt)
        quads = [
            quad
            for name in names
            for quad in self._store.quads_for_pattern(None, None, None, self._graph_node(name))
        ]
        if fmt in _QUAD_FORMATS:
            return ox.serialize(quads, format=form, prefixes=self._prefixes)
        triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
        return ox.serialize(triples, format=form, prefixes=self._prefixes)

    def _with_values(self, text: str, bindings: Mapping[str, Node]) -> str:
        """The query with its bound values as a VALUES block opening its outer group, which
        binds them as rdflib's initBindings does; Oxigraph's own substitutions need each
        variable in the projection, and a stored query's parameters seldom are."""
        if not bindings:
            return text
        if any(isinstance(v, BNode) for v in bindings.values()):
            raise InputError("a query parameter cannot be a blank node")
        return values_first(text, {name: str(self._term(v)) for name, v in bindings.items()})

    def _changed(self) -> None:
        """Forget the unions and merged graphs made of the graphs as they were."""
        self._unions.clear()
        for name in sorted(self._merged):
            self._store.remove_graph(self._ox.NamedNode(name))
        self._merged.clear()
        self._scratch.clear()

    def _merged_graph(self, names: Sequence[URIRef]) -> tuple[Any, Any]:
        """The store and the graph to query as the RDF merge of the named graphs: the graph
        itself if one, else one graph holding each of their triples once. Oxigraph 0.5 counts a
        triple once per graph it is in when a query's default graph is several graphs
        (oxigraph/oxigraph#1919, fixed after 0.5); a merged graph is made once per set of
        graphs, kept until a graph changes, and written by a build for the sets `query` asks."""
        ox = self._ox
        if len(names) <= 1:
            return self._store, [self._graph_node(n) for n in names] or ox.DefaultGraph()
        key = "\n".join(sorted(set(names)))
        name = _MERGED + hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        merged = ox.NamedNode(name)
        if name in self._merged:
            return self._store, merged
        if self._read_only:
            if name not in self._scratch:
                scratch = ox.Store()
                scratch.extend(
                    ox.Quad(q.subject, q.predicate, q.object, merged)
                    for n in names
                    for q in self._store.quads_for_pattern(None, None, None, self._graph_node(n))
                )
                self._scratch[name] = scratch
            return self._scratch[name], merged
        graphs = " ".join(f"<{n}>" for n in sorted(set(names)))
        self._store.update(
            f"INSERT {{ GRAPH <{name}> {{ ?s ?p ?o }} }} "
            f"WHERE {{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?s ?p ?o }} }}"
        )
        self._merged.add(name)
        return self._store, merged

    def merge(self, names: Sequence[URIRef]) -> None:
        """Make the merged graph of a set of graphs now (a build does, for `query`)."""
        self._merged_graph(names)

    def flush(self) -> None:
        """Write what is buffered to disk (an on-disk store)."""
        if self.path is not None:
            self._store.flush()

    def query(
        self,
        text: str,
        bindings: Mapping[str, Node] | None = None,
        graphs: Sequence[URIRef] | None = None,
    ) -> QueryResult:
        """Run a SPARQL query over the union of the given graphs, with bound parameters."""
        ox = self._ox
        names = graphs if graphs is not None else self.graph_names()
        store, merged = self._merged_graph(names)
        result = store.query(
            self._with_values(text, bindings or {}),
            prefixes=self._prefixes,
            default_graph=merged,
        )
        if isinstance(result, ox.QueryBoolean):
            return QueryResult((), (), bool(result))
        if not isinstance(result, ox.QuerySolutions):
            raise InputError("a stored query must be a SELECT or an ASK query")
        variables = tuple(v.value for v in result.variables)
        convert = self._rdflib
        rows = tuple(tuple(convert(term) for term in solution) for solution in result)
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
