"""Where a build's memory goes, stage by stage: the resident set sampled while it runs.

Builds a project (a corpus from benchmarks/corpus.py) through the CLI in a child process, with a
thread sampling every 50 ms the resident set of the build process and of its forked workers
(/proc), and prints per stage (the stages of diplograph.timing): CPU and wall seconds, the
largest resident set of the build process, of one worker and of the two together, and the
Oxigraph stores alive at the stage's end (in memory or on disk, and their quads). With
`--tracemalloc` it also gives the memory Python allocated (traced at the stage's end and its
peak within the stage) and the files that hold most of it at the stage's end: what the resident
set holds beyond it is native memory (Oxigraph's in-memory stores, RocksDB, the allocator's
free pages). A benchmark, not a test:

    python3 benchmarks/build_memory.py CORPUS OUT [--tracemalloc] [--json FILE] [--src SRC]

`--src` runs another checkout's source (its `src` folder) against the same corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
import weakref
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGE = os.sysconf("SC_PAGE_SIZE")
MIB = 1024 * 1024


def rss_mib(pid: int | str) -> float:
    """The resident set of a process, in MiB (0 when it has ended)."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * PAGE / MIB
    except (OSError, IndexError, ValueError):
        return 0.0


def children(pid: int) -> list[int]:
    """The running children of a process, and theirs."""
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                kids = [int(x) for x in handle.read().split()]
        except OSError:
            continue
        for kid in kids:
            found += [kid, *children(kid)]
    return found


class Sampler:
    """Samples the resident sets every `interval` seconds into the running stage's maxima."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.stage = "start"
        self.peaks: dict[str, dict[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        """Sample until stopped."""
        me = os.getpid()
        while not self._stop.is_set():
            own = rss_mib(me)
            kids = [rss_mib(kid) for kid in children(me)]
            peak = self.peaks.setdefault(self.stage, {"own": 0.0, "worker": 0.0, "all": 0.0})
            peak["own"] = max(peak["own"], own)
            peak["worker"] = max(peak["worker"], max(kids, default=0.0))
            peak["all"] = max(peak["all"], own + sum(kids))
            time.sleep(self.interval)

    def start(self) -> None:
        """Start sampling."""
        self._thread.start()

    def stop(self) -> None:
        """Stop sampling."""
        self._stop.set()
        self._thread.join()


def _top_files(snapshot, count: int = 6) -> list[tuple[str, float]]:
    """The files whose lines hold most of the traced memory, in MiB."""
    stats = snapshot.statistics("filename")[:count]
    return [(_short(s.traceback[0].filename), s.size / MIB) for s in stats]


def _short(path: str) -> str:
    """A source file's path from its package folder on."""
    for marker in ("/site-packages/", "/src/", "/lib/python"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


def child(root: str, out: str, result: str, traced: bool) -> None:
    """In the child: build with the stage recorder open and the sampler running; write the
    figures of each stage as JSON."""
    import tracemalloc

    if traced:
        tracemalloc.start(1)
    from diplograph import timing
    from diplograph.cli import cli
    from diplograph.store.oxigraph_engine import OxigraphStore

    stores: weakref.WeakSet = weakref.WeakSet()
    made = OxigraphStore.__init__

    def init(self, *args, **kwargs) -> None:
        """Keep a weak reference to every store made."""
        made(self, *args, **kwargs)
        stores.add(self)

    OxigraphStore.__init__ = init
    sampler = Sampler()
    ends: dict[str, dict] = {}
    lap = timing.Recorder.lap

    def recorded(self, name) -> None:
        """End a stage: note what is alive at its end, then start the next."""
        ending = sampler.stage
        alive = sorted(("disk" if s.path else "memory", len(s._store)) for s in list(stores))
        figures: dict = {"stores": alive, "rss_end": rss_mib(os.getpid())}
        figures["hwm_self"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        figures["hwm_children"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if traced:
            current, peak = tracemalloc.get_traced_memory()
            figures |= {"traced_end": current / MIB, "traced_peak": peak / MIB}
            figures["top"] = _top_files(tracemalloc.take_snapshot())
            tracemalloc.reset_peak()
        ends[ending] = figures
        if os.environ.get("BUILD_MEMORY_TRIM"):
            import ctypes

            ctypes.CDLL("libc.so.6").malloc_trim(0)
        sampler.stage = name or "after"
        lap(self, name)

    timing.Recorder.lap = recorded
    sampler.start()
    with timing.recording() as recorder:
        try:
            code = cli.main(
                ["--root", root, "build", "--out", out], "diplograph", standalone_mode=False
            )
        except SystemExit as exc:
            code = exc.code
    sampler.stop()
    stages = []
    for stage in recorder.totals():
        row = {"name": stage.name, "cpu": stage.cpu, "wall": stage.wall}
        row |= sampler.peaks.get(stage.name, {}) | ends.get(stage.name, {})
        stages.append(row)
    Path(result).write_text(json.dumps({"exit_code": code or 0, "stages": stages}))


def run(corpus: Path, out: Path, traced: bool, src: Path) -> dict:
    """Build in a child process; its stages' figures, and its total CPU, wall and peak."""
    result = out.with_suffix(".memory.json")
    result.unlink(missing_ok=True)
    env = dict(os.environ, PYTHONPATH=str(src))
    command = [sys.executable, __file__, "_child", str(corpus), str(out), str(result)]
    began = time.perf_counter()
    with out.with_suffix(".memory.log").open("wb") as log:
        process = subprocess.Popen(
            [*command, "1" if traced else "0"], env=env, stdout=log, stderr=subprocess.STDOUT
        )
        _, status, usage = os.wait4(process.pid, 0)
    data = json.loads(result.read_text()) if result.is_file() else {"stages": []}
    data["total"] = {
        "cpu": usage.ru_utime + usage.ru_stime,
        "wall": time.perf_counter() - began,
        "peak_mib": usage.ru_maxrss / 1024,
        "status": os.waitstatus_to_exitcode(status),
    }
    return data


def print_figures(data: dict, traced: bool) -> None:
    """The stages' figures as a table."""
    head = f"{'stage':<22}{'CPU s':>8}{'wall s':>8}{'own MiB':>9}{'worker':>8}{'all':>8}"
    head += f"{'hwm':>7}{'hwm w.':>7}"
    print(head + (f"{'py end':>8}{'py peak':>8}" if traced else "") + "  stores at the end")
    for row in data["stages"]:
        line = f"{row['name']:<22}{row['cpu']:>8.2f}{row['wall']:>8.2f}"
        line += f"{row.get('own', 0):>9.0f}{row.get('worker', 0):>8.0f}{row.get('all', 0):>8.0f}"
        line += f"{row.get('hwm_self', 0):>7.0f}{row.get('hwm_children', 0):>7.0f}"
        if traced:
            line += f"{row.get('traced_end', 0):>8.0f}{row.get('traced_peak', 0):>8.0f}"
        stores = ", ".join(f"{kind} {quads:,}" for kind, quads in row.get("stores", []))
        print(f"{line}  {stores}")
        for name, size in row.get("top", []):
            print(f"{'':<24}{size:>8.1f} MiB  {name}")
    total = data["total"]
    print(
        f"total: CPU {total['cpu']:.1f} s, wall {total['wall']:.1f} s, peak (the build or one "
        f"worker) {total['peak_mib']:.0f} MiB, exit {total['status']}"
    )


def main(argv: list[str] | None = None) -> int:
    """Build once and print where the memory went."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_child":
        child(argv[1], argv[2], argv[3], argv[4] == "1")
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="the project to build (benchmarks/corpus.py)")
    parser.add_argument("out", type=Path, help="the build folder")
    parser.add_argument("--tracemalloc", action="store_true", help="trace Python's allocations")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    parser.add_argument("--src", type=Path, default=HERE.parent / "src", help="source to run")
    args = parser.parse_args(argv)
    data = run(args.corpus, args.out, args.tracemalloc, args.src.resolve())
    print_figures(data, args.tracemalloc)
    if args.json:
        args.json.write_text(json.dumps(data, indent=1))
    return 0 if data["total"]["status"] in (0, 4) else 1


if __name__ == "__main__":
    sys.exit(main())
