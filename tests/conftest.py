"""Shared fixtures: the project root, one in-memory build of the seeds, its build folder, the
rule layer.

A build of the seeds takes about ten seconds of CPU; a test that needs one reads the session's
(`built`, `seeds_out`) or writes it where the test wants it (`write_seeds_build`) rather than
building again. Only a test whose project differs from the seeds, or that tests the build
itself, builds."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph

from diplograph import cache
from diplograph.build import BuildResult, build, write_build
from diplograph.extract.workspace import rule_layer
from diplograph.quarantine import format_quarantined
from diplograph.validate import ValidationReport, format_report, load_shapes, validate

ROOT = Path(__file__).resolve().parents[1]

# Fixture plugins (`pytest_plugins` in the tests that use them) hold no doctests: collected as
# doctest modules they would be imported before the tests register them, and their fixtures
# would go missing ("fixture 'empty_server' not found" in a whole-suite run).
collect_ignore = ["store_fixtures.py", "virtuoso_fixtures.py", "wikidata_fixtures.py"]


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root, which holds ontology/, seeds/, mappings/ and queries/."""
    return ROOT


@pytest.fixture(scope="session")
def built() -> BuildResult:
    """The graph built from the seeds, once per test session."""
    return build(ROOT)


@pytest.fixture(scope="session")
def write_seeds_build(built) -> Callable[[Path, Path], None]:
    """A function that writes the seeds' build folder to OUT as `diplograph --root ROOT build
    --out OUT` writes it after building (its lock beside OUT), from the session's build: for a
    project whose inputs are the seeds' as they are."""

    def write(out: Path, root: Path) -> None:
        """Write the session's build of the seeds into `out`, for the project at `root`."""
        report = format_report(built.report) + format_quarantined(built.quarantined)
        write_build(built, out, report + "\n", root)

    return write


@pytest.fixture(scope="session")
def seeds_out(write_seeds_build, tmp_path_factory) -> Path:
    """The seeds' build folder, written once per session: read it (`--out`), never change it;
    a test that changes a build folder copies it (shutil.copytree) or writes its own."""
    out = tmp_path_factory.mktemp("seeds-build") / "out"
    write_seeds_build(out, ROOT)
    return out


def made_once(folder: Path, make: Callable[[Path], None]) -> Path:
    """FOLDER, made by `make(FOLDER)` unless a process of this run made it already: the first
    to take the lock beside it makes it, the others wait and read it. A failed `make` leaves no
    mark, so the next to ask tries again."""
    import fcntl

    done = folder.with_name(folder.name + ".done")
    with open(folder.with_name(folder.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            if folder.exists():
                shutil.rmtree(folder)
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def run_folder(tmp_path_factory) -> Path:
    """A folder of this test run that every pytest-xdist worker of it shares (the workers'
    temporary folders are made in the run's own); without xdist, the run's temporary folder."""
    import os

    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def generated_build(run_folder: Path) -> tuple[Path, Path]:
    """The project of 24 generated articles (benchmarks/corpus.py, seed 1) and its build
    folder, made by `diplograph build` once per test run (made_once): read them, never change
    them (copy them to change them). test_answerpages.py and test_query_rewrites.py read it."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import corpus  # benchmarks/ is not a package

    def make(folder: Path) -> None:
        """Write the corpus and build it."""
        from click.testing import CliRunner

        from diplograph.cli import cli

        project, out = folder / "project", folder / "out"
        corpus.write_corpus(24, 1, project)
        args = ["--root", str(project), "build", "--out", str(out), "-j", "1"]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code in (0, 4), result.output  # 4: an article quarantined, still built

    folder = made_once(run_folder / "generated-24-1", make)
    return folder / "project", folder / "out"


SHAPE_DATA = ROOT / "tests" / "data" / "shapes"


def shape_data(path: Path | None = None) -> Graph:
    """tests/data/shapes/base.ttl and one shape fixture (a path), as one graph."""
    graph = Graph().parse(SHAPE_DATA / "base.ttl")
    if path is not None:
        graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="session")
def shape_report(run_folder: Path) -> Callable[[Path, str], ValidationReport]:
    """A function giving the report of `validate(shape_data(path), ontology, shapes)` with
    the validator named (`shacl` or `pyshacl`, as $DIPLOGRAPH_VALIDATOR names it): both
    validators' reports of a shape fixture are made once per test run (made_once), on one
    graph (blank nodes keep their labels across the two), and shared by test_validate.py,
    test_validate_articles.py and test_shaclgate.py; pySHACL on the ~155 fixtures was about a
    fifth of the suite's CPU when each of them validated each fixture again."""
    import pickle

    from diplograph.shaclgate import VALIDATOR_VARIABLE, VALIDATORS

    ontology_graph = Graph().parse(ROOT / "ontology" / "diplo.ttl")
    shapes_graph = load_shapes(ROOT / "ontology" / "diplo-shapes.ttl")
    folder = run_folder / "shape-reports"
    folder.mkdir(exist_ok=True)
    read: dict[Path, dict[str, ValidationReport]] = {}

    def reports_of(fixture: Path) -> Callable[[Path], None]:
        """What makes the fixture's folder of reports."""

        def make(out: Path) -> None:
            """Validate the fixture with each validator (pySHACL first); pickle the reports."""
            data, reports = shape_data(fixture), {}
            with pytest.MonkeyPatch.context() as patch:
                for name in sorted(VALIDATORS, reverse=True):  # pyshacl, then shacl
                    patch.setenv(VALIDATOR_VARIABLE, name)
                    reports[name] = validate(data, ontology_graph, shapes_graph)
            out.mkdir()
            (out / "reports.pickle").write_bytes(pickle.dumps(reports))

        return make

    def report(fixture: Path, name: str) -> ValidationReport:
        """The fixture's report with the validator `name`."""
        if fixture not in read:
            name_of = f"{fixture.parent.name}--{fixture.stem}"
            made = made_once(folder / name_of, reports_of(fixture))
            read[fixture] = pickle.loads((made / "reports.pickle").read_bytes())
        return read[fixture][name]

    return report


@pytest.fixture(scope="module")
def ontology():
    """The ontology graph (ontology/diplo.ttl), once per test module."""
    from rdflib import Graph

    return Graph().parse(ROOT / "ontology" / "diplo.ttl")


@pytest.fixture(scope="module")
def shapes():
    """The SHACL shapes (ontology/diplo-shapes.ttl), once per test module."""
    return load_shapes(ROOT / "ontology" / "diplo-shapes.ttl")


@pytest.fixture(scope="session")
def layer():
    """The project's compiled rules and the gazetteer of its entities, once per session."""
    return rule_layer(ROOT)


# The test files that take longest, longest first: each file's summed test time (setup, call
# and teardown) in a run of the README's test command with `--durations=0` on 5 December 2026
# (session 42, main 5fcfa45, the cores shared: load average 2 to 7, so about twice a quiet
# run's seconds; test_extract_rules.py and test_fuzz_loaders.py as measured after the rule files
# were read once per process). They run first, so that with `-n 2 --dist loadfile` the small
# files fill the end of both workers' runs instead of a long file starting last on one of them
# while the other has finished (docs/decisions/20261203-slow-files-first.md).
SLOW_FILES_FIRST = (
    "test_validate_articles.py",  # 85 s: every shape fixture, the conflict loop's validations
    "test_incremental.py",  # 48 s: incremental builds and their full-build oracles
    "test_extract_rules.py",  # 45 s: the project's rules and one more file, compiled
    "test_build.py",  # 39 s: builds of changed project copies
    "test_serve.py",  # 35 s: servers, a query held to its time limit
    "test_parallel.py",  # 28 s: the corpus built three times, a Dask cluster
    "test_push.py",  # 23 s: Oxigraph servers pushed to, stopped, restarted
    "test_browser.py",  # 23 s: Chromium
    "test_cache.py",  # 22 s: rules and gazetteer compiled from empty caches
    "test_extract_conforms.py",  # 20 s: every text's rule layer validated
    "test_extractcache.py",  # 20 s
    "test_answerpages.py",  # 20 s
    "test_interrupts.py",  # 18 s: CLI processes
    "test_fuzz_loaders.py",  # 17 s: mutated rule files compiled
    "test_packaging.py",  # 17 s: the wheel, a venv, two builds in it
    "test_virtuoso.py",  # 16 s: a Virtuoso server per module
    "test_cli_errors.py",  # 16 s: CLI processes
    "test_extract_spacyparts.py",  # 15 s: fresh interpreters importing spaCy
    "test_fuzz_queries.py",  # 15 s
    "test_review_article.py",  # 14 s
    "test_fuzz_rule_layer.py",  # 14 s
    "test_quarantine.py",  # 13 s
    "test_manifest_stamps.py",  # 13 s: a build folder written per test
    "test_query_rewrites.py",  # 12 s
    "test_view.py",  # 12 s
    "test_wikidata_link.py",  # 11 s
    "test_seeds.py",  # 11 s
    "test_articlecache.py",  # 10 s
    "test_review_correct.py",  # 9 s
    "test_validate_parallel.py",  # 9 s
)


# The test process's collector thresholds (Python's default: 700, 10, 10): a young collection
# every 20,000 new objects instead of 700. Measured on 5 December 2026 (session 33, one process,
# test_validate_articles, test_review_correct, test_extract_rules and test_build): 12.6 s of
# collection before, 9.3 s after; peak memory 1.31 -> 1.41 GB.
GC_THRESHOLDS = (20_000, 20, 20)


# Where the run's temporary folders go when the run names no place: a tmpfs (memory) when it has
# this much room. A run's folders hold about 1.3 GB at most (project copies, build folders,
# Oxigraph stores, cache folders), and what a passing test leaves is removed after it
# (`tmp_path_retention_policy = "failed"` in pyproject.toml), so far less is held at once. Every
# file the build and the caches write is synced (writing.py, Oxigraph's bulk loader), and on
# this machine's disk a sync waits. Measured on 6 December 2026 (session 44, load average 5 to
# 9): test_build, test_buildfolder, test_manifest_stamps and test_incremental in one process
# made 7,950 syncs waiting 22.5 s on the disk (`strace -f -w`); with test_cache they took 148
# and 188 s of wall on the disk, 133 and 116 s on /dev/shm, for the same CPU.
TMPFS = Path("/dev/shm")
TMPFS_ROOM = 4 << 30


def _temporary_root(config) -> None:
    """Put the run's temporary folders on TMPFS (PYTEST_DEBUG_TEMPROOT, which pytest reads when
    it first makes them) unless the run names a place (--basetemp, PYTEST_DEBUG_TEMPROOT,
    TMPDIR), TMPFS is missing or small, or this is a pytest-xdist worker (its folder is under
    the controller's)."""
    import os

    if hasattr(config, "workerinput") or config.option.basetemp is not None:
        return
    if os.environ.get("PYTEST_DEBUG_TEMPROOT") or os.environ.get("TMPDIR"):
        return
    if not os.access(TMPFS, os.W_OK | os.X_OK):
        return
    if shutil.disk_usage(TMPFS).free >= TMPFS_ROOM:
        os.environ["PYTEST_DEBUG_TEMPROOT"] = str(TMPFS)


def pytest_configure(config) -> None:
    """Keep the files in collection order for pytest-xdist's `--dist loadfile` (its default
    reorders them by their number of tests, which put the few-test slow files last); put the
    run's temporary folders on a tmpfs when there is one with room (`_temporary_root`)."""
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False
    _temporary_root(config)


def pytest_collection_finish(session) -> None:
    """Move what collection made (the test modules, their parameters, the imported packages)
    out of the garbage collector's reach: it lives as long as the run, and the collector's full
    passes would otherwise walk it again and again (about 4 % of the test process's CPU on the
    slowest files, docs/decisions/20261204-suite-builds-once-per-run.md). Then collect less
    often (GC_THRESHOLDS): the tests keep large graphs and compiled rules alive for a module or
    the whole run, and each collection walks them again."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def pytest_collection_modifyitems(items) -> None:
    """Run the slowest files first (SLOW_FILES_FIRST), the others after them as collected."""
    rank = {name: place for place, name in enumerate(SLOW_FILES_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


def pytest_terminal_summary(terminalreporter) -> None:
    """How many inputs the property tests (tests/test_fuzz_*.py) tried, per test."""
    import sys

    fuzzing = sys.modules.get("fuzzing")
    for line in fuzzing.summary_lines() if fuzzing else []:
        terminalreporter.write_line(line)


def pytest_sessionfinish(session) -> None:
    """On a pytest-xdist worker: hand the property tests' counts to the controller."""
    import sys

    fuzzing = sys.modules.get("fuzzing")
    if fuzzing and hasattr(session.config, "workeroutput"):
        session.config.workeroutput["fuzzing"] = (dict(fuzzing.TRIED), dict(fuzzing.SECONDS))


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    """On the pytest-xdist controller: add a worker's property-test counts to the summary."""
    tried, seconds = getattr(node, "workeroutput", {}).get("fuzzing", ({}, {}))
    if tried:
        import fuzzing

        fuzzing.TRIED.update(tried)
        fuzzing.SECONDS.update(seconds)


@pytest.fixture
def cache_folder(tmp_path, monkeypatch) -> Path:
    """An empty on-disk cache folder of this test's own (DIPLOGRAPH_CACHE points at it)."""
    target = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(target))
    return target


@pytest.fixture(scope="session")
def compiled_cache(run_folder: Path) -> Path:
    """A cache folder holding what the checkout's rule layer compiles (the rules, the gazetteer,
    its lexicon and public figures, the vocabulary) and no article's output, made once per test
    run (made_once) by an extraction whose output entry is then removed: copy it
    (`warm_cache_folder`), never change it."""

    def make(folder: Path) -> None:
        """Extract one seed into an empty cache FOLDER; keep the compiled entries only."""
        from click.testing import CliRunner

        from diplograph.cli import cli

        seed = ROOT / "seeds" / "000_ec5e95d0bf243a61.txt"
        result = CliRunner(env={cache.ENV: str(folder)}).invoke(
            cli, ["--root", str(ROOT), "extract", str(seed)]
        )
        assert result.exit_code == 0, result.output
        for output in folder.glob("extract-*.pickle"):
            output.unlink()

    return made_once(run_folder / "compiled-cache", make)


@pytest.fixture
def warm_cache_folder(tmp_path, monkeypatch, compiled_cache: Path) -> Path:
    """An on-disk cache folder of this test's own (DIPLOGRAPH_CACHE points at it) that holds
    the checkout's compiled rules and gazetteer (`compiled_cache`) and no article's output: for
    a test about the article or extract outputs, not about compiling (that is `cache_folder`)."""
    target = tmp_path / "cache"
    shutil.copytree(compiled_cache, target)
    monkeypatch.setenv(cache.ENV, str(target))
    return target
