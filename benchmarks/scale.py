"""Benchmark of the whole build at scale: generated corpora built end to end, per stage.

For each size N it writes a corpus (benchmarks/corpus.py), builds it with `diplograph build` in a
fresh process (the real CLI code path: load, extract, merge, validate, infer, export, store)
with the stage recorder of diplograph.timing open, and prints per stage and in total: CPU and
wall seconds, articles per second, triples, peak memory, and the exponent b of CPU time ~ N^b
from the size before. Then it times every stored query on the build's on-disk store (p50 and
p95 over --repeat runs, the parameters varied over values drawn from the graph). At the
smallest size it also builds with the reference path (`--engine rdflib`: rdflib store, owlrl)
and prints the ratio. Every figure is appended to benchmarks/results/scale.csv, one row per
size and stage, with the date, the git commit and the machine. A benchmark, not a test:

    python3 benchmarks/scale.py --sizes 30,100,300 [--repeat 20] [--no-reference]
    python3 benchmarks/scale.py --queries-only OUT [--root PROJECT] [--repeat 20]

`--queries-only OUT` builds nothing: it times the stored queries of PROJECT (default: this
checkout) on the store of an existing build folder OUT and appends those rows alone.

Totals are the build process as the operating system counts it (start-up included; CPU of its
rule-layer worker included); `other` is the total less the stages (start-up, imports, CLI).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import platform
import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

CSV_FILE = HERE / "results" / "scale.csv"
COLUMNS = (
    "date",
    "commit",
    "machine",
    "cpus",
    "load1",
    "python",
    "engine",
    "articles",
    "stage",
    "wall_s",
    "cpu_s",
    "articles_per_s",
    "triples",
    "peak_rss_mib",
    "b_cpu",
    "b_wall",
    "p50_ms",
    "p95_ms",
    "runs",
    "exit_code",
)
STAGES = (
    "load",
    "extract",
    "merge",
    "validate-rule-graphs",
    "validate",
    "infer",
    "summarise",
    "export",
    "store",
)


def child_build(root: str, out: str, engine: str, result: str) -> None:
    """In the child process: run `diplograph build` in process with the stage recorder open and
    write the stages and the exit code as JSON."""
    from diplograph.cli import cli
    from diplograph.timing import recording

    with recording() as recorder:
        try:
            code = cli.main(
                ["--root", root, "--engine", engine, "build", "--out", out],
                "diplograph",
                standalone_mode=False,
            )
        except SystemExit as exc:
            code = exc.code
    stages = [vars(s) for s in recorder.totals()]
    Path(result).write_text(json.dumps({"exit_code": code or 0, "stages": stages}))


class GraphValues:
    """The values parameters are drawn from, read from a store once: its IRI subjects (sorted,
    then kept by prefix as asked for) and its xsd:date values (sorted)."""

    def __init__(self, store) -> None:
        self.store = store
        self._subjects: list[str] | None = None
        self._dates: list[str] | None = None
        self._by_prefix: dict[str, list[str]] = {}

    def _select(self, text: str) -> list[str]:
        """The first column of a SELECT over the graphs analysis sees, as sorted strings."""
        from diplograph.store import analysis_names

        rows = self.store.query(text, None, analysis_names(self.store)).rows
        return sorted(str(row[0]) for row in rows)

    def values(self, prefix: str) -> list[str]:
        """The IRIs of the graph that start with `prefix`, sorted."""
        if self._subjects is None:
            self._subjects = self._select("SELECT DISTINCT ?x WHERE { ?x ?p ?o FILTER(isIRI(?x)) }")
        if prefix not in self._by_prefix:
            self._by_prefix[prefix] = [x for x in self._subjects if x.startswith(prefix)]
        return self._by_prefix[prefix]

    def dates(self) -> list[str]:
        """The xsd:date values of the graph, sorted."""
        if self._dates is None:
            text = "SELECT DISTINCT ?d WHERE { ?s ?p ?d FILTER(DATATYPE(?d) = xsd:date) }"
            self._dates = self._select(text)
        return self._dates


def _prefix(iri: str) -> str:
    """The type segments of an example IRI: id:event/talks/2023-09-13/x -> .../id/event/talks/."""
    base, _, local = iri.partition("/id/")
    kept = []
    for part in local.split("/")[:-1]:
        if any(ch.isdigit() for ch in part):
            break
        kept.append(part)
    return f"{base}/id/{'/'.join(kept)}/"


def parameter_sets(
    graph: GraphValues, query, rng: random.Random, count: int
) -> list[dict[str, str]]:
    """Up to `count` bindings of a query's parameters: its examples first, then values drawn
    from the graph (IRIs of the example's type, dates of the graph, from <= to)."""
    from diplograph.queries import expand_iri

    sets = [query.examples]
    if not query.params:
        return sets
    dates = graph.dates()
    pools = {
        p.name: graph.values(_prefix(str(expand_iri(p.example))))
        for p in query.params
        if p.type == "iri"
    }
    for _ in range(count - 1):
        values = dict(query.examples)
        picked = sorted(rng.sample(dates, 2)) if len(dates) >= 2 else []
        for param in query.params:
            if param.type == "iri" and pools[param.name]:
                values[param.name] = rng.choice(pools[param.name])
            elif param.type == "xsd:date" and picked:
                values[param.name] = picked.pop(0)
        sets.append(values)
    return sets


def child_queries(root: str, out: str, repeat: int, seed: int, result: str) -> None:
    """In the child process: open the build's store and time every stored query, `repeat` runs
    each over varied parameters; write the wall and CPU milliseconds of each run as JSON."""
    from diplograph import paths
    from diplograph.built import load_build
    from diplograph.queries import list_queries, run_query

    rng = random.Random(seed)
    start, began_cpu = time.perf_counter(), time.process_time()
    store = load_build(Path(out), Path(root))
    opened = (1000 * (time.perf_counter() - start), 1000 * (time.process_time() - began_cpu))
    timings = {"(open store)": {"wall": [opened[0]], "cpu": [opened[1]]}}
    graph = GraphValues(store)
    for query in list_queries(paths.queries_dir(Path(root))):
        sets = parameter_sets(graph, query, rng, min(repeat, 5))
        times: dict[str, list[float]] = {"wall": [], "cpu": []}
        for run in range(repeat):
            began, began_cpu = time.perf_counter(), time.process_time()
            run_query(store, query, sets[run % len(sets)])
            times["wall"].append(1000 * (time.perf_counter() - began))
            times["cpu"].append(1000 * (time.process_time() - began_cpu))
        timings[query.name] = times
    Path(result).write_text(json.dumps(timings))


def percentile(values: list[float], fraction: float) -> float:
    """The value at a fraction of the sorted values (nearest rank).

    >>> percentile([1.0, 2.0, 3.0, 4.0], 0.5), percentile([1.0, 2.0, 3.0, 4.0], 0.95)
    (2.0, 4.0)
    """
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def run_child(args: list[str], timeout: float, log: Path) -> tuple[float, float, float, int]:
    """Run this script as a child with `args`, its output into `log`: its wall and CPU seconds
    (with its children), peak memory (MiB) and exit status; killed at `timeout` seconds."""
    began = time.perf_counter()
    with log.open("wb") as output:
        child = subprocess.Popen(
            [sys.executable, __file__, *args],
            start_new_session=True,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    deadline = began + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            os.killpg(child.pid, signal.SIGKILL)
            pid, status, usage = os.wait4(child.pid, 0)
            break
        time.sleep(0.05)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - began
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, child.returncode


def measure_build(corpus: Path, out: Path, engine: str, timeout: float) -> dict:
    """Build a corpus in a child process: the total and the stages."""
    result = out.with_suffix(".stages.json")
    result.unlink(missing_ok=True)
    wall, cpu, peak, status = run_child(
        ["_build", str(corpus), str(out), engine, str(result)], timeout, out.with_suffix(".log")
    )
    data = (
        json.loads(result.read_text()) if result.is_file() else {"exit_code": status, "stages": []}
    )
    summary = out / "summary.json"
    figures = (
        json.loads(summary.read_text()) if summary.is_file() and data["exit_code"] in (0, 4) else {}
    )
    triples = figures.get("triples_asserted", 0) + figures.get("triples_inferred", 0)
    stages = {s["name"]: s for s in data["stages"]}
    inside = sum(s["cpu"] for s in stages.values()), sum(s["wall"] for s in stages.values())
    stages["other"] = {
        "name": "other",
        "cpu": cpu - inside[0],
        "wall": wall - inside[1],
        "peak_mib": "",
    }
    total = {"name": "total", "cpu": cpu, "wall": wall, "peak_mib": peak}
    return {
        "total": total,
        "stages": stages,
        "triples": triples,
        "summary": figures,
        "exit_code": data["exit_code"] if status == 0 else status,
    }


def exponent(small: float, large: float, n_small: int, n_large: int) -> float | None:
    """b of time ~ N^b between two sizes.

    >>> round(exponent(1.0, 10.0, 100, 1000), 3)
    1.0
    """
    if small <= 0 or large <= 0 or n_small == n_large:
        return None
    return math.log(large / small) / math.log(n_large / n_small)


def machine(root: Path = ROOT) -> dict[str, str]:
    """What the rows say of the machine and the code (the commit of `root`: the project whose
    queries are timed)."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            [
                *("git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"),
                *("--", ".", ":(exclude)benchmarks/results"),  # its own rows are no change
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        commit += "-dirty" if dirty else ""
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": commit,
        "machine": f"{platform.system()} {platform.machine()} {model}",
        "cpus": str(os.cpu_count()),
        "load1": f"{os.getloadavg()[0]:.2f}",
        "python": platform.python_version(),
    }


def _fmt(value: float | None, digits: int = 2) -> str:
    """A figure for the table and the CSV; empty when there is none."""
    return "" if value is None or value == "" else f"{value:.{digits}f}"


def rows_of(
    size: int, engine: str, build: dict, before: tuple[int, dict] | None, info: dict
) -> list[dict]:
    """The CSV rows of one build: its stages and its total."""
    rows = []
    for name in (*STAGES, "other", "total"):
        stage = build["total"] if name == "total" else build["stages"].get(name)
        if stage is None:
            continue
        b_cpu = b_wall = None
        if before is not None:
            old = before[1]["total"] if name == "total" else before[1]["stages"].get(name)
            if old is not None:
                b_cpu = exponent(old["cpu"], stage["cpu"], before[0], size)
                b_wall = exponent(old["wall"], stage["wall"], before[0], size)
        rows.append(
            {
                **info,
                "engine": engine,
                "articles": size,
                "stage": name,
                "wall_s": _fmt(stage["wall"], 3),
                "cpu_s": _fmt(stage["cpu"], 3),
                "articles_per_s": _fmt(size / stage["wall"] if stage["wall"] > 0 else None),
                "triples": build["triples"] if name == "total" else "",
                "peak_rss_mib": _fmt(stage["peak_mib"] or None, 1),
                "b_cpu": _fmt(b_cpu),
                "b_wall": _fmt(b_wall),
                "exit_code": build["exit_code"] if name == "total" else "",
            }
        )
    return rows


def query_rows(size: int, engine: str, queries: dict, info: dict) -> list[dict]:
    """The CSV rows of the stored queries timed on one build: p50 and p95 of the wall
    milliseconds, and the median CPU seconds of a run (cpu_s)."""
    rows = []
    for name, times in queries.items():
        wall = times["wall"]
        rows.append(
            {
                **info,
                "engine": engine,
                "articles": size,
                "stage": f"query:{name}",
                "cpu_s": _fmt(percentile(times["cpu"], 0.5) / 1000, 4),
                "p50_ms": _fmt(percentile(wall, 0.5), 3),
                "p95_ms": _fmt(percentile(wall, 0.95), 3),
                "runs": len(wall),
            }
        )
    return rows


def append_csv(path: Path, rows: list[dict]) -> None:
    """Append rows to the CSV (header first in a new file), written atomically."""
    from diplograph.writing import write_atomically

    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\n")
    if not old:
        writer.writeheader()
    writer.writerows({c: row.get(c, "") for c in COLUMNS} for row in rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, (old + buffer.getvalue()).encode("utf-8"))


TABLE = "  {:<40} {:>9} {:>9} {:>8} {:>8} {:>9} {:>6}"
QUERY_TABLE = "  {:<40} {:>9} {:>9} {:>11} {:>6}"


def print_table(size: int, engine: str, rows: list[dict]) -> None:
    """The figures of one build, or of its stored queries, on the terminal."""
    stages = [r for r in rows if not r["stage"].startswith("query:")]
    queries = [r for r in rows if r["stage"].startswith("query:")]
    print(f"\n{size} articles, engine {engine}{'' if stages else ', stored queries'}")
    if stages:
        print(TABLE.format("stage", "wall s", "CPU s", "art/s", "triples", "peak MiB", "b CPU"))
        keys = ("stage", "wall_s", "cpu_s", "articles_per_s", "triples", "peak_rss_mib", "b_cpu")
        for row in stages:
            print(TABLE.format(*(str(row[key]) for key in keys)))
    if queries:
        print(QUERY_TABLE.format("stored query", "p50 ms", "p95 ms", "CPU p50 ms", "runs"))
        for row in queries:
            cpu = f"{1000 * float(row['cpu_s']):.1f}"
            name, runs = row["stage"][6:], row["runs"]
            print(QUERY_TABLE.format(name, row["p50_ms"], row["p95_ms"], cpu, runs))


def print_ratio(builds: dict) -> None:
    """The reference path's CPU and wall time over the default's, in total and per stage."""
    fast, slow = builds["oxigraph"]["total"], builds["rdflib"]["total"]
    cpu, wall = slow["cpu"] / fast["cpu"], slow["wall"] / fast["wall"]
    print(f"\n  reference path (rdflib, owlrl) / default: CPU {cpu:.2f}x, wall {wall:.2f}x")
    for name in STAGES:
        a, b = builds["oxigraph"]["stages"].get(name), builds["rdflib"]["stages"].get(name)
        if a and b and a["cpu"] > 0:
            ratio = b["cpu"] / a["cpu"]
            print(f"    {name:<20} CPU {b['cpu']:.2f} s / {a['cpu']:.2f} s = {ratio:.2f}x")


def time_queries(corpus: Path, out: Path, args: argparse.Namespace) -> dict[str, list[float]]:
    """Every stored query timed on a build's store, in a child process: milliseconds by name."""
    result = out.parent / f"{out.name}.queries.json"
    result.unlink(missing_ok=True)
    command = ["_queries", str(corpus), str(out), str(args.repeat), str(args.seed), str(result)]
    run_child(command, args.timeout, result.with_suffix(".log"))
    return json.loads(result.read_text()) if result.is_file() else {}


def queries_only(out: Path, args: argparse.Namespace) -> int:
    """Time the stored queries on an existing build folder, print and append the figures."""
    summary = out / "summary.json"
    if not (out / "store").is_dir() or not summary.is_file():
        print(f"{out}: no build folder with an on-disk store; run `diplograph build` first")
        return 2
    size = json.loads(summary.read_text())["articles"]
    info = machine(args.root)
    timings = time_queries(args.root, out, args)
    if not timings:
        print(f"{out}: the stored queries were not timed (log: {out}.queries.log)")
        return 1
    rows = query_rows(size, "oxigraph", timings, info)
    print_table(size, "oxigraph", rows)
    append_csv(args.csv, rows)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Build each size, print and append the figures; 1 when a build failed."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_build":
        child_build(*argv[1:5])
        return 0
    if argv and argv[0] == "_queries":
        child_queries(argv[1], argv[2], int(argv[3]), int(argv[4]), argv[5])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30,100,300", help="comma-separated article counts")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed")
    parser.add_argument("--repeat", type=int, default=20, help="runs of each stored query")
    parser.add_argument("--no-reference", action="store_true", help="skip the rdflib/owlrl build")
    parser.add_argument(
        "--work", type=Path, default=Path("/tmp/diplograph-scale"), help="corpora and builds"
    )
    parser.add_argument("--csv", type=Path, default=CSV_FILE, help="results file (appended)")
    parser.add_argument("--timeout", type=float, default=3 * 3600, help="seconds for one build")
    parser.add_argument(
        "--queries-only", type=Path, metavar="OUT", help="time the queries on this build folder"
    )
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="project whose queries --queries-only times"
    )
    args = parser.parse_args(argv)
    if args.queries_only is not None:
        return queries_only(args.queries_only, args)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    from corpus import write_corpus

    failed = False
    before = None
    for size in sizes:
        corpus = args.work / f"corpus-{size}-seed{args.seed}"
        shutil.rmtree(corpus, ignore_errors=True)
        write_corpus(size, args.seed, corpus)
        engines = ["oxigraph"] + (["rdflib"] if size == sizes[0] and not args.no_reference else [])
        builds = {}
        for engine in engines:
            info = machine()
            out = args.work / f"out-{size}-{engine}"
            build = measure_build(corpus, out, engine, args.timeout)
            builds[engine] = build
            rows = rows_of(size, engine, build, before if engine == "oxigraph" else None, info)
            print_table(size, engine, rows)
            figures = build["summary"]
            print(
                f"  exit {build['exit_code']}, events {figures.get('events')}, quarantined "
                f"{len(figures.get('quarantined', []))} (log: {out.with_suffix('.log')})"
            )
            append_csv(args.csv, rows)
            if engine == "oxigraph" and build["exit_code"] in (0, 4):
                rows = query_rows(size, engine, time_queries(corpus, out, args), info)
                print_table(size, engine, rows)
                append_csv(args.csv, rows)
            failed |= build["exit_code"] not in (0, 4)
        if "rdflib" in builds:
            print_ratio(builds)
        before = (size, builds["oxigraph"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
