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
