"""Review stage, correcting: a rule fact with the values a reviewer sets, ready to be accepted.

Reads a Sheet (review_rows.py), open rows and their changes (`FIELD=VALUE`, from `diplograph
review ARTICLE --correct N --set ...` or the interactive `c`); returns the Sheet with a copy of
its rule graph in which each fact carries the corrected values, under the IRI they mint (only
the segments whose sources changed: kind, day, key roles; holder and position; sender and
leader) and with a label made as the rules make it, and a Fix per row; accept.py writes a fixed
fact as it writes an accepted one.

Fields: `kind` (an event kind), each participant role, `place` and `theme` of an event, `sentBy`,
`ledBy` and `hasMember` of a delegation, `holder` and `position` of a position holding, `date`
(an ISO day), `modality` and `claimedBy` (of every attestation), `speaker` (a statement's agent).
An entity is given by IRI (`id:...`), by Wikidata QID (`wd:Q30`, `Q30`) or by label, looked up as
`query --param` looks it up (lookup.py) among the entities the project knows: mappings/entities.ttl
with its links, the hand mappings, the rule layer's and the reference gazetteer's. `-` removes a
field's values, `;` separates several. Date words that the corrected date contradicts are left
out of the attestations (the build would refuse them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from diplograph.dates import resolve
from diplograph.errors import InputError
from diplograph.extract.events import spec
from diplograph.extract.graph import segment
from diplograph.iris import EVENT_IRI, kind_slug, slug
from diplograph.names import PREFIXES
from diplograph.namespaces import DIP, ID
from diplograph.quality.evaluate import EVENT_KINDS, event_kind
from diplograph.quality.review_rows import THING_ROLES, Row, Sheet, is_statement, label_of, short

MODALITIES = ("Happened", "Expected", "Claimed", "Denied")
SINGLE = ("kind", "date", "modality")  # one value each; the others take several
EVENT_ROLES = ("place", "theme")  # besides the participant roles
LABEL_ROLES = ("agent", "traveller", "participant", "sender", "carrier", "inviter", "host")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
BARE_QID = re.compile(r"^Q[1-9]\d*$")
REMOVE = "-"
DATES = (DIP.date, DIP.earliestDate, DIP.latestDate)

Changes = dict[str, list[str]]


@dataclass(frozen=True)
class Fix:
    """A corrected row: as it was, as it is written, and the fields changed."""

    row: Row
    fixed: Row
    fields: tuple[str, ...]  # those that differ from the rule fact, in the order asked
    replaced: URIRef | None = None  # what review had written for the row, corrected again

    @property
    def renamed(self) -> bool:
        """Whether the correction gave the fact another IRI."""
        return self.fixed.candidate.iri != self.row.candidate.iri


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
    """lookup.py's resolver over an rdflib graph (QID and label lookups)."""
    from diplograph.lookup import resolver
    from diplograph.queries import bind
    from diplograph.store.protocol import QueryResult

    def run(query, values) -> QueryResult:
        """Run a lookup query over the graph."""
        result = graph.query(query.text, initNs=PREFIXES, initBindings=bind(query, values))
        return QueryResult(tuple(str(v) for v in result.vars or ()), tuple(map(tuple, result)))

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


def _day(where: str, text: str) -> date:
    """An ISO day, else an input error."""
    try:
        if DAY.match(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise InputError(f"{where}: date {text!r} is not a day as YYYY-MM-DD (- removes the date)")


def _modality(where: str, text: str) -> URIRef:
    """A modality by name, in any case."""
    by_name = {m.lower(): m for m in MODALITIES}
    if text.lower() not in by_name:
        raise InputError(f"{where}: modality {text!r} is not one of {', '.join(MODALITIES)}")
    return DIP[by_name[text.lower()]]


def _kind(where: str, text: str) -> str:
    """An event kind by name, in any case."""
    by_name = {k.lower(): k for k in EVENT_KINDS}
    if text.lower() not in by_name:
        raise InputError(
            f"{where}: kind {text!r} is not an event kind ({', '.join(sorted(by_name.values()))})"
        )
    return by_name[text.lower()]


def kind_words(kind: str) -> str:
    """A kind as the rules' labels begin: `Sanction imposition`.

    >>> kind_words("SanctionImposition")
    'Sanction imposition'
    """
    words = "".join(f" {c.lower()}" if c.isupper() else c for c in kind).strip()
    return words[:1].upper() + words[1:]


def _ordered(values: list[URIRef], key: str) -> list[URIRef]:
    """Values in the order their slugs stand in an IRI key (the rules' mention order)."""
    return sorted(values, key=lambda v: (key.find(segment(v)) % (len(key) + 1), str(v)))


def _event_key(sheet: Sheet, graph: Graph, node: URIRef, kind: str, roles: dict, key: str) -> str:
    """The key the rules mint for an event's key roles (in the order of the old key)."""
    parts = []
    for role in spec(sheet.kinds, kind).get("key", []):
        if role == "sentence":
            sentences = sorted(
                str(graph.value(a, DIP.sentence)) for a in graph.subjects(DIP.attests, node)
            )
            parts.append(
                f"{sheet.article.stem}-s{sentences[0].rsplit('/s', 1)[-1]}" if sentences else ""
            )
        elif role != "name":
            parts += [segment(v) for v in _ordered(roles.get(role, []), key)]
    return slug("-".join(dict.fromkeys(p for p in parts if p))) or "unnamed"


def _event_iri(sheet, graph, node, old: tuple, new: tuple, changed: set[str]) -> URIRef:
    """The IRI of a corrected event: the segments whose sources changed, minted anew."""
    match = EVENT_IRI.match(str(node))
    if match is None:
        return node
    kind, day, key = match.group("kind"), match.group("day"), match.group("key")
    (old_kind, old_roles), (new_kind, new_roles, new_date) = old, new
    if "kind" in changed:
        kind = kind_slug(new_kind)
    if "date" in changed:
        day = new_date.isoformat() if new_date else "undated"
    key_roles = set(spec(sheet.kinds, new_kind).get("key", []))
    formulaic = key == _event_key(sheet, graph, node, old_kind, old_roles, key)
    if (key_roles & changed or "kind" in changed) and (formulaic or "name" not in key_roles):
        key = _event_key(sheet, graph, node, new_kind, new_roles, key)
    return ID[f"event/{kind}/{day}/{key}"]


def _thing_iri(sheet: Sheet, node: URIRef, kind: str, roles: dict, changed: set[str]) -> URIRef:
    """The IRI of a corrected delegation or holding, minted anew if its key parties changed."""
    if kind == "PositionHolding" and changed & {"holder", "position"}:
        holder, position = roles.get("holder", []), roles.get("position", [])
        if len(holder) == 1 and len(position) == 1:
            return ID[f"holding/{segment(holder[0])}/{segment(position[0])}"]
    if kind == "Delegation" and changed & {"sentBy", "ledBy"} and len(roles.get("sentBy", [])) == 1:
        month = sheet.article.date_published.strftime("%Y-%m")
        leader = "".join(f"-{segment(v)}" for v in roles.get("ledBy", [])[:1])
        return ID[f"delegation/{segment(roles['sentBy'][0])}-{month}{leader}"]
    return node


def _label(graphs: tuple[Graph, ...], old: str, kinds: tuple[str, str], parties: tuple) -> str:
    """The label of a corrected event: kind words and its parties' labels, where the rules'
    label was made so (a named event keeps its name)."""
    (old_kind, new_kind), (old_parties, new_parties) = kinds, parties
    head = kind_words(old_kind) + ": "
    if not old.startswith(head):
        return old
    rest = old.removeprefix(head)
    before = [label_of(v, *graphs) for v in old_parties]
    after = [label_of(v, *graphs) for v in new_parties]
    if set(rest.split(", ")) != set(before):
        return kind_words(new_kind) + ": " + rest
    kept = [name for name in rest.split(", ") if name in after]
    return kind_words(new_kind) + ": " + ", ".join(dict.fromkeys([*kept, *after]))


def _rename(graph: Graph, old: URIRef, new: URIRef) -> None:
    """Give a node another IRI, as subject and as object."""
    for p, o in list(graph.predicate_objects(old)):
        graph.remove((old, p, o))
        graph.add((new, p, o))
    for s, p in list(graph.subject_predicates(old)):
        graph.remove((s, p, old))
        graph.add((s, p, new))


def _describe(sheet: Sheet, graph: Graph, iri: URIRef) -> None:
    """Add a reference gazetteer entity's description (and its places') the graph lacks."""
    todo = [iri]
    while todo:
        node = todo.pop()
        graphs = (sheet.entities, sheet.gold, sheet.elsewhere)
        described = any(g.value(node, RDF.type) is not None for g in graphs)
        if described or (node, RDF.type, None) in graph:
            continue
        for p, o in sheet.reference.predicate_objects(node):
            graph.add((node, p, o))
        todo += [o for o in sheet.reference.objects(node, DIP.locatedIn) if isinstance(o, URIRef)]


def _attestations(sheet: Sheet, graph: Graph, node: URIRef, changes: Changes, values: dict) -> None:
    """Set the modality and claim sources of every attestation; drop contradicted date words."""
    for attestation in list(graph.subjects(DIP.attests, node)):
        if "modality" in changes:
            graph.set((attestation, DIP.modality, values["modality"]))
        if "claimedBy" in changes:
            graph.remove((attestation, DIP.claimedBy, None))
            graph.remove((attestation, RDF.type, None))
            for source in values["claimedBy"]:
                graph.add((attestation, DIP.claimedBy, source))
            graph.add(
                (attestation, RDF.type, DIP.Claim if values["claimedBy"] else DIP.Attestation)
            )
        words = graph.value(attestation, DIP.dateExpression)
        if words is None or not {"date", "modality"} & set(changes):
            continue
        future = graph.value(attestation, DIP.modality) == DIP.Expected
        found = resolve(str(words), sheet.article.date_published, "future" if future else "past")
        day = graph.value(node, DIP.date)
        if found is None:
            continue
        if (day is None and found.is_day) or (
            day is not None and not found.earliest <= day.toPython() <= found.latest
        ):
            graph.remove((attestation, DIP.dateExpression, words))


def _was(graph: Graph, node: URIRef) -> dict:
    """A fact's date (a set: a day, or None), modality and claim sources as now written."""
    attestations = list(graph.subjects(DIP.attests, node))
    modalities = {graph.value(a, DIP.modality) or DIP.Happened for a in attestations}
    day = graph.value(node, DIP.date)
    interval = any(graph.value(node, p) is not None for p in DATES[1:])
    return {
        "date": {"interval"} if interval else {day.toPython() if day is not None else None},
        "modality": next(iter(modalities)) if len(modalities) == 1 else modalities,
        "claimedBy": {o for a in attestations for o in graph.objects(a, DIP.claimedBy)},
    }


def fix_row(sheet: Sheet, graph: Graph, known: Graph, row: Row, changes: Changes) -> Fix:
    """Rewrite one fact of `graph` (a copy of the rule graph) with its changes; the Fix."""
    where = f"{sheet.article.stem} #{row.number}"
    node, kind = row.candidate.iri, row.candidate.kind
    if "kind" in changes and not changes["kind"]:
        raise InputError(f"{where}: kind cannot be removed")
    new_kind = _kind(where, changes["kind"][0]) if changes.get("kind") else kind
    if "date" in changes and kind in THING_ROLES:
        raise InputError(f"{where}: a {kind} has no date")
    fields = entity_fields(sheet, kind)
    current = {
        f: sorted(o for o in graph.objects(node, DIP[f]) if isinstance(o, URIRef))
        for f in fields
        if f != "claimedBy"
    }
    roles = dict(current)
    values: dict = {}
    for field in changes:
        if field in fields:
            shown = current.get(field) or [ID["country/russia"]]
            example = short(shown[0])
            name = "speaker" if field == "agent" and is_statement(kind) else field
            chosen = [entity(sheet, known, where, name, v, example) for v in changes[field]]
            for iri in chosen:
                _describe(sheet, graph, iri)
            if field == "claimedBy":
                values[field] = chosen
            else:
                roles[field] = list(dict.fromkeys(chosen))
    if "modality" in changes:
        if not changes["modality"]:
            raise InputError(f"{where}: modality cannot be removed")
        values["modality"] = _modality(where, changes["modality"][0])
    new_date = _day(where, changes["date"][0]) if changes.get("date") else None
    was = _was(graph, node)
    now = {"kind": new_kind, "date": {new_date}, **values}
    now = {f: set(v) if isinstance(v, list) else v for f, v in now.items()}
    changed = {f for f in changes if f in roles and set(roles[f]) != set(current.get(f, []))}
    changed |= {f for f in changes if f in now and now[f] != was.get(f)} - {"kind"}
    changed |= {"kind"} if new_kind != kind else set()
    graphs = (graph, sheet.entities, sheet.gold)
    if new_kind != kind:
        graph.remove((node, RDF.type, DIP[kind]))
        graph.add((node, RDF.type, DIP[new_kind]))
    for field in set(changed) & set(roles):
        graph.remove((node, DIP[field], None))
        for value in roles[field]:
            graph.add((node, DIP[field], value))
    if "date" in changed:
        for p in DATES:
            graph.remove((node, p, None))
        if new_date is not None:
            graph.add((node, DIP.date, Literal(new_date)))
    label = graph.value(node, RDFS.label)
    if kind in THING_ROLES:
        new = _thing_iri(sheet, node, kind, roles, changed)
        if kind == "Delegation" and label is not None and changed & {"sentBy", "ledBy"}:
            sender = ", ".join(label_of(v, *graphs) for v in roles.get("sentBy", []))
            leader = "".join(f" led by {label_of(v, *graphs)}" for v in roles.get("ledBy", [])[:1])
            graph.set((node, RDFS.label, Literal(f"Delegation of {sender}{leader}", lang="en")))
    else:
        key = str(node).rsplit("/", 1)[-1]
        parties = tuple(
            [v for r in LABEL_ROLES for v in _ordered(m.get(r, []), key)] for m in (current, roles)
        )
        if label is not None:
            text = _label(graphs, str(label), (kind, new_kind), parties)
            graph.set((node, RDFS.label, Literal(text, lang="en")))
        new = _event_iri(sheet, graph, node, (kind, current), (new_kind, roles, new_date), changed)
    if new != node:
        if (new, RDF.type, None) in sheet.gold:
            raise InputError(f"{where}: corrected, it is {short(new)}, which the hand mapping has")
        other = next(
            (r for r in sheet.rows if r.candidate.iri == new and r.number != row.number), None
        )
        if other is not None:
            raise InputError(
                f"{where}: corrected, it is {short(new)}, the rule layer's #{other.number}: "
                f"accept #{other.number} (and reject #{row.number}) instead"
            )
        _rename(graph, node, new)
    _attestations(sheet, graph, new, changes, values)
    final = graph.value(new, RDFS.label)
    candidate = replace(row.candidate, iri=new, kind=new_kind, label=str(final or new))
    speaker = is_statement(new_kind)
    names = [
        "speaker" if f == "agent" and speaker else f
        for f in fields_of(sheet, new_kind)
        if f in changed
    ]
    return Fix(row, replace(row, candidate=candidate), tuple(names))


def differ(sheet: Sheet, row: Row, graph: Graph, fixed: Row) -> tuple[str, ...]:
    """The fields in which a fixed fact differs from the rule fact, in the order asked."""
    rule, old, new = sheet.rule, row.candidate.iri, fixed.candidate.iri
    kind = fixed.candidate.kind
    found = {"kind"} if row.candidate.kind != kind else set()
    for field in entity_fields(sheet, kind):
        if set(rule.objects(old, DIP[field])) != set(graph.objects(new, DIP[field])):
            found.add(field)
    before, after = _was(rule, old), _was(graph, new)
    found |= {f for f in ("date", "modality", "claimedBy") if before[f] != after[f]}
    speaker = is_statement(kind)
    return tuple(
        "speaker" if f == "agent" and speaker else f for f in fields_of(sheet, kind) if f in found
    )


def kind_of(graph: Graph, node: URIRef) -> str:
    """The kind of a fact: its event kind, or Delegation or PositionHolding."""
    kind = event_kind(graph, node)
    if kind is not None:
        return kind
    return next(k for k in THING_ROLES if (node, RDF.type, DIP[k]) in graph)


def correct(
    sheet: Sheet,
    fixes: Sequence[tuple[Row, Sequence[tuple[str, str]]]],
    graph: Graph | None = None,
    starts: dict[int, URIRef] | None = None,
) -> tuple[Sheet, list[Fix]]:
    """The sheet with the corrected facts in `graph` (default: a copy of its rule graph), and
    the Fixes; `starts`: the nodes review wrote for rows corrected again (reopen.py), whose
    description in `graph` the correction starts from. A correction that changes nothing is an
    input error."""
    if not fixes:
        return sheet, []
    if graph is None:
        graph = Graph()
        graph += sheet.rule
    known = known_graph(sheet)
    done = []
    for row, pairs in fixes:
        node = (starts or {}).get(row.number)
        start = row
        if node is not None:
            start = replace(
                row, candidate=replace(row.candidate, iri=node, kind=kind_of(graph, node))
            )
        fix = fix_row(sheet, graph, known, start, changes_of(sheet, start, pairs))
        if not fix.fields:
            raise InputError(f"{sheet.article.stem} #{row.number}: the values given change nothing")
        done.append(Fix(row, fix.fixed, differ(sheet, row, graph, fix.fixed), node))
    swapped = {f.row.number: f.fixed for f in done}
    rows = [swapped.get(r.number, r) for r in sheet.rows]
    opened = [swapped.get(r.number, r) for r in sheet.open]
    return replace(sheet, rule=graph, rows=rows, open=opened), done


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
            _kind(where, value)
        elif field == "date":
            _day(where, value)
        elif field == "modality":
            _modality(where, value)
        else:
            shown = [p.iri for p in row.parties if p.role == field] or [ID["country/russia"]]
            entity(sheet, known, where, name, value, short(shown[0]))


def shape_check(sheet: Sheet, gold: Graph, fixes: Sequence[Fix]) -> None:
    """The corrected facts, as the hand mapping `gold` describes them with the project's
    entities, checked against the SHACL shapes as the build checks them; a result is an input
    error (nothing is written: `place=-` on a visit, a claim without its source...)."""
    if not fixes or sheet.project is None:
        return
    from diplograph import paths
    from diplograph.build import SHAPES_FILE
    from diplograph.built import load_ontology
    from diplograph.validate import load_shapes, shacl_rows

    data = Graph()
    for part in (gold, sheet.entities, sheet.elsewhere):
        data += part
    numbers = {fix.fixed.candidate.iri: fix.row.number for fix in fixes}
    shapes = load_shapes(paths.ontology_dir(sheet.project) / SHAPES_FILE)
    ontology = load_ontology(sheet.project)
    _, rows = shacl_rows(data, shapes, ontology, focus=set(numbers), own=True)
    for row in sorted(rows):
        number = numbers.get(URIRef(row.focus))
        raise InputError(
            f"{sheet.article.stem} #{number}: corrected, it breaks {row.shape or row.component}"
            f" ({row.path}): {row.message}"
        )
