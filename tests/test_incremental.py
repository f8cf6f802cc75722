"""The incremental build (issue 10): a build folder brought up to date with the articles that
were added, edited or removed gives the outputs of a full build of the same project, byte for
byte (graph.trig, summary.json, validation.txt, manifest.json, the quarantine files, the paged
answers, which the incremental build leaves to the first request of each query) and quad for
quad (the on-disk store's named graphs and the merged graphs `query` reads); a change outside
the articles builds in full; a run that fails leaves the earlier build as it was. The full build
(`--full`) is the oracle. Speed is measured by benchmarks/add_article.py, never here.

The five articles' project is built once per module (`first`) and each test starts from a copy
of it and of its build folder, with one cache folder for the module: the copies are of the same
files, so the build a test starts from is the one it made before, and the oracle of a test that
ends with the five articles as they were; the full build of the five and 000004, the oracle of
three tests, is made once too (`fourth_oracle`)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import BNode

from diplograph import cache
from diplograph.cli import cli
from diplograph.store import analysis_names, open_store

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402  (benchmarks/ is not a package)

FILES = ("graph.trig", "summary.json", "validation.txt", "manifest.json")
# Of the benchmark corpus (seed 1): 000314, 000465 and 000647 report one visit, the last with
# another last day; with the three, the build keeps 000314's rule layer and sets the other two
# aside (a conflict), so adding 000647 takes 000465's rule layer out too.
FIRST = ("000000", "000001", "000002", "000314", "000465")
CONFLICTING = "000647"


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """The benchmark corpus of 1,000 articles (seed 1), as benchmarks/add_article.py builds it."""
    folder = tmp_path_factory.mktemp("generated")
    corpus.write_corpus(1000, 1, folder)
    return folder / "seeds"


def _copy(generated: Path, seeds: Path, prefix: str) -> str:
    """Copy one generated article (text and metadata) into a project; its stem."""
    (text,) = generated.glob(f"{prefix}_*.txt")
    for path in (text, text.with_suffix(".meta.yaml")):
        shutil.copyfile(path, seeds / path.name)
    return text.stem


@pytest.fixture(scope="module")
def module_cache(tmp_path_factory, compiled_cache: Path) -> Iterator[Path]:
    """An on-disk cache folder of this module's own (DIPLOGRAPH_CACHE), shared by its builds:
    a copy of the run's compiled rules and gazetteer (conftest.compiled_cache), to which the
    first build adds the five articles' rule layers."""
    folder = Path(shutil.copytree(compiled_cache, tmp_path_factory.mktemp("module") / "cache"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(cache.ENV, str(folder))
        yield folder


@pytest.fixture(scope="module")
def first(tmp_path_factory, generated: Path, module_cache: Path) -> Path:
    """A folder holding project/, five generated articles with the rules copied (not linked)
    so a test may edit them, and out/, its build: made once for the module."""
    folder = tmp_path_factory.mktemp("first")
    root = folder / "project"
    corpus.link_project(root)
    rules = root / "mappings" / "rules"
    rules.unlink()
    shutil.copytree(ROOT / "mappings" / "rules", rules)
    (root / "seeds").mkdir()
    for prefix in FIRST:
        _copy(generated, root / "seeds", prefix)
    _build(root, folder / "out")
    return folder


@pytest.fixture
def project(tmp_path: Path, first: Path) -> Path:
    """A copy of the five articles' project, and in tmp_path/out a copy of its build (as
    `diplograph build` left it): what each test changes next."""
    shutil.copytree(first / "project", tmp_path / "project", symlinks=True)
    shutil.copytree(first / "out", tmp_path / "out", symlinks=True)
    return tmp_path / "project"


@pytest.fixture(scope="module")
def fourth_oracle(tmp_path_factory, first: Path, generated: Path) -> Path:
    """The full build (`--full`) of the five articles and 000004, made once for the tests that
    add 000004."""
    folder = tmp_path_factory.mktemp("fourth")
    shutil.copytree(first / "project", folder / "project", symlinks=True)
    _copy(generated, folder / "project" / "seeds", "000004")
    _build(folder / "project", folder / "oracle", "--full")
    return folder / "oracle"


def _build(root: Path, out: Path, *options: str) -> str:
    """`diplograph build` in process; its stderr (a build that fails fails the test)."""
    runner = CliRunner()
    result = runner.invoke(
        cli, ["--root", str(root), "build", "--out", str(out), "-j", "1", *options]
    )
    assert result.exit_code in (0, 4), result.output + result.stderr
    return result.stderr


def _quads(out: Path) -> dict[str, set]:
    """The store's quads by named graph (its own bookkeeping graphs left out), blank nodes
    alike (a parse names them anew)."""
    store = pyoxigraph.Store.read_only(str(out / "store"))
    found: dict[str, set] = {}
    for quad in store:
        graph = quad.graph_name.value
        if graph.startswith("urn:x-diplograph:store/"):
            continue
        terms = (quad.subject, quad.predicate, quad.object)
        found.setdefault(graph, set()).add(
            tuple("_" if isinstance(t, pyoxigraph.BlankNode) else t for t in terms)
        )
    return found


def _analysis(out: Path, inference: bool) -> set:
    """Every triple `query` sees, with and without inference (the store's merged graphs)."""
    store = open_store(out / "store")
    rows = store.query(
        "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", graphs=analysis_names(store, inference)
    )
    return {tuple("_" if isinstance(t, BNode) else t for t in row) for row in rows.rows}


def _state(out: Path):  # noqa: ANN202
    """The state a build left."""
    from diplograph.incremental.state import read_state

    return read_state(out)


def _ask_every_whole_list_query(out: Path) -> None:
    """Read the first page of every whole-list query as `query` does: from the answers kept,
    else run now on the folder's store and kept (answerpages.answer_now)."""
    from diplograph.answerpages import answer_now, read_page, whole_list
    from diplograph.queries import load_queries

    for query in load_queries(ROOT / "queries"):
        if whole_list(query) and read_page(out, query, 1, 100) is None:
            answer_now(out, query)


def assert_same_build(out: Path, oracle: Path) -> None:
    """Two build folders hold the same build."""
    for name in FILES:
        assert (out / name).read_bytes() == (oracle / name).read_bytes(), name
    aside = sorted(p.name for p in (out / "quarantine").glob("*.ttl"))
    assert aside == sorted(p.name for p in (oracle / "quarantine").glob("*.ttl"))
    for name in aside:
        assert (out / "quarantine" / name).read_bytes() == (
            oracle / "quarantine" / name
        ).read_bytes()
    _ask_every_whole_list_query(out)  # an incremental build leaves them to the first request
    answers = sorted(p.name for p in (out / "answers").iterdir())
    assert answers == sorted(p.name for p in (oracle / "answers").iterdir())
    for name in answers:
        assert (out / "answers" / name).read_bytes() == (oracle / "answers" / name).read_bytes()
    assert _quads(out) == _quads(oracle)
    for inference in (True, False):
        assert _analysis(out, inference) == _analysis(oracle, inference)
    state, expected = _state(out), _state(oracle)
    assert state.layout == expected.layout
    assert state.ledger.minted == expected.ledger.minted
    assert set(state.ledger.dropped) == set(expected.ledger.dropped)
    assert state.ledger.candidates == expected.ledger.candidates
    assert (state.ledger.by_shape, state.ledger.by_conflict) == (
        expected.ledger.by_shape,
        expected.ledger.by_conflict,
    )
    assert state.ledger.rounds == expected.ledger.rounds  # the conflict loop's rows, round by round


def _added_and_compared(project: Path, tmp_path: Path, oracle: Path | None = None) -> str:
    """Build incrementally into out/ and compare with the full build `oracle` of the same
    articles (built into oracle/ when not given); the incremental run's stderr."""
    said = _build(project, tmp_path / "out")
    if "full build:" not in said:  # incremental: the answers are left to the first request
        assert not (tmp_path / "out" / "answers").exists()
    if oracle is None:
        oracle = tmp_path / "oracle"
        _build(project, oracle, "--full")
    assert_same_build(tmp_path / "out", oracle)
    return said


def test_an_added_article_is_built_by_parts_as_a_full_build_builds_it(
    project: Path, generated: Path, tmp_path: Path, fourth_oracle: Path
) -> None:
    _copy(generated, project / "seeds", "000004")
    said = _added_and_compared(project, tmp_path, fourth_oracle)
    assert "incremental build: 1 changed article(s) done again" in said


CHILD = """import sys
from diplograph.cli import cli
try:
    cli.main(sys.argv[1:], "diplograph", standalone_mode=False)
finally:
    print(sorted(m for m in ("spacy", "thinc", "numpy") if m in sys.modules))
"""


def test_an_added_article_whose_rule_layer_is_cached_imports_no_spacy(
    project: Path, generated: Path, tmp_path: Path, fourth_oracle: Path, module_cache: Path
) -> None:
    """The add of an article with metadata whose rule layer the article cache holds (the
    oracle's full build mapped it) neither loads the rule set nor imports spaCy, in a process
    of its own, and gives the full build's folder."""
    import os
    import subprocess

    _copy(generated, project / "seeds", "000004")
    command = ["--root", str(project), "build", "--out", str(tmp_path / "out"), "-j", "1"]
    env = {**os.environ, cache.ENV: str(module_cache)}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *command], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1] == "[]"
    assert "incremental build: 1 changed article(s) done again" in done.stderr
    assert_same_build(tmp_path / "out", fourth_oracle)


DATA_TABLE = 8 * 1024  # bytes: the tables of a store's small column families are about 1.5 KB


def _data_tables(folder: Path) -> list[str]:
    """The table files of an on-disk store that hold its data (none of the small column
    families' few-KB tables, which RocksDB merges, in a millisecond, once four stand in a
    level)."""
    return sorted(p.name for p in folder.glob("*.sst") if p.stat().st_size >= DATA_TABLE)


def _idle_changes(store: Path, copy: Path) -> bool:
    """Whether a checkpoint of an on-disk store, opened to write (as an incremental build opens
    its copy) and left alone for 2 s, has other data tables after: RocksDB compacted what it
    owed (a store written with its compaction switched off: four tables of 47 to 150 KB merged
    at every try). Four small tables merged (1.2 to 1.5 KB, seen once in five full runs of
    session 40, with the other worker busy) are no compaction owed."""
    import time

    pyoxigraph.Store.read_only(str(store)).backup(str(copy))
    before = _data_tables(copy)
    opened = pyoxigraph.Store(str(copy))
    time.sleep(2)  # the background compaction, if one is owed, runs now
    del opened
    return _data_tables(copy) != before


def test_the_store_a_build_writes_owes_no_compaction(first: Path, tmp_path: Path) -> None:
    """The store a build writes (built.write_store, here from the module's build) is left
    compacted: a process that opens it to write rewrites none of its files. On 0fa16ff this
    failed in 5 runs of 6: a five-article store owes so little that its compaction now and then
    ends before the build closes the store (at 3,000 articles it owes 10.7 CPU s)."""
    from diplograph.built import write_store
    from diplograph.store import layer_graphs, open_store

    source = open_store(first / "out" / "store")
    kept = layer_graphs(source, "all") + layer_graphs(source, "candidates")
    write_store(tmp_path / "written", source, kept, first / "out" / "graph.trig")
    assert not _idle_changes(tmp_path / "written", tmp_path / "copy")
    assert not _idle_changes(first / "out" / "store", tmp_path / "copy2")  # the build's own


def test_an_edited_and_a_removed_article(project: Path, tmp_path: Path) -> None:
    seeds = sorted((project / "seeds").glob("*.txt"))
    lines = seeds[1].read_text(encoding="utf-8").split("\n")
    seeds[1].write_text("\n".join(lines[:4] + lines[6:]), encoding="utf-8")  # a paragraph less
    seeds[2].unlink()
    seeds[2].with_suffix(".meta.yaml").unlink()
    said = _added_and_compared(project, tmp_path)
    assert "incremental build: 2 changed article(s) done again" in said


def test_an_article_that_conflicts_is_set_aside_as_in_a_full_build(
    project: Path, generated: Path, tmp_path: Path, first: Path
) -> None:
    stem = _copy(generated, project / "seeds", CONFLICTING)
    said = _added_and_compared(project, tmp_path)
    assert "incremental build" in said
    aside = [item.stem for item in _state(tmp_path / "out").quarantined]
    assert aside == ["000465_f27cffae261fc110", stem]
    # and taken back out: the rule layer set aside goes with it, the rest stays; the project is
    # the five articles' again, whose full build is the module's (`first`)
    for path in (project / "seeds").glob(f"{stem}.*"):
        path.unlink()
    said = _added_and_compared(project, tmp_path, first / "out")
    assert "incremental build: 1 changed article(s) done again" in said
    assert not (tmp_path / "out" / "quarantine").exists()


def test_a_changed_rule_file_builds_in_full(project: Path, tmp_path: Path) -> None:
    rule = sorted((project / "mappings" / "rules").glob("*.yaml"))[0]
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    said = _added_and_compared(project, tmp_path)
    assert f"full build: mappings/rules/{rule.name} changed" in said
    assert "incremental build" not in said


def test_full_builds_every_article_again(project: Path, tmp_path: Path) -> None:
    assert "incremental" not in _build(project, tmp_path / "out", "--full")
    assert "incremental build: 0 changed" in _build(project, tmp_path / "out")


def test_a_run_that_fails_leaves_the_earlier_build(
    project: Path, generated: Path, tmp_path: Path, monkeypatch
) -> None:
    from diplograph.incremental import run

    out = tmp_path / "out"
    before = {name: (out / name).read_bytes() for name in FILES}
    quads = _quads(out)
    _copy(generated, project / "seeds", "000004")

    def broken(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise OSError("disk full")

    monkeypatch.setattr(run, "splice_trig", broken)
    with pytest.raises(OSError, match="disk full"):
        run.incremental_build(project, out)
    assert {name: (out / name).read_bytes() for name in FILES} == before
    assert _quads(out) == quads
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out-")]  # no staging left


def test_the_inferred_graph_written_statement_by_statement_is_its_block(built) -> None:
    from diplograph.export import statement_block, trig_block
    from diplograph.iris import INFERRED_GRAPH
    from diplograph.turtle_text import TurtleText

    store = built.store
    block, prefixes, index = statement_block(
        INFERRED_GRAPH, store.triples(INFERRED_GRAPH), TurtleText()
    )
    used: dict = {}
    expected = trig_block(INFERRED_GRAPH, store.triples, store.graph, TurtleText(), set(), used)
    assert block == expected
    assert prefixes == used[INFERRED_GRAPH]
    body = block.encode("utf-8")[len(f"<{INFERRED_GRAPH}> {{\n") :]
    for subject, (_, at, size, _) in index.items():
        assert body[at : at + size].decode("utf-8").startswith(f"<{subject}>")


def test_inference_by_difference_gives_the_compiled_rules_closure(ontology) -> None:
    """Delete and re-derive against entail.entail_all run on each state: a place chain cut where
    another path still holds, a type kept by another triple, and new triples added."""
    from rdflib import RDF, URIRef

    from diplograph.entail import entail_all
    from diplograph.incremental.entailing import Facts, axioms, update_entailed
    from diplograph.namespaces import DIP, ID
    from diplograph.store import new_store

    def place(name: str) -> URIRef:
        return ID[f"city/{name}"]

    a, b, c, d, x, y = (place(n) for n in "abcdxy")
    event = ID["event/visit/2024-01-01/someone-a"]
    before = {
        (a, DIP.locatedIn, b),
        (b, DIP.locatedIn, c),
        (c, DIP.locatedIn, d),
        (a, DIP.locatedIn, x),
        (x, DIP.locatedIn, c),
        (a, DIP.locatedIn, y),  # a second path from a to c, kept
        (y, DIP.locatedIn, c),
        (event, RDF.type, DIP.Visit),
        (event, DIP.place, a),
    }
    after = (before - {(b, DIP.locatedIn, c), (x, DIP.locatedIn, c)}) | {
        (x, DIP.locatedIn, b),
        (d, DIP.locatedIn, place("e")),
    }

    def closure(triples: set) -> set:
        store = new_store()
        name = ID["graph/article/test"]
        store.add_graph(name, triples)
        return set(entail_all(store, ontology, [name]))

    nothing = lambda s, p, o: iter(())  # noqa: E731
    old_entailed = closure(before)
    change = update_entailed(
        axioms(ontology),
        before - after,
        after - before,
        Facts(nothing, before),
        Facts(nothing, after),
        Facts(nothing, old_entailed),
    )
    new_entailed = closure(after)
    assert (old_entailed - change.removed) | change.added == new_entailed
    assert (a, DIP.locatedIn, c) in old_entailed & new_entailed  # struck out, then put back
    assert (x, DIP.locatedIn, d) in old_entailed - new_entailed
    assert change.added.isdisjoint(old_entailed) and change.removed <= old_entailed


def test_a_fault_of_the_incremental_build_falls_back_to_the_full_build(
    project: Path, generated: Path, tmp_path: Path, fourth_oracle: Path, monkeypatch
) -> None:
    from diplograph.incremental import run

    _copy(generated, project / "seeds", "000004")

    def faulty(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise KeyError("a fault")

    monkeypatch.setattr(run, "_run", faulty)
    said = _added_and_compared(project, tmp_path, fourth_oracle)
    assert "full build: the incremental build failed (KeyError: 'a fault')" in said


def test_the_inferred_statements_are_ordered_as_a_sort_of_every_subject() -> None:
    """graph.trig's inferred statements by references then IRI: the earlier statements not
    touched kept in their order by runs and the touched ones (new, gone, counted again) merged
    in gives the order of a whole sort."""
    import random

    from diplograph.incremental.trigfile import _merged
    from diplograph.statementindex import index_of

    rng = random.Random(10)
    subjects = [f"urn:x:{n:04d}" for n in range(400)]
    keys = {s: rng.randrange(6) for s in subjects[:300]}
    order = sorted(keys, key=lambda s: (keys[s], s))
    earlier = index_of([(s, keys[s], 1, ()) for s in order])
    touched = set(rng.sample(subjects, 120))
    gone = {order.index(s) for s in touched if s in keys}
    entries = {s: r for s, r in keys.items() if s not in touched}
    moved = []
    for subject in sorted(touched):
        if rng.random() < 0.8:
            entries[subject] = rng.randrange(6)
            moved.append((entries[subject], subject, None, 1, ()))
    merged = []
    for item in _merged(earlier, order, gone, sorted(moved, key=lambda e: e[:2])):
        merged += order[item[0] : item[1]] if len(item) == 2 else [item[1]]
    assert merged == sorted(entries, key=lambda s: (entries[s], s))
    assert len(merged) == 315  # 300 earlier; of the 120 touched, 27 new and 12 gone
