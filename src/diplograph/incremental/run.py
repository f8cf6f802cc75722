"""Incremental build, the run: brings a build folder up to date with the articles that changed,
doing again only those articles and what they touch across articles; the outputs are those a
full build (build.build and build.write_build, the oracle) writes for the same project.

Reads the build folder (its state, on-disk store, graph.trig and quarantine files) and the changed
articles; writes a new build folder in a staging folder swapped into place (buildfolder.py), so a
run that fails leaves the earlier build as it was. The stages, as a full build runs them:
the changed articles are read and mapped (their rule layers from the article cache when kept);
entities several rule graphs mint are reconciled for the graphs that mint them (reconcile.py);
the changed rule graphs are validated alone; the store (a checkpoint of the earlier one: its
files hard-linked) gets the changed graphs, and the rule graphs an earlier conflict set aside
back, since a full build starts with them; then the conflict loop of build._validate_kept runs on
the rows about the nodes the changes touch (SHACL: affected.py; the QA checks: checking.py); the
inferred graph is brought up to date by the difference (entailing.py), then the summary
(figures.py), graph.trig
(trigfile.py), the quarantine files and the state. The paged answers of the whole-list queries
are not written: the first request of each runs it on this folder's store and keeps its answer
(answerpages.answer_now). Anything this cannot do exactly raises FullBuildNeeded before the
swap, and the caller builds in full.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import logging
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, URIRef

from diplograph import paths, progress
from diplograph.build import (
    SHAPES_FILE,
    BuildResult,
    _add_article,
    _article_source,
    _problem,
    _rule_layer,
    _source,
    _warm_up,
    candidate_counts,
    extract_triples,
    has_rules,
)
from diplograph.buildfolder import replace_folder
from diplograph.built import GRAPH_FILE, STORE_FOLDER, load_ontology
from diplograph.gold import gold_path
from diplograph.incremental.affected import affected_nodes, alone_focus, rows_about, set_aside
from diplograph.incremental.changes import FullBuildNeeded, changed_articles
from diplograph.incremental.checking import check_rows_about
from diplograph.incremental.entailing import Facts, axioms, update_entailed
from diplograph.incremental.figures import asserted_figures
from diplograph.incremental.stamps import input_stamps
from diplograph.incremental.state import (
    Ledger,
    State,
    bare,
    environment,
    read_state,
    write_state,
)
from diplograph.incremental.trigfile import splice_trig
from diplograph.iris import (
    ARTICLE_GRAPHS,
    CANDIDATES_GRAPHS,
    ENTITIES_GRAPH,
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    RULES_GRAPHS,
    article_graph_iri,
    candidates_graph_iri,
    rules_graph_iri,
)
from diplograph.manifest import MANIFEST_FILE, manifest_bytes, write_stamps
from diplograph.parallel import Plan, jobs_from, map_articles
from diplograph.quality.evaluate import participant_roles
from diplograph.quarantine import (
    FOLDER,
    Quarantined,
    describe,
    format_quarantined,
    shape_problems,
    write_quarantine,
)
from diplograph.quarantine import article_memory as memory_limit
from diplograph.quarantine import article_timeout as quarantine_limit
from diplograph.reconcile import agreement, minted_entities
from diplograph.seeds import Article, load_article, meta_path
from diplograph.store import OxigraphStore, engine_name, layer_graphs, new_store, open_store
from diplograph.store.delta import matcher, union_matcher, update_graphs
from diplograph.timing import lap
from diplograph.tripletable import TripleTable
from diplograph.validate import ReportRow, ValidationReport, format_report, load_shapes
from diplograph.validate_articles import _text as node_text
from diplograph.validate_articles import inverse_predicates
from diplograph.vocabulary import ontology_file
from diplograph.wikidata import WIKIDATA_GRAPH

log = logging.getLogger(__name__)

Triple = tuple
LABELLING = ("http://www.w3.org/2000/01/rdf-schema#label",)


@dataclass
class Work:
    """What one incremental run carries from stage to stage."""

    root: Path
    out: Path
    state: State
    store: OxigraphStore
    ontology: Graph
    shapes: Graph
    before: dict[URIRef, set] = field(default_factory=dict)  # graph -> content in the old build
    after: dict[URIRef, set] = field(default_factory=dict)  # graph -> content now (set aside: {})
    quarantined: list[Quarantined] = field(default_factory=list)
    by_shape: set[URIRef] = field(default_factory=set)
    by_conflict: set[URIRef] = field(default_factory=set)
    minted: dict = field(default_factory=dict)
    aside: dict[URIRef, list] = field(default_factory=dict)  # set-aside rule graphs' triples
    carried: set[int] = field(default_factory=set)  # ids of quarantine records kept as they were
    dropped: set = field(default_factory=set)  # entailed triples the inferred graph leaves out
    candidates: dict[URIRef, int] = field(default_factory=dict)
    rounds: list = field(default_factory=list)  # the conflict loop's rows and graphs set aside


def incremental_build(
    root: Path,
    out: Path,
    article_timeout: float | None = None,
    article_memory: int | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
) -> BuildResult:
    """Bring the build folder `out` up to date with the project by parts, writing it atomically;
    FullBuildNeeded (nothing written) when it cannot be done exactly so."""
    if engine_name() != "oxigraph":
        raise FullBuildNeeded("the rdflib engine keeps no store to start from")
    if not (out / STORE_FOLDER).is_dir() or not (out / GRAPH_FILE).is_file():
        raise FullBuildNeeded("the build folder holds no build")
    lap("load")
    state = read_state(out)
    changes = changed_articles(root, state)
    result: list[BuildResult] = []

    def fill(staging: Path) -> None:
        """Make the new build in the staging folder."""
        result.append(
            _run(
                root, out, staging, state, changes, article_timeout, article_memory, jobs, scheduler
            )
        )

    replace_folder(out, fill, root)
    lap(None)
    return dataclasses.replace(result[0], store=open_store(out / STORE_FOLDER))


def _run(root, out, staging, state, changes, timeout, memory, jobs, scheduler) -> BuildResult:  # noqa: ANN001, PLR0913
    """The stages of one run, in the staging folder."""
    old = OxigraphStore(out / STORE_FOLDER, read_only=True)
    old._store.backup(str(staging / STORE_FOLDER))  # hard links to the earlier store's files
    del old
    store = OxigraphStore(staging / STORE_FOLDER)
    names = set(store.graph_iris())
    if WIKIDATA_GRAPH in names:
        raise FullBuildNeeded("the build holds Wikidata facts")
    work = Work(
        root,
        out,
        state,
        store,
        load_ontology(root),
        load_shapes(paths.ontology_dir(root) / SHAPES_FILE),
    )
    work.by_shape = set(state.ledger.by_shape)
    work.by_conflict = set(state.ledger.by_conflict)
    work.minted = {node: dict(by) for node, by in state.ledger.minted.items()}
    raw = _map(
        work,
        changes.stems,
        quarantine_limit(timeout),
        memory_limit(memory),
        jobs_from(jobs),
        scheduler,
    )
    progress.stage("validate")
    lap("merge")
    contents = _reconcile(work, raw)
    lap("validate-rule-graphs")
    _check_alone(work, contents)
    _start(work, contents)
    lap("validate")
    _conflict_loop(work, {n for n in contents})
    progress.stage("infer")
    lap("infer")
    figures, inferred = _infer(work)
    lap("summarise")
    aside = tuple(sorted(work.quarantined, key=lambda item: item.source))
    for item in aside:
        for problem in item.problems:
            log.warning("quarantined: %s", problem)
    summary = _summary(work, figures, inferred, aside)
    report = ValidationReport(True, ())
    progress.stage("write")
    lap("export")
    kept = layer_graphs(store, "all") + layer_graphs(store, "candidates")
    changed = {n for n in work.after if work.after[n] != work.before.get(n, set())}
    if inferred[0] or inferred[1]:
        changed.add(INFERRED_GRAPH)
    gone, came = inferred
    nodes = {t[0] for t in (*gone, *came)} | {t[2] for t in (*gone, *came) if _node(t[2])}
    counted = Counter(t[2] for t in came)
    counted.subtract(t[2] for t in gone)
    subjects = {t[0] for t in (*gone, *came)}
    touched = {INFERRED_GRAPH: (nodes, matcher(store, {str(INFERRED_GRAPH)}), counted, subjects)}
    digest, layout = splice_trig(
        store, kept, changed, out / GRAPH_FILE, state.layout, staging / GRAPH_FILE, touched
    )
    (staging / MANIFEST_FILE).write_bytes(manifest_bytes(changes.inputs, digest))
    write_stamps(staging, GRAPH_FILE, work.root, changes.inputs)
    text = json.dumps(summary, indent=2, sort_keys=True) + "\n"
    (staging / "summary.json").write_text(text, encoding="utf-8")
    report_text = format_report(report) + format_quarantined(aside) + "\n"
    (staging / "validation.txt").write_text(report_text, encoding="utf-8")
    _write_quarantine(work, staging, aside)
    lap("store")
    store.flush()  # no answers/: the first request of each whole-list query runs and keeps it
    ledger = Ledger(
        work.minted,
        sorted(work.dropped, key=str),
        work.candidates,
        tuple(sorted(work.by_shape)),
        tuple(sorted(work.by_conflict)),
        {name: work.aside[name] for name in sorted(work.by_shape | work.by_conflict)},
        tuple(work.rounds),
    )
    stamps = input_stamps(root, changes.inputs)
    state = State(
        environment(), changes.inputs, ledger, tuple(bare(i) for i in aside), layout, stamps
    )
    write_state(staging, state)
    del work.store, store  # closed before the swap: RocksDB writes by the path it was opened at
    gc.collect()
    return BuildResult(None, report, summary, changes.inputs, aside, ledger, True, changes.stems)


def _node(term: object) -> bool:
    """Whether a term is a node (an IRI or a blank node), not a literal."""
    return isinstance(term, URIRef | BNode)


class _Raw:
    """One changed article as mapped now: its graph and its rule layer, before reconciling."""

    def __init__(self, graph: set, rules: URIRef | None, triples: list | None) -> None:
        self.graph, self.rules, self.triples = graph, rules, triples


def _map(work: Work, stems, limit, memory, jobs, scheduler) -> dict[str, _Raw | None]:  # noqa: ANN001
    """Read and map the changed articles (None: removed or unreadable), as build.assemble does.
    The rule set (and spaCy with it) is loaded only when an article needs it: a plain text's
    boilerplate and date marker, or a rule layer not in the article cache."""
    from diplograph.seeds import _usable

    root = work.root
    layer = _LazyLayer(root) if has_rules(root) else None
    articles, raw = [], {}
    for stem in stems:
        path = paths.seeds_dir(root) / f"{stem}.txt"
        gold = gold_path(paths.mappings_dir(root), stem)
        raw[stem] = None
        try:
            usable = path.exists() and _usable(path)
            if not usable:
                if gold.is_file():
                    raise FullBuildNeeded(f"{gold}: a hand mapping without its article", quiet=True)
                continue
            article = _read_article(path, layer)
        except FullBuildNeeded:
            raise
        except Exception as exc:
            if gold.is_file():
                raise FullBuildNeeded(f"{path}: unreadable, and hand-mapped", quiet=True) from exc
            problem = _problem(root, path, exc)
            work.quarantined.append(Quarantined(stem, _source(root, path), (problem,)))
            continue
        articles.append(article)
    lap("extract")
    found: list = [(None, None)] * len(articles)
    if layer is not None and articles:
        found = map_articles(root, articles, lambda: layer.plan(limit, memory, jobs, scheduler))
    scratch, sources = new_store(), {}
    for article, outcome in zip(articles, found, strict=True):
        try:
            _add_article(root, scratch, sources, work.quarantined, article, outcome)
        except Exception as exc:  # a hand mapping that cannot be read: the full build says why
            raise FullBuildNeeded(f"{article.path}: {exc}", quiet=True) from exc
        stem = article.stem
        graph = set(scratch.triples(article_graph_iri(stem)))
        name = next(
            (
                n
                for n in (rules_graph_iri(stem), candidates_graph_iri(stem))
                if n in scratch.graph_names()
            ),
            None,
        )
        raw[stem] = _Raw(graph, name, None if name is None else list(scratch.triples(name)))
    return raw


class _LazyLayer:
    """A project's compiled rule layer (rules, gazetteer), loaded on first use."""

    def __init__(self, root: Path) -> None:
        self.root, self._layer = root, None

    def get(self) -> tuple:
        """The rule set and the gazetteer, loaded once."""
        if self._layer is None:
            self._layer = _rule_layer(self.root, None)
        return self._layer

    def plan(self, limit, memory, jobs, scheduler) -> Plan:  # noqa: ANN001
        """How to map the articles the article cache does not hold (parallel.Plan)."""
        layer = self.get()
        run = lambda article: extract_triples(article, *layer)  # noqa: E731
        return Plan(run, lambda: _warm_up(layer), limit, memory, jobs, scheduler, layer)


def _read_article(path: Path, layer: _LazyLayer | None) -> Article:
    """An article to map, as extract.clean.input_article reads it; its rule set is loaded only
    for a plain text (one with metadata is read without it)."""
    if layer is None or meta_path(path).is_file():
        return load_article(path)
    from diplograph.extract.clean import input_article

    return input_article(path, None, layer.get()[0])


def _rule_names(stem: str) -> tuple[URIRef, URIRef]:
    """The two names an article's rule layer may have."""
    return rules_graph_iri(stem), candidates_graph_iri(stem)


def _reconcile(work: Work, raw: dict[str, _Raw | None]) -> dict[URIRef, set]:
    """The content every changed graph has now: the changed articles' graphs, their rule graphs
    reconciled, and the other rule graphs whose reconciled description of an entity changes
    (reconcile.reconcile_entities, for the entities the changed rule graphs mint)."""
    from rdflib import RDFS

    from diplograph.namespaces import DIP
    from diplograph.reconcile import described_alike

    touched = {name for stem in raw for name in _rule_names(stem)}
    old = work.minted
    new = {node: dict(by) for node, by in old.items()}
    nodes = set()
    for node, by in old.items():
        if touched.intersection(by):
            nodes.add(node)
            for name in touched.intersection(by):
                del new[node][name]
    for item in raw.values():
        if item is not None and item.rules is not None:
            for node, description in minted_entities(item.triples).items():
                new.setdefault(node, {})[item.rules] = description
                nodes.add(node)
    new = {node: by for node, by in new.items() if by}
    contents: dict[URIRef, set] = {}
    for stem, item in raw.items():
        contents[article_graph_iri(stem)] = set() if item is None else item.graph
        for name in _rule_names(stem):
            contents[name] = set()
        if item is not None and item.rules is not None:
            agreed = {}
            for node in minted_entities(item.triples):
                found = agreement(new[node])
                if found is not None:
                    agreed[node] = found
            contents[item.rules] = set(described_alike(item.triples, agreed))
    patches: dict[URIRef, dict] = {}
    for node in nodes:
        was, now = old.get(node, {}), new.get(node, {})
        was_agreed = agreement(was) if was else None
        now_agreed = agreement(now) if now else None
        for name, own in now.items():
            if name not in touched and (was_agreed or was[name]) != (now_agreed or own):
                patches.setdefault(name, {})[node] = now_agreed or own
    for name, described in patches.items():
        triples = _current(work, name)
        kept = {
            t for t in triples if not (t[1] in (RDFS.label, DIP.confidence) and t[0] in described)
        }
        for node, (labels, confidences) in described.items():
            kept |= {(node, DIP.confidence, c) for c in confidences}
            kept |= {(node, RDFS.label, label) for label in labels}
        contents[name] = kept
    work.minted = new
    return contents


def _current(work: Work, name: URIRef) -> set:
    """A rule graph as the earlier build left it (in the store, or set aside)."""
    if name in work.state.ledger.aside:
        return set(work.state.ledger.aside[name])
    return set(work.store.triples(name))


def _check_alone(work: Work, contents: dict[URIRef, set]) -> None:
    """Validate each changed rule graph alone with the entities it names (build.check_rule_graphs)
    and set aside those that break a shape; carry over the other records of the earlier build."""
    rechecked = {name for name in contents if _is_rule_graph(name)}
    stems = {str(n).rsplit("/", 1)[-1] for n in contents if str(n).startswith(ARTICLE_GRAPHS)}
    for item in work.state.quarantined:
        if item.stem in stems or item.graph_name in rechecked:
            continue
        if item.graph_name in work.by_conflict:
            continue  # the conflict loop decides again, as a full build does
        work.quarantined.append(item)
        work.carried.add(id(item))
    work.by_shape -= rechecked
    work.by_conflict -= rechecked
    work.aside = {n: t for n, t in work.state.ledger.aside.items() if n not in rechecked}
    todo = sorted(name for name in rechecked if contents[name])
    if not todo:
        return
    entities = TripleTable(work.store.triples(ENTITIES_GRAPH))
    for name in todo:
        graph = TripleTable(contents[name])
        stem, source = _article_source(work.root, name)
        problems = shape_problems(graph, entities, work.ontology, work.shapes, source)
        if problems:
            content = contents[name]
            work.quarantined.append(
                Quarantined(stem, source, tuple(sorted(set(problems))), name, _graph(content))
            )
            work.by_shape.add(name)
            work.aside[name] = list(content)
            contents[name] = set()


def _is_rule_graph(name: URIRef) -> bool:
    """Whether a graph is a rule layer (in effect or candidates)."""
    return str(name).startswith((str(RULES_GRAPHS), str(CANDIDATES_GRAPHS)))


def _graph(triples) -> Graph:  # noqa: ANN001
    """Triples as an rdflib graph."""
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def _start(work: Work, contents: dict[URIRef, set]) -> None:
    """Give the store the graphs a full build's conflict loop starts from: the changed graphs
    as they are now, and the rule graphs an earlier conflict set aside back in."""
    wanted = dict(contents)
    for name in sorted(work.by_conflict):
        if name not in wanted:
            wanted[name] = set(work.aside.pop(name))
    work.by_conflict = set()
    changes = {}
    for name, content in wanted.items():
        before = set(work.store.triples(name))
        work.before[name] = before
        work.after[name] = content
        if before != content:
            changes[name] = (before - content, content - before)
    update_graphs(work.store, changes)


def _asserted(work: Work) -> list[URIRef]:
    """The asserted graphs of the store now."""
    return layer_graphs(work.store, "asserted")


def _differences(work: Work, layer: str = "asserted") -> dict[URIRef, tuple[set, set]]:
    """The graphs of a layer whose content differs from the earlier build's: before, after."""
    from diplograph.store import layer_of

    return {
        name: (work.before.get(name, set()), after)
        for name, after in work.after.items()
        if layer_of(name) == layer and work.before.get(name, set()) != after
    }


def _conflict_loop(work: Work, edited: set[URIRef]) -> None:
    """build._validate_kept on the rows the changes can alter: set aside the rule graphs that
    conflict with another graph until no row is left (a row of the hand layer: full build).

    While this run sets aside the graphs the earlier build set aside in the same rounds, a
    round's rows are that build's rows of the round (its state keeps them) less those about
    the nodes the edited graphs touch, and the rows about those nodes; once it sets aside
    others, a round's rows are the last round's less those about the nodes the graphs set aside
    touch, and the rows about those. (Without the earlier rounds: the rows about the nodes the
    change from the earlier build's union touches, which gave none.) Rows about a node depend
    on its description and its neighbours' types only (affected.py), the QA checks' on what
    their header says (checking.py)."""
    checks = paths.ontology_dir(work.root) / "checks"
    inverse = inverse_predicates(work.shapes)
    alone: list[set[str]] = []

    def alone_rows() -> set[str]:
        if not alone:
            alone.append(alone_focus(work.shapes, work.ontology))
        return alone[0]

    earlier = list(work.state.ledger.rounds)
    following = bool(earlier)  # this run's rounds set aside what the earlier build's did
    since: set | None = None  # the union's change since the last round
    rows: list = []
    asked: tuple[set, list] = (set(), [])  # the last round's nodes asked about, and their rows
    while True:
        names = _asserted(work)
        asserted = {str(n) for n in names}
        match = union_matcher(work.store, asserted)
        if following:
            change, base = _edit_change(work, edited, earlier), list(earlier[len(work.rounds)][0])
        elif since is not None:
            change, base = since, rows
        else:  # from the earlier build's final union, which gave no row
            removed, added, *_ = _union_change(work)
            change, base = removed | added, []
        nodes = affected_nodes(change, inverse, match)
        again = {node_text(n) for n in nodes}
        rows = [row for row in base if not _is_check(row) and row.focus not in again]
        moved = set() if since is None else affected_nodes(since, inverse, match)
        asked = _asked(work, nodes, match, alone_rows, asked, moved)
        rows += asked[1]
        terms = {t for triple in change for t in triple if _node(t)}
        checked = [row for row in base if _is_check(row)]
        rows += check_rows_about(work.store, [*names, ONTOLOGY_GRAPH], checks, terms, checked)
        rows = sorted(set(rows))
        rules = {n for n in asserted if n.startswith(str(RULES_GRAPHS))}
        hand = (asserted - rules) | {str(n) for n in layer_graphs(work.store, "candidates")}
        culprits = set_aside(rows, work.store, rules, hand)
        step = len(work.rounds)
        work.rounds.append((tuple(rows), tuple(sorted(culprits))))
        if not culprits:
            if rows:
                raise FullBuildNeeded(
                    "the graph does not conform: the full build reports it", quiet=True
                )
            return
        following = following and set(culprits) == set(earlier[step][1])
        left: set = set()
        removal: dict[URIRef, tuple[set, set]] = {}
        for name, problems in sorted(culprits.items()):
            content = set(work.store.triples(name))
            left |= content
            work.before.setdefault(name, content)
            graph = _graph(content)
            _, source = _article_source(work.root, name)
            lines = []
            for row, other in problems:
                beside = f"{_article_source(work.root, other)[1]}'s rule layer" if other else None
                lines.append(f"{describe(row, graph, source)} (with {beside or 'the hand layer'})")
            stem = str(name).rsplit("/", 1)[-1]
            work.quarantined.append(
                Quarantined(stem, source, tuple(sorted(set(lines))), name, graph)
            )
            work.by_conflict.add(name)
            work.aside[name] = list(content)
            work.after[name] = set()
            removal[name] = (content, set())
        update_graphs(work.store, removal)
        kept = union_matcher(work.store, {str(n) for n in _asserted(work)})
        since = {t for t in left if next(kept(*t), None) is None}


def _asked(  # noqa: PLR0913
    work: Work,
    nodes: set,
    match: Callable,
    alone: Callable[[], set[str]],
    last: tuple[set, list],
    moved: set,
) -> tuple[set, list]:
    """The SHACL rows about `nodes` in this round's union: those of the last round about the
    nodes it asked about too and that the union's change since (which touches `moved`) cannot
    alter (affected.py: a node's rows depend on its description and its neighbours' types),
    the others asked again; the nodes and their rows."""
    kept = (nodes & last[0]) - moved
    texts = {node_text(n) for n in kept}
    rows = [row for row in last[1] if row.focus in texts]
    if nodes - kept:
        rows += rows_about(nodes - kept, match, work.shapes, work.ontology, alone)
    return nodes, rows


def _is_check(row: ReportRow) -> bool:
    """Whether a row is a QA check's (not a shape's)."""
    return row.component.startswith("qa:")


def _edit_change(work: Work, edited: set[URIRef], earlier: list) -> set:
    """The triples by which the asserted union of this round differs from the earlier build's
    union of the same round (both having set aside the same graphs so far): those of the edited
    graphs, as they are now and as they were then, that no other graph holds."""
    from diplograph.store import layer_of

    ledger, step = work.state.ledger, len(work.rounds)
    gone = {name for _, culprits in earlier[:step] for name in culprits}
    was, now = set(), set()
    for name in edited:
        if layer_of(name) != "asserted":
            continue
        if name in ledger.by_conflict and name not in gone:
            was |= set(ledger.aside[name])
        elif name not in ledger.by_shape and name not in gone:
            was |= work.before.get(name, set())
        if name not in work.by_conflict:
            now |= work.after.get(name, set())
    others = {str(n) for n in _asserted(work)} - {str(n) for n in edited}
    base = union_matcher(work.store, others, now)
    return {t for t in was ^ now if next(base(*t), None) is None}


def _union_change(work: Work) -> tuple[set, set, Callable, set, set]:
    """The triples the asserted union lost and gained since the earlier build; a pattern over
    the asserted graphs that did not change; the triples of those that did, before and after."""
    differences = _differences(work)
    asserted = {str(n) for n in _asserted(work)} - {str(n) for n in differences}
    before = set().union(*(b for b, _ in differences.values()))
    after = set().union(*(a for _, a in differences.values()))
    base = union_matcher(work.store, asserted, after)
    absent = lambda t: next(base(*t), None) is None  # noqa: E731
    removed = {t for t in before - after if absent(t)}
    added = {t for t in after - before if absent(t)}
    return removed, added, base, before, after


def _infer(work: Work) -> tuple[dict, tuple[list, list]]:
    """Bring the inferred graph up to date (entailing.py); the asserted figures of the summary
    and the inferred triples removed and added."""
    from diplograph.entail import kept

    removed, added, base, before, after = _union_change(work)
    old_asserted, new_asserted = Facts(base, before), Facts(base, after)
    work.dropped = set(work.state.ledger.dropped)
    old_entailed = Facts(matcher(work.store, {str(INFERRED_GRAPH)}), work.dropped)
    change = update_entailed(
        axioms(work.ontology), removed, added, old_asserted, new_asserted, old_entailed
    )
    gone = set(kept(change.removed, work.ontology))
    came = kept(change.added, work.ontology)
    work.dropped = (work.dropped - (change.removed - gone)) | (change.added - set(came))
    if gone or came:
        update_graphs(work.store, {INFERRED_GRAPH: (gone, came)})
    summary = json.loads((work.out / "summary.json").read_text(encoding="utf-8"))
    figures = asserted_figures(summary, removed, added, old_asserted, new_asserted)
    figures["triples_inferred"] = summary["triples_inferred"] + len(came) - len(gone)
    return figures, (sorted(gone, key=str), came)


def _summary(work: Work, figures: dict, inferred: tuple, aside: tuple) -> dict:
    """The summary's figures (build.summarise)."""
    names = layer_graphs(work.store, "candidates")
    work.candidates = {n: c for n, c in work.state.ledger.candidates.items() if n in names}
    recount = [
        n for n in names if n in _differences(work, "candidates") or n not in work.candidates
    ]
    if recount:
        roles = participant_roles(ontology_file(work.root))
        work.candidates.update(candidate_counts(work.store, recount, roles))
    in_effect = [n for n in _asserted(work) if str(n).startswith(str(RULES_GRAPHS))]
    return {
        "rule_layer_articles": len(in_effect),
        "rule_layer_candidates": sum(work.candidates.values()),
        "articles": figures["articles"],
        "triples_asserted": figures["triples_asserted"],
        "triples_inferred": figures["triples_inferred"],
        "events_per_kind": figures["events_per_kind"],
        "events": figures["events"],
        "attestations": figures["attestations"],
        "conforms": True,
        "violations": 0,
        "quarantined": [item.summary() for item in aside],
    }


def _write_quarantine(work: Work, staging: Path, aside: tuple) -> None:
    """The quarantine files: those of records kept as they were, or made again the same (the
    same problems and graph), copied; the others written."""
    same = {id(item) for item in aside if id(item) in work.carried or _as_before(work, item)}
    fresh = [item for item in aside if id(item) not in same]
    write_quarantine(staging / FOLDER, fresh)
    for item in aside:
        if id(item) in same:
            (staging / FOLDER).mkdir(exist_ok=True)
            name = f"{item.stem}.ttl"
            shutil.copyfile(work.out / FOLDER / name, staging / FOLDER / name)


def _as_before(work: Work, item: Quarantined) -> bool:
    """Whether a record set aside again is the earlier build's, file and all."""
    name = item.graph_name
    if name is None or not (work.out / FOLDER / f"{item.stem}.ttl").is_file():
        return False
    key = (item.stem, item.source, item.problems, name)
    if key not in {(q.stem, q.source, q.problems, q.graph_name) for q in work.state.quarantined}:
        return False
    earlier = work.state.ledger.aside.get(name)
    return earlier is not None and set(earlier) == set(work.aside.get(name, ()))
