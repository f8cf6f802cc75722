"""Validation stage, the fast gate: reads a data graph, the shapes and the ontology; answers
whether a compiled SHACL engine (the `shacl` package, Rust) finds any result about the focus
nodes. pySHACL stays the engine whose rows the reports hold: `validate.shacl_rows` asks the gate
first and runs pySHACL only where the gate finds something, so a report's rows are pySHACL's
and a conforming run (nearly all of a build's) costs a tenth of pySHACL's time.

Which validator runs is `--validator` or $DIPLOGRAPH_VALIDATOR: `shacl` (the default: the gate,
then pySHACL where it finds something) or `pyshacl` (pySHACL alone, as before). The gate is safe
where it finds at least what pySHACL finds; tests/test_shaclgate.py proves that on every shape
fixture and docs/decisions/20261203-rust-shacl-gate.md lists where the engines differ (the Rust
engine reports more, never less: comparisons with ill-formed or incomparable values).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Any

from diplograph.errors import InputError

if TYPE_CHECKING:  # rdflib is not imported with the CLI (start-up time)
    from rdflib import Graph
    from rdflib.term import Node

    from diplograph.store.protocol import Triple

VALIDATORS = ("shacl", "pyshacl")
DEFAULT_VALIDATOR = "shacl"
VALIDATOR_VARIABLE = "DIPLOGRAPH_VALIDATOR"

_KEPT = 8  # shapes and ontology graphs kept at most
_compiled: dict[tuple[int, int], tuple[Graph, Any]] = {}  # shapes graph -> engine's shapes
_ontologies: dict[tuple[int, int], tuple[Graph, str]] = {}  # ontology graph -> N-Triples
_axioms: dict[tuple[int, int], tuple[Graph, Graph]] = {}  # ontology graph -> what SHACL reads


def validator() -> str:
    """The validator chosen: $DIPLOGRAPH_VALIDATOR, else `shacl`; an unknown name is an
    InputError naming the choices."""
    name = os.environ.get(VALIDATOR_VARIABLE, "").strip() or DEFAULT_VALIDATOR
    if name not in VALIDATORS:
        choices = ", ".join(VALIDATORS)
        raise InputError(f"{VALIDATOR_VARIABLE}={name!r}: not a validator (one of {choices})")
    return name


def finds_results(
    data: Graph, shapes: Graph, ontology: Graph | None, focus: Collection[Node] | None
) -> bool:
    """Whether the engine finds a result about a focus node (any node if `focus` is None) in
    the data with the ontology mixed in; a result about a blank node counts (the engine names
    blank nodes its own way, so it cannot tell which one)."""
    return finds_in_text(data.serialize(format="nt"), shapes, ontology, focus)


def nt_text(triples: Iterable[Triple]) -> str:
    """Triples as N-Triples, each line as rdflib's serializer writes it and once, without
    building a graph (lexical forms kept: an ill-formed literal stays ill-formed). Each term's
    text is written once (rdflib's serializer wrote it for every triple, a third of the
    validation stage's CPU at 1,000 articles)."""
    from rdflib import Literal
    from rdflib.plugins.serializers.nt import _quoteLiteral

    nodes: dict[Node, str] = {}  # IRIs and blank nodes (equal: same type and text)
    literals: dict[tuple, str] = {}  # literals, by lexical form, language and datatype
    lines: dict[str, None] = {}

    def node_text(term: Node) -> str:
        """A subject's or predicate's text, as rdflib's `n3()` writes it."""
        if isinstance(term, Literal):
            return term.n3()
        text = nodes.get(term)
        if text is None:
            text = nodes[term] = term.n3()
        return text

    for s, p, o in triples:
        if isinstance(o, Literal):
            key = (str(o), o.language, o.datatype)
            value = literals.get(key)
            if value is None:
                value = literals[key] = _quoteLiteral(o)
        else:
            value = node_text(o)
        lines[f"{node_text(s)} {node_text(p)} {value} .\n"] = None
    return "".join(lines)


def finds_in_text(
    text: str, shapes: Graph, ontology: Graph | None, focus: Collection[Node] | None
) -> bool:
    """`finds_results` for data given as N-Triples text (`nt_text`)."""
    from rdflib import BNode

    if ontology is not None:
        text += _ontology_text(ontology)
    report = _engine_shapes(shapes).validate_text(text, format="ntriples")
    if focus is None:
        return len(report) > 0
    wanted = {f"<{node}>" for node in focus if not isinstance(node, BNode)}
    return any(r.focus_node in wanted or r.focus_node.startswith("_:") for r in report.results)


def _engine_shapes(shapes: Graph) -> Any:
    """The engine's compiled shapes for a shapes graph, compiled once per graph and size."""
    key = (id(shapes), len(shapes))
    found = _compiled.get(key)
    if found is None or found[0] is not shapes:
        import shacl

        if len(_compiled) >= _KEPT:
            _compiled.clear()  # a build has one shapes graph; tests make many
        found = _compiled[key] = (
            shapes,
            shacl.Shapes.from_text(shapes.serialize(format="nt"), format="ntriples"),
        )
    return found[1]


def _ontology_text(ontology: Graph) -> str:
    """The ontology's axioms a validation reads (`axioms`) as N-Triples, written once per graph
    and size."""
    key = (id(ontology), len(ontology))
    found = _ontologies.get(key)
    if found is None or found[0] is not ontology:
        if len(_ontologies) >= _KEPT:
            _ontologies.clear()
        found = _ontologies[key] = (ontology, axioms(ontology).serialize(format="nt"))
    return found[1]


def axioms(ontology: Graph) -> Graph:
    """The triples of an ontology that a SHACL run without inference reads once the ontology is
    mixed into the data: types (a targeted class, an enumeration's members) and the class
    hierarchy (sh:targetClass and sh:class reach subclasses). Labels, comments, domains, ranges
    and property axioms are never read by a shape about the data, and mixing them into every
    run's data was most of the mixing's cost (501 triples, 157 of them read). Made once per
    graph and size."""
    from rdflib import RDF, RDFS
    from rdflib import Graph as RdfGraph

    key = (id(ontology), len(ontology))
    found = _axioms.get(key)
    if found is None or found[0] is not ontology:
        if len(_axioms) >= _KEPT:
            _axioms.clear()
        kept = RdfGraph()
        for predicate in (RDF.type, RDFS.subClassOf):
            for triple in ontology.triples((None, predicate, None)):
                kept.add(triple)
        found = _axioms[key] = (ontology, kept)
    return found[1]
