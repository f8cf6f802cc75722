"""Incremental build, graph.trig: the earlier file's blocks copied as they are and only the
changed graphs written again, giving the bytes export.write_trig gives for the whole store; the
inferred graph, which changes with every article, statement by statement.

Reads the earlier graph.trig and where each of its blocks lies (the state's layout: offset, size,
prefix lines and, for the inferred graph, each subject's statement: how often the subject is an
object in the graph, which orders the statements, and where its text lies); writes the new file
(prefix lines, then one block per graph in IRI order, a blank line between), its SHA-256 and its
layout. The copy still reads and writes every byte of the file (about 60 MB at 1,000 articles).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from rdflib import URIRef
from rdflib.term import Node

from diplograph.export import _head, statement_block, trig_block
from diplograph.statementindex import IndexBuilder, StatementIndex, insertion
from diplograph.store import Store
from diplograph.turtle_text import NotPlain, TurtleText

_CHUNK = 1 << 20
# IRIs a namespace manager looks up before a new one (turtle_text.TurtleText._qname): the
# statements written again name many events and attestations, whose namespaces are one an
# article, and an insertion walks all the namespaces of a level: every 2,000 (export's), 55% of
# a splice at 3,000 articles; every 50, 19%. Since those IRIs are no longer asked of the
# manager (TurtleText._outside: no prefix can name them), it seldom gets 50
RENEW = 50


class _Parts:
    """The new file as pieces in order: bytes of its own, and spans of the earlier file (offset,
    size), a span that continues the one before it joined to it."""

    def __init__(self) -> None:
        self.pieces: list[bytes | tuple[int, int]] = []
        self.size = 0  # the bytes so far

    def text(self, data: bytes) -> None:
        """Bytes of the new file's own."""
        if data:
            self.pieces.append(data)
            self.size += len(data)

    def span(self, offset: int, size: int) -> None:
        """Bytes of the earlier file, as they are."""
        last = self.pieces[-1] if self.pieces else None
        if isinstance(last, tuple) and last[0] + last[1] == offset:
            self.pieces[-1] = (last[0], last[1] + size)
        elif size:
            self.pieces.append((offset, size))
        self.size += size

    def extend(self, other: _Parts) -> None:
        """The pieces of another, after these."""
        for piece in other.pieces:
            self.text(piece) if isinstance(piece, bytes) else self.span(*piece)


def _copy(source: Any, offset: int, size: int) -> Iterator[bytes]:
    """The bytes of a span of a file, a chunk at a time."""
    source.seek(offset)
    while size > 0:
        chunk = source.read(min(_CHUNK, size))
        if not chunk:
            raise OSError(f"{source.name}: shorter than its layout says")
        size -= len(chunk)
        yield chunk


def _statements(  # noqa: PLR0913
    name: URIRef,
    old: tuple,
    touched: set[Node],
    match: Callable[..., Iterable[tuple]],
    counted: dict[Node, int],
    subjects: set[Node],
    writer: TurtleText,
) -> tuple[_Parts, tuple[str, ...], StatementIndex] | None:
    """A graph's block from its earlier block and the subjects whose statements or counts may
    have changed (`touched`, read again through `match`, a pattern over the graph as it is now;
    `counted`: how many more times each is an object now; `subjects`: those whose own triples
    changed, the others' statements copied as they were, however long); None where the graph
    cannot be written statement by statement. The earlier statements not touched keep their
    order (their keys did not change) and are copied by runs; the touched are merged in."""
    offset, _, _, earlier = old
    body_at = offset + len(f"<{name}> {{\n".encode())
    names = earlier.names()
    where = dict(zip(names, range(len(names)), strict=True))
    starts = earlier.starts()
    gone: set[int] = set()  # the earlier statements that leave their place
    moved: list[tuple[int, str, bytes | int, int, tuple[str, ...]]] = []
    for node in touched:
        at = where.get(str(node)) if type(node) is URIRef else None
        if at is not None:
            gone.add(at)
            if node not in subjects:  # only its count changed: its text as it was
                lines = earlier.table[earlier.used[at]]
                references = earlier.references[at] + counted.get(node, 0)
                moved.append((references, str(node), at, earlier.sizes[at], lines))
                continue
        triples = list(match(node, None, None))
        if not triples:
            continue
        if type(node) is not URIRef:
            return None
        try:
            parts, _ = writer.statements(triples)
        except NotPlain:
            return None
        text, lines = parts[node]
        if at is not None:
            references = earlier.references[at] + counted.get(node, 0)
        else:  # a new subject: counted in the graph
            references = len({(s, p) for s, p, _ in match(None, None, node)})
        data = text.encode("utf-8")
        moved.append((references, str(node), data, len(data), lines))
    moved.sort(key=lambda entry: entry[:2])
    built = IndexBuilder(earlier, names)
    pieces = _Parts()
    pieces.text(f"<{name}> {{\n".encode())
    first = [True]

    def gap() -> None:
        """The blank line between two statements."""
        if not first[0]:
            pieces.text(b"\n\n")
        first[0] = False

    for item in _merged(earlier, names, gone, moved):
        gap()
        if len(item) == 2:  # a run of earlier statements that stay
            left, right = item
            pieces.span(body_at + starts[left], starts[right] - 2 - starts[left])
            built.run(left, right)
            continue
        references, subject, text, size, lines = item
        if isinstance(text, bytes):
            pieces.text(text)
        else:
            pieces.span(body_at + starts[text], size)
        built.one(subject, references, size, lines)
    pieces.text(b"\n}\n")
    index = built.index()
    lines = index.lines()
    if len({line.split(":", 1)[0] for line in lines}) != len(lines):
        return None
    return pieces, tuple(sorted(lines)), index


def _merged(earlier: StatementIndex, names: list[str], gone: set[int], moved: list) -> Iterator:
    """The new order: runs (start, end excluded) of the earlier statements that stay, in their
    order (their keys did not change), with the `moved` entries (references, IRI, ...; sorted)
    merged in where their keys put them.

    >>> from diplograph.statementindex import index_of
    >>> earlier = index_of([(n, r, 1, ()) for n, r in (("a", 0), ("b", 0), ("c", 1), ("d", 2))])
    >>> list(_merged(earlier, ["a", "b", "c", "d"], {1}, [(1, "b", 1), (1, "e", 2)]))
    [(0, 1), (1, 'b', 1), (2, 3), (1, 'e', 2), (3, 4)]
    """
    done = 0
    for entry in moved:
        at = insertion(earlier, names, entry[:2], done)
        yield from _kept(done, at, gone)
        done = at
        yield entry
    yield from _kept(done, len(names), gone)


def _kept(start: int, end: int, gone: set[int]) -> Iterator[tuple[int, int]]:
    """The runs (start, end excluded) of positions start to end that are not gone.

    >>> list(_kept(0, 6, {2, 3, 9}))
    [(0, 2), (4, 6)]
    """
    left = start
    for at in sorted(g for g in gone if start <= g < end):
        if left < at:
            yield left, at
        left = at + 1
    if left < end:
        yield left, end


def splice_trig(
    store: Store,
    names: list[URIRef],
    changed: set[URIRef],
    old_path: Path,
    old_layout: dict,
    path: Path,
    touched: dict[URIRef, tuple[set[Node], Callable[..., Iterable[tuple]], dict, set]]
    | None = None,
) -> tuple[str, dict]:
    """Write the TriG of the named graphs into `path`: each graph not in `changed` copied from
    the earlier file; a graph in `touched` (its changed nodes, a pattern over it, how many more
    times each is an object and the subjects whose own triples changed) statement by statement
    where the layout has its statements; the others written from the store. The file's SHA-256
    and its layout."""
    writer = TurtleText()
    writer.renew = RENEW
    blocks: dict[URIRef, _Parts] = {}
    used: dict[URIRef, tuple[str, ...]] = {}
    statements: dict[URIRef, StatementIndex | None] = {}
    ordered = sorted(names)
    for name in ordered:
        old = old_layout.get(name)
        if old is not None and name not in changed:
            used[name] = old[2]
            statements[name] = old[3]
            continue
        found = None
        if old is not None and old[3] is not None and name in (touched or {}):
            found = _statements(name, old, *touched[name], writer)
        if found is None and old is not None and old[3] is not None:
            whole = statement_block(name, store.triples(name), writer)
            if whole is not None:
                found = (_own(whole[0].encode("utf-8")), whole[1], whole[2])
        if found is not None:
            blocks[name], used[name], statements[name] = found
            continue
        block = trig_block(name, store.triples, store.graph, writer, set(), used)
        blocks[name] = _own(block.encode("utf-8"))
        statements[name] = None
    prefixes = {line for name in ordered for line in used[name]}
    pieces = _Parts()
    pieces.text(_head(prefixes).encode("utf-8"))
    layout = {}
    for index, name in enumerate(ordered):
        gap = 1 if index else 0  # the blank line between two blocks
        if name in blocks:
            pieces.text(b"\n" * gap)
            at = pieces.size
            pieces.extend(blocks[name])
            size = pieces.size - at
        else:  # copied with the line before it, "\n" in the earlier file too
            offset, size = old_layout[name][:2]
            pieces.span(offset - gap, size + gap)
            at = pieces.size - size
        layout[name] = (at, size, used[name], statements[name])
    return _write(pieces, old_path, path), layout


def _own(data: bytes) -> _Parts:
    """Bytes as pieces."""
    parts = _Parts()
    parts.text(data)
    return parts


def _write(pieces: _Parts, old_path: Path, path: Path) -> str:
    """Write the pieces into `path`, the spans read from `old_path`; the SHA-256, in hex."""
    digest = hashlib.sha256()
    with old_path.open("rb") as source, path.open("wb") as out:
        for piece in pieces.pieces:
            chunks = [piece] if isinstance(piece, bytes) else _copy(source, *piece)
            for chunk in chunks:
                out.write(chunk)
                digest.update(chunk)
    return digest.hexdigest()
