"""The scale benchmark (issue 10): the corpus generator is reproducible, draws only names the
rule layer knows, writes corpora that `diplograph build` builds, and benchmarks/scale.py writes
its CSV. Speed is measured by the benchmark itself, never here."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDFS, SKOS, Graph, Literal

from diplograph.cli import cli
from diplograph.namespaces import ID

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402  (benchmarks/ is not a package)
import scale  # noqa: E402


def _files(folder: Path) -> dict[str, bytes]:
    """The bytes of every file of a corpus's seeds folder, by name."""
    return {p.name: p.read_bytes() for p in sorted((folder / "seeds").iterdir())}


def test_same_seed_gives_the_same_bytes_and_another_seed_other_ones(tmp_path: Path) -> None:
    corpus.write_corpus(8, 1, tmp_path / "a")
    corpus.write_corpus(8, 1, tmp_path / "b")
    corpus.write_corpus(8, 2, tmp_path / "c")
    first, again, other = (_files(tmp_path / name) for name in "abc")
    assert len(first) == 16  # eight .txt and eight .meta.yaml
    assert first == again
    assert sorted(first) != sorted(other)  # stems carry the seed
    assert sorted(first.values()) != sorted(other.values())


def test_articles_are_news_length_with_boilerplate_listed(tmp_path: Path) -> None:
    corpus.write_corpus(20, 3, tmp_path)
    texts = sorted((tmp_path / "seeds").glob("*.txt"))
    words = [len(p.read_text(encoding="utf-8").split()) for p in texts]
    assert len(texts) == 20
    assert 300 <= min(words) and max(words) <= 560  # 300-500 words of body, then noise
    for path in texts:
        meta = corpus.yaml.safe_load(path.with_suffix(".meta.yaml").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        assert all(line in text for line in meta["boilerplate"])
        assert meta["dateline"] is None or text.startswith(meta["dateline"])


def test_every_pool_name_is_known_to_the_rule_layer() -> None:
    labels = Graph()
    for path in [
        ROOT / "mappings" / "entities.ttl",
        *(ROOT / "mappings" / "gazetteer").glob("*.ttl"),
    ]:
        labels.parse(path)
    known = {str(o) for p in (RDFS.label, SKOS.altLabel) for o in labels.objects(None, p)}
    pools = corpus.load_pools()
    names = [name.removeprefix("the ") for name, _, _ in pools.countries]
    names += [capital for _, _, capital in pools.countries]
    names += [*pools.organisations, *(label for label, _, _ in pools.agencies)]
    assert sorted(n for n in names if n not in known) == []
    for label, entity, _ in pools.agencies:  # an outlet entity of the metadata names it
        assert entity is None or Literal(label, lang="en") in set(labels.objects(ID[entity]))
    for city, entity in pools.datelines.items():
        assert Literal(city, lang="en") in set(labels.objects(ID[entity], RDFS.label))


def test_a_generated_corpus_builds_and_conforms(tmp_path: Path) -> None:
    corpus.write_corpus(5, 1, tmp_path / "project")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["--root", str(tmp_path / "project"), "build", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text())
    assert summary["conforms"] is True
    assert summary["quarantined"] == []
    assert (summary["articles"], summary["rule_layer_articles"]) == (5, 5)
    # "Yoon received Sunak in London for a meeting on the war" (two articles) attests the talks
    # of the two: 127 -> 129 attestations, one event (its IRI names the parties in no order)
    # "A delegation led by Putin arrived in Paris ... and was welcomed at the airport by senior
    # officials": the delegation's hosting (the verb after "and" shares the arrival's subject)
    # "..., the foreign ministry said in a statement" in a story filed in Pyongyang: the
    # statement of North Korea's foreign ministry (entities.yaml `dateline_bodies`)
    # "Wang Yi extended an invitation to Park Jin to visit China" (two articles) attests the
    # visit the invitation is to, the one "invited Park Jin to visit China" names: 132 -> 134
    # "Fidan received Macron in Paris on Monday for a meeting on the war": the meeting of the
    # two, the people between the clause's subject and "for a meeting" (frames.py
    # `_clause_objects`): 35 -> 36 events, 134 -> 135 attestations
    # "The United Nations has repeatedly called on both sides to resolve their differences": an
    # appeal in the perfect, the UN's statement (statement.appeal): 36 -> 37, 135 -> 136
    # "..., officials said" in a datelined story: the dateline state's statement (entities.yaml
    # coref.home-officials), two stories: 37 -> 39, 136 -> 138
    assert (summary["events"], summary["attestations"]) == (39, 138)
    assert summary["events_per_kind"] == {
        "Arrival": 2,
        "Hosting": 3,
        "Invitation": 1,
        "LetterDelivery": 1,
        "Meeting": 1,
        # the UN's appeal "has repeatedly called on both sides"; two datelined "officials said"
        "Statement": 24,
        "Talks": 4,  # Sunak's and Yoon's talks, told twice: one event (figures.py reads both)
        "Visit": 3,
    }
    shared = CliRunner().invoke(
        cli,
        ["--root", str(tmp_path / "project"), "query", "events-in-several-articles"]
        + ["--out", str(out), "--format", "csv"],
    )
    assert shared.exit_code == 0, shared.output
    # one event in 2 to 5 articles; 8 since a meeting's IRI names its parties in no order (the
    # talks of Park Jin and Narendra Modi, told in either order, are one event of 3 articles);
    # 9 since the visit an invitation is to is attested by the invitation's words (the visit of
    # Park Jin to China, in 2 articles)
    assert len(shared.output.strip().splitlines()) == 1 + 9


@pytest.mark.skipif(sys.platform == "win32", reason="the benchmark forks and uses wait4")
def test_scale_writes_one_row_per_stage_and_query(tmp_path: Path) -> None:
    results = tmp_path / "scale.csv"
    command = [sys.executable, str(ROOT / "benchmarks" / "scale.py"), "--sizes", "3"]
    command += ["--repeat", "1", "--no-reference", "--work", str(tmp_path), "--csv", str(results)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with results.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == scale.COLUMNS
    queries = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    stages = [*scale.STAGES, "other", "total"]
    assert [r["stage"] for r in rows] == [*stages, "query:(open store)"] + [
        f"query:{q}" for q in queries
    ]
    assert {(r["articles"], r["engine"]) for r in rows} == {("3", "oxigraph")}
    total = rows[len(stages) - 1]
    assert total["exit_code"] == "0"
    assert int(total["triples"]) > 0
    assert all(float(r["cpu_s"]) >= 0 for r in rows[: len(scale.STAGES)])
    assert all(r["runs"] == "1" for r in rows[len(stages) :])
    alone = tmp_path / "queries.csv"  # the stored queries again, on the build left behind
    command = [sys.executable, str(ROOT / "benchmarks" / "scale.py"), "--repeat", "2"]
    command += ["--queries-only", str(tmp_path / "out-3-oxigraph"), "--csv", str(alone)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with alone.open(encoding="utf-8") as handle:
        again = list(csv.DictReader(handle))
    assert [r["stage"] for r in again] == ["query:(open store)"] + [f"query:{q}" for q in queries]
    assert {(r["articles"], r["engine"], r["runs"]) for r in again[1:]} == {("3", "oxigraph", "2")}
    assert all(float(r["cpu_s"]) >= 0 and float(r["p95_ms"]) > 0 for r in again)
    command[-3] = str(tmp_path / "no-build")
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 2
    assert done.stdout == f"{tmp_path / 'no-build'}: no build folder with an on-disk store; " + (
        "run `diplograph build` first\n"
    )


def _drawn_before(store, query, rng) -> list[dict[str, str]]:
    """scale.parameter_sets as it was before its values were cached: the graph read again for
    the dates and for each IRI parameter of every query."""
    from diplograph.queries import expand_iri
    from diplograph.store import analysis_names

    def select(text: str) -> list[str]:
        return sorted(str(row[0]) for row in store.query(text, None, analysis_names(store)).rows)

    sets = [query.examples]
    if not query.params:
        return sets
    dates = select("SELECT DISTINCT ?d WHERE { ?s ?p ?d FILTER(DATATYPE(?d) = xsd:date) }")
    pools = {}
    for p in query.params:
        if p.type == "iri":
            prefix = json.dumps(scale._prefix(str(expand_iri(p.example))))
            pools[p.name] = select(
                f"SELECT DISTINCT ?x WHERE {{ ?x ?p ?o FILTER(STRSTARTS(STR(?x), {prefix})) }}"
            )
    for _ in range(4):
        values = dict(query.examples)
        picked = sorted(rng.sample(dates, 2)) if len(dates) >= 2 else []
        for param in query.params:
            if param.type == "iri" and pools[param.name]:
                values[param.name] = rng.choice(pools[param.name])
            elif param.type == "xsd:date" and picked:
                values[param.name] = picked.pop(0)
        sets.append(values)
    return sets


def test_scale_draws_the_same_parameters_reading_the_graph_once(seeds_out, monkeypatch) -> None:
    from diplograph.built import load_build
    from diplograph.queries import list_queries

    store = load_build(seeds_out, ROOT)
    queries = list_queries(ROOT / "queries")
    before_rng, rng = scale.random.Random(1), scale.random.Random(1)
    before = [_drawn_before(store, query, before_rng) for query in queries]
    texts: list[str] = []
    query = store.query
    monkeypatch.setattr(
        store, "query", lambda text, *rest: texts.append(text) or query(text, *rest)
    )
    graph = scale.GraphValues(store)
    drawn = [scale.parameter_sets(graph, q, rng, 5) for q in queries]
    assert drawn == before
    assert sum(len(sets) > 1 for sets in drawn) == sum(bool(q.params) for q in queries) > 10
    assert any(s != sets[0] for sets in drawn for s in sets[1:])  # values drawn, not examples
    assert [t.split("WHERE")[0] for t in texts] == ["SELECT DISTINCT ?d ", "SELECT DISTINCT ?x "]
