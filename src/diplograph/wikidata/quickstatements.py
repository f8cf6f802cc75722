"""Wikidata stage, the export: the graph's events as QuickStatements V1 for Wikidata editors.

Reads a built store (article graphs and rule layers in effect, entities with their
skos:exactMatch links, the ontology). Writes, for each event that an article reports as having
happened, in IRI order, tab-separated QuickStatements V1 commands: CREATE and an English label
and description (or the event's own item, if it is linked), then P710 participant, P585 point in
time and P276 location. Every statement carries one reference per article that reports it as
having happened: S854 reference URL (the article's schema:url, else its IRI) and S813 retrieved
(the article's publication date, never the wall clock). Claimed, expected and denied events are
left out and listed. Only linked entities appear;
the others are returned in `unlinked`, to be reported, never invented.
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
    classes = set(graph.objects(event, RDF.type))
    specific = [
        c for c in classes if not any((o, RDFS.subClassOf, c) in graph for o in classes - {c})
    ]
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


def _reference(graph: Graph, stem: str) -> tuple[str, date]:
    """The reference URL and publication date of an article."""
    node = article_iri(stem)
    url = graph.value(node, SCHEMA.url)
    published = graph.value(node, SCHEMA.datePublished)
    if not isinstance(published, Literal) or not isinstance(published.toPython(), date):
        raise InputError(f"{node}: no schema:datePublished for the S813 (retrieved) reference")
    return str(url or node), published.toPython()


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


def quickstatements(store: Store) -> QuickStatements:
    """Every attested event as QuickStatements V1, deterministically ordered."""
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
    for event in events:
        claims: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        first: date | None = None
        for stem, graph in articles:
            if not _reports_as_happened(graph, event):
                continue
            url, published = _reference(graph, stem)
            first = min(first or published, published)
            source = (url, qs_date(published))
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
        for prop, value in sorted(claims, key=lambda c: (ORDER[c[0]], c[1])):
            for url, retrieved in sorted(claims[(prop, value)]):
                lines.append(
                    f"{subject}\t{prop}\t{value}\tS854\t{qs_string(url)}\tS813\t{retrieved}"
                )
    text = "\n".join(lines) + "\n" if lines else ""
    return QuickStatements(
        text, tuple(sorted(unlinked)), tuple(not_happened), tuple(nothing_linked)
    )
