"""Export stage: reads the store; writes Turtle, TriG, N-Triples or JSON-LD, deterministically.

The same graph always gives the same bytes: N-Triples and N-Quads lines are sorted, Turtle and
TriG come from rdflib's serialisers (which sort subjects and predicates), the blank nodes of a
graph that has some (the ontology's OWL lists) are labelled canonically, JSON-LD is compacted
with the project's prefixes as its `@context` and re-emitted with sorted nodes and keys. No
timestamps are written.
"""

from __future__ import annotations

import json

from rdflib import BNode, Graph, URIRef
from rdflib.compare import to_canonical_graph

from diplograph.errors import InputError
from diplograph.iris import CANDIDATES_GRAPHS, INFERRED_GRAPH, ONTOLOGY_GRAPH, WIKIDATA_GRAPH
from diplograph.namespaces import PREFIXES
from diplograph.store import RdflibStore

FORMATS = ("turtle", "trig", "nt", "jsonld")
LAYERS = ("asserted", "inferred", "candidates", "wikidata", "all")
SUFFIXES = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "jsonld": ".jsonld"}


def layer_graphs(store: RdflibStore, layer: str) -> list[URIRef]:
    """The named graphs of a layer (never the ontology, which is exported only on request).

    asserted: the articles' graphs, the rule layers in effect and the entities; inferred: the
    OWL RL closure; candidates: the rule layers of hand-mapped articles, kept for review;
    wikidata: facts fetched by `diplograph enrich`; all: everything but the candidates.
    """
    if layer not in LAYERS:
        raise InputError(f"unknown layer {layer!r}; choose one of {', '.join(LAYERS)}")
    names = [n for n in store.graph_names() if n != ONTOLOGY_GRAPH]
    kinds = {n: _layer_of(n) for n in names}
    if layer == "all":
        return [n for n in names if kinds[n] != "candidates"]
    return [n for n in names if kinds[n] == layer]


def answer_graphs(store: RdflibStore, inference: bool = True) -> list[URIRef]:
    """The named graphs `diplograph query` answers from, which the default export writes and
    `push` loads: every layer but the candidates (less the inferred one if asked), and the
    ontology."""
    names = [n for n in layer_graphs(store, "all") if inference or n != INFERRED_GRAPH]
    if ONTOLOGY_GRAPH in store.graph_names():
        names.append(ONTOLOGY_GRAPH)
    return names


def analysis_graph(store: RdflibStore) -> Graph:
    """What analysis sees: every layer but the candidates, with the ontology (for labels)."""
    return store.union(answer_graphs(store))


def _layer_of(name: URIRef) -> str:
    """The layer a named graph belongs to."""
    if name == INFERRED_GRAPH:
        return "inferred"
    if name == WIKIDATA_GRAPH:
        return "wikidata"
    if name.startswith(CANDIDATES_GRAPHS):
        return "candidates"
    return "asserted"


def _bind(graph: Graph) -> None:
    """Bind the project's prefixes so that output is compact and stable."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)


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


def _turtle_body(graph: Graph) -> tuple[list[str], str]:
    """A graph's Turtle, split into its prefix lines and its statements."""
    _bind(graph)
    lines = graph.serialize(format="turtle").splitlines()
    prefixes = [line for line in lines if line.startswith("@prefix")]
    body = "\n".join(line for line in lines if not line.startswith("@prefix")).strip()
    return prefixes, body


def _trig(store: RdflibStore, names: list[URIRef]) -> bytes:
    """TriG with one block per named graph, graphs in IRI order, each block sorted as Turtle."""
    prefixes: set[str] = set()
    blocks = []
    for name in sorted(names):
        graph_prefixes, body = _turtle_body(store.graph(name))
        prefixes.update(graph_prefixes)
        blocks.append(f"<{name}> {{\n{body}\n}}\n")  # not indented: literals may span lines
    return ("\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)).encode("utf-8")


def serialize(
    store: RdflibStore, fmt: str, layer: str = "all", with_ontology: bool = False
) -> bytes:
    """Serialise a layer of the store in a format, deterministically, optionally with the
    ontology (its own named graph in TriG), which stored queries need on an external store."""
    names = layer_graphs(store, layer)
    if with_ontology and ONTOLOGY_GRAPH in store.graph_names():
        names = [*names, ONTOLOGY_GRAPH]
    return serialize_graphs(store, fmt, names)


def serialize_graphs(store: RdflibStore, fmt: str, names: list[URIRef]) -> bytes:
    """Serialise the named graphs of the store in a format, deterministically."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "trig":
        return _trig(store, names)
    graph = Graph()
    for name in names:
        part = store.graph(name)
        if any(isinstance(term, BNode) for triple in part for term in triple):
            part = to_canonical_graph(part)  # the ontology's OWL lists: the same labels each run
        graph += part
    if fmt == "nt":
        return _sorted_lines(graph.serialize(format="nt"))
    if fmt == "jsonld":
        return _jsonld(graph)
    prefixes, body = _turtle_body(graph)
    return ("\n".join(prefixes) + "\n\n" + body + "\n").encode("utf-8")
