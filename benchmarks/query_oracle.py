"""Check that each rewritten stored query answers as its text before the rewrite did (issue 10).

The text of a stored query before it was rewritten for speed is kept, as the oracle, in
tests/data/queries-before/<name>.rq. On the store of a build folder this runs each such query
and its rewrite with the same parameters (the example values, then values drawn from the graph
as benchmarks/scale.py draws them), with and without the inferred graph, and compares the
answers: the same rows as a multiset, and the same sequence of the projected ORDER BY columns
(rows that tie on every ORDER BY key may come in another order, as on any store). It prints one
line a query and exits 1 when any answer differs. A check, not a test (a test runs it on the
seeds and on a small generated corpus: tests/test_query_rewrites.py):

    python3 benchmarks/query_oracle.py /tmp/diplograph-scale/out-1000-oxigraph [--sets 5]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

BEFORE = ROOT / "tests" / "data" / "queries-before"
_ORDER = re.compile(r"\bORDER\s+BY\b(.*)$", re.IGNORECASE | re.DOTALL)
_VARIABLE = re.compile(r"[?$](\w+)")


@dataclass(frozen=True)
class Difference:
    """One answer of a rewrite that differs from its oracle's."""

    query: str
    values: dict[str, str]
    inference: bool
    problem: str


def order_columns(text: str, variables: tuple[str, ...]) -> list[int]:
    """The positions of the projected variables that a query's ORDER BY names, in its order.

    >>> order_columns("SELECT ?a ?b WHERE { } ORDER BY DESC(BOUND(?b)) ?b ?c", ("a", "b"))
    [1]
    """
    match = _ORDER.search(text)
    if not match:
        return []
    named = dict.fromkeys(_VARIABLE.findall(match.group(1)))
    return [variables.index(name) for name in named if name in variables]


def compare(old_text: str, old, new) -> str | None:
    """Why two answers differ (None when the same): rows as a multiset, then the sequence of
    the oracle's ORDER BY columns."""
    if old.variables != new.variables:
        return f"columns {old.variables} != {new.variables}"
    if Counter(old.rows) != Counter(new.rows):
        lost = sum((Counter(old.rows) - Counter(new.rows)).values())
        extra = sum((Counter(new.rows) - Counter(old.rows)).values())
        return f"rows differ: {lost} of {len(old.rows)} missing, {extra} extra"
    keys = order_columns(old_text, old.variables)
    ordered = [[row[i] for i in keys] for row in old.rows]
    if ordered != [[row[i] for i in keys] for row in new.rows]:
        return "the same rows in another order of the ORDER BY columns"
    return None


def rewritten(root: Path) -> list[tuple[object, object]]:
    """(oracle, stored query) for every query text kept in tests/data/queries-before."""
    from diplograph import paths
    from diplograph.queries import get_query, parse_query

    folder = paths.queries_dir(root)
    return [
        (parse_query(path), get_query(folder, path.stem)) for path in sorted(BEFORE.glob("*.rq"))
    ]


def differences(
    store, root: Path, sets: int = 5, seed: int = 1
) -> tuple[list[Difference], dict[str, tuple[int, int]]]:
    """Every answer of a rewritten query that differs from its oracle's on a store, and by query
    how many answers and rows of the oracle were compared."""
    from scale import GraphValues, parameter_sets

    from diplograph.queries import run_query

    graph, rng = GraphValues(store), random.Random(seed)
    found: list[Difference] = []
    compared: dict[str, tuple[int, int]] = {}
    for oracle, query in rewritten(root):
        answers = rows = 0
        for values in parameter_sets(graph, query, rng, sets):
            for inference in (True, False):
                old = run_query(store, oracle, values, inference)
                new = run_query(store, query, values, inference)
                answers, rows = answers + 1, rows + len(old.rows)
                if problem := compare(oracle.text, old, new):
                    found.append(Difference(query.name, values, inference, problem))
        compared[query.name] = (answers, rows)
    return found, compared


def main(argv: list[str] | None = None) -> int:
    """Compare every rewritten query with its oracle on a build folder's store."""
    from diplograph.built import load_build

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="a build folder with an on-disk store")
    parser.add_argument("--sets", type=int, default=5, help="parameter sets a query")
    parser.add_argument("--root", type=Path, default=ROOT, help="project of the stored queries")
    args = parser.parse_args(argv)
    store = load_build(args.out, args.root)
    found, compared = differences(store, args.root, args.sets)
    for name, (answers, rows) in compared.items():
        mine = [d for d in found if d.query == name]
        verdict = "DIFFERENT" if mine else "same"
        print(f"{name:<32} {verdict:<9} {answers:>3} answers, {rows:>7} rows")
        for difference in mine:
            print(f"    {difference.values} inference={difference.inference}: {difference.problem}")
    total = sum(answers for answers, _ in compared.values())
    print(f"{len(compared)} rewritten queries, {total} answers compared, {len(found)} differ")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
