"""Phrase tables (extract/phrases.py): a table of names finds in a Doc exactly what spaCy's
PhraseMatcher of the same names finds, in the same order, overlaps and names with the same
tokens included."""

from __future__ import annotations

import pickle

import pytest
from spacy.attrs import ORTH
from spacy.matcher import PhraseMatcher

from diplograph.extract.gazetteer import _entries
from diplograph.extract.phrases import _matcher_order, _tokenized_together, phrase_table
from diplograph.extract.spacyparts import English

NAMES = [
    "New York",
    "New York City",
    "York",
    "King",
    "king",
    "Kim Jong Un",
    "Kim Jong un",
    "Kim Jong-un",
    "U.S.",
    "",
    " ",
]
TEXT = "King Charles met Kim Jong Un in New York City; the king of New York, U.S., and York."


@pytest.fixture(scope="module")
def english() -> English:
    """The rule layer's tokenizer."""
    return English()


def _matched(english: English, attr: str, doc) -> list[tuple[str, int, int]]:
    """What a PhraseMatcher of NAMES finds in a Doc."""
    matcher = PhraseMatcher(english.vocab, attr=attr)
    for name in NAMES:
        matcher.add(name, [english.make_doc(name)])
    return [(english.vocab.strings[m], start, end) for m, start, end in matcher(doc)]


def test_a_table_matched_by_lower_case_finds_every_name(english):
    doc = english.make_doc(TEXT)
    found = phrase_table(english, "LOWER", NAMES)(doc)
    assert found == [  # names with the same tokens in the matcher's own order
        ("king", 0, 1),
        ("King", 0, 1),
        ("Kim Jong un", 3, 6),
        ("Kim Jong Un", 3, 6),
        ("New York", 7, 9),
        ("New York City", 7, 10),
        ("York", 8, 9),
        ("king", 12, 13),
        ("King", 12, 13),
        ("New York", 14, 16),
        ("York", 15, 16),
        ("U.S.", 17, 18),
        ("York", 20, 21),
    ]
    assert found == _matched(english, "LOWER", doc)


def test_a_table_matched_as_written_finds_what_the_matcher_finds(english):
    doc = english.make_doc(TEXT + " KING KIM JONG-UN")
    found = phrase_table(english, "ORTH", NAMES)(doc)
    assert ("king", 12, 13) in found and ("King", 12, 13) not in found
    assert found == _matched(english, "ORTH", doc)


def test_a_table_survives_pickling_and_an_empty_doc(english):
    table = phrase_table(english, "LOWER", NAMES)
    again = pickle.loads(pickle.dumps(table))
    assert again == table
    assert again(english.make_doc("")) == [] and again(english.make_doc("Paris")) == []


def test_a_table_knows_the_first_token_of_every_name(english):
    """`firsts`: the values a name can open with; a token with another value is skipped at once."""
    table = phrase_table(english, "LOWER", NAMES)
    strings = english.vocab.strings
    assert sorted(strings[v] for v in table.firsts) == [" ", "kim", "king", "new", "u.s.", "york"]
    assert table.firsts == frozenset(key[0] for key in table.names)


def _name_by_name(english: English, attr: str, names: list[str]) -> dict:
    """The table's names map as made before names were tokenized together: each name alone,
    names with the same tokens in a PhraseMatcher's order."""
    table: dict[tuple[int, ...], list[str]] = {}
    for name in names:
        key = tuple(english.make_doc(name).to_array(attr).tolist())
        if key:
            table.setdefault(key, []).append(name)
    for key, same in table.items():
        if len(same) > 1:
            table[key] = _matcher_order(english, attr, same)
    return {key: tuple(same) for key, same in table.items()}


@pytest.mark.parametrize("attr", ["LOWER", "ORTH"])
def test_every_name_of_the_gazetteer_has_the_tokens_it_has_alone(layer, attr):
    """Names of plain words take their tokens from one Doc of their words: the same tokens, for
    each of the project's 23,000 names, as each name tokenized alone."""
    rules, gazetteer = layer
    names = list(_entries(gazetteer, rules.gazetteer))
    together = _tokenized_together(English(), attr, names)
    assert len(together) > 0.7 * len(names)  # most names are plain words
    assert phrase_table(English(), attr, names).names == _name_by_name(English(), attr, names)


def test_a_word_that_is_a_special_case_is_tokenized_in_its_name():
    """ "Cannot" is two tokens (spaCy's special case): its name is tokenized alone."""
    names = ["Cannot Stop", "New York", "York", "Kim Jong-un"]
    assert sorted(_tokenized_together(English(), "ORTH", names)) == ["New York", "York"]
    english = English()
    table = phrase_table(english, "ORTH", names)
    assert table.names == _name_by_name(English(), "ORTH", names)
    words = [[english.vocab.strings[v] for v in key] for key in table.names]
    assert words == [["Can", "not", "Stop"], ["New", "York"], ["York"], ["Kim", "Jong", "-", "un"]]


def test_a_special_case_across_a_space_has_every_name_tokenized_alone():
    """A special case with a space ("New York" as one token) could join two words of a name:
    then no name takes its tokens from its words."""
    english = English()
    english.tokenizer.add_special_case("New York", [{ORTH: "New York"}])
    names = ["New York City", "York"]
    assert _tokenized_together(english, "LOWER", names) == {}
    table = phrase_table(english, "LOWER", names)
    assert [len(key) for key in table.names] == [2, 1]  # "new york", "city"; "york"
