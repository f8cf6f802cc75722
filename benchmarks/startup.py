"""Benchmark of start-up: whole-process wall and CPU seconds of the everyday commands.

Times, each as a fresh process run --runs times after one warm-up, and prints the median
(min-max) of wall and CPU seconds (CPU: the user + system time of the finished child):
- `diplograph --help`;
- `diplograph extract` of one seed three ways: repeated (its output kept in the extract cache),
  a new article (the compiled rules and gazetteer cached, the output not: the entry is removed
  before each run) and with DIPLOGRAPH_CACHE=off (everything compiled);
- `diplograph query letters-delivered` on a build of the seeds (built once in a temporary copy
  of the project, as the README builds them);
- `diplograph build` of the seeds from a cold start: a temporary copy of the project with no
  build folder and an empty cache (rules compiled, gazetteer parsed, every article mapped).
The caches live in a temporary folder of the run's own, so that the figures do not depend on
what the user's cache holds. `--src DIR` times another checkout's source (e.g. a git worktree
of an older commit: the figures before a change). `--bytecode` lets the timed processes keep
their compiled bytecode (in a temporary folder), as an installed package does: without it they
follow the environment, and with PYTHONDONTWRITEBYTECODE=1 (this project's development
containers) every process compiles the package's modules anew. A benchmark, not a test: run it
by hand,

    PYTHONPATH=src python3 benchmarks/startup.py [--runs 7] [--src OTHER/src] [--bytecode]

Targets (issues 9 and 10): `--help` under 0.3 s, `query` under 0.5 s, `extract` of one article
under 1 s, the seeds' cold build under 3 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_ec5e95d0bf243a61.txt"
QUERY = "letters-delivered"


def timed(
    command: list[str], env: dict[str, str], before: Callable[[], None]
) -> tuple[float, float]:
    """Wall and CPU seconds of one run of a command (its output thrown away)."""
    before()
    start_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    end_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (end_cpu.ru_utime - start_cpu.ru_utime) + (end_cpu.ru_stime - start_cpu.ru_stime)
    return wall, cpu


def spread(values: list[float]) -> str:
    """Median (min-max) of a list of seconds."""
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def measure(label: str, command: list[str], env: dict[str, str], runs: int, before=None) -> None:
    """Time a command `runs` times after a warm-up and print one row."""
    prepare = before or (lambda: None)
    timed(command, env, prepare)
    results = [timed(command, env, prepare) for _ in range(runs)]
    walls, cpus = [r[0] for r in results], [r[1] for r in results]
    print(f"| {label} | {spread(walls)} | {spread(cpus)} |", flush=True)


def project_copy(work: Path) -> Path:
    """A copy of the project's inputs (no build folder)."""
    project = work / "project"
    for name in ("ontology", "mappings", "queries", "seeds"):
        shutil.copytree(ROOT / name, project / name)
    return project


def seeds_build(project: Path, python: list[str], env: dict[str, str]) -> None:
    """The seeds built in a copy of the project (the README's `diplograph build`)."""
    subprocess.run(
        [*python, "--root", str(project), "build"], env=env, stdout=subprocess.DEVNULL, check=True
    )


def main() -> None:
    """Parse the arguments and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the package's source")
    parser.add_argument(
        "--bytecode", action="store_true", help="keep compiled bytecode, as an installed package"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="diplograph-startup-") as name:
        work = Path(name)
        cache = work / "cache"
        env = {**os.environ, "PYTHONPATH": str(args.src.resolve()), "DIPLOGRAPH_CACHE": str(cache)}
        if args.bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(work / "bytecode")
        python = [sys.executable, "-m", "diplograph"]
        extract = [*python, "--root", str(ROOT), "extract", str(SEED)]

        def forget_output() -> None:
            for entry in cache.glob("extract-*.pickle"):
                entry.unlink()

        bytecode = "kept" if args.bytecode or not sys.dont_write_bytecode else "compiled anew"
        print(f"source {args.src.resolve()}; {args.runs} runs each; median (min-max) seconds;")
        print(f"bytecode {bytecode}; load average {os.getloadavg()[0]:.1f} at the start")
        print("| command | wall s | CPU s |\n|---|---|---|")
        measure(
            "`python -c pass` (the interpreter alone)",
            [sys.executable, "-c", "pass"],
            env,
            args.runs,
        )
        measure("`diplograph --help`", [*python, "--help"], env, args.runs)
        measure("`extract` of a seed, repeated", extract, env, args.runs)
        measure("`extract` of a new article", extract, env, args.runs, forget_output)
        off = {**env, "DIPLOGRAPH_CACHE": "off"}
        measure("`extract`, DIPLOGRAPH_CACHE=off", extract, off, max(3, args.runs // 2))
        project = project_copy(work)
        seeds_build(project, python, env)
        query = [*python, "--root", str(project), "query", QUERY]
        measure(f"`query {QUERY}` on the seeds' build", query, env, args.runs)
        cold = work / "cold-cache"

        def start_cold() -> None:
            shutil.rmtree(cold, ignore_errors=True)
            shutil.rmtree(project / "out", ignore_errors=True)

        build = [*python, "--root", str(project), "build"]
        measure(
            "`build` of the seeds, cold (empty cache, no build folder)",
            build,
            {**env, "DIPLOGRAPH_CACHE": str(cold)},
            max(3, args.runs // 2),
            start_cold,
        )
        print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
