"""Extract cache (extractcache.py): a repeated `diplograph extract` prints exactly what a fresh
extraction prints; a changed rule file, gazetteer file, ontology, article, metadata or option is
a miss that the next extract sees; an extraction that warns is not kept; two processes filling
the same empty cache at once both print the right output and leave a readable entry. Only that
last test starts from an empty cache (`cache_folder`); the others start from one that holds the
compiled rules and gazetteer and no extract output (`warm_cache_folder`, made once per run)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph import cache, cli_extract, extractcache
from diplograph.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEED = "000_ec5e95d0bf243a61"


@pytest.fixture
def made(monkeypatch) -> list[Path]:
    """The articles the rule layer actually ran on, call by call (a miss each)."""
    calls: list[Path] = []
    real = cli_extract._extracted

    def counting(root, article, published, fmt):
        calls.append(article)
        return real(root, article, published, fmt)

    monkeypatch.setattr(cli_extract, "_extracted", counting)
    return calls


@pytest.fixture
def project(tmp_path) -> Path:
    """A project of its own: the repository's ontology and mappings, and one seed."""
    target = tmp_path / "project"
    for name in ("ontology", "mappings"):
        shutil.copytree(ROOT / name, target / name)
    (target / "seeds").mkdir()
    for path in (ROOT / "seeds").glob(f"{SEED}.*"):
        shutil.copy(path, target / "seeds" / path.name)
    return target


def _extract(root: Path, article: Path, *options: str) -> str:
    """What `diplograph --root ROOT extract ARTICLE` prints (it must succeed)."""
    args = ["--root", str(root), "extract", str(article), *options]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _entries(cache_folder: Path) -> list[Path]:
    """The extract outputs in the cache."""
    return sorted(cache_folder.glob(f"{extractcache.NAME}-*.pickle"))


def _replace(path: Path, old: str, new: str) -> None:
    """Edit a copied input file (the text must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_warm_cache_prints_exactly_what_a_fresh_extraction_prints(
    warm_cache_folder, made, monkeypatch
):
    article = ROOT / "seeds" / f"{SEED}.txt"
    cold = _extract(ROOT, article)
    warm = _extract(ROOT, article)
    assert made == [article] and len(_entries(warm_cache_folder)) == 1  # the second run was a hit
    monkeypatch.setenv(cache.ENV, "off")
    fresh = _extract(ROOT, article)
    assert len(made) == 2
    assert warm == cold
    assert warm == fresh
    assert warm.startswith("@prefix dip: <https://w3id.org/diplograph/ontology#> .\n")
    assert 'dip:text "Kim and Shoigu held a separate meeting" .' in warm


def test_a_changed_rule_file_is_seen_by_the_next_extract(warm_cache_folder, made, project):
    article = project / "seeds" / f"{SEED}.txt"
    before = _extract(project, article)
    rules = project / "mappings" / "rules" / "ceremonies.yaml"
    _replace(rules, "id: exhibition.display", "id: exhibition.shown")
    after = _extract(project, article)
    assert len(made) == 2
    assert 'dip:rule "exhibition.display"' in before
    assert after == before.replace('"exhibition.display"', '"exhibition.shown"')
    assert _extract(project, article) == after and len(made) == 2  # and is kept in turn


def test_a_changed_gazetteer_file_is_seen_by_the_next_extract(warm_cache_folder, made, project):
    article = project / "seeds" / f"{SEED}.txt"
    before = _extract(project, article)
    _replace(project / "mappings" / "entities.ttl", "<org/ians>", "<org/ians-agency>")
    after = _extract(project, article)
    assert len(made) == 2
    assert "<https://w3id.org/diplograph/id/org/ians>" in before
    assert after == before.replace("/id/org/ians>,", "/id/org/ians-agency>,")  # not the outlet


def test_every_input_changes_the_key(cache_folder, project, monkeypatch):
    article = project / "seeds" / f"{SEED}.txt"
    keys = {extractcache.output_key(project, article, None, "turtle")}
    keys.add(extractcache.output_key(project, article, date(2023, 7, 28), "turtle"))
    keys.add(extractcache.output_key(project, article, None, "trig"))
    edits = [
        ("mappings/rules/dates.yaml", "\n# an edit\n"),
        ("mappings/entities.ttl", "\n# an edit\n"),
        ("mappings/gazetteer/world.ttl", "\n# an edit\n"),
        ("mappings/links/" + sorted((project / "mappings/links").iterdir())[0].name, "\n"),
        ("ontology/diplo.ttl", "\n# an edit\n"),
        (f"seeds/{SEED}.meta.yaml", "\n# an edit\n"),
        (f"seeds/{SEED}.txt", "\n"),
    ]
    for name, added in edits:
        with (project / name).open("a", encoding="utf-8") as stream:
            stream.write(added)
        keys.add(extractcache.output_key(project, article, None, "turtle"))
    assert None not in keys and len(keys) == 3 + len(edits)


def test_no_key_when_caching_is_off(monkeypatch):
    monkeypatch.setenv(cache.ENV, "off")
    article = ROOT / "seeds" / f"{SEED}.txt"
    assert extractcache.output_key(ROOT, article, None, "turtle") is None


def test_an_extraction_that_warns_is_not_kept(warm_cache_folder, made, tmp_path):
    article = tmp_path / f"{SEED}.txt"
    shutil.copy(ROOT / "seeds" / f"{SEED}.txt", article)
    meta = (ROOT / "seeds" / f"{SEED}.meta.yaml").read_text(encoding="utf-8")
    (tmp_path / f"{SEED}.meta.yaml").write_text(meta + "colour: red\n", encoding="utf-8")
    first = _extract(ROOT, article)
    second = _extract(ROOT, article)
    assert first == second and len(made) == 2
    assert _entries(warm_cache_folder) == []


def test_two_processes_filling_an_empty_cache_at_once(cache_folder):
    article = ROOT / "seeds" / f"{SEED}.txt"
    command = [sys.executable, "-m", "diplograph", "--root", str(ROOT), "extract", str(article)]
    both = [subprocess.Popen(command, stdout=subprocess.PIPE) for _ in range(2)]
    outputs = [process.communicate(timeout=300)[0] for process in both]
    assert [process.returncode for process in both] == [0, 0]
    assert outputs[0] == outputs[1]
    key = extractcache.output_key(ROOT, article, None, "turtle")
    assert cache.load(extractcache.NAME, key, bytes) == outputs[0]
    assert [
        p.name for p in cache_folder.iterdir() if p.name.startswith(".")
    ] == []  # no temporaries
