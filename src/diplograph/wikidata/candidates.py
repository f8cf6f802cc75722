"""Wikidata stage, the candidates: which entities to link, and which items might be each.

Reads the entities graph (what to link: every person, country, city, place, organisation,
position and materiel, with its rdfs:label and skos:altLabel spellings) and the built graph with
its inferred triples (the context: the countries an entity acts for, lies in or belongs to, and
the positions a person holds). Asks the endpoint, in VALUES batches, for the items that carry
any of those names as an English label or alias, then for what the ranking needs about each
item: labels, aliases, description, classes (P31/P279*), P27, P39 and P17.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from diplograph.namespaces import DIP, ID, WD, WDT
from diplograph.wikidata import qid
from diplograph.wikidata.endpoint import SparqlClient, bind_values, read_query, terms

log = logging.getLogger(__name__)

NAME_BATCH = 50
ITEM_BATCH = 100

# The asserted class of an entity decides its kind; the first match wins.
KIND_OF_CLASS: tuple[tuple[URIRef, str], ...] = (
    (DIP.Person, "person"),
    (DIP.Country, "country"),
    (DIP.City, "city"),
    (DIP.Position, "position"),
    (DIP.NewsAgency, "organisation"),
    (DIP.PoliticalParty, "organisation"),
    (DIP.GovernmentBody, "organisation"),
    (DIP.Organisation, "organisation"),
    (DIP.Materiel, "materiel"),
    (DIP.Place, "place"),
)


@dataclass(frozen=True)
class Entity:
    """One entity to link, with its names and its context in the graph."""

    iri: URIRef
    kind: str
    label: str
    alt_labels: tuple[str, ...]
    countries: tuple[URIRef, ...] = ()
    positions: tuple[URIRef, ...] = ()
    position_labels: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling the graph knows: the label first, then the alternatives."""
        return (self.label, *(a for a in self.alt_labels if a != self.label))


@dataclass(frozen=True)
class Candidate:
    """An item that carries one of an entity's names, with what the ranking needs."""

    qid: str
    label: str | None
    aliases: tuple[str, ...]
    description: str | None
    classes: frozenset[str]
    facts: tuple[tuple[str, str], ...]
    matched: tuple[str, ...]

    def values(self, prop: str) -> frozenset[str]:
        """The QIDs the item gives for a property such as 'P27'."""
        return frozenset(v for p, v in self.facts if p == prop)


def _countries(graph: Graph, node: URIRef) -> set[URIRef]:
    """The countries an entity acts for, lies in or holds a position of (directly or via an org)."""
    found = set()
    for prop in (DIP.actsFor, DIP.locatedIn, DIP.positionOf):
        for target in graph.objects(node, prop):
            found.add(target)
            found.update(graph.objects(target, DIP.actsFor))
    return {c for c in found if (c, RDF.type, DIP.Country) in graph}


def entities_to_link(entities: Graph, graph: Graph) -> list[Entity]:
    """The entities of the entities graph, and those only the rule layer names (a country of the
    reference gazetteer, a new person), with names and context from the (inferred) graph."""
    own = {s for s in entities.subjects(RDF.type, None) if isinstance(s, URIRef)}
    named = {
        s
        for cls, _ in KIND_OF_CLASS
        for s in graph.subjects(RDF.type, cls)
        if isinstance(s, URIRef) and str(s).startswith(str(ID))
    }
    found = []
    for node in sorted(own | named):
        source = entities if node in own else graph
        types = set(source.objects(node, RDF.type))
        kind = next((k for cls, k in KIND_OF_CLASS if cls in types), None)
        label = source.value(node, RDFS.label)
        if kind is None or label is None:
            continue
        alts = tuple(sorted({str(a) for a in source.objects(node, SKOS.altLabel)}))
        positions = tuple(sorted(graph.objects(node, DIP.holdsPosition)))
        found.append(
            Entity(
                iri=node,
                kind=kind,
                label=str(label),
                alt_labels=alts,
                countries=tuple(sorted(_countries(graph, node))),
                positions=positions,
                position_labels=tuple(str(graph.value(p, RDFS.label) or "") for p in positions),
            )
        )
    return found


def _facts(rows: Iterable[dict]) -> dict[str, dict[str, set]]:
    """Group candidate-facts rows by item QID and property."""
    grouped: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        item = qid(row.get("item"))
        prop, value = row.get("property"), row.get("value")
        if item and prop is not None and value is not None:
            grouped[item][str(prop)].add(value)
    return grouped


def _candidate(item: str, facts: dict[str, set], matched: Iterable[str]) -> Candidate:
    """A Candidate from the grouped facts of one item."""

    def texts(prop: URIRef) -> list[str]:
        return sorted(str(v) for v in facts.get(str(prop), ()) if isinstance(v, Literal))

    def qids(prop: URIRef) -> set[str]:
        return {q for v in facts.get(str(prop), ()) if (q := qid(v))}

    labels = texts(RDFS.label)
    descriptions = texts(URIRef("http://schema.org/description"))
    statements = tuple(sorted((p, q) for p in ("P27", "P39", "P17") for q in qids(WDT[p])))
    return Candidate(
        qid=item,
        label=labels[0] if labels else None,
        aliases=tuple(texts(SKOS.altLabel)),
        description=descriptions[0] if descriptions else None,
        classes=frozenset(qids(WDT.P31)),
        facts=statements,
        matched=tuple(sorted(matched)),
    )


def fetch_candidates(
    client: SparqlClient, entities: list[Entity], classes: Iterable[str]
) -> dict[URIRef, list[Candidate]]:
    """Ask the endpoint for every entity's candidate items and their facts, in VALUES batches."""
    names = sorted({n for e in entities for n in e.names})
    rows = client.select_batched(
        read_query("candidates"),
        "?name",
        terms(Literal(n, lang="en") for n in names),
        NAME_BATCH,
    )
    items_by_name: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if (item := qid(row.get("item"))) and row.get("name") is not None:
            items_by_name[str(row["name"])].add(item)
    items = sorted({i for found in items_by_name.values() for i in found})
    log.info("%d names gave %d candidate items", len(names), len(items))
    query = bind_values(read_query("candidate-facts"), {"?class": terms(WD[c] for c in classes)})
    facts = _facts(client.select_batched(query, "?item", terms(WD[i] for i in items), ITEM_BATCH))
    result: dict[URIRef, list[Candidate]] = {}
    for entity in entities:
        matched: dict[str, set[str]] = defaultdict(set)
        for name in entity.names:
            for item in items_by_name.get(name, ()):
                matched[item].add(name)
        result[entity.iri] = [
            _candidate(item, facts.get(item, {}), found) for item, found in sorted(matched.items())
        ]
    return result
