"""Benchmark: other SHACL engines against pySHACL on the project's own validation work.

The inputs are the runs of pySHACL the project really makes: every valid and invalid shape
fixture with tests/data/shapes/base.ttl (as tests/test_validate.py runs them), and every call of
`validate.shacl_rows` during a build (`--record`: the seeds' build, a generated corpus), each with
its data graph, ontology and focus nodes. Each engine validates every run; its results are read
as report rows (focus node, path, component, severity, source shape, message) and compared with
pySHACL's row by row; then the engines are timed on the same runs (CPU seconds, median of
`--repeat`). A benchmark, not a test:

    python3 benchmarks/shacl_engines.py --record /tmp/runs-seeds.pickle              # seeds
    python3 benchmarks/shacl_engines.py --record /tmp/runs-100.pickle --root CORPUS  # a corpus
    python3 benchmarks/shacl_engines.py --runs /tmp/runs-seeds.pickle --runs ... [--repeat 3]

An engine that fails on a run (an exception) counts that run as a difference.
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from rdflib import Graph, URIRef  # noqa: E402
from rdflib.term import Node  # noqa: E402

from diplograph import validate as validate_module  # noqa: E402
from diplograph.validate import load_shapes  # noqa: E402

SHAPES = ROOT / "ontology" / "diplo-shapes.ttl"
ONTOLOGY = ROOT / "ontology" / "diplo.ttl"
FIXTURES = ROOT / "tests" / "data" / "shapes"
SH = "http://www.w3.org/ns/shacl#"

Row = tuple[str, str, str, str, str, str]  # focus, path, component, severity, shape, message
Run = tuple[str, Graph, Graph | None, frozenset | None]  # name, data, ontology, focus


def fixture_runs() -> list[Run]:
    """Every valid and invalid fixture with base.ttl, the whole ontology, no focus."""
    ontology = Graph().parse(ONTOLOGY)
    runs = []
    for path in sorted(FIXTURES.glob("*/*.ttl")):
        data = Graph().parse(FIXTURES / "base.ttl")
        data.parse(path, format="turtle")
        runs.append((f"{path.parent.name}/{path.name}", data, ontology, None))
    return runs


def record(root: Path, out: Path) -> None:
    """Build `root` in this process (one job) and keep every shacl_rows call's inputs."""
    from diplograph import quarantine, validate_articles
    from diplograph.build import build

    calls: list[Run] = []
    original = validate_module.shacl_rows

    def recording(data, shapes, ontology=None, sources=None, focus=None, own=False):
        """Keep a copy of the inputs, then validate as before."""
        copy = Graph()
        copy += data
        kept = None if focus is None else frozenset(focus)
        calls.append((f"{root.name} run {len(calls)}", copy, ontology, kept))
        return original(data, shapes, ontology, sources, focus, own)

    for module in (validate_module, validate_articles, quarantine):
        module.shacl_rows = recording
    os.environ["DIPLOGRAPH_VALIDATOR"] = "pyshacl"
    build(root, jobs=1)
    with out.open("wb") as handle:
        pickle.dump(calls, handle)
    print(f"{out}: {len(calls)} runs, {sum(len(c[1]) for c in calls)} triples")


def _text(node: Node | None) -> str:
    """A node as validate's rows write it."""
    return validate_module._node_text(node)


def _rows_from_graph(results: Graph) -> list[Row]:
    """Rows from a pySHACL-style results graph, through validate's own reader."""
    reports = results.subjects(URIRef(SH + "resultSeverity"), None)
    rows = []
    for result in set(reports):
        row = validate_module._row(results, result, {})
        rows.append((row.focus, row.path, row.component, row.severity, row.shape, row.message))
    return rows


def pyshacl_rows(data: Graph, shapes: Graph, ontology: Graph | None, focus) -> list[Row]:
    """pySHACL as the build runs it (validate.shacl_rows, on a copy of the data)."""
    copy = Graph()
    copy += data
    _, rows = validate_module.shacl_rows(copy, shapes, ontology, None, focus, own=True)
    return [(r.focus, r.path, r.component, r.severity, r.shape, r.message) for r in rows]


def turbo_rows(data: Graph, shapes: Graph, ontology: Graph | None, focus) -> list[Row]:
    """pyshacl-turbo with pySHACL's arguments; its results graph read as pySHACL's is."""
    import pyshacl_turbo

    _, results, _ = pyshacl_turbo.validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        allow_warnings=False,
        focus_nodes=None if focus is None else sorted(focus),
    )
    rows = _rows_from_graph(results)
    return _keep(rows, focus)


def _keep(rows: list[Row], focus) -> list[Row]:
    """Only the rows about the focus nodes, if given."""
    if focus is None:
        return rows
    wanted = {_text(node) for node in focus}
    return [row for row in rows if row[0] in wanted]


def _ntriples(data: Graph, ontology: Graph | None) -> str:
    """The data with the ontology mixed in, as N-Triples (lexical forms kept)."""
    union = Graph()
    union += data
    if ontology is not None:
        union += ontology
    return union.serialize(format="nt")


def _from_nt(term: str | None) -> str:
    """An N-Triples term as validate's rows write it: an IRI bare, a blank node _:x."""
    if term is None:
        return ""
    term = str(term)
    if term.startswith("<") and term.endswith(">"):
        return term[1:-1]
    return term


def _compact_iri(term: str | None) -> str:
    """A shape or component IRI given in N-Triples or bare, prefixed as validate prefixes it."""
    if not term:
        return ""
    text = _from_nt(term)
    if text.startswith("_:") or text.startswith("Node("):
        return ""
    return validate_module._compact(URIRef(text))


def _path_from_nt(path: str | None) -> str:
    """A SPARQL path in N-Triples IRIs (<p>, ^<p>) as validate writes it (dip:p, ^dip:p)."""
    if not path:
        return ""
    text = str(path).strip()
    inverse = text.startswith("^")
    text = text.lstrip("^").strip()
    iri = text[1:-1] if text.startswith("<") else text
    iri = iri.removeprefix("(").removesuffix(")")  # pyrudof writes ^p as ^<(p)>
    return ("^" if inverse else "") + validate_module._compact(URIRef(iri))


def shacl_pkg_rows(data: Graph, shapes: Graph, ontology: Graph | None, focus) -> list[Row]:
    """The `shacl` package (pwin/SHACL_Engine), shapes compiled once per shapes graph."""
    import shacl

    compiled = _compiled(shapes, lambda: shacl.Shapes.from_turtle(shapes.serialize(format="nt")))
    report = compiled.validate_text(_ntriples(data, ontology), format="ntriples")
    rows = []
    for r in report.results:
        shape = r.source_shape or ""
        rows.append(
            (
                _from_nt(r.focus_node),
                _path_from_nt(r.path),
                _compact_iri(r.component_iri),
                r.severity,
                _compact_iri(shape),
                " / ".join(sorted(r.messages)),
            )
        )
    return _keep(rows, focus)


_COMPILED: dict[tuple[int, str], object] = {}


def _compiled(shapes: Graph, make: Callable[[], object]) -> object:
    """An engine's compiled shapes, made once per shapes graph and engine."""
    key = (id(shapes), make.__qualname__)
    if key not in _COMPILED:
        _COMPILED[key] = make()
    return _COMPILED[key]


def shacl_rust_rows(data: Graph, shapes: Graph, ontology: Graph | None, focus) -> list[Row]:
    """shacl-rust (ensaremirerol/shacl-rust): strings in, a dict of results out."""
    import shacl_rust

    shapes_text = _compiled(shapes, lambda: shapes.serialize(format="nt"))
    report = shacl_rust.validate(
        _ntriples(data, ontology), shapes_text, data_format="nt", shapes_format="nt"
    )
    rows = []
    for r in report["results"]:
        rows.append(
            (
                _from_nt(r.get("focusNode")),
                _path_from_nt(r.get("resultPath")),
                _compact_iri(r.get("sourceConstraintComponent")),
                _compact_iri(r.get("severity")).removeprefix("sh:"),
                _compact_iri(r.get("sourceShape")),
                _shape_message(shapes, r.get("sourceShape"), r.get("messages") or []),
            )
        )
    return _keep(rows, focus)


def _shape_message(shapes: Graph, shape: str | None, found: list[str]) -> str:
    """The message mapped to pySHACL's: the shape's own sh:message when the engine's text holds
    it (engines add a message of their own beside it), else the engine's text."""
    own = (
        sorted(str(m) for m in shapes.objects(URIRef(_from_nt(shape)), URIRef(SH + "message")))
        if shape and not _from_nt(shape).startswith("_:")
        else []
    )
    text = " ".join(str(m) for m in found)
    if own and all(m in text for m in own):
        return " / ".join(own)
    return _messages(found)


def _messages(found) -> str:
    """One or several messages, as validate joins them."""
    if found is None:
        return ""
    if isinstance(found, str):
        return found
    return " / ".join(sorted(str(m) for m in found))


def rudof_rows(data: Graph, shapes: Graph, ontology: Graph | None, focus) -> list[Row]:
    """pyrudof (WESO's rudof), native mode: data and shapes read as N-Triples each run."""
    import pyrudof

    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_data(_ntriples(data, ontology), format=pyrudof.RDFFormat.NTriples)
    shapes_text = _compiled(shapes, lambda: shapes.serialize(format="nt"))
    rudof.read_shacl(shapes_text, format=pyrudof.ShaclFormat.NTriples)
    report = rudof.validate_shacl()
    rows = []
    for r in report.violations:
        rows.append(
            (
                _from_nt(_rudof_text(r.focus_node)),
                _path_from_nt(_rudof_text(r.path)),
                _compact_iri(_rudof_text(r.constraint_component)),
                _rudof_text(r.severity).removeprefix("sh:").split("#")[-1].strip(">"),
                _compact_iri(_rudof_text(r.source_shape)),
                _shape_message(shapes, _rudof_text(r.source_shape), [_rudof_text(r.message)]),
            )
        )
    return _keep(rows, focus)


def _rudof_text(value) -> str:
    """A pyrudof attribute (a string or None) as text."""
    return "" if value is None else str(value)


def gate_rows(data: Graph, shapes: Graph, ontology: Graph | None, focus) -> list[Row]:
    """The build's `shacl` validator: the `shacl` engine first, pySHACL where it finds any."""
    os.environ["DIPLOGRAPH_VALIDATOR"] = "shacl"
    try:
        return pyshacl_rows(data, shapes, ontology, focus)
    finally:
        os.environ["DIPLOGRAPH_VALIDATOR"] = "pyshacl"


ENGINES: dict[str, Callable] = {
    "pyshacl": pyshacl_rows,
    "gate": gate_rows,
    "pyshacl-turbo": turbo_rows,
    "shacl": shacl_pkg_rows,
    "shacl-rust": shacl_rust_rows,
    "pyrudof": rudof_rows,
}


def _run(engine: Callable, run: Run, shapes: Graph) -> tuple[list[Row] | str, float]:
    """One engine on one run: its sorted rows (or the error's text) and the CPU seconds."""
    _, data, ontology, focus = run
    start = time.process_time()
    try:
        rows: list[Row] | str = sorted(engine(data, shapes, ontology, focus))
    except Exception as error:  # noqa: BLE001 - an engine's failure is a finding
        rows = f"error: {type(error).__name__}: {str(error)[:300]}"
    return rows, time.process_time() - start


def compare(runs: list[Run], shapes: Graph, engines: list[str], repeat: int) -> None:
    """Print each engine's differences from pySHACL and the CPU seconds of all runs."""
    oracle = [_run(pyshacl_rows, run, shapes)[0] for run in runs]
    print(
        f"{len(runs)} runs, {sum(len(r[1]) for r in runs)} triples, "
        f"{sum(len(o) for o in oracle if isinstance(o, list))} pySHACL rows"
    )
    for name in engines:
        differ = 0
        kinds: Counter = Counter()
        for run, expected in zip(runs, oracle, strict=True):
            got, _ = _run(ENGINES[name], run, shapes)
            if got != expected:
                differ += 1
                kinds[_difference(expected, got)] += 1
                if differ <= 8:
                    print(f"  {name} {run[0]}:\n    pyshacl {expected}\n    {name} {got}")
        times = []
        for _ in range(repeat):
            total = 0.0
            for run in runs:
                total += _run(ENGINES[name], run, shapes)[1]
            times.append(total)
        median = statistics.median(times)
        print(
            f"{name}: {differ} of {len(runs)} runs differ; CPU s median {median:.2f}"
            f" [{min(times):.2f}-{max(times):.2f}] of {repeat}"
        )
        for kind, count in kinds.most_common():
            print(f"    {count} x {kind}")


def _difference(expected: list[Row] | str, got: list[Row] | str) -> str:
    """What kind of difference: an error, or which row fields differ."""
    if isinstance(got, str):
        return got[:160]
    if len(expected) != len(got):
        return f"{len(expected)} rows vs {len(got)}"
    fields = ("focus", "path", "component", "severity", "shape", "message")
    diff = {
        f
        for a, b in zip(expected, got, strict=True)
        for f, x, y in zip(fields, a, b, strict=True)
        if x != y
    }
    return "fields differ: " + ",".join(sorted(diff))


def main() -> None:
    """Record a build's runs, or compare the engines on fixtures and recorded runs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", type=Path, help="build ROOT and save its runs here")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project to build")
    parser.add_argument("--runs", type=Path, action="append", default=[], help="recorded runs")
    parser.add_argument("--no-fixtures", action="store_true", help="skip the shape fixtures")
    parser.add_argument("--engines", default=",".join(list(ENGINES)[1:]))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ["DIPLOGRAPH_VALIDATOR"] = "pyshacl"  # pySHACL alone is the oracle
    if args.record:
        record(args.root.resolve(), args.record)
        return
    shapes = load_shapes(SHAPES)
    engines = ["pyshacl", *args.engines.split(",")]
    if not args.no_fixtures:
        print("== shape fixtures")
        compare(fixture_runs(), shapes, engines, args.repeat)
    for path in args.runs:
        with path.open("rb") as handle:
            runs = pickle.load(handle)
        print(f"== {path}")
        compare(runs, shapes, engines, args.repeat)


if __name__ == "__main__":
    main()
