"""Benchmark of paged answers: `diplograph query NAME --page 1` on a build folder.

For every whole-list stored query (no parameters) of PROJECT it times, on the build folder OUT:
- in process, reading page 1 (and a page drawn at random) of the answer the build precomputed
  (answerpages.read_page: no SPARQL, no store opened), p50 and p95 over --repeat runs;
- the check that the build is up to date with the inputs (built.is_current: the manifest, every
  input file's digest and graph.trig's), which `query` runs before it reads a page;
- the command, `python3 -m diplograph query NAME --page 1` in a fresh process (--cli runs): wall
  time, start-up and the check included;
- the live answer, the query run whole on the on-disk store (--live runs): what a stale or
  missing precomputed answer falls back to; the pages of 100 rows joined must be that answer,
  row for row (the script stops otherwise).

A build folder made before answers were precomputed, or by an incremental build (which leaves
them to the first request), is given them first (answerpages.write_answers, the function the
full build calls), and that is timed too: the build's cost of
them. Rows are appended to benchmarks/results/paged.csv. A benchmark, not a test:

    python3 benchmarks/paged_queries.py OUT --root PROJECT [--repeat 50] [--cli 5] [--live 1]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from scale import machine, percentile  # noqa: E402  (benchmarks/ is not a package)

CSV_FILE = HERE / "results" / "paged.csv"
COLUMNS = (
    "date",
    "commit",
    "machine",
    "cpus",
    "load1",
    "articles",
    "query",
    "rows",
    "measure",
    "p50_ms",
    "p95_ms",
    "cpu_p50_ms",
    "runs",
)


def timed(call, runs: int) -> tuple[list[float], list[float]]:  # noqa: ANN001
    """Wall and CPU milliseconds of `runs` calls."""
    walls, cpus = [], []
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        call()
        walls.append(1000 * (time.perf_counter() - began))
        cpus.append(1000 * (time.process_time() - began_cpu))
    return walls, cpus


def command_ms(root: Path, out: Path, name: str, runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of `diplograph query NAME --page 1` in a fresh process, `runs`
    times."""
    command = [sys.executable, "-m", "diplograph", "--root", str(root), "query", name]
    command += ["--out", str(out), "--page", "1"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    walls, cpus = [], []
    for _ in range(runs):
        began, used = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run(command, capture_output=True, env=env, check=False)
        walls.append(1000 * (time.perf_counter() - began))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(1000 * (after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime))
        if done.returncode != 0 or b"precomputed by the build" not in done.stderr:
            raise SystemExit(f"{name}: {done.stderr.decode()[-400:]}")
    return walls, cpus


def row(info: dict, size: int, name: str, rows: int, measure: str, walls, cpus=None) -> dict:  # noqa: ANN001, PLR0913
    """One CSV row of figures."""
    return {
        **{k: info[k] for k in ("date", "commit", "machine", "cpus", "load1")},
        "articles": size,
        "query": name,
        "rows": rows,
        "measure": measure,
        "p50_ms": f"{percentile(walls, 0.5):.3f}",
        "p95_ms": f"{percentile(walls, 0.95):.3f}",
        "cpu_p50_ms": f"{percentile(cpus, 0.5):.3f}" if cpus else "",
        "runs": len(walls),
    }


def main(argv: list[str] | None = None) -> int:
    """Time the paged answers of a build folder; print and append the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="a build folder with an on-disk store")
    parser.add_argument("--root", type=Path, required=True, help="the project it was built from")
    parser.add_argument("--repeat", type=int, default=50, help="in-process reads of a page")
    parser.add_argument("--cli", type=int, default=5, help="runs of the command")
    parser.add_argument("--live", type=int, default=1, help="runs of the live query, whole")
    parser.add_argument("--refresh", action="store_true", help="precompute the answers again")
    parser.add_argument("--csv", type=Path, default=CSV_FILE, help="results file (appended)")
    args = parser.parse_args(argv)

    from diplograph import paths
    from diplograph.answerpages import ANSWERS_FOLDER, INDEX_FILE, read_page, write_answers
    from diplograph.built import is_current, load_build
    from diplograph.queries import answer_query, load_queries

    info = machine()
    size = json.loads((args.out / "summary.json").read_text())["articles"]
    rows: list[dict] = []
    queries = [q for q in load_queries(paths.queries_dir(args.root)) if not q.params]
    missing = not (args.out / ANSWERS_FOLDER / INDEX_FILE).is_file() or any(
        read_page(args.out, query, 1, 1) is None for query in queries
    )  # after an incremental build, only the answers asked for since are kept
    if args.refresh or missing:
        walls, cpus = timed(lambda: write_answers(args.out, args.root), 1)
        rows.append(row(info, size, "(precompute all)", "", "build", walls, cpus))
    walls, cpus = timed(lambda: is_current(args.root, args.out), 3)
    rows.append(row(info, size, "(build is current)", "", "check", walls, cpus))
    rng = random.Random(1)
    store = load_build(args.out, args.root) if args.live else None
    for query in queries:
        first = read_page(args.out, query, 1, 100)
        if first is None:
            raise SystemExit(f"{query.name}: no precomputed answer in {args.out}")
        total = first.total
        walls, cpus = timed(lambda q=query: read_page(args.out, q, 1, 100), args.repeat)
        rows.append(row(info, size, query.name, total, "page 1", walls, cpus))
        pages = [rng.randint(1, first.pages) for _ in range(args.repeat)]
        picked = iter(pages)
        walls, cpus = timed(
            lambda q=query, p=picked: read_page(args.out, q, next(p), 100), args.repeat
        )
        rows.append(row(info, size, query.name, total, "random page", walls, cpus))
        if args.cli:
            walls, cpus = command_ms(args.root, args.out, query.name, args.cli)
            rows.append(row(info, size, query.name, total, "command page 1", walls, cpus))
        if store is not None:
            walls, cpus = timed(lambda q=query: answer_query(store, q, {}), args.live)
            rows.append(row(info, size, query.name, total, "live whole", walls, cpus))
            joined = []
            for number in range(1, first.pages + 1):
                joined += read_page(args.out, query, number, 100).answers.rows
            live = answer_query(store, query, {})
            if tuple(joined) != live.rows or first.answers.variables != live.variables:
                raise SystemExit(f"{query.name}: the pages joined are not the live answer")
    print(f"{size} articles, load {info['load1']}: p50 / p95 ms (CPU p50)")
    for item in rows:
        print(
            f"  {item['query']:<28} {item['measure']:<15} {str(item['rows']):>7} rows "
            f"{item['p50_ms']:>10} / {item['p95_ms']:>10} ({item['cpu_p50_ms'] or '-'})"
        )
    new = not args.csv.is_file()
    with args.csv.open("a", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        if new:
            writer.writeheader()
        writer.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
