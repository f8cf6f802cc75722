"""Incremental build, the QA checks: each check (ontology/checks/*-violation.rq) asked only about
the nodes a change can give a row about, instead of over the whole union at every round of the
conflict loop; the rows are those validate.check_store gives over the union.

Reads a check's header, which says which variable holds the node its rows are about
(`# node: ?x`), optionally a property path from that node to the other nodes whose triples its
row reads (`# reach: PATH`), and a pattern under which the node has no row (`# unless: GROUP`,
tested first, so a check that scans a node's uses scans only those of the nodes it may report),
and the rows the union gave before the change. Why it is exact: a row about a node reads only the
triples in which that node, or a node it reaches by the path, is a term; so a row that appears
or goes involves a triple the union lost or gained, whose terms are then the node itself or a
node it reaches through triples that did not change (the path up to the first changed triple).
The candidates are thus the terms of the changed triples and the nodes that reach one of them
(in the union now): the rows about them are asked again, the earlier rows about the others kept.
Each candidate is bound in turn (Oxigraph's LATERAL: one lookup per candidate, where a VALUES
block of many would be joined by scanning); a check that declares no node, or a blank node among
the candidates, is run over the whole union.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef
from rdflib.term import Node

from diplograph.store import OxigraphStore
from diplograph.validate import ReportRow

_HEADER = re.compile(r"^#\s*(node|reach|unless):\s*(.+?)\s*$", re.MULTILINE)
_SELECT = re.compile(r"^SELECT\s+(?:DISTINCT\s+)?((?:\?\w+\s+)+)WHERE\b", re.MULTILINE)


@dataclass(frozen=True)
class Restriction:
    """What a check's header says of its rows: the node variable (no `?`), the path from it to
    the nodes its row also reads ("" if none) and the pattern under which it has no row."""

    node: str
    reach: str = ""
    unless: str = ""


def restriction(text: str) -> Restriction | None:
    """The restriction a check's header declares (None: it declares no node).

    >>> restriction("# node: ?e\\n# reach: ^dip:attests\\nSELECT ?e WHERE { ?e a ?c }")
    Restriction(node='e', reach='^dip:attests', unless='')
    """
    found = dict(_HEADER.findall(text[: _query_start(text)]))
    if "node" not in found:
        return None
    return Restriction(found["node"].lstrip("?"), found.get("reach", ""), found.get("unless", ""))


def _query_start(text: str) -> int:
    """Where the check's SELECT begins (after its comments and prefixes)."""
    match = _SELECT.search(text)
    return len(text) if match is None else match.start()


def _prologue(text: str) -> str:
    """The check's PREFIX lines."""
    return "\n".join(
        line for line in text[: _query_start(text)].splitlines() if line.startswith("PREFIX")
    )


def _values(nodes: Iterable[URIRef]) -> str:
    """Nodes as the terms of a VALUES block, sorted."""
    return " ".join(f"<{node}>" for node in sorted(nodes, key=str))


def candidates(
    store: OxigraphStore, graphs: list, text: str, declared: Restriction, changed: set[Node]
) -> set[Node]:
    """The nodes a check may now give a row about: the changed terms and, with a path, the nodes
    that reach one of them in the union of `graphs`."""
    nodes = set(changed)
    iris = [n for n in changed if isinstance(n, URIRef)]
    if declared.reach and iris:
        values = f"VALUES ?changed {{ {_values(iris)} }}"
        query = (
            f"{_prologue(text)}\nSELECT DISTINCT ?node WHERE {{ {values}"
            f" LATERAL {{ ?node {declared.reach} ?changed }} }}"
        )
        nodes.update(row[0] for row in store.query(query, graphs=graphs).rows)
    return nodes


def restricted_text(text: str, declared: Restriction, nodes: set[URIRef]) -> str | None:
    """The check asked about some nodes only (None: it cannot be, so run it whole)."""
    select = _SELECT.search(text)
    if select is None:
        return None
    columns = select.group(1).split()
    var = f"?{declared.node}"
    unless = f" FILTER NOT EXISTS {{ {declared.unless} }}" if declared.unless else ""
    bound = f"SELECT {var} WHERE {{ VALUES {var} {{ {_values(nodes)} }}{unless} }}"
    return (
        f"{_prologue(text)}\nSELECT {' '.join(columns)} WHERE {{ {{ {bound} }}"
        f" LATERAL {{ {text[select.start() :]} }} }}"
    )


def check_rows_about(
    store: OxigraphStore,
    graphs: list,
    checks: Path,
    changed: set[Node],
    earlier: Iterable[ReportRow] = (),
) -> list[ReportRow]:
    """The rows of the QA checks over the union of `graphs` after a change of the triples whose
    terms are `changed`, given the rows the union gave before it (`earlier`, rows of
    validate.check_store without their sources): those about the nodes the change cannot
    reach, and the rows about the others, asked again."""
    from diplograph.validate import check_store

    asked: dict[str, set[str] | None] = {}  # check -> the nodes asked about (None: all)

    def ask(path: Path, text: str) -> str | None:
        """The check's text for this change; None: no node to ask about."""
        declared = restriction(text)
        asked[path.stem] = None
        if declared is None:
            return text
        nodes = candidates(store, graphs, text, declared, changed)
        if any(not isinstance(n, URIRef) for n in nodes):
            return text  # a blank node cannot be bound in a query: the check runs whole
        restricted = restricted_text(text, declared, nodes) if nodes else None
        if nodes and restricted is None:
            return text
        asked[path.stem] = {str(n) for n in nodes}
        return restricted

    rows = list(check_store(store, graphs, checks, None, ask))
    for row in earlier:
        again = asked.get(row.component.removeprefix("qa:"))
        if again is not None and row.focus not in again:
            rows.append(row)
    return sorted(set(rows))
