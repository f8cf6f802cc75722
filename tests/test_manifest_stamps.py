"""The build folder's stamps (manifest.write_stamps, check_build): a graph file or an input
whose stat is the one recorded when its digest was taken is not read again; any other is read
and hashed as before, so a change is never missed."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from diplograph import manifest
from diplograph.errors import InputError
from diplograph.incremental import stamps
from diplograph.manifest import STAMPS_FILE, check_build

ROOT = Path(__file__).resolve().parents[1]
GRAPH = "graph.trig"


@pytest.fixture()
def project(tmp_path: Path, write_seeds_build, monkeypatch) -> tuple[Path, Path]:
    """A copy of the project's inputs and a build folder of them: (root, out), its inputs
    stamped (as if copied well before the build started: stamps.STARTED moved ahead)."""
    root = tmp_path / "project"
    for folder in ("ontology", "seeds", "mappings", "queries"):
        shutil.copytree(ROOT / folder, root / folder)
    monkeypatch.setattr(stamps, "STARTED", time.time_ns() + 10**10)
    out = tmp_path / "out"
    write_seeds_build(out, root)
    recorded = json.loads((out / STAMPS_FILE).read_text(encoding="utf-8"))
    assert len(recorded["inputs"]) == len(json.loads((out / "manifest.json").read_text())["inputs"])
    return root, out


def test_a_build_records_the_stamps_of_its_graph_and_checks_without_reading_it(
    project, monkeypatch
):
    root, out = project
    stamps = json.loads((out / STAMPS_FILE).read_text(encoding="utf-8"))
    assert stamps["graph"][0] == (out / GRAPH).stat().st_size
    monkeypatch.setattr(manifest, "_digest", lambda data: pytest.fail("graph.trig was hashed"))
    assert check_build(out, GRAPH, root) is True


def test_an_edited_input_makes_the_build_stale(project):
    root, out = project
    seed = sorted((root / "seeds").glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nMore news.\n", encoding="utf-8")
    assert check_build(out, GRAPH, root) is False


def test_an_edited_graph_file_is_read_and_named(project):
    root, out = project
    with (out / GRAPH).open("ab") as handle:
        handle.write(b"\n")
    with pytest.raises(InputError, match="not the file its build wrote"):
        check_build(out, GRAPH, root)


@pytest.mark.parametrize("stamps", [None, "not json", '{"graph": [1, 2, 3, 4], "inputs": {}}'])
def test_missing_broken_or_other_stamps_mean_hashing_everything(project, stamps, monkeypatch):
    """No stamps, unreadable ones, or a graph stamp that is not the file's: the graph is read
    and hashed (and found to be the one the build wrote)."""
    root, out = project
    if stamps is None:
        (out / STAMPS_FILE).unlink()
    else:
        (out / STAMPS_FILE).write_text(stamps, encoding="utf-8")
    hashed = []
    digest = manifest._digest
    monkeypatch.setattr(manifest, "_digest", lambda data: hashed.append(len(data)) or digest(data))
    assert check_build(out, GRAPH, root) is True
    assert hashed == [(out / GRAPH).stat().st_size]


def test_a_manifest_whose_digests_are_not_the_inputs_is_stale_though_stamped(project):
    """A stamp vouches for the digest taken with it, not for the manifest's: a manifest that
    names another digest for an unchanged input is a stale build."""
    root, out = project
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    first = sorted(data["inputs"])[0]
    data["inputs"][first] = "0" * 64
    (out / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    assert check_build(out, GRAPH, root) is False
