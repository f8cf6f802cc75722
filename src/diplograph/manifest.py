"""Build stage, the manifest: which inputs a build was made from, so a stale build is noticed.

Reads every input file of a build (ontology/, seeds/ and mappings/, hidden files left out) and
writes OUT/manifest.json beside graph.trig: the SHA-256 of each input, by path relative to the
project, and of graph.trig itself. `check_build` compares it with the project as it is now: a
build made from other inputs (an article added, removed or edited) or without a readable manifest
is stale; a graph.trig that is not the one its build wrote (emptied, truncated, edited) is an
error naming the file and telling the user to build again. No timestamps are written, so two
builds of the same inputs give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

from diplograph import paths
from diplograph.errors import InputError

MANIFEST_FILE = "manifest.json"
STAMPS_FILE = "stamps.json"  # the stat of the graph file and inputs the manifest's digests are of
REBUILD = "run `diplograph build` again"


def _digest(data: bytes) -> str:
    """The SHA-256 of some bytes, in hex."""
    return hashlib.sha256(data).hexdigest()


def input_files(root: Path) -> list[Path]:
    """The input files of a build, sorted: everything under ontology/, seeds/ and mappings/
    except hidden files and folders (editor and temporary files)."""
    return [Path(entry.path) for _, entry in input_entries(root)]


def input_entries(root: Path) -> list[tuple[str, os.DirEntry]]:
    """The input files of a build as `input_files` lists them, each with its name (`_name`)
    and its directory entry (whose `stat()` follows a link, as os.stat does); found by
    os.scandir, so that a file costs no stat of its own to be found."""
    folders = (
        paths.ontology_dir(root),
        paths.seeds_dir(root),
        paths.mappings_dir(root),
        paths.rules_dir(root),
        paths.gazetteer_dir(root),
    )
    found: dict[str, tuple[str, os.DirEntry]] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for entry in _files(str(folder)):
            name = _name(root, entry.path)
            if not any(part.startswith(".") for part in name.split("/")):
                found[entry.path] = (name, entry)
    return [found[path] for path in sorted(found, key=lambda path: path.split("/"))]


def _files(folder: str) -> Iterator[os.DirEntry]:
    """The files under a folder (links to files among them), not descending into a link to
    a folder, as Path.rglob("*") and Path.is_file find them."""
    with os.scandir(folder) as listing:
        entries = list(listing)
    for entry in entries:
        if entry.is_dir() and not entry.is_symlink():
            yield from _files(entry.path)
        elif entry.is_file():
            yield entry


def _name(root: Path, path: Path | str) -> str:
    """A file's path relative to the project, or to the installed package data (`package:`).

    >>> _name(Path("/p"), Path("/p/seeds/a.txt")), _name(Path("/p"), "/p/seeds/b.txt")
    ('seeds/a.txt', 'seeds/b.txt')
    """
    text, base = str(path), str(root)
    if os.sep == "/" and text.startswith(base + "/"):  # as below, without pathlib's parsing
        return text[len(base) + 1 :]
    path = Path(path)
    if path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    return "package:" + path.relative_to(paths.DATA).as_posix()


def input_digests(root: Path) -> dict[str, str]:
    """The SHA-256 of each input file, by its path relative to the project (or package data)."""
    return {_name(root, p): _digest(p.read_bytes()) for p in input_files(root)}


def manifest_bytes(inputs: dict[str, str], graph: str) -> bytes:
    """The manifest of a build: its inputs and the SHA-256 (hex) of the graph file it wrote."""
    data = {"graph": graph, "inputs": dict(sorted(inputs.items()))}
    return (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _read_manifest(path: Path) -> dict | None:
    """The manifest of a build folder, or None if it is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("inputs"), dict):
        return None
    return data


def write_stamps(folder: Path, graph_file: str, root: Path, inputs: dict[str, str]) -> None:
    """Record beside the manifest the stat of the graph file just written and of the inputs
    unchanged since before the build started (incremental.stamps), so that `check_build` hashes
    again only what changed since, as git does."""
    from diplograph.incremental.stamps import file_stamp, input_stamps

    stamps = sorted(input_stamps(root, inputs).items())
    data = {  # each input's stamp with the digest taken of it (not the manifest's word for it)
        "graph": list(file_stamp(folder / graph_file)),
        "inputs": {name: [*stamp, inputs[name]] for name, stamp in stamps},
    }
    (folder / STAMPS_FILE).write_text(json.dumps(data, sort_keys=True) + "\n", encoding="utf-8")


def _read_stamps(out: Path) -> dict:
    """The stamps of a build folder ({} when it has none, or none readable)."""
    try:
        data = json.loads((out / STAMPS_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    graph, inputs = data.get("graph"), data.get("inputs")
    if not isinstance(graph, list) or not isinstance(inputs, dict):
        return {}
    if not all(isinstance(v, list) and len(v) == 5 for v in inputs.values()):
        return {}
    return {
        "graph": tuple(graph),
        "inputs": {k: tuple(v[:4]) for k, v in inputs.items()},
        "digests": {k: str(v[4]) for k, v in inputs.items()},
    }


def check_build(out: Path, graph_file: str, root: Path) -> bool:
    """Whether the build folder was made from the project's inputs as they are now (False too
    when it has no readable manifest: a build of an older version, or none at all). A file
    whose stat is the one recorded when its digest was taken (stamps.json) is not read again.

    An InputError names the graph file when it is not the one its build wrote.
    """
    from diplograph.incremental.stamps import file_stamp, stamped_digests

    manifest = _read_manifest(out / MANIFEST_FILE)
    if manifest is None:
        return False
    stamps = _read_stamps(out)
    graph = out / graph_file
    try:
        same = bool(stamps) and file_stamp(graph) == stamps["graph"]
        written = b"" if same else graph.read_bytes()
    except OSError as exc:
        raise InputError(f"{graph}: cannot read the build ({exc.strerror}); {REBUILD}") from exc
    if not same and _digest(written) != manifest.get("graph"):
        state = "empty" if not written else "not the file its build wrote (truncated or edited)"
        raise InputError(f"{graph}: {state}; {REBUILD}")
    known = stamps.get("digests", {})  # a stamped file's digest as taken, not as the manifest says
    return manifest["inputs"] == stamped_digests(root, known, stamps.get("inputs", {}))
