"""Review stage, the project side: finds an article by name and reads what its review needs.

Reads the project's rules, gazetteer, ontology roles, entities and the entities its hand
mappings describe once (a Reviewer), then, for one seed article named by its stem or its path,
the article (dated by its .meta.yaml or its `date` marker, as the build reads it), its rule
graph and its hand mapping; returns the Sheet of review_rows.py.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF, Graph, URIRef

from diplograph import paths
from diplograph.errors import InputError
from diplograph.namespaces import DIP
from diplograph.quality.review_rows import THING_ROLES, Sheet, review_sheet

log = logging.getLogger(__name__)
FACT_KINDS = ("Attestation", "Claim", *THING_ROLES)  # besides the attested facts
REFERENCE_GRAPH = "review:reference-graph"  # the key of Reviewer.reference in a gazetteer's cache

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


def mapped_entities(root: Path) -> dict[URIRef, tuple[Path, list]]:
    """The entities the project's hand mappings describe (typed nodes that are not facts), each
    with the first mapping (by name) that describes it and its triples there; a mapping that
    cannot be read is skipped with a warning (the build names it)."""
    from diplograph.gold import parse_turtle

    found: dict[URIRef, tuple[Path, list]] = {}
    for path in sorted((paths.mappings_dir(root) / "gold").glob("*.ttl")):
        try:
            graph = parse_turtle(path)
        except InputError as exc:
            log.warning("not read for review: %s", exc)
            continue
        facts = set(graph.objects(None, DIP.attests))
        for node in sorted(set(graph.subjects(RDF.type, None))):
            if isinstance(node, URIRef) and node not in facts and node not in found:
                if not any((node, RDF.type, DIP[k]) in graph for k in FACT_KINDS):
                    found[node] = (path, sorted(graph.triples((node, None, None))))
    return found


@dataclass
class Reviewer:
    """What every article's review shares: rules, gazetteer, entities, participant roles."""

    root: Path
    rules: RuleSet
    gazetteer: Gazetteer
    entities: Graph
    roles: tuple[str, ...]
    mapped: dict[URIRef, tuple[Path, list]]  # entities the hand mappings describe (mapped_entities)
    checks: tuple[Graph, Graph] | None = None  # ontology and shapes, loaded when first needed

    @classmethod
    def open(cls, root: Path) -> Reviewer:
        """Load the project's rule layer, entities and roles."""
        from diplograph.build import load_entities
        from diplograph.extract.workspace import rule_layer
        from diplograph.quality.evaluate import participant_roles
        from diplograph.vocabulary import ontology_file

        rules, gazetteer = rule_layer(root)
        entities, _ = load_entities(root)
        roles = participant_roles(ontology_file(root))
        return cls(root, rules, gazetteer, entities, roles, mapped_entities(root))

    def shape_problems(self, sheet: Sheet, source: str) -> tuple[str, ...]:
        """Why the article's rule layer, with the entities it names, breaks the project's SHACL
        shapes, one line each with its sentence (none if it conforms), as the build checks it
        before it quarantines an article."""
        from diplograph.build import SHAPES_FILE
        from diplograph.built import load_ontology
        from diplograph.quarantine import shape_problems
        from diplograph.validate import load_shapes

        if self.checks is None:
            shapes = load_shapes(paths.ontology_dir(self.root) / SHAPES_FILE)
            self.checks = (load_ontology(self.root), shapes)
        ontology, shapes = self.checks
        return shape_problems(sheet.rule, self.entities, ontology, shapes, source)

    def sheet(self, path: Path) -> Sheet:
        """The review of one seed article."""
        from diplograph.extract.clean import input_article
        from diplograph.extract.pipeline import extract_article
        from diplograph.gold import gold_path, load_gold

        article = input_article(path, None, self.rules)
        rule = extract_article(article, self.rules, self.gazetteer)
        mapping = gold_path(paths.mappings_dir(self.root), article.stem)
        gold = load_gold(mapping, article) if mapping.is_file() else Graph()
        others = {e: found for e, found in self.mapped.items() if found[0] != mapping}
        return review_sheet(
            article,
            rule,
            gold,
            self.entities,
            mapping,
            self.roles,
            self.rules.kinds,
            self.reference(),
            others,
            self.root,
        )

    def reference(self) -> Graph:
        """The reference gazetteer's entities (those mappings/entities.ttl lacks) as a graph,
        made once per gazetteer (kept in its cache) and only read: a correction copies what it
        needs of it, and every article's review of the project shares it."""
        graph = self.gazetteer.cache.get(REFERENCE_GRAPH)
        if graph is None:
            graph = self.gazetteer.cache[REFERENCE_GRAPH] = Graph()
            for triples in self.gazetteer.reference.values():
                for triple in triples:
                    graph.add(triple)
        return graph
