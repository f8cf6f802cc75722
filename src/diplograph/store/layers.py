"""Layers: which named graphs make up the asserted, inferred, candidates and Wikidata layers,
and which graphs analysis (stored queries, `export` by default) sees.

The graph names are compared as strings (names.py), so that the same rules serve rdflib terms
(`graph_names`) and plain IRIs (`graph_iris`, the query path that loads no rdflib).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from diplograph.errors import InputError
from diplograph.names import CANDIDATES_GRAPHS, INFERRED_GRAPH, ONTOLOGY_GRAPH, WIKIDATA_GRAPH

if TYPE_CHECKING:
    from rdflib import Graph, URIRef

    from diplograph.store.protocol import Store

LAYERS = ("asserted", "inferred", "candidates", "wikidata", "all")
Name = TypeVar("Name", bound=str)


def layer_of(name: str) -> str:
    """The layer a named graph belongs to.

    >>> layer_of("https://w3id.org/diplograph/id/graph/candidates/004_x")
    'candidates'
    """
    iri = str(name)
    if iri == INFERRED_GRAPH:
        return "inferred"
    if iri == WIKIDATA_GRAPH:
        return "wikidata"
    if iri.startswith(CANDIDATES_GRAPHS):
        return "candidates"
    return "asserted"


def _layer(names: list[Name], layer: str) -> list[Name]:
    """The names of a layer among the given graph names."""
    if layer not in LAYERS:
        raise InputError(f"unknown layer {layer!r}; choose one of {', '.join(LAYERS)}")
    names = [n for n in names if str(n) != ONTOLOGY_GRAPH]
    kinds = {n: layer_of(n) for n in names}
    if layer == "all":
        return [n for n in names if kinds[n] != "candidates"]
    return [n for n in names if kinds[n] == layer]


def _analysis(names: list[Name], inference: bool) -> list[Name]:
    """Every layer but the candidates (less the inferred one if asked), then the ontology."""
    kept = [n for n in _layer(names, "all") if inference or str(n) != INFERRED_GRAPH]
    return kept + [n for n in names if str(n) == ONTOLOGY_GRAPH]


def layer_graphs(store: Store, layer: str) -> list[URIRef]:
    """The named graphs of a layer (never the ontology, which is exported only on request).

    asserted: the articles' graphs, the rule layers in effect and the entities; inferred: the
    OWL RL closure; candidates: the rule layers of hand-mapped articles, kept for review;
    wikidata: facts fetched by `diplograph enrich`; all: everything but the candidates.
    """
    return _layer(store.graph_names(), layer)


def analysis_names(store: Store, inference: bool = True) -> list[URIRef]:
    """What analysis sees: every layer but the candidates (less the inferred one if asked), with
    the ontology (for labels); found once until the graphs change (every stored query asks)."""
    key = ("analysis-names", inference)
    return list(store.derived(key, lambda: _analysis(store.graph_names(), inference)))


def analysis_iris(store: Store, inference: bool = True) -> list[str]:
    """As `analysis_names`, as plain strings (`store.answers` takes them)."""
    key = ("analysis-iris", inference)
    return list(store.derived(key, lambda: _analysis(store.graph_iris(), inference)))


def analysis_graph(store: Store) -> Graph:
    """What analysis sees, as one rdflib graph."""
    return store.union(analysis_names(store))
