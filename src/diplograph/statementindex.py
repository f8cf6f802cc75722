"""Where each statement of a graph lies in its TriG block, kept by column: the subjects' IRIs in
the statements' order (how often the subject is an object in the graph, then IRI) as one
string, and each statement's references, size in bytes and prefix lines as arrays, so that the
incremental build's state reads and writes it at once (no object per statement) and a splice
of graph.trig (incremental/trigfile.py) touches only the statements that change, copying the
runs between them by slicing columns.

A statement starts two bytes (the blank line) after the one before it ends (`starts`).
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

Lines = tuple[str, ...]  # the prefix lines a statement uses


@dataclass(eq=False)
class StatementIndex:
    """A graph's statements in its TriG block, in order, by column."""

    subjects: str  # the subjects' IRIs, in the statements' order, joined by "\n"
    references: array  # how often each subject is an object in the graph (the order's first key)
    sizes: array  # each statement's size in bytes
    used: array  # each statement's prefix lines, as an index into `table`
    table: tuple[Lines, ...]  # the prefix lines' tuples used

    def __len__(self) -> int:
        """How many statements."""
        return len(self.sizes)

    def __eq__(self, other: object) -> bool:
        """The same statements, sizes and prefix lines, in the same order (the table's order
        is where each tuple was first needed, so it may differ)."""
        if not isinstance(other, StatementIndex):
            return NotImplemented
        return (self.subjects, self.references, self.sizes) == (
            other.subjects,
            other.references,
            other.sizes,
        ) and [self.table[i] for i in self.used] == [other.table[i] for i in other.used]

    def names(self) -> list[str]:
        """The subjects' IRIs, in order."""
        return self.subjects.split("\n") if self.subjects else []

    def starts(self) -> array:
        """Where each statement starts in the block's body (one more: where the next would)."""
        return array("q", accumulate((size + 2 for size in self.sizes), initial=0))

    def lines(self) -> set[str]:
        """Every prefix line the statements use."""
        return {line for i in set(self.used) for line in self.table[i]}

    def items(self) -> Iterator[tuple[str, tuple[int, int, int, Lines]]]:
        """Each subject's IRI with its references, start, size and prefix lines, in order."""
        starts = self.starts()
        for i, name in enumerate(self.names()):
            yield name, (self.references[i], starts[i], self.sizes[i], self.table[self.used[i]])


def index_of(entries: list[tuple[str, int, int, Lines]]) -> StatementIndex | None:
    """The index of statements given in order as (IRI, references, size, prefix lines); None
    when an IRI holds a line break (the subjects' string could not hold it).

    >>> index = index_of([("urn:a", 0, 10, ("p:",)), ("urn:b", 2, 5, ())])
    >>> list(index.items())
    [('urn:a', (0, 0, 10, ('p:',))), ('urn:b', (2, 12, 5, ()))]
    """
    if any("\n" in name for name, *_ in entries):
        return None
    table: dict[Lines, int] = {}
    used = array("q", (table.setdefault(lines, len(table)) for *_, lines in entries))
    return StatementIndex(
        "\n".join(name for name, *_ in entries),
        array("q", (entry[1] for entry in entries)),
        array("q", (entry[2] for entry in entries)),
        used,
        tuple(table),
    )


class IndexBuilder:
    """A new index made of runs of an earlier one and statements of its own, in order."""

    def __init__(self, earlier: StatementIndex, names: list[str]) -> None:
        self.earlier, self.earlier_names = earlier, names
        self.names: list[str] = []
        self.references, self.sizes, self.used = array("q"), array("q"), array("q")
        self.table = list(earlier.table)
        self._ids = {lines: i for i, lines in enumerate(self.table)}

    def run(self, start: int, end: int) -> None:
        """The earlier index's statements start to end (excluded), as they were."""
        self.names += self.earlier_names[start:end]
        self.references += self.earlier.references[start:end]
        self.sizes += self.earlier.sizes[start:end]
        self.used += self.earlier.used[start:end]

    def one(self, name: str, references: int, size: int, lines: Lines) -> None:
        """One statement."""
        self.names.append(name)
        self.references.append(references)
        self.sizes.append(size)
        if lines not in self._ids:
            self._ids[lines] = len(self.table)
            self.table.append(lines)
        self.used.append(self._ids[lines])

    def index(self) -> StatementIndex:
        """The index made."""
        return StatementIndex(
            "\n".join(self.names), self.references, self.sizes, self.used, tuple(self.table)
        )


def insertion(index: StatementIndex, names: list[str], key: tuple[int, str], lo: int) -> int:
    """Where a statement of order key (references, IRI) goes among the index's, from `lo`."""
    references = index.references
    return bisect.bisect_left(
        range(len(names)), key, lo=lo, key=lambda i: (references[i], names[i])
    )
