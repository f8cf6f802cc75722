"""Paged answers (issue 10): the full build precomputes every whole-list stored query's answer
(answerpages.py), and the pages of it, joined, are the live answer row for row, on the seeds and
on a generated corpus; a build of changed articles changes them; after an incremental build,
which writes none, the first request of each runs it and keeps what the full build writes; an
answer that does not fit the build folder or the query as they are now is never read (the query
runs live, and its answer replaces it); `diplograph query` shows a whole-list query's first page
and says how many there are. Speed is measured by benchmarks/paged_queries.py, never here."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.answerpages import (
    ANSWERS_FOLDER,
    INDEX_FILE,
    read_page,
    text_digest,
    write_answers,
)
from diplograph.built import load_build
from diplograph.cli import cli
from diplograph.queries import answer_query, get_query, load_queries

ROOT = Path(__file__).resolve().parents[1]

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
def generated(generated_build) -> tuple[Path, Path]:
    """A build of 24 generated articles (seed 1): its project and build folder, the run's
    (conftest.py), never changed here."""
    return generated_build


def test_every_page_joined_is_the_live_answer_on_a_generated_corpus(generated) -> None:
    project, out = generated
    for size in (1, 7, 100):
        counts = _check_every_query(out, project, size)
        assert counts["positions-held"][1] == max(1, -(-counts["positions-held"][0] // size))
    assert counts["positions-held"][0] > 100  # more than one page of 100 at 24 articles


def _pages(out: Path, root: Path) -> dict[str, list]:
    """Every whole-list query's rows, read by pages of 10."""
    return {name: _joined(out, root, name, 10)[0] for name in WHOLE_LIST}


def _query(root: Path, out: Path, name: str, *options: str) -> tuple[list[str], str]:
    """`diplograph query NAME` as CSV, in process: its lines and its stderr."""
    result = CliRunner().invoke(
        cli,
        ["--root", str(root), "query", name, "--out", str(out), "--format", "csv", *options],
    )
    assert result.exit_code == 0, result.output + result.stderr
    return result.stdout.splitlines(), result.stderr


@pytest.fixture(scope="module")
def removed_once(generated, tmp_path_factory) -> tuple[Path, Path, Path, str]:
    """The generated project less the article of the first position held, built again (an
    incremental build) into a copy of its build folder, and in full into another folder, once
    for the module: the project, the two folders and the stem taken out. Never changed: each
    test gets copies (`removed`)."""
    project, built = generated
    folder = tmp_path_factory.mktemp("removed")
    root, out, full = folder / "project", folder / "out", folder / "full"
    shutil.copytree(project, root, symlinks=True)
    shutil.copytree(built, out)
    gone = _joined(out, root, "positions-held", 10)[0][0][2]["value"]
    for path in (root / "seeds").glob(f"{gone}.*"):
        path.unlink()
    _build(root, out)  # incremental: the folder holds a build's state
    assert (out / "state.pickle").is_file()
    _build(root, full, "--full")
    return root, out, full, gone


@pytest.fixture
def removed(removed_once, tmp_path) -> tuple[Path, Path, Path, str]:
    """A copy of `removed_once` of this test's own (a build folder names its inputs by relative
    path and content, so the copies are up to date): the project, the folder of the
    incremental build (no answers kept yet), the folder of the full build and the stem taken
    out."""
    *folders, gone = removed_once
    copies = tmp_path / "project", tmp_path / "out", tmp_path / "full"
    for source, target in zip(folders, copies, strict=True):
        shutil.copytree(source, target, symlinks=True)
    return (*copies, gone)


def test_an_article_removed_changes_the_pages_in_the_incremental_and_the_full_build(
    generated, removed
) -> None:
    project, built = generated
    root, out, full, gone = removed
    before = _pages(built, project)
    assert not (out / ANSWERS_FOLDER).exists()  # left to the first request of each query
    for name in WHOLE_LIST:
        lines, said = _query(root, out, name, "--page-size", "10")
        assert "(precomputed)" not in said, name  # run now, and kept
    after = _pages(out, root)
    assert after != before
    assert [r for r in before["positions-held"] if r[2]["value"] == gone] != []
    assert [r for r in after["positions-held"] if r[2]["value"] == gone] == []
    _check_every_query(out, root, 10)
    answers = {p.name: p.read_bytes() for p in (out / ANSWERS_FOLDER).iterdir()}
    assert answers == {p.name: p.read_bytes() for p in (full / ANSWERS_FOLDER).iterdir()}
    assert len(answers) == 2 * len(WHOLE_LIST) + 1  # NAME.jsonl, NAME.offsets, index.json


def test_after_an_incremental_build_the_first_request_runs_the_query_and_keeps_it(
    removed,
) -> None:
    root, out, full, _ = removed
    page = ("--page", "3", "--page-size", "10")
    expected, said = _query(root, full, "positions-held", *page)
    assert said.endswith(
        "rows 21-30 of 133 (precomputed); --page N for another, --all for every row\n"
    )
    first, said = _query(root, out, "positions-held", *page)
    assert first == expected
    assert said == (
        "positions-held: page 3 of 14, rows 21-30 of 133 (live); --page N for another, --all for "
        "every row\n"
    )
    index = json.loads((out / ANSWERS_FOLDER / INDEX_FILE).read_text(encoding="utf-8"))
    assert sorted(index["queries"]) == ["positions-held"]
    assert index == {
        **json.loads((full / ANSWERS_FOLDER / INDEX_FILE).read_text(encoding="utf-8")),
        "queries": {"positions-held": index["queries"]["positions-held"]},
    }
    again, said = _query(root, out, "positions-held", *page)
    assert again == expected and "(precomputed)" in said
    for suffix in ("jsonl", "offsets"):
        name = f"positions-held.{suffix}"
        assert (out / ANSWERS_FOLDER / name).read_bytes() == (
            full / ANSWERS_FOLDER / name
        ).read_bytes()
    every, _ = _query(root, out, "undated-events", "--all")
    assert every == _query(root, full, "undated-events", "--all")[0]
    assert sorted(json.loads((out / ANSWERS_FOLDER / INDEX_FILE).read_bytes())["queries"]) == [
        "positions-held",
        "undated-events",
    ]


def test_a_stale_answer_is_never_served_and_is_replaced(generated, removed) -> None:
    _, built = generated
    root, out, full, gone = removed
    shutil.copytree(built / ANSWERS_FOLDER, out / ANSWERS_FOLDER)  # the earlier build's answers
    stale = (out / ANSWERS_FOLDER / "positions-held.jsonl").read_bytes()
    assert gone.encode() in stale
    lines, said = _query(root, out, "positions-held", "--all")
    assert lines == _query(root, full, "positions-held", "--all")[0]
    assert gone not in "\n".join(lines)
    index = json.loads((out / ANSWERS_FOLDER / INDEX_FILE).read_text(encoding="utf-8"))
    assert index["graph"] == json.loads((out / "manifest.json").read_bytes())["graph"]
    assert sorted(index["queries"]) == ["positions-held"]  # the others' entries were stale
    kept = (out / ANSWERS_FOLDER / "positions-held.jsonl").read_bytes()
    assert kept == (full / ANSWERS_FOLDER / "positions-held.jsonl").read_bytes() != stale
    lines, said = _query(root, out, "sanctions", "--all")
    assert lines == _query(root, full, "sanctions", "--all")[0]


def test_an_answer_is_not_kept_where_the_folder_cannot_hold_it(removed) -> None:
    root, out, full, _ = removed
    (out / ANSWERS_FOLDER).write_text("not a folder\n", encoding="utf-8")
    for _ in range(2):
        lines, said = _query(root, out, "positions-held", "--page-size", "50")
        assert lines == _query(root, full, "positions-held", "--page-size", "50")[0]
        assert "(live)" in said
    assert (out / ANSWERS_FOLDER).read_text(encoding="utf-8") == "not a folder\n"


def test_keep_answer_keeps_nothing_for_another_build(seeds_out, tmp_path, root) -> None:
    from diplograph.answerpages import keep_answer

    out = tmp_path / "out"
    shutil.copytree(seeds_out, out)
    shutil.rmtree(out / ANSWERS_FOLDER)
    query = get_query(root / "queries", "sanctions")
    answers = answer_query(load_build(out, root), query, {})
    folder = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    try:
        assert not keep_answer(folder, query, answers, "0" * 64)  # not this folder's graph
        assert sorted(p.name for p in (out / ANSWERS_FOLDER).iterdir()) == []
        digest = json.loads((out / "manifest.json").read_bytes())["graph"]
        assert keep_answer(folder, query, answers, digest)
    finally:
        os.close(folder)
    for name in ("sanctions.jsonl", "sanctions.offsets"):
        assert (out / ANSWERS_FOLDER / name).read_bytes() == (
            seeds_out / ANSWERS_FOLDER / name
        ).read_bytes()
    assert read_page(out, query, 1, None).answers == answers


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
    assert "(precomputed)" in before.stderr
    path = root / "queries" / "positions-held.rq"
    path.write_text(
        path.read_text(encoding="utf-8").replace("ORDER BY (CONCAT", "ORDER BY DESC(CONCAT", 1),
        encoding="utf-8",
    )
    result = runner.invoke(cli, [*base, "--page-size", "2"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "positions-held: page 1 of 8, rows 1-2 of 15 (live); --page N for another, --all for "
        "every row\n"
    )
    whole = runner.invoke(cli, [*base, "--all"]).stdout.splitlines()  # the answer kept just now
    assert result.stdout.splitlines() == whole[:3] != before.stdout.splitlines()
    again = runner.invoke(cli, [*base, "--page-size", "2"])
    assert again.stdout == result.stdout and "(precomputed)" in again.stderr
    index = json.loads((out / ANSWERS_FOLDER / INDEX_FILE).read_text(encoding="utf-8"))
    assert index["queries"]["positions-held"]["query"] == text_digest(path.read_text("utf-8"))


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
        "positions-held: page 1 of 4, rows 1-4 of 15 (precomputed); --page N for another, --all "
        "for every row\n"
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


def test_serve_runs_a_missing_answer_once_and_keeps_it(removed) -> None:
    from werkzeug.test import EnvironBuilder
    from werkzeug.wrappers import Request

    from diplograph.answerpages import graph_digest
    from diplograph.servegate import Gate, handle

    root, out, full, _ = removed
    unused = "http://127.0.0.1:9"  # Oxigraph's address: the answer is run on the folder's store
    gate = Gate(unused, out, (), 10**7, 10.0, False, out, root / "queries", graph_digest(out))
    path = "/answers/undated-events?page=3&page-size=5"
    expected = read_page(full, get_query(root / "queries", "undated-events"), 3, 5)
    sources = []
    for _ in range(2):
        response = handle(gate, Request(EnvironBuilder(path=path).get_environ()))
        assert response.status_code == 200
        rows = json.loads(response.get_data())["results"]["bindings"]
        assert [tuple(row.get(v) for v in expected.answers.variables) for row in rows] == list(
            expected.answers.rows
        )
        assert response.headers["X-Diplograph-Rows"] == str(expected.total)
        sources.append(response.headers["X-Diplograph-Source"])
    assert sources == ["live", "precomputed"]
    for name in ("undated-events.jsonl", "undated-events.offsets"):
        assert (out / ANSWERS_FOLDER / name).read_bytes() == (
            full / ANSWERS_FOLDER / name
        ).read_bytes()
