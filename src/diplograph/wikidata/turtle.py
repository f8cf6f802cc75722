"""Wikidata stage, the writer: generated Turtle and TriG with one sorted triple per line.

The link and enrichment files are generated, so they are written for diffs: a header comment,
the prefixes they use, then one `subject predicate object .` line per triple in sorted order.
The same triples always give the same bytes; there are no blank nodes. Every term is written by
rdflib's own `n3()` (which escapes literals) after `iri_problem` has checked each IRI, so a value
from an endpoint can neither break the file nor inject a triple.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from diplograph.iris import iri_problem
from diplograph.namespaces import ID, PREFIXES, WD, WDT
from diplograph.wikidata import PQ, PS, WDS, P

WIKIDATA_PREFIXES: dict[str, str] = {
    "wd": str(WD),
    "wds": str(WDS),
    "wdt": str(WDT),
    "p": str(P),
    "ps": str(PS),
    "pq": str(PQ),
}
XSD_NS = PREFIXES["xsd"]
_LOCAL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]*$")
Triple = tuple[Node, Node, Node]


def _checked(text: str) -> str:
    """The IRI text, or a ValueError if it cannot be written."""
    problem = iri_problem(text)
    if problem:
        raise ValueError(f"cannot write {text!r} as an IRI: {problem}")
    return text


def _prefixes() -> dict[str, str]:
    """The project's prefixes and Wikidata's, longest namespace first for compaction."""
    merged = {**{k: v for k, v in PREFIXES.items() if k != "id"}, **WIKIDATA_PREFIXES}
    return dict(sorted(merged.items(), key=lambda kv: -len(kv[1])))


def term_text(term: Node, used: set[str], base: bool = True) -> str:
    """A term in Turtle: relative to the id: base, a prefixed name, or a full IRI or literal.

    >>> term_text(URIRef("http://www.wikidata.org/entity/Q56226"), set())
    'wd:Q56226'
    >>> term_text(URIRef("https://w3id.org/diplograph/id/person/kim-jong-un"), set())
    '<person/kim-jong-un>'
    >>> from rdflib import XSD
    >>> term_text(Literal("2012-01-01T00:00:00Z", datatype=XSD.dateTime, normalize=False), set())
    '"2012-01-01T00:00:00Z"^^xsd:dateTime'
    """
    if isinstance(term, BNode):
        raise ValueError("generated files have no blank nodes")
    if isinstance(term, Literal):
        datatype = _checked(str(term.datatype)) if term.datatype else ""
        if datatype.startswith(XSD_NS) and _LOCAL.match(datatype[len(XSD_NS) :]):
            used.add("xsd")
            return f"{Literal(str(term)).n3()}^^xsd:{datatype[len(XSD_NS) :]}"
        return term.n3()
    text = _checked(str(term))
    if base and text.startswith(str(ID)):
        return f"<{text[len(str(ID)) :]}>"
    for prefix, namespace in _prefixes().items():
        if text.startswith(namespace) and _LOCAL.match(text[len(namespace) :]):
            used.add(prefix)
            return f"{prefix}:{text[len(namespace) :]}"
    return URIRef(text).n3()


def _lines(triples: Iterable[Triple], used: set[str]) -> list[str]:
    """Sorted, unique `s p o .` lines."""
    return sorted({" ".join(term_text(t, used) for t in triple) + " ." for triple in triples})


def _head(header: str, used: set[str]) -> list[str]:
    """Comment lines, the base and the prefixes in use."""
    lines = [f"# {line}".rstrip() for line in header.strip().splitlines()]
    lines += ["", f"@base <{ID}> ."]
    namespaces = {**PREFIXES, **WIKIDATA_PREFIXES}
    lines += [f"@prefix {p}: <{namespaces[p]}> ." for p in sorted(used)]
    return lines


def turtle(triples: Iterable[Triple], header: str) -> bytes:
    """Turtle with a header comment and one sorted triple per line."""
    used: set[str] = set()
    body = _lines(triples, used)
    return ("\n".join([*_head(header, used), "", *body]) + "\n").encode("utf-8")


def trig(graph: URIRef, triples: Iterable[Triple], header: str) -> bytes:
    """TriG of one named graph, with a header comment and one sorted triple per line."""
    used: set[str] = set()
    body = _lines(triples, used)
    name = term_text(graph, used)
    text = [*_head(header, used), "", f"{name} {{", *body, "}"]
    return ("\n".join(text) + "\n").encode("utf-8")
