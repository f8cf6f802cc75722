"""Property-based tests of the stored queries' parameter parser (queries.py) and of `diplograph
query --param`: a `params` header, a query file, a query name and a parameter value, each random
or mutated from the real ones, give a typed RDF term or a StoredQuery, or an InputError in one
line; a value is always bound as a term of its declared type and never changes the query text.
"""

from __future__ import annotations

import re
import tempfile
from datetime import date
from pathlib import Path
from unittest import mock

import pytest
from click.testing import CliRunner
from fuzzing import EXOTIC, assert_clear, fuzz_settings, mutated_bytes, one_input
from hypothesis import event, example, given
from hypothesis import strategies as st
from rdflib import XSD, Literal, URIRef

from diplograph.cli import cli
from diplograph.errors import InputError
from diplograph.iris import iri_problem
from diplograph.lookup import lookup_kind
from diplograph.queries import (
    PARAM_TYPES,
    Param,
    bind,
    get_query,
    load_queries,
    parse_query,
    run_query,
    to_term,
)
from diplograph.queries import _parse_params as parse_params
from diplograph.store import QueryResult

ROOT = Path(__file__).resolve().parents[1]
QUERY_FILES = sorted((ROOT / "queries").glob("*.rq"))
QUERIES = load_queries(ROOT / "queries")
WITH_PARAMS = [q for q in QUERIES if q.params]
LIMIT = 20.0
HEADER = re.compile(r"^# params:\s*(.*)$", re.MULTILINE)
IRIS = sorted({p.example for q in QUERIES for p in q.params if p.type == "iri"})
REAL_HEADERS = sorted({m for p in QUERY_FILES for m in HEADER.findall(p.read_text("utf-8"))})
VALUES = st.one_of(
    st.text(EXOTIC, max_size=60),
    st.sampled_from(["2023-07-26", "20230726", "2023-02-30", "-1", "1_000", "١٢", "0x10"]),
    st.sampled_from(["id:person/kim-jong-un", "id:a b", "id:x>y", "http://e.org/a", "wd:Q1"]),
    st.from_regex(r"\A[a-z]{1,6}:[^\s]{0,20}\Z"),
    st.from_regex(r"\A\d{4}-\d{2}-\d{2}\Z"),
    st.integers().map(str),
)


def values_for(param: Param) -> st.SearchStrategy[str]:
    """Values for a parameter: mostly of its type (so that the query runs), else anything."""
    typed = {
        "xsd:date": st.dates().map(date.isoformat),
        "xsd:integer": st.integers().map(str),
        "iri": st.sampled_from(IRIS),
        "xsd:string": st.text(EXOTIC, max_size=40),
    }[param.type]
    return st.one_of(typed, typed, typed, typed, VALUES)


def check_term(param: Param, value: str, term: object) -> None:
    """A bound value is a term of the declared type that says what the value says."""
    if param.type == "xsd:date":
        assert isinstance(term, Literal) and term.datatype == XSD.date
        assert isinstance(term.toPython(), date)
    elif param.type == "xsd:integer":
        assert isinstance(term, Literal) and term.datatype == XSD.integer
        assert isinstance(term.toPython(), int)
    elif param.type == "iri":
        assert isinstance(term, URIRef) and iri_problem(str(term)) is None
    else:
        assert term == Literal(value) and str(term) == value


@fuzz_settings(300, deadline_s=5)
@given(
    header=st.one_of(
        st.sampled_from(REAL_HEADERS),
        st.sampled_from(REAL_HEADERS).flatmap(
            lambda h: mutated_bytes(h.encode("utf-8")).map(lambda b: b.decode("utf-8", "replace"))
        ),
        st.text(max_size=80),
    )
)
def test_a_params_header_parses_or_is_a_clear_error(header):
    path = Path("queries/fuzzed.rq")
    with one_input("queries: params headers", LIMIT):
        try:
            params = parse_params(header, path)
        except InputError as exc:
            assert_clear(exc, str(path))
            return
        for param in params:
            assert param.type in PARAM_TYPES and re.fullmatch(r"\w+", param.name)
            assert param.example == param.example.strip() and param.example


@fuzz_settings(100, deadline_s=5)
@given(source=st.sampled_from(QUERY_FILES), data=st.data())
@example(source=QUERY_FILES[0], data=None)
def test_a_mutated_query_file_parses_or_is_a_clear_error(source, data):
    raw = source.read_bytes()
    raw = data.draw(mutated_bytes(raw), label="query file") if data else b"# title: x\n\xe9\n"
    with one_input("queries: query files", LIMIT), tempfile.TemporaryDirectory() as where:
        path = Path(where) / source.name
        path.write_bytes(raw)
        try:
            query = parse_query(path)
        except InputError as exc:
            assert_clear(exc, str(path))
            return
        assert query.name == source.stem and query.text == path.read_text(encoding="utf-8")


@fuzz_settings(200, deadline_s=5)
@given(name=st.one_of(st.text(max_size=40), st.sampled_from([q.name for q in QUERIES])))
@example(name="../queries/invitations")
@example(name="/etc/passwd")
def test_a_query_name_finds_a_stored_query_or_is_a_clear_error(name):
    folder = ROOT / "queries"
    with one_input("queries: names", LIMIT):
        try:
            query = get_query(folder, name)
        except InputError as exc:
            assert_clear(exc)
            return
        assert query.path.parent == folder and query.name == name


@fuzz_settings(300, deadline_s=5)
@given(param=st.sampled_from([p for q in WITH_PARAMS for p in q.params]), value=VALUES)
@example(param=Param("who", "iri", "id:x", False), value="id:a b")
@example(param=Param("who", "iri", "id:x", False), value='http://e.org/x> <y> "z')
def test_a_parameter_value_becomes_a_typed_term_or_a_clear_error(param, value):
    with one_input("queries: parameter values", LIMIT):
        try:
            term = to_term(param, value)
        except InputError as exc:
            assert_clear(exc)
            return
        check_term(param, value, term)


@pytest.fixture(scope="module")
def store(built):
    return built.store


@pytest.fixture(scope="module")
def columns(store) -> dict[str, list[str]]:
    """The columns of each query's answer."""
    return {q.name: list(run_query(store, q, q.examples).variables) for q in WITH_PARAMS}


@fuzz_settings(60, deadline_s=20)
@given(query=st.sampled_from(WITH_PARAMS), data=st.data())
def test_a_query_runs_with_any_bound_values_and_its_text_unchanged(store, query, data):
    values = {p.name: data.draw(values_for(p), label=p.name) for p in query.params}
    asked: list[str] = []
    real = store.query

    def spy(text, bindings=None, graphs=None):
        asked.append(text)
        return real(text, bindings, graphs)

    with one_input("queries: runs", LIMIT), mock.patch.object(store, "query", spy):
        try:
            bindings = bind(query, values)
        except InputError as exc:
            assert_clear(exc)
            return
        looked_up = [
            p.name for p in query.params if p.type == "iri" and lookup_kind(values[p.name])
        ]
        try:
            result = run_query(store, query, values)
        except InputError as exc:  # a QID (wd:Q...) that names no entity, or several
            assert_clear(exc)
            assert looked_up, exc
            return
        event("the values were bound and the query ran")
        assert isinstance(result, QueryResult)
        assert asked[-1] == query.text and len(asked) == len(looked_up) + 1
        for param in query.params:
            if param.name not in looked_up:
                check_term(param, values[param.name], bindings[param.name])


@fuzz_settings(60, deadline_s=20)
@given(
    query=st.sampled_from(WITH_PARAMS),
    items=st.lists(st.one_of(st.text(EXOTIC, max_size=30), VALUES), max_size=3),
)
def test_the_query_command_answers_or_says_what_is_wrong_in_one_line(store, columns, query, items):
    args = ["--root", str(ROOT), "query", query.name, "--format", "csv"]
    for item in items:
        args += ["--param", item]
    with (
        one_input("queries: the query command", LIMIT),
        mock.patch("diplograph.built.current_store", lambda root, out: (store, False)),
    ):
        result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 0:
        assert result.stdout.splitlines()[0].split(",") == columns[query.name]
    elif result.stderr.startswith("error: "):
        assert result.stderr.count("\n") == 1, result.stderr
    else:  # click's own usage error: a usage line, a hint, then the one-line error
        assert result.stderr.splitlines()[-1].startswith("Error: Invalid value for --param: ")
