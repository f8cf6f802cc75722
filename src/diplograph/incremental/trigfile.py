"""Incremental build, graph.trig: the earlier file's blocks copied as they are and only the
changed graphs written again, giving the bytes export.write_trig gives for the whole store.

Reads the earlier graph.trig and where each of its blocks lies (the state's layout); writes the new
file (prefix lines, then one block per graph in IRI order, a blank line between), its SHA-256 and
its layout. The copy still reads and writes every byte of the file (about 60 MB at 1,000
articles); only the changed blocks are serialised.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from rdflib import URIRef

from diplograph.export import _head, trig_block
from diplograph.store import Store
from diplograph.turtle_text import TurtleText

_CHUNK = 1 << 20


def _copy(source, offset: int, size: int) -> Iterator[bytes]:  # noqa: ANN001 (a binary file)
    """The bytes of a span of a file, a chunk at a time."""
    source.seek(offset)
    while size > 0:
        chunk = source.read(min(_CHUNK, size))
        if not chunk:
            raise OSError(f"{source.name}: shorter than its layout says")
        size -= len(chunk)
        yield chunk


def splice_trig(
    store: Store,
    names: list[URIRef],
    changed: set[URIRef],
    old_path: Path,
    old_layout: dict,
    path: Path,
) -> tuple[str, dict]:
    """Write the TriG of the named graphs into `path`: each graph not in `changed` copied from
    the earlier file, the others written from the store; the file's SHA-256 and its layout."""
    writer = TurtleText()
    fresh: dict[URIRef, bytes] = {}
    used: dict[URIRef, tuple[str, ...]] = {}
    ordered = sorted(names)
    for name in ordered:
        if name in changed or name not in old_layout:
            fresh[name] = trig_block(name, store.triples, store.graph, writer, set(), used).encode()
        else:
            used[name] = old_layout[name][2]
    prefixes = {line for name in ordered for line in used[name]}
    head = _head(prefixes).encode("utf-8")
    digest = hashlib.sha256()
    layout = {}
    with old_path.open("rb") as source, path.open("wb") as out:

        def write(data: bytes) -> None:
            out.write(data)
            digest.update(data)

        write(head)
        at = len(head)
        for index, name in enumerate(ordered):
            if index:
                write(b"\n")
                at += 1
            if name in fresh:
                write(fresh[name])
                size = len(fresh[name])
            else:
                offset, size, _ = old_layout[name]
                for chunk in _copy(source, offset, size):
                    write(chunk)
            layout[name] = (at, size, used[name])
            at += size
    return digest.hexdigest(), layout
