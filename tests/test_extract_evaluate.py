"""The rule layer on the seeds: it meets the issue's targets against the hand layer, conforms
to the SHACL shapes, is deterministic, and evaluation and review behave as documented."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.compare import isomorphic

from diplograph.articles import article_triples
from diplograph.build import load_entities, load_ontology
from diplograph.extract import extract_article
from diplograph.extract.graph import provenance_graph
from diplograph.extract.workspace import rule_layer, seed_layers
from diplograph.namespaces import DIP, ID
from diplograph.quality.evaluate import EVENT_KINDS, PARENT, evaluate, format_evaluation
from diplograph.quality.review import review_candidates
from diplograph.seeds import load_articles
from diplograph.validate import load_shapes, validate

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def layers():
    """Rule graphs and hand graphs of the seeds."""
    return seed_layers(ROOT)


@pytest.fixture(scope="module")
def evaluation(layers):
    """The evaluation of the seeds."""
    return evaluate(*layers)


def test_seed_evaluation_meets_the_targets(evaluation):
    assert evaluation.events.f1 >= 0.85, format_evaluation(evaluation)
    assert evaluation.entities.f1 >= 0.95, format_evaluation(evaluation)
    # 0.9 until 4 December 2026, now 0.85: arrivals take the story's day (kinds.yaml
    # narrative_date) and a past event of several days leaves it, as the corpus readers date
    # events (dev date right 345 -> 355 of 447, test 89 -> 94 of 135); the seeds' hand layer
    # leaves undated two events so dated (Kim's arrival told in a summit story, the UN
    # Command's talks), 48/53 -> 46/53.
    assert evaluation.date_accuracy >= 0.85, format_evaluation(evaluation)


def test_every_seed_rule_graph_conforms_to_the_shapes(layers):
    entities, _ = load_entities(ROOT)
    ontology = load_ontology(ROOT)
    shapes = load_shapes(ROOT / "ontology" / "diplo-shapes.ttl")
    for stem, graph in layers[0].items():
        report = validate(graph + entities, ontology, shapes)
        assert report.conforms, (stem, report.rows)


def test_every_attestation_has_rule_confidence_and_exact_words(layers):
    articles = {a.stem: a for a in load_articles(ROOT / "seeds")}
    for stem, graph in layers[0].items():
        for node in set(graph.subjects(DIP.attests, None)):
            begin, end = (
                int(graph.value(node, DIP.beginIndex)),
                int(graph.value(node, DIP.endIndex)),
            )
            assert articles[stem].text[begin:end] == str(graph.value(node, DIP.text))
            assert graph.value(node, DIP.rule) is not None
            assert 0 < float(graph.value(node, DIP.confidence)) <= 1


def test_extraction_is_deterministic(layers):
    rules, gazetteer = rule_layer(ROOT)
    for article in load_articles(ROOT / "seeds"):
        again = extract_article(article, rules, gazetteer)
        assert set(again) == set(layers[0][article.stem])


def test_provenance_graph_is_what_articles_writes():
    for article in load_articles(ROOT / "seeds"):
        assert isomorphic(provenance_graph(article), article_triples(article))


def test_parent_kinds_mirror_the_ontology():
    ontology = load_ontology(ROOT)
    for kind in EVENT_KINDS:
        parents = {
            str(o).split("#")[1] for o in ontology.objects(getattr(DIP, kind), RDFS.subClassOf)
        }
        assert parents - {"Event"} == ({PARENT[kind]} if kind in PARENT else set()), kind
    events = {
        str(s).split("#")[1] for s in ontology.transitive_subjects(RDFS.subClassOf, DIP.Event)
    }
    assert events - {"Event"} == set(EVENT_KINDS)


def _event(graph: Graph, iri: str, kind: str, **roles: list[str]) -> URIRef:
    """Add an attested event to a graph."""
    node = ID[iri]
    graph.add((node, RDF.type, getattr(DIP, kind)))
    for role, values in roles.items():
        for value in values:
            graph.add((node, getattr(DIP, role), ID[value]))
    graph.add((ID[f"attestation/{iri}"], DIP.attests, node))
    return node


def test_matching_is_by_meaning_not_by_iri():
    rule, gold = Graph(), Graph()
    gold.add((ID["delegation/x"], DIP.ledBy, ID["person/b"]))
    _event(gold, "event/meeting/1", "Meeting", participant=["person/a", "delegation/x"])
    _event(rule, "event/talks/9", "Talks", participant=["person/a", "person/b"])
    _event(gold, "event/visit/1", "Visit", traveller=["person/a"], host=["country/c"])
    _event(rule, "event/visit/9", "Visit", traveller=["person/a"], host=["country/d"])
    _event(rule, "event/visit/8", "Visit", traveller=["person/z"])
    result = evaluate({"s": rule}, {"s": gold})
    assert (result.events.tp, result.events.fp, result.events.fn) == (2, 1, 0)
    assert result.false_alarms[0].startswith("s: Visit")
    assert "Events per kind" in format_evaluation(result)


def test_review_lists_rule_facts_the_hand_layer_lacks_most_confident_first(layers):
    found = []
    for stem in layers[0]:
        found += review_candidates(layers[0][stem], layers[1][stem])
    assert found, "the rule layer finds something the hand layer does not"
    for stem in layers[0]:
        ranked = [c.confidence for c in review_candidates(layers[0][stem], layers[1][stem])]
        assert ranked == sorted(ranked, reverse=True)
    assert (
        review_candidates(layers[1][next(iter(layers[1]))], layers[1][next(iter(layers[1]))]) == []
    )
