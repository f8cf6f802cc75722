"""Parallel builds (issue 10): the rule layer mapped by N worker processes, or on a Dask cluster,
gives the same build folder, byte for byte, as one worker; the pool keeps the time limit per
article.

The corpus is the seeds plus every article of tests/data/extract, in a copy of the project; each
build gets a cache folder of its own, so that every article is mapped, none comes from the cache.
The builds' folders start as copies of the run's compiled rules and gazetteer
(conftest.compiled_cache: no article's output), which each would otherwise compile first.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.build import write_build
from diplograph.cli import cli
from diplograph.parallel import Plan, _pool, jobs_from
from diplograph.seeds import Article

ROOT = Path(__file__).resolve().parents[1]
QUARANTINED: list[str] = []  # denials-two.txt conflicted with another article (until 2026-12-03)


TEXTS = sorted((ROOT / "tests" / "data" / "extract").glob("*.txt"))


def corpus_project(folder: Path) -> Path:
    """A copy of the project whose seeds are the seeds plus the extraction test articles."""
    for name in ("ontology", "mappings", "queries", "seeds"):
        shutil.copytree(ROOT / name, folder / name)
    for path in TEXTS:
        shutil.copy(path, folder / "seeds" / path.name)
    return folder


def _build(project: Path, cache: Path, out: str, *options: str) -> tuple[int, bytes, dict]:
    """Build the project into project/OUT with a cache folder of its own: the exit code, the
    bytes of graph.trig and the summary."""
    env = {"DIPLOGRAPH_CACHE": str(cache), "DIPLOGRAPH_JOBS": None}
    target = project / out
    args = ["--root", str(project), "build", "--out", str(target), *options]
    result = CliRunner(env=env).invoke(cli, args)
    assert result.exit_code in (0, 4), result.output
    summary = json.loads((target / "summary.json").read_text(encoding="utf-8"))
    return result.exit_code, (target / "graph.trig").read_bytes(), summary


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The corpus project."""
    return corpus_project(tmp_path_factory.mktemp("corpus"))


def _compiled(compiled_cache: Path, folder: Path) -> Path:
    """A cache folder of a build's own: a copy of the compiled rules and gazetteer, no article."""
    return Path(shutil.copytree(compiled_cache, folder / "cache"))


@pytest.fixture(scope="module")
def single(project: Path, tmp_path_factory, compiled_cache: Path) -> tuple[int, bytes, dict]:
    """The corpus built with one job: the reference."""
    cache = _compiled(compiled_cache, tmp_path_factory.mktemp("single"))
    return _build(project, cache, "out-1", "--jobs", "1")


def test_the_corpus_builds_with_one_job(single):
    code, graph, summary = single
    assert code == 0
    assert summary["articles"] == 3 + len(TEXTS)  # the seeds and every extraction test text
    assert [item["article"] for item in summary["quarantined"]] == QUARANTINED
    assert graph.count(b"<https://w3id.org/diplograph/id/graph/rules/") == len(TEXTS)


def test_two_jobs_build_the_same_bytes(project, single, tmp_path, compiled_cache):
    cache = _compiled(compiled_cache, tmp_path)
    assert not list(cache.glob("articles/*"))  # every article is mapped by the two workers
    assert _build(project, cache, "out-2", "--jobs", "2") == single


def test_a_local_dask_cluster_builds_the_seeds_byte_for_byte(built, tmp_path, compiled_cache):
    """Two worker processes of a real LocalCluster map the seeds; the reference is the session's
    build of the seeds in one process (kept small: the cluster's start-up is most of it)."""
    pytest.importorskip("dask.distributed")
    write_build(built, tmp_path / "reference", "")
    project = tmp_path / "project"
    for name in ("ontology", "mappings", "queries", "seeds"):
        shutil.copytree(ROOT / name, project / name)
    cache = _compiled(compiled_cache, tmp_path)
    code, graph, summary = _build(project, cache, "out", "--scheduler", "local:2")
    assert code == 0
    assert graph == (tmp_path / "reference" / "graph.trig").read_bytes()
    assert summary == built.summary


def _article(name: str) -> Article:
    """A bare article: the pool tests map its stem."""
    return Article(name, ROOT / "seeds" / f"{name}.txt", "", {})


def _slow_when_asked(article: Article) -> list:
    """A rule layer that sleeps on the article named `slow` and fails on `bad`."""
    if article.stem == "slow":
        time.sleep(600)  # killed with its worker long before
    if article.stem == "bad":
        raise ValueError("no rules for this one")
    return [article.stem]


def test_the_pool_keeps_the_time_limit_and_goes_on():
    articles = [_article(name) for name in ("a", "slow", "b", "bad", "c", "d")]
    plan = Plan(_slow_when_asked, lambda: None, seconds=1.0, jobs=2)
    start = time.monotonic()
    found = dict(_pool(articles, ROOT, plan))
    assert time.monotonic() - start < 30
    assert [found[i] for i in range(len(articles))] == [
        (["a"], None),
        (
            None,
            "seeds/slow.txt: the rule layer took longer than the time limit of 1 s per article "
            "(--article-timeout); nothing of it is kept",
        ),
        (["b"], None),
        (None, "seeds/bad.txt: the rule layer failed: ValueError: no rules for this one"),
        (["c"], None),
        (["d"], None),
    ]


def test_the_pool_maps_in_as_many_processes_as_jobs():
    import os

    plan = Plan(lambda article: [os.getpid()], lambda: None, jobs=3)
    found = dict(_pool([_article(str(i)) for i in range(12)], ROOT, plan))
    pids = {triples[0] for triples, _ in found.values()}
    assert sorted(found) == list(range(12))
    assert len(pids) == 3 and os.getpid() not in pids


def test_jobs_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_JOBS", "3")
    assert (jobs_from(None), jobs_from(2)) == (3, 2)
    monkeypatch.delenv("DIPLOGRAPH_JOBS")
    assert jobs_from(None) == 1
    monkeypatch.setenv("DIPLOGRAPH_JOBS", "many")
    with pytest.raises(Exception, match="^DIPLOGRAPH_JOBS='many': not a whole number"):
        jobs_from(None)
