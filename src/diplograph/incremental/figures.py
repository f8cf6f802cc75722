"""Incremental build, the summary: the earlier build's figures brought up to date by the triples
the asserted union lost and gained, as build.summarise would count them over the whole union.

Reads summary.json of the earlier build and the difference; writes the new figures. The counts of
triples and articles change by the triples themselves; the events per kind and the attestations
are counted again only for the nodes a changed triple types or attests.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rdflib import RDF, URIRef
from rdflib.term import Node

from diplograph.incremental.entailing import Facts
from diplograph.namespaces import DIP

Triple = tuple[Node, Node, Node]
_NOT_EVENTS = (DIP.Delegation, DIP.PositionHolding)


def _kinds(node: Node, asserted: Facts) -> Counter:
    """What one node adds to the events per kind: its kinds, if an attestation attests it."""
    if next(asserted.match(None, DIP.attests, node), None) is None:
        return Counter()
    return Counter(
        o.split("#")[-1]
        for _, _, o in asserted.match(node, RDF.type, None)
        if isinstance(o, URIRef) and o not in _NOT_EVENTS
    )


def _attests(node: Node, asserted: Facts) -> int:
    """1 if the node is an attestation (it attests something), else 0."""
    return int(next(asserted.match(node, DIP.attests, None), None) is not None)


def asserted_figures(
    old: dict, removed: set[Triple], added: set[Triple], before: Facts, after: Facts
) -> dict:
    """The summary's figures of the asserted layer (build.asserted_figures), from the earlier
    ones and the triples the union lost and gained."""
    changed = removed | added
    typed = {s for s, p, _ in changed if p == RDF.type}
    attested = {o for _, p, o in changed if p == DIP.attests}
    attesting = {s for s, p, _ in changed if p == DIP.attests}
    kinds = Counter(old["events_per_kind"])
    for node in sorted(typed | attested, key=str):
        kinds.update(_kinds(node, after))
        kinds.subtract(_kinds(node, before))
    kinds = Counter({k: n for k, n in kinds.items() if n > 0})
    articles = _count(added, DIP.NewsArticle) - _count(removed, DIP.NewsArticle)
    attestations = sum(_attests(n, after) - _attests(n, before) for n in attesting)
    return {
        "articles": old["articles"] + articles,
        "triples_asserted": old["triples_asserted"] + len(added) - len(removed),
        "events_per_kind": dict(sorted(kinds.items())),
        "events": sum(kinds.values()),
        "attestations": old["attestations"] + attestations,
    }


def _count(triples: Iterable[Triple], kind: URIRef) -> int:
    """The triples that type a node as `kind`."""
    return sum(1 for _, p, o in triples if p == RDF.type and o == kind)
