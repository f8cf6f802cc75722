"""What `diplograph serve`'s gate lets through to the SPARQL engine: a query that rdflib's SPARQL
parser reads, with no SERVICE to a host off the allow-list, and never an Update.

Reads the query text a client sent; gives back nothing (the query may run) or a Refusal (the
HTTP status and a one-line reason). Every SERVICE clause is found, nested too (in OPTIONAL,
MINUS, a subquery, EXISTS ...), after prefixed names and relative IRIs are resolved.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from pyparsing import ParseResults
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Identifier, URIRef

_PARSING = threading.Lock()  # rdflib's grammar is a module-level pyparsing object


class Refusal(NamedTuple):
    """Why a request is refused: the HTTP status and one line of text."""

    status: int
    reason: str


UPDATE = Refusal(403, "Update refused: this endpoint is read-only")


def _one_line(error: BaseException) -> str:
    """The parser's message on one line."""
    return " ".join(str(error).split()) or type(error).__name__


def services(node: Any) -> Iterator[Identifier]:
    """The IRI or variable of every SERVICE clause in a parsed (or translated) query, nested
    ones too.

    >>> from rdflib.plugins.sparql.parser import parseQuery
    >>> q = "SELECT * { OPTIONAL { SERVICE <http://a/s> { ?s ?p ?o } } SERVICE ?x { } }"
    >>> [str(t) for t in services(parseQuery(q))]
    ['http://a/s', 'x']
    """
    if isinstance(node, CompValue) and node.name == "ServiceGraphPattern":
        yield node.get("term")
    if isinstance(node, dict):
        children: Iterable[Any] = list(node.values())
    elif isinstance(node, (list, tuple, ParseResults)):
        children = node
    else:
        return
    for child in children:
        yield from services(child)


def host_allowed(iri: str, allowed: Iterable[str]) -> bool:
    """Whether an http(s) IRI's host is on the allow-list (HOST, or HOST:PORT for one port).

    >>> host_allowed("http://Example.org:8080/sparql", ["example.org"])
    True
    >>> host_allowed("http://example.org:8080/sparql", ["example.org:80"])
    False
    >>> host_allowed("file:///etc/passwd", ["example.org"])
    False
    """
    parts = urlsplit(iri)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    for entry in allowed:
        wanted = urlsplit(f"//{entry}")
        if wanted.hostname == parts.hostname and wanted.port in (None, parts.port):
            return True
    return False


def _service_refusal(term: Identifier | None, allowed: Iterable[str]) -> Refusal | None:
    """The refusal of one SERVICE target, if it is refused."""
    if not isinstance(term, URIRef):
        shown = term.n3() if term is not None else "?"
        return Refusal(403, f"SERVICE {shown} refused: a SERVICE must name its endpoint's IRI")
    if host_allowed(str(term), allowed):
        return None
    host = urlsplit(str(term)).hostname or str(term)
    return Refusal(403, f"SERVICE to {host} refused: not on the --allow-service list")


def refusal(text: str, allowed: Iterable[str]) -> Refusal | None:
    """Why a query is refused (an Update, a text that does not parse, a SERVICE off the
    allow-list or with a variable), or None if it may run.

    >>> refusal("ASK { SERVICE <http://other.example/sparql> { ?s ?p ?o } }", [])
    Refusal(status=403, reason='SERVICE to other.example refused: not on the --allow-service list')
    >>> refusal("INSERT DATA { <a:s> <a:p> <a:o> }", []) == UPDATE
    True
    >>> refusal("ASK {}", []) is None
    True
    """
    with _PARSING:
        try:
            query = translateQuery(parseQuery(text))
        except RecursionError:  # rdflib's parser on a SERVICE inside a SERVICE, or deep nesting
            return Refusal(403, "query refused: too deeply nested to check (SERVICE in SERVICE?)")
        except Exception as exc:  # noqa: BLE001 - any parser or translation error is the client's
            try:
                parseUpdate(text)
            except Exception:  # noqa: BLE001
                return Refusal(400, f"the query does not parse: {_one_line(exc)}")
            return UPDATE
    for term in sorted(set(services(query.algebra)), key=str):
        refused = _service_refusal(term, allowed)
        if refused is not None:
            return refused
    return None
