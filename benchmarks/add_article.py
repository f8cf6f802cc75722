"""Benchmark of adding one article to a built corpus (issue 10: at most 2 s), per stage.

Takes a corpus folder and its build folder (as benchmarks/scale.py leaves them: CORPUS built into
OUT, its articles in the article cache), then --runs times: adds one new generated article to
CORPUS/seeds (benchmarks/corpus.py, one article of another seed each run) and runs `diplograph
build` into OUT again in a fresh process, through scale.py's child, so it prints and appends to
benchmarks/results/scale.csv the same figures as a build there: per stage and in total, CPU and
wall seconds (engine column `oxigraph+1`, articles the count after adding; the medians also
of `answers`, the paged answers, which scale.py's table counts in `other`). A benchmark, not a
test; it leaves the added articles in CORPUS:

    python3 benchmarks/add_article.py --corpus /tmp/diplograph-scale/corpus-1000-seed1 \\
        --out /tmp/diplograph-scale/out-1000-oxigraph [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import scale  # noqa: E402  (benchmarks/ is not a package)
from corpus import write_corpus  # noqa: E402

ENGINE = "oxigraph+1"


def add_article(corpus: Path, seed: int) -> str:
    """Copy one generated article of `seed` into the corpus's seeds; its stem."""
    with tempfile.TemporaryDirectory() as folder:
        (text,) = write_corpus(1, seed, Path(folder))
        if (corpus / "seeds" / text.name).exists():
            raise SystemExit(f"{corpus / 'seeds' / text.name}: already in the corpus")
        for path in (text, text.with_suffix(".meta.yaml")):
            shutil.copyfile(path, corpus / "seeds" / path.name)
        return text.stem


def main(argv: list[str] | None = None) -> int:
    """Add an article and build again, --runs times; print the medians; 1 when a build failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="a corpus folder, built")
    parser.add_argument("--out", type=Path, required=True, help="its build folder")
    parser.add_argument("--runs", type=int, default=3, help="articles added, one build each")
    parser.add_argument("--seed", type=int, default=1001, help="seed of the first added article")
    parser.add_argument("--csv", type=Path, default=scale.CSV_FILE, help="results (appended)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds for one build")
    args = parser.parse_args(argv)
    if not (args.out / "summary.json").is_file():
        print(f"{args.out}: no build folder; build {args.corpus} into it first")
        return 2
    builds = []
    for run in range(args.runs):
        stem = add_article(args.corpus, args.seed + run)
        size = len(list((args.corpus / "seeds").glob("*.txt")))
        info = scale.machine()
        build = scale.measure_build(args.corpus, args.out, "oxigraph", args.timeout)
        rows = scale.rows_of(size, ENGINE, build, None, info)
        scale.print_table(size, ENGINE, rows)
        print(f"  added {stem}, exit {build['exit_code']}, load {info['load1']}")
        scale.append_csv(args.csv, rows)
        builds.append(build)
        if build["exit_code"] not in (0, 4):
            return 1
    print(f"\nmedian [range] of {len(builds)} builds, one article added each (CPU s; wall s)")
    for name in (*scale.STAGES, "answers", "other", "total"):
        stages = [b["total"] if name == "total" else b["stages"].get(name) for b in builds]
        if any(s is None for s in stages):
            continue
        cpu, wall = [s["cpu"] for s in stages], [s["wall"] for s in stages]
        print(
            f"  {name:<22} {statistics.median(cpu):8.2f} [{min(cpu):.2f}-{max(cpu):.2f}]"
            f" {statistics.median(wall):8.2f} [{min(wall):.2f}-{max(wall):.2f}]"
        )
    print(json.dumps({"articles": size, "exit_codes": [b["exit_code"] for b in builds]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
