"""Query parameters given as a Wikidata QID or a label (lookup.py), on the seeds' graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph import built as built_module
from diplograph.api import Project
from diplograph.cli import cli
from diplograph.errors import InputError
from diplograph.queries import get_query, run_query

ROOT = Path(__file__).resolve().parents[1]
MEETINGS = get_query(ROOT / "queries", "meetings-of-person")
SOURCES = get_query(ROOT / "queries", "event-sources")
ANALYSTS = "id:event/statement/undated/analysts-"


def _rows(built, query, **values: str) -> list[tuple[str, ...]]:
    """The rows of a stored query on the seeds, as text."""
    result = run_query(built.store, query, values)
    return [tuple(str(term) for term in row) for row in result.rows]


@pytest.mark.parametrize(
    "person",
    [
        "Kim Jong Un",
        "kim jong un",
        " Kim Jong Un ",
        "wd:Q56226",
        "http://www.wikidata.org/entity/Q56226",
    ],
)
def test_a_person_by_label_or_qid_gives_the_rows_of_its_iri(built, person):
    expected = _rows(built, MEETINGS, person="id:person/kim-jong-un")
    assert expected == [("2023-07-26", "Li Hongzhong"), ("2023-07-26", "Sergei Shoigu")]
    assert _rows(built, MEETINGS, person=person) == expected


def test_an_ambiguous_label_lists_the_candidates(built):
    with pytest.raises(InputError) as caught:
        run_query(built.store, SOURCES, {"event": "statement by analysts"})
    assert str(caught.value) == (
        "parameter event: 2 entities are labelled 'statement by analysts': "
        f"{ANALYSTS}002-bb8ed0e65c7195c3-s09 (Statement by analysts), "
        f"{ANALYSTS}004-1b385efb04788e90-s15 (Statement by analysts); give one by its IRI"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Nobody", "no entity is labelled 'Nobody'"),
        ("visit", "no entity is labelled 'visit'"),  # dip:Visit's label: a class, no entity
        ("wd:Q1", "no entity is linked to wd:Q1"),
    ],
)
def test_a_label_or_qid_that_names_nothing_is_an_error(built, value, message):
    with pytest.raises(InputError) as caught:
        run_query(built.store, MEETINGS, {"person": value})
    assert str(caught.value) == (
        f"parameter person: {message} (give an IRI such as id:person/kim-jong-un)"
    )


def test_the_cli_and_the_notebook_take_a_qid_or_label(built, monkeypatch):
    monkeypatch.setattr(built_module, "current_store", lambda root, out: (built.store, False))
    args = ["--root", str(ROOT), "query", "meetings-of-person", "--format", "csv"]
    result = CliRunner().invoke(cli, [*args, "--param", "person=wd:Q56226"])
    assert result.exit_code == 0, result.output
    assert result.output == "day,name\n2023-07-26,Li Hongzhong\n2023-07-26,Sergei Shoigu\n"
    wrong = CliRunner().invoke(cli, [*args, "--param", "person=wd:Q1"])
    assert wrong.exit_code == 2
    assert wrong.output == (
        "error: parameter person: no entity is linked to wd:Q1 (give an IRI such as "
        "id:person/kim-jong-un)\n"
    )
    frame = Project(ROOT).query("meetings-of-person", person="Kim Jong Un")
    assert list(frame["name"]) == ["Li Hongzhong", "Sergei Shoigu"]


def test_a_bad_iri_is_still_refused_before_any_lookup():
    result = CliRunner().invoke(
        cli, ["--root", str(ROOT), "query", "meetings-of-person", "--param", "person=id:a b"]
    )
    assert result.exit_code == 2
    assert result.output == (
        "error: 'id:a b' is not an IRI: it holds a space or control character\n"
    )
