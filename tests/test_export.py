"""Export: every format parses back to the same graph; output is deterministic."""

from __future__ import annotations

import hashlib

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from diplograph.errors import InputError
from diplograph.export import FORMATS, layer_graphs, serialize, serialize_graph
from diplograph.iris import ENTITIES_GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH, article_graph_iri
from diplograph.store import new_store

PARSERS = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld"}


@pytest.mark.parametrize("layer", ["asserted", "inferred", "all"])
@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld"])
def test_graph_formats_round_trip(built, fmt, layer):
    data = serialize(built.store, fmt, layer)
    parsed = Graph().parse(data=data.decode("utf-8"), format=PARSERS[fmt])
    expected = built.store.union(layer_graphs(built.store, layer))
    assert isomorphic(parsed, expected)


def test_trig_keeps_one_named_graph_per_article(built):
    data = serialize(built.store, "trig", "all")
    dataset = Dataset()
    dataset.parse(data=data.decode("utf-8"), format="trig")
    names = sorted(g.identifier for g in dataset.graphs() if len(g))
    assert names == sorted(
        [
            article_graph_iri("000_ec5e95d0bf243a61"),
            article_graph_iri("002_bb8ed0e65c7195c3"),
            article_graph_iri("004_1b385efb04788e90"),
            ENTITIES_GRAPH,
            INFERRED_GRAPH,
        ]
    )
    for name in names:
        assert isomorphic(dataset.graph(name), built.store.graph(name))
    assert ONTOLOGY_GRAPH not in names


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_is_byte_identical(built, fmt):
    assert serialize(built.store, fmt, "all") == serialize(built.store, fmt, "all")


def test_layers_split_asserted_and_inferred(built):
    asserted = Graph().parse(data=serialize(built.store, "nt", "asserted").decode(), format="nt")
    inferred = Graph().parse(data=serialize(built.store, "nt", "inferred").decode(), format="nt")
    everything = Graph().parse(data=serialize(built.store, "nt", "all").decode(), format="nt")
    assert not set(asserted) & set(inferred)
    assert len(everything) == len(asserted) + len(inferred)


def test_nt_lines_are_sorted(built):
    lines = serialize(built.store, "nt", "asserted").decode().splitlines()
    assert lines == sorted(lines)


def test_unknown_format_and_layer_are_errors(built):
    with pytest.raises(InputError, match="unknown format 'xml'"):
        serialize(built.store, "xml")
    with pytest.raises(InputError, match="unknown layer 'gold'"):
        serialize(built.store, "turtle", "gold")


def test_ontology_is_exported_only_on_request(built):
    with_ontology = Dataset()
    with_ontology.parse(data=serialize(built.store, "trig", "all", True).decode(), format="trig")
    assert isomorphic(with_ontology.graph(ONTOLOGY_GRAPH), built.store.graph(ONTOLOGY_GRAPH))
    assert b"/graph/ontology>" not in serialize(built.store, "trig", "all")


@pytest.fixture(scope="module")
def shuffled(built):
    """The same graphs in another store, filled in the reverse order (graphs and triples)."""
    from diplograph.store import RdflibStore

    store = RdflibStore()
    for name in reversed(built.store.graph_names()):
        store.add_graph(name, sorted(built.store.graph(name), reverse=True))
    return store


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_does_not_depend_on_the_order_triples_were_added(built, shuffled, fmt):
    assert serialize(shuffled, fmt, "all") == serialize(built.store, fmt, "all")


def test_jsonld_nodes_are_sorted_by_id(built):
    import json

    nodes = json.loads(serialize(built.store, "jsonld", "asserted"))["@graph"]
    ids = [node["@id"] for node in nodes]
    assert ids == sorted(ids) and len(ids) == len(set(ids)) > 100


def test_jsonld_is_compacted_with_the_project_prefixes_as_its_context(built):
    import json

    from diplograph.namespaces import PREFIXES

    data = json.loads(serialize(built.store, "jsonld", "asserted"))
    assert sorted(data) == ["@context", "@graph"]
    assert data["@context"] == PREFIXES
    event = "https://w3id.org/diplograph/id/event/letter-delivery/2023-07-26/"
    (letter,) = [n for n in data["@graph"] if n["@id"].startswith(event)]
    assert letter["@id"] == event + "xi-jinping-li-hongzhong-kim-jong-un"
    assert letter["@type"] == "dip:LetterDelivery"
    assert letter["dip:sender"] == {"@id": "https://w3id.org/diplograph/id/person/xi-jinping"}
    assert letter["dip:date"] == {"@type": "xsd:date", "@value": "2023-07-26"}


DIGESTS = """
import hashlib
from pathlib import Path
from diplograph.build import load_ontology
from diplograph.export import serialize_graphs
from diplograph.iris import ONTOLOGY_GRAPH
from diplograph.store import RdflibStore
store = RdflibStore()
store.add_graph(ONTOLOGY_GRAPH, load_ontology(Path({root!r})))
for fmt in ("turtle", "trig", "nt", "jsonld"):
    print(fmt, hashlib.sha256(serialize_graphs(store, fmt, [ONTOLOGY_GRAPH])).hexdigest())
"""


def test_the_ontology_with_its_blank_nodes_exports_the_same_bytes_in_every_run():
    """The default export holds the ontology, whose OWL lists are blank nodes: their labels
    are canonical, not the random ones of each process."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    script = DIGESTS.format(root=str(root))
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
        ).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    assert len(runs[0].splitlines()) == 4


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("size", ["all", "none"])
def test_one_graph_serialises_as_a_store_holding_only_it_would(built, fmt, size):
    """`extract` writes its graph without a store: the same bytes, whatever prefixes the graph
    has bound (a store's copy has only rdflib's own) and also when it is empty."""
    name = article_graph_iri("000_ec5e95d0bf243a61")
    graph = built.store.graph(name) if size == "all" else Graph()
    graph.bind("somewhere", "https://example.org/somewhere/")
    store = new_store()
    store.add_graph(name, graph)
    expected = serialize(store, fmt, "asserted")
    assert serialize_graph(name, graph, fmt) == expected
    assert (b"000_ec5e95d0bf243a61" in expected) == (size == "all")


def test_trig_written_to_a_file_a_graph_at_a_time_is_the_same_bytes(built, tmp_path):
    """The build writes graph.trig block by block (`write_trig`): the bytes `serialize_graphs`
    makes in memory, and their SHA-256 (the manifest's), with the ontology's blank nodes too."""
    from diplograph.export import serialize_graphs, write_trig

    names = [*layer_graphs(built.store, "all"), ONTOLOGY_GRAPH]
    expected = serialize_graphs(built.store, "trig", names)
    digest = write_trig(built.store, names, tmp_path / "graph.trig")
    assert (tmp_path / "graph.trig").read_bytes() == expected
    assert digest == hashlib.sha256(expected).hexdigest()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.trig"]  # no temporary left
