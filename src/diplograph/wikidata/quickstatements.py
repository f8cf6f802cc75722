"""Wikidata stage, the export: the graph's events as QuickStatements V1 for Wikidata editors.

Reads a built store (article graphs and rule layers in effect, entities with their
skos:exactMatch links, the ontology with its Wikidata alignment). Writes, for each event that an
article reports as having happened, in IRI order, tab-separated QuickStatements V1 commands:
CREATE, an English label and description and P31 instance of (the item the ontology aligns the
event's class, or its nearest super-class, with: meeting Q2761147, event Q1656682), or the
event's own item if it is linked; then P710 participant, P585 point in time and P276 location.
Every statement carries one reference per article that reports it as having happened: S854
reference URL (the article's schema:url, its `url` metadata) and S577 publication date (the
article's, never the wall clock); an article without a url gives S1476 title (its headline) and
S577 instead, never an internal IRI, and is listed in `no_url`. Claimed, expected and denied
events are left out and listed. Only linked entities appear in statements; the others are
returned in `unlinked`, to be reported, never invented; with `new_entities`, each unlinked
entity whose class the ontology aligns with an item (human Q5, organization Q43229, country
Q6256, city Q515, political party Q7278) gets its own CREATE block with label and P31.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from diplograph import iris
from diplograph.errors import InputError
from diplograph.iris import article_iri
from diplograph.namespaces import DIP, ID, SCHEMA
from diplograph.store import Store, analysis_graph, layer_graphs
from diplograph.wikidata import qid

log = logging.getLogger(__name__)

ARTICLE_GRAPHS = (str(iris.ARTICLE_GRAPHS), str(iris.RULES_GRAPHS))
ORDER = {"P710": 0, "P585": 1, "P276": 2}


@dataclass(frozen=True)
class QuickStatements:
    """The commands, the entities left out because they have no Wikidata item, and the events
    left out because no article reports them as having happened (only expected, claimed or
    denied: an allegation must not become a Wikidata statement), and those with nothing to say:
    no party, place or day that has a Wikidata item ("analysts said")."""

    text: str
    unlinked: tuple[URIRef, ...]
    not_happened: tuple[URIRef, ...] = ()
    nothing_linked: tuple[URIRef, ...] = ()
    no_url: tuple[str, ...] = ()
    created: tuple[URIRef, ...] = ()


def qs_date(day: date) -> str:
    """A day as a QuickStatements time value with day precision.

    >>> qs_date(date(2023, 7, 26))
    '+2023-07-26T00:00:00Z/11'
    """
    return f"+{day.isoformat()}T00:00:00Z/11"


def qs_string(text: str) -> str:
    """A QuickStatements string: quoted, on one line, without double quotes (V1 has no escape).

    >>> qs_string('Kim says "no"')
    '"Kim says \\'no\\'"'
    """
    clean = " ".join(text.replace('"', "'").split())
    if clean != text:
        log.warning("QuickStatements string changed to fit V1: %r", clean)
    return f'"{clean}"'


def _kind(graph: Graph, event: URIRef) -> str:
    """The English label of the event's most specific class."""
    specific = _specific(graph, event)
    labels = sorted(str(graph.value(c, RDFS.label) or "") for c in specific)
    return next((label for label in labels if label), "event")


def _description(graph: Graph, event: URIRef, reported: date) -> str:
    """A short English description: kind and date, interval, or the month it was reported."""
    kind = _kind(graph, event)
    when = graph.value(event, DIP.date)
    early, late = graph.value(event, DIP.earliestDate), graph.value(event, DIP.latestDate)
    if isinstance(when, Literal):
        day = when.toPython()
        return f"{kind} on {day.day} {day:%B %Y}"
    if isinstance(early, Literal) and isinstance(late, Literal):
        return f"{kind} between {early} and {late}"
    return f"{kind} reported in {reported:%B %Y}"


def _links(graph: Graph) -> dict[URIRef, str]:
    """Entity IRI -> QID, for the entities (not the ontology terms) linked to Wikidata."""
    return {
        s: q
        for s, o in graph.subject_objects(SKOS.exactMatch)
        if isinstance(s, URIRef) and str(s).startswith(str(ID)) and (q := qid(o))
    }


def _reference(graph: Graph, stem: str) -> tuple[str, date, bool]:
    """The reference of an article as QuickStatements source fields (S854 URL, else S1476
    title; then S577 publication date), its publication date, and whether it has a url."""
    node = article_iri(stem)
    url = graph.value(node, SCHEMA.url)
    published = graph.value(node, SCHEMA.datePublished)
    if not isinstance(published, Literal) or not isinstance(published.toPython(), date):
        raise InputError(
            f"{node}: no schema:datePublished for the S577 (publication date) reference"
        )
    day = published.toPython()
    if url is not None:
        fields = f"S854\t{qs_string(str(url))}"
    elif (headline := graph.value(node, SCHEMA.headline)) is not None:
        fields = f"S1476\ten:{qs_string(str(headline))}"
    else:
        fields = ""
    fields = f"{fields}\tS577\t{qs_date(day)}".lstrip("\t")
    return fields, day, url is not None


def instance_of(graph: Graph, classes: set) -> str | None:
    """The QID the ontology aligns the most specific of these classes with (skos:exactMatch,
    else skos:closeMatch), looking up the sub-class chain; None when no class has one."""
    level = set(classes)
    seen: set = set()
    while level:
        found = sorted(
            q
            for c in level
            for prop in (SKOS.exactMatch, SKOS.closeMatch)
            for q in (qid(o) for o in graph.objects(c, prop))
            if q
        )
        if found:
            return found[0]
        seen |= level
        level = {p for c in level for p in graph.objects(c, RDFS.subClassOf)} - seen
    return None


def _specific(graph: Graph, node: URIRef) -> set:
    """The node's most specific classes."""
    classes = set(graph.objects(node, RDF.type))
    return {c for c in classes if not any((o, RDFS.subClassOf, c) in graph for o in classes - {c})}


def _new_items(graph: Graph, entities: list[URIRef]) -> tuple[list[str], list[URIRef]]:
    """CREATE blocks (English label, P31) for entities without a Wikidata link whose class the
    ontology aligns with an item; the entities so created."""
    lines, created = [], []
    for entity in entities:
        kind = instance_of(graph, _specific(graph, entity))
        if kind is None:
            continue
        lines += ["CREATE", f"LAST\tLen\t{qs_string(_label(graph, entity))}", f"LAST\tP31\t{kind}"]
        created.append(entity)
    return lines, created


def _label(graph: Graph, event: URIRef) -> str:
    """The event's English label (the first in order, if several), else its IRI key."""
    labels = sorted(
        str(label)
        for label in graph.objects(event, RDFS.label)
        if isinstance(label, Literal) and label.language in ("en", None)
    )
    return labels[0] if labels else str(event)[len(str(ID)) :]


def _reports_as_happened(graph: Graph, event: URIRef) -> bool:
    """Whether an article graph reports the event as having happened."""
    return any(
        (attestation, DIP.modality, DIP.Happened) in graph
        for attestation in graph.subjects(DIP.attests, event)
    )


def quickstatements(store: Store, new_entities: bool = False) -> QuickStatements:
    """Every attested event as QuickStatements V1, deterministically ordered; with
    `new_entities`, CREATE blocks first for the unlinked entities the ontology can type."""
    union = analysis_graph(store)
    links = _links(union)
    roles = set(union.transitive_subjects(RDFS.subPropertyOf, DIP.participant))
    kinds = set(union.transitive_subjects(RDFS.subClassOf, DIP.Event))
    by_stem: dict[str, Graph] = defaultdict(Graph)
    for name in layer_graphs(store, "asserted"):
        for prefix in ARTICLE_GRAPHS:
            if str(name).startswith(prefix):
                by_stem[str(name)[len(prefix) :]] += store.graph(name)
    articles = sorted(by_stem.items(), key=lambda item: item[0])
    events = sorted(
        e for e in set(union.objects(None, DIP.attests)) if set(union.objects(e, RDF.type)) & kinds
    )
    lines: list[str] = []
    unlinked: set[URIRef] = set()
    not_happened: list[URIRef] = []
    nothing_linked: list[URIRef] = []
    no_url: set[str] = set()
    for event in events:
        claims: dict[tuple[str, str], set[str]] = defaultdict(set)
        first: date | None = None
        for stem, graph in articles:
            if not _reports_as_happened(graph, event):
                continue
            source, published, has_url = _reference(graph, stem)
            first = min(first or published, published)
            if not has_url:
                no_url.add(stem)
            for role, who in graph.predicate_objects(event):
                if role in roles or role == DIP.place:
                    prop = "P276" if role == DIP.place else "P710"
                    if who in links:
                        claims[(prop, links[who])].add(source)
                    else:
                        unlinked.add(who)
            when = graph.value(event, DIP.date)
            if isinstance(when, Literal):
                claims[("P585", qs_date(when.toPython()))].add(source)
        if first is None:
            not_happened.append(event)
            continue
        if not claims:
            nothing_linked.append(event)
            continue
        subject = links.get(event)
        if subject is None:
            lines.append("CREATE")
            subject = "LAST"
            lines.append(f"LAST\tLen\t{qs_string(_label(union, event))}")
            lines.append(f"LAST\tDen\t{qs_string(_description(union, event, first))}")
            kind = instance_of(union, _specific(union, event))
            if kind:
                lines.append(f"LAST\tP31\t{kind}")
        for prop, value in sorted(claims, key=lambda c: (ORDER[c[0]], c[1])):
            for source in sorted(claims[(prop, value)]):
                lines.append(f"{subject}\t{prop}\t{value}\t{source}")
    created: list[URIRef] = []
    if new_entities:
        items, created = _new_items(union, sorted(unlinked))
        lines = items + lines
    text = "\n".join(lines) + "\n" if lines else ""
    return QuickStatements(
        text,
        tuple(sorted(unlinked)),
        tuple(not_happened),
        tuple(nothing_linked),
        tuple(sorted(no_url)),
        tuple(created),
    )
