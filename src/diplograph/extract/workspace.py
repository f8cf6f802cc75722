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
from diplograph.extract.rules import RuleSet, load_rules, ready, relocated, rules_key
from diplograph.gold import gold_path, load_gold
from diplograph.memory import collector_paused
from diplograph.seeds import seed_paths
from diplograph.vocabulary import ontology_file


def rules_dir(root: Path) -> Path:
    """The folder of the rule files."""
    return paths.rules_dir(root)


# The rule layers this process has read, by the cache entries they were read from and those
# entries' files as they were (see `rule_layer`); the newest few only.
READ: dict[tuple[tuple[str, int, int, int, int], ...], tuple[RuleSet, Gazetteer]] = {}
READ_KEEP = 4


def rule_layer(root: Path) -> tuple[RuleSet, Gazetteer]:
    """The project's compiled rules and the gazetteer of its entities, settled for good: read
    from the on-disk cache once per process while the two entries' files are unchanged (a
    process that maps for several commands or project copies, as the tests do, unpickles and
    sets them up once), else loaded (compiled on a miss) as `load_rules` and
    `project_gazetteer` do. With caching off, loaded every time."""
    folder = rules_dir(root)
    entries = _layer_entries(root)
    found = READ.get(entries) if entries else None
    if found is not None:
        return ready(relocated(found[0], folder), folder), found[1]
    with collector_paused():  # what is made here lives on: collections on the way find little
        compiled = load_rules(folder, ontology_file(root)), project_gazetteer(root)
        settle(entries is not None)  # while paused: else the collector's next pass walks it all
    entries = _layer_entries(root)
    if entries:
        READ[entries] = compiled
        while len(READ) > READ_KEEP:
            del READ[next(iter(READ))]
    return compiled


def _layer_entries(root: Path) -> tuple[tuple[str, int, int, int, int], ...] | None:
    """The cache entries of a project's compiled rules and gazetteer, each with its file's
    device, inode, size and modification time; None when caching is off or one is missing."""
    keys = rules_key(rules_dir(root), ontology_file(root)), gazetteer_key(root)
    found = []
    for name, key in zip(("rules", "gazetteer"), keys, strict=True):
        path = cache.entry(name, key) if key else None
        try:
            stat = path.stat() if path else None
        except OSError:
            stat = None
        if stat is None:
            return None
        found.append((str(path), stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns))
    return tuple(found)


def gazetteer_key(root: Path) -> str | None:
    """The on-disk cache's key of the project's gazetteer (its input files' names inside the
    project and bytes); None when a file cannot be read (loading it then says which)."""
    try:
        named = _named_contents(root, paths.gazetteer_inputs(root))
    except OSError:
        return None
    return cache.digest(rdflib.__version__, *named)


def project_gazetteer(root: Path) -> Gazetteer:
    """The gazetteer of the project's entities and reference gazetteer (from the cache)."""
    key = gazetteer_key(root)
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
