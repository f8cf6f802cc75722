"""The rule layer's commands, driven in-process on a group like diplograph's own: `extract`,
`evaluate` and `review`, with the exit-code contract (0 ok, 2 input error)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from diplograph.cli import DiplographGroup
from diplograph.cli_extract import evaluate, extract, review
from diplograph.namespaces import DIP

ROOT = Path(__file__).resolve().parents[1]


@click.group(cls=DiplographGroup)
@click.pass_context
def group(ctx: click.Context) -> None:
    """A stand-in for the diplograph group, rooted at the repository."""
    ctx.obj = {"root": ROOT}


for command in (extract, evaluate, review):
    group.add_command(command)


def _run(*args: str):
    return CliRunner().invoke(group, list(args))


@pytest.mark.parametrize("name", ["extract", "evaluate", "review"])
def test_every_command_has_help(name):
    result = _run(name, "--help")
    assert result.exit_code == 0 and "Usage: " in result.output


def test_extract_a_seed_prints_turtle_with_provenance():
    result = _run("extract", str(ROOT / "seeds" / "004_1b385efb04788e90.txt"))
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.stdout, format="turtle")
    assert set(graph.subjects(DIP.rule, None)) == set(graph.subjects(DIP.attests, None))


def test_extract_a_plain_text_with_a_date_or_a_marker(tmp_path):
    text = tmp_path / "note.txt"
    text.write_text("Xi Jinping met Vladimir Putin in Moscow on Tuesday.\n", encoding="utf-8")
    result = _run("extract", str(text), "--date", "2024-02-01", "--format", "trig")
    assert result.exit_code == 0, result.output
    dataset = Dataset().parse(data=result.stdout, format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert "https://w3id.org/diplograph/id/graph/rules/note" in names
    marked = tmp_path / "marked.txt"
    marked.write_text(
        " date 2024-02-01 Xi Jinping met Vladimir Putin in Moscow.\n", encoding="utf-8"
    )
    assert _run("extract", str(marked)).exit_code == 0


def test_extract_without_a_date_is_an_input_error(tmp_path):
    text = tmp_path / "undated.txt"
    text.write_text("Xi Jinping met Vladimir Putin in Moscow on Tuesday.\n", encoding="utf-8")
    result = _run("extract", str(text))
    assert result.exit_code == 2
    assert "no publication date" in result.output
    assert _run("extract", str(text), "--date", "yesterday").exit_code == 2


def test_evaluate_prints_the_scores():
    result = _run("evaluate")
    assert result.exit_code == 0, result.output
    for heading in (
        "Events per kind",
        "entities",
        "attribution",
        "Date accuracy",
        "Misses",
        "False alarms",
    ):
        assert heading in result.stdout


def test_review_lists_candidates_most_confident_first():
    result = _run("review")
    assert result.exit_code == 0, result.output
    scores = [float(line.split()[0]) for line in result.stdout.splitlines() if line[:1].isdigit()]
    assert scores == sorted(scores, reverse=True)
    assert result.stdout.rstrip().endswith("candidate(s))")
