"""The CLI, driven in-process: every command has help, answers exactly, and keeps the exit-code
contract (0 ok, 1 does not conform, 2 usage or input error)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from diplograph.cli import cli

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = ["build", "validate", "queries", "query", "export"]


def _run(*args: str):
    """Run the CLI on the repository with an output folder that does not exist."""
    return CliRunner().invoke(cli, ["--root", str(ROOT), *args])


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = _run(command, "--help")
    assert result.exit_code == 0
    assert "Usage: " in result.output and "--help" in result.output


def test_queries_lists_every_stored_query():
    result = _run("queries")
    assert result.exit_code == 0
    for path in (ROOT / "queries").glob("*.rq"):
        assert path.stem in result.output
    assert "Which letters were delivered: sender, carrier, recipient, date?" in result.output


def test_query_table(tmp_path):
    result = _run("query", "letters-delivered", "--out", str(tmp_path / "none"))
    assert result.exit_code == 0
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[0].split() == ["sender", "carrier", "recipient", "date", "event"]
    assert lines[2].startswith("Vladimir Putin  Sergei Shoigu  Kim Jong Un")
    assert lines[3].startswith("Xi Jinping      Li Hongzhong   Kim Jong Un  2023-07-26")
    assert lines[-1] == "(2 rows)"


def test_query_with_parameter_as_csv(tmp_path):
    result = _run(
        "query",
        "events-on-date",
        "--param",
        "date=2023-07-27",
        "--format",
        "csv",
        "--out",
        str(tmp_path / "none"),
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "kind,label,event",
        "ceremony,Celebrations of the 70th anniversary of the Korean War armistice (Victory Day),"
        "https://w3id.org/diplograph/id/event/ceremony/2023-07-27/armistice-70th-anniversary-pyongyang",
        "ceremony,Kim Jong Un attends a Victory Day performance with the Chinese and Russian "
        "delegations,"
        "https://w3id.org/diplograph/id/event/ceremony/2023-07-27/victory-day-performance-pyongyang",
        "statement,Statement by North Korean state media,"
        "https://w3id.org/diplograph/id/event/statement/2023-07-27/"
        "north-korean-state-media-000-ec5e95d0bf243a61-s01",
    ]


def test_query_json_follows_sparql_results(tmp_path):
    result = _run(
        "query",
        "claims-by-source",
        "--param",
        "source=id:org/united-nations-command",
        "--format",
        "json",
        "--out",
        str(tmp_path / "none"),
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["head"]["vars"] == ["about", "modality", "relayedBy", "article", "words"]
    (row,) = data["results"]["bindings"]
    assert row["about"] == {
        "type": "literal",
        "value": "The United Nations Command and North Korea begin talks about Travis King",
        "xml:lang": "en",
    }
    assert "relayedBy" not in row


def test_query_without_inference_differs(tmp_path):
    out = str(tmp_path / "none")
    with_inference = _run("query", "meetings-of-person", "--format", "csv", "--out", out)
    without = _run("query", "meetings-of-person", "--format", "csv", "--no-inference", "--out", out)
    assert with_inference.stdout.splitlines()[1:] == [
        "2023-07-26,Li Hongzhong",
        "2023-07-26,Sergei Shoigu",
    ]
    assert without.stdout.splitlines()[1:] == ["2023-07-26,Li Hongzhong"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "no-such-query"], "no stored query named 'no-such-query'"),
        (["query", "events-on-date"], "needs --param date=VALUE"),
        (["query", "events-on-date", "--param", "date=26/07/2023"], "is not a valid xsd:date"),
        (["query", "events-on-date", "--param", "date"], "is not KEY=VALUE"),
        (["query", "event-sources", "--param", "event=id:a b"], "is not an IRI"),
        (["query", "event-sources", "--param", "event=nonsense"], "no entity is labelled"),
        (["export", "--format", "xml"], "'xml' is not one of"),
        (["export", "--layer", "gold"], "'gold' is not one of"),
    ],
)
def test_usage_and_input_errors_exit_2(args, message):
    result = _run(*args)
    assert result.exit_code == 2
    assert message in result.output


def test_export_to_file_parses_back(tmp_path):
    target = tmp_path / "graph"
    result = _run(
        "export",
        "--format",
        "turtle",
        "--layer",
        "asserted",
        "-o",
        str(target),
        "--out",
        str(tmp_path / "none"),
    )
    assert result.exit_code == 0
    written = tmp_path / "graph.ttl"
    assert len(Graph().parse(written, format="turtle")) > 1400
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_python_dash_m_entry_point():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "diplograph", "--root", str(ROOT), "queries"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "letters-delivered" in done.stdout
