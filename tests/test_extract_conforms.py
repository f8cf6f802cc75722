"""The rule layer's output conforms to the shapes on every text we have: the test cases, the
development corpus and the seeds (issue 12: a shape that the rule layer breaks is a bug in the
rule layer, and the build quarantines the article). Each text's rule graph is validated with the
entities, as the build validates a rule graph on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.build import load_entities, load_ontology
from diplograph.extract import extract_article
from diplograph.extract.clean import input_article
from diplograph.validate import format_report, load_shapes, validate

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted((ROOT / "tests" / "data" / "extract").glob("*.txt")) + sorted(
    (ROOT / "tests" / "data" / "corpus").glob("*.txt")
)


@pytest.fixture(scope="module")
def judge():
    """The entities, the ontology and the shapes."""
    entities, _ = load_entities(ROOT)
    return entities, load_ontology(ROOT), load_shapes(ROOT / "ontology" / "diplo-shapes.ttl")


def test_there_are_texts_of_both_kinds():
    assert {p.parent.name for p in TEXTS} == {"extract", "corpus"}
    assert len(TEXTS) >= 90


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_rule_layer_of_a_text_conforms(path, layer, judge):
    rules, gazetteer = layer
    entities, ontology, shapes = judge
    graph = extract_article(input_article(path, None, rules), rules, gazetteer)
    report = validate(graph + entities, ontology, shapes)
    assert report.rows == (), format_report(report)
