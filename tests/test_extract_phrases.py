"""Phrase tables (extract/phrases.py): a table of names finds in a Doc exactly what spaCy's
PhraseMatcher of the same names finds, in the same order, overlaps and names with the same
tokens included."""

from __future__ import annotations

import pickle

import pytest
from spacy.matcher import PhraseMatcher

from diplograph.extract.phrases import phrase_table
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


@pytest.mark.parametrize("attr", ["LOWER", "ORTH"])
def test_a_tables_keys_are_the_names_token_values_as_to_array_gives_them(english, attr):
    """The keys are read from the tokens (twice as fast as Doc.to_array for short names): the
    same values, for every name."""
    table = phrase_table(english, attr, NAMES)
    for name in NAMES:
        doc = english.make_doc(name)
        if len(doc):  # an empty name is no key
            assert name in table.names[tuple(doc.to_array(attr).tolist())]
