"""Build stage: runs the stages (seeds -> gold -> rules -> validate -> infer) and writes the build
folder.

Reads ontology/, seeds/ and mappings/; writes, atomically, OUT/graph.trig (one named graph per
article, the entities graph and the inferred graph), OUT/manifest.json (the digests of the inputs
and of graph.trig, so that a stale or damaged build is noticed), OUT/summary.json,
OUT/validation.txt and, when articles were set aside, OUT/quarantine/STEM.ttl.
An article the rules cannot map, or whose rule layer breaks a shape, is quarantined (quarantine.py)
and the build goes on without its rule layer. A run that fails (bad input, a hand layer that does
not conform) writes nothing and leaves an earlier build untouched.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import json
import logging
import os
import sys
import types
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF, Dataset, Graph, URIRef

from diplograph import paths, progress
from diplograph.answerpages import write_answers
from diplograph.articles import article_triples
from diplograph.buildfolder import replace_folder
from diplograph.built import (
    GRAPH_FILE,
    ONTOLOGY_FILES,
    STORE_FOLDER,
    current_store,
    load_build,
    load_ontology,
    write_store,
)
from diplograph.entail import entail_into
from diplograph.errors import DiplographError, InputError, syntax_error
from diplograph.export import write_trig
from diplograph.gold import gold_path, load_gold
from diplograph.incremental.stamps import input_stamps
from diplograph.incremental.state import Ledger, State, bare, environment, write_state
from diplograph.infer import closure
from diplograph.iris import (
    ENTITIES_GRAPH,
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    RULES_GRAPHS,
    article_graph_iri,
    candidates_graph_iri,
    rules_graph_iri,
)
from diplograph.manifest import MANIFEST_FILE, input_digests, manifest_bytes, write_stamps
from diplograph.memory import give_back
from diplograph.namespaces import DIP
from diplograph.parallel import Plan, jobs_from, map_articles, map_calls
from diplograph.quality.evaluate import participant_roles
from diplograph.quality.review import review_candidates
from diplograph.quarantine import (
    FOLDER,
    Quarantined,
    conflicts,
    describe,
    shape_problems,
    write_quarantine,
)
from diplograph.quarantine import article_memory as memory_limit
from diplograph.quarantine import article_timeout as quarantine_limit
from diplograph.reconcile import reconcile_entities
from diplograph.seeds import Article, load_article, seed_paths
from diplograph.store import Store, layer_graphs, new_store, parse_turtle
from diplograph.timing import lap
from diplograph.validate import ReportRow, ValidationReport, check_store, load_shapes
from diplograph.validate_articles import GraphCopies, revalidate, validate_store
from diplograph.vocabulary import ontology_file
from diplograph.wikidata import WIKIDATA_GRAPH
from diplograph.wikidata.enrich import ENRICHMENT_FILE
from diplograph.wikidata.link import load_links

if TYPE_CHECKING:  # the rule layer (spaCy) is imported where an article is mapped, not here
    from diplograph.extract.gazetteer import Gazetteer
    from diplograph.extract.rules import RuleSet

SHAPES_FILE = "diplo-shapes.ttl"
__all__ = [  # the build folder's reader lives in built.py; these names stay importable here
    "GRAPH_FILE",
    "ONTOLOGY_FILES",
    "current_store",
    "load_build",
    "load_ontology",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    """What a build produced: the store, the validation report, the summary figures and the
    digests of the input files it read (manifest.py)."""

    store: Store
    report: ValidationReport
    summary: dict
    inputs: dict[str, str] = field(default_factory=dict)
    quarantined: tuple[Quarantined, ...] = ()  # articles whose rule layer was set aside
    ledger: Ledger | None = None  # what the next, incremental, build starts from (Oxigraph)
    incremental: bool = False  # made by parts from an earlier build (incremental/), written
    redone: tuple[str, ...] = ()  # the articles an incremental build did again


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


def _source(root: Path, path: Path) -> str:
    """A file's path relative to the project, as reports name it."""
    return path.relative_to(root).as_posix()


def _problem(root: Path, path: Path, exc: BaseException) -> str:
    """One line for an article that cannot be read: the error, naming the file first."""
    if isinstance(exc, DiplographError):
        text = str(exc).replace(f"{root}{os.sep}", "")
    else:
        text = f"{type(exc).__name__}: {exc}"
    source = _source(root, path)
    return text if text.startswith(source.removesuffix(".txt")) else f"{source}: {text}"


def _seed_articles(
    root: Path, rules: RuleSet | None, quarantined: list[Quarantined]
) -> list[Article]:
    """Every seed: with its .meta.yaml, or, when the project has rules, a plain text dated by a
    leading `date YYYY-MM-DD` marker (an analyst's new article needs no metadata file). A seed
    that cannot be read is quarantined, unless a hand mapping needs it or no seed can be read
    at all (then the build fails with its error)."""
    folder = paths.seeds_dir(root)
    if not folder.is_dir():
        raise InputError(f"{folder}: no seeds folder; a project keeps its articles in seeds/")
    refused: list[tuple[Path, Exception]] = []
    files = seed_paths(folder, refused)
    if not files and not refused:
        raise InputError(f"{folder}: no articles (*.txt) to build")
    _check_orphans(root, {p.stem for p in files} | {p.stem for p, _ in refused})
    if rules is not None:
        from diplograph.extract.clean import input_article
    found = []
    for path in files:
        try:  # read as stored (CRLF kept, BOM dropped), dated by metadata or marker
            found.append(load_article(path) if rules is None else input_article(path, None, rules))
        except Exception as exc:
            log.debug("%s: not read", path, exc_info=True)
            refused.append((path, exc))
    for path, exc in refused:
        if gold_path(paths.mappings_dir(root), path.stem).is_file():
            raise exc  # the hand layer is strict: the article it maps must be readable
    if refused and not found:
        raise refused[0][1]  # nothing to build: the first error, and the earlier build stays
    for path, exc in refused:
        problem = _problem(root, path, exc)
        quarantined.append(Quarantined(path.stem, _source(root, path), (problem,)))
    return found


def has_rules(root: Path) -> bool:
    """Whether the project has rule files (then its articles get a rule layer)."""
    return any(paths.rules_dir(root).glob("*.yaml"))


def _rule_layer(root: Path, entities: Graph) -> tuple[RuleSet, Gazetteer] | None:
    """The compiled rules and the gazetteer of the entities, if the project has rules (both from
    the on-disk cache while their files are unchanged)."""
    if not has_rules(root):
        return None
    from diplograph.extract.workspace import rule_layer

    return rule_layer(root)


WARM_UP = " date 2024-01-15 Foreign Minister Wang Yi met Vladimir Putin in Moscow on Monday.\n"


def _warm_up(layer: tuple[RuleSet, Gazetteer]) -> None:
    """Map one sentence here, before the worker is forked: what the rule layer sets up on its
    first use (0.4 s) is then made once and shared by every worker, also one that replaces a
    worker killed at the time limit."""
    from diplograph.extract.clean import article_from_text
    from diplograph.extract.lifetime import settle

    with contextlib.suppress(Exception):  # a rule layer that fails says so article by article
        extract_triples(article_from_text(Path("warm-up.txt"), WARM_UP, None, layer[0]), *layer)
    settle()


def extract_triples(article: Article, rules: RuleSet, gazetteer: Gazetteer) -> list:
    """One article's rule layer (extract.pipeline's, imported on first use, so that a build
    whose articles all come from the article cache does not import spaCy)."""
    from diplograph.extract.pipeline import extract_triples as rule_layer

    return rule_layer(article, rules, gazetteer)


def assemble(
    root: Path,
    limit: float | None = None,
    memory: int | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> tuple[Store, dict[URIRef, str], list[Quarantined]]:
    """Load every graph into a store; map each subject to the file it came from; list the
    articles quarantined so far (unreadable, or the rule layer failed or ran out of time).

    Each article gets its own graph (article metadata, sentences, hand mapping) and, when the
    project has rules, its rule layer beside it: in effect as id:graph/rules/STEM when there is
    no hand mapping, kept for review as id:graph/candidates/STEM when there is one (the hand
    layer wins). `limit` bounds the rule layer of each article, in seconds; `memory` its worker,
    in MiB beyond what the build had when the worker started; `jobs` and `scheduler`: where the
    rule layer runs (parallel.py).
    """
    store = new_store()
    sources: dict[URIRef, str] = {}
    entities, files = load_entities(root)
    store.add_graph(ENTITIES_GRAPH, entities)
    for s in entities.subjects():
        sources.setdefault(s, str(files[0].relative_to(root)))
    rule_layer = _rule_layer(root, entities)
    quarantined: list[Quarantined] = []
    articles = _seed_articles(root, rule_layer[0] if rule_layer else None, quarantined)
    found = [(None, None)] * len(articles)
    lap("extract")
    if rule_layer is not None:
        run = lambda article: extract_triples(article, *rule_layer)  # noqa: E731 (tests patch it)
        plan = Plan(run, lambda: _warm_up(rule_layer), limit, memory, jobs, scheduler, rule_layer)
        found = map_articles(root, articles, plan)
    for article, outcome in zip(articles, found, strict=True):
        _add_article(root, store, sources, quarantined, article, outcome)
    return store, sources, quarantined


def _add_article(
    root: Path,
    store: Store,
    sources: dict[URIRef, str],
    quarantined: list[Quarantined],
    article: Article,
    outcome: tuple[list | None, str | None],
) -> None:
    """Add one article's graph, hand mapping and rule layer (or why it has none) to the store."""
    graph = article_triples(article)
    gold = gold_path(paths.mappings_dir(root), article.stem)
    rules, problem = outcome
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
    if problem is not None:
        name = (candidates_graph_iri if gold.is_file() else rules_graph_iri)(article.stem)
        quarantined.append(Quarantined(article.stem, _source(root, article.path), (problem,), name))
    for s in graph.subjects():
        sources.setdefault(s, str(article.path.relative_to(root)))
    store.add_graph(article_graph_iri(article.stem), graph)


def _article_source(root: Path, name: URIRef) -> tuple[str, str]:
    """The stem and the article file of a rule graph."""
    stem = str(name).rsplit("/", 1)[-1]
    return stem, _source(root, paths.seeds_dir(root) / f"{stem}.txt")


def _rule_graphs(store: Store) -> list[URIRef]:
    """The rule graphs in effect (id:graph/rules/STEM)."""
    return [n for n in layer_graphs(store, "asserted") if n.startswith(RULES_GRAPHS)]


def _set_aside(root: Path, store: Store, name: URIRef, problems: list[str]) -> Quarantined:
    """Take one article's rule graph out of the store, into quarantine."""
    stem, source = _article_source(root, name)
    graph = store.graph(name)
    store.remove_graph(name)
    return Quarantined(stem, source, tuple(sorted(set(problems))), name, graph)


def check_rule_graphs(
    root: Path,
    store: Store,
    ontology: Graph,
    shapes: Graph,
    jobs: int = 1,
    copies: GraphCopies | None = None,
) -> list[Quarantined]:
    """Validate each article's rule graph (in effect or candidates) with the entities it names,
    in `jobs` processes; set aside those that break a shape. `copies`: the graphs as read."""
    copies = copies or GraphCopies(store)
    entities = copies.graph(ENTITIES_GRAPH)
    names = _rule_graphs(store) + layer_graphs(store, "candidates")
    graphs = [copies.graph(name) for name in names]  # read here: the workers inherit them

    def problems_of(index: int) -> tuple[str, ...]:
        """Why the index-th rule graph breaks the shapes (none if it conforms)."""
        source = _article_source(root, names[index])[1]
        return shape_problems(graphs[index], entities, ontology, shapes, source)

    found = []
    for name, problems in zip(names, map_calls(problems_of, len(names), jobs), strict=True):
        if problems:
            found.append(_set_aside(root, store, name, list(problems)))
    return found


def _validate_kept(
    root: Path,
    store: Store,
    ontology: Graph,
    shapes: Graph,
    sources: dict,
    jobs: int = 1,
    copies: GraphCopies | None = None,
    rounds: list | None = None,
) -> tuple[tuple[ReportRow, ...], list[Quarantined]]:
    """Validate the asserted graph (shapes in `jobs` processes, and QA checks); set aside the rule
    graphs that conflict with another graph, until only the hand layer's rows are left; after
    the first run, only the rows the graphs set aside can change are found again
    (validate_articles.revalidate). `copies`: the graphs as read, for every run; `rounds`: gets
    each round's rows (without their sources) and the graphs it set aside, for an incremental
    build (incremental/)."""
    found: list[Quarantined] = []
    copies = copies or GraphCopies(store)
    report, lost = None, []  # the last run's SHACL report, the triples set aside since
    while True:
        names = layer_graphs(store, "asserted")
        if report is not None:  # the rows the graphs set aside can change, found again
            report = revalidate(report, names, lost, copies, ontology, shapes, sources)
        if report is None:
            report = validate_store(
                store, names, ontology, shapes, sources, jobs=jobs, copies=copies
            )
        checks = paths.ontology_dir(root) / "checks"
        rows = report.rows + check_store(store, [*names, ONTOLOGY_GRAPH], checks, sources)
        culprits = conflicts(rows, store, _rule_graphs(store), copies.graph)
        if rounds is not None:
            bare_rows = {dataclasses.replace(row, source="") for row in rows}
            rounds.append((tuple(sorted(bare_rows)), tuple(sorted(culprits))))
        if not culprits:
            return tuple(sorted(set(rows))), found
        lost = [triple for name in sorted(culprits) for triple in copies.graph(name)]
        for name, problems in sorted(culprits.items()):
            graph = store.graph(name)
            _, source = _article_source(root, name)
            lines = []
            for row, other in problems:
                beside = f"{_article_source(root, other)[1]}'s rule layer" if other else None
                lines.append(f"{describe(row, graph, source)} (with {beside or 'the hand layer'})")
            found.append(_set_aside(root, store, name, lines))


def asserted_figures(store: Store, names: list[URIRef]) -> dict:
    """The summary's figures of the named (asserted) graphs: events per kind (the typed nodes
    an attestation attests, less delegations and position holdings), news articles,
    attestations and triples, each triple of several graphs counted once. Only the `rdf:type`
    and `dip:attests` triples are read as rdflib terms (by the engine's index); the triples are
    counted by the engine (a tenth of the CPU of reading 380,000 triples as rdflib terms at
    1,000 articles)."""
    attests = {(s, o) for name in names for s, _, o in store.triples(name, DIP.attests)}
    typed = {(s, o) for name in names for s, _, o in store.triples(name, RDF.type)}
    attested = {o for _, o in attests}
    kinds = Counter(
        o.split("#")[-1]
        for s, o in typed
        if isinstance(o, URIRef)
        and s in attested
        and o not in (DIP.Delegation, DIP.PositionHolding)
    )
    return {
        "articles": sum(1 for _, o in typed if o == DIP.NewsArticle),
        "triples_asserted": store.count(names),
        "events_per_kind": dict(sorted(kinds.items())),
        "events": sum(kinds.values()),
        "attestations": len({s for s, _ in attests}),
    }


def candidate_counts(
    store: Store, names: list[URIRef], roles: tuple[str, ...] | None
) -> dict[URIRef, int]:
    """The review candidates of each candidates graph named."""
    return {
        name: len(review_candidates(store.graph(name), store.graph(article_graph_iri(stem)), roles))
        for name in names
        for stem in [str(name).rsplit("/", 1)[-1]]
    }


def summarise(
    store: Store,
    report: ValidationReport,
    quarantined: tuple[Quarantined, ...] = (),
    roles: tuple[str, ...] | None = None,
    counts: dict[URIRef, int] | None = None,
) -> dict:
    """The figures of the one-screen summary: triples, articles, events per kind, validation,
    the quarantined articles; `roles`: the participant roles (default: the project's); `counts`:
    the review candidates of each candidates graph, when the caller has counted them
    (`candidate_counts`). The graphs are read as triples, not copied into rdflib graphs (which
    cost 15 CPU s and 400 MiB at 1,000 articles, the union's kept by the store to the end of
    the build)."""
    figures = asserted_figures(store, layer_graphs(store, "asserted"))
    in_effect = [n for n in layer_graphs(store, "asserted") if n.startswith(RULES_GRAPHS)]
    if counts is None:
        counts = candidate_counts(store, layer_graphs(store, "candidates"), roles)
    candidates = sum(counts.values())
    return {
        "rule_layer_articles": len(in_effect),
        "rule_layer_candidates": candidates,
        "articles": figures["articles"],
        "triples_asserted": figures["triples_asserted"],
        "triples_inferred": store.count([INFERRED_GRAPH]),
        "events_per_kind": figures["events_per_kind"],
        "events": figures["events"],
        "attestations": figures["attestations"],
        "conforms": report.conforms,
        "violations": len(report.rows),
        "quarantined": [item.summary() for item in quarantined],
    }


def build(
    root: Path | None = None,
    article_timeout: float | None = None,
    article_memory: int | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
) -> BuildResult:
    """Run every stage in memory: assemble, validate (setting aside the rule layers that break
    a shape), infer. `article_timeout`: seconds for each article's rule layer (default
    $DIPLOGRAPH_ARTICLE_TIMEOUT, else 60; 0 for none); `article_memory`: MiB it may add to the
    build (default $DIPLOGRAPH_ARTICLE_MEMORY, else 2048; 0 for none); `jobs`: processes that
    map the articles and validate them (default $DIPLOGRAPH_JOBS, else 1); `scheduler`: a
    Dask scheduler's address, or local:N, to map them on instead (parallel.py)."""
    root = root or paths.project_root()
    limit, memory = quarantine_limit(article_timeout), memory_limit(article_memory)
    lap("load")  # stage timing (timing.py): load, extract, merge, validate-*, infer, summarise
    inputs = input_digests(root)
    jobs = jobs_from(jobs)
    store, sources, quarantined = assemble(root, limit, memory, jobs, scheduler)
    give_back()  # the articles' graphs, freed: not inherited by the validation's workers
    progress.stage("validate")
    lap("merge")
    minted: dict = {}
    reconcile_entities(store, minted)
    ontology = load_ontology(root)
    store.add_graph(ONTOLOGY_GRAPH, ontology)  # for the QA checks; in no layer
    shapes = load_shapes(paths.ontology_dir(root) / SHAPES_FILE)
    lap("validate-rule-graphs")
    copies = GraphCopies(store)  # each graph read from the store once for the whole stage
    with store.sharing_terms():  # and each term converted once for all of them
        by_shape = check_rule_graphs(root, store, ontology, shapes, jobs, copies)
        quarantined += by_shape
        lap("validate")
        rounds: list = []
        rows, conflicting = _validate_kept(
            root, store, ontology, shapes, sources, jobs, copies, rounds
        )
    del copies  # copies of every asserted graph (tripletable.py)
    gc.collect()  # so freed now, for inference to reuse, not at the next full collection
    give_back()
    quarantined += conflicting
    report = ValidationReport(not rows, rows)
    progress.stage("infer")
    lap("infer")
    ledger = None
    if store.engine == "oxigraph":  # what an incremental build starts from (incremental/)
        asserted = layer_graphs(store, "asserted")
        dropped = entail_into(store, ontology, asserted, INFERRED_GRAPH)  # kept in the engine
        names = [item.graph_name for item in by_shape], [item.graph_name for item in conflicting]
        ledger = Ledger(minted, dropped, {}, *map(tuple, names))
        ledger.rounds = tuple(rounds)
        ledger.aside = {
            item.graph_name: list(item.graph)
            for item in (*by_shape, *conflicting)
            if item.graph is not None
        }
    else:
        store.add_graph(INFERRED_GRAPH, closure(store, ontology, layer_graphs(store, "asserted")))
    store.add_graph(WIKIDATA_GRAPH, load_enrichment(root))
    give_back()  # the inference's workspace
    lap("summarise")
    aside = tuple(sorted(quarantined, key=lambda item: item.source))
    for item in aside:
        for problem in item.problems:
            log.warning("quarantined: %s", problem)
    roles = participant_roles(ontology_file(root))
    counts = candidate_counts(store, layer_graphs(store, "candidates"), roles)  # counted once
    summary = summarise(store, report, aside, roles, counts)
    if ledger is not None:
        ledger.candidates = counts
    lap(None)
    return BuildResult(store, report, summary, inputs, aside, ledger)


def write_build(result: BuildResult, out: Path, report_text: str, root: Path | None = None) -> None:
    """Write the build folder atomically (staging folder swapped into place, under a lock);
    refuse a folder a build did not make (buildfolder.check_build_folder)."""

    def fill(staging: Path) -> None:
        """Write the build's files into the staging folder."""
        progress.stage("write")
        lap("export")
        kept = layer_graphs(result.store, "all") + layer_graphs(result.store, "candidates")
        graph = staging / GRAPH_FILE
        layout: dict = {}
        digest = write_trig(result.store, kept, graph, layout, [INFERRED_GRAPH])
        (staging / MANIFEST_FILE).write_bytes(manifest_bytes(result.inputs, digest))
        write_stamps(staging, GRAPH_FILE, root or paths.project_root(), result.inputs)
        summary = json.dumps(result.summary, indent=2, sort_keys=True) + "\n"
        (staging / "summary.json").write_text(summary, encoding="utf-8")
        (staging / "validation.txt").write_text(report_text, encoding="utf-8")
        write_quarantine(staging / FOLDER, list(result.quarantined))
        give_back()  # what the stages before freed, under the bulk loader's buffers
        lap("store")
        write_store(staging / STORE_FOLDER, result.store, kept, graph)
        lap("answers")
        write_answers(staging, root)
        if result.ledger is not None:
            quarantined = tuple(bare(item) for item in result.quarantined)
            stamps = input_stamps(root or paths.project_root(), result.inputs)
            state = State(environment(), result.inputs, result.ledger, quarantined, layout, stamps)
            write_state(staging, state)
        lap(None)

    replace_folder(out, fill, root)


class _BuildModule(types.ModuleType):
    """This module, callable: importing `diplograph.build` makes the package attribute
    `diplograph.build` this module, where a notebook expects the function diplograph.api.build;
    calling the module calls it."""

    def __call__(self, root: Path | None = None, out: Path | None = None) -> object:
        """Build the project and open it (diplograph.api.build)."""
        from diplograph.api import build as build_and_open

        return build_and_open(root, out)


sys.modules[__name__].__class__ = _BuildModule
