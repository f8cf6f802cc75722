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

import bisect
import hashlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from rdflib import URIRef
from rdflib.term import Node

from diplograph.export import _head, statement_block, trig_block
from diplograph.store import Store
from diplograph.turtle_text import NotPlain, TurtleText

_CHUNK = 1 << 20
# IRIs a namespace manager looks up before a new one (turtle_text.TurtleText._qname): the
# statements written again name many events and attestations, each IRI a namespace of its own,
# and an insertion walks all the namespaces of a level: every 2,000 (export's), 55% of a splice
# at 3,000 articles; every 50, 19%
RENEW = 50


def _copy(source: Any, offset: int, size: int) -> Iterator[bytes]:
    """The bytes of a span of a file, a chunk at a time."""
    source.seek(offset)
    while size > 0:
        chunk = source.read(min(_CHUNK, size))
        if not chunk:
            raise OSError(f"{source.name}: shorter than its layout says")
        size -= len(chunk)
        yield chunk


def _statements(
    name: URIRef,
    old: tuple,
    touched: set[Node],
    match: Callable[..., Iterable[tuple]],
    counted: dict[Node, int],
    subjects: set[Node],
    writer: TurtleText,
    source: Any,
) -> tuple[bytes, tuple[str, ...], dict] | None:
    """A graph's block from its earlier block and the subjects whose statements or counts may
    have changed (`touched`, read again through `match`, a pattern over the graph as it is now;
    `counted`: how many more times each is an object now; `subjects`: those whose own triples
    changed, the others' statements copied as they were, however long); None where the graph
    cannot be written statement by statement."""
    offset, _, _, index = old
    body_at = offset + len(f"<{name}> {{\n".encode())
    entries = dict(index)
    fresh: dict[Node, str] = {}
    for node in touched:
        if node not in subjects and node in entries:  # only its count changed
            references, start, size, used = entries[node]
            entries[node] = (references + counted.get(node, 0), start, size, used)
            continue
        earlier = entries.pop(node, None)
        triples = list(match(node, None, None))
        if not triples:
            continue
        if not isinstance(node, URIRef) or type(node) is not URIRef:
            return None
        try:
            parts, _ = writer.statements(triples)
        except NotPlain:
            return None
        text, used = parts[node]
        if earlier is not None:
            references = earlier[0] + counted.get(node, 0)
        else:  # a new subject: counted in the graph
            references = len({(s, p) for s, p, _ in match(None, None, node)})
        entries[node] = (references, None, len(text.encode("utf-8")), used)
        fresh[node] = text
    order = _order(index, entries, touched)
    lines = {line for used in {entry[3] for entry in entries.values()} for line in used}
    if len({line.split(":", 1)[0] for line in lines}) != len(lines):
        return None
    pieces, index, at = [], {}, 0
    span: list[int] = []  # the earlier statements being copied: their start and end in the body

    def copy_span() -> None:
        """Read the statements being copied, as one piece."""
        if span:
            source.seek(body_at + span[0])
            pieces.append(source.read(span[1] - span[0]))
            span.clear()

    for subject in order:
        references, start, size, used = entries[subject]
        if subject in fresh:
            copy_span()
            pieces.append(fresh[subject].encode("utf-8"))
        elif span and span[1] + 2 == start:  # the next in the earlier block: one read
            span[1] = start + size
        else:
            copy_span()
            span.extend((start, start + size))
        index[subject] = (references, at, size, used)
        at += size + 2
    copy_span()
    block = f"<{name}> {{\n".encode() + b"\n\n".join(pieces) + b"\n}\n"
    return block, tuple(sorted(lines)), index


def _order(earlier: dict, entries: dict, touched: set[Node]) -> list:
    """The subjects in the order of their statements, by references then IRI: the earlier
    ones not touched in their earlier order (their keys did not change), the touched merged in.

    >>> a, b, c = (URIRef(f"urn:{x}") for x in "abc")
    >>> _order({a: (0,), b: (1,)}, {a: (2,), b: (1,), c: (1,)}, {a, c})
    [rdflib.term.URIRef('urn:b'), rdflib.term.URIRef('urn:c'), rdflib.term.URIRef('urn:a')]
    """
    key = lambda s: (entries[s][0], str(s))  # noqa: E731
    kept = [s for s in earlier if s not in touched]
    moved = sorted((s for s in touched if s in entries), key=key)
    order, done = [], 0
    for subject in moved:
        at = bisect.bisect_left(kept, key(subject), lo=done, key=key)
        order += kept[done:at]
        order.append(subject)
        done = at
    return order + kept[done:]


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
    fresh: dict[URIRef, bytes] = {}
    used: dict[URIRef, tuple[str, ...]] = {}
    statements: dict[URIRef, dict] = {}
    ordered = sorted(names)
    with old_path.open("rb") as source:
        for name in ordered:
            old = old_layout.get(name)
            if old is not None and name not in changed:
                used[name] = old[2]
                statements[name] = old[3]
                continue
            found = None
            if old is not None and old[3] is not None and name in (touched or {}):
                found = _statements(name, old, *touched[name], writer, source)
            if found is None and old is not None and old[3] is not None:
                found = statement_block(name, store.triples(name), writer)
                if found is not None:
                    found = (found[0].encode("utf-8"), found[1], found[2])
            if found is not None:
                fresh[name], used[name], statements[name] = found
                continue
            block = trig_block(name, store.triples, store.graph, writer, set(), used)
            fresh[name] = block.encode("utf-8")
            statements[name] = None
        prefixes = {line for name in ordered for line in used[name]}
        head = _head(prefixes).encode("utf-8")
        digest = hashlib.sha256()
        layout = {}
        with path.open("wb") as out:

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
                    offset, size = old_layout[name][:2]
                    for chunk in _copy(source, offset, size):
                        write(chunk)
                layout[name] = (at, size, used[name], statements[name])
                at += size
    return digest.hexdigest(), layout
