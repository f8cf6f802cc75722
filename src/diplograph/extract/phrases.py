"""Phrase lookup for the gazetteer: names as sequences of token values, found in a Doc as spaCy's
PhraseMatcher finds them, but kept as plain tuples that the on-disk cache holds.

Reads names and a tokenizer once (`phrase_table`, when the cache misses); later reads only a
Doc's token values (spaCy's hashes of each token's LOWER or ORTH string, which do not depend on
the vocabulary). A PhraseMatcher costs about 0.1 s per process to fill (every name tokenized,
every pattern added); the table unpickles in milliseconds and finds the same (name, start, end)
triples in the same order: starts ascending, then ends ascending, then, for names with the same
tokens, the order of the matcher they were compiled with.

Names of plain words (words of letters one space apart) are not tokenized one by one: their
distinct words are, together, one a line in one Doc, and each name's tokens are its words'.
spaCy's tokenizer splits each run of characters between whitespace on its own, so a word of
letters that is one token alone is one token in any name, unless a special case of the
tokenizer spans whitespace or splits a word of letters (`_words_stay_whole`; then every name is
tokenized alone). tests/test_extract_phrases.py checks every name of the project's gazetteer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

LINE = "\n"  # between names tokenized together: a token of its own, in no name written plainly


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
    names = list(names)
    together = _tokenized_together(nlp, attr, names)
    table: dict[tuple[int, ...], list[str]] = {}
    for name in names:
        key = together.get(name)
        if key is None:
            key = tuple(nlp.make_doc(name).to_array(attr).tolist())
        if key:  # a PhraseMatcher skips an empty pattern
            table.setdefault(key, []).append(name)
    for key, same in table.items():
        if len(same) > 1:
            table[key] = _matcher_order(nlp, attr, same)
    prefixes = frozenset(key[:size] for key in table for size in range(1, len(key) + 1))
    firsts = frozenset(key[0] for key in table)
    return PhraseTable(attr, {key: tuple(same) for key, same in table.items()}, prefixes, firsts)


def _tokenized_together(nlp: Any, attr: str, names: list[str]) -> dict[str, tuple[int, ...]]:
    """The token values of each name of plain words (words of letters one space apart, each one
    token alone and no special case), from one Doc of all their words, one a line. Empty when a
    special case could join two words into one token or split a word of letters
    (`_words_stay_whole`)."""
    cases = _special_cases(nlp)
    if not _words_stay_whole(nlp, cases):
        return {}
    plain = [n.split(" ") for n in names if n and n == " ".join(n.split())]
    words = sorted({w for split in plain for w in split if w.isalpha() and w not in cases})
    single = _single_tokens(nlp, attr, words)
    return {
        " ".join(split): tuple(single[w] for w in split)
        for split in plain
        if all(w in single for w in split)
    }


def _single_tokens(nlp: Any, attr: str, words: list[str]) -> dict[str, int]:
    """The token value of each word that is one token alone, from one Doc of the words, one a
    line (a line break is a token of its own)."""
    if not words:
        return {}
    doc = nlp.make_doc(LINE.join(words))
    starts = doc.to_array("IDX").tolist()
    ends = [
        start + size for start, size in zip(starts, doc.to_array("LENGTH").tolist(), strict=True)
    ]
    values = doc.to_array(attr).tolist()
    single: dict[str, int] = {}
    token = offset = 0
    for word in words:
        end = offset + len(word)
        while token < len(starts) and starts[token] < offset:
            token += 1
        alone = token + 1 == len(starts) or (token + 1 < len(starts) and starts[token + 1] == end)
        if token < len(starts) and starts[token] == offset and ends[token] == end and alone:
            single[word] = values[token]
        offset = end + 1
    return single


def _words_stay_whole(nlp: Any, cases: set[str]) -> bool:
    """Whether a name's words of letters are tokenized in it as alone: spaCy's tokenizer splits
    each run of characters between whitespace on its own, then applies the special cases
    that have affixes or whitespace to the tokens as a whole; only a case with whitespace, or a
    word of letters that an affix splits, can make tokens of letters that span a space or a
    line break."""
    tokenizer = nlp.tokenizer
    for case in cases:
        if case.strip() and any(c.isspace() for c in case):
            return False
        if case.isalpha() and (
            tokenizer.find_prefix(case) or tokenizer.find_suffix(case) or tokenizer.find_infix(case)
        ):
            return False
    return True


def _special_cases(nlp: Any) -> set[str]:
    """The texts of the tokenizer's special cases, those not added yet included."""
    return {*nlp.tokenizer.rules, *getattr(nlp, "special_cases", ())}


def _matcher_order(nlp: Any, attr: str, same: list[str]) -> list[str]:
    """Names with the same tokens, in the order a PhraseMatcher reports them: the order of its
    map for those tokens, which holds only them and depends only on the order they were added
    in (the order given)."""
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    for name in same:
        matcher.add(name, [nlp.make_doc(name)])
    doc = nlp.make_doc(same[0])
    return [nlp.vocab.strings[m] for m, start, end in matcher(doc) if (start, end) == (0, len(doc))]
