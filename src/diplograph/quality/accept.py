"""Review stage, the writing side: accepted rows into the hand mapping, rejected ones beside it.

Reads a Sheet (review_rows.py) and the numbers a reviewer accepted and rejected; writes
mappings/gold/STEM.ttl and mappings/gold/STEM.rejected.txt together, atomically (writing.py).

An accepted fact is appended to the hand mapping as hand-written Turtle is written (mappings/
README.md): the node with its type, label, roles and date, then one blank-node attestation per
supporting sentence with dip:attests, dip:modality, dip:claimedBy / dip:relayedBy, the exact
words (dip:text), the date words, and dip:beginIndex only where the words occur more than once;
the build finds the sentence and offsets from the words, as for every hand mapping. What the fact
refers to comes along where the hand layer lacks it: an event or delegation the hand layer has
by meaning is referred to by its hand IRI, one it lacks is written too (an acceptance's
invitation); an entity that neither mappings/entities.ttl nor the hand mapping describes (one the
rules minted, or one of the reference gazetteer) is described as the rule layer describes it.
A new mapping starts with a header, @base and the prefixes; an existing one keeps every byte and
gets a section at its end. The result is loaded as the build loads it before anything is
written. A rejected fact is listed by IRI (stable while the rules find it) with its label.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager

from diplograph.errors import InputError
from diplograph.names import PREFIXES
from diplograph.namespaces import DIP, ID
from diplograph.quality.correct import Fix, correct, shape_check
from diplograph.quality.evaluate import match, views
from diplograph.quality.reopen import cut, reseat, written_as
from diplograph.quality.review import fact_key
from diplograph.quality.review_rows import Row, Sheet, short
from diplograph.writing import write_all

BANNER = (
    "#################################################################\n"
    "#    Accepted in review (`diplograph review --accept`)\n"
    "#################################################################\n"
)
ATTESTATION_PROPERTIES = (DIP.modality, DIP.claimedBy, DIP.relayedBy, DIP.text, DIP.dateExpression)
ATTESTATION_ORDER = (RDF.type, DIP.attests, *ATTESTATION_PROPERTIES[:3], DIP.beginIndex)
FACT_TYPES = (DIP.Delegation, DIP.PositionHolding)
LEFT_OUT = (DIP.confidence,)  # the rule layer's own; a hand fact has no confidence
LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_DIRECTIVE = re.compile(r"^\s*@prefix\s+([A-Za-z][\w-]*)?:\s*<([^>]*)>", re.MULTILINE)
_BASE = re.compile(r"^\s*@base\s*<([^>]*)>", re.MULTILINE)


@dataclass(frozen=True)
class Outcome:
    """What a review decision wrote."""

    accepted: tuple[int, ...]
    rejected: tuple[int, ...]
    needed: tuple[int, ...]  # rule facts written because an accepted one refers to them
    entities: int  # entities described in the hand mapping
    written: tuple[Path, ...]
    corrected: tuple[Fix, ...] = ()


class Writer:
    """Turtle terms as the file being appended to declares them (@base and prefixes)."""

    def __init__(self, existing: str) -> None:
        """Read the existing file's prefixes and base (a new file: the project's usual ones)."""
        if existing:
            self.prefixes = {p or "": iri for p, iri in _DIRECTIVE.findall(existing)}
            base = _BASE.search(existing)
            self.base = base.group(1) if base else None
        else:
            self.prefixes = {p: PREFIXES[p] for p in ("dip", "rdfs", "xsd")}
            self.base = str(ID)
        self.added: dict[str, str] = {}

    def iri(self, term: URIRef, declare: bool = True) -> str:
        """An IRI relative to the base, prefixed (declaring the prefix), or whole."""
        text = str(term)
        if self.base and text.startswith(self.base) and "/" in text.removeprefix(self.base):
            return f"<{text.removeprefix(self.base)}>"
        for prefix, namespace in sorted(PREFIXES.items()):
            rest = text.removeprefix(namespace)
            if text.startswith(namespace) and LOCAL_NAME.fullmatch(rest) and prefix != "id":
                if self.prefixes.get(prefix, namespace) == namespace:
                    if prefix not in self.prefixes and declare:
                        self.added[prefix] = namespace
                    return f"{prefix}:{rest}"
        return f"<{text}>"

    def term(self, value: URIRef | Literal) -> str:
        """An object in Turtle."""
        if isinstance(value, URIRef):
            return self.iri(value)
        if value.datatype is not None:
            self.iri(value.datatype)  # declares its prefix
        manager = NamespaceManager(Graph(), bind_namespaces="none")
        for prefix, namespace in {**self.prefixes, **self.added}.items():
            manager.bind(prefix, namespace)
        return value.n3(manager)

    def block(self, subject: str, pairs: list[tuple[URIRef, URIRef | Literal]]) -> str:
        """One subject with its properties, one object per line: `a` first, then rdfs:label,
        then by name; an attestation's in the order of the hand mappings."""
        grouped: dict[URIRef, list] = {}
        for p, o in pairs:
            grouped.setdefault(p, []).append(o)
        first = (RDF.type, RDFS.label) if subject != "[]" else ATTESTATION_ORDER
        order = sorted(
            grouped,
            key=lambda p: (first.index(p) if p in first else len(first), self.iri(p, False)),
        )
        lines = []
        for p in order:
            name = "a" if p == RDF.type else self.iri(p)
            objects = [self.term(o) for o in sorted(set(grouped[p]))]
            lines.append(f"    {name} " + " ,\n        ".join(objects))
        if subject == "[]":
            return "[] " + " ;\n".join(lines).lstrip() + " .\n"
        return f"{subject}\n" + " ;\n".join(lines) + " .\n"


def _same(sheet: Sheet) -> dict[URIRef, URIRef]:
    """Rule IRI -> hand IRI of the events and delegations the hand layer has by meaning."""
    rule, gold = views("", sheet.rule, sheet.roles), views("", sheet.gold, sheet.roles)
    pairs = {r.iri: g.iri for r, g in match(rule, gold)}
    keys = (DIP.sentBy, DIP.ledBy)
    hand = {fact_key(sheet.gold, n, keys): n for n in sheet.gold.subjects(RDF.type, DIP.Delegation)}
    for node in sheet.rule.subjects(RDF.type, DIP.Delegation):
        found = hand.get(fact_key(sheet.rule, node, keys))
        if found is not None:
            pairs[node] = found
    return pairs


def _is_fact(sheet: Sheet, node: URIRef) -> bool:
    """Whether a rule-graph node is a fact (event, delegation, holding), not an entity."""
    return any(sheet.rule.subjects(DIP.attests, node)) or any(
        (node, RDF.type, t) in sheet.rule for t in FACT_TYPES
    )


def _described(sheet: Sheet, node: URIRef) -> bool:
    """Whether the entities, the hand mapping or another article's give the node a type (an
    entity is described once in the hand mappings)."""
    graphs = (sheet.entities, sheet.gold, sheet.elsewhere)
    return any(g.value(node, RDF.type) is not None for g in graphs)


def _closure(sheet: Sheet, accepted: list[URIRef]) -> tuple[list[URIRef], list[URIRef]]:
    """The facts to write (the accepted and those they need) and the entities to describe."""
    same = _same(sheet)
    facts, entities, todo = [], [], list(accepted)
    while todo:
        node = todo.pop()
        if node in facts or node in entities:
            continue
        fact = _is_fact(sheet, node)
        (facts if fact else entities).append(node)
        objects = list(sheet.rule.objects(node))
        for attestation in sheet.rule.subjects(DIP.attests, node) if fact else ():
            objects += [*sheet.rule.objects(attestation, DIP.claimedBy)]
            objects += [*sheet.rule.objects(attestation, DIP.relayedBy)]
        for o in objects:
            if not isinstance(o, URIRef) or o in same or _described(sheet, o):
                continue
            if (o, None, None) in sheet.rule:
                todo.append(o)
    return sorted(facts), sorted(entities)


def _attestations(sheet: Sheet, node: URIRef, target: URIRef) -> list[list[tuple]]:
    """The hand-mapping attestations of a rule fact: its rule attestations without the rule's
    own properties, one per distinct set of words and claims."""
    found = {}
    for attestation in sheet.rule.subjects(DIP.attests, node):
        kinds = [t for t in sheet.rule.objects(attestation, RDF.type)]
        pairs = [(RDF.type, t) for t in kinds] + [(DIP.attests, target)]
        for p in ATTESTATION_PROPERTIES:
            pairs += [(p, o) for o in sheet.rule.objects(attestation, p)]
        words = str(sheet.rule.value(attestation, DIP.text))
        if sheet.article.text.count(words) > 1:
            pairs.append((DIP.beginIndex, sheet.rule.value(attestation, DIP.beginIndex)))
        found[tuple(sorted(pairs))] = pairs
    return [found[k] for k in sorted(found, key=lambda k: str(k))]


def _note(row: Row | None, why: str, fix: Fix | None, writer: Writer) -> str:
    """The comment above a fact written from the rule layer: number, why, rules (and, for a
    corrected fact, the fields changed and its IRI in the rule layer)."""
    rules = f" (rules: {', '.join(row.candidate.rules)})" if row else ""
    number = f"#{row.number} " if row else ""
    if fix is None or not fix.fields:
        return f"# {number}{why}, from the rule layer{rules}\n"
    note = f"# {number}corrected ({', '.join(fix.fields)}), from the rule layer{rules}\n"
    was = f"# in the rule layer: {writer.iri(fix.row.candidate.iri)}\n" if fix.renamed else ""
    return note + was


def _elsewhere(sheet: Sheet, fact: URIRef, writer: Writer) -> str:
    """Comments naming the entities a fact refers to that another hand mapping describes."""
    objects = set(sheet.rule.objects(fact))
    for attestation in sheet.rule.subjects(DIP.attests, fact):
        objects.update(sheet.rule.objects(attestation, DIP.claimedBy))
        objects.update(sheet.rule.objects(attestation, DIP.relayedBy))
    lines = []
    for entity in sorted(o for o in objects if o in sheet.described_in):
        if (
            sheet.entities.value(entity, RDF.type) is None
            and (entity, None, None) not in sheet.gold
        ):
            path = sheet.described_in[entity]
            lines.append(f"# {writer.iri(entity)}: described in mappings/gold/{path.name}\n")
    return "".join(lines)


def accepted_turtle(
    sheet: Sheet, rows: list[Row], writer: Writer, fixes: Sequence[Fix] = ()
) -> str:
    """The Turtle of the accepted (and corrected) rows and what they need, sorted by IRI."""
    same = _same(sheet)
    fixed = {fix.fixed.candidate.iri: fix for fix in fixes}
    facts, entities = _closure(sheet, [row.candidate.iri for row in rows])
    chosen = {row.candidate.iri: row for row in rows}
    numbers = {row.candidate.iri: row for row in sheet.rows}
    parts = []
    for entity in entities:
        minted = sheet.rule.value(entity, DIP.confidence) is not None
        why = "minted by the rules" if minted else "from the reference gazetteer"
        pairs = [(p, o) for p, o in sheet.rule.predicate_objects(entity) if p not in LEFT_OUT]
        parts.append(f"# an entity {why}\n" + writer.block(writer.iri(entity), pairs))
    for fact in facts:
        row = chosen.get(fact) or numbers.get(fact)
        why = "accepted" if fact in chosen else "what an accepted fact refers to"
        note = _note(row, why, fixed.get(fact), writer) + _elsewhere(sheet, fact, writer)
        pairs = [
            (p, same.get(o, o))
            for p, o in sheet.rule.predicate_objects(fact)
            if p not in LEFT_OUT and not isinstance(o, BNode)
        ]
        text = note + writer.block(writer.iri(fact), pairs)
        for attestation in _attestations(sheet, fact, fact):
            text += "\n" + writer.block("[]", attestation)
        parts.append(text)
    return "\n".join(parts)


def new_mapping(sheet: Sheet, writer: Writer, body: str) -> str:
    """A hand mapping started by review: header, @base, prefixes, then the body."""
    headline = sheet.article.meta.get("headline") or sheet.article.stem
    lines = [
        f"# Hand mapping (gold layer) of seeds/{sheet.article.stem}.txt",
        f"# {headline}, {sheet.article.date_published}: started by `diplograph review`.",
        "",
        f"@base <{writer.base}> .",
    ]
    prefixes = {**writer.prefixes, **writer.added}
    width = max(len(p) for p in prefixes) + 1
    lines += [f"@prefix {(p + ':').ljust(width)} <{prefixes[p]}> ." for p in sorted(prefixes)]
    return "\n".join(lines) + "\n\n" + BANNER + "\n" + body


def appended(existing: str, writer: Writer, body: str) -> str:
    """An existing hand mapping, unchanged, with the accepted facts at its end."""
    text = existing if existing.endswith("\n") else existing + "\n"
    head = "" if BANNER in existing else "\n" + BANNER
    declared = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in sorted(writer.added.items()))
    return text + head + "\n" + (declared + "\n" if declared else "") + body


def rejected_text(sheet: Sheet, rows: list[Row], fixes: Sequence[Fix] = ()) -> str:
    """The rejected list: a header, then one IRI per line with its label (or what it was
    corrected as), sorted."""
    lines = {str(iri): str(iri) for iri in sheet.rejected}
    for row in rows:
        lines[str(row.candidate.iri)] = f"{row.candidate.iri}  # {row.label}"
    for fix in fixes:  # a fact corrected back to its rule IRI is no longer listed
        iri, new = fix.row.candidate.iri, fix.fixed.candidate.iri
        lines[str(iri)] = f"{iri}  # corrected as {short(new)}: {fix.fixed.label}"
        if not fix.renamed:
            del lines[str(iri)]
    header = (
        f"# Facts of the rule layer rejected in review for seeds/{sheet.article.stem}.txt\n"
        "# (`diplograph review --reject`): one IRI a line, never offered again.\n"
    )
    return header + "".join(lines[k] + "\n" for k in sorted(lines))


def _check(sheet: Sheet, text: str) -> Graph:
    """Load a hand mapping's new text as the build will; an error names the mapping file."""
    from diplograph.gold import load_gold

    with tempfile.TemporaryDirectory() as folder:
        trial = Path(folder) / sheet.mapping.name
        trial.write_text(text, encoding="utf-8")
        try:
            return load_gold(trial, sheet.article)
        except InputError as exc:
            raise InputError(str(exc).replace(str(trial), str(sheet.mapping))) from exc


def _fix_rows(sheet: Sheet, numbers: list[int]) -> tuple[list[Row], dict[int, URIRef]]:
    """The rows to correct: open ones, and those review wrote (with the node written)."""
    open_rows = {row.number: row for row in sheet.open}
    every = {row.number: row for row in sheet.rows}
    rows, starts = [], {}
    for number in numbers:
        if number not in open_rows:
            if number not in every:
                pick(sheet, [number])  # says which rows are open
            starts[number] = written_as(sheet, every[number])
        rows.append(every[number])
    return rows, starts


def _reopen(
    sheet: Sheet, text: str, rows: list[Row], starts: dict[int, URIRef]
) -> tuple[str, Graph]:
    """The hand mapping's text without what review wrote for rows corrected again, and the
    rule graph with those rows' facts as the hand mapping describes them."""
    writer = Writer(text)
    graph = Graph()
    graph += sheet.rule
    for row in rows:
        node = starts.get(row.number)
        if node is None:
            continue
        name = writer.iri(node, declare=False)
        trimmed = cut(text, name, name)
        if trimmed is None:
            raise InputError(
                f"{sheet.article.stem}: #{row.number} is in mappings/gold/{sheet.mapping.name}, "
                "written by hand: correct it there"
            )
        text = trimmed
        reseat(sheet, graph, row, node)
    return text, graph


def _referred(sheet: Sheet, fixes: Sequence[Fix]) -> None:
    """A fact corrected again under another IRI must not be referred to in the hand mapping."""
    for fix in fixes:
        if fix.replaced is None or fix.replaced == fix.fixed.candidate.iri:
            continue
        referring = sorted(sheet.gold.subjects(None, fix.replaced))
        if referring:
            raise InputError(
                f"{sheet.article.stem} #{fix.row.number}: {short(fix.replaced)} is referred to "
                f"by {short(referring[0])} in mappings/gold/{sheet.mapping.name}: correct it there"
            )


def pick(sheet: Sheet, numbers: list[int]) -> list[Row]:
    """The open rows of the numbers given; an unknown one is an input error."""
    open_rows = {row.number: row for row in sheet.open}
    for number in numbers:
        if number not in open_rows:
            shown = ", ".join(f"#{n}" for n in sorted(open_rows)) or "none"
            raise InputError(
                f"{sheet.article.stem}: no open candidate #{number} (open: {shown}); "
                f"run `diplograph review {sheet.article.stem}` to list them"
            )
    return [open_rows[n] for n in sorted(set(numbers))]


def _disjoint(sheet: Sheet, accept: list[int], reject: list[int], fix: list[int]) -> None:
    """A number is accepted, rejected or corrected, once at most."""
    ways = (("accepted", accept), ("rejected", reject), ("corrected", fix))
    for i, (first, one) in enumerate(ways):
        for second, other in ways[i + 1 :]:
            both = sorted(set(one) & set(other))
            if both:
                raise InputError(f"{sheet.article.stem}: #{both[0]} is both {first} and {second}")
    twice = sorted(n for n in set(fix) if fix.count(n) > 1)
    if twice:
        raise InputError(f"{sheet.article.stem}: #{twice[0]} is corrected twice")


def decide(
    sheet: Sheet,
    accept: list[int],
    reject: list[int],
    corrections: Sequence[tuple[int, Sequence[tuple[str, str]]]] = (),
) -> Outcome:
    """Write the accepted and corrected rows into the hand mapping, the rejected ones (and the
    rule facts a correction renamed) into its list; nothing is written when a number is
    unknown or given twice, or a correction is wrong."""
    outputs, outcome = prepare(sheet, accept, reject, corrections)
    write_all(outputs)
    return outcome


def prepare(
    sheet: Sheet,
    accept: list[int],
    reject: list[int],
    corrections: Sequence[tuple[int, Sequence[tuple[str, str]]]] = (),
) -> tuple[list[tuple[Path, bytes]], Outcome]:
    """What `decide` writes (files and their bytes) and its Outcome, writing nothing; an input
    error says what is wrong."""
    _disjoint(sheet, accept, reject, [n for n, _ in corrections])
    accepted, rejected = pick(sheet, accept), pick(sheet, reject)
    rows, starts = _fix_rows(sheet, [n for n, _ in corrections])
    by_number = {row.number: row for row in rows}
    existing = sheet.mapping.read_text(encoding="utf-8") if sheet.mapping.is_file() else ""
    graph = None
    if starts:
        existing, graph = _reopen(sheet, existing, rows, starts)
        sheet = replace(sheet, gold=_check(sheet, existing))
    fixes_given = [(by_number[n], pairs) for n, pairs in corrections]
    sheet, fixes = correct(sheet, fixes_given, graph, starts)
    _referred(sheet, fixes)
    written = [*accepted, *(fix.fixed for fix in fixes)]
    outputs: list[tuple[Path, bytes]] = []
    needed: tuple[int, ...] = ()
    entities = 0
    if written:
        writer = Writer(existing)
        body = accepted_turtle(sheet, written, writer, fixes)
        text = appended(existing, writer, body) if existing else new_mapping(sheet, writer, body)
        shape_check(sheet, _check(sheet, text), fixes)
        outputs.append((sheet.mapping, text.encode("utf-8")))
        facts, described = _closure(sheet, [row.candidate.iri for row in written])
        numbers = {row.candidate.iri: row.number for row in sheet.rows}
        chosen = {row.candidate.iri for row in written}
        needed = tuple(sorted(numbers[f] for f in facts if f not in chosen and f in numbers))
        entities = len(described)
    listed = [fix for fix in fixes if fix.renamed or fix.row.candidate.iri in sheet.rejected]
    if rejected or listed:
        text = rejected_text(sheet, rejected, listed)
        outputs.append((sheet.rejected_path, text.encode("utf-8")))
    outcome = Outcome(
        tuple(r.number for r in accepted),
        tuple(r.number for r in rejected),
        needed,
        entities,
        tuple(path for path, _ in outputs),
        tuple(fixes),
    )
    return outputs, outcome
