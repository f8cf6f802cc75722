"""The Doc the Matcher runs on (extract/sentences.py `to_doc`): one token a unit, with the unit's
lemma, a boundary or word POS, its entity profile as TAG and quotation as MORPH; the hashes
to_doc keeps between calls give the same Doc as hashing each string again."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.extract import load_rules, sentences
from diplograph.extract.sentences import Mention, merge, to_doc, tokenize
from diplograph.seeds import Sentence

ROOT = Path(__file__).resolve().parents[1]
TEXT = 'Lavrov met Wang Yi in Beijing, calling the talks "useful".'


@pytest.fixture(scope="module")
def rules():
    """The project's rules (their tokenizer and vocabulary)."""
    return load_rules(ROOT / "mappings" / "rules")


def _units(rules):
    """The units of TEXT with "Wang Yi" merged into one person unit."""
    units, _ = tokenize(Sentence(1, 0, len(TEXT), TEXT), rules)
    person = Mention(frozenset({"person", "agent"}))
    return merge(units, 2, 4, person, "Wang Yi")


def _annotations(doc) -> list[tuple[str, str, str, str, str]]:
    """Each token's text, lemma, POS, TAG and MORPH."""
    return [(t.text, t.lemma_, t.pos_, t.tag_, str(t.morph)) for t in doc]


EXPECTED = [
    ("Lavrov", "lavrov", "X", "-", ""),
    ("met", "meet", "X", "-", ""),
    ("Wang_Yi", "wang yi", "X", "person", ""),
    ("in", "in", "X", "-", ""),
    ("Beijing", "beijing", "X", "-", ""),
    (",", ",", "PUNCT", "-", ""),
    ("calling", "call", "X", "-", ""),
    ("the", "the", "X", "-", ""),
    ("talks", "talk", "X", "-", ""),
    ('"', '"', "X", "-", ""),
    ("useful", "useful", "X", "-", "Quoted=Yes"),
    ('"', '"', "X", "-", ""),
    (".", ".", "X", "-", ""),
]


def test_a_units_doc_carries_lemma_boundary_profile_and_quotation(rules):
    assert _annotations(to_doc(_units(rules), rules)) == EXPECTED
    assert _annotations(to_doc(_units(rules), rules)) == EXPECTED  # the hashes kept


def test_the_kept_hashes_start_again_past_their_bound(rules, monkeypatch):
    monkeypatch.setattr(sentences, "HASHES_KEPT", 3)
    to_doc(_units(rules), rules)
    assert len(rules.derived["hashes"]) <= 3 + len(EXPECTED)
    assert _annotations(to_doc(_units(rules), rules)) == EXPECTED
