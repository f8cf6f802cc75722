"""Review stage, correcting: a rule fact with the values a reviewer sets, ready to be accepted.

Reads a Sheet (review_rows.py), rows and their changes (fields.py: `--correct N --set ...` or
the interactive `c`); returns the Sheet with a copy of its rule graph in which each fact carries
the corrected values, under the IRI they mint (only the segments whose sources changed: kind,
day, key roles; holder and position; sender and leader) and with a label made as the rules make
it, and a Fix per row; accept.py writes a fixed fact as it writes an accepted one, after
`shape_check` has checked it against the SHACL shapes. Date words that the corrected date
contradicts are left out of the attestations (the build would refuse them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from diplograph.dates import resolve
from diplograph.errors import InputError
from diplograph.extract.events import spec
from diplograph.extract.graph import segment
from diplograph.iris import EVENT_IRI, content_key, kind_slug, slug
from diplograph.namespaces import DIP, ID
from diplograph.quality.evaluate import event_kind
from diplograph.quality.fields import (
    Changes,
    changes_of,
    entity,
    entity_fields,
    fields_of,
    known_graph,
    parse_day,
    parse_kind,
    parse_modality,
)
from diplograph.quality.review_rows import THING_ROLES, Row, Sheet, is_statement, label_of, short

LABEL_ROLES = ("agent", "traveller", "participant", "sender", "carrier", "inviter", "host")
DATES = (DIP.date, DIP.earliestDate, DIP.latestDate)


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
        elif role == "content":
            parts += [content_key(c) for c in sorted(graph.objects(node, DIP.content))]
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


def _resolved(
    sheet: Sheet, graph: Graph, known: Graph, row: Row, changes: Changes
) -> tuple[dict, dict, dict]:
    """A fact's entity roles as they are and as corrected, and its other corrected values
    (modality, claim sources), checked; reference entities named get their description."""
    where, node, kind = f"{sheet.article.stem} #{row.number}", row.candidate.iri, row.candidate.kind
    fields = entity_fields(sheet, kind)
    current = {
        f: sorted(o for o in graph.objects(node, DIP[f]) if isinstance(o, URIRef))
        for f in fields
        if f != "claimedBy"
    }
    roles, values = dict(current), {}
    for field in (f for f in changes if f in fields):
        example = short((current.get(field) or [ID["country/russia"]])[0])
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
        values["modality"] = parse_modality(where, changes["modality"][0])
    return current, roles, values


def _rewrite(
    graph: Graph,
    node: URIRef,
    kinds: tuple[str, str],
    roles: dict,
    changed: set[str],
    day: date | None,
) -> None:
    """Write the corrected kind, roles and date of a node."""
    kind, new_kind = kinds
    if new_kind != kind:
        graph.remove((node, RDF.type, DIP[kind]))
        graph.add((node, RDF.type, DIP[new_kind]))
    for field in changed & set(roles):
        graph.remove((node, DIP[field], None))
        for value in roles[field]:
            graph.add((node, DIP[field], value))
    if "date" in changed:
        for p in DATES:
            graph.remove((node, p, None))
        if day is not None:
            graph.add((node, DIP.date, Literal(day)))


def _relabel(
    sheet: Sheet,
    graph: Graph,
    node: URIRef,
    kinds: tuple[str, str],
    roles: tuple,
    changed: set[str],
) -> None:
    """Remake the label of a corrected fact, where the rules made it from kind and parties."""
    kind, (current, corrected) = kinds[0], roles
    label = graph.value(node, RDFS.label)
    if label is None:
        return
    graphs = (graph, sheet.entities, sheet.gold, sheet.elsewhere)
    if kind == "Delegation" and changed & {"sentBy", "ledBy"}:
        sender = ", ".join(label_of(v, *graphs) for v in corrected.get("sentBy", []))
        leader = "".join(f" led by {label_of(v, *graphs)}" for v in corrected.get("ledBy", [])[:1])
        graph.set((node, RDFS.label, Literal(f"Delegation of {sender}{leader}", lang="en")))
    elif kind not in THING_ROLES:
        key = str(node).rsplit("/", 1)[-1]
        parties = tuple(
            [v for r in LABEL_ROLES for v in _ordered(m.get(r, []), key)]
            for m in (current, corrected)
        )
        text = _label(graphs, str(label), kinds, parties)
        graph.set((node, RDFS.label, Literal(text, lang="en")))


def _check_new(sheet: Sheet, where: str, row: Row, new: URIRef) -> None:
    """A corrected fact's new IRI must be neither the hand mapping's nor another row's."""
    if (new, RDF.type, None) in sheet.gold:
        raise InputError(f"{where}: corrected, it is {short(new)}, which the hand mapping has")
    other = next((r for r in sheet.rows if r.candidate.iri == new and r.number != row.number), None)
    if other is not None:
        raise InputError(
            f"{where}: corrected, it is {short(new)}, the rule layer's #{other.number}: "
            f"accept #{other.number} (and reject #{row.number}) instead"
        )


def fix_row(sheet: Sheet, graph: Graph, known: Graph, row: Row, changes: Changes) -> Fix:
    """Rewrite one fact of `graph` (a copy of the rule graph) with its changes; the Fix, whose
    fields are those the changes changed."""
    where = f"{sheet.article.stem} #{row.number}"
    node, kind = row.candidate.iri, row.candidate.kind
    if "kind" in changes and not changes["kind"]:
        raise InputError(f"{where}: kind cannot be removed")
    new_kind = parse_kind(where, changes["kind"][0]) if changes.get("kind") else kind
    if "date" in changes and kind in THING_ROLES:
        raise InputError(f"{where}: a {kind} has no date")
    current, roles, values = _resolved(sheet, graph, known, row, changes)
    day = parse_day(where, changes["date"][0]) if changes.get("date") else None
    was = _was(graph, node)
    now = {"date": {day}, **{f: set(v) if isinstance(v, list) else v for f, v in values.items()}}
    changed = {f for f in changes if f in roles and set(roles[f]) != set(current.get(f, []))}
    changed |= {f for f in changes if f in now and now[f] != was.get(f)}
    changed |= {"kind"} if new_kind != kind else set()
    _rewrite(graph, node, (kind, new_kind), roles, changed, day)
    _relabel(sheet, graph, node, (kind, new_kind), (current, roles), changed)
    if kind in THING_ROLES:
        new = _thing_iri(sheet, node, kind, roles, changed)
    else:
        new = _event_iri(sheet, graph, node, (kind, current), (new_kind, roles, day), changed)
    if new != node:
        _check_new(sheet, where, row, new)
        _rename(graph, node, new)
    _attestations(sheet, graph, new, changes, values)
    label = graph.value(new, RDFS.label)
    candidate = replace(row.candidate, iri=new, kind=new_kind, label=str(label or new))
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
            + (f" ({row.path})" if row.path else "")  # a node's own constraint names no path
            + f": {row.message}"
        )
