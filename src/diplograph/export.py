"""Export stage: reads the store; writes Turtle, TriG, N-Triples, N-Quads or JSON-LD,
deterministically.

Which graphs make up a layer is the store's to say (store.layer_graphs, re-exported here).

The same graph always gives the same bytes: N-Triples and N-Quads lines are sorted, Turtle and
TriG are written as rdflib's serialiser writes them (which sorts subjects and predicates;
turtle_text.py writes the graphs without blank nodes the same way, faster), the blank nodes of a
graph that has some (the ontology's OWL lists) are labelled canonically, JSON-LD is compacted
with the project's prefixes as its `@context` and re-emitted with sorted nodes and keys. No
timestamps are written.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, URIRef
from rdflib.compare import to_canonical_graph

from diplograph.errors import InputError
from diplograph.iris import ONTOLOGY_GRAPH
from diplograph.namespaces import PREFIXES
from diplograph.statementindex import StatementIndex, index_of
from diplograph.store import LAYERS, Store, analysis_graph, layer_graphs
from diplograph.turtle_text import NotPlain, TurtleText, bind, plain_turtle

if TYPE_CHECKING:
    from diplograph.store.protocol import Triple

__all__ = [
    "FORMATS",
    "LAYERS",
    "SUFFIXES",
    "analysis_graph",
    "layer_graphs",
    "serialize",
    "serialize_graph",
    "write_trig",
]
_CHUNK = 1 << 20  # bytes copied at a time into graph.trig
FORMATS = ("turtle", "trig", "nt", "nquads", "jsonld")
SUFFIXES = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "nquads": ".nq", "jsonld": ".jsonld"}

GraphOf = Callable[[URIRef], Graph]  # a named graph as an rdflib copy the serialiser may change
TriplesOf = Callable[[URIRef], Iterable["Triple"]]  # a named graph's triples, not copied


def _sorted_lines(text: str) -> bytes:
    """Sort the lines of a line-based RDF serialisation."""
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8")


CONTEXT = dict(sorted(PREFIXES.items()))


def _jsonld(graph: Graph) -> bytes:
    """JSON-LD compacted with the project's prefixes as its `@context`, nodes in `@graph`
    sorted by @id, values and keys sorted."""
    text = graph.serialize(format="json-ld", context=CONTEXT, auto_compact=True)
    data = json.loads(text)
    nodes = data.get("@graph", []) if "@graph" in data or not len(graph) else [data]
    for node in nodes:
        node.pop("@context", None)
        for key, values in node.items():
            if isinstance(values, list):
                node[key] = sorted(values, key=lambda v: json.dumps(v, sort_keys=True))
    nodes.sort(key=lambda n: (n.get("@id", ""), json.dumps(n, sort_keys=True)))
    document = {"@context": CONTEXT, "@graph": nodes}
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def _split(text: str) -> tuple[list[str], str]:
    """A graph's Turtle, split into its prefix lines and its statements."""
    lines = text.splitlines()
    prefixes = [line for line in lines if line.startswith("@prefix")]
    body = "\n".join(line for line in lines if not line.startswith("@prefix")).strip()
    return prefixes, body


def _turtle_body(graph: Graph) -> tuple[list[str], str]:
    """A graph's Turtle by rdflib's serialiser, split into its prefix lines and statements."""
    bind(graph)
    return _split(graph.serialize(format="turtle"))


def _graph_body(
    name: URIRef, triples_of: TriplesOf, graph_of: GraphOf, writer: TurtleText
) -> tuple[list[str], str]:
    """One named graph's Turtle, split: written from its triples, as rdflib would write it,
    or by rdflib's serialiser where only it can (turtle_text.py)."""
    text = plain_turtle(writer, triples_of(name))
    return _turtle_body(graph_of(name)) if text is None else _split(text)


def _trig_blocks(
    names: list[URIRef],
    triples_of: TriplesOf,
    graph_of: GraphOf,
    prefixes: set[str],
    used: dict[URIRef, tuple[str, ...]] | None = None,
) -> Iterator[str]:
    """TriG's blocks, one per named graph in IRI order, each sorted as Turtle, with the
    blank line between them; the prefix lines they use are added to `prefixes` (and, by
    graph, to `used` if given)."""
    writer = TurtleText()
    for index, name in enumerate(sorted(names)):
        yield ("\n" if index else "") + trig_block(
            name, triples_of, graph_of, writer, prefixes, used
        )


def trig_block(
    name: URIRef,
    triples_of: TriplesOf,
    graph_of: GraphOf,
    writer: TurtleText,
    prefixes: set[str],
    used: dict[URIRef, tuple[str, ...]] | None = None,
) -> str:
    """One named graph's TriG block (without the blank line before it)."""
    graph_prefixes, body = _graph_body(name, triples_of, graph_of, writer)
    prefixes.update(graph_prefixes)
    if used is not None:
        used[name] = tuple(sorted(set(graph_prefixes)))
    return f"<{name}> {{\n{body}\n}}\n"  # not indented: literals may span lines


_LINE_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]|\n@prefix|[\ud800-\udfff]")


def statement_block(
    name: URIRef, triples: Iterable[Triple], writer: TurtleText
) -> tuple[str, tuple[str, ...], StatementIndex] | None:
    """A graph's TriG block written statement by statement, with the prefix lines it uses and
    where each subject's statement lies in its body (so that an incremental build writes again
    only the statements that change: incremental/trigfile.py); the block is `trig_block`'s.
    None for a graph that only rdflib writes, or whose text `_split` would change (line breaks
    other than \\n, a line that starts as a prefix line)."""
    try:
        parts, references = writer.statements(triples)
    except NotPlain:
        return None
    if not all(type(subject) is URIRef for subject in parts):
        return None
    lines = {line for _, used in parts.values() for line in used}
    if len({line.split(":", 1)[0] for line in lines}) != len(lines):
        return None  # one prefix for two namespaces: rdflib's case
    order = sorted(parts, key=lambda s: (references.get(s, 0), str(s)))
    entries, texts = [], []
    for subject in order:
        text, used = parts[subject]
        if _LINE_BREAKS.search(text) or text != text.strip() or text.startswith("@prefix"):
            return None
        entries.append((str(subject), references.get(subject, 0), len(text.encode("utf-8")), used))
        texts.append(text)
    index = index_of(entries)
    if index is None:
        return None
    return f"<{name}> {{\n" + "\n\n".join(texts) + "\n}\n", tuple(sorted(lines)), index


def _head(prefixes: set[str]) -> str:
    """TriG's prefix lines and the blank line after them."""
    return "\n".join(sorted(prefixes)) + "\n\n"


def _trig(names: list[URIRef], triples_of: TriplesOf, graph_of: GraphOf) -> bytes:
    """TriG with one block per named graph, graphs in IRI order, each block sorted as Turtle."""
    prefixes: set[str] = set()
    body = "".join(_trig_blocks(names, triples_of, graph_of, prefixes))
    return (_head(prefixes) + body).encode("utf-8")


def write_trig(
    store: Store,
    names: list[URIRef],
    path: Path,
    layout: dict | None = None,
    indexed: Collection[URIRef] = (),
) -> str:
    """Write the named graphs as TriG into a file, a graph at a time (the bytes of
    `serialize_graphs(store, "trig", names)`, never all in memory: the blocks go to a
    temporary file beside it until the prefix lines that head them are known); the file's
    SHA-256, in hex (each term read from the store converted once for all the graphs).
    `layout`, if given, gets where each graph's block lies in the file, the
    prefixes it uses and, for the graphs `indexed`, where each statement lies in the block (an
    incremental build rewrites only the blocks and statements that change)."""
    prefixes: set[str] = set()
    digest = hashlib.sha256()
    used: dict[URIRef, tuple[str, ...]] = {}
    spans: dict[URIRef, tuple[int, int]] = {}
    statements: dict[URIRef, StatementIndex] = {}
    writer = TurtleText()
    with tempfile.TemporaryFile(dir=path.parent) as blocks, store.sharing_terms():
        for name in sorted(names):
            found = statement_block(name, store.triples(name), writer) if name in indexed else None
            if found is None:
                block = trig_block(name, store.triples, store.graph, writer, prefixes, used)
            else:
                block, used[name], statements[name] = found
                prefixes.update(used[name])
            gap = 1 if spans else 0
            data = b"\n" * gap + block.encode("utf-8")
            spans[name] = (blocks.tell() + gap, len(data) - gap)
            blocks.write(data)
        blocks.seek(0)
        with path.open("wb") as out:
            head = _head(prefixes).encode("utf-8")
            if layout is not None:
                layout.update(
                    {
                        name: (len(head) + at, size, used[name], statements.get(name))
                        for name, (at, size) in spans.items()
                    }
                )
            out.write(head)
            digest.update(head)
            while chunk := blocks.read(_CHUNK):
                out.write(chunk)
                digest.update(chunk)
    return digest.hexdigest()


def _canonical(graph_of: GraphOf, name: URIRef) -> Graph:
    """A named graph, its blank nodes (the ontology's OWL lists) labelled canonically."""
    part = graph_of(name)
    if any(isinstance(term, BNode) for triple in part for term in triple):
        part = to_canonical_graph(part)  # the same labels each run
    return part


def _nquads(names: list[URIRef], graph_of: GraphOf) -> bytes:
    """N-Quads: each named graph's N-Triples lines with its name, every line sorted. A blank
    node's canonical label is prefixed with its graph's digest, so that no two graphs share one
    (a label names one node in a whole N-Quads file)."""
    lines: set[str] = set()
    for name in names:
        part, tag = _canonical(graph_of, name), hashlib.sha256(str(name).encode()).hexdigest()[:8]
        if any(isinstance(term, BNode) for triple in part for term in triple):
            relabelled = Graph()
            for triple in part:
                relabelled.add(
                    tuple(BNode(f"g{tag}{t}") if isinstance(t, BNode) else t for t in triple)
                )
            part = relabelled
        for line in part.serialize(format="nt").splitlines():
            if line.strip():
                lines.add(f"{line.removesuffix(' .')} <{name}> .")
    return "".join(f"{line}\n" for line in sorted(lines)).encode("utf-8")


def serialize(store: Store, fmt: str, layer: str = "all", with_ontology: bool = False) -> bytes:
    """Serialise a layer of the store in a format, deterministically, optionally with the
    ontology (its own named graph in TriG), which stored queries need on an external store."""
    names = layer_graphs(store, layer)
    if with_ontology and ONTOLOGY_GRAPH in store.graph_names():
        names = [*names, ONTOLOGY_GRAPH]
    return serialize_graphs(store, fmt, names)


def serialize_graphs(store: Store, fmt: str, names: list[URIRef]) -> bytes:
    """Serialise the named graphs of the store in a format, deterministically."""
    return _serialized(fmt, names, store.triples, store.graph)


def serialize_graph(name: URIRef, graph: Graph, fmt: str) -> bytes:
    """Serialise one named graph held in memory (`extract`'s rule layer): the bytes `serialize`
    gives for a store holding only that graph, without copying it into a store and out again."""

    def copy(_: URIRef) -> Graph:
        fresh = Graph()  # the store's copies bind only rdflib's own prefixes, as this one does
        fresh += graph
        return fresh

    names = [name] if len(graph) else []  # a store lists no empty graph
    return _serialized(fmt, names, lambda _: graph, copy)


def _serialized(fmt: str, names: list[URIRef], triples_of: TriplesOf, graph_of: GraphOf) -> bytes:
    """Serialise named graphs, each read by `triples_of` (as they are) or `graph_of` (a copy)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "trig":
        return _trig(names, triples_of, graph_of)
    if fmt == "nquads":
        return _nquads(names, graph_of)
    graph = Graph()
    for name in names:
        graph += _canonical(graph_of, name)
    if fmt == "nt":
        return _sorted_lines(graph.serialize(format="nt"))
    if fmt == "jsonld":
        return _jsonld(graph)
    prefixes, body = _turtle_body(graph)
    return ("\n".join(prefixes) + "\n\n" + body + "\n").encode("utf-8")
