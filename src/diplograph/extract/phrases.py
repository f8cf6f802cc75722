"""Phrase lookup for the gazetteer: names as sequences of token values, found in a Doc as spaCy's
PhraseMatcher finds them, but kept as plain tuples that the on-disk cache holds.

Reads names and a tokenizer once (`phrase_table`, when the cache misses); later reads only a
Doc's token values (spaCy's hashes of each token's LOWER or ORTH string, which do not depend on
the vocabulary). A PhraseMatcher costs about 0.1 s per process to fill (every name tokenized,
every pattern added); the table unpickles in milliseconds and finds the same (name, start, end)
triples in the same order: starts ascending, then ends ascending, then, for names with the same
tokens, the order of the matcher they were compiled with.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc


@dataclass(frozen=True)
class PhraseTable:
    """Names by their token values under one attribute (LOWER or ORTH)."""

    attr: str
    names: dict[tuple[int, ...], tuple[str, ...]]  # token values -> names with those tokens
    prefixes: frozenset[tuple[int, ...]]  # every leading part of a key, the keys included
    firsts: frozenset[int] = frozenset()  # the first token value of every key

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Every (name, start, end) whose tokens are doc[start:end], overlaps included."""
        if not len(doc):
            return []
        values = doc.to_array(self.attr).tolist()
        found = []
        firsts = self.firsts
        for start in range(len(values)):
            if values[start] not in firsts:  # most words open no name: no tuple to hash
                continue
            end = start + 1
            key = (values[start],)
            while key in self.prefixes:
                for name in self.names.get(key, ()):
                    found.append((name, start, end))
                if end == len(values):
                    break
                key = (*key, values[end])
                end += 1
        return found


def phrase_table(nlp: Any, attr: str, names: Iterable[str]) -> PhraseTable:
    """The table of names tokenized by `nlp` (an object with `vocab` and `make_doc`). Names with
    the same tokens are listed in the order a PhraseMatcher of all the names reports them."""
    table: dict[tuple[int, ...], list[str]] = {}
    value = attrgetter(attr.lower())  # a token's value, as Doc.to_array(attr) gives it
    for name in names:
        doc = nlp.make_doc(name)
        if len(doc):  # a PhraseMatcher skips an empty pattern
            table.setdefault(tuple(map(value, doc)), []).append(name)  # twice to_array's speed
    for key, same in table.items():
        if len(same) > 1:
            table[key] = _matcher_order(nlp, attr, same)
    prefixes = frozenset(key[:size] for key in table for size in range(1, len(key) + 1))
    firsts = frozenset(key[0] for key in table)
    return PhraseTable(attr, {key: tuple(same) for key, same in table.items()}, prefixes, firsts)


def _matcher_order(nlp: Any, attr: str, same: list[str]) -> list[str]:
    """Names with the same tokens, in the order a PhraseMatcher reports them: the order of its
    map for those tokens, which holds only them and depends only on the order they were added
    in (the order given)."""
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    for name in same:
        matcher.add(name, [nlp.make_doc(name)])
    doc = nlp.make_doc(same[0])
    return [nlp.vocab.strings[m] for m, start, end in matcher(doc) if (start, end) == (0, len(doc))]
