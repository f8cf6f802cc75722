"""Review stage, correcting again: a fact that review wrote into a hand mapping, taken out of it.

Reads a Sheet (review_rows.py), the rows to correct that are no longer open, the hand mapping's
text and its rejected list; returns, for a row accepted or corrected in review, the hand-mapping
node it was written as (its own IRI, or the IRI the rejected list says it was corrected as), the
mapping's text without the section review wrote for it (the notes above the node, the node, its
attestations) and a copy of the rule graph in which the row's fact is described as the hand
mapping describes it, so that a correction starts from what was written. A fact written by hand,
or one rejected, is not taken out: an input error says where to edit it.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph, URIRef

from diplograph.errors import InputError
from diplograph.namespaces import DIP, ID
from diplograph.quality.review_rows import Row, Sheet

_CORRECTED_AS = re.compile(r"#\s*corrected as (id:\S+|<[^>\s]+>): ")
_NOTE = re.compile(r"^# (#\d+ )?(accepted|corrected|what an accepted fact refers to)\b")


def corrected_as(path: Path) -> dict[URIRef, URIRef]:
    """Rule IRI -> the IRI its correction was written as, from a rejected list's notes."""
    if not path.is_file():
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _CORRECTED_AS.search(line)
        if match and not line.startswith("#"):
            name = match.group(1)
            iri = ID[name.removeprefix("id:")] if name.startswith("id:") else name.strip("<>")
            found[URIRef(line.split()[0])] = URIRef(iri)
    return found


def written_as(sheet: Sheet, row: Row) -> URIRef:
    """The hand-mapping node a row that is not open was written as in review; an input error
    says why a row cannot be corrected again (rejected, or in the hand mapping by hand)."""
    stem, iri = sheet.article.stem, row.candidate.iri
    name = f"mappings/gold/{sheet.mapping.name}"
    node = corrected_as(sheet.rejected_path).get(iri)
    if node is None and iri in sheet.rejected:
        raise InputError(
            f"{stem}: #{row.number} is rejected: take it out of "
            f"mappings/gold/{sheet.rejected_path.name} to correct it"
        )
    node = node or iri
    if not any(sheet.gold.triples((node, None, None))):
        raise InputError(f"{stem}: #{row.number} is in {name}, written by hand: correct it there")
    return node


def _statement_end(lines: list[str], start: int) -> int:
    """The index after the line that ends the Turtle statement starting at `start`."""
    end = start
    while end < len(lines) and not lines[end].rstrip("\n").endswith(" ."):
        end += 1
    return end + 1


def cut(text: str, subject: str, reference: str) -> str | None:
    """The text without the section review wrote for a node (written `subject` on its own line,
    referred to as `reference`): its notes, the node and its attestations; None if no such
    section is there (the node was written by hand)."""
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.rstrip("\n") != subject:
            continue
        start = index
        while start > 0 and lines[start - 1].startswith("# "):
            start -= 1
        if start == index or not _NOTE.match(lines[start]):
            return None
        end = _statement_end(lines, index)
        attests = {f"dip:attests {reference} ;", f"dip:attests {reference} ."}
        while end + 1 < len(lines) and lines[end] == "\n" and lines[end + 1].startswith("[] "):
            after = _statement_end(lines, end + 1)
            if not attests & {item.strip() for item in lines[end + 1 : after]}:
                break
            end = after
        if start > 0 and lines[start - 1] == "\n":
            start -= 1
        return "".join(lines[:start] + lines[end:])
    return None


def reseat(sheet: Sheet, graph: Graph, row: Row, node: URIRef) -> None:
    """Describe a row's fact in `graph` (a copy of the rule graph) as the hand mapping does,
    under the node it was written as."""
    rule_node = row.candidate.iri
    for attestation in list(graph.subjects(DIP.attests, rule_node)):
        graph.remove((attestation, None, None))
    graph.remove((rule_node, None, None))
    for s, p in list(graph.subject_predicates(rule_node)):
        graph.remove((s, p, rule_node))
        graph.add((s, p, node))
    for p, o in sheet.gold.predicate_objects(node):
        graph.add((node, p, o))
    for attestation in sheet.gold.subjects(DIP.attests, node):
        for p, o in sheet.gold.predicate_objects(attestation):
            graph.add((attestation, p, o))
