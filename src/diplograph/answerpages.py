"""Paged answers: the whole-list stored queries' answers precomputed by the full build or kept
by the first request after an incremental one, read a page at a time without running SPARQL,
and any answer cut into the same pages.

A whole-list query is a stored query without parameters: its answer lists the whole graph and
grows with the corpus. The full build (build.write_build) calls `write_answers` on its staging
folder once the on-disk store and the manifest are written; it runs each whole-list query
there, with the inferred graph, and writes OUT/answers/:

- `NAME.jsonl`: the answer's rows in the order of the live answer, one JSON array of SPARQL 1.1
  JSON terms (null: unbound) a line;
- `NAME.offsets`: the byte offset of each row in NAME.jsonl and of its end (unsigned 64-bit,
  little-endian), so that a page is two 8-byte reads and one read of its rows;
- `index.json`: the format, the engine, the SHA-256 of graph.trig that the manifest records (the
  build's content) and, by query, the SHA-256 of its text, its variables and its row count.

`read_page` gives a page only when all of that matches the build folder and the query as they
are now (same engine, same graph, same query text, files of the recorded sizes); otherwise None,
and the caller runs the query live: a stale or missing answer is never shown. `page_of` cuts a
live answer into the same pages.

The incremental build writes no answers (answering every whole-list query again over the whole
union was the part of adding one article that grew fastest with the corpus). `answer_now` runs
one on the build folder's own store when a reader (`query`, `serve`) finds no answer that fits,
and `keep_answer` adds it to OUT/answers/ as the full build would have written it: the same
files, and the same index entry, under an exclusive lock of the answers folder that readers
share. See docs/decisions/20261203-paged-answers.md and 20261204-answers-on-first-request.md.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import math
import os
import re
import sys
import threading
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, TypeVar

from diplograph.errors import InputError
from diplograph.store.protocol import Answers, engine_name

if TYPE_CHECKING:
    from diplograph.queries import StoredQuery
    from diplograph.store import Store

ANSWERS_FOLDER = "answers"
INDEX_FILE = "index.json"
FORMAT = 1
PAGE_SIZE = 100
ENGINE = "oxigraph"  # the engine that makes them; another engine's reader runs its query live
_GRAPH = re.compile(rb'"graph":\s*"([0-9a-f]{64})"')
log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    """One page of an answer: its rows (as an Answers), where it lies in the whole answer, and
    whether it was read from the build's precomputed answers or cut from a live one."""

    answers: Answers
    number: int
    size: int
    total: int
    precomputed: bool

    @property
    def pages(self) -> int:
        """How many pages the whole answer has (one, when it is empty)."""
        return max(1, math.ceil(self.total / self.size))

    @property
    def first(self) -> int:
        """The 1-based number of the page's first row in the whole answer."""
        return (self.number - 1) * self.size + 1


def whole_list(query: StoredQuery) -> bool:
    """Whether a stored query lists the whole graph (it takes no parameter)."""
    return not query.params


def text_digest(text: str) -> str:
    """The SHA-256 (hex) of a query's text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read(name: str, folder: int, limit: int = -1) -> bytes:
    """The bytes of a file of an open folder (its descriptor), up to `limit`."""
    handle = os.open(name, os.O_RDONLY, dir_fd=folder)
    with os.fdopen(handle, "rb") as stream:
        return stream.read(limit)


def graph_digest(out: Path, folder: int | None = None) -> str | None:
    """The SHA-256 of graph.trig that a build folder's manifest records (read from the head of
    manifest.json, whose first key it is; `folder`: the build folder's open descriptor), or
    None."""
    from diplograph.manifest import MANIFEST_FILE

    try:
        if folder is None:
            with open(out / MANIFEST_FILE, "rb") as handle:
                head = handle.read(256)
        else:
            head = _read(MANIFEST_FILE, folder, 256)
    except OSError:
        return None
    match = _GRAPH.search(head)
    return match.group(1).decode("ascii") if match else None


def check_page(number: int, size: int, total: int, name: str) -> None:
    """Refuse a page past the last, saying how many there are.

    >>> check_page(3, 10, 25, "q")
    >>> check_page(4, 10, 25, "q")
    Traceback (most recent call last):
    ...
    diplograph.errors.InputError: q has 3 page(s) of 10 rows (25 rows); --page 4 is past the last
    """
    pages = max(1, math.ceil(total / size))
    if number < 1 or size < 1 or number > pages:
        raise InputError(
            f"{name} has {pages} page(s) of {size} rows ({total} rows); --page {number} is "
            "past the last"
        )


def page_of(answers: Answers, number: int, size: int | None, name: str) -> Page:
    """Page `number` (from 1) of `size` rows (None: every row, as one page) of a whole answer;
    an ASK's answer is its one page.

    >>> whole = Answers(("n",), tuple(({"type": "literal", "value": str(i)},) for i in range(5)))
    >>> part = page_of(whole, 2, 2, "q")
    >>> [row[0]["value"] for row in part.answers.rows], part.pages, part.first
    (['2', '3'], 3, 3)
    """
    size = size or max(1, len(answers.rows))
    if answers.boolean is not None:
        return Page(answers, 1, size, 1, False)
    check_page(number, size, len(answers.rows), name)
    start = (number - 1) * size
    rows = answers.rows[start : start + size]
    return Page(Answers(answers.variables, rows), number, size, len(answers.rows), False)


def _row_line(row: tuple) -> bytes:
    """One row as a line of NAME.jsonl."""
    text = json.dumps(list(row), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.encode("utf-8") + b"\n"


def _write_rows(stream: IO[bytes], answers: Answers) -> bytes:
    """Write an answer's rows (NAME.jsonl) to a stream; the bytes of NAME.offsets."""
    offsets = array("Q", [0])
    for row in answers.rows:
        offsets.append(offsets[-1] + stream.write(_row_line(row)))
    if sys.byteorder != "little":
        offsets.byteswap()
    return offsets.tobytes()


def _write_answer(folder: Path, name: str, answers: Answers) -> None:
    """Write one query's rows and their offsets."""
    with open(folder / f"{name}.jsonl", "wb") as rows:
        offsets = _write_rows(rows, answers)
    (folder / f"{name}.offsets").write_bytes(offsets)


def _entry_of(query: StoredQuery, answers: Answers) -> dict:
    """A query's entry in index.json: the digest of its text, its row count and variables."""
    return {
        "query": text_digest(query.text),
        "rows": len(answers.rows),
        "variables": list(answers.variables),
    }


def _index_bytes(index: dict) -> bytes:
    """The text of index.json."""
    return (json.dumps(index, indent=2, sort_keys=True) + "\n").encode("utf-8")


def write_answers(out: Path, root: Path, store: Store | None = None) -> list[str]:
    """Precompute every whole-list stored query of the project at `root` into OUT/answers/ (OUT:
    a build folder, or its staging folder, whose store and manifest are written), run on
    `store` (default: OUT/store opened read-only); the names of the queries written."""
    from diplograph import paths
    from diplograph.built import STORE_FOLDER
    from diplograph.queries import answer_query, load_queries
    from diplograph.store import open_store

    digest = graph_digest(out)
    if digest is None:
        raise InputError(f"{out}: no manifest with the graph's digest; answers not precomputed")
    if store is None:
        store = open_store(out / STORE_FOLDER)
    folder = out / ANSWERS_FOLDER
    folder.mkdir(exist_ok=True)
    index: dict = {"engine": ENGINE, "format": FORMAT, "graph": digest, "queries": {}}
    for query in load_queries(paths.queries_dir(root)):
        if not whole_list(query):
            continue
        answers = answer_query(store, query, {}, inference=True, seconds=None)
        _write_answer(folder, query.name, answers)
        index["queries"][query.name] = _entry_of(query, answers)
    (folder / INDEX_FILE).write_bytes(_index_bytes(index))
    return sorted(index["queries"])


def _replace(folder: int, name: str, write: Callable[[IO[bytes]], T]) -> T:
    """Write a file of an open folder (its descriptor) under a name of its own, then rename it
    into place; what `write` returned."""
    temporary = f".{name}.{os.getpid()}.{threading.get_ident()}"
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666, dir_fd=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            done = write(stream)
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=folder)
        raise
    return done


def _fresh_index(answers: int, digest: str) -> dict:
    """The answers folder's index (open as `answers`) if it is of this build, else an empty one."""
    try:
        index = json.loads(_read(INDEX_FILE, answers).decode("utf-8"))
    except (OSError, ValueError):
        index = None
    if (
        not isinstance(index, dict)
        or (index.get("format"), index.get("engine"), index.get("graph"))
        != (FORMAT, ENGINE, digest)
        or not isinstance(index.get("queries"), dict)
    ):
        return {"engine": ENGINE, "format": FORMAT, "graph": digest, "queries": {}}
    return index


def keep_answer(out: int, query: StoredQuery, answers: Answers, digest: str) -> bool:
    """Add a whole-list query's answer, run on the store of the build folder open as `out` (whose
    manifest records the graph `digest`), to its answers folder, as the full build writes it;
    whether it was kept (not when the folder cannot be written: the reason logged)."""
    try:
        with contextlib.suppress(FileExistsError):
            os.mkdir(ANSWERS_FOLDER, dir_fd=out)
        folder = os.open(ANSWERS_FOLDER, os.O_RDONLY | os.O_DIRECTORY, dir_fd=out)
    except OSError as exc:
        log.info("the answer of %s not kept: %s", query.name, exc)
        return False
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)  # readers take it shared: no page of two writers
        if graph_digest(Path(), out) != digest:
            return False
        index = _fresh_index(folder, digest)
        offsets = _replace(folder, f"{query.name}.jsonl", lambda s: _write_rows(s, answers))
        _replace(folder, f"{query.name}.offsets", lambda s: s.write(offsets))
        index["queries"][query.name] = _entry_of(query, answers)
        _replace(folder, INDEX_FILE, lambda s: s.write(_index_bytes(index)))
        return True
    except OSError as exc:
        log.info("the answer of %s not kept: %s", query.name, exc)
        return False
    finally:
        os.close(folder)  # and the lock with it


def _identity(stat: os.stat_result) -> tuple[int, int]:
    """What tells one folder from another: its device and inode."""
    return stat.st_dev, stat.st_ino


def answer_now(
    out: Path, query: StoredQuery, seconds: float | None = None
) -> tuple[Answers, str | None]:
    """Run a whole-list query on the build folder's own store (with the inferred graph, as the
    full build runs it) and keep its answer for the requests after it (keep_answer); the
    answer, and the graph digest of the build it answers (None when that is not known: the
    folder was replaced while the store opened, or has no manifest; then nothing is kept)."""
    from diplograph.built import STORE_FOLDER
    from diplograph.queries import answer_query
    from diplograph.store import open_store

    folder = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    try:
        digest = graph_digest(Path(), folder)
        mine = _identity(os.stat(STORE_FOLDER, dir_fd=folder))
        store = open_store(out / STORE_FOLDER)
        if _identity(os.stat(out / STORE_FOLDER)) != mine:  # another build swapped in meanwhile
            digest = None
        answers = answer_query(store, query, {}, inference=True, seconds=seconds)
        del store
        if digest is not None and engine_name() == ENGINE:
            keep_answer(folder, query, answers, digest)
        return answers, digest
    finally:
        os.close(folder)


def _entry(out: int, answers: int, query: StoredQuery) -> dict | None:
    """The index entry of a query's precomputed answer if it answers this query on this build
    folder (`out`, `answers`: the open descriptors of it and of its answers folder) now, else
    None (the reason logged)."""
    try:
        index = json.loads(_read(INDEX_FILE, answers).decode("utf-8"))
    except (OSError, ValueError):
        log.info("no readable %s", INDEX_FILE)
        return None
    entry = index.get("queries", {}).get(query.name) if isinstance(index, dict) else None
    if (
        index.get("format") != FORMAT
        or index.get("engine") != engine_name()
        or entry is None
        or entry.get("query") != text_digest(query.text)
        or index.get("graph") != graph_digest(Path(), out)
    ):
        log.info("no precomputed answer of %s for this build and text", query.name)
        return None
    return entry


def _rows(answers: int, name: str, start: int, stop: int, total: int) -> list[tuple] | None:
    """Rows start..stop (0-based, stop excluded) of a precomputed answer of `total` rows (in the
    answers folder open as `answers`), or None when its files are not of the recorded sizes."""
    offsets_fd = os.open(f"{name}.offsets", os.O_RDONLY, dir_fd=answers)
    rows_fd = os.open(f"{name}.jsonl", os.O_RDONLY, dir_fd=answers)
    with os.fdopen(offsets_fd, "rb") as offsets, os.fdopen(rows_fd, "rb") as rows:
        if os.fstat(offsets.fileno()).st_size != 8 * (total + 1):
            return None
        bounds = array("Q")
        for row in (start, stop, total):
            offsets.seek(8 * row)
            bounds.frombytes(offsets.read(8))
        if sys.byteorder != "little":
            bounds.byteswap()
        if os.fstat(rows.fileno()).st_size != bounds[2]:
            return None
        rows.seek(bounds[0])
        data = rows.read(bounds[1] - bounds[0])
    return [tuple(json.loads(line)) for line in data.splitlines()]


def read_page(out: Path, query: StoredQuery, number: int, size: int | None) -> Page | None:
    """Page `number` of `size` rows (None: every row, as one page) of the build's precomputed
    answer to a stored query, or None when the build folder holds none that answers the query
    as it is now (then run it live). Every file is read through the build folder opened once,
    so a build swapped into place meanwhile is read wholly or not at all."""
    try:
        folder = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return None
    try:
        answers = os.open(ANSWERS_FOLDER, os.O_RDONLY | os.O_DIRECTORY, dir_fd=folder)
    except OSError:
        os.close(folder)
        log.info("%s: no precomputed answers", out)
        return None
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(answers, fcntl.LOCK_SH)  # keep_answer writes under the exclusive lock
        return _page(folder, answers, query, number, size)
    finally:
        os.close(answers)
        os.close(folder)


def _page(out: int, answers: int, query: StoredQuery, number: int, size: int | None) -> Page | None:
    """read_page, in the open build and answers folders."""
    entry = _entry(out, answers, query)
    if entry is None:
        return None
    total = int(entry["rows"])
    size = size or max(1, total)
    check_page(number, size, total, query.name)
    start = (number - 1) * size
    stop = min(total, start + size)
    try:
        rows = _rows(answers, query.name, start, stop, total)
    except (OSError, ValueError):
        rows = None
    if rows is None or len(rows) != stop - start:
        log.info("the precomputed answer of %s is damaged", query.name)
        return None
    return Page(Answers(tuple(entry["variables"]), tuple(rows)), number, size, total, True)


def page_note(page: Page, name: str) -> str:
    """The one line saying where a page lies in the whole answer and how to get the rest.

    >>> whole = Answers(("n",), tuple(({"type": "literal", "value": str(i)},) for i in range(250)))
    >>> page_note(page_of(whole, 3, 100, "q"), "q")
    'q: page 3 of 3, rows 201-250 of 250 (live); --page N for another, --all for every row'
    """
    shown = len(page.answers.rows)
    where = f"rows {page.first}-{page.first + shown - 1}" if shown else "no rows"
    source = "precomputed" if page.precomputed else "live"
    return (
        f"{name}: page {page.number} of {page.pages}, {where} of {page.total} ({source}); "
        "--page N for another, --all for every row"
    )
