"""The rule layer's commands, driven in-process on a group like diplograph's own: `extract`,
`evaluate` and `review`, with the exit-code contract (0 ok, 2 input error)."""

from __future__ import annotations

import shutil
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


def test_extract_reads_a_text_without_metadata_as_stored(tmp_path):
    text = (
        " date 2024-02-01 \r\n\r\nXi Jinping met Vladimir Putin.\r\nWang Yi arrived in Moscow.\r\n"
    )
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # a BOM, then CRLF line ends
    result = _run("extract", str(path))
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.stdout, format="turtle")
    offsets = {}
    for sentence in graph.subjects(DIP.inArticle, None):
        begin, end = graph.value(sentence, DIP.beginIndex), graph.value(sentence, DIP.endIndex)
        offsets[str(graph.value(sentence, DIP.text))] = (int(begin), int(end))
    assert offsets == {
        "Xi Jinping met Vladimir Putin.": (21, 51),
        "Wang Yi arrived in Moscow.": (53, 79),
    }
    assert (
        text[21:51] == "Xi Jinping met Vladimir Putin."
        and text[53:79] == "Wang Yi arrived in Moscow."
    )


def test_extract_names_file_and_line_of_an_impossible_marker_date(tmp_path):
    path = tmp_path / "feb30.txt"
    path.write_text("date 2023-02-30\nWang Yi arrived in Moscow.\n", encoding="utf-8")
    result = _run("extract", str(path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {path}:1: the `date` marker's date '2023-02-30' is not a valid date "
        "(day is out of range for month)\n"
    )
    assert _run("extract", str(path), "--date", "2023-03-01").exit_code == 0  # --date wins


def test_review_and_evaluate_read_seeds_dated_by_their_marker_as_build_does(tmp_path):
    from diplograph.cli import cli

    for folder in ("ontology", "seeds", "mappings", "queries"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "seeds" / "004_1b385efb04788e90.meta.yaml").unlink()  # dated by ' date 2023-09-14'
    (tmp_path / "seeds" / "900_new.txt").write_text(
        " date 2024-05-10 Wang Yi arrived in Moscow on Monday.\n", encoding="utf-8"
    )
    review = CliRunner().invoke(cli, ["--root", str(tmp_path), "review"])
    assert review.exit_code == 0, review.output
    assert review.stdout.splitlines()[0].startswith(
        "0.80  004_1b385efb04788e90  SanctionImposition"
    )
    assert review.stdout.splitlines()[-1] == (
        "(5 candidate(s), 1 article(s) without a hand mapping)"
    )
    # an article without a hand mapping: everything the rules found in it is for review
    assert review.stdout.splitlines()[3:9] == [
        "0.80  900_new  Arrival              Arrival: Wang Yi",
        "      rules: arrival.verb",
        "      “Wang Yi arrived in Moscow”",
        "0.72  900_new  Visit                Visit: Wang Yi, Russia",
        "      rules: arrival.verb.implies",
        "      “Wang Yi arrived in Moscow”",
    ]
    (tmp_path / "seeds" / "901_undated.txt").write_text("Kim met Putin.\n", encoding="utf-8")
    skipped = CliRunner().invoke(cli, ["--root", str(tmp_path), "review"])
    assert skipped.exit_code == 0, skipped.output
    assert skipped.stdout == review.stdout
    assert skipped.stderr == (
        f"warning: not reviewed: {tmp_path}/seeds/901_undated.txt: no publication date: give "
        "--date YYYY-MM-DD, add a .meta.yaml, or start the text with a `date YYYY-MM-DD` marker\n"
    )
    (tmp_path / "seeds" / "901_undated.txt").unlink()
    evaluate = CliRunner().invoke(cli, ["--root", str(tmp_path), "evaluate"])
    assert evaluate.exit_code == 0, evaluate.output
    assert "  Arrival                   5    0    0   1.00  1.00  1.00" in evaluate.stdout


def _tiny_corpus(root: Path) -> None:
    """A root with the project's rules and a one-article corpus whose only article is test."""
    for folder in ("ontology", "mappings"):
        shutil.copytree(ROOT / folder, root / folder)
    corpus = root / "tests" / "data" / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "t01-tiny.txt").write_text(
        "date 2024-05-10\nWang Yi arrived in Moscow on Monday.\n", encoding="utf-8"
    )
    (corpus / "t01-tiny.expected.yaml").write_text(
        "entities:\n"
        "  - {id: person/wang-yi, type: Person, label: Wang Yi}\n"
        "  - {id: city/moscow, type: City, label: Moscow}\n"
        "events:\n"
        "  - {kind: Arrival, traveller: [person/wang-yi], place: [city/moscow],"
        " date: '2024-05-06', modality: Happened, text: arrived in Moscow}\n"
        "  - {kind: Meeting, participant: [person/wang-yi, person/sergey-lavrov],"
        " place: [city/moscow], date: '2024-05-06', modality: Happened, text: Wang Yi}\n"
        "statements: []\n"
        "holdings: []\n",
        encoding="utf-8",
    )
    (corpus / "split.yaml").write_text("dev: []\ntest:\n- t01-tiny\n", encoding="utf-8")


def test_evaluate_lists_the_test_splits_misses_only_once_tuning_is_over(tmp_path):
    from diplograph.cli import cli

    _tiny_corpus(tmp_path)
    refused = CliRunner().invoke(
        cli, ["--root", str(tmp_path), "evaluate", "--split", "test", "--misses"]
    )
    assert refused.exit_code == 2
    assert "the test split's misses are not listed while rules are written" in refused.stderr
    assert "Meeting" not in refused.output
    allowed = CliRunner().invoke(
        cli, ["--root", str(tmp_path), "evaluate", "--split", "test", "--misses", "--done-tuning"]
    )
    assert allowed.exit_code == 0, allowed.output
    assert "t01-tiny: Meeting" in allowed.stdout
    assert allowed.stderr == (
        "warning: reading the test split's misses makes its figures optimistic\n"
    )
    figures = CliRunner().invoke(cli, ["--root", str(tmp_path), "evaluate", "--split", "test"])
    assert figures.exit_code == 0, figures.output
    assert "| events (kind + exactly the parties) | 1/2 | 0.50 | 0.50 | 0.50 |" in figures.stdout
    assert "t01-tiny: Meeting" not in figures.stdout


def test_evaluate_reads_the_misses_of_dev_a_and_only_the_figures_of_dev_b(tmp_path):
    """The dev split's halves by their seeded hash: d02-tiny is in dev-a, d01-tiny in dev-b;
    dev-b's misses are refused as the test split's are, and dev's list dev-a's articles only."""
    from diplograph.cli import cli
    from diplograph.quality.splits import half

    _tiny_corpus(tmp_path)
    corpus = tmp_path / "tests" / "data" / "corpus"
    for name in ("d01-tiny", "d02-tiny"):
        for suffix in (".txt", ".expected.yaml"):
            (corpus / f"{name}{suffix}").write_bytes((corpus / f"t01-tiny{suffix}").read_bytes())
    (corpus / "split.yaml").write_text(
        "dev:\n- d01-tiny\n- d02-tiny\ntest:\n- t01-tiny\n", encoding="utf-8"
    )
    assert (half("d01-tiny"), half("d02-tiny")) == ("dev-b", "dev-a")
    run = CliRunner().invoke
    refused = run(cli, ["--root", str(tmp_path), "evaluate", "--split", "dev-b", "--misses"])
    assert refused.exit_code == 2
    assert "the dev-b split's misses are not listed while rules are written" in refused.stderr
    figures = run(cli, ["--root", str(tmp_path), "evaluate", "--split", "dev-b"])
    assert figures.exit_code == 0, figures.output
    assert "Rule layer on the dev-b split: 1 articles (0 with no event)" in figures.stdout
    assert "| events (kind + exactly the parties) | 1/2 | 0.50 | 0.50 | 0.50 |" in figures.stdout
    assert "d01-tiny:" not in figures.stdout
    half_a = run(cli, ["--root", str(tmp_path), "evaluate", "--split", "dev-a"])
    assert half_a.exit_code == 0, half_a.output
    assert "  d02-tiny: Meeting" in half_a.stdout and "d01-tiny" not in half_a.stdout
    dev = run(cli, ["--root", str(tmp_path), "evaluate", "--split", "dev"])
    assert dev.exit_code == 0, dev.output
    assert "| events (kind + exactly the parties) | 2/4 | 0.50 | 0.50 | 0.50 |" in dev.stdout
    assert "  d02-tiny: Meeting" in dev.stdout and "d01-tiny" not in dev.stdout
    note = "note: misses listed for the dev-a half only (dev-b's with --done-tuning)\n"
    assert dev.stderr == note
    done = run(cli, ["--root", str(tmp_path), "evaluate", "--split", "dev", "--done-tuning"])
    assert "  d01-tiny: Meeting" in done.stdout and "  d02-tiny: Meeting" in done.stdout
