"""The build stage: exact summary, validation before anything is written, atomic output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib.compare import isomorphic

from diplograph.build import GRAPH_FILE, load_build, write_build
from diplograph.cli import cli
from diplograph.iris import ONTOLOGY_GRAPH
from diplograph.namespaces import DIP, SCHEMA
from diplograph.store import engine_name, new_store

ROOT = Path(__file__).resolve().parents[1]


def test_summary_counts(built):
    summary = built.summary
    assert summary["articles"] == 3
    assert summary["events"] == 47
    assert summary["attestations"] == 100
    assert summary["conforms"] is True and summary["violations"] == 0
    assert summary["events_per_kind"]["Visit"] == 4
    assert summary["events_per_kind"]["LetterDelivery"] == 2
    assert summary["events_per_kind"]["Talks"] == 3
    assert summary["triples_inferred"] > 1000
    assert summary["triples_asserted"] > 1400


def test_build_output_is_byte_identical_across_runs(built, tmp_path):
    write_build(built, tmp_path / "a", "ok\n")
    write_build(built, tmp_path / "b", "ok\n")
    for name in (GRAPH_FILE, "summary.json", "validation.txt"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_build_folder_round_trips(built, tmp_path):
    write_build(built, tmp_path / "out", "ok\n")
    store = load_build(tmp_path / "out", ROOT)
    assert store.graph_names() == built.store.graph_names()
    for name in built.store.graph_names():
        assert len(store.graph(name)) == len(built.store.graph(name))


@pytest.fixture()
def project(tmp_path) -> Path:
    """A copy of the project's data folders, safe to break."""
    for folder in ("ontology", "seeds", "mappings", "queries"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def _run(project: Path, *args: str):
    """Run the CLI in-process on a project copy."""
    return CliRunner().invoke(cli, ["--root", str(project), *args])


def test_cli_build_writes_the_build_folder(project):
    result = _run(project, "build")
    assert result.exit_code == 0, result.output
    assert "events               47" in result.output
    assert "validation           conforms (0 violation(s))" in result.output
    assert sorted(p.name for p in (project / "out").iterdir()) == [
        ".diplograph-build",
        "answers",
        GRAPH_FILE,
        "manifest.json",
        "stamps.json",
        "state.pickle",
        "store",
        "summary.json",
        "validation.txt",
    ]


def test_the_build_leaves_a_store_that_holds_the_graphs_of_graph_trig(built, tmp_path, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_ENGINE", "oxigraph")
    write_build(built, tmp_path / "out", "ok\n", ROOT)
    disk = load_build(tmp_path / "out", ROOT)
    assert disk.path == tmp_path / "out" / "store"  # opened as it is, not parsed
    from_trig = new_store("rdflib")
    from_trig.parse((tmp_path / "out" / GRAPH_FILE).read_bytes(), "trig")
    assert len(from_trig.graph_names()) > 5
    assert disk.graph_names() == sorted([*from_trig.graph_names(), ONTOLOGY_GRAPH])
    for name in from_trig.graph_names():
        assert isomorphic(disk.graph(name), from_trig.graph(name)), name
    assert isomorphic(disk.graph(ONTOLOGY_GRAPH), built.store.graph(ONTOLOGY_GRAPH))


def test_failed_build_leaves_the_previous_build_untouched(project, write_seeds_build):
    write_seeds_build(project / "out", project)  # as `build` writes it
    before = (project / "out" / GRAPH_FILE).read_bytes()
    gold = project / "mappings" / "gold" / "004_1b385efb04788e90.ttl"
    gold.write_text(gold.read_text(encoding="utf-8") + "\n<broken> a .\n", encoding="utf-8")
    result = _run(project, "build")
    assert result.exit_code == 2
    line = gold.read_text(encoding="utf-8").count("\n") + 1  # rdflib sees it at the end
    assert result.stderr == f"error: {gold}:{line}:7: malformed Turtle: objectList expected\n"
    assert (project / "out" / GRAPH_FILE).read_bytes() == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".out")] == [".out.lock"]


def test_shacl_violation_fails_build_and_names_node_and_file(project):
    gold = project / "mappings" / "gold" / "000_ec5e95d0bf243a61.ttl"
    text = gold.read_text(encoding="utf-8").replace("    dip:sender <person/xi-jinping> ;\n", "")
    gold.write_text(text, encoding="utf-8")
    result = _run(project, "build")
    assert result.exit_code == 1
    assert "event/letter-delivery/2023-07-26/xi-jinping-li-hongzhong-kim-jong-un" in result.output
    assert "dip:sender" in result.output
    assert "mappings/gold/000_ec5e95d0bf243a61.ttl" in result.output
    assert not (project / "out").exists()
    validate = _run(project, "validate")
    assert validate.exit_code == 1
    assert "dip:sender" in validate.output


def test_validate_conforms_on_the_seeds(project):
    result = _run(project, "validate")
    assert result.exit_code == 0
    assert "Conforms" in result.output


def test_query_uses_a_fresh_build_when_inputs_changed(project, write_seeds_build):
    write_seeds_build(project / "out", project)  # as `build` writes it
    gold = project / "mappings" / "gold" / "000_ec5e95d0bf243a61.ttl"
    text = gold.read_text(encoding="utf-8").replace(
        "<person/xi-jinping>", "<person/vladimir-putin>"
    )
    gold.write_text(text, encoding="utf-8")
    result = _run(project, "query", "letters-delivered", "--format", "csv")
    assert result.exit_code == 0
    assert "built in memory" in result.output
    assert result.output.count("https://w3id.org/diplograph/id/event/letter-delivery/") == 2
    assert "Xi Jinping" not in result.output


def test_a_removed_article_is_not_read_back_from_the_old_build(project, write_seeds_build):
    write_seeds_build(project / "out", project)  # as `build` writes it
    stem = "004_1b385efb04788e90"
    assert f"article/{stem}" in _run(project, "export", "--format", "nt").stdout
    (project / "seeds" / f"{stem}.txt").unlink()
    (project / "seeds" / f"{stem}.meta.yaml").unlink()
    (project / "mappings" / "gold" / f"{stem}.ttl").unlink()
    result = _run(project, "export", "--format", "nt")
    assert result.exit_code == 0, result.output
    assert f"article/{stem}" not in result.stdout
    assert "article/000_ec5e95d0bf243a61" in result.stdout


@pytest.mark.parametrize(
    ("damage", "state"),
    [
        (lambda data: b"", "empty"),
        (lambda data: data[: len(data) // 2], "not the file its build wrote (truncated or edited)"),
    ],
    ids=["emptied", "truncated"],
)
def test_a_damaged_build_is_an_error_naming_it(project, write_seeds_build, damage, state):
    write_seeds_build(project / "out", project)  # as `build` writes it
    graph = project / "out" / GRAPH_FILE
    graph.write_bytes(damage(graph.read_bytes()))
    for args in (("query", "letters-delivered"), ("export", "--format", "nt")):
        result = _run(project, *args)
        assert result.exit_code == 2, result.output
        assert result.stderr == f"error: {graph}: {state}; run `diplograph build` again\n"
        assert result.stdout == ""


def test_misspelt_ontology_term_fails_the_build(project):
    gold = project / "mappings" / "gold" / "000_ec5e95d0bf243a61.ttl"
    text = gold.read_text(encoding="utf-8").replace("a dip:MilitaryParade", "a dip:MilitaryParde")
    gold.write_text(text, encoding="utf-8")
    result = _run(project, "validate")
    assert result.exit_code == 1
    assert "https://w3id.org/diplograph/ontology#MilitaryParde" in result.output
    assert "qa:undeclared-term-violation" in result.output
    assert "mappings/gold/000_ec5e95d0bf243a61.ttl" in result.output


def test_article_without_hand_mapping_is_mapped_by_rules_and_validated(project):
    (project / "mappings" / "gold" / "004_1b385efb04788e90.ttl").unlink()
    result = _run(project, "build")
    assert result.exit_code == 0, result.output
    assert "mapped by rules only 1 article(s)" in result.output
    assert "validation           conforms (0 violation(s))" in result.output
    answer = _run(project, "query", "invitations", "--format", "csv")
    assert (
        answer.stdout.splitlines()[1]
        == "Kim Jong Un,Vladimir Putin,North Korea,2023-09-13,2023-09-14"
    )
    trig = _run(project, "export", "--format", "trig", "--layer", "asserted").stdout
    assert "<https://w3id.org/diplograph/id/graph/rules/004_1b385efb04788e90> {" in trig
    assert "/graph/candidates/004_" not in trig


def test_hand_layer_wins_and_rule_layer_is_kept_for_review(built):
    from diplograph.export import layer_graphs
    from diplograph.iris import candidates_graph_iri

    assert layer_graphs(built.store, "candidates") == [
        candidates_graph_iri(stem)
        for stem in ("000_ec5e95d0bf243a61", "002_bb8ed0e65c7195c3", "004_1b385efb04788e90")
    ]
    assert not set(layer_graphs(built.store, "candidates")) & set(layer_graphs(built.store, "all"))
    assert built.summary["rule_layer_articles"] == 0
    # with Putin who "reaffirmed his will" in seed 004 (statements.yaml statement.joined)
    assert built.summary["rule_layer_candidates"] == 3


def test_a_new_article_without_metadata_is_dated_by_its_marker_and_mapped_by_rules(project):
    text = (
        " date 2024-05-10 Chinese Foreign Minister Wang Yi arrived in Moscow on Monday.\n\n"
        "Share this article\n"
    )
    (project / "seeds" / "900_new.txt").write_text(text, encoding="utf-8")
    result = _run(project, "build")
    assert result.exit_code == 0, result.output
    assert "mapped by rules only 1 article(s)" in result.output
    assert "validation           conforms (0 violation(s))" in result.output
    answer = _run(project, "query", "events-on-date", "--param", "date=2024-05-06")
    assert "id:event/arrival/2024-05-06/wang-yi-moscow" in answer.stdout
    trig = _run(project, "export", "--format", "trig", "--layer", "asserted").stdout
    assert '"the leading `date` marker"' in trig and '"Share this article"' in trig


def test_a_bom_before_the_date_marker_still_dates_the_article(project):
    text = " date 2024-05-10 Chinese Foreign Minister Wang Yi arrived in Moscow on Monday.\r\n"
    (project / "seeds" / "900_new.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = _run(project, "build")
    assert result.exit_code == 0, result.output
    answer = _run(project, "query", "events-on-date", "--param", "date=2024-05-06")
    assert "id:event/arrival/2024-05-06/wang-yi-moscow" in answer.stdout


def test_a_crlf_build_points_at_the_words_of_the_files_as_stored(project):
    for path in (project / "seeds").glob("*.txt"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    result = _run(project, "build")
    assert result.exit_code == 0, result.output
    store = load_build(project / "out", project)
    texts = {p.stem: p.read_bytes().decode("utf-8") for p in (project / "seeds").glob("*.txt")}
    graph = store.union()
    checked = 0
    for node, text in graph.subject_objects(DIP.text):
        sentence = graph.value(node, DIP.sentence) or node
        article = graph.value(sentence, DIP.inArticle)
        begin, end = graph.value(node, DIP.beginIndex), graph.value(node, DIP.endIndex)
        if article is None or begin is None:
            continue
        stem = str(graph.value(article, SCHEMA.identifier))
        assert texts[stem][int(begin) : int(end)] == str(text)
        checked += 1
    assert checked > 100


def test_a_new_article_without_metadata_or_marker_is_quarantined_naming_it(project):
    (project / "seeds" / "900_new.txt").write_text("Wang Yi arrived in Moscow.\n", "utf-8")
    result = _run(project, "build")
    assert result.exit_code == 4
    assert result.stderr.splitlines()[0] == (
        "warning: quarantined: seeds/900_new.txt: no publication date: give --date YYYY-MM-DD, "
        "add a .meta.yaml, or start the text with a `date YYYY-MM-DD` marker"
    )
    assert "events               47" in result.stdout  # the seeds are built as ever


OXIGRAPH_SAYS = {  # the Oxigraph engine's words for the same files (graph.trig)
    "unterminated URI reference": (":1:27", "Unexpected end of file"),
    "newline found in string literal": (":2:18", "Unexpected end of file"),
    "the file ends in the middle of a statement": (":1:34", "Unexpected end"),
}


@pytest.mark.parametrize(
    ("data", "where", "problem"),
    [
        (b"<urn:g> { <urn:a> <urn:b> <urn:c", ":1", "unterminated URI reference"),
        (b'<urn:g> {\n <urn:a> <urn:b> "x .\n}\n', ":2:22", "newline found in string literal"),
        (b"<urn:g> { <urn:a> <urn:b> <urn:c>", "", "the file ends in the middle of a statement"),
    ],
    ids=["open-iri", "open-literal", "cut-short"],
)
def test_an_unreadable_build_or_enrichment_file_is_one_line(tmp_path, data, where, problem):
    """Found by tests/test_fuzz_loaders.py: rdflib's message (several lines, with the whole
    file quoted) reached the user."""
    from diplograph.build import load_enrichment

    (tmp_path / "out").mkdir()
    graph = tmp_path / "out" / GRAPH_FILE
    graph.write_bytes(data)
    with pytest.raises(Exception) as error:
        load_build(tmp_path / "out", ROOT)
    at, why = (where, problem) if engine_name() == "rdflib" else OXIGRAPH_SAYS[problem]
    assert str(error.value) == (
        f"{graph}{at}: malformed TriG: {why}; not a readable build, run `diplograph build` again"
    )
    (tmp_path / "mappings").mkdir()
    enrichment = tmp_path / "mappings" / "wikidata-enrichment.trig"
    enrichment.write_bytes(data)
    with pytest.raises(Exception) as error:
        load_enrichment(tmp_path)
    assert str(error.value) == f"{enrichment}{where}: malformed TriG: {problem}"


def _figures_store():
    """A store of two asserted graphs sharing a triple, as the summary reads them."""
    from rdflib import RDF, Graph, URIRef

    ids = "https://w3id.org/diplograph/id/"
    art, meet, visit, dele = (URIRef(ids + n) for n in ("a", "meeting", "visit", "delegation"))
    one, two = Graph(), Graph()
    one.add((art, RDF.type, DIP.NewsArticle))
    one.add((URIRef(ids + "at1"), DIP.attests, meet))
    one.add((meet, RDF.type, DIP.Meeting))
    one.add((dele, RDF.type, DIP.Delegation))
    one.add((URIRef(ids + "at1"), DIP.attests, dele))
    two.add((meet, RDF.type, DIP.Meeting))  # in both graphs: counted once
    two.add((URIRef(ids + "at2"), DIP.attests, meet))
    two.add((visit, RDF.type, DIP.Visit))  # attested by nothing: no event
    store = new_store()
    store.add_graph(URIRef(ids + "graph/one"), one)
    store.add_graph(URIRef(ids + "graph/two"), two)
    return store


def test_the_store_counts_a_triple_of_two_graphs_once():
    store = _figures_store()
    assert store.count(store.graph_names()) == 7 == len(store.union(store.graph_names()))


def test_asserted_figures_counts_attested_events_articles_and_attestations():
    from diplograph.build import asserted_figures

    store = _figures_store()
    assert asserted_figures(store, store.graph_names()) == {
        "articles": 1,
        "triples_asserted": 7,
        "events_per_kind": {"Meeting": 1},
        "events": 1,
        "attestations": 2,
    }
