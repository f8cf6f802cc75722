"""Review stage, correcting: the fields of a row that a reviewer sets, and their values checked.

Reads a Sheet (review_rows.py) and `FIELD=VALUE` pairs (`--set`, or the interactive `c`); returns
the changes by field with entities resolved to IRIs (an IRI, a Wikidata QID or a label, looked
up as `query --param` looks one up: lookup.py, over the entities the project knows), days, kinds
and modalities checked; anything else is an input error naming the article and row. The
fields: `kind`, the participant roles, `place`, `theme`, `date`, `modality`, `speaker` (a
statement's agent) and `claimedBy` of an event; `sentBy`, `ledBy`, `hasMember` of a delegation,
`holder`, `position` of a position holding (with `modality` and `claimedBy`). `-` removes a
field's values; `;` separates several.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from rdflib import RDF, Graph, URIRef

from diplograph.errors import InputError
from diplograph.extract.events import spec
from diplograph.namespaces import DIP, ID
from diplograph.quality.evaluate import EVENT_KINDS
from diplograph.quality.review_rows import THING_ROLES, Row, Sheet, is_statement, short

MODALITIES = ("Happened", "Expected", "Claimed", "Denied")
SINGLE = ("kind", "date", "modality")  # one value each; the others take several
EVENT_ROLES = ("place", "theme")  # besides the participant roles
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
BARE_QID = re.compile(r"^Q[1-9]\d*$")
REMOVE = "-"
KNOWN_GRAPH = URIRef("urn:x-diplograph:known-entities")  # the graph a lookup store holds

Changes = dict[str, list[str]]


def fields_of(sheet: Sheet, kind: str) -> tuple[str, ...]:
    """The fields a fact of a kind has, in the order they are asked."""
    if kind in THING_ROLES:
        return (*THING_ROLES[kind], "modality", "claimedBy")
    return ("kind", *sheet.roles, *EVENT_ROLES, "date", "modality", "speaker", "claimedBy")


def entity_fields(sheet: Sheet, kind: str) -> tuple[str, ...]:
    """The fields of a kind whose values are entities."""
    return (*THING_ROLES.get(kind, (*sheet.roles, *EVENT_ROLES)), "claimedBy")


def parse_sets(texts: Iterable[str]) -> list[tuple[str, str]]:
    """`FIELD=VALUE` texts as pairs; one without `=` is an input error.

    >>> parse_sets(["date=2024-05-03", "place = Astana"])
    [('date', '2024-05-03'), ('place', 'Astana')]
    """
    pairs = []
    for text in texts:
        name, sep, value = text.partition("=")
        if not sep or not name.strip():
            raise InputError(f"--set {text!r}: give FIELD=VALUE, e.g. date=2024-05-03")
        pairs.append((name.strip(), value.strip()))
    return pairs


def changes_of(sheet: Sheet, row: Row, pairs: Sequence[tuple[str, str]]) -> Changes:
    """The changes of a row by field (`speaker` as `agent`): values split at `;`, `-` none;
    an unknown field, or a one-value field given twice, is an input error."""
    where = f"{sheet.article.stem} #{row.number}"
    kind = row.candidate.kind
    known = {f.lower(): f for f in fields_of(sheet, kind)}
    found: Changes = {}
    speaker = False
    for name, value in pairs:
        field = known.get(name.lower())
        if field is None:
            raise InputError(
                f"{where}: a {kind} has no field {name!r} ({', '.join(known.values())})"
            )
        if field == "speaker":
            speaker, field = True, "agent"
        values = [] if value == REMOVE else [v.strip() for v in value.split(";") if v.strip()]
        if not values and value != REMOVE:
            raise InputError(f"{where}: {name}= needs a value ({REMOVE} removes it)")
        if field in found and field in SINGLE:
            raise InputError(f"{where}: {field} is given twice")
        found.setdefault(field, []).extend(values)
    kinds = {k.lower(): k for k in EVENT_KINDS}
    final = kinds.get((found.get("kind") or [kind])[0].lower(), kind)
    if speaker and not is_statement(final):
        raise InputError(f"{where}: only a statement has a speaker (set claimedBy)")
    return found


def known_graph(sheet: Sheet) -> Graph:
    """Every entity description a reviewer may name: entities, hand mapping, rules, reference."""
    graph = Graph()
    for part in (sheet.entities, sheet.gold, sheet.elsewhere, sheet.rule, sheet.reference):
        graph += part
    return graph


def graph_lookup(graph: Graph, what: str) -> Callable:
    """lookup.py's resolver over an rdflib graph (QID and label lookups), run on a store of the
    chosen engine that holds the graph: on Oxigraph a label lookup takes a tenth of rdflib's
    0.7 s over the project's known entities (its FILTER compares every label)."""
    from diplograph.lookup import resolver
    from diplograph.queries import bind
    from diplograph.store import new_store
    from diplograph.store.protocol import QueryResult

    stores = []

    def run(query, values) -> QueryResult:
        """Run a lookup query over the graph (loaded into the store on the first lookup)."""
        if not stores:
            stores.append(new_store())
            stores[0].add_graph(KNOWN_GRAPH, graph)
        return stores[0].query(query.text, bind(query, values))

    return resolver(run, what)


def entity(sheet: Sheet, known: Graph, where: str, field: str, text: str, example: str) -> URIRef:
    """The entity a value names (an IRI, a QID or a label), which the project must know."""
    from diplograph.queries import Param, iri_text, lookup_kind

    value = "wd:" + text if BARE_QID.match(text) else text
    if lookup_kind(value) is None:
        try:
            iri = URIRef(iri_text(value))
        except InputError as exc:
            raise InputError(f"{where}: {field}: {exc}") from exc
    else:
        iri = graph_lookup(known, f"{where}:")(Param(field, "iri", example, False), value)
    is_fact = (None, DIP.attests, iri) in known and (iri, RDF.type, DIP.Delegation) not in known
    if (iri, RDF.type, None) not in known or is_fact:
        raise InputError(
            f"{where}: {field}: {short(iri)} is no entity the project knows (mappings/entities.ttl,"
            " the hand mappings, the rules' findings or the reference gazetteer)"
        )
    return iri


def parse_day(where: str, text: str) -> date:
    """An ISO day, else an input error."""
    try:
        if DAY.match(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise InputError(f"{where}: date {text!r} is not a day as YYYY-MM-DD (- removes the date)")


def parse_modality(where: str, text: str) -> URIRef:
    """A modality by name, in any case."""
    by_name = {m.lower(): m for m in MODALITIES}
    if text.lower() not in by_name:
        raise InputError(f"{where}: modality {text!r} is not one of {', '.join(MODALITIES)}")
    return DIP[by_name[text.lower()]]


def parse_kind(where: str, text: str) -> str:
    """An event kind by name, in any case."""
    by_name = {k.lower(): k for k in EVENT_KINDS}
    if text.lower() not in by_name:
        raise InputError(
            f"{where}: kind {text!r} is not an event kind ({', '.join(sorted(by_name.values()))})"
        )
    return by_name[text.lower()]


def asked_fields(sheet: Sheet, row: Row) -> list[tuple[str, str]]:
    """The fields the interactive `c` asks, each with its value as the row shows it: the kind,
    the roles the fact has or its kind requires, date, modality, claim sources if any."""
    kind = row.candidate.kind
    parties: dict[str, list[str]] = {}
    for party in row.parties:
        parties.setdefault(party.role, []).append(party.label)
    required = spec(sheet.kinds, kind).get("required", [])
    claims = [p.label for s in row.supports for p in s.claimed_by if p.role == "claimedBy"]
    asked = []
    for field in fields_of(sheet, kind):
        if field in ("kind", "date", "modality"):
            shown = {"kind": kind, "date": row.date, "modality": ", ".join(row.modalities)}[field]
        elif field == "claimedBy":
            if not claims:
                continue
            shown = "; ".join(dict.fromkeys(claims))
        elif field in parties or field in required:
            shown = "; ".join(parties.get(field, [])) or "none"
        else:
            continue
        name = "speaker" if field == "agent" and is_statement(kind) else field
        asked.append((name, shown))
    return asked


def check(sheet: Sheet, known: Graph, row: Row, name: str, text: str) -> None:
    """Check one value the interactive `c` was given (an input error says what is wrong)."""
    where = f"{sheet.article.stem} #{row.number}"
    changes = changes_of(sheet, row, [(name, text)])
    field, values = next(iter(changes.items()))
    for value in values:
        if field == "kind":
            parse_kind(where, value)
        elif field == "date":
            parse_day(where, value)
        elif field == "modality":
            parse_modality(where, value)
        else:
            shown = [p.iri for p in row.parties if p.role == field] or [ID["country/russia"]]
            entity(sheet, known, where, name, value, short(shown[0]))
