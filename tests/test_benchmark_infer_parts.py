"""benchmarks/infer_parts.py (issue 10): `entail_into` alone on a build folder, part by part,
writes the build's inferred graph. Speed is measured by the benchmark itself, never here."""

from __future__ import annotations

import sys
from pathlib import Path

from diplograph.names import INFERRED_GRAPH
from diplograph.store.oxigraph_engine import OxigraphStore

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import infer_parts  # noqa: E402  (benchmarks/ is not a package)


def test_the_parts_of_entail_into_on_the_seeds_build_give_its_inferred_graph(seeds_out):
    """On the seeds' build folder the parts run in the build's order, and the rounds' graphs
    hold the build's inferred triples, each in one round's graph only."""
    store = OxigraphStore()
    store.parse((seeds_out / "graph.trig").read_bytes(), "trig")
    expected = infer_parts.held(store, INFERRED_GRAPH)
    store.remove_graph(INFERRED_GRAPH)
    laps, found = infer_parts.run(store, ROOT)
    assert list(laps.parts) == ["merged copy", "rounds", "set aside", "add_from"]
    assert infer_parts.held(store, infer_parts.TARGET) == expected
    assert len(found) >= 2 and sum(found) == len(expected) > 1000
