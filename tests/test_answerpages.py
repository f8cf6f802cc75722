"""Paged answers (issue 10): the build precomputes every whole-list stored query's answer
(answerpages.py), and the pages of it, joined, are the live answer row for row, on the seeds and
on a generated corpus; a build of changed articles (the incremental build too) changes them; an
answer that does not fit the build folder or the query as they are now is never read (the query
runs live); `diplograph query` shows a whole-list query's first page and says how many there
are. Speed is measured by benchmarks/paged_queries.py, never here."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.answerpages import ANSWERS_FOLDER, INDEX_FILE, read_page, write_answers
from diplograph.built import load_build
from diplograph.cli import cli
from diplograph.queries import answer_query, get_query, load_queries

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402  (benchmarks/ is not a package)

WHOLE_LIST = [
    "delegation-members",
    "denied-claims",
    "events-by-cameo-code",
    "events-in-several-articles",
    "expected-events",
    "invitations",
    "letters-delivered",
    "positions-held",
    "reporting-chains",
    "sanctions",
    "support-and-pledges",
    "undated-events",
]


def _build(root: Path, out: Path, *options: str) -> None:
    """`diplograph build` in process (a build that fails fails the test)."""
    result = CliRunner().invoke(
        cli, ["--root", str(root), "build", "--out", str(out), "-j", "1", *options]
    )
    assert result.exit_code in (0, 4), result.output  # 4: an article quarantined, still built


def _joined(out: Path, root: Path, name: str, size: int) -> tuple[list, int]:
    """Every page of a query's precomputed answer, joined, and how many pages there were."""
    query = get_query(root / "queries", name)
    first = read_page(out, query, 1, size)
    assert first is not None, name
    rows = list(first.answers.rows)
    for number in range(2, first.pages + 1):
        page = read_page(out, query, number, size)
        assert page is not None and page.precomputed and page.total == first.total, name
        rows += page.answers.rows
    assert len(rows) == first.total, name
    return rows, first.pages


def _live(out: Path, root: Path, name: str) -> tuple[tuple, list]:
    """A query's live answer on the build's store: variables and rows, in its order."""
    answers = answer_query(load_build(out, root), get_query(root / "queries", name), {})
    return answers.variables, list(answers.rows)


def _check_every_query(out: Path, root: Path, size: int) -> dict[str, tuple[int, int]]:
    """Every whole-list query's pages joined are its live answer; rows and pages by name."""
    index = json.loads((out / ANSWERS_FOLDER / INDEX_FILE).read_text(encoding="utf-8"))
    assert sorted(index["queries"]) == WHOLE_LIST
    counts = {}
    for name in WHOLE_LIST:
        variables, live = _live(out, root, name)
        rows, pages = _joined(out, root, name, size)
        assert rows == live, name
        assert tuple(index["queries"][name]["variables"]) == variables, name
        counts[name] = (len(rows), pages)
    return counts


def test_the_precomputed_queries_are_those_without_parameters(root) -> None:
    assert [q.name for q in load_queries(root / "queries") if not q.params] == WHOLE_LIST


def test_every_page_joined_is_the_live_answer_on_the_seeds(seeds_out, root) -> None:
    counts = _check_every_query(seeds_out, root, 4)
    assert counts["positions-held"] == (15, 4)
    assert counts["undated-events"] == (27, 7)
    assert counts["support-and-pledges"] == (4, 1)
    assert sum(rows for rows, _ in counts.values()) > 50


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[Path, Path]:
    """A build of 24 generated articles (seed 1): its project and build folder."""
    project = tmp_path_factory.mktemp("generated") / "project"
    corpus.write_corpus(24, 1, project)
    out = project.parent / "out"
    _build(project, out)
    return project, out


def test_every_page_joined_is_the_live_answer_on_a_generated_corpus(generated) -> None:
    project, out = generated
    for size in (1, 7, 100):
        counts = _check_every_query(out, project, size)
        assert counts["positions-held"][1] == max(1, -(-counts["positions-held"][0] // size))
    assert counts["positions-held"][0] > 100  # more than one page of 100 at 24 articles


def _pages(out: Path, root: Path) -> dict[str, list]:
    """Every whole-list query's rows, read by pages of 10."""
    return {name: _joined(out, root, name, 10)[0] for name in WHOLE_LIST}


def test_an_article_removed_changes_the_pages_in_the_incremental_and_the_full_build(
    generated, tmp_path
) -> None:
    project, built = generated
    root, out = tmp_path / "project", tmp_path / "out"
    shutil.copytree(project, root, symlinks=True)
    shutil.copytree(built, out)
    before = _pages(out, root)
    gone = before["positions-held"][0][2]["value"]  # the article of the first position held
    for path in (root / "seeds").glob(f"{gone}.*"):
        path.unlink()
    _build(root, out)  # incremental: the folder holds a build's state
    assert (out / "state.pickle").is_file()
    after = _pages(out, root)
    assert after != before
    assert [r for r in before["positions-held"] if r[2]["value"] == gone] != []
    assert [r for r in after["positions-held"] if r[2]["value"] == gone] == []
    _check_every_query(out, root, 10)
    answers = {p.name: p.read_bytes() for p in (out / ANSWERS_FOLDER).iterdir()}
    _build(root, out, "--full")
    assert {p.name: p.read_bytes() for p in (out / ANSWERS_FOLDER).iterdir()} == answers


@pytest.fixture
def copied(seeds_out, tmp_path) -> tuple[Path, Path]:
    """A copy of the seeds' project (its queries copied, the rest linked) and build folder."""
    root, out = tmp_path / "project", tmp_path / "out"
    root.mkdir()
    for name in ("ontology", "seeds", "mappings"):
        (root / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "queries", root / "queries")
    shutil.copytree(seeds_out, out)
    return root, out


def test_an_answer_that_does_not_fit_is_not_read(copied, monkeypatch) -> None:
    root, out = copied
    query = get_query(root / "queries", "positions-held")
    assert read_page(out, query, 1, 5) is not None
    edited = query.text.replace("ORDER BY (CONCAT", "ORDER BY DESC(CONCAT", 1)
    assert edited != query.text
    (root / "queries" / "positions-held.rq").write_text(edited, encoding="utf-8")
    assert read_page(out, get_query(root / "queries", "positions-held"), 1, 5) is None
    monkeypatch.setenv("DIPLOGRAPH_ENGINE", "rdflib")  # another engine may order ties otherwise
    assert read_page(out, get_query(root / "queries", "sanctions"), 1, 5) is None
    monkeypatch.delenv("DIPLOGRAPH_ENGINE")
    folder = out / ANSWERS_FOLDER
    rows = folder / "sanctions.jsonl"
    rows.write_bytes(rows.read_bytes()[:-1])  # cut short
    assert read_page(out, get_query(root / "queries", "sanctions"), 1, 5) is None
    index = json.loads((folder / INDEX_FILE).read_text(encoding="utf-8"))
    assert read_page(out, get_query(root / "queries", "invitations"), 1, 5) is not None
    index["graph"] = "0" * 64  # made from another graph.trig
    (folder / INDEX_FILE).write_text(json.dumps(index), encoding="utf-8")
    assert read_page(out, get_query(root / "queries", "invitations"), 1, 5) is None
    shutil.rmtree(folder)
    assert read_page(out, get_query(root / "queries", "invitations"), 1, 5) is None


def test_an_edited_query_is_answered_live_in_pages(copied) -> None:
    root, out = copied
    base = ["--root", str(root), "query", "positions-held", "--out", str(out), "--format", "csv"]
    runner = CliRunner()
    before = runner.invoke(cli, [*base, "--page-size", "2"])
    assert "(precomputed by the build)" in before.stderr
    path = root / "queries" / "positions-held.rq"
    path.write_text(
        path.read_text(encoding="utf-8").replace("ORDER BY (CONCAT", "ORDER BY DESC(CONCAT", 1),
        encoding="utf-8",
    )
    whole = runner.invoke(cli, [*base, "--all"]).stdout.splitlines()
    result = runner.invoke(cli, [*base, "--page-size", "2"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == whole[:3] != before.stdout.splitlines()
    assert result.stderr == (
        "positions-held: page 1 of 8, rows 1-2 of 15 (live); --page N for another, --all for "
        "every row\n"
    )


def test_query_shows_the_first_page_and_says_how_many_there_are(seeds_out, root) -> None:
    base = ["query", "positions-held", "--out", str(seeds_out), "--format", "csv"]
    runner = CliRunner()
    whole = runner.invoke(cli, [*base, "--all"])
    assert whole.exit_code == 0 and whole.stderr == ""
    header, *rows = whole.stdout.splitlines()
    assert len(rows) == 15
    first = runner.invoke(cli, [*base, "--page-size", "4"])
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines() == [header, *rows[:4]]
    assert first.stderr == (
        "positions-held: page 1 of 4, rows 1-4 of 15 (precomputed by the build); --page N for "
        "another, --all for every row\n"
    )
    last = runner.invoke(cli, [*base, "--page-size", "4", "--page", "4"])
    assert last.stdout.splitlines() == [header, *rows[12:]]
    assert "page 4 of 4, rows 13-15 of 15" in last.stderr
    default = runner.invoke(cli, base)  # 15 rows: one page of 100, nothing to say
    assert default.stdout == whole.stdout and default.stderr == ""
    past = runner.invoke(cli, [*base, "--page-size", "4", "--page", "5"])
    assert past.exit_code == 2
    assert "positions-held has 4 page(s) of 4 rows (15 rows); --page 5 is past the last" in (
        past.stderr
    )
    both = runner.invoke(cli, [*base, "--all", "--page", "2"])
    assert both.exit_code == 2 and "--all shows every row" in both.stderr


def test_a_query_with_parameters_shows_every_row_unless_a_page_is_asked(seeds_out) -> None:
    base = ["query", "events-in-country", "--out", str(seeds_out), "--format", "csv"]
    runner = CliRunner()
    whole = runner.invoke(cli, base)
    assert whole.exit_code == 0 and whole.stderr == ""
    header, *rows = whole.stdout.splitlines()
    assert len(rows) == 15
    second = runner.invoke(cli, [*base, "--page", "2", "--page-size", "10"])
    assert second.stdout.splitlines() == [header, *rows[10:]]
    assert second.stderr == (
        "events-in-country: page 2 of 2, rows 11-15 of 15 (live); --page N for another, --all "
        "for every row\n"
    )


def test_write_answers_needs_the_manifest(tmp_path, root) -> None:
    with pytest.raises(Exception, match="no manifest with the graph's digest"):
        write_answers(tmp_path, root)
