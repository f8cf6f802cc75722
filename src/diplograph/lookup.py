"""Query parameters: an entity given by its Wikidata QID or by its label, resolved to its IRI.

Reads the graph a query answers from (through the same runner: the embedded store or a remote
one) with two small lookups: the entities linked to the QID by skos:exactMatch, and the entities
whose rdfs:label or skos:altLabel equals the text (ignoring case). Returns the one IRI; none is
an InputError saying so, several an InputError listing the candidates with their labels.
Only instances under the `id:` namespace count (never an ontology class such as dip:Visit).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from rdflib import URIRef

from diplograph.errors import InputError
from diplograph.namespaces import ID
from diplograph.queries import QID, Param, StoredQuery, lookup_kind
from diplograph.store import QueryResult

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


def _short(iri: str) -> str:
    """An IRI under id: as a prefixed name."""
    return "id:" + iri[len(str(ID)) :] if iri.startswith(str(ID)) else f"<{iri}>"


def resolver(run: Runner, what: str = "parameter") -> Callable[[Param, str], URIRef]:
    """A function that resolves a parameter given by QID or label, looking it up with `run`;
    `what` names the kind of value in errors (`parameter place: ...`)."""

    def resolve(param: Param, value: str) -> URIRef:
        """The one entity a QID or label names, else an InputError."""
        kind = lookup_kind(value)
        if kind == "qid":
            match = QID.match(value.strip())
            assert match is not None
            result = run(BY_QID, {"qid": match.group(1)})
            found_by = f"linked to wd:{match.group(1)}"
        else:
            result, found_by = run(BY_LABEL, {"name": value.strip()}), f"labelled {value.strip()!r}"
        found: dict[str, str] = {}
        for entity, label in result.rows:
            found.setdefault(str(entity), str(label) if label is not None else "")
        if not found:
            raise InputError(
                f"{what} {param.name}: no entity is {found_by} "
                f"(give an IRI such as {param.example})"
            )
        if len(found) > 1:
            names = ", ".join(f"{_short(e)} ({label})" for e, label in sorted(found.items()))
            raise InputError(
                f"{what} {param.name}: {len(found)} entities are {found_by}: {names}; give one "
                "by its IRI"
            )
        return URIRef(next(iter(found)))

    return resolve
