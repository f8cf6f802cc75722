"""Review stage, the project side: finds an article by name and reads what its review needs.

Reads the project's rules, gazetteer, ontology roles and entities once (a Reviewer), then, for
one seed article named by its stem or its path, the article (dated by its .meta.yaml or its
`date` marker, as the build reads it), its rule graph and its hand mapping; returns the Sheet of
review_rows.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

from diplograph import paths
from diplograph.errors import InputError
from diplograph.quality.review_rows import Sheet, review_sheet

if TYPE_CHECKING:
    from diplograph.extract.gazetteer import Gazetteer
    from diplograph.extract.rules import RuleSet


def article_path(root: Path, name: str) -> Path:
    """The seed file an argument names: a stem, a file name, or a path into seeds/."""
    seeds = paths.seeds_dir(root)
    stem = Path(name).name.removesuffix(".txt")
    path = seeds / f"{stem}.txt"
    if not stem or not path.is_file():
        raise InputError(f"{name}: no such article in {seeds} (give its name or its seeds/ path)")
    return path


@dataclass
class Reviewer:
    """What every article's review shares: rules, gazetteer, entities, participant roles."""

    root: Path
    rules: RuleSet
    gazetteer: Gazetteer
    entities: Graph
    roles: tuple[str, ...]

    @classmethod
    def open(cls, root: Path) -> Reviewer:
        """Load the project's rule layer, entities and roles."""
        from diplograph.build import load_entities
        from diplograph.extract.workspace import rule_layer
        from diplograph.quality.evaluate import participant_roles
        from diplograph.vocabulary import ontology_file

        rules, gazetteer = rule_layer(root)
        entities, _ = load_entities(root)
        return cls(root, rules, gazetteer, entities, participant_roles(ontology_file(root)))

    def sheet(self, path: Path) -> Sheet:
        """The review of one seed article."""
        from diplograph.extract.clean import input_article
        from diplograph.extract.pipeline import extract_article
        from diplograph.gold import gold_path, load_gold

        article = input_article(path, None, self.rules)
        rule = extract_article(article, self.rules, self.gazetteer)
        mapping = gold_path(paths.mappings_dir(self.root), article.stem)
        gold = load_gold(mapping, article) if mapping.is_file() else Graph()
        return review_sheet(
            article,
            rule,
            gold,
            self.entities,
            mapping,
            self.roles,
            self.rules.kinds,
            self.reference(),
        )

    def reference(self) -> Graph:
        """The reference gazetteer's entities (those mappings/entities.ttl lacks) as a graph."""
        graph = Graph()
        for triples in self.gazetteer.reference.values():
            for triple in triples:
                graph.add(triple)
        return graph
