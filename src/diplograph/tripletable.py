"""Triple tables: a named graph read out of the store for reading only, held compactly.

The validation stages read every asserted graph once and keep it for the whole stage (the rule
graphs' check, the batches, the conflict scan: validate_articles.GraphCopies). As rdflib graphs
those copies cost about 2.4 KiB a triple (three nested indexes and a context dictionary per
triple: some 950 MiB at 1,000 articles, the build's peak); a `TripleTable` keeps the triples in
a tuple and indexes them by subject, predicate or object only when a pattern first asks for it
(about a tenth as much). It answers the part of rdflib's `Graph` that validation reads, with
rdflib's results in rdflib's order: each triple once (equal as rdflib terms), and the triples of
a pattern with two terms bound in the order they were added.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib.term import Node

Triple = tuple[Node, Node, Node]
Pattern = tuple[Node | None, Node | None, Node | None]
_SELECTIVE = (0, 2, 1)  # the index a pattern is looked up in: subject, else object, else predicate


class TripleTable:
    """A graph's triples, read only: iterated, counted, tested and matched against patterns."""

    __slots__ = ("_triples", "_index")

    def __init__(self, triples: Iterable[Triple]) -> None:
        """The triples, each once (as an rdflib graph keeps them), in the order first given."""
        self._triples: tuple[Triple, ...] = tuple(dict.fromkeys(triples))
        self._index: dict[int, dict[Node, list[Triple]]] = {}  # position -> term -> triples

    def __len__(self) -> int:
        """The number of triples."""
        return len(self._triples)

    def __iter__(self) -> Iterator[Triple]:
        """Every triple, in the order added."""
        return iter(self._triples)

    def __contains__(self, triple: Triple) -> bool:
        """Whether the table holds a triple (all three terms given)."""
        return triple in self._by(0).get(triple[0], ())

    def _by(self, position: int) -> dict[Node, list[Triple]]:
        """The triples by their term at a position (0 subject, 1 predicate, 2 object), made on
        first use."""
        index = self._index.get(position)
        if index is None:
            index = self._index[position] = {}
            for triple in self._triples:
                index.setdefault(triple[position], []).append(triple)
        return index

    def triples(self, pattern: Pattern) -> Iterator[Triple]:
        """The triples that match a pattern (None matches any term)."""
        bound = [(i, pattern[i]) for i in _SELECTIVE if pattern[i] is not None]
        if not bound:
            return iter(self._triples)
        first, term = bound[0]
        found = self._by(first).get(term, ())
        rest = bound[1:]
        return (t for t in found if all(t[i] == value for i, value in rest))

    def subjects(self, predicate: Node | None = None, object: Node | None = None) -> Iterator[Node]:  # noqa: A002 (rdflib's name)
        """The subject of each matching triple (repeated as rdflib repeats it)."""
        return (s for s, _, _ in self.triples((None, predicate, object)))

    def objects(self, subject: Node | None = None, predicate: Node | None = None) -> Iterator[Node]:
        """The object of each matching triple."""
        return (o for _, _, o in self.triples((subject, predicate, None)))

    def subject_objects(self, predicate: Node | None = None) -> Iterator[tuple[Node, Node]]:
        """The subject and object of each triple of a predicate."""
        return ((s, o) for s, _, o in self.triples((None, predicate, None)))

    def value(self, subject: Node, predicate: Node) -> Node | None:
        """The first object of a subject's predicate, or None (rdflib's `value(s, p)`)."""
        return next(self.objects(subject, predicate), None)
