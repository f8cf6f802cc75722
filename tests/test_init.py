"""`diplograph init DIR` lays out a new project folder from the package data, refuses a folder
that is not empty, and leaves nothing behind when it fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph import init as init_module
from diplograph.cli import cli
from diplograph.errors import InputError
from diplograph.init import init_project

ROOT = Path(__file__).resolve().parents[1]


def _files(folder: Path) -> list[str]:
    """The files under a folder, relative and sorted."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_init_lays_out_the_package_data_and_an_empty_project(tmp_path):
    project = tmp_path / "project"
    written = init_project(project)
    names = _files(project)
    assert [str(p.relative_to(project)) for p in written] == names
    assert len(names) == 67
    data = [n for n in names if n not in ("mappings/entities.ttl", "seeds/README.md")]
    assert len(data) == 65  # as the wheel's package data (tests/test_packaging.py)
    assert sorted(p.name for p in (project / "ontology").glob("*.ttl")) == [
        "diplo-align.ttl",
        "diplo-shapes.ttl",
        "diplo.ttl",
    ]
    assert (project / "mappings" / "rules" / "kinds.yaml").read_bytes() == (
        ROOT / "mappings" / "rules" / "kinds.yaml"
    ).read_bytes()
    assert (project / "mappings" / "gazetteer" / "world.ttl").is_file()
    assert (project / "queries" / "letters-delivered.rq").is_file()
    assert (project / "queries" / "view" / "network-edges.rq").is_file()
    assert sorted(p.name for p in (project / "mappings").iterdir()) == [
        "entities.ttl",
        "gazetteer",
        "gold",
        "rules",
    ]
    assert list((project / "mappings" / "gold").iterdir()) == []
    assert "date YYYY-MM-DD" in (project / "seeds" / "README.md").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]


def test_init_fills_an_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    assert len(init_project(tmp_path / "empty")) == 67


def test_init_refuses_a_folder_that_is_not_empty_with_one_line_and_exit_2(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "notes.txt").write_text("mine\n")
    result = CliRunner().invoke(cli, ["init", str(project)])
    assert result.exit_code == 2
    assert result.output == (
        f"error: {project}: not empty; diplograph init needs a new or empty folder\n"
    )
    assert _files(project) == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]


def test_init_refuses_a_file(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="exists and is not a folder"):
        init_project(tmp_path / "file")


def test_a_failed_init_leaves_nothing(tmp_path, monkeypatch):
    real = init_module.data_source

    def missing_gazetteer(name: str) -> Path:
        return tmp_path / "nowhere" if name == "gazetteer" else real(name)

    monkeypatch.setattr(init_module, "data_source", missing_gazetteer)
    with pytest.raises(InputError, match="package data missing"):
        init_project(tmp_path / "project")
    assert list(tmp_path.iterdir()) == []


def test_the_cli_reports_what_it_wrote(tmp_path):
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "p")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        f"wrote 67 files to {tmp_path / 'p'}; add articles with `diplograph add FILE...`"
    )
