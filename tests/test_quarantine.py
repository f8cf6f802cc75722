"""One bad article never stops a corpus (issue 12): an article that cannot be read, whose rule
layer fails, runs out of time or breaks a shape is quarantined (OUT/quarantine/STEM.ttl, the
summary, validation.txt, a warning line each), the build goes on without its rule layer and exits
4; the hand layer stays strict (a violation there fails the build, exit 1).

The projects are copies of this one with seeds of their own and two test shapes that the rule
layer of one sentence breaks, so the tests do not hang on a defect of today's rules."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal

from diplograph.cli import cli
from diplograph.iris import rules_graph_iri
from diplograph.namespaces import DIP, ID
from diplograph.quarantine import conflicts, describe, shape_problems
from diplograph.store import RdflibStore
from diplograph.validate import ReportRow
from diplograph.worker import CallOutOfMemory, CallTimeout, Worker

ROOT = Path(__file__).resolve().parents[1]
TEST_SHAPES = """
# Test shapes: a meeting names its transport; an arrival is reported by one sentence only.
dsh:TestMeetingShape
    a sh:NodeShape ;
    sh:targetClass dip:Meeting ;
    sh:property dsh:TestMeetingShape-transport .

dsh:TestMeetingShape-transport
    a sh:PropertyShape ;
    sh:path dip:transport ;
    sh:minCount 1 ;
    sh:message "Test: a meeting names its transport."@en .

dsh:TestArrivalShape
    a sh:NodeShape ;
    sh:targetClass dip:Arrival ;
    sh:property dsh:TestArrivalShape-once .

dsh:TestArrivalShape-once
    a sh:PropertyShape ;
    sh:path [ sh:inversePath dip:attests ] ;
    sh:maxCount 1 ;
    sh:message "Test: an arrival is reported once."@en .
"""
GOOD = "date 2024-05-10\nChinese Foreign Minister Wang Yi arrived in Moscow on Monday.\n"
MEETING = "date 2024-05-10\nKim Jong Un met Vladimir Putin in Moscow on Monday.\n"
ARRIVAL = ID["event/arrival/2024-05-06/wang-yi-moscow"]
MEETING_EVENT = ID["event/meeting/2024-05-06/kim-jong-un-vladimir-putin"]
MEETING_PROBLEM = (
    "seeds/901_meeting.txt: sentence 1 “Kim Jong Un met Vladimir Putin in Moscow on Monday.”: "
    "id:event/meeting/2024-05-06/kim-jong-un-vladimir-putin dip:transport breaks "
    "dsh:TestMeetingShape-transport: Test: a meeting names its transport."
)
DATE_PROBLEM = (
    "seeds/902_bad_date.txt:2: the `date` marker's date '2023-02-30' is not a valid date "
    "(day is out of range for month)"
)
LATIN1_PROBLEM = (
    "seeds/903_latin1.txt: cannot read article as UTF-8 text: 'utf-8' codec can't decode byte "
    "0xe9 in position 40: invalid continuation byte"
)
TWICE_PROBLEM = (
    "seeds/904_again.txt: sentence 1 “Chinese Foreign Minister Wang Yi arrived in Moscow on "
    "Monda…”: id:event/arrival/2024-05-06/wang-yi-moscow ^dip:attests breaks "
    "dsh:TestArrivalShape-once: Test: an arrival is reported once. "
    "(with seeds/900_good.txt's rule layer)"
)


def _project(folder: Path, seeds: dict[str, bytes], gold: bool = False) -> Path:
    """A copy of the project with the given seeds and the test shapes, or, with `gold`, with the
    repository's seeds and hand mappings too and its own shapes only."""
    for name in ("ontology", "mappings", "queries"):
        shutil.copytree(ROOT / name, folder / name)
    if gold:
        shutil.copytree(ROOT / "seeds", folder / "seeds")
    else:
        (folder / "seeds").mkdir()
        shutil.rmtree(folder / "mappings" / "gold")
    if not gold:
        with (folder / "ontology" / "diplo-shapes.ttl").open("a", encoding="utf-8") as shapes:
            shapes.write(TEST_SHAPES)
    for name, data in seeds.items():
        (folder / "seeds" / name).write_bytes(data)
    return folder


def _run(project: Path, *args: str):
    """Run the CLI in-process on a project."""
    return CliRunner().invoke(cli, ["--root", str(project), *args])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, object]:
    """One build of a corpus: a good article, one whose rule layer breaks a shape, one with an
    impossible marker date, one that is not UTF-8, and one that reports the good one's arrival
    again (fine alone, a conflict beside it)."""
    project = _project(
        tmp_path_factory.mktemp("corpus"),
        {
            "900_good.txt": GOOD.encode(),
            "901_meeting.txt": MEETING.encode(),
            "902_bad_date.txt": b"\n date 2023-02-30 Wang Yi arrived in Moscow.\n",
            "903_latin1.txt": "date 2024-05-10\nWang Yi arrived in Montr\u00e9al.\n".encode(
                "latin-1"
            ),
            "904_again.txt": GOOD.encode(),
        },
    )
    return project, _run(project, "build")


def test_the_build_goes_on_and_exits_4_with_one_warning_per_problem(corpus):
    project, result = corpus
    assert result.exit_code == 4, result.output
    assert result.stderr.splitlines() == [
        f"warning: quarantined: {MEETING_PROBLEM}",
        f"warning: quarantined: {DATE_PROBLEM}",
        f"warning: quarantined: {LATIN1_PROBLEM}",
        f"warning: quarantined: {TWICE_PROBLEM}",
        "built with warnings: 4 article(s) quarantined, their rule layer left out "
        f"(see {project / 'out' / 'quarantine'})",
    ]
    assert result.stdout.splitlines()[-7:] == [
        "  rule candidates      0 (see `diplograph review`)",
        "  validation           conforms (0 violation(s))",
        "  quarantined          4 article(s)",
        "    seeds/901_meeting.txt",
        "    seeds/902_bad_date.txt",
        "    seeds/903_latin1.txt",
        "    seeds/904_again.txt",
    ]


def test_the_summary_and_the_report_list_the_quarantined_articles(corpus):
    project, _ = corpus
    summary = json.loads((project / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["quarantined"] == [
        {
            "article": "seeds/901_meeting.txt",
            "file": "quarantine/901_meeting.ttl",
            "graph": str(rules_graph_iri("901_meeting")),
            "problems": [MEETING_PROBLEM],
        },
        {
            "article": "seeds/902_bad_date.txt",
            "file": "quarantine/902_bad_date.ttl",
            "graph": None,
            "problems": [DATE_PROBLEM],
        },
        {
            "article": "seeds/903_latin1.txt",
            "file": "quarantine/903_latin1.ttl",
            "graph": None,
            "problems": [LATIN1_PROBLEM],
        },
        {
            "article": "seeds/904_again.txt",
            "file": "quarantine/904_again.ttl",
            "graph": str(rules_graph_iri("904_again")),
            "problems": [TWICE_PROBLEM],
        },
    ]
    assert (summary["articles"], summary["rule_layer_articles"], summary["events"]) == (3, 1, 2)
    assert (project / "out" / "validation.txt").read_text(encoding="utf-8") == (
        "Conforms: the data graph satisfies every shape.\n"
        "Quarantined: 4 article(s), their rule layer left out of graph.trig (see quarantine/):\n"
        f"\nseeds/901_meeting.txt\n  {MEETING_PROBLEM}\n"
        f"\nseeds/902_bad_date.txt\n  {DATE_PROBLEM}\n"
        f"\nseeds/903_latin1.txt\n  {LATIN1_PROBLEM}\n"
        f"\nseeds/904_again.txt\n  {TWICE_PROBLEM}\n"
    )


def test_quarantined_triples_are_in_the_quarantine_not_in_the_graph(corpus):
    project, _ = corpus
    dataset = Dataset()
    dataset.parse(project / "out" / "graph.trig", format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert str(rules_graph_iri("900_good")) in names
    assert str(rules_graph_iri("901_meeting")) not in names
    assert str(rules_graph_iri("904_again")) not in names
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    assert (ARRIVAL, None, None) in union
    assert (MEETING_EVENT, None, None) not in union
    assert (None, None, MEETING_EVENT) not in union
    assert len(set(union.subjects(DIP.attests, ARRIVAL))) == 1  # 900's only
    assert sorted(p.name for p in (project / "out" / "quarantine").iterdir()) == [
        "901_meeting.ttl",
        "902_bad_date.ttl",
        "903_latin1.ttl",
        "904_again.ttl",
    ]
    text = (project / "out" / "quarantine" / "901_meeting.ttl").read_text(encoding="utf-8")
    assert text.splitlines()[:4] == [
        "# diplograph quarantine: the rule layer of seeds/901_meeting.txt, left out of graph.trig",
        f"# (it would be the named graph <{rules_graph_iri('901_meeting')}>)",
        "# why:",
        f"#   {MEETING_PROBLEM}",
    ]
    kept = Graph().parse(data=text, format="turtle")
    assert (MEETING_EVENT, DIP.participant, ID["person/kim-jong-un"]) in kept
    assert (project / "out" / "quarantine" / "902_bad_date.ttl").read_text(encoding="utf-8") == (
        "# diplograph quarantine: the rule layer of seeds/902_bad_date.txt, left out of "
        f"graph.trig\n# why:\n#   {DATE_PROBLEM}\n# (the rules made no graph of it)\n\n"
    )


def test_validate_reports_the_quarantine_and_exits_4_with_or_without_the_worker(corpus):
    project, _ = corpus
    result = _run(project, "validate", "--article-timeout", "0")  # 0: the rules run in process
    assert result.exit_code == 4
    assert result.stdout == (project / "out" / "validation.txt").read_text(encoding="utf-8")


def test_a_rule_layer_that_raises_is_quarantined(tmp_path, monkeypatch):
    import diplograph.build

    project = _project(tmp_path, {"900_good.txt": GOOD.encode(), "905_boom.txt": GOOD.encode()})
    real = diplograph.build.extract_triples

    def extract(article, *layer):
        if article.stem == "905_boom":
            raise ValueError("boom")
        return real(article, *layer)

    monkeypatch.setattr(diplograph.build, "extract_triples", extract)
    result = _run(project, "build")
    assert result.exit_code == 4, result.output
    assert result.stderr.splitlines()[0] == (
        "warning: quarantined: seeds/905_boom.txt: the rule layer failed: ValueError: boom"
    )
    summary = json.loads((project / "out" / "summary.json").read_text(encoding="utf-8"))
    assert [q["article"] for q in summary["quarantined"]] == ["seeds/905_boom.txt"]
    assert summary["rule_layer_articles"] == 1


def test_a_hand_mapping_violation_still_fails_the_build(tmp_path):
    latin1 = "date 2024-05-10\nWang Yi arrived in Montr\u00e9al.\n".encode("latin-1")
    project = _project(tmp_path, {"903_latin1.txt": latin1}, gold=True)
    gold = project / "mappings" / "gold" / "000_ec5e95d0bf243a61.ttl"
    text = gold.read_text(encoding="utf-8").replace("    dip:sender <person/xi-jinping> ;\n", "")
    gold.write_text(text, encoding="utf-8")
    result = _run(project, "build")
    assert result.exit_code == 1
    event = "https://w3id.org/diplograph/id/event/letter-delivery/2023-07-26/"
    assert (
        f"Does not conform: 1 result(s).\n\nViolation: {event}xi-jinping-li-hongzhong-kim-jong-un\n"
        "  path:      dip:sender\n"
    ) in result.stderr
    assert "  source:    mappings/gold/000_ec5e95d0bf243a61.ttl\n" in result.stderr
    assert result.stderr.startswith(f"warning: quarantined: {LATIN1_PROBLEM}\nDoes not conform")
    assert result.stderr.endswith(
        f"Quarantined: 1 article(s), their rule layer left out of graph.trig (see quarantine/):"
        f"\n\nseeds/903_latin1.txt\n  {LATIN1_PROBLEM}\n"
        f"build failed: nothing written to {project / 'out'}\n"
    )
    assert not (project / "out").exists()


def test_an_unreadable_article_with_a_hand_mapping_fails_the_build(tmp_path):
    project = _project(tmp_path, {}, gold=True)
    (project / "seeds" / "004_1b385efb04788e90.meta.yaml").write_text("42\n", encoding="utf-8")
    result = _run(project, "build")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {project}/seeds/004_1b385efb04788e90.meta.yaml: ")
    assert not (project / "out").exists()


def _limited_memory() -> None:
    """Bound a child process to 4 GB, so that a time limit that fails cannot swamp the machine."""
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def test_an_article_over_the_time_limit_is_quarantined_not_a_hung_build(tmp_path):
    words = "Kim met Putin for talks in Moscow and said the delegation would visit".split()
    line = " ".join(words[i % len(words)] for i in range(60_000))[:300_000]  # no full stop
    project = _project(
        tmp_path,
        {"900_good.txt": GOOD.encode(), "906_long.txt": f"date 2024-05-10\n{line}\n".encode()},
    )
    env = {**os.environ, "DIPLOGRAPH_ARTICLE_TIMEOUT": "3", "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "diplograph", "--root", str(project), "build"]
    start = time.monotonic()
    run = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=300, preexec_fn=_limited_memory
    )
    elapsed = time.monotonic() - start
    assert run.returncode == 4, run.stderr
    assert run.stderr.splitlines() == [
        "warning: quarantined: seeds/906_long.txt: the rule layer took longer than the time "
        "limit of 3 s per article (--article-timeout); nothing of it is kept",
        "built with warnings: 1 article(s) quarantined, their rule layer left out "
        f"(see {project / 'out' / 'quarantine'})",
    ]
    lines = run.stdout.splitlines()  # the long article stays, without its rule layer
    assert {"  articles             2", "  mapped by rules only 1 article(s)"} <= set(lines)
    assert elapsed < 150  # unbounded, the line takes minutes (even where extraction is linear)


def test_a_tiny_limit_quarantines_a_slow_article_and_keeps_the_others(tmp_path, monkeypatch):
    import diplograph.build

    project = _project(tmp_path, {"900_good.txt": GOOD.encode(), "907_slow.txt": GOOD.encode()})
    real = diplograph.build.extract_triples

    def extract(article, *layer):
        if article.stem == "907_slow":
            time.sleep(600)  # killed with its worker long before
        return real(article, *layer)

    monkeypatch.setattr(diplograph.build, "extract_triples", extract)
    start = time.monotonic()
    result = _run(project, "build", "--article-timeout", "0.5")
    assert time.monotonic() - start < 120
    assert result.exit_code == 4, result.output
    assert result.stderr.splitlines()[0] == (
        "warning: quarantined: seeds/907_slow.txt: the rule layer took longer than the time "
        "limit of 0.5 s per article (--article-timeout); nothing of it is kept"
    )
    summary = json.loads((project / "out" / "summary.json").read_text(encoding="utf-8"))
    assert [q["article"] for q in summary["quarantined"]] == ["seeds/907_slow.txt"]
    assert (summary["rule_layer_articles"], summary["events"]) == (1, 2)  # 900's arrival, visit


def test_an_article_that_eats_memory_is_quarantined_not_an_oom_of_the_build(tmp_path, monkeypatch):
    import diplograph.build

    project = _project(tmp_path, {"900_good.txt": GOOD.encode(), "908_greedy.txt": GOOD.encode()})
    real = diplograph.build.extract_triples

    def extract(article, *layer):
        if article.stem == "908_greedy":
            eaten = []
            while True:  # zeroed pages, never touched: the limit stops it, not the machine
                eaten.append(bytearray(64 << 20))
        return real(article, *layer)

    monkeypatch.setattr(diplograph.build, "extract_triples", extract)
    monkeypatch.setenv("DIPLOGRAPH_ARTICLE_MEMORY", "256")
    result = _run(project, "build", "--article-timeout", "0")  # the memory limit alone
    assert result.exit_code == 4, result.output
    assert result.stderr.splitlines()[0] == (
        "warning: quarantined: seeds/908_greedy.txt: the rule layer ran out of memory (limit "
        "256 MiB) and was stopped (--article-memory); nothing of it is kept"
    )
    summary = json.loads((project / "out" / "summary.json").read_text(encoding="utf-8"))
    assert [q["article"] for q in summary["quarantined"]] == ["seeds/908_greedy.txt"]
    assert (summary["rule_layer_articles"], summary["events"]) == (1, 2)  # 900's arrival, visit


def test_the_worker_bounds_its_memory_and_replaces_itself_after_running_out():
    with Worker(lambda mib: len(bytearray(mib << 20)) >> 20, None, 128) as run:
        assert run(64) == 64
        first = run.pid
        with pytest.raises(CallOutOfMemory, match=r"^ran out of memory \(limit 128 MiB\)$"):
            run(1024)
        assert run.pid is None  # killed
        assert run(64) == 64 and run.pid not in (None, first)  # a fresh worker
    assert Worker(lambda: os.getpid(), None, 0)() == os.getpid()  # no limit: no worker


def test_the_worker_stops_a_call_at_its_limit_and_serves_the_next():
    with Worker(lambda seconds: time.sleep(seconds) or seconds, 0.5) as run:
        start = time.monotonic()
        with pytest.raises(CallTimeout, match=r"took longer than 0\.5 s"):
            run(30)
        assert time.monotonic() - start < 10
        assert run.pid is None  # killed
        assert run(0) == 0  # a fresh worker
        assert run.pid is not None
    assert run.pid is None  # ended with the block


def test_the_worker_passes_exceptions_and_notices_its_death():
    with Worker(lambda x: 1 / x, 5) as run:
        with pytest.raises(ZeroDivisionError):
            run(0)
        assert run(4) == 0.25
    with Worker(lambda: os._exit(3), 5) as run, pytest.raises(ChildProcessError):
        run()
    assert Worker(lambda: os.getpid(), None)() == os.getpid()  # no limit: no worker


def test_conflicts_set_aside_the_later_rule_graph_or_every_one_beside_the_hand_layer():
    store = RdflibStore()
    event, other = ID["event/x"], ID["event/y"]
    a, b, hand = ID["graph/rules/a"], ID["graph/rules/b"], ID["graph/article/h"]
    store.add_graph(a, [(event, DIP.date, ID["d1"]), (other, DIP.date, ID["d3"])])
    store.add_graph(b, [(event, DIP.date, ID["d2"]), (other, DIP.date, ID["d4"])])
    store.add_graph(hand, [(other, DIP.content, ID["c"])])
    store.add_graph(b, [(ID["event/w"], DIP.date, ID["d5"])])
    rows = (
        ReportRow(str(event), "dip:date", "sh:MaxCountConstraintComponent", "Violation", "m", ""),
        ReportRow(str(other), "dip:date", "sh:MaxCountConstraintComponent", "Violation", "n", ""),
        ReportRow(
            str(ID["event/w"]), "dip:date", "sh:ClassConstraintComponent", "Violation", "o", ""
        ),
        ReportRow(str(ID["event/z"]), "", "sh:X", "Violation", "hand only", ""),
    )
    found = conflicts(rows, store, [a, b])
    assert found == {
        a: [(rows[1], None)],  # beside the hand layer: every rule graph goes
        b: [(rows[0], a), (rows[1], None), (rows[2], None)],  # a stays; b alone names event/w
    }
    assert conflicts(rows, store, []) == {}


def test_describe_names_file_sentence_node_and_shape():
    graph = Graph()
    sentence, attestation = ID["sentence/x/s03"], ID["attestation/x/1-2-abc"]
    graph.add((sentence, DIP.inArticle, ID["article/x"]))
    graph.add((sentence, DIP.text, Literal("A " * 40 + "end.")))
    graph.add((attestation, DIP.attests, ID["event/x"]))
    graph.add((attestation, DIP.sentence, sentence))
    row = ReportRow(
        str(ID["event/x"]), "dip:date", "sh:MinCount", "Violation", "Needs a date.", "", "dsh:S-d"
    )
    assert describe(row, graph, "seeds/x.txt") == (
        f"seeds/x.txt: sentence 3 “{'A ' * 29}A…”: "  # the first 59 characters, then …
        "id:event/x dip:date breaks dsh:S-d: Needs a date."
    )
    bare = ReportRow(str(ID["event/y"]), "", "qa:check", "Violation", "Bad.", "")
    assert describe(bare, graph, "seeds/x.txt") == "seeds/x.txt: id:event/y breaks qa:check: Bad."


def test_a_conforming_rule_graph_is_checked_without_its_closure_graph(monkeypatch):
    """With the `shacl` validator a rule graph the engine finds nothing in (with the entities
    it reaches) is given to it as N-Triples: no rdflib graph of the closure is made; one it
    finds something in gets pySHACL's problems, as with `--validator pyshacl`."""
    from rdflib import Graph

    from diplograph import quarantine
    from diplograph.validate import load_shapes

    data = ROOT / "tests" / "data" / "shapes"
    entities = Graph().parse(data / "base.ttl")
    ontology = Graph().parse(ROOT / "ontology" / "diplo.ttl")
    shapes = load_shapes(ROOT / "ontology" / "diplo-shapes.ttl")
    valid = Graph().parse(data / "valid" / "every-class.ttl")
    invalid = Graph().parse(data / "invalid" / "EventShape--place-not-place.ttl")
    monkeypatch.setenv("DIPLOGRAPH_VALIDATOR", "pyshacl")
    oracle = shape_problems(invalid, entities, ontology, shapes, "seeds/x.txt")
    monkeypatch.setenv("DIPLOGRAPH_VALIDATOR", "shacl")
    assert shape_problems(invalid, entities, ontology, shapes, "seeds/x.txt") == oracle
    assert len(oracle) == 1 and "breaks dsh:EventShape-place" in oracle[0]
    monkeypatch.setattr(quarantine, "_closure", no_graph)
    assert shape_problems(valid, entities, ontology, shapes, "seeds/x.txt") == ()


def no_graph(*args, **kwargs):
    """Stands in for the closure's rdflib graph: must not be made."""
    raise AssertionError("an rdflib graph was built for the gate")
