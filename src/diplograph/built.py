"""The build folder as a reader opens it: `query`, `export` and `enrich` get its store here
without importing the stages that made it.

A build leaves OUT/graph.trig and, beside it, OUT/store/: an Oxigraph store of the same named
graphs and the ontology, written in the same staging folder and swapped into place with it
(buildfolder.py). With the Oxigraph engine a reader opens that store read-only as it is on disk;
with the rdflib engine (the reference) it reads graph.trig, then the ontology. A build folder
that is not up to date with the inputs (manifest.py) is built again in memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from diplograph import paths
from diplograph.errors import InputError, ValidationFailed, syntax_error
from diplograph.manifest import REBUILD, check_build
from diplograph.memory import give_back
from diplograph.store import (
    OxigraphStore,
    Store,
    analysis_names,
    engine_name,
    new_store,
    open_store,
)

if TYPE_CHECKING:
    from rdflib import Graph, URIRef

GRAPH_FILE = "graph.trig"
STORE_FOLDER = "store"
ONTOLOGY_FILES = ("diplo.ttl", "diplo-align.ttl")


def load_ontology(root: Path) -> Graph:
    """The ontology and its alignments, as one graph."""
    from rdflib import Graph

    from diplograph.store import parse_turtle

    graph = Graph()
    for name in ONTOLOGY_FILES:
        graph += parse_turtle(paths.ontology_dir(root) / name)
    return graph


def write_store(folder: Path, store: Store, names: list[URIRef], graph: bytes | Path) -> None:
    """Write the Oxigraph store of a build (the named graphs of its TriG and the ontology) into
    a new folder: bulk-loaded from the build's store as it holds them when that is an Oxigraph
    store (the same quads and literal records as parsing the TriG, at a third of the CPU),
    else parsed from the TriG `graph` (its text, or the file holding it)."""
    from diplograph.iris import ONTOLOGY_GRAPH

    disk = OxigraphStore(folder)
    source = store if isinstance(store, OxigraphStore) else None
    if source is not None:
        disk.copy_graphs(source, [*names, ONTOLOGY_GRAPH])
    else:
        disk.parse(graph.read_bytes() if isinstance(graph, Path) else graph, "trig")
        disk.add_graph(ONTOLOGY_GRAPH, store.graph(ONTOLOGY_GRAPH))
    for inference in (True, False):  # the graphs `query` asks for, merged once here
        give_back()  # the bulk loader's last buffers, so that the next load does not stack on them
        disk.merge(analysis_names(disk, inference), source)
    give_back()
    disk.record_graphs()  # so that a reader lists them without probing each
    disk.flush()
    disk.compact()  # an incremental build that opens it then owes RocksDB no compaction
    del disk  # closed, and opened again: that recovery's bookkeeping, not the next one's
    _settle(folder)


SETTLE_ROUNDS = 3  # openings of a written store, each flushed and compacted, at most


def _settle(folder: Path) -> None:
    """Open a closed store again, flush and compact what that opening wrote, until an opening
    changes none of its table files (a read-only open had replayed old logs, 4 builds in 20;
    one reopening left a compaction owed twice in full test runs: test_incremental)."""
    for _ in range(SETTLE_ROUNDS):
        before = sorted(p.name for p in folder.glob("*.sst"))
        reopened = OxigraphStore(folder)
        reopened.flush()
        reopened.compact()
        del reopened
        if sorted(p.name for p in folder.glob("*.sst")) == before:
            return


def load_build(out: Path, root: Path | None = None) -> Store:
    """Open a build folder's store: its Oxigraph store as it is on disk when the engine is
    Oxigraph, else graph.trig read into a new store, with the ontology beside it for queries."""
    if engine_name() == "oxigraph" and (out / STORE_FOLDER).is_dir():
        return open_store(out / STORE_FOLDER)
    path = out / GRAPH_FILE
    if not path.is_file():
        raise InputError(f"{path}: no build found; run `diplograph build` first")
    store = new_store()
    try:
        store.parse(path.read_bytes(), "trig")
    except OSError:
        raise
    except Exception as exc:  # the engines' parsers raise several unrelated types
        reason = syntax_error(path, exc, "TriG")
        raise InputError(f"{reason}; not a readable build, {REBUILD}") from exc
    from diplograph.iris import ONTOLOGY_GRAPH

    store.add_graph(ONTOLOGY_GRAPH, load_ontology(root or paths.project_root()))
    return store


def is_current(root: Path, out: Path) -> bool:
    """Whether the build folder was made from the inputs as they are now (its manifest says
    so). A graph.trig that is not the one its build wrote is an InputError naming it."""
    return (out / GRAPH_FILE).is_file() and check_build(out, GRAPH_FILE, root)


def current_store(root: Path, out: Path) -> tuple[Store, bool]:
    """The store of the build folder if it was made from the inputs as they are now (its
    manifest says so), else a fresh in-memory build. The flag tells whether a fresh build was
    made. A graph.trig that is not the one its build wrote is an InputError naming it."""
    if is_current(root, out):
        return load_build(out, root), False
    from diplograph.build import build

    result = build(root)
    if not result.report.conforms:
        raise ValidationFailed(
            "the graph does not conform to the shapes; run `diplograph validate` for the report"
        )
    return result.store, True
