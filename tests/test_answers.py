"""Answers as SPARQL 1.1 JSON terms (`store.answers`, `queries.answer_query`): what `diplograph
query` prints from them is, byte for byte, what it printed from rdflib terms, for every stored
query in every format; a literal Oxigraph answers becomes the JSON term of the rdflib literal the
store makes of it, rdflib's own forms included."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import XSD, Literal

from diplograph.output import RESULT_FORMATS, render
from diplograph.queries import answer_query, load_queries, run_query
from diplograph.store import OxigraphStore
from diplograph.store.terms import json_of_oxigraph, json_of_rdflib

ROOT = Path(__file__).resolve().parents[1]
QUERIES = load_queries(ROOT / "queries")
XSD_ = str(XSD)


@pytest.mark.parametrize("inference", [True, False], ids=["inferred", "asserted"])
@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_every_stored_query_prints_as_from_rdflib_terms(built, query, inference):
    terms = run_query(built.store, query, query.examples, inference)
    answers = answer_query(built.store, query, query.examples, inference)
    for fmt in RESULT_FORMATS:
        assert render(answers, fmt) == render(terms, fmt)


LITERALS = [
    ("1.5E0", "double", "1.5"),
    ("1.0E1", "double", "10.0"),
    ("NaN", "double", "nan"),
    ("1", "float", "1.0"),
    ("0.0000001", "decimal", "0.0000001"),
    ("2023-07-26T10:00:00Z", "dateTime", "2023-07-26T10:00:00+00:00"),
    ("2023-07-26Z", "date", "2023-07-26"),
    ("2023-07-26", "date", "2023-07-26"),
    ("-12", "integer", "-12"),
    ("true", "boolean", "true"),
    ("2023", "gYear", "2023"),
]


@pytest.mark.parametrize(("value", "datatype", "written"), LITERALS)
def test_an_oxigraph_literal_is_written_as_rdflib_writes_it(value, datatype, written):
    term = ox.Literal(value, datatype=ox.NamedNode(XSD_ + datatype))
    converted = json_of_oxigraph(term, ox)
    assert converted == {"type": "literal", "value": written, "datatype": XSD_ + datatype}
    assert converted == json_of_rdflib(OxigraphStore()._rdflib(term))


@pytest.mark.parametrize(
    "term",
    [
        ox.NamedNode("urn:x-test:a"),
        ox.BlankNode("b0"),
        ox.Literal("Kim"),
        ox.Literal("Ким", language="ru"),
        ox.Literal("x", datatype=ox.NamedNode("urn:x-test:type")),
    ],
    ids=str,
)
def test_other_terms_convert_as_through_rdflib(term):
    assert json_of_oxigraph(term, ox) == json_of_rdflib(OxigraphStore()._rdflib(term))


def test_unbound_stays_none_and_rdflib_agrees_on_a_plain_literal():
    assert json_of_oxigraph(None, ox) is None
    assert json_of_rdflib(Literal("x")) == {"type": "literal", "value": "x"}
