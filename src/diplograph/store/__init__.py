"""Store: the one place that knows which engine holds the graph (pyoxigraph by default, rdflib as
the reference).

The pipeline's stages hand named graphs to a `Store`, ask it which graphs make up a layer
(`layer_graphs`), parse and serialise through it and ask it SPARQL questions; none of them
touches the engine. Whatever the engine, terms come back as rdflib terms and graphs as rdflib
`Graph` copies (rdflib stays the public face), converted here at the boundary; `answers` gives
SPARQL 1.1 JSON terms instead, which the Oxigraph engine makes without importing rdflib. The
engine is chosen by `new_store(engine)`, the `--engine` option or $DIPLOGRAPH_ENGINE. The
contract every engine must pass is tests/test_store.py. See docs/decisions/20261123-engine-seam.md.

The package: `protocol` (the Store protocol, answers, engine names), `layers` (which graphs make
a layer), `sparql` (bound values in query text), `terms` (terms across the boundary), `copies`
(rdflib graph copies), `rdflib_engine` and `oxigraph_engine`. The rdflib engine, `parse_turtle`
and `mark_service_calls` are imported on first use, so that importing the package loads no
rdflib.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.errors import InputError
from diplograph.store.layers import (
    LAYERS,
    analysis_graph,
    analysis_iris,
    analysis_names,
    layer_graphs,
    layer_of,
)
from diplograph.store.oxigraph_engine import OxigraphStore
from diplograph.store.protocol import (
    DEFAULT_ENGINE,
    ENGINE_VARIABLE,
    ENGINES,
    RDF_FORMATS,
    Answers,
    QueryResult,
    Store,
    engine_name,
)
from diplograph.store.sparql import values_first

if TYPE_CHECKING:
    from diplograph.store.rdflib_engine import RdflibStore, mark_service_calls, parse_turtle

__all__ = [
    "DEFAULT_ENGINE",
    "ENGINES",
    "ENGINE_VARIABLE",
    "LAYERS",
    "RDF_FORMATS",
    "Answers",
    "OxigraphStore",
    "QueryResult",
    "RdflibStore",
    "Store",
    "analysis_graph",
    "analysis_iris",
    "analysis_names",
    "engine_name",
    "layer_graphs",
    "layer_of",
    "mark_service_calls",
    "new_store",
    "open_store",
    "parse_turtle",
    "values_first",
]

_RDFLIB_ENGINE = ("RdflibStore", "parse_turtle", "mark_service_calls")


def __getattr__(name: str) -> Any:
    """The rdflib engine's names, imported on first use."""
    if name in _RDFLIB_ENGINE:
        return getattr(importlib.import_module("diplograph.store.rdflib_engine"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def new_store(engine: str | None = None, path: Path | None = None) -> Store:
    """An empty store of the chosen engine: in memory, or (Oxigraph only) on disk at `path`."""
    if engine_name(engine) == "rdflib":
        if path is not None:
            raise InputError(f"{path}: the rdflib engine keeps no store on disk")
        from diplograph.store.rdflib_engine import RdflibStore

        return RdflibStore()
    return OxigraphStore(path)


def open_store(path: Path) -> Store:
    """An Oxigraph store that a build left on disk, opened read-only."""
    return OxigraphStore(path, read_only=True)
