"""The article cache (issue 10): a second build maps no article again, a changed article is mapped
again alone, a changed rule file or hand mapping maps again what it touches; the cached rule
layer is the one mapping gives.

The tests work on copies of the project (the seeds and two extraction test articles) that share
one cache folder (a digest names no folder, so every copy finds the first one's entries), and
count through the log line the rule layer writes.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from diplograph.articlecache import project_cache
from diplograph.build import assemble
from diplograph.store import layer_graphs

ROOT = Path(__file__).resolve().parents[1]
EXTRA = ("agreement.txt", "letter.txt")
LAYERS = ("/graph/rules/", "/graph/candidates/")


class _Lines(logging.Handler):
    """The messages of the rule layer's log."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _copy(folder: Path) -> Path:
    """A copy of the project with two more articles."""
    for name in ("ontology", "mappings", "queries", "seeds"):
        shutil.copytree(ROOT / name, folder / name)
    for name in EXTRA:
        shutil.copy(ROOT / "tests" / "data" / "extract" / name, folder / "seeds" / name)
    return folder


def _assemble(project: Path, jobs: int = 1) -> tuple[str, dict]:
    """The rule layer's log line of one assembly, and its rule and candidate graphs."""
    logger, handler = logging.getLogger("diplograph.parallel"), _Lines()
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        store, _, _ = assemble(project, jobs=jobs)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    names = layer_graphs(store, "asserted") + layer_graphs(store, "candidates")
    graphs = {str(n): set(store.graph(n)) for n in names if any(x in str(n) for x in LAYERS)}
    return "\n".join(handler.lines), graphs


@pytest.fixture(scope="module")
def cache_folder(tmp_path_factory, compiled_cache: Path) -> Path:
    """The cache folder of this module's builds: a copy of the run's compiled rules and
    gazetteer (conftest.compiled_cache), no article's rule layer."""
    return Path(shutil.copytree(compiled_cache, tmp_path_factory.mktemp("module") / "cache"))


@pytest.fixture(scope="module")
def first(cache_folder: Path, tmp_path_factory) -> tuple[str, dict]:
    """The first assembly of the project, into a cache that holds no article: its log line and
    graphs."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DIPLOGRAPH_CACHE", str(cache_folder))
        return _assemble(_copy(tmp_path_factory.mktemp("first")))


@pytest.fixture
def project(tmp_path: Path, monkeypatch, cache_folder: Path, first) -> Path:
    """A fresh copy of the project, whose articles the cache holds."""
    monkeypatch.setenv("DIPLOGRAPH_CACHE", str(cache_folder))
    return _copy(tmp_path / "project")


def test_a_second_build_maps_nothing_again_and_gets_the_same_graphs(project, first):
    line, mapped = first
    assert line == "rule layer: 0 of 5 article(s) from the cache, 5 to map"
    assert len(mapped) == 5 and all(mapped.values())
    line, cached = _assemble(project, jobs=2)
    assert line == "rule layer: 5 of 5 article(s) from the cache, 0 to map"
    assert cached == mapped


def test_a_changed_article_is_mapped_again_alone(project):
    path = project / "seeds" / "agreement.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Wednesday", "Tuesday"), "utf-8")
    assert _assemble(project)[0] == "rule layer: 4 of 5 article(s) from the cache, 1 to map"


def test_a_changed_hand_mapping_maps_its_article_again(project):
    gold = project / "mappings" / "gold" / "000_ec5e95d0bf243a61.ttl"
    gold.write_text(gold.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    assert _assemble(project)[0] == "rule layer: 4 of 5 article(s) from the cache, 1 to map"


def test_a_changed_rule_file_maps_every_article_again(project):
    rule = sorted((project / "mappings" / "rules").glob("*.yaml"))[0]
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    assert _assemble(project)[0] == "rule layer: 0 of 5 article(s) from the cache, 5 to map"


def test_caching_off_maps_every_article(project, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_CACHE", "off")
    assert project_cache(project) is None
    assert _assemble(project)[0] == "rule layer: 0 of 5 article(s) from the cache, 5 to map"
