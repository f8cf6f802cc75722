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
        "queries/ (see `diplograph queries`), never a path; a query file is run by its path "
        "ending in .rq\n"
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


@pytest.fixture
def cli_run(monkeypatch, built):
    """Run the CLI on the repository, answering from the session's build."""
    from click.testing import CliRunner

    from diplograph import built as built_module
    from diplograph.cli import cli

    monkeypatch.setattr(built_module, "current_store", lambda root, out: (built.store, False))

    def run(*args: str, root: Path = ROOT, stdin: str | None = None):
        return CliRunner().invoke(cli, ["--root", str(root), *args], input=stdin)

    return run


LETTER_SENDERS = (
    "SELECT DISTINCT ?sender WHERE {\n"
    "  ?letter a dip:LetterDelivery ; dip:sender/rdfs:label ?sender .\n"
    "} ORDER BY ?sender\n"
)


def test_a_query_file_without_header_or_prefixes_runs_by_its_path(cli_run, tmp_path):
    path = tmp_path / "senders.rq"
    path.write_text(LETTER_SENDERS, encoding="utf-8")
    result = cli_run("query", str(path), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == "sender\nVladimir Putin\nXi Jinping\n"


def test_a_query_on_standard_input_runs(cli_run):
    result = cli_run("query", "-", "--format", "table", stdin=LETTER_SENDERS)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "sender",
        "--------------",
        "Vladimir Putin",
        "Xi Jinping",
        "(2 rows)",
    ]


def test_a_query_file_with_a_header_takes_its_parameters(cli_run, tmp_path):
    path = tmp_path / "on-date.rq"
    shutil.copy(ROOT / "queries" / "events-on-date.rq", path)
    args = ("--param", "date=2023-07-25", "--format", "csv")
    from_file = cli_run("query", str(path), *args)
    stored = cli_run("query", "events-on-date", *args)
    assert from_file.exit_code == 0, from_file.output
    assert from_file.stdout == stored.stdout
    assert len(from_file.stdout.splitlines()) == 3
    missing = cli_run("query", str(path))
    assert missing.exit_code == 2
    assert missing.stderr == (
        "error: query on-date needs --param date=VALUE (xsd:date, e.g. 2023-07-26)\n"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# title: half a header\nASK {}\n", "{path}:1: header lacks question, params, inference"),
        ("SELECT ?x WHERE { ?x ?y }\n", "{path}: the query failed: "),  # the engine's words
    ],
    ids=["broken-header", "syntax-error"],
)
def test_a_broken_query_file_is_an_input_error_naming_it(cli_run, tmp_path, text, message):
    path = tmp_path / "mine.rq"
    path.write_text(text, encoding="utf-8")
    result = cli_run("query", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: " + message.format(path=path))
    assert len(result.stderr.splitlines()) == 1


def test_a_missing_query_file_is_an_input_error(cli_run, tmp_path):
    result = cli_run("query", str(tmp_path / "nothing.rq"))
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'nothing.rq'}: no such query file\n"


def test_queries_skips_a_broken_header_with_a_warning_and_shows_parameters(cli_run, tmp_path):
    shutil.copytree(ROOT / "queries", tmp_path / "queries")
    broken = tmp_path / "queries" / "broken.rq"
    broken.write_text("# title: no question\nASK {}\n", encoding="utf-8")
    result = cli_run("queries", root=tmp_path)
    assert result.exit_code == 0, result.output
    assert (
        result.stderr == f"warning: skipped {broken}:1: header lacks question, params, inference\n"
    )
    lines = result.stdout.splitlines()
    assert "broken" not in result.stdout
    assert len(lines) == 3 * len(QUERIES)
    at = lines.index("events-on-date")
    assert lines[at : at + 3] == [
        "events-on-date",
        "    What happened on a given date, in time order?",
        "    params: date (xsd:date, required, e.g. 2023-07-26)",
    ]
    at = lines.index("claims-by-source")
    assert lines[at + 2] == "    params: source (iri, optional, default id:org/kcna)"
    assert lines[lines.index("letters-delivered") + 2] == "    params: none"


SENDERS_BY_IRI = (
    "SELECT DISTINCT ?sender ?letter WHERE {\n"
    "  ?letter a dip:LetterDelivery ; dip:sender ?sender .\n"
    "} ORDER BY ?sender\n"
)


def test_qids_add_a_column_after_each_column_of_linked_entities(cli_run, tmp_path):
    path = tmp_path / "senders.rq"
    path.write_text(SENDERS_BY_IRI, encoding="utf-8")
    result = cli_run("query", str(path), "--qids", "--format", "csv")
    assert result.exit_code == 0, result.output
    letters = "https://w3id.org/diplograph/id/event/letter-delivery/"
    people = "https://w3id.org/diplograph/id/person/"
    assert result.stdout.splitlines() == [
        "sender,sender_qid,letter",
        f"{people}vladimir-putin,Q7747,{letters}undated/vladimir-putin-sergei-shoigu-kim-jong-un",
        f"{people}xi-jinping,Q15031,{letters}2023-07-26/xi-jinping-li-hongzhong-kim-jong-un",
    ]
    plain = cli_run("query", str(path), "--format", "csv")
    assert plain.stdout.splitlines()[0] == "sender,letter"
    labels = cli_run("query", "letters-delivered", "--qids", "--format", "csv")
    assert labels.stdout == cli_run("query", "letters-delivered", "--format", "csv").stdout
