"""The build folder: a build never replaces a folder it did not make, builds in one folder are
serialised by a lock, and a swap interrupted at any point leaves a whole build in place."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.buildfolder import MARKER, check_build_folder, recover, replace_folder
from diplograph.cli import cli
from diplograph.errors import InputError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def project(tmp_path) -> Path:
    """A copy of the project's data folders, with a file standing for the user's own work."""
    for folder in ("ontology", "seeds", "mappings", "queries"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return tmp_path


def _run(project: Path, *args: str):
    """Run the CLI in-process on a project copy."""
    return CliRunner().invoke(cli, ["--root", str(project), *args])


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_build_refuses_a_folder_with_other_files_and_deletes_nothing(project, tmp_path):
    theirs = tmp_path / "thesis"
    theirs.mkdir()
    (theirs / "chapter1.tex").write_text("my work\n", encoding="utf-8")
    result = _run(project, "build", "--out", str(theirs))
    assert result.exit_code == 2
    assert f"error: {theirs}: is not empty and is not a diplograph build folder" in result.output
    assert _files(theirs) == {"chapter1.tex": b"my work\n"}


@pytest.mark.parametrize("where", [".", ".."])
def test_build_refuses_the_project_folder_and_its_parents(project, where, monkeypatch):
    before = _files(project)
    monkeypatch.chdir(project)
    result = _run(project, "build", "--out", where)
    assert result.exit_code == 2
    assert "is the project folder or one of its parents" in result.output
    assert _files(project) == before


def test_build_refuses_a_file(project):
    (project / "notes.txt").write_text("x\n", encoding="utf-8")
    result = _run(project, "build", "--out", str(project / "notes.txt"))
    assert result.exit_code == 2
    assert "notes.txt' is a file" in result.output
    with pytest.raises(InputError, match="notes.txt: exists and is not a folder"):
        check_build_folder(project / "notes.txt", project)


def test_build_replaces_its_own_folder_and_an_empty_one(project):
    empty = project / "empty"
    empty.mkdir()
    assert _run(project, "build", "--out", str(empty)).exit_code == 0
    assert (empty / MARKER).is_file() and (empty / "graph.trig").is_file()
    again = _run(project, "build", "--out", str(empty))
    assert again.exit_code == 0, again.output


def test_a_build_folder_of_an_earlier_version_is_replaced(tmp_path):
    legacy = tmp_path / "out"
    legacy.mkdir()
    for name in ("graph.trig", "summary.json", "validation.txt"):
        (legacy / name).write_text("old\n", encoding="utf-8")
    check_build_folder(legacy, tmp_path / "project")
    (legacy / "mine.txt").write_text("x\n", encoding="utf-8")
    with pytest.raises(InputError, match="is not empty and is not a diplograph build folder"):
        check_build_folder(legacy, tmp_path / "project")


def test_missing_seeds_folder_is_an_error_and_keeps_the_previous_build(project, write_seeds_build):
    write_seeds_build(project / "out", project)  # as `build` writes it
    before = _files(project / "out")
    shutil.rmtree(project / "seeds")
    result = _run(project, "build")
    assert result.exit_code == 2
    assert f"error: {project / 'seeds'}: no seeds folder" in result.output
    assert _files(project / "out") == before


def test_empty_seeds_folder_is_an_error(project):
    for path in (project / "seeds").iterdir():
        path.unlink()
    shutil.rmtree(project / "mappings" / "gold")
    result = _run(project, "build")
    assert result.exit_code == 2
    assert "no articles (*.txt) to build" in result.output


def _fill(text: str):
    """A fill function that writes one file."""

    def fill(staging: Path) -> None:
        (staging / "graph.trig").write_text(text, encoding="utf-8")

    return fill


def test_a_failing_fill_leaves_the_previous_folder_and_no_staging(tmp_path):
    out = tmp_path / "out"
    replace_folder(out, _fill("one\n"))

    def broken(staging: Path) -> None:
        (staging / "graph.trig").write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        replace_folder(out, broken)
    assert (out / "graph.trig").read_text(encoding="utf-8") == "one\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]


def test_leftovers_of_killed_builds_are_cleared_and_foreign_folders_kept(tmp_path):
    out = tmp_path / "out"
    stray = tmp_path / ".out-abc123"
    stray.mkdir()
    (stray / MARKER).write_text("", encoding="utf-8")
    (stray / "graph.trig").write_text("half", encoding="utf-8")
    foreign = tmp_path / ".out-notes"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("x", encoding="utf-8")
    replace_folder(out, _fill("new\n"))
    assert not stray.exists()
    assert (foreign / "keep.txt").is_file()


def test_a_kill_between_two_renames_is_recovered(tmp_path):
    out = tmp_path / "out"
    replace_folder(out, _fill("one\n"))
    out.rename(tmp_path / ".out-previous")  # the state a kill after the first rename leaves
    recover(out)
    assert (out / "graph.trig").read_text(encoding="utf-8") == "one\n"


def test_the_next_build_recovers_a_kill_between_two_renames_even_if_it_fails(tmp_path):
    out = tmp_path / "out"
    replace_folder(out, _fill("one\n"))
    out.rename(tmp_path / ".out-previous")

    def broken(staging: Path) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        replace_folder(out, broken)
    assert (out / "graph.trig").read_text(encoding="utf-8") == "one\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]


def test_concurrent_builds_in_one_folder_are_serialised(tmp_path):
    out = tmp_path / "out"
    inside = []
    errors = []

    def slow(text: str):
        def fill(staging: Path) -> None:
            inside.append(text)
            assert len(inside) == 1, "two writers inside the lock at once"
            threading.Event().wait(0.2)
            (staging / "graph.trig").write_text(text, encoding="utf-8")
            inside.remove(text)

        return fill

    def run(text: str) -> None:
        try:
            replace_folder(out, slow(text))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(f"build {i}\n",)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert (out / "graph.trig").read_text(encoding="utf-8") in {f"build {i}\n" for i in range(3)}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]


def test_the_swap_leaves_no_moment_without_the_build_folder(tmp_path, monkeypatch):
    """Where the system can exchange two paths in one call (Linux's renameat2), the old and the
    new build are swapped without a rename that leaves `out/` missing for a reader."""
    import os

    from diplograph.buildfolder import _exchange

    probe = [tmp_path / "probe-a", tmp_path / "probe-b"]
    for folder in probe:
        folder.mkdir()
    if not _exchange(*probe):
        pytest.skip("this file system cannot exchange two paths in one call")
    out = tmp_path / "out"
    replace_folder(out, _fill("one\n"))
    present: list[bool] = []
    real_replace = os.replace

    def watched(source, destination):
        present.append(out.is_dir())
        real_replace(source, destination)
        present.append(out.is_dir())

    monkeypatch.setattr(os, "replace", watched)
    replace_folder(out, _fill("two\n"))
    assert (out / "graph.trig").read_text(encoding="utf-8") == "two\n"
    assert False not in present
