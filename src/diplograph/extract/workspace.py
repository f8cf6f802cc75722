"""Workspace: where the rule layer's inputs live in a project, for the CLI and the tests.

Reads the project's mappings/rules/, mappings/entities.ttl (and links), seeds/ and
mappings/gold/; returns the compiled rules and gazetteer (with the reference gazetteer of
mappings/gazetteer/), and the rule and hand graphs of every seed.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from diplograph import paths
from diplograph.build import load_entities
from diplograph.extract.gazetteer import Gazetteer, build_gazetteer, reference_graph
from diplograph.extract.lifetime import settle
from diplograph.extract.pipeline import extract_article
from diplograph.extract.rules import RuleSet, load_rules
from diplograph.gold import gold_path, load_gold
from diplograph.seeds import load_articles


def rules_dir(root: Path) -> Path:
    """The folder of the rule files."""
    return paths.mappings_dir(root) / "rules"


def rule_layer(root: Path) -> tuple[RuleSet, Gazetteer]:
    """The project's compiled rules and the gazetteer of its entities, settled for good."""
    entities, _ = load_entities(root)
    reference = reference_graph(paths.mappings_dir(root) / "gazetteer")
    compiled = load_rules(rules_dir(root)), build_gazetteer(entities, reference)
    settle()
    return compiled


def seed_layers(root: Path) -> tuple[dict[str, Graph], dict[str, Graph]]:
    """The rule graph and the hand graph of every seed that has a hand mapping."""
    rules, gazetteer = rule_layer(root)
    rule_graphs, gold_graphs = {}, {}
    for article in load_articles(paths.seeds_dir(root)):
        gold = gold_path(paths.mappings_dir(root), article.stem)
        if gold.is_file():
            rule_graphs[article.stem] = extract_article(article, rules, gazetteer)
            gold_graphs[article.stem] = load_gold(gold, article)
    return rule_graphs, gold_graphs
