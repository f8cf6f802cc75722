"""The notebook path (api.py): stored queries and any SPARQL as DataFrames, the graph as an
rdflib Dataset. Needs pandas (the `test` extra installs it)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.api import Project, QueryInfo
from diplograph.cli import cli
from diplograph.errors import InputError
from diplograph.iris import ID

ROOT = Path(__file__).resolve().parents[1]
LETTER = "https://w3id.org/diplograph/id/event/letter-delivery/"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Project:
    """The repository's project, read through an empty build folder (so built in memory)."""
    return Project(ROOT, out=tmp_path_factory.mktemp("out"))


def test_letters_delivered_gives_the_exact_rows(project):
    df = project.query("letters-delivered")
    assert list(df.columns) == ["sender", "carrier", "recipient", "date", "event"]
    assert list(df.index) == [0, 1]
    assert df.to_dict("records") == [
        {
            "sender": "Vladimir Putin",
            "carrier": "Sergei Shoigu",
            "recipient": "Kim Jong Un",
            "date": None,
            "event": LETTER + "undated/vladimir-putin-sergei-shoigu-kim-jong-un",
        },
        {
            "sender": "Xi Jinping",
            "carrier": "Li Hongzhong",
            "recipient": "Kim Jong Un",
            "date": date(2023, 7, 26),
            "event": LETTER + "2023-07-26/xi-jinping-li-hongzhong-kim-jong-un",
        },
    ]
    assert df["date"].dtype == object
    assert [type(v) for v in df["date"]] == [type(None), date]
    assert all(type(v) is str for v in df["event"])


def test_a_parameter_is_bound(project):
    df = project.query("events-on-date", date="2023-07-26")
    assert list(df.columns) == ["kind", "label", "event"]
    assert list(df["kind"]) == [
        "arrival",
        "exhibition visit",
        "letter delivery",
        "meeting",
        "talks",
    ]
    assert project.query("events-on-date", date=date(2023, 7, 27))["kind"].tolist() != list(
        df["kind"]
    )


def test_an_unknown_query_says_what_the_cli_says(project):
    with pytest.raises(InputError) as caught:
        project.query("no-such-query")
    result = CliRunner().invoke(cli, ["--root", str(ROOT), "query", "no-such-query"])
    assert result.exit_code == 2
    assert (
        str(caught.value)
        == "no stored query named 'no-such-query'; `diplograph queries` lists them"
    )
    assert str(caught.value) in result.output


def test_a_bad_parameter_is_an_input_error(project):
    with pytest.raises(InputError, match="'26 July' is not a valid xsd:date"):
        project.query("events-on-date", date="26 July")


def test_queries_lists_questions_and_parameters(project):
    queries = project.queries()
    assert list(queries) == sorted(queries) and len(queries) == 24
    assert queries["events-on-date"] == QueryInfo(
        "What happened on a given date, in time order?", {"date": "2023-07-26"}
    )
    assert queries["letters-delivered"].params == {}


def test_sparql_runs_any_query_with_the_prefixes(project):
    df = project.sparql(
        "SELECT ?event (COUNT(?who) AS ?n) WHERE { ?event a dip:LetterDelivery ; "
        "dip:sender|dip:recipient|dip:carrier ?who } GROUP BY ?event ORDER BY ?event"
    )
    assert list(df.columns) == ["event", "n"]
    assert df.to_dict("records") == [
        {"event": LETTER + "2023-07-26/xi-jinping-li-hongzhong-kim-jong-un", "n": 3},
        {"event": LETTER + "undated/vladimir-putin-sergei-shoigu-kim-jong-un", "n": 3},
    ]
    assert str(df["n"].dtype) == "int64"
    assert project.sparql("ASK { ?e a dip:LetterDelivery }") is True
    assert project.sparql("ASK { ?e a dip:Nothing }", inference=False) is False


def test_dataset_holds_the_named_graphs(project):
    graph = str(ID["graph/"])
    names = sorted(str(g.identifier) for g in project.dataset().graphs() if len(g))
    assert names == [
        graph + "article/000_ec5e95d0bf243a61",
        graph + "article/002_bb8ed0e65c7195c3",
        graph + "article/004_1b385efb04788e90",
        graph + "entities",
        graph + "inferred",
        graph + "ontology",
    ]
    without = project.dataset(inference=False)
    assert graph + "inferred" not in {str(g.identifier) for g in without.graphs() if len(g)}


def test_a_folder_that_is_no_project_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="not a diplograph project"):
        Project(tmp_path)


def test_the_readme_notebook_example_runs(monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## In a notebook\n.+?```python\n(.+?)```", readme, re.S)
    assert block, "README lacks the 'In a notebook' example"
    monkeypatch.chdir(ROOT)
    names: dict = {}
    exec(block.group(1), names)  # the README's own code, run as a reader would
    assert names["project"].root == ROOT
    assert names["df"].to_dict("records") == [
        {
            "visit": "https://w3id.org/diplograph/id/event/exhibition-visit/2023-07-26/"
            "kim-jong-un-sergei-shoigu-weaponry-exhibition-2023",
            "date": date(2023, 7, 26),
        }
    ]
    assert len([g for g in names["g"].graphs() if len(g)]) == 6


def test_a_build_folder_is_read_as_it_is(seeds_out, caplog):
    built = Project(ROOT, out=seeds_out)
    with caplog.at_level("INFO", logger="diplograph.api"):
        rows = built.query("letters-delivered")["sender"].tolist()
    assert rows == ["Vladimir Putin", "Xi Jinping"]
    assert "built in memory" not in caplog.text
    assert len([g for g in built.dataset().graphs() if len(g)]) == 6
