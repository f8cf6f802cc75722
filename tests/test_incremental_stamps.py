"""The input files' stamps (incremental/stamps.py): a file whose stat is the one recorded with
its digest is not read again; a file edited in place, even to the same size with its old
modification time put back, is; a file changed too recently for its stamp to be trusted gets
none."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from diplograph.incremental import stamps
from diplograph.incremental.stamps import input_stamps, stamped_digests


def _project(tmp_path: Path) -> Path:
    """A project of two articles (the other input folders empty)."""
    root = tmp_path / "project"
    for folder in ("ontology", "mappings", "seeds"):
        (root / folder).mkdir(parents=True)
    for name in ("a.txt", "b.txt"):
        (root / "seeds" / name).write_text(f"article {name}\n", encoding="utf-8")
    return root


def _sha(path: Path) -> str:
    """A file's SHA-256."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_whose_stamp_is_unchanged_is_not_read_again(tmp_path: Path, monkeypatch) -> None:
    root = _project(tmp_path)
    b = root / "seeds" / "b.txt"
    inputs = {"seeds/a.txt": "recorded-a", "seeds/b.txt": "recorded-b"}
    monkeypatch.setattr(stamps, "STARTED", os.stat(b).st_ctime_ns + 3_000_000_000)
    recorded = input_stamps(root, inputs)
    assert sorted(recorded) == ["seeds/a.txt", "seeds/b.txt"]
    status = os.stat(b)
    b.write_text("article b.tx!\n", encoding="utf-8")  # the same size
    os.utime(b, ns=(status.st_atime_ns, status.st_mtime_ns))  # the old modification time
    assert stamped_digests(root, inputs, recorded) == {
        "seeds/a.txt": "recorded-a",  # the digest recorded with its stamp: not read again
        "seeds/b.txt": _sha(b),  # its change time moved: read again
    }


def test_a_file_changed_as_the_build_began_gets_no_stamp(tmp_path: Path) -> None:
    root = _project(tmp_path)
    inputs = {"seeds/a.txt": _sha(root / "seeds" / "a.txt")}
    assert input_stamps(root, inputs) == {}  # changed after this process began
    assert stamped_digests(root, inputs, {}) == {
        "seeds/a.txt": inputs["seeds/a.txt"],
        "seeds/b.txt": _sha(root / "seeds" / "b.txt"),
    }


def test_the_inputs_are_found_as_rglob_and_is_file_find_them(tmp_path: Path) -> None:
    """manifest.input_entries (os.scandir) lists the files Path.rglob and Path.is_file list,
    in the same order: hidden files and folders left out, a link to a file kept, a link to a
    folder not followed, a nested folder sorted by its path's parts ("a/" before "a-b")."""
    from diplograph.manifest import input_entries, input_files

    root = _project(tmp_path)
    seeds = root / "seeds"
    (seeds / "a").mkdir()
    (seeds / "a" / "c.txt").write_text("c\n", encoding="utf-8")
    (seeds / "a-b.txt").write_text("ab\n", encoding="utf-8")
    (seeds / ".hidden.txt").write_text("h\n", encoding="utf-8")
    (seeds / ".folder").mkdir()
    (seeds / ".folder" / "d.txt").write_text("d\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "e.txt").write_text("e\n", encoding="utf-8")
    (seeds / "link.txt").symlink_to(seeds / "b.txt")
    (seeds / "linked").symlink_to(outside)
    (seeds / "broken.txt").symlink_to(tmp_path / "nowhere")
    expected = ["seeds/a/c.txt", "seeds/a-b.txt", "seeds/a.txt", "seeds/b.txt", "seeds/link.txt"]
    entries = input_entries(root)
    assert [name for name, _ in entries] == expected
    assert [Path(entry.path) for _, entry in entries] == input_files(root)
    assert [entry.stat() for _, entry in entries] == [os.stat(root / n) for n in expected]
