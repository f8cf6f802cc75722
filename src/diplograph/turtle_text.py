"""Export stage, Turtle text: a named graph written as rdflib's Turtle serialiser writes it, byte
for byte, from its triples, without building an rdflib graph.

Reads triples (rdflib terms, `Store.triples`); writes the graph's `@prefix` lines and its
statements. rdflib 7's `TurtleSerializer` copies the triples into a graph, computes a prefixed
name for every term of every triple again in each graph, and looks every subject up in the graph
it made; here the triples are grouped once and each IRI's prefixed name is computed once for
the whole export, by the same `NamespaceManager.compute_qname` and the same rules as rdflib's
`get_pname`, and literals are written by rdflib's own `_literal_n3`. The order is rdflib's:
subjects by how often they are objects, then by IRI; `rdf:type` and `rdfs:label` first, then
the predicates sorted; objects sorted as rdflib sorts terms.

A graph this does not write exactly as rdflib would is left to rdflib (`plain_turtle` answers
None): one with a blank node (nested `[ ]` and lists), an `rdfs:Class`, or an IRI whose
namespace has no prefix in a predicate (rdflib makes one up, `ns1`). tests/test_turtle_text.py
compares both on every graph of the seeds' build and on literals of every kind.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef

from diplograph.namespaces import PREFIXES

if TYPE_CHECKING:
    from rdflib.term import Node

    from diplograph.store.protocol import Triple

_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")  # rdflib's: a % not followed by two hex digits
_TYPE, _CLASS, _NIL = RDF.type, RDFS.Class, RDF.nil
_FIRST = (RDF.type, RDFS.label)  # rdflib's predicateOrder
_OBJECT_INDENT = ",\n" + " " * 8  # rdflib's indent of a second object (depth 1, 4 spaces)
_PREDICATE_INDENT = " ;\n" + " " * 4


class NotPlain(Exception):
    """A graph that only rdflib's serialiser writes (blank nodes, a made-up prefix)."""


def bind(graph: Graph) -> None:
    """Bind the project's prefixes so that output is compact and stable."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)


class TurtleText:
    """Writes graphs as rdflib's Turtle serialiser does, with one cache of prefixed names and
    of terms' labels for every graph written."""

    def __init__(self) -> None:
        """Bind the project's prefixes once, as export binds them in each graph."""
        self._graph = Graph()
        bind(self._graph)
        self._names: dict[tuple[Node, bool], tuple[str | None, tuple[str, str] | None]] = {}
        self._labels: dict[tuple, tuple[str, tuple[str, str] | None]] = {}
        self._prefixes: dict[tuple, tuple[tuple[str, str], ...]] = {}

    def _qname(self, uri: URIRef, generate: bool) -> tuple[str, str, str] | None:
        """rdflib's `compute_qname` as its `get_pname` calls it, never making a prefix up."""
        manager = self._graph.namespace_manager
        try:
            return manager.compute_qname(uri, generate=False)
        except KeyError:
            if generate:  # rdflib would bind ns1, ns2 ... for this graph
                raise NotPlain(uri) from None
        except Exception:  # noqa: S110 (rdflib's get_pname: any error, then the IRI itself)
            pass
        prefix = self._graph.store.prefix(uri)  # is the IRI a namespace itself?
        return None if prefix is None else (prefix, uri, "")

    def _pname(self, node: Node, generate: bool) -> tuple[str | None, tuple[str, str] | None]:
        """A term's prefixed name and the prefix it uses (rdflib's `get_pname`), cached."""
        key = (node, generate)
        if key not in self._names:
            found: tuple[str | None, tuple[str, str] | None] = (None, None)
            parts = self._qname(node, generate) if isinstance(node, URIRef) else None
            if parts is not None:
                prefix, namespace, local = parts
                local = local.replace("(", r"\(").replace(")", r"\)")
                local = _PERCENT.sub("\\%", local)
                if prefix.startswith("_"):
                    raise NotPlain(node)  # rdflib renames such a prefix, graph by graph
                if not local.endswith("."):
                    found = (f"{prefix}:{local}", (prefix, str(namespace)))
            self._names[key] = found
        return self._names[key]

    def _label(self, node: Node, verb: bool) -> tuple[str, tuple[str, str] | None]:
        """How rdflib writes a term in a position (`label`), with the prefix its datatype or
        its name uses, cached."""
        key: tuple = (node, verb)
        if isinstance(node, Literal):  # rdflib's Literal equality ignores a language tag's case
            key = (str(node), node.datatype, node.language, verb)
        if key not in self._labels:
            if node == _NIL:
                self._labels[key] = ("()", None)
            elif verb and node == _TYPE:
                self._labels[key] = ("a", None)
            elif isinstance(node, Literal):
                used = self._pname(node.datatype, False)[1] if node.datatype else None
                text = node._literal_n3(
                    use_plain=True, qname_callback=lambda dt: self._pname(dt, False)[0]
                )
                self._labels[key] = (text, used)
            else:
                name, used = self._pname(node, verb)
                self._labels[key] = (name or node.n3(), used)
        return self._labels[key]

    def _declares(self, node: Node, verb: bool) -> tuple[tuple[str, str], ...]:
        """The prefixes rdflib declares for a term in a position (its `preprocessTriple`),
        cached; NotPlain for a blank node."""
        key: tuple = (node, verb)
        if isinstance(node, Literal):
            key = (str(node), node.datatype, node.language, verb)
        found = self._prefixes.get(key)
        if found is None:
            if isinstance(node, BNode):
                raise NotPlain(node)
            used = [] if verb and node == _TYPE else [self._pname(node, verb)[1]]
            if isinstance(node, Literal) and node.datatype:
                used.append(self._pname(node.datatype, False)[1])
            found = self._prefixes[key] = tuple(u for u in used if u is not None)
        return found

    @staticmethod
    def _declare(used: tuple[tuple[str, str], ...], prefixes: dict[str, str]) -> None:
        """Declare prefixes; one bound to another namespace in this graph is rdflib's case."""
        for prefix, namespace in used:
            if prefixes.setdefault(prefix, namespace) != namespace:
                raise NotPlain(prefix)

    def _statement(self, subject: Node, properties: dict[Node, dict[Node, None]]) -> str:
        """One subject's statement (rdflib's `s_default` at depth 0)."""
        first = [p for p in _FIRST if p in properties]
        ordered = first + sorted(p for p in properties if p not in _FIRST)
        parts = ["\n", self._label(subject, False)[0]]
        for index, predicate in enumerate(ordered):
            parts.append(" " if index == 0 else _PREDICATE_INDENT)
            parts.append(self._label(predicate, True)[0])
            objects = sorted(properties[predicate])
            parts.append(" " + self._label(objects[0], False)[0])
            for value in objects[1:]:
                parts.append(_OBJECT_INDENT + self._label(value, False)[0])
        parts.append(" .\n")
        return "".join(parts)

    def document(self, triples: Iterable[Triple]) -> str:
        """The graph's Turtle as rdflib's `graph.serialize(format="turtle")` returns it;
        NotPlain for a graph only rdflib writes so."""
        graph: dict[Node, dict[Node, dict[Node, None]]] = {}
        references: defaultdict[Node, int] = defaultdict(int)
        prefixes: dict[str, str] = {}
        declares, declare = self._declares, self._declare
        for s, p, o in triples:
            objects = graph.setdefault(s, {}).setdefault(p, {})
            if o in objects:
                continue  # equal as rdflib terms (a language tag's case): rdflib keeps the first
            objects[o] = None
            references[o] += 1
            declare(declares(s, False), prefixes)
            declare(declares(p, True), prefixes)
            declare(declares(o, False), prefixes)
        if _CLASS in references and any(_CLASS in p.get(_TYPE, ()) for p in graph.values()):
            raise NotPlain(_CLASS)  # rdflib writes the classes first
        subjects = sorted(graph, key=lambda s: (references[s], s))
        head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items()))
        body = "".join(self._statement(s, graph[s]) for s in subjects)
        return (head + body + "\n").encode("utf-8", "replace").decode("utf-8")


def plain_turtle(writer: TurtleText, triples: Iterable[Triple]) -> str | None:
    """A graph's Turtle as rdflib writes it, or None if only rdflib's serialiser can."""
    try:
        return writer.document(triples)
    except NotPlain:
        return None
