"""Inference stage: reads the ontology and the asserted data; writes the OWL RL closure's new
triples about instance data into a graph of their own.

`closure` computes them on the store: with the ontology's axioms compiled to SPARQL rules run to
a fixpoint (entail.py) on Oxigraph, with owlrl (the reference, `infer`) on the rdflib engine,
whose SPARQL is too slow for rules; tests/test_entail.py holds the two to the same triples.

Only triples whose subject is an instance IRI (under id:) and that say something new are kept:
the ontology's own closure, `x owl:sameAs x` and typing as owl:Thing or rdfs:Resource are
dropped, so the inferred graph is what an analyst can use (sub-property participants, inverse
memberships, places up the located-in chain, positions by property chain, CAMEO-aligned types).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from diplograph.namespaces import ID
from diplograph.store import Store

if TYPE_CHECKING:
    from diplograph.store.protocol import Triple

_TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}


def _useful(triple: tuple) -> bool:
    """Whether an inferred triple is about instance data and not trivial."""
    s, p, o = triple
    if not str(s).startswith(str(ID)):
        return False
    if p == OWL.sameAs and s == o:
        return False
    return not (p == RDF.type and o in _TRIVIAL_TYPES)


def infer(ontology: Graph, asserted: Graph) -> Graph:
    """The useful triples OWL RL entails from the ontology and data that are not asserted, by
    owlrl."""
    import owlrl

    closure = Graph()
    for graph in (ontology, asserted):
        for triple in graph:
            closure.add(triple)
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False
    ).expand(closure)
    inferred = Graph()
    for triple in closure:
        if triple not in asserted and triple not in ontology and _useful(triple):
            inferred.add(triple)
    return inferred


def closure(store: Store, ontology: Graph, asserted: Sequence[URIRef]) -> Iterable[Triple]:
    """The useful triples entailed from the store's asserted graphs, each once: by the compiled
    rules, or by owlrl on the reference engine."""
    if store.engine == "rdflib":
        return infer(ontology, store.union(asserted))
    from diplograph.entail import entail

    return entail(store, ontology, asserted)
