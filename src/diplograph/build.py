"""Build stage: runs the stages (seeds -> gold -> validate -> infer) and writes the build folder.

Reads ontology/, seeds/ and mappings/; writes, atomically, OUT/graph.trig (one named graph per
article, the entities graph and the inferred graph), OUT/manifest.json (the digests of the inputs
and of graph.trig, so that a stale or damaged build is noticed), OUT/summary.json and
OUT/validation.txt.
A run that fails (bad input, non-conforming data) writes nothing and leaves an earlier build
untouched.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Dataset, Graph, URIRef

from diplograph import paths
from diplograph.articles import article_triples
from diplograph.buildfolder import replace_folder
from diplograph.errors import InputError, ValidationFailed, syntax_error
from diplograph.export import layer_graphs, serialize_graphs
from diplograph.extract.clean import article_from_text
from diplograph.extract.gazetteer import Gazetteer, build_gazetteer, reference_graph
from diplograph.extract.lifetime import settle
from diplograph.extract.pipeline import extract_triples
from diplograph.extract.rules import RuleSet, load_rules
from diplograph.gold import gold_path, load_gold, parse_turtle
from diplograph.infer import infer
from diplograph.iris import (
    ENTITIES_GRAPH,
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    RULES_GRAPHS,
    article_graph_iri,
    candidates_graph_iri,
    rules_graph_iri,
)
from diplograph.manifest import MANIFEST_FILE, REBUILD, check_build, input_digests, manifest_bytes
from diplograph.namespaces import DIP
from diplograph.quality.review import review_candidates
from diplograph.seeds import Article, load_article, meta_path, read_text, seed_paths
from diplograph.store import RdflibStore
from diplograph.validate import ValidationReport, load_shapes, run_checks, validate
from diplograph.wikidata import WIKIDATA_GRAPH
from diplograph.wikidata.enrich import ENRICHMENT_FILE
from diplograph.wikidata.link import load_links

GRAPH_FILE = "graph.trig"
ONTOLOGY_FILES = ("diplo.ttl", "diplo-align.ttl")
SHAPES_FILE = "diplo-shapes.ttl"


@dataclass(frozen=True)
class BuildResult:
    """What a build produced: the store, the validation report, the summary figures and the
    digests of the input files it read (manifest.py)."""

    store: RdflibStore
    report: ValidationReport
    summary: dict
    inputs: dict[str, str] = field(default_factory=dict)


def load_ontology(root: Path) -> Graph:
    """The ontology and its alignments, as one graph."""
    graph = Graph()
    for name in ONTOLOGY_FILES:
        graph += parse_turtle(paths.ontology_dir(root) / name)
    return graph


def load_entities(root: Path) -> tuple[Graph, list[Path]]:
    """The entities and their Wikidata links (hand links win), with the files they came from."""
    files = [paths.mappings_dir(root) / "entities.ttl"]
    graph = parse_turtle(files[0])
    links, link_files = load_links(paths.mappings_dir(root))
    graph += links
    return graph, files + link_files


def load_enrichment(root: Path) -> Graph:
    """Facts fetched from Wikidata by `diplograph enrich`, if it has been run (every graph of
    the file: `enrich` writes them as one named graph)."""
    path = paths.mappings_dir(root) / ENRICHMENT_FILE
    if not path.is_file():
        return Graph()
    dataset = Dataset()
    try:
        dataset.parse(path, format="trig")
    except Exception as exc:  # rdflib raises several unrelated types for bad syntax
        raise syntax_error(path, exc, "TriG") from exc
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))  # the named graph `enrich` writes, and any default-graph triple
    return graph


def _check_orphans(root: Path, stems: set[str]) -> None:
    """Fail on a hand mapping whose seed article does not exist."""
    for path in sorted((paths.mappings_dir(root) / "gold").glob("*.ttl")):
        if path.stem not in stems:
            raise InputError(f"{path}: hand mapping without a seed article seeds/{path.stem}.txt")


def _seed_articles(root: Path, rules: RuleSet | None) -> list[Article]:
    """Every seed: with its .meta.yaml, or, when the project has rules, a plain text dated by a
    leading `date YYYY-MM-DD` marker (an analyst's new article needs no metadata file)."""
    folder = paths.seeds_dir(root)
    if not folder.is_dir():
        raise InputError(f"{folder}: no seeds folder; a project keeps its articles in seeds/")
    found = []
    for path in seed_paths(folder):
        if rules is None or meta_path(path).is_file():
            found.append(load_article(path))
        else:  # read as stored (CRLF kept, BOM dropped), as load_article does
            found.append(article_from_text(path, read_text(path), None, rules))
    if not found:
        raise InputError(f"{folder}: no articles (*.txt) to build")
    return found


def _rule_layer(root: Path, entities: Graph) -> tuple[RuleSet, Gazetteer] | None:
    """The compiled rules and the gazetteer of the entities, if the project has rules."""
    folder = paths.mappings_dir(root) / "rules"
    if not any(folder.glob("*.yaml")):
        return None
    reference = reference_graph(paths.mappings_dir(root) / "gazetteer")
    compiled = load_rules(folder), build_gazetteer(entities, reference)
    settle()
    return compiled


def assemble(root: Path) -> tuple[RdflibStore, dict[URIRef, str]]:
    """Load every graph into a store; map each subject to the file it came from.

    Each article gets its own graph (article metadata, sentences, hand mapping) and, when the
    project has rules, its rule layer beside it: in effect as id:graph/rules/STEM when there is
    no hand mapping, kept for review as id:graph/candidates/STEM when there is one (the hand
    layer wins).
    """
    store = RdflibStore()
    sources: dict[URIRef, str] = {}
    entities, files = load_entities(root)
    store.add_graph(ENTITIES_GRAPH, entities)
    for s in entities.subjects():
        sources.setdefault(s, str(files[0].relative_to(root)))
    rule_layer = _rule_layer(root, entities)
    articles = _seed_articles(root, rule_layer[0] if rule_layer else None)
    _check_orphans(root, {a.stem for a in articles})
    for article in articles:
        graph = article_triples(article)
        gold = gold_path(paths.mappings_dir(root), article.stem)
        rules = extract_triples(article, *rule_layer) if rule_layer else None
        if gold.is_file():
            mapped = load_gold(gold, article)
            graph += mapped
            for s in mapped.subjects():
                sources.setdefault(s, str(gold.relative_to(root)))
            if rules is not None:
                store.add_graph(candidates_graph_iri(article.stem), rules)
        elif rules is not None:
            store.add_graph(rules_graph_iri(article.stem), rules)
            for s, _, _ in rules:
                sources.setdefault(s, f"mappings/rules (rule layer of {article.path.name})")
        for s in graph.subjects():
            sources.setdefault(s, str(article.path.relative_to(root)))
        store.add_graph(article_graph_iri(article.stem), graph)
    return store, sources


def summarise(store: RdflibStore, report: ValidationReport) -> dict:
    """The figures of the one-screen summary: triples, articles, events per kind, validation."""
    asserted = store.union(layer_graphs(store, "asserted"))
    kinds = Counter(
        o.split("#")[-1]
        for s, o in asserted.subject_objects(RDF.type)
        if isinstance(o, URIRef)
        and (None, DIP.attests, s) in asserted
        and o not in (DIP.Delegation, DIP.PositionHolding)
    )
    in_effect = [n for n in layer_graphs(store, "asserted") if n.startswith(RULES_GRAPHS)]
    candidates = sum(
        len(review_candidates(store.graph(name), store.graph(article_graph_iri(stem))))
        for name in layer_graphs(store, "candidates")
        for stem in [str(name).rsplit("/", 1)[-1]]
    )
    return {
        "rule_layer_articles": len(in_effect),
        "rule_layer_candidates": candidates,
        "articles": sum(1 for _ in asserted.subjects(RDF.type, DIP.NewsArticle)),
        "triples_asserted": len(asserted),
        "triples_inferred": len(store.graph(INFERRED_GRAPH)),
        "events_per_kind": dict(sorted(kinds.items())),
        "events": sum(kinds.values()),
        "attestations": len(set(asserted.subjects(DIP.attests, None))),
        "conforms": report.conforms,
        "violations": len(report.rows),
    }


def build(root: Path | None = None) -> BuildResult:
    """Run every stage in memory: assemble, validate, infer."""
    root = root or paths.project_root()
    inputs = input_digests(root)
    store, sources = assemble(root)
    ontology = load_ontology(root)
    asserted = store.union(layer_graphs(store, "asserted"))
    shapes = load_shapes(paths.ontology_dir(root) / SHAPES_FILE)
    report = validate(asserted, ontology, shapes, sources)
    rows = report.rows + run_checks(
        asserted, ontology, paths.ontology_dir(root) / "checks", sources
    )
    entities = store.graph(ENTITIES_GRAPH)
    for name in layer_graphs(store, "candidates"):
        candidates = store.graph(name) + entities
        rows += validate(
            candidates, ontology, shapes, {s: str(name) for s in candidates.subjects()}
        ).rows
    if rows != report.rows:
        report = ValidationReport(False, tuple(sorted(set(rows))))
    store.add_graph(INFERRED_GRAPH, infer(ontology, asserted))
    store.add_graph(WIKIDATA_GRAPH, load_enrichment(root))
    store.add_graph(ONTOLOGY_GRAPH, ontology)
    return BuildResult(store, report, summarise(store, report), inputs)


def write_build(result: BuildResult, out: Path, report_text: str, root: Path | None = None) -> None:
    """Write the build folder atomically (staging folder swapped into place, under a lock);
    refuse a folder a build did not make (buildfolder.check_build_folder)."""

    def fill(staging: Path) -> None:
        """Write the build's files into the staging folder."""
        kept = layer_graphs(result.store, "all") + layer_graphs(result.store, "candidates")
        graph = serialize_graphs(result.store, "trig", kept)
        (staging / GRAPH_FILE).write_bytes(graph)
        (staging / MANIFEST_FILE).write_bytes(manifest_bytes(result.inputs, graph))
        summary = json.dumps(result.summary, indent=2, sort_keys=True) + "\n"
        (staging / "summary.json").write_text(summary, encoding="utf-8")
        (staging / "validation.txt").write_text(report_text, encoding="utf-8")

    replace_folder(out, fill, root)


def load_build(out: Path, root: Path | None = None) -> RdflibStore:
    """Read a build folder back into a store, with the ontology beside it for queries."""
    path = out / GRAPH_FILE
    if not path.is_file():
        raise InputError(f"{path}: no build found; run `diplograph build` first")
    dataset = Dataset()
    try:
        dataset.parse(path, format="trig")
    except Exception as exc:  # rdflib raises several unrelated types for bad syntax
        reason = syntax_error(path, exc, "TriG")
        raise InputError(f"{reason}; not a readable build, {REBUILD}") from exc
    store = RdflibStore()
    for context in dataset.graphs():
        if len(context) and isinstance(context.identifier, URIRef):
            store.add_graph(context.identifier, context)
    store.add_graph(ONTOLOGY_GRAPH, load_ontology(root or paths.project_root()))
    return store


def current_store(root: Path, out: Path) -> tuple[RdflibStore, bool]:
    """The store of the build folder if it was made from the inputs as they are now (its
    manifest says so), else a fresh in-memory build. The flag tells whether a fresh build was
    made. A graph.trig that is not the one its build wrote is an InputError naming it."""
    if (out / GRAPH_FILE).is_file() and check_build(out, GRAPH_FILE, root):
        return load_build(out, root), False
    result = build(root)
    if not result.report.conforms:
        raise ValidationFailed(
            "the graph does not conform to the shapes; run `diplograph validate` for the report"
        )
    return result.store, True
