"""The stored queries rewritten for speed (issue 10) answer as their texts before the rewrite,
kept as the oracle in tests/data/queries-before/: on the seeds and on a generated corpus, with
and without the inferred graph, for the example parameters and values drawn from the graph
(benchmarks/query_oracle.py, which also checks the builds of 1,000 and more articles). Speed is
measured by benchmarks/scale.py, never here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from diplograph.built import load_build
from diplograph.store import QueryResult

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import query_oracle  # noqa: E402

REWRITTEN = sorted(p.stem for p in query_oracle.BEFORE.glob("*.rq"))


@pytest.fixture(scope="module")
def generated(generated_build):
    """The store of a build of 24 generated articles (seed 1): the run's (conftest.py)."""
    _, out = generated_build
    return load_build(out, ROOT)


def test_each_kept_oracle_is_a_stored_query_rewritten():
    stored = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "queries").glob("*.rq")}
    assert REWRITTEN == [
        "claims-by-source",
        "delegations-visiting-city",
        "denied-claims",
        "events-by-cameo-code",
        "events-in-country",
        "events-in-several-articles",
        "expected-events",
        "invitations",
        "letters-delivered",
        "positions-held",
        "reporting-chains",
        "sanctions",
        "timeline-between-countries",
        "undated-events",
    ]
    for name in REWRITTEN:
        before = (query_oracle.BEFORE / f"{name}.rq").read_text(encoding="utf-8")
        assert before != stored[name], name
        assert before.splitlines()[:4] == stored[name].splitlines()[:4], name  # same header


def test_the_rewrites_answer_as_the_oracle_on_the_seeds(built):
    found, compared = query_oracle.differences(built.store, ROOT, sets=3)
    assert found == []
    assert sorted(compared) == REWRITTEN
    assert all(answers >= 2 for answers, _ in compared.values())  # with and without inference


def test_the_rewrites_answer_as_the_oracle_on_the_reference_engine(seeds_out, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_ENGINE", "rdflib")  # an unbound sort key errs in rdflib's sort
    store = load_build(seeds_out, ROOT)
    assert store.engine == "rdflib"
    found, compared = query_oracle.differences(store, ROOT, sets=2)
    assert found == []
    assert sorted(compared) == REWRITTEN


def test_the_rewrites_answer_as_the_oracle_on_a_generated_corpus(generated):
    found, compared = query_oracle.differences(generated, ROOT, sets=4)
    assert found == []
    rows = {name: rows for name, (_, rows) in compared.items()}
    whole_lists = ["events-in-several-articles", "positions-held", "reporting-chains"]
    assert all(rows[name] > 0 for name in whole_lists), rows


def _result(*rows: tuple[str, ...]) -> QueryResult:
    """A two-column answer of plain strings."""
    return QueryResult(("a", "b"), tuple(rows))


ORDERED = "SELECT ?a ?b WHERE { } ORDER BY ?a"


@pytest.mark.parametrize(
    ("new", "problem"),
    [
        (_result(("1", "x"), ("1", "y"), ("2", "z")), None),
        (_result(("1", "y"), ("1", "x"), ("2", "z")), None),  # a tie on ?a in another order
        (
            _result(("2", "z"), ("1", "x"), ("1", "y")),
            "the same rows in another order of the ORDER BY columns",
        ),
        (_result(("1", "x"), ("2", "z")), "rows differ: 1 of 3 missing, 0 extra"),
        (
            _result(("1", "x"), ("1", "y"), ("2", "z"), ("2", "z")),
            "rows differ: 0 of 3 missing, 1 extra",
        ),
    ],
)
def test_compare_allows_only_ties_of_the_order_to_move(new, problem):
    old = _result(("1", "x"), ("1", "y"), ("2", "z"))
    assert query_oracle.compare(ORDERED, old, new) == problem


def test_compare_names_other_columns():
    old = _result(("1", "x"))
    new = QueryResult(("a", "c"), (("1", "x"),))
    assert query_oracle.compare(ORDERED, old, new) == "columns ('a', 'b') != ('a', 'c')"
