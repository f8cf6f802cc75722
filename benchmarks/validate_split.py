"""Benchmark: validating the union at once (validate.validate) against article by article
(validate_articles.validate_store), with the QA checks, on a copy of the project grown with
COPIES copies of each seed (and its hand mapping, so every event is reported COPIES times) and,
with --extract, the rule-layer test articles of tests/data/extract as further seeds.

Prints the CPU seconds of each path (best of --rounds) and whether their rows are the same.
Run from the checkout: PYTHONPATH=src python3 benchmarks/validate_split.py --copies 30 --extract
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from diplograph.build import build
from diplograph.iris import ONTOLOGY_GRAPH
from diplograph.store import layer_graphs
from diplograph.validate import check_store, load_shapes, validate
from diplograph.validate_articles import validate_store

ROOT = Path(__file__).resolve().parents[1]


def grow(project: Path, copies: int, extract: bool) -> int:
    """Copy the project to `project` with more seeds; return how many articles it has."""
    for name in ("ontology", "mappings", "queries"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copytree(ROOT / "seeds", project / "seeds")
    (project / "pyproject.toml").write_text('[project]\nname = "bench"\n', encoding="utf-8")
    gold = project / "mappings" / "gold"
    for text in sorted((ROOT / "seeds").glob("*.txt")):
        for number in range(1, copies):
            stem = f"{text.stem}-copy{number:03d}"
            shutil.copy(text, project / "seeds" / f"{stem}.txt")
            shutil.copy(
                text.with_name(f"{text.stem}.meta.yaml"), project / "seeds" / f"{stem}.meta.yaml"
            )
            shutil.copy(gold / f"{text.stem}.ttl", gold / f"{stem}.ttl")
    if extract:
        for text in sorted((ROOT / "tests" / "data" / "extract").glob("*.txt")):
            shutil.copy(text, project / "seeds" / f"x-{text.stem}.txt")
    return len(list((project / "seeds").glob("*.txt")))


def cpu(call, rounds: int):
    """The result of a call and its least CPU time over `rounds` runs."""
    best, result = float("inf"), None
    for _ in range(rounds):
        start = time.process_time()
        result = call()
        best = min(best, time.process_time() - start)
    return result, best


def main() -> None:
    """Grow a project, build it, time both validation paths on its store."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--extract", action="store_true")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="diplograph-bench-") as folder:
        project = Path(folder)
        articles = grow(project, args.copies, args.extract)
        result = build(project, 0, 0)
        store, checks = result.store, project / "ontology" / "checks"
        ontology, shapes = (
            store.graph(ONTOLOGY_GRAPH),
            load_shapes(project / "ontology" / "diplo-shapes.ttl"),
        )
        names = layer_graphs(store, "asserted")
        triples = len(store.union(names))

        def union():
            """The union at once, as the build did before (the union copied out each time)."""
            store._unions.clear()  # noqa: SLF001 - a benchmark: the build copies it once
            data = store.union(names)
            return validate(data, ontology, shapes).rows + check_store(
                store, [*names, ONTOLOGY_GRAPH], checks
            )

        def split():
            """Article by article, with the QA checks on the store."""
            rows = validate_store(store, names, ontology, shapes).rows
            return rows + check_store(store, [*names, ONTOLOGY_GRAPH], checks)

        before, before_cpu = cpu(union, args.rounds)
        after, after_cpu = cpu(split, args.rounds)
        print(
            f"articles {articles}  graphs {len(names)}  triples {triples}  "
            f"union {before_cpu:.2f} s CPU  by article {after_cpu:.2f} s CPU  "
            f"rows {len(before)} / {len(after)}  same rows {sorted(before) == sorted(after)}"
        )


if __name__ == "__main__":
    main()
