"""Every stored query is proven with exact answers: tests/expected/<stem>.csv (with inference)
and, for queries that need inference, tests/expected/<stem>.no-inference.csv (without)."""

from __future__ import annotations

import csv
import shutil
import socket
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from rdflib import XSD, Literal, URIRef

from diplograph.errors import InputError, RemoteError
from diplograph.output import to_csv
from diplograph.queries import (
    Param,
    bind,
    get_query,
    load_queries,
    parse_query,
    run_query,
    to_term,
)

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "tests" / "expected"
QUERIES = load_queries(ROOT / "queries")


def _rows(text: str) -> tuple[list[str], Counter]:
    """Header and multiset of rows of a CSV text."""
    rows = list(csv.reader(text.splitlines()))
    return rows[0], Counter(tuple(r) for r in rows[1:])


def _expected(name: str) -> tuple[list[str], Counter]:
    """The expected answer file of a query."""
    return _rows((EXPECTED / name).read_text(encoding="utf-8"))


def test_at_least_twenty_queries_three_needing_inference():
    assert len(QUERIES) >= 20
    assert sum(q.inference for q in QUERIES) >= 3


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_query_answers_exactly(built, query):
    result = run_query(built.store, query, query.examples)
    assert _rows(to_csv(result, short=True)) == _expected(f"{query.name}.csv")


@pytest.mark.parametrize("query", [q for q in QUERIES if q.inference], ids=lambda q: q.name)
def test_inference_changes_the_answer(built, query):
    with_inference = _rows(to_csv(run_query(built.store, query, query.examples), short=True))
    without = _rows(to_csv(run_query(built.store, query, query.examples, False), short=True))
    assert without == _expected(f"{query.name}.no-inference.csv")
    assert without != with_inference


@pytest.mark.parametrize("query", [q for q in QUERIES if not q.inference], ids=lambda q: q.name)
def test_query_marked_not_needing_inference_does_not(built, query):
    with_inference = _rows(to_csv(run_query(built.store, query, query.examples), short=True))
    without = _rows(to_csv(run_query(built.store, query, query.examples, False), short=True))
    assert without == with_inference


def test_no_orphan_expected_files():
    names = {q.name for q in QUERIES}
    for path in EXPECTED.glob("*.csv"):
        stem = path.name.removesuffix(".csv").removesuffix(".no-inference")
        assert stem in names, f"{path.name} has no query"


def test_every_query_has_a_header_question():
    for query in QUERIES:
        assert query.title and query.question.endswith("?") or query.question.endswith(".")
        assert "SELECT" in query.text or "ASK" in query.text


def test_parameter_is_bound_not_spliced(built):
    query = get_query(ROOT / "queries", "events-on-date")
    hostile = '2023-07-26" } ; DROP ALL ; #'
    with pytest.raises(InputError, match="not a valid xsd:date"):
        bind(query, {"date": hostile})
    result = run_query(built.store, query, {"date": "2023-07-25"})
    labels = sorted(str(row[1]) for row in result.rows)
    assert labels == [
        "North Korea welcomes the Russian delegation at the airport in Pyongyang",
        "Russian delegation led by Sergei Shoigu arrives in Pyongyang",
    ]


def test_string_parameter_with_quotes_is_a_literal(built):
    query = get_query(ROOT / "queries", "weapons-at-exhibition")
    result = run_query(built.store, query, {"exhibition": 'x" || true || "'})
    assert result.rows == ()


def test_missing_and_unknown_parameters_are_errors():
    query = get_query(ROOT / "queries", "events-on-date")
    with pytest.raises(InputError, match="needs --param date"):
        bind(query, {})
    with pytest.raises(InputError, match="no parameter colour"):
        bind(query, {"date": "2023-07-26", "colour": "red"})


def test_unknown_query_suggests_names():
    with pytest.raises(InputError, match="did you mean letters-delivered"):
        get_query(ROOT / "queries", "letters")


def test_header_without_question_is_rejected(tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("# title: x\nSELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.rq:1: header lacks question, params, inference"):
        parse_query(bad)


@pytest.mark.parametrize(
    "name", ["../outside", "{outside}", "sub/letters-delivered", ".hidden", "letters..delivered"]
)
def test_a_query_name_is_a_name_in_queries_not_a_path(tmp_path, name):
    from click.testing import CliRunner

    from diplograph.cli import cli

    shutil.copytree(ROOT / "queries", tmp_path / "project" / "queries")
    outside = tmp_path / "project" / "outside.rq"
    outside.write_bytes((ROOT / "queries" / "letters-delivered.rq").read_bytes())
    name = name.format(outside=tmp_path / "project" / "outside")
    result = CliRunner().invoke(cli, ["--root", str(tmp_path / "project"), "query", name])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"error: {name!r} is not a stored query name: a name is the stem of a file in "
        "queries/ (see `diplograph queries`), never a path\n"
    )


def test_a_federated_query_whose_endpoint_is_unreachable_is_a_remote_error_exit_3(built, tmp_path):
    federated = ROOT / "queries" / "federated" / "capitals-of-event-places.rq"
    text = federated.read_text(encoding="utf-8")
    path = tmp_path / "capitals.rq"
    with socket.socket() as free:  # a port nothing listens on
        free.bind(("127.0.0.1", 0))
        endpoint = f"http://127.0.0.1:{free.getsockname()[1]}/"
    path.write_text(text.replace("https://query.wikidata.org/sparql", endpoint))
    with pytest.raises(RemoteError) as caught:
        run_query(built.store, parse_query(path), {})
    assert caught.value.exit_code == 3
    refused = {  # each engine's own words
        "rdflib": "<urlopen error [Errno 111] Connection refused>",
        "oxigraph": "Connection refused (os error 111)",
    }[built.store.engine]
    assert str(caught.value) == f"{path}: the SERVICE endpoint <{endpoint}> failed: {refused}"


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("id:person/kim jong un", "'id:person/kim jong un' is not an IRI: it holds a space or "),
        ("id:x>y", "'id:x>y' is not an IRI: it holds the character '>'"),
        ("id:a\x00", "'id:a\\x00' is not an IRI: it holds a space or control character"),
    ],
    ids=["space", "angle-bracket", "control"],
)
def test_an_iri_parameter_that_is_no_iri_is_an_error(value, problem):
    """Found by tests/test_fuzz_queries.py: a prefixed name took any text after the colon."""
    query = get_query(ROOT / "queries", "events-in-country")
    with pytest.raises(InputError) as error:
        bind(query, {"country": value})
    assert str(error.value).startswith(problem)
    assert str(error.value) in (problem, problem + "control character")


def test_a_query_file_that_is_not_utf8_is_an_error_naming_it(tmp_path):
    """Found by tests/test_fuzz_queries.py: a UnicodeDecodeError escaped."""
    path = tmp_path / "bad.rq"
    path.write_bytes(b"# title: caf\xe9\n")
    with pytest.raises(InputError) as error:
        parse_query(path)
    assert str(error.value) == (
        f"{path}: malformed query: not UTF-8 text: byte 0xe9 (save the file as UTF-8)"
    )


def test_an_optional_parameter_left_out_takes_its_default():
    query = get_query(ROOT / "queries", "claims-by-source")
    assert [(p.name, p.type, p.example, p.optional) for p in query.params] == [
        ("source", "iri", "id:org/kcna", True)
    ]
    assert bind(query, {}) == {"source": URIRef("https://w3id.org/diplograph/id/org/kcna")}
    assert bind(query, {"source": "id:org/tass"}) == {
        "source": URIRef("https://w3id.org/diplograph/id/org/tass")
    }


@pytest.mark.parametrize(
    ("kind", "value", "term"),
    [
        ("xsd:integer", "12", Literal(12, datatype=XSD.integer)),
        ("xsd:integer", "-3", Literal(-3, datatype=XSD.integer)),
        ("xsd:date", "2023-07-26", Literal(date(2023, 7, 26), datatype=XSD.date)),
        ("xsd:string", 'x" } ; DROP ALL ; #', Literal('x" } ; DROP ALL ; #')),
    ],
)
def test_a_value_becomes_a_term_of_its_type(kind, value, term):
    assert to_term(Param("p", kind, value, False), value) == term


@pytest.mark.parametrize(
    ("kind", "value"),
    [("xsd:integer", "twelve"), ("xsd:integer", "1.5"), ("xsd:date", "2023-02-30")],
)
def test_a_value_not_of_its_type_is_an_error(kind, value):
    with pytest.raises(InputError) as error:
        to_term(Param("p", kind, value, False), value)
    assert str(error.value) == f"parameter p: {value!r} is not a valid {kind}"
