"""Wikidata stage, the linker: decide the item of each entity; read and write the link files.

Reads the entities to link with their candidates (candidates.py) and the hand-made links
(`mappings/links/*.ttl`, skos:exactMatch to wd:Q…, which always win). Decides in three passes,
so that later kinds can use earlier links as context: countries; then cities, organisations,
positions, places and materiel (P17: their country); then people (P27: the country they act for,
P39: the positions they hold). Writes `mappings/wikidata-links.ttl` (every link, hand-made or
found, sorted, no timestamps) and `mappings/wikidata-links.csv` (one row per entity: the QID,
the score, the decision linked / ambiguous / no-candidate / hand, the reason and the candidates).
`load_links` gives the build its links: hand links, plus the linker's for entities without one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import SKOS, Graph, URIRef

from diplograph.errors import InputError
from diplograph.namespaces import ID, WD
from diplograph.store import parse_turtle
from diplograph.wikidata import qid
from diplograph.wikidata.candidates import Candidate, Entity
from diplograph.wikidata.rank import Scored, decide, rank
from diplograph.wikidata.turtle import turtle

LINKS_TTL = "wikidata-links.ttl"
LINKS_CSV = "wikidata-links.csv"
HAND_DIR = "links"
PASSES: tuple[tuple[str, ...], ...] = (
    ("country",),
    ("city", "organisation", "position", "place", "materiel"),
    ("person",),
)
CSV_FIELDS = ("entity", "label", "qid", "score", "decision", "reason", "candidates")
TTL_HEADER = """\
Wikidata links of the entities (skos:exactMatch, see
docs/decisions/20261123-wikidata-link-property.md), written by `diplograph link`.
Generated: do not edit. Hand-made links go in mappings/links/*.ttl and win over these;
mappings/wikidata-links.csv gives the score, the reason and the candidates of every entity."""


@dataclass(frozen=True)
class Decision:
    """The outcome for one entity: the link (if any), why, and every candidate considered."""

    entity: URIRef
    label: str
    decision: str
    qid: str | None
    score: int | None
    reason: str
    candidates: tuple[Scored, ...]
    proposal: str | None


def load_hand_links(folder: Path) -> dict[URIRef, str]:
    """The hand-made links of mappings/links/*.ttl: entity IRI -> QID (one per entity)."""
    links: dict[URIRef, str] = {}
    for path in sorted(folder.glob("*.ttl")):
        for entity, target in sorted(parse_turtle(path).subject_objects(SKOS.exactMatch)):
            item = qid(target)
            if item is None or not isinstance(entity, URIRef):
                continue
            if links.get(entity, item) != item:
                raise InputError(f"{path}: {entity} has two hand links, {links[entity]} and {item}")
            links[entity] = item
    return links


def load_links(mappings: Path) -> tuple[Graph, list[Path]]:
    """The links the build loads, and their files: hand links win over the linker's."""
    hand_files = sorted((mappings / HAND_DIR).glob("*.ttl"))
    graph = Graph()
    for path in hand_files:
        graph += parse_turtle(path)
    generated = mappings / LINKS_TTL
    if not generated.is_file():
        return graph, hand_files
    hand = set(graph.subjects(SKOS.exactMatch, None))
    for s, p, o in parse_turtle(generated):
        if s not in hand:
            graph.add((s, p, o))
    return graph, [*hand_files, generated]


def _hand_decision(
    entity: Entity, item: str, ranked: list[Scored], proposal: str | None, why: str
) -> Decision:
    """The decision for an entity with a hand link, saying whether the linker agrees."""
    mine = next((s for s in ranked if s.qid == item), None)
    if proposal == item:
        reason = "hand link; the linker agrees"
    elif proposal:
        reason = f"hand link; the linker would link {proposal}"
    else:
        reason = f"hand link; the linker alone: {why}"
    return Decision(
        entity.iri,
        entity.label,
        "hand",
        item,
        mine.points if mine else None,
        reason,
        tuple(ranked),
        proposal,
    )


def link_entities(
    entities: Iterable[Entity],
    candidates: dict[URIRef, list[Candidate]],
    hand: dict[URIRef, str],
) -> list[Decision]:
    """Decide every entity, pass by pass; hand links win and serve as context."""
    entities = list(entities)
    links: dict[URIRef, str] = dict(hand)
    decisions: dict[URIRef, Decision] = {}
    for kinds in PASSES:
        found: dict[URIRef, str] = {}
        for entity in (e for e in entities if e.kind in kinds):
            offered = candidates.get(entity.iri, [])
            ranked = rank(entity, offered, links)
            outcome, item, why = decide(entity, ranked, len(offered) - len(ranked))
            if entity.iri in hand:
                decisions[entity.iri] = _hand_decision(entity, hand[entity.iri], ranked, item, why)
                continue
            best = ranked[0].points if ranked and item else None
            decisions[entity.iri] = Decision(
                entity.iri, entity.label, outcome, item, best, why, tuple(ranked), item
            )
            if item:
                found[entity.iri] = item
        links.update(found)
    return [decisions[e.iri] for e in sorted(entities, key=lambda e: e.iri)]


def links_turtle(decisions: Iterable[Decision]) -> bytes:
    """mappings/wikidata-links.ttl: one skos:exactMatch line per linked entity, sorted."""
    triples = [(d.entity, SKOS.exactMatch, WD[d.qid]) for d in decisions if d.qid]
    return turtle(triples, TTL_HEADER)


def _short(iri: URIRef) -> str:
    """An entity IRI relative to the id: namespace."""
    text = str(iri)
    return text[len(str(ID)) :] if text.startswith(str(ID)) else text


def links_csv(decisions: Iterable[Decision]) -> bytes:
    """mappings/wikidata-links.csv: entity, label, qid, score, decision, reason, candidates."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for d in sorted(decisions, key=lambda d: d.entity):
        listed = "; ".join(f"{s.qid} {s.label} ({s.points / 100:.2f})" for s in d.candidates)
        score = f"{d.score / 100:.2f}" if d.score is not None else ""
        writer.writerow(
            [_short(d.entity), d.label, d.qid or "", score, d.decision, d.reason, listed]
        )
    return out.getvalue().encode("utf-8")
