"""`diplograph push` against a real `oxigraph serve`: one PUT per named graph, replacing never
appending (pushing twice gives the same store), a failure half-way named in one line (exit 3)
and completed by a re-run; `query --endpoint` then answers as the embedded engine does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from store_fixtures import counts, expected_counts, put

from diplograph.errors import RemoteError
from diplograph.push import push, short
from diplograph.store import analysis_names

pytest_plugins = ["wikidata_fixtures", "store_fixtures"]

ROOT = Path(__file__).resolve().parents[1]
OTHER = "http://example.org/not-diplograph"

pytestmark = pytest.mark.server


@pytest.fixture
def cli(monkeypatch, built):
    """Run the CLI on the repository, answering from the session's build."""
    from diplograph import built as build_module
    from diplograph.cli import cli as group

    monkeypatch.setattr(build_module, "current_store", lambda root, out: (built.store, False))
    return lambda *args: CliRunner().invoke(group, ["--root", str(ROOT), *args])


def test_push_replaces_every_graph_and_twice_gives_the_same_store(built, cli, empty_server):
    stale = '<https://w3id.org/diplograph/id/x> <https://w3id.org/diplograph/id/y> "stale" .\n'
    put(empty_server.store_url, "https://w3id.org/diplograph/id/graph/entities", stale)
    put(empty_server.store_url, OTHER, stale)
    want = {**expected_counts(built), OTHER: 1}
    first = cli("push", "--endpoint", empty_server.store_url)
    assert first.exit_code == 0, first.output
    after_first = counts(empty_server.query_url)
    second = cli("push", "--endpoint", empty_server.store_url)
    assert second.exit_code == 0, second.output
    assert after_first == want
    assert counts(empty_server.query_url) == want
    assert first.stdout == second.stdout
    lines = first.stdout.splitlines()
    names = sorted(analysis_names(built.store))
    assert lines[:-1] == [
        f"replaced {short(n)} ({len(built.store.graph(n))} triples)" for n in names
    ]
    total = sum(expected_counts(built).values())
    assert (
        lines[-1] == f"pushed {len(names)} graph(s), {total} triples, to {empty_server.store_url}"
    )
    assert len(names) == 6 and total > 3000


def test_push_with_progress_draws_the_graphs_pushed_on_stderr(built, cli, empty_server):
    """`push --progress` draws rich's display on stderr: the graphs pushed of all."""
    result = cli("push", "--endpoint", empty_server.store_url, "--progress")
    assert result.exit_code == 0, result.output
    picture = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", result.stderr).split("\r")[-1]
    assert re.fullmatch(r"push ━{30} 6/6 graphs [\d.]+ graphs/s +\d:\d\d:\d\d\n", picture), picture
    assert result.stdout.splitlines()[-1].startswith("pushed 6 graph(s), ")


def test_a_push_that_fails_half_way_names_the_graphs_replaced_and_a_rerun_completes_it(
    built, empty_server
):
    names = sorted(analysis_names(built.store))
    url = empty_server.store_url
    seen = []

    def stop_after_two(item) -> None:
        seen.append(item.graph)
        if len(seen) == 2:
            empty_server.stop()

    with pytest.raises(RemoteError) as failure:
        push(built.store, url, timeout=5, retries=1, sleep=lambda s: None, done=stop_after_two)
    assert failure.value.exit_code == 3
    assert str(failure.value) == (
        f"{url}: PUT {short(names[2])} failed: cannot connect ([Errno 111] Connection refused) "
        f"on each of 2 attempts; replaced 2 of 6 graph(s): {short(names[0])}, "
        f"{short(names[1])}; run `diplograph push` again to complete"
    )
    empty_server.restart()
    assert counts(empty_server.query_url) == {str(n): len(built.store.graph(n)) for n in names[:2]}
    push(built.store, empty_server.store_url, timeout=30, retries=0)
    assert counts(empty_server.query_url) == expected_counts(built)


def test_push_to_a_store_that_is_down_exits_3_in_one_line(built, cli, down_url):
    first = short(sorted(analysis_names(built.store))[0])
    result = cli("push", "--endpoint", down_url, "--retries", "0", "--timeout", "2")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr == (
        f"error: {down_url}: PUT {first} failed: cannot connect ([Errno 111] Connection "
        "refused) on each of 1 attempts; replaced 0 of 6 graph(s): none; run `diplograph push` "
        "again to complete\n"
    )


def test_push_needs_an_http_url(cli):
    result = cli("push", "--endpoint", "file:///tmp/store")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --endpoint 'file:///tmp/store': not an http(s) URL (not an http(s) IRI)\n"
    )


def test_query_endpoint_answers_as_the_embedded_engine_after_push(cli, pushed_server, tmp_path):
    args = ("--format", "csv", "--param", "date=2023-07-26")
    remote = cli("query", "events-on-date", "--endpoint", pushed_server.query_url, *args)
    embedded = cli("query", "events-on-date", *args)
    assert remote.exit_code == 0, remote.output
    assert remote.stdout == embedded.stdout
    assert len(remote.stdout.splitlines()) == 6
    path = tmp_path / "senders.rq"
    path.write_text("SELECT DISTINCT ?s WHERE { ?e dip:sender/rdfs:label ?s } ORDER BY ?s")
    mine = cli("query", str(path), "--endpoint", pushed_server.query_url, "--format", "csv")
    assert mine.stdout == "s\nVladimir Putin\nXi Jinping\n"
    path.write_text(
        "SELECT DISTINCT ?country WHERE { ?e dip:place ?country . ?country a dip:Country }"
    )
    args = ("query", str(path), "--qids", "--format", "csv")
    remote = cli(*args, "--endpoint", pushed_server.query_url)
    assert remote.exit_code == 0, remote.output
    assert sorted(remote.stdout.splitlines()) == sorted(cli(*args).stdout.splitlines())
    assert "https://w3id.org/diplograph/id/country/north-korea,Q423" in remote.stdout.splitlines()


def test_query_endpoint_down_exits_3(cli, down_url):
    result = cli("query", "letters-delivered", "--endpoint", down_url)
    assert result.exit_code == 3
    assert result.stderr.startswith(f"error: {down_url}: cannot connect (")


def test_the_readme_scaling_out_example_is_what_the_pushed_store_answers(cli, pushed_server):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Scaling out") :]
    shown = section[
        section.index("```text\n") + 8 : section.index("\n```", section.index("```text"))
    ]
    assert "diplograph push --endpoint http://127.0.0.1:7878/store" in section
    result = cli(
        "query", "letters-delivered", "--endpoint", pushed_server.query_url, "--format", "csv"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == shown + "\n"


def test_push_by_sparql_update_replaces_every_graph_too(built, cli, empty_server):
    stale = '<https://w3id.org/diplograph/id/x> <https://w3id.org/diplograph/id/y> "stale" .\n'
    put(empty_server.store_url, "https://w3id.org/diplograph/id/graph/entities", stale)
    update_url = empty_server.query_url.removesuffix("/query") + "/update"
    for _ in range(2):
        result = cli("push", "--update", "--endpoint", update_url)
        assert result.exit_code == 0, result.output
        assert counts(empty_server.query_url) == expected_counts(built)
    assert result.stdout.splitlines()[-1].startswith("pushed 6 graph(s), ")


GRAPH = "https://w3id.org/diplograph/id/graph/"
REMOVED = "004_1b385efb04788e90"


@pytest.fixture(scope="module")
def smaller(tmp_path_factory):
    """The seeds' project less one article (its text, metadata and hand mapping), built."""
    import shutil

    from diplograph.build import build

    root = tmp_path_factory.mktemp("smaller") / "project"
    for folder in ("ontology", "queries", "mappings", "seeds"):
        shutil.copytree(ROOT / folder, root / folder)
    for path in (f"seeds/{REMOVED}.txt", f"seeds/{REMOVED}.meta.yaml"):
        (root / path).unlink()
    (root / "mappings" / "gold" / f"{REMOVED}.ttl").unlink()
    return build(root)


def _push_cli(monkeypatch, store):
    """Run the CLI answering from `store` (a build of some project)."""
    from diplograph import built as build_module
    from diplograph.cli import cli as group

    monkeypatch.setattr(build_module, "current_store", lambda root, out: (store, False))
    return lambda *args: CliRunner().invoke(group, ["--root", str(ROOT), *args])


def test_push_prune_drops_the_graph_of_an_article_removed_since(
    built, smaller, empty_server, monkeypatch
):
    url = empty_server.store_url
    put(url, OTHER, '<http://example.org/a> <http://example.org/b> "kept" .\n')
    first = _push_cli(monkeypatch, built.store)("push", "--endpoint", url, "--prune")
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines()[-2:] == [
        f"pushed 6 graph(s), {sum(expected_counts(built).values())} triples, to {url}",
        "dropped 0 graph(s) the build no longer has",
    ]
    everything = [
        f"{GRAPH}article/000_ec5e95d0bf243a61",
        f"{GRAPH}article/002_bb8ed0e65c7195c3",
        f"{GRAPH}article/{REMOVED}",
        f"{GRAPH}entities",
        f"{GRAPH}inferred",
        f"{GRAPH}ontology",
        OTHER,
    ]
    assert sorted(counts(empty_server.query_url)) == sorted(everything)
    kept = _push_cli(monkeypatch, smaller.store)("push", "--endpoint", url)
    assert kept.exit_code == 0, kept.output
    assert sorted(counts(empty_server.query_url)) == sorted(everything)  # no --prune: kept
    second = _push_cli(monkeypatch, smaller.store)("push", "--endpoint", url, "--prune")
    assert second.exit_code == 0, second.output
    assert second.stdout.splitlines()[-2:] == [
        f"dropped id:graph/article/{REMOVED}",
        "dropped 1 graph(s) the build no longer has",
    ]
    want = {**expected_counts(smaller), OTHER: 1}
    assert counts(empty_server.query_url) == want
    assert sorted(want) == sorted(g for g in everything if REMOVED not in g)
    again = _push_cli(monkeypatch, smaller.store)("push", "--endpoint", url, "--prune")
    assert again.stdout.splitlines()[-1] == "dropped 0 graph(s) the build no longer has"
    assert counts(empty_server.query_url) == want


def test_push_prune_by_sparql_update_drops_it_too(built, smaller, empty_server):
    from diplograph.prune import prune

    update_url = empty_server.query_url.removesuffix("/query") + "/update"
    push(built.store, update_url, timeout=30, retries=0, update=True)
    pushed = push(smaller.store, update_url, timeout=30, retries=0, update=True)
    kept = [str(item.graph) for item in pushed]
    dropped = prune(update_url, empty_server.query_url, kept, timeout=30, retries=0, update=True)
    assert dropped == [f"{GRAPH}article/{REMOVED}"]
    assert counts(empty_server.query_url) == expected_counts(smaller)


def test_push_prune_needs_a_query_url_it_can_tell(cli):
    result = cli("push", "--endpoint", "http://127.0.0.1:9/graphs", "--prune")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --endpoint 'http://127.0.0.1:9/graphs': cannot tell the store's query URL; "
        "give --query-endpoint URL\n"
    )
