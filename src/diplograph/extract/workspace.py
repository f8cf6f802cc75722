"""Workspace: where the rule layer's inputs live in a project, for the CLI and the tests.

Reads the project's mappings/rules/, mappings/entities.ttl (and links), seeds/ and
mappings/gold/; returns the compiled rules and gazetteer (with the reference gazetteer of
mappings/gazetteer/), and the rule and hand graphs of every seed. The compiled rules and the
gazetteer come from the on-disk cache (cache.py) while their input files are unchanged.
"""

from __future__ import annotations

from pathlib import Path

import rdflib
from rdflib import Graph

from diplograph import cache, paths
from diplograph.extract.clean import input_article
from diplograph.extract.gazetteer import Gazetteer, build_gazetteer, reference_graph
from diplograph.extract.lifetime import settle
from diplograph.extract.pipeline import extract_article
from diplograph.extract.rules import RuleSet, load_rules
from diplograph.gold import gold_path, load_gold
from diplograph.seeds import seed_paths
from diplograph.vocabulary import ontology_file


def rules_dir(root: Path) -> Path:
    """The folder of the rule files."""
    return paths.rules_dir(root)


def rule_layer(root: Path) -> tuple[RuleSet, Gazetteer]:
    """The project's compiled rules and the gazetteer of its entities, settled for good."""
    compiled = load_rules(rules_dir(root), ontology_file(root)), project_gazetteer(root)
    settle()
    return compiled


def project_gazetteer(root: Path) -> Gazetteer:
    """The gazetteer of the project's entities and reference gazetteer (from the cache)."""
    try:
        key = cache.digest(rdflib.__version__, *_named_contents(root, paths.gazetteer_inputs(root)))
    except OSError:  # an unreadable file: loading it says which
        key = None
    found = cache.load("gazetteer", key, Gazetteer) if key else None
    if found is not None:
        found.digest = key
        return found
    from diplograph.build import load_entities  # build imports validation and inference

    entities, _ = load_entities(root)
    reference = reference_graph(paths.gazetteer_dir(root))
    gazetteer = build_gazetteer(entities, reference)
    if key:
        cache.store("gazetteer", key, gazetteer)
        gazetteer.digest = key if cache.folder() is not None else None
    return gazetteer


def _named_contents(root: Path, files: list[Path]) -> list[str | bytes]:
    """Each file's name (inside the project, where it is there) and bytes: a gazetteer holds no
    path, so a copy of the project in another folder finds its gazetteer in the cache."""
    parts: list[str | bytes] = []
    for path in files:
        parts += [str(path.relative_to(root) if path.is_relative_to(root) else path)]
        parts += [path.read_bytes()]
    return parts


def seed_layers(root: Path) -> tuple[dict[str, Graph], dict[str, Graph]]:
    """The rule graph and the hand graph of every seed that has a hand mapping (read as the
    build reads it: dated by its .meta.yaml or a leading `date` marker). Seeds without one
    are not read."""
    rules, gazetteer = rule_layer(root)
    rule_graphs, gold_graphs = {}, {}
    for path in seed_paths(paths.seeds_dir(root)):
        gold = gold_path(paths.mappings_dir(root), path.stem)
        if gold.is_file():
            article = input_article(path, None, rules)
            rule_graphs[article.stem] = extract_article(article, rules, gazetteer)
            gold_graphs[article.stem] = load_gold(gold, article)
    return rule_graphs, gold_graphs
