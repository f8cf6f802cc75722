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

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import split_uri

from diplograph.namespaces import PREFIXES

if TYPE_CHECKING:
    from rdflib.term import Node

    from diplograph.store.protocol import Triple

_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")  # rdflib's: a % not followed by two hex digits
_TYPE, _CLASS, _NIL = RDF.type, RDFS.Class, RDF.nil
_FIRST = (RDF.type, RDFS.label)  # rdflib's predicateOrder
_FIRST_IRIS = frozenset(str(p) for p in _FIRST)
_OBJECT_INDENT = ",\n" + " " * 8  # rdflib's indent of a second object (depth 1, 4 spaces)
_PREDICATE_INDENT = " ;\n" + " " * 4
_RENEW = 2000  # IRIs a namespace manager looks up before a new one is made (`_qname`)


class NotPlain(Exception):
    """A graph that only rdflib's serialiser writes (blank nodes, a made-up prefix)."""


def bind(graph: Graph) -> None:
    """Bind the project's prefixes so that output is compact and stable."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)


class TurtleText:
    """Writes graphs as rdflib's Turtle serialiser does, with one cache of prefixed names and
    of terms' labels for every graph written."""

    renew: int | None = None  # IRIs looked up before a new namespace manager (None: _RENEW)

    def __init__(self) -> None:
        """Bind the project's prefixes once, as export binds them in each graph."""
        self._graph = Graph()
        bind(self._graph)
        self._bound = tuple(str(ns) for _, ns in self._graph.namespace_manager.namespaces())
        self._looked_up = 0  # IRIs given to the namespace manager since it was made
        # keyed by plain strings, which compare in C (rdflib's terms compare in Python)
        self._names: dict[tuple[str, bool], tuple[str | None, tuple[str, str] | None]] = {}
        self._labels: dict[tuple, str] = {}
        self._prefixes: dict[tuple[str, bool], tuple[tuple[str, str], ...]] = {}
        self._datatypes: dict[Node, tuple[tuple[str, str], ...]] = {}

    def _qname(self, uri: URIRef, generate: bool) -> tuple[str, str, str] | None:
        """rdflib's `compute_qname` as its `get_pname` calls it, never making a prefix up.

        A new namespace manager every `_RENEW` IRIs: rdflib's keeps every namespace it split
        off in a trie whose insertion walks all the namespaces of a level (`insert_trie`), and
        the namespaces of sentences, attestations and events grow with the corpus, so one
        manager for the whole export cost time in the square of the corpus (179 of 352
        profiled seconds at 10,000 articles). rdflib's own serialiser makes a manager a graph;
        the prefixed names found are kept (`_names`)."""
        if not generate and self._outside(uri):
            return None
        self._looked_up += 1
        if self._looked_up > (self.renew or _RENEW):
            self._graph = Graph()
            bind(self._graph)
            self._looked_up = 1
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

    def _outside(self, uri: URIRef) -> bool:
        """Whether `compute_qname` can find no prefix for an IRI, known without asking it: no
        bound namespace lies between the namespace `split_uri` cuts off and the whole IRI.

        rdflib's answer is the prefix of the longest namespace in its trie that starts with
        the cut-off namespace and that the IRI starts with; only a bound one has a prefix.
        Asking would put the cut-off namespace into the trie, which is what costs (the
        attestations, sentences and events of each article are a namespace of their own,
        and an insertion walks all the namespaces of a level), and such a namespace changes
        no other IRI's answer: an IRI that starts with it is cut off there or later."""
        text = str(uri)  # a plain string's startswith (an rdflib term's is in Python)
        try:
            cut = split_uri(text)[0]
        except ValueError:
            return False  # rdflib's own path: the IRI itself may be a bound namespace
        return not any(len(cut) <= len(bound) and text.startswith(bound) for bound in self._bound)

    def _pname(self, uri: URIRef, generate: bool) -> tuple[str | None, tuple[str, str] | None]:
        """An IRI's prefixed name and the prefix it uses (rdflib's `get_pname`), cached."""
        key = (str(uri), generate)
        if key not in self._names:
            found: tuple[str | None, tuple[str, str] | None] = (None, None)
            parts = self._qname(uri, generate)
            if parts is not None:
                prefix, namespace, local = parts
                local = local.replace("(", r"\(").replace(")", r"\)")
                local = _PERCENT.sub("\\%", local)
                if prefix.startswith("_"):
                    raise NotPlain(uri)  # rdflib renames such a prefix, graph by graph
                if not local.endswith("."):
                    found = (f"{prefix}:{local}", (prefix, str(namespace)))
            self._names[key] = found
        return self._names[key]

    def _label(self, node: Node, verb: bool) -> str:
        """How rdflib writes a term in a position (its `label`); IRIs and typed literals
        cached (a text without a datatype is seldom written twice)."""
        kind = type(node)
        if kind is URIRef:
            key: tuple = (str(node), verb)
        elif isinstance(node, Literal):
            if node.datatype is None:
                return node._literal_n3(use_plain=True)
            key = (str(node), str(node.datatype), verb)  # a typed literal has no language
        else:
            raise NotPlain(node)
        found = self._labels.get(key)
        if found is None:
            found = self._labels[key] = self._new_label(node, verb)
        return found

    def _new_label(self, node: Node, verb: bool) -> str:
        """As `_label`, not cached."""
        if node == _NIL:
            return "()"
        if verb and node == _TYPE:
            return "a"
        if isinstance(node, Literal):
            return node._literal_n3(
                use_plain=True, qname_callback=lambda dt: self._pname(dt, False)[0]
            )
        return self._pname(node, verb)[0] or node.n3()

    def _declares(self, node: Node, verb: bool) -> tuple[tuple[str, str], ...]:
        """The prefixes rdflib declares for a term in a position (its `preprocessTriple`),
        cached (a literal's by its datatype); NotPlain for a blank node."""
        if type(node) is URIRef:
            key = (str(node), verb)
            found = self._prefixes.get(key)
            if found is None:
                used = None if verb and node == _TYPE else self._pname(node, verb)[1]
                found = self._prefixes[key] = () if used is None else (used,)
            return found
        if isinstance(node, Literal):
            datatype = node.datatype
            found = self._datatypes.get(datatype)
            if found is None:
                used = self._pname(datatype, False)[1] if datatype else None
                found = self._datatypes[datatype] = () if used is None else (used,)
            return found
        raise NotPlain(node)  # a blank node, or a term of another kind

    @staticmethod
    def _declare(used: tuple[tuple[str, str], ...], prefixes: dict[str, str]) -> None:
        """Declare prefixes; one bound to another namespace in this graph is rdflib's case."""
        for prefix, namespace in used:
            if prefixes.setdefault(prefix, namespace) != namespace:
                raise NotPlain(prefix)

    def _statement(self, subject: Node, properties: dict[Node, dict[Node, None]]) -> str:
        """One subject's statement (rdflib's `s_default` at depth 0)."""
        first = [p for p in _FIRST if p in properties]
        rest = [p for p in properties if str(p) not in _FIRST_IRIS]
        ordered = first + (sorted(rest, key=str) if _all_iris(rest) else sorted(rest))
        label = self._label
        parts = ["\n", label(subject, False)]
        for index, predicate in enumerate(ordered):
            parts.append(" " if index == 0 else _PREDICATE_INDENT)
            parts.append(label(predicate, True))
            objects = list(properties[predicate])
            if len(objects) > 1:
                objects.sort()  # rdflib's order of terms
            parts.append(" " + label(objects[0], False))
            for value in objects[1:]:
                parts.append(_OBJECT_INDENT + label(value, False))
        parts.append(" .\n")
        return "".join(parts)

    def document(self, triples: Iterable[Triple]) -> str:
        """The graph's Turtle as rdflib's `graph.serialize(format="turtle")` returns it;
        NotPlain for a graph only rdflib writes so."""
        graph: dict[Node, dict[Node, dict[Node, None]]] = {}
        references: defaultdict[Node, int] = defaultdict(int)
        prefixes: dict[str, str] = {}
        declares, declare = self._declares, self._declare
        last: tuple = (None, None)  # the subject and predicate declared last
        for s, p, o in triples:
            objects = graph.setdefault(s, {}).setdefault(p, {})
            if o in objects:
                continue  # equal as rdflib terms (a language tag's case): rdflib keeps the first
            objects[o] = None
            references[o] += 1
            if s is not last[0] or p is not last[1]:  # a store gives a subject's triples together
                declare(declares(s, False), prefixes)
                declare(declares(p, True), prefixes)
                last = (s, p)
            declare(declares(o, False), prefixes)
        if _CLASS in references and any(_CLASS in p.get(_TYPE, ()) for p in graph.values()):
            raise NotPlain(_CLASS)  # rdflib writes the classes first
        if _all_iris(graph):  # rdflib compares two IRIs as strings
            subjects = sorted(graph, key=lambda s: (references[s], str(s)))
        else:
            subjects = sorted(graph, key=lambda s: (references[s], s))
        head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items()))
        body = "".join(self._statement(s, graph[s]) for s in subjects)
        return (head + body + "\n").encode("utf-8", "replace").decode("utf-8")

    def statements(
        self, triples: Iterable[Triple]
    ) -> tuple[dict[Node, tuple[str, tuple[str, ...]]], dict[Node, int]]:
        """Each subject's statement as `document` writes it (without the blank lines around
        it) with the prefix lines it uses, and how often each term is an object (`document`
        orders the subjects by it, then by IRI); NotPlain as `document`."""
        graph: dict[Node, dict[Node, dict[Node, None]]] = {}
        references: defaultdict[Node, int] = defaultdict(int)
        used: dict[Node, dict[str, str]] = {}
        declares, declare = self._declares, self._declare
        last: tuple = (None, None)  # as in `document`
        for s, p, o in triples:
            objects = graph.setdefault(s, {}).setdefault(p, {})
            if o in objects:
                continue
            objects[o] = None
            references[o] += 1
            prefixes = used.setdefault(s, {})
            if s is not last[0] or p is not last[1]:
                declare(declares(s, False), prefixes)
                declare(declares(p, True), prefixes)
                last = (s, p)
            declare(declares(o, False), prefixes)
        if _CLASS in references and any(_CLASS in p.get(_TYPE, ()) for p in graph.values()):
            raise NotPlain(_CLASS)
        found = {}
        for subject, properties in graph.items():
            lines = tuple(f"@prefix {p}: <{ns}> ." for p, ns in sorted(used[subject].items()))
            found[subject] = (self._statement(subject, properties)[1:-1], lines)
        return found, dict(references)


def _all_iris(terms: Iterable[Node]) -> bool:
    """Whether every term is a plain rdflib IRI (which rdflib orders as its string)."""
    return all(type(term) is URIRef for term in terms)


def plain_turtle(writer: TurtleText, triples: Iterable[Triple]) -> str | None:
    """A graph's Turtle as rdflib writes it, or None if only rdflib's serialiser can."""
    try:
        return writer.document(triples)
    except NotPlain:
        return None
