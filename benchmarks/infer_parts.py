"""Benchmark: the `infer` stage's `entail_into` alone on a build folder's graph.trig, part by
part (the merged copy, the rounds of rules, the set-aside, `add_from`), in CPU seconds, and
whether the inferred graph it writes is the build's (the same triples).

Run from the checkout, on a folder `diplograph build` wrote (benchmarks/scale.py keeps one per
size):  PYTHONPATH=src nice -n 10 python3 benchmarks/infer_parts.py OUT [--root PROJECT]
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

from rdflib import URIRef

from diplograph import entail
from diplograph.built import load_ontology
from diplograph.names import INFERRED_GRAPH
from diplograph.store import layer_graphs
from diplograph.store.oxigraph_engine import OxigraphStore

ROOT = Path(__file__).resolve().parents[1]
TARGET = URIRef("urn:x-diplograph:benchmark/inferred")


class Laps:
    """CPU seconds of the parts, in the order they ran."""

    def __init__(self) -> None:
        self.parts: dict[str, float] = {}
        self.start = self.last = time.process_time()

    def lap(self, part: str) -> None:
        """Note the CPU seconds since the last lap as `part`'s."""
        now = time.process_time()
        self.parts[part] = self.parts.get(part, 0.0) + now - self.last
        self.last = now


def run(store: OxigraphStore, root: Path) -> tuple[Laps, list[int]]:
    """`entail_into` into TARGET as the build runs it, part by part; the triples each round
    found."""
    ontology = load_ontology(root)
    asserted = layer_graphs(store, "asserted")
    gc.collect()
    laps = Laps()
    rules = entail.compile_rules(ontology)
    work = store.merged_copy(asserted, entail._ALL)
    laps.lap("merged copy")
    due, delta, rounds = rules, None, []
    for number in range(entail._MAX_ROUNDS):
        if not due:
            break
        found = URIRef(f"{entail._ROUND}{number}")
        work.update(" ;\n".join(rule.insert_new(found, delta) for rule in due))
        keys = entail._keys(work, found)
        laps.lap("rounds")
        if not keys:
            break
        rounds.append(found)
        due, delta = entail._due(rules, keys), found
    work.add_graph(entail._ONTOLOGY, ontology)
    for name in rounds:
        work.update(entail._set_aside(name))
    laps.lap("set aside")
    for name in rounds:
        store.add_from(work, name, TARGET)
    laps.lap("add_from")
    return laps, [work.count([name]) for name in rounds]


def held(store: OxigraphStore, name: URIRef) -> set:
    """The triples of a named graph as Oxigraph holds them (no rdflib term made)."""
    node = store._graph_node(name)
    return {quad.triple for quad in store._store.quads_for_pattern(None, None, None, node)}


def main() -> None:
    """Time the parts on OUT/graph.trig and compare the inferred graph with the build's."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="a build folder holding graph.trig")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project (its ontology)")
    args = parser.parse_args()
    store = OxigraphStore()
    store.parse((args.out / "graph.trig").read_bytes(), "trig")
    expected = held(store, INFERRED_GRAPH)
    store.remove_graph(INFERRED_GRAPH)
    laps, found = run(store, args.root)
    total = time.process_time() - laps.start
    for part, seconds in laps.parts.items():
        print(f"{part:12} {seconds:7.2f} CPU s")
    print(f"{'entail_into':12} {total:7.2f} CPU s; rounds found {found}")
    got = held(store, TARGET)
    print(f"inferred: {len(got)} triples, the build's: {got == expected}")


if __name__ == "__main__":
    main()
