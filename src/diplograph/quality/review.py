"""Review stage: lists what the rule layer found that the hand layer lacks, for an analyst.

Reads one article's rule graph and hand graph; returns Candidates (events, delegations and
position holdings of the rule layer with no counterpart in the hand layer, matched by meaning as
in evaluate.py), most confident first, each with the rules that fired and the supporting words.
`review_layers` reads every seed of a project: an article without a hand mapping is reviewed
against an empty hand layer (all it holds is for review); one that cannot be read is skipped
with a warning naming it, as the build quarantines it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef

from diplograph.namespaces import DIP
from diplograph.quality.evaluate import match, views

log = logging.getLogger(__name__)


@dataclass(frozen=True, order=True)
class Candidate:
    """A rule-layer fact the hand layer lacks."""

    confidence: float
    kind: str
    iri: URIRef
    label: str
    rules: tuple[str, ...]
    texts: tuple[str, ...]


def candidate_of(graph: Graph, node: URIRef, kind: str) -> Candidate:
    """A node of the rule graph with its best confidence, rules and words."""
    attests = sorted(graph.subjects(DIP.attests, node))
    confidence = max((float(graph.value(a, DIP.confidence) or 0) for a in attests), default=0.0)
    rules = tuple(sorted({str(graph.value(a, DIP.rule)) for a in attests}))
    texts = tuple(sorted({str(graph.value(a, DIP.text)) for a in attests}))
    label = str(graph.value(node, RDFS.label) or node)
    return Candidate(round(confidence, 2), kind, node, label, rules, texts)


def fact_key(graph: Graph, node: URIRef, properties: tuple[URIRef, ...]) -> tuple:
    """What identifies a delegation or a holding: the values of some properties."""
    return tuple(frozenset(graph.objects(node, p)) for p in properties)


def review_candidates(
    rule_graph: Graph, gold_graph: Graph, roles: tuple[str, ...] | None = None
) -> list[Candidate]:
    """Rule facts the hand layer lacks, most confident first; `roles`: the participant roles
    (default: those of the project's ontology)."""
    rule, gold = views("", rule_graph, roles), views("", gold_graph, roles)
    matched = {r.iri for r, _ in match(rule, gold)}
    found = [candidate_of(rule_graph, r.iri, r.kind) for r in rule if r.iri not in matched]
    for kind, key in (
        (DIP.Delegation, (DIP.sentBy, DIP.ledBy)),
        (DIP.PositionHolding, (DIP.holder, DIP.position)),
    ):
        known = {fact_key(gold_graph, n, key) for n in gold_graph.subjects(RDF.type, kind)}
        for node in sorted(rule_graph.subjects(RDF.type, kind)):
            if fact_key(rule_graph, node, key) not in known:
                found.append(candidate_of(rule_graph, node, str(kind).split("#")[-1]))
    return sorted(found, key=lambda c: (-c.confidence, c.kind, str(c.iri)))


def review_layers(root: Path) -> tuple[dict[str, Graph], dict[str, Graph], list[str]]:
    """The rule graph and hand graph of every seed, read as the build reads it (an empty hand
    graph for an article without a hand mapping), and the stems without one; an article that
    cannot be read and has no hand mapping is skipped with a warning."""
    from diplograph import paths
    from diplograph.errors import InputError
    from diplograph.extract.clean import input_article
    from diplograph.extract.pipeline import extract_article
    from diplograph.extract.workspace import rule_layer
    from diplograph.gold import gold_path, load_gold
    from diplograph.seeds import seed_paths

    rules, gazetteer = rule_layer(root)
    rule_graphs: dict[str, Graph] = {}
    gold_graphs: dict[str, Graph] = {}
    unmapped: list[str] = []
    for path in seed_paths(paths.seeds_dir(root)):
        gold = gold_path(paths.mappings_dir(root), path.stem)
        try:
            article = input_article(path, None, rules)
        except InputError as exc:
            if gold.is_file():
                raise
            log.warning("not reviewed: %s", exc)
            continue
        rule_graphs[article.stem] = extract_article(article, rules, gazetteer)
        if gold.is_file():
            gold_graphs[article.stem] = load_gold(gold, article)
        else:
            gold_graphs[article.stem] = Graph()
            unmapped.append(article.stem)
    return rule_graphs, gold_graphs, unmapped
