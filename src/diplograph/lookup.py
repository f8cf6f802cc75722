"""Query parameters: an entity given by its Wikidata QID or by its label, resolved to its IRI.

Reads the graph a query answers from (through the same runner: the embedded store or a remote
one) with two small lookups: the entities linked to the QID by skos:exactMatch, and the entities
whose rdfs:label or skos:altLabel equals the text (ignoring case). Returns the one IRI; none is
an InputError saying so, several an InputError listing the candidates with their labels.
Only instances under the `id:` namespace count (never an ontology class such as dip:Visit).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

from rdflib import URIRef

from diplograph.errors import InputError
from diplograph.namespaces import ID, PREFIXES
from diplograph.queries import Param, StoredQuery
from diplograph.store import QueryResult

_QID = re.compile(r"^(?:wd:|https?://www\.wikidata\.org/entity/)(Q[1-9]\d*)$")
_IRI = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$", re.IGNORECASE)

Runner = Callable[[StoredQuery, Mapping[str, str]], QueryResult]

BY_QID = StoredQuery(
    "entity-by-qid",
    Path("<QID lookup>"),
    "Entities by Wikidata item",
    "Which entities are linked (skos:exactMatch) to this Wikidata item?",
    (Param("qid", "xsd:string", "Q56226", False),),
    False,
    f"""SELECT DISTINCT ?entity ?label WHERE {{
  BIND (IRI(CONCAT(STR(wd:), ?qid)) AS ?item)
  ?entity skos:exactMatch ?item .
  OPTIONAL {{ ?entity rdfs:label ?label }}
  FILTER (STRSTARTS(STR(?entity), "{ID}"))
}}
ORDER BY ?entity ?label""",
)

BY_LABEL = StoredQuery(
    "entity-by-label",
    Path("<label lookup>"),
    "Entities by label",
    "Which entities carry this label (rdfs:label or skos:altLabel, in any case)?",
    (Param("name", "xsd:string", "Kim Jong Un", False),),
    False,
    f"""SELECT DISTINCT ?entity ?label WHERE {{
  ?entity rdfs:label|skos:altLabel ?found .
  FILTER (LCASE(STR(?found)) = LCASE(STR(?name)))
  FILTER (STRSTARTS(STR(?entity), "{ID}"))
  OPTIONAL {{ ?entity rdfs:label ?label }}
}}
ORDER BY ?entity ?label""",
)


def lookup_kind(value: str) -> str | None:
    """How a parameter value names an entity: 'qid' (wd:Q... or a Wikidata entity IRI),
    'label' (text that is no IRI or prefixed name), or None (an IRI, used as it is).

    >>> [lookup_kind(v) for v in ("wd:Q56226", "Kim Jong Un", "id:person/kim-jong-un")]
    ['qid', 'label', None]
    """
    if _QID.match(value.strip()):
        return "qid"
    prefix, sep, rest = value.partition(":")
    if (sep and prefix in PREFIXES and not rest.startswith("//")) or _IRI.match(value):
        return None
    return "label"


def _short(iri: str) -> str:
    """An IRI under id: as a prefixed name."""
    return "id:" + iri[len(str(ID)) :] if iri.startswith(str(ID)) else f"<{iri}>"


def resolver(run: Runner) -> Callable[[Param, str], URIRef]:
    """A function that resolves a parameter given by QID or label, looking it up with `run`."""

    def resolve(param: Param, value: str) -> URIRef:
        """The one entity a QID or label names, else an InputError."""
        kind = lookup_kind(value)
        if kind == "qid":
            match = _QID.match(value.strip())
            assert match is not None
            result, what = run(BY_QID, {"qid": match.group(1)}), f"linked to wd:{match.group(1)}"
        else:
            result, what = run(BY_LABEL, {"name": value.strip()}), f"labelled {value.strip()!r}"
        found: dict[str, str] = {}
        for entity, label in result.rows:
            found.setdefault(str(entity), str(label) if label is not None else "")
        if not found:
            raise InputError(
                f"parameter {param.name}: no entity is {what} (give an IRI such as {param.example})"
            )
        if len(found) > 1:
            names = ", ".join(f"{_short(e)} ({label})" for e, label in sorted(found.items()))
            raise InputError(
                f"parameter {param.name}: {len(found)} entities are {what}: {names}; give one "
                "by its IRI"
            )
        return URIRef(next(iter(found)))

    return resolve


def deferred(param: Param, value: str) -> URIRef:
    """A stand-in for checking parameters before a store is open: the QID or label is looked
    up when the query runs."""
    return URIRef(f"{ID}lookup")
