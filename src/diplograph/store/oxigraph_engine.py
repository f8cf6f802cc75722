"""The Oxigraph engine (the default): named graphs in pyoxigraph, in memory or on disk
(RocksDB); rdflib terms in and out at the boundary, imported when first converted, so that a
query answered as SPARQL 1.1 JSON terms (`answers`, `diplograph query`) loads no rdflib.
"""

from __future__ import annotations

import hashlib
import io
import json
import weakref
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from diplograph.errors import InputError
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
from diplograph.store.sparql import values_first
from diplograph.store.terms import UNTOUCHED as _UNTOUCHED
from diplograph.store.terms import json_of_oxigraph, oxigraph_of_json

if TYPE_CHECKING:
    from rdflib import Graph, URIRef
    from rdflib.term import Node

    from diplograph.store.protocol import Store, Triple

_TERMS: ModuleType | None = None


def _rdflib_terms() -> ModuleType:
    """rdflib's term module, imported on first use."""
    global _TERMS
    if _TERMS is None:
        import rdflib.term

        _TERMS = rdflib.term
    return _TERMS


_INTERNAL = "urn:x-diplograph:store/"  # the store's own graphs, in no layer
_LITERALS_GRAPH = _INTERNAL + "literals"  # the literals Oxigraph rewrote
_MERGED = _INTERNAL + "merged/"  # the RDF merge of a set of graphs
_NAMES_GRAPH = _INTERNAL + "graphs"  # the graph names, as a build left them (record_graphs)
_ALIASES_GRAPH = _INTERNAL + "aliases"  # merged graphs kept up to date under an earlier name
_ALIAS_RECORD = "urn:x-diplograph:store/alias"
_LITERAL_RECORD = "urn:x-diplograph:store/literal"
_NAMES_RECORD = "urn:x-diplograph:store/names"
_COUNT_DISTINCT = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


# The on-disk stores open for writing in this process: while one is, the process exits the usual
# way (__main__.py), so that its store is closed by the teardown.
WRITING: weakref.WeakSet = weakref.WeakSet()


class OxigraphStore(GraphCopies):
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
            WRITING.add(self)
        self._unions: dict[tuple[URIRef, ...], Graph] = {}
        self._derived: dict[Any, Any] = {}
        self._prefixes = {prefix: str(iri) for prefix, iri in PREFIXES.items()}
        self._forms: dict[Any, Any] = {}  # a typed literal -> the form Oxigraph keeps of it
        self._literals = pyoxigraph.NamedNode(_LITERALS_GRAPH)
        self._names_graph = pyoxigraph.NamedNode(_NAMES_GRAPH)
        self._read_only = read_only
        # merged graphs made in memory (a store in memory, or read-only), by name: the store
        # holding one, its graph, the graphs it merges
        self._scratch: dict[str, tuple[Any, Any, frozenset[str]]] = {}
        # read when first needed, so that opening a large store costs nothing that grows with it
        self._originals_read: dict[tuple[str, Any], Any] | None = None  # (predicate, form) ->
        self._merged_read: set[str] | None = None  # the merged graphs on disk (_merged_graph)
        self._names: list[str] | None = None  # graph_iris, until the graphs change
        self._uris: list[URIRef] | None = None  # graph_names, until the graphs change
        self._queried: dict[tuple[str, ...], tuple[Any, Any]] = {}  # graphs -> what to query
        self._shared: dict[Any, Any] | None = None  # terms converted, within sharing_terms

    @property
    def _originals(self) -> dict[tuple[str, Any], Any]:
        """The literals Oxigraph rewrote, by (predicate, form): read from the store's record
        the first time a graph is copied out or written to."""
        if self._originals_read is None:
            self._originals_read = {}
            for quad in self._store.quads_for_pattern(None, None, None, self._literals):
                pairs = json.loads(quad.object.value)
                form, original = (self._ox_literal(*pair) for pair in pairs)
                self._note(quad.subject.value, form, original)
        return self._originals_read

    @property
    def _merged(self) -> set[str]:
        """The names of the merged graphs held in the store (listed when first needed)."""
        if self._merged_read is None:
            ox = self._ox
            self._merged_read = {
                node.value
                for node in self._store.named_graphs()
                if isinstance(node, ox.NamedNode) and node.value.startswith(_MERGED)
            }
        return self._merged_read

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
                    records.append(self._noted(key[0], form, value))
            yield quad
        self._store.extend(records)

    def _noted(self, predicate: str, form: Any, original: Any) -> Any:
        """Note a literal that Oxigraph keeps in another form; the quad that records it."""
        ox = self._ox
        self._note(predicate, form, original)
        record = ox.Literal(json.dumps([[t.value, t.datatype.value] for t in (form, original)]))
        subject, recorded = ox.NamedNode(predicate), ox.NamedNode(_LITERAL_RECORD)
        return ox.Quad(subject, recorded, record, self._literals)

    def _notes_of(self, source: OxigraphStore, graphs: Collection[str]) -> list[Any]:
        """Note here the literals `source` notes as rewritten that its named graphs `graphs`
        hold; the quads that record them. Each literal noted is looked up by Oxigraph's index
        (a few thousand lookups at 1,000 articles), not each quad read in Python."""
        ox, records = self._ox, []
        node = ox.NamedNode(next(iter(graphs))) if len(graphs) == 1 else None
        for (predicate, form), original in source._originals.items():
            if self._originals.get((predicate, form)) == original:
                continue
            quads = source._store.quads_for_pattern(None, ox.NamedNode(predicate), form, node)
            if any(getattr(q.graph_name, "value", None) in graphs for q in quads):
                records.append(self._noted(predicate, form, original))
        return records

    def copy_graphs(self, source: OxigraphStore, names: Sequence[URIRef]) -> None:
        """Load named graphs of another Oxigraph store into this one as that store holds them
        (by the bulk loader on disk), noting the literals Oxigraph rewrote in them: the store
        that parsing their text would make, without writing and parsing the text. The quads go
        from one store to the other without a Python frame a quad."""
        quads = chain.from_iterable(
            source._store.quads_for_pattern(None, None, None, source._graph_node(name))
            for name in names
        )
        (self._store.extend if self.path is None else self._store.bulk_extend)(quads)
        self._store.extend(self._notes_of(source, {str(name) for name in names}))
        self._changed()

    def add_from(self, source: Store, name: URIRef, target: URIRef) -> None:
        """Add the triples of `source`'s named graph `name` to the named graph `target`: an
        Oxigraph store's quads copied as it holds them (its note of the literals it rewrote
        noted here), no rdflib term made; another engine's triples through `add_graph`."""
        if not isinstance(source, OxigraphStore):
            self.add_graph(target, source.triples(name))
            return
        ox, node = self._ox, self._graph_node(target)
        quads = (
            ox.Quad(q.subject, q.predicate, q.object, node)
            for q in source._store.quads_for_pattern(None, None, None, source._graph_node(name))
        )
        # in memory without a transaction's copy of the quads, as add_graph, and read as
        # they go in: no list of them (246,608 at 1,000 articles) beside the two stores
        (self._store.bulk_extend if self.path is None else self._store.extend)(quads)
        self._store.extend(self._notes_of(source, {str(name)}))
        self._changed()

    def update(self, text: str) -> None:
        """Run a SPARQL 1.1 Update on the named graphs, in Oxigraph (no rdflib term made);
        the literals it writes are its own forms, as query answers are."""
        self._store.update(text, prefixes=self._prefixes)
        self._changed()

    def merged_copy(self, names: Sequence[URIRef], name: URIRef) -> OxigraphStore:
        """A new store in memory whose one graph `name` holds the union of the named graphs
        (their quads copied as Oxigraph holds them, no rdflib term made), with this store's
        note of the literals it rewrote, so that triples read from the copy are as here.
        A graph goes over as N-Triples written and read by Oxigraph, one graph at a time (no
        Python object a quad: 1.8 -> 1.0 CPU s for 605,000 quads at 1,000 articles), unless
        its text may name a blank node, which reading would rename: then quad by quad."""
        ox, copy = self._ox, OxigraphStore()
        target, nt = copy._graph_node(name), ox.RdfFormat.N_TRIPLES
        for n in names:
            node = self._graph_node(n)
            text = self._store.dump(format=nt, from_graph=node)
            if b"_:" in text:  # a blank node, or these two characters in a literal
                quads = self._store.quads_for_pattern(None, None, None, node)
                copy._store.extend(ox.Quad(q.subject, q.predicate, q.object, target) for q in quads)
            else:  # Oxigraph's own text: no IRI to check
                copy._store.load(text, format=nt, to_graph=target, lenient=True)
        copy._originals_read = dict(self._originals)
        return copy

    def _term(self, node: Node) -> Any:
        """The pyoxigraph term of an rdflib term."""
        ox, rdf = self._ox, _rdflib_terms()
        if isinstance(node, rdf.URIRef):
            return ox.NamedNode(str(node))
        if isinstance(node, rdf.BNode):
            return ox.BlankNode(str(node))
        if isinstance(node, rdf.Literal):
            if node.language:
                return ox.Literal(str(node), language=node.language)
            if node.datatype is not None:
                return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
            return ox.Literal(str(node))
        raise InputError(f"{node!r} is not an RDF term the store can hold")

    def _rdflib(self, term: Any, predicate: Any = None) -> Node | None:
        """The rdflib term of a pyoxigraph term (None stays None: an unbound variable), as it
        went in where Oxigraph rewrote it."""
        ox, rdf = self._ox, _rdflib_terms()
        if term is None:
            return None
        if isinstance(term, ox.NamedNode):
            return rdf.URIRef(term.value)
        if isinstance(term, ox.BlankNode):
            return rdf.BNode(term.value)
        if term.language:
            return rdf.Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in _UNTOUCHED:
            return rdf.Literal(term.value)
        if predicate is not None:  # a triple of a graph copy: the literal as it went in
            original = self._originals.get((predicate.value, term))
            if original is not None:
                term, datatype = original, original.datatype.value
        return rdf.Literal(term.value, datatype=rdf.URIRef(datatype))

    def _graph_node(self, name: URIRef) -> Any:
        """The pyoxigraph name of a named graph."""
        return self._ox.NamedNode(str(name))

    def add_graph(self, name: URIRef, graph: Iterable[Triple]) -> None:
        """Add the triples of a graph (or any iterable of triples) to the named graph `name`."""
        target, quad, term = self._graph_node(name), self._ox.Quad, self._term
        quads = [quad(term(s), term(p), term(o), target) for s, p, o in graph]
        # in memory without a transaction's copy of the quads (200,000 at once in `entail`)
        (self._store.bulk_extend if self.path is None else self._store.extend)(
            list(self._record(quads))
        )
        self._changed()

    def remove_graph(self, name: URIRef) -> None:
        """Drop the named graph `name` and its triples (the merged graphs made in memory are
        kept up to date without it, `_scratch_without`)."""
        node = self._graph_node(name)
        kept = self._scratch_without(str(name)) if self._scratch else {}
        if self._store.contains_named_graph(node):
            self._store.remove_graph(node)
        self._changed()
        self._scratch.update(kept)

    def _scratch_without(self, removed: str) -> dict[str, tuple[Any, Any, frozenset[str]]]:
        """The merged graphs made in memory, as they are once the graph `removed` is dropped:
        one that merges it loses each of its triples that no other graph it merges holds, and
        is kept under the name of the graphs it merges now. The validation's conflict rounds
        set a few rule graphs aside, and each round merged every asserted graph again for the
        QA checks (with `_copy_into`, `validate` 18.5 -> 14.8 CPU s at 1,000 articles)."""
        ox, node = self._ox, self._ox.NamedNode(removed)
        kept = {}
        for name, (scratch, merged, names) in self._scratch.items():
            rest = names - {removed}
            if rest == names:
                kept[name] = (scratch, merged, names)
                continue
            if len(rest) <= 1:
                continue  # one graph is queried as itself (_find_merged)
            for quad in self._store.quads_for_pattern(None, None, None, node):
                s, p, o = quad.subject, quad.predicate, quad.object
                holders = self._store.quads_for_pattern(s, p, o, None)
                if not any(getattr(h.graph_name, "value", None) in rest for h in holders):
                    scratch.remove(ox.Quad(s, p, o, merged))
            kept[_merged_name(rest)] = (scratch, merged, rest)
        return kept

    def graph_iris(self) -> list[str]:
        """The names of the non-empty named graphs as plain strings, sorted (listed once until
        the graphs change: every stored query asks for them; read from the list a build
        recorded, if any, instead of probing every graph)."""
        if self._names is None:
            self._names = self._recorded_names()
        if self._names is None:
            names = []
            for node in self._store.named_graphs():
                if isinstance(node, self._ox.NamedNode) and not node.value.startswith(_INTERNAL):
                    if next(iter(self._store.quads_for_pattern(None, None, None, node)), None):
                        names.append(node.value)
            self._names = sorted(names)
        return list(self._names)

    def _recorded_names(self) -> list[str] | None:
        """The graph names as `record_graphs` left them, or None if it did not."""
        for quad in self._store.quads_for_pattern(None, None, None, self._names_graph):
            text = quad.object.value
            return text.split("\n") if text else []
        return None

    def record_graphs(self) -> None:
        """Write the graph names into the store (one literal in a graph of its own), so that
        a reader lists them without probing every graph; the record goes at the next change."""
        ox = self._ox
        text = ox.Literal("\n".join(self.graph_iris()))
        node = self._names_graph
        if self._store.contains_named_graph(node):
            self._store.remove_graph(node)
        self._store.add(ox.Quad(node, ox.NamedNode(_NAMES_RECORD), text, node))

    def graph_names(self) -> list[URIRef]:
        """The names of the non-empty named graphs, sorted (made once until the graphs
        change)."""
        if self._uris is None:
            uri = _rdflib_terms().URIRef
            self._uris = [uri(name) for name in self.graph_iris()]
        return list(self._uris)

    def _triples(self, name: URIRef, predicate: URIRef | None = None) -> Iterator[Triple]:
        """The triples of one named graph (of one predicate if given: looked up by Oxigraph's
        index), as rdflib terms (each term converted once: a subject or predicate that comes
        again is the same object)."""
        convert, ox = self._rdflib, self._ox
        terms: dict[Any, Any] = {} if self._shared is None else self._shared
        verb = None if predicate is None else self._term(predicate)
        for quad in self._store.quads_for_pattern(None, verb, None, self._graph_node(name)):
            s, p, o = quad.subject, quad.predicate, quad.object
            key = (o, p) if isinstance(o, ox.Literal) else o  # a literal: as it went in, by p
            if s not in terms:
                terms[s] = convert(s)
            if p not in terms:
                terms[p] = convert(p)
            if key not in terms:
                terms[key] = convert(o, p)
            yield terms[s], terms[p], terms[key]

    def count(self, names: Sequence[URIRef]) -> int:
        """How many triples the union of the named graphs holds, each counted once: counted by
        Oxigraph (a DISTINCT over the graphs as one default graph, which counts a triple once
        per graph it is in), no term converted and no merged graph made."""
        if not names:
            return 0
        graphs = [self._graph_node(name) for name in names]
        result = self._store.query(_COUNT_DISTINCT, default_graph=graphs)
        return int(next(iter(result))[0].value)

    @contextmanager
    def sharing_terms(self) -> Iterator[None]:
        """Within it, a term read from several graphs is converted to rdflib once (the
        conversions kept by Oxigraph term, a literal with its predicate, until a graph changes
        or the outermost context ends): a stage that reads most graphs converts each entity,
        date and predicate once, not once a graph, and holds one object of each."""
        outer = self._shared
        if outer is None:
            self._shared = {}
        try:
            yield
        finally:
            if outer is None:
                self._shared = None

    def _format(self, fmt: str) -> Any:
        """The pyoxigraph format of a format name."""
        check_format(fmt)
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
        if not names_graphs(fmt, name):
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
        if fmt in QUAD_FORMATS:
            return ox.serialize(quads, format=form, prefixes=self._prefixes)
        triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
        return ox.serialize(triples, format=form, prefixes=self._prefixes)

    def _with_values(self, text: str, bindings: Mapping[str, Node]) -> str:
        """The query with its bound values as a VALUES block opening its outer group, which
        binds them as rdflib's initBindings does; Oxigraph's own substitutions need each
        variable in the projection, and a stored query's parameters seldom are."""
        if not bindings:
            return text
        if any(isinstance(v, _rdflib_terms().BNode) for v in bindings.values()):
            raise InputError("a query parameter cannot be a blank node")
        return values_first(text, {name: str(self._term(v)) for name, v in bindings.items()})

    def _changed(self) -> None:
        """Forget the unions, merged graphs and graph names made of the graphs as they were
        (and the list of names a build recorded)."""
        self._names = self._uris = None
        if self._shared is not None:  # a literal's note may have changed
            self._shared.clear()
        self._unions.clear()
        self._derived.clear()
        self._queried.clear()
        for name in sorted(self._merged):
            self._store.remove_graph(self._ox.NamedNode(name))
        self._merged.clear()
        aliases = self._ox.NamedNode(_ALIASES_GRAPH)
        if self._store.contains_named_graph(aliases):
            self._store.remove_graph(aliases)
        self._scratch.clear()
        if self._store.contains_named_graph(self._names_graph):
            self._store.remove_graph(self._names_graph)

    def _merged_graph(self, names: Sequence[str]) -> tuple[Any, Any]:
        """The store and the graph to query as the RDF merge of the named graphs: the graph
        itself if one, else one graph holding each of their triples once. Oxigraph 0.5 counts a
        triple once per graph it is in when a query's default graph is several graphs
        (oxigraph/oxigraph#1919, fixed after 0.5); a merged graph is made once per set of
        graphs (their quads copied into it, by Oxigraph's bulk loader on disk: half the CPU of an
        `INSERT ... WHERE`), kept until a graph changes, and written by a build for the sets
        `query` asks. A store in memory (or read-only) makes it in a scratch store of its own,
        dropped when a graph changes: Oxigraph's in-memory store keeps the memory of every quad
        it ever held, so merged graphs made and removed in it (the QA checks' at each run, the
        inference's at each round) added some 80 MiB per 300,000 quads each time.
        Which graph a set of names queries is remembered until a graph changes, so that a query
        over hundreds of graphs does not sort and hash their names again."""
        key = tuple(names)
        if key not in self._queried:
            self._queried[key] = self._find_merged(names)
        return self._queried[key]

    def _find_merged(
        self, names: Sequence[str], source: OxigraphStore | None = None
    ) -> tuple[Any, Any]:
        """As `_merged_graph`, found or made anew (its quads read from `source` if given: a
        store holding the same graphs, cheaper to read than this one on disk)."""
        ox = self._ox
        if len(names) <= 1:
            return self._store, [self._graph_node(n) for n in names] or ox.DefaultGraph()
        graphs = sorted({str(n) for n in names})
        name = _merged_name(graphs)
        merged = ox.NamedNode(name)
        if self._store.contains_named_graph(merged):  # made by a build, or before
            return self._store, merged
        alias = self._alias(merged)  # kept up to date by an incremental build (store/delta.py)
        if alias is not None:
            return self._store, alias
        if self._read_only or self.path is None:  # in memory: a store of its own (see below)
            if name not in self._scratch:
                scratch = self._copy_into(ox.Store(), self, graphs, merged)
                self._scratch[name] = (scratch, merged, frozenset(graphs))
            return self._scratch[name][:2]
        self._copy_into(self._store, source or self, graphs, merged, bulk=True)
        self._merged.add(name)
        return self._store, merged

    def _copy_into(
        self,
        target: Any,
        source: OxigraphStore,
        names: Sequence[str],
        merged: Any,
        bulk: bool = False,
    ) -> Any:
        """Copy the triples of `source`'s named graphs into the graph `merged` of the pyoxigraph
        store `target` (a store is a set of quads: a triple of several graphs goes in once) and
        return `target`. The graphs go over as N-Triples that Oxigraph writes and reads, a graph
        at a time (by one bulk load of them all if `bulk`: into an on-disk store), not as a
        Python `Quad` a quad with the new graph name (at 1,000 articles the `store` stage's two
        merges 15.6 -> 14.5 CPU s, a merge of 646,846 quads in memory 3.3 -> 2.7); a graph whose
        text may name a blank node, which reading would rename, goes over quad by quad."""
        ox, nt = self._ox, self._ox.RdfFormat.N_TRIPLES
        blank: list[str] = []
        texts = source._texts(names, blank)
        if bulk:
            reader = io.BufferedReader(_Chunks(texts), 1 << 20)
            target.bulk_load(reader, format=nt, to_graph=merged, lenient=True)
        else:
            for text in texts:
                target.load(text, format=nt, to_graph=merged, lenient=True)
        quads = (
            ox.Quad(q.subject, q.predicate, q.object, merged)
            for n in blank
            for q in source._store.quads_for_pattern(None, None, None, ox.NamedNode(n))
        )
        target.extend(quads)
        return target

    def _texts(self, names: Iterable[str], blank: list[str]) -> Iterator[bytes]:
        """The named graphs as N-Triples, one bytes object a graph, as Oxigraph writes them;
        a graph whose text may name a blank node (or holds these two characters in a literal)
        is left out and its name added to `blank`."""
        ox, nt = self._ox, self._ox.RdfFormat.N_TRIPLES
        for name in names:
            text = self._store.dump(format=nt, from_graph=ox.NamedNode(str(name)))
            if b"_:" in text:
                blank.append(str(name))
            else:
                yield text

    def _alias(self, merged: Any) -> Any:
        """The merged graph that holds the merge `merged` names, under an earlier name (None if
        none does)."""
        aliases = self._ox.NamedNode(_ALIASES_GRAPH)
        record = self._ox.NamedNode(_ALIAS_RECORD)
        for quad in self._store.quads_for_pattern(merged, record, None, aliases):
            return quad.object
        return None

    def merge(self, names: Sequence[str], source: OxigraphStore | None = None) -> None:
        """Make the merged graph of a set of graphs now (a build does, for `query`), reading
        their quads from `source` if given (a store holding the same graphs)."""
        if source is None:
            self._merged_graph(names)
        elif tuple(names) not in self._queried:
            self._queried[tuple(names)] = self._find_merged(names, source)

    def flush(self) -> None:
        """Write what is buffered to disk (an on-disk store)."""
        if self.path is not None:
            self._store.flush()

    def compact(self) -> None:
        """Compact an on-disk store now (Oxigraph's `optimize`: RocksDB's compaction of every
        column family), so that the store a build leaves holds no compaction still owed: the
        bulk loader's files are otherwise compacted in the background of each later process
        that opens the store to write, which closes it before the compaction ends (its work
        lost), until its writes stop for it (docs/decisions/20261206-add-one-store-compacted.md)."""
        if self.path is not None and not self._read_only:
            self._store.optimize()

    def _solutions(self, text: str, graphs: Sequence[str] | None) -> Any:
        """Oxigraph's answer to a query (values already bound) over the given graphs' merge."""
        ox = self._ox
        names = graphs if graphs is not None else self.graph_iris()
        store, merged = self._merged_graph(names)
        result = store.query(text, prefixes=self._prefixes, default_graph=merged)
        if not isinstance(result, ox.QueryBoolean | ox.QuerySolutions):
            raise InputError("a stored query must be a SELECT or an ASK query")
        return result

    def query(
        self,
        text: str,
        bindings: Mapping[str, Node] | None = None,
        graphs: Sequence[URIRef] | None = None,
    ) -> QueryResult:
        """Run a SPARQL query over the union of the given graphs, with bound parameters."""
        result = self._solutions(self._with_values(text, bindings or {}), graphs)
        if isinstance(result, self._ox.QueryBoolean):
            return QueryResult((), (), bool(result))
        variables = tuple(v.value for v in result.variables)
        convert = self._rdflib
        rows = tuple(tuple(convert(term) for term in solution) for solution in result)
        return QueryResult(variables, rows)

    def answers(
        self,
        text: str,
        bindings: Mapping[str, JsonTerm] | None = None,
        graphs: Sequence[str] | None = None,
    ) -> Answers:
        """As `query`, with bound values and answers as SPARQL 1.1 JSON terms (no rdflib)."""
        ox, bound = self._ox, bindings or {}
        if any(term["type"] == "bnode" for term in bound.values()):
            raise InputError("a query parameter cannot be a blank node")
        rendered = {name: str(oxigraph_of_json(term, ox)) for name, term in bound.items()}
        result = self._solutions(values_first(text, rendered), graphs)
        if isinstance(result, ox.QueryBoolean):
            return Answers((), (), bool(result))
        variables = tuple(v.value for v in result.variables)
        rows = tuple(tuple(json_of_oxigraph(t, ox) for t in solution) for solution in result)
        return Answers(variables, rows)


def _merged_name(names: Iterable[str]) -> str:
    """The name of the merged graph of a set of graphs (a digest of their sorted names)."""
    key = "\n".join(sorted({str(n) for n in names}))
    return _MERGED + hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


class _Chunks(io.RawIOBase):
    """A readable stream over bytes objects given one after another (Oxigraph's bulk loader
    reads it, so that the text of many graphs is never held at once)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        """Read from `chunks`, in order."""
        self._chunks = chunks
        self._left = memoryview(b"")

    def readable(self) -> bool:
        """A stream to read."""
        return True

    def readinto(self, buffer: Any) -> int:
        """Fill `buffer` with the next bytes (0 at the end)."""
        while not self._left:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._left = memoryview(chunk)
        size = min(len(buffer), len(self._left))
        buffer[:size] = self._left[:size]
        self._left = self._left[size:]
        return size
