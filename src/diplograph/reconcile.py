"""Reconcile stage: the rule graphs of several articles describe each entity they mint alike.

Reads the rule graphs of a store (id:graph/rules/STEM and id:graph/candidates/STEM); writes them
back with one description per minted entity. Each article's rule layer describes the people,
bodies and positions that no gazetteer knows and that it mints (an rdfs:label, a
dip:confidence); two articles that mint the same IRI may describe it differently ("Stéphane
Dujarric" and "Stephane Dujarric", 0.5 and 0.8), and their union then breaks the shapes (one
confidence, one label per language): on a corpus of 48 articles of real copy the build set aside
19 articles for this alone. Every graph that describes such an entity gets the same description:
per language the label of the first graph by name that gives one, and the highest confidence.
Each graph keeps its own copy, so one that is quarantined takes nothing from the others.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rdflib import RDFS, Literal, URIRef
from rdflib.term import Node

from diplograph.iris import CANDIDATES_GRAPHS, RULES_GRAPHS
from diplograph.namespaces import DIP
from diplograph.store import RdflibStore

Description = tuple[tuple[Node, ...], tuple[Node, ...]]  # labels, confidences
Triple = tuple[Node, Node, Node]


def minted_entities(triples: Iterable[Triple]) -> dict[URIRef, Description]:
    """The entities a rule graph mints, each with its description (labels, confidences)."""
    return _minted(triples)


def _minted(triples: Iterable[Triple]) -> dict[URIRef, Description]:
    """The entities a rule graph describes, read from its triples: label(s) and confidence(s) of
    each labelled IRI with a confidence (an attestation has no label)."""
    labels: dict[Node, set[Node]] = defaultdict(set)
    confidences: dict[Node, set[Node]] = defaultdict(set)
    for s, p, o in triples:
        if p == DIP.confidence:
            confidences[s].add(o)
        elif p == RDFS.label:
            labels[s].add(o)
    return {
        node: (tuple(sorted(labels[node])), tuple(sorted(found)))
        for node, found in confidences.items()
        if isinstance(node, URIRef) and labels.get(node)
    }


def _agreed(descriptions: list[Description]) -> Description:
    """One description of several: per language the first label given, the highest confidence."""
    labels: dict[str | None, Node] = {}
    for found, _ in descriptions:
        for label in found:
            labels.setdefault(label.language if isinstance(label, Literal) else None, label)
    confidences = [c for _, found in descriptions for c in found]
    best = max(confidences, key=lambda c: (float(c), str(c)))
    return tuple(labels[k] for k in sorted(labels, key=str)), (best,)


def described_alike(triples: Iterable[Triple], agreed: dict[URIRef, Description]) -> list[Triple]:
    """A rule graph's triples with the labels and confidence of each entity in `agreed` replaced
    by the agreed ones (the label and confidence triples of the others kept as they are)."""
    replaced = (RDFS.label, DIP.confidence)
    kept = [t for t in triples if not (t[1] in replaced and t[0] in agreed)]
    for node, (labels, confidences) in agreed.items():
        kept.append((node, DIP.confidence, confidences[0]))
        kept += [(node, RDFS.label, label) for label in labels]
    return kept


Minted = dict[URIRef, dict[URIRef, Description]]  # entity -> rule graph -> its description


def agreement(by_graph: dict[URIRef, Description]) -> Description | None:
    """The one description the graphs that mint an entity are given (None: they agree, and
    each keeps its own)."""
    return _agreed(list(by_graph.values())) if len(set(by_graph.values())) > 1 else None


def reconcile_entities(store: RdflibStore, minted: Minted | None = None) -> list[URIRef]:
    """Give every rule graph of the store the same description of each entity several of them
    mint differently; the entities changed, sorted. The graphs are read once as triples (no
    rdflib graph is made): their labels and confidences, by the engine's index, and whole
    only those that describe a changed entity, which are written back whole. `minted`, if
    given, is filled with each entity's description in each graph as it was (an incremental
    build starts from it)."""
    prefixes = (str(RULES_GRAPHS), str(CANDIDATES_GRAPHS))
    names = [n for n in store.graph_names() if str(n).startswith(prefixes)]
    seen: Minted = defaultdict(dict) if minted is None else minted
    for name in names:
        described = [*store.triples(name, DIP.confidence), *store.triples(name, RDFS.label)]
        for node, description in _minted(described).items():
            seen.setdefault(node, {})[name] = description
    changed = sorted(n for n, by in seen.items() if len(set(by.values())) > 1)
    agreed: dict[URIRef, dict[URIRef, Description]] = defaultdict(dict)  # graph -> node -> one
    for node in changed:
        description = _agreed(list(seen[node].values()))
        for name in seen[node]:
            agreed[name][node] = description
    for name in sorted(agreed):
        triples = list(store.triples(name))
        store.remove_graph(name)
        store.add_graph(name, described_alike(triples, agreed[name]))
    return changed
