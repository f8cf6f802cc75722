"""Incremental build, the paged answers: a whole-list query's precomputed answer kept from the
earlier build when the change cannot alter it, instead of every query answered again.

Reads a stored query's header, which may say which variable holds the node each row is about
(`# node: ?x`) and a property path from that node to the other nodes whose triples the row
reads (`# reach: PATH`), as the QA checks do (checking.py: why that is exact); the earlier build's
answers and store; the terms of the triples the change took from or gave to any graph. The
candidates are those terms and the nodes that reach one of them (in the union now); the query is
asked about them alone (each bound in turn by LATERAL, its subqueries that project every variable
of their one pattern inlined, so that the node is bound inside them) on the earlier store and on
the new one. The same rows on both: the answer is the earlier one, whose files are linked into
the new build folder; other rows, a query without a `node`, or a blank node among the
candidates: it is answered again. See docs/decisions/20261204-answers-kept.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from rdflib import RDF, BNode, URIRef
from rdflib.term import Node

from diplograph.incremental.checking import _prologue, _values, candidates, restriction
from diplograph.queries import StoredQuery
from diplograph.store import OxigraphStore, analysis_iris, analysis_names

_SELECT = re.compile(r"^SELECT\s+(DISTINCT\s+)?(.*?)\bWHERE\b", re.MULTILINE | re.DOTALL)
_SUBQUERY = re.compile(r"\{\s*SELECT\s+((?:\?\w+\s+)+)WHERE\s*\{([^{}]*)\}\s*\}")
_VARIABLE = re.compile(r"\?(\w+)")
_PREFIX = re.compile(r"^PREFIX\s+(\w*):\s*<([^>]*)>", re.MULTILINE)
_NAME = re.compile(r"(?<![\w<?])(\w*):(\w[\w-]*)")
_IRI = re.compile(r"<([^>\s]*)>")
_INVERSE = re.compile(r"\^(\w*):(\w[\w-]*)")
_VARIABLE_PREDICATE = re.compile(r"[?$]\w+\s+[?$]\w+\s+[^\s.;,})]")
MOST = 400  # candidates above which the query is answered again (each is a lookup)


def _inlined(text: str) -> str:
    """The query with each subquery `{ SELECT ?a ?b WHERE { P } }` whose projection is every
    variable of its one group P written as `{ P }` (the same solutions, and a variable bound
    outside it binds it too).

    >>> _inlined("{ SELECT ?a ?b WHERE { ?a dip:p ?b } } { SELECT ?a WHERE { ?a dip:q ?c } }")
    '{ ?a dip:p ?b } { SELECT ?a WHERE { ?a dip:q ?c } }'
    """

    def inline(match: re.Match) -> str:
        projected = set(match.group(1).split())
        used = {f"?{name}" for name in _VARIABLE.findall(match.group(2))}
        return f"{{ {match.group(2).strip()} }}" if projected == used else match.group(0)

    return _SUBQUERY.sub(inline, text)


def about_text(text: str, node: str, nodes: set[URIRef]) -> str | None:
    """The query asked about some nodes only, the node's variable among its columns (None: it
    cannot be: no plain SELECT, or a grouped query that does not project the node).

    >>> print(about_text("SELECT DISTINCT ?n WHERE { ?e a ?n }", "e", {URIRef("urn:x")}))
    <BLANKLINE>
    SELECT * WHERE { VALUES ?e { <urn:x> } LATERAL { SELECT DISTINCT ?n ?e WHERE { ?e a ?n } } }
    """
    select = _SELECT.search(text)
    if select is None:
        return None
    columns, var = select.group(2), f"?{node}"
    if var not in columns.split():
        if "GROUP BY" in text[select.end() :] or "(" in columns:
            return None
        columns = f"{columns.strip()} {var} "
    distinct = select.group(1) or ""
    body = _inlined(text[select.end() :])
    return (
        f"{_prologue(text)}\nSELECT * WHERE {{ VALUES {var} {{ {_values(nodes)} }} LATERAL {{"
        f" SELECT {distinct}{columns}WHERE{body.rstrip()} }} }}"
    )


def _rows(store: OxigraphStore, text: str) -> list:
    """The rows of a query over what analysis sees (with inference), sorted."""
    answers = store.answers(text, {}, analysis_iris(store, True))
    return sorted(repr(row) for row in answers.rows)


def unchanged_test(
    earlier: OxigraphStore, store: OxigraphStore, changes: list[tuple]
) -> Callable[[StoredQuery], bool]:
    """Whether a whole-list query gives the same answer on `store` as on `earlier`, the triples
    `changes` (removed or added) being all that differs (False when it cannot tell)."""
    graphs = analysis_names(store, True)

    def unchanged(query: StoredQuery) -> bool:
        declared = restriction(query.text)
        if declared is None:
            return False
        terms = read_terms(query.text, declared.reach, changes)
        if terms is None:
            return False
        nodes = candidates(store, graphs, query.text, declared, terms) if terms else set()
        if not nodes:
            return True
        if len(nodes) > MOST or any(not isinstance(n, URIRef) for n in nodes):
            return False
        text = about_text(query.text, declared.node, nodes)
        return text is not None and _rows(earlier, text) == _rows(store, text)

    return unchanged


def _iris(text: str) -> set[str] | None:
    """The IRIs a query's patterns name (prefixed names expanded; `a` is rdf:type), None when a
    pattern has a variable or a negated set for its predicate (every triple may be read).

    >>> sorted(_iris("PREFIX d: <urn:d#>\\nSELECT ?x WHERE { ?x a d:C ; d:p/^d:q ?y }"))
    ['http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'urn:d#C', 'urn:d#p', 'urn:d#q']
    >>> _iris("SELECT ?s WHERE { ?s ?p ?o }") is None
    True
    """
    prefixes = dict(_PREFIX.findall(text))
    select = _SELECT.search(text)
    body = text[select.end() : text.rfind("}")] if select else text
    body = re.sub(r"SELECT\b.*?\bWHERE\b", " ", _comments(body), flags=re.DOTALL)
    if "!" in body.replace("!=", "").replace("!BOUND", "") or _VARIABLE_PREDICATE.search(body):
        return None
    found = {iri for iri in _IRI.findall(body)}
    found |= {
        prefixes[prefix] + local for prefix, local in _NAME.findall(body) if prefix in prefixes
    }
    if re.search(r"(^|[\s;{])a\s", body):
        found.add(str(RDF.type))
    return found


def _comments(text: str) -> str:
    """A query's text without its comment lines' comments."""
    return "\n".join(
        line.split("#", 1)[0] if "<" not in line else line for line in text.splitlines()
    )


def read_terms(text: str, reach: str, changes: list[tuple]) -> set[Node] | None:
    """The terms through which a changed triple may reach a row: the subject of each changed
    triple whose predicate the query names, and its object too when the reach path steps
    back over that predicate (`^p`); None when the query may read any predicate."""
    named = _iris(text)
    if named is None:
        return None
    prefixes = dict(_PREFIX.findall(text))
    back = {prefixes.get(prefix, "") + local for prefix, local in _INVERSE.findall(reach)}
    terms: set[Node] = set()
    for subject, predicate, obj in changes:
        if str(predicate) not in named:
            continue
        terms.add(subject)
        if str(predicate) in back and isinstance(obj, URIRef | BNode):
            terms.add(obj)
    return terms


def changed_triples(parts: tuple) -> list[tuple]:
    """The triples of the given sets (those the union lost and gained, the inferred graph lost
    and gained), once each."""
    return list(set().union(*(set(part) for part in parts)))


def earlier_store(out: Path) -> OxigraphStore | None:
    """The earlier build's store, read-only (None: none to open)."""
    from diplograph.built import STORE_FOLDER

    try:
        return OxigraphStore(out / STORE_FOLDER, read_only=True)
    except OSError:
        return None
