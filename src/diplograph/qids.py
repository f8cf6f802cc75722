"""Wikidata QIDs in query results: reads the entities' links (skos:exactMatch to a wd:Q item)
from the graph a query answered from; adds a `<column>_qid` column after each column that holds
a linked entity.

See docs/decisions/20261123-wikidata-link-property.md for why links are skos:exactMatch.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from diplograph.queries import StoredQuery
from diplograph.store import QueryResult
from diplograph.wikidata import qid

LINKS = StoredQuery(
    "wikidata-links",
    Path("<wikidata links>"),
    "Wikidata links",
    "Which Wikidata item is each entity linked to?",
    (),
    False,
    "SELECT DISTINCT ?entity ?item WHERE { ?entity skos:exactMatch ?item }",
)


def qid_map(run: Callable[[StoredQuery], QueryResult]) -> dict[URIRef, str]:
    """The QID of each linked entity, from running LINKS on the store that answered; an entity
    with two linked items keeps the first by QID (one value per cell)."""
    found: dict[URIRef, str] = {}
    for entity, item in sorted(run(LINKS).rows, key=lambda row: (str(row[0]), str(row[1]))):
        code = qid(item)
        if isinstance(entity, URIRef) and code and entity not in found:
            found[entity] = code
    return found


def with_qids(result: QueryResult, qids: Mapping[URIRef, str]) -> QueryResult:
    """The result with a `<column>_qid` column after each column holding a linked entity.

    >>> from rdflib import URIRef
    >>> kim = URIRef("https://w3id.org/diplograph/id/person/kim-jong-un")
    >>> result = QueryResult(("who", "n"), ((kim, Literal(1)), (None, Literal(2))))
    >>> out = with_qids(result, {kim: "Q56226"})
    >>> out.variables, [[str(v) if v else None for v in row] for row in out.rows][0][1]
    (('who', 'who_qid', 'n'), 'Q56226')
    """
    if result.boolean is not None:
        return result
    linked = [any(row[i] in qids for row in result.rows) for i in range(len(result.variables))]
    variables: list[str] = []
    for name, has in zip(result.variables, linked, strict=True):
        variables += [name, f"{name}_qid"] if has else [name]
    rows = []
    for row in result.rows:
        cells: list[Node | None] = []
        for value, has in zip(row, linked, strict=True):
            cells.append(value)
            if has:
                code = qids.get(value) if isinstance(value, URIRef) else None
                cells.append(Literal(code) if code else None)
        rows.append(tuple(cells))
    return QueryResult(tuple(variables), tuple(rows))
