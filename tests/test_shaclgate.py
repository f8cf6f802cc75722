"""Tests for diplograph.shaclgate: the Rust engine (the `shacl` package) finds a result wherever
pySHACL does, so the `shacl` validator gives pySHACL's rows exactly.

pySHACL is the oracle: every shape fixture (tests/data/shapes/valid, invalid, and engines/, the
cases where engines are known to part: ill-formed literals, comparisons, sh:targetSubjectsOf,
sh:uniqueLang, sh:pattern, rdfs:subClassOf under sh:class, blank nodes) is validated with both
validators and the rows must be equal. The differences of the engine alone are asserted too, so
that a new release of it that changes them is noticed (docs/decisions/20261203-rust-shacl-gate.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import shacl
from click.testing import CliRunner
from rdflib import Graph, URIRef

from diplograph.cli import cli
from diplograph.errors import InputError
from diplograph.shaclgate import finds_results, validator
from diplograph.validate import validate

DATA = Path(__file__).resolve().parent / "data" / "shapes"
DIP = "https://w3id.org/diplograph/ontology#"
VALID = sorted((DATA / "valid").glob("*.ttl"))
INVALID = sorted((DATA / "invalid").glob("*.ttl"))
ENGINES = sorted((DATA / "engines").glob("*.ttl"))
ID = "https://w3id.org/diplograph/id/"
ROOT = Path(__file__).resolve().parents[1]
ATTESTATION = ID + "attestation/000_ec5e95d0bf243a61/s07-"


def with_base(path: Path | None = None) -> Graph:
    """base.ttl and one fixture, as one graph."""
    graph = Graph().parse(DATA / "base.ttl")
    if path is not None:
        graph.parse(path, format="turtle")
    return graph


def rows_with(name: str, monkeypatch, data: Graph, ontology: Graph, shapes: Graph):
    """The report of `validate` with the given validator."""
    monkeypatch.setenv("DIPLOGRAPH_VALIDATOR", name)
    return validate(data, ontology, shapes)


def engine_rows(data: Graph, ontology: Graph, shapes: Graph) -> set[tuple[str, str, str]]:
    """The engine's own results (focus node, path, component), blank nodes left out."""
    compiled = shacl.Shapes.from_text(shapes.serialize(format="nt"), format="ntriples")
    text = data.serialize(format="nt") + ontology.serialize(format="nt")
    return {
        (r.focus_node.strip("<>"), r.path or "", r.component)
        for r in compiled.validate_text(text, format="ntriples").results
        if not r.focus_node.startswith("_:")
    }


@pytest.mark.parametrize(
    "path", VALID + INVALID + ENGINES, ids=lambda p: p.parent.name + "/" + p.stem
)
def test_the_shacl_validator_gives_pyshacls_rows(path, shape_report, ontology, shapes) -> None:
    data = with_base(path)
    # both reports of validate(data, ontology, shapes), once per test run (conftest.py)
    oracle = shape_report(path, "pyshacl")
    assert shape_report(path, "shacl") == oracle
    assert finds_results(data, shapes, ontology, None) == (not oracle.conforms)
    assert oracle.conforms == (path.parent.name == "valid")


def test_the_gate_looks_at_the_focus_nodes_only(ontology, shapes) -> None:
    data = with_base(DATA / "invalid" / "AttestationShape--endIndex-integer.ttl")
    broken, sound = URIRef(ATTESTATION + "test"), URIRef(ID + "event/ceremony-test")
    assert finds_results(data, shapes, ontology, {broken})
    assert finds_results(data, shapes, ontology, {broken, sound})
    assert not finds_results(data, shapes, ontology, {sound})


def test_the_engine_alone_reports_more_comparisons_than_pyshacl(ontology, shapes) -> None:
    """Where the engines part (each on a node already broken by sh:datatype): the Rust engine
    follows SHACL, a comparison with a value it cannot compare is a result; pySHACL gives none
    for a date against a dateTime, an ill-formed xsd:nonNegativeInteger under sh:lessThan, or
    "high"^^xsd:decimal under sh:maxInclusive (it does under sh:minInclusive)."""
    extra = {}
    for name in ("comparisons", "ill-formed-literals"):
        data = with_base(DATA / "engines" / f"{name}.ttl")
        pyshacl = {(r.focus, r.path, r.component) for r in validate(data, ontology, shapes).rows}
        found = engine_rows(data, ontology, shapes)
        extra[name] = sorted(
            (focus.removeprefix(ID), component)
            for focus, path, component in found
            if (focus, _prefixed(path), f"sh:{component}") not in pyshacl
        )
    assert extra == {
        "comparisons": [("event/ceremony-equal", "LessThanOrEqualsConstraintComponent")],
        "ill-formed-literals": [
            ("attestation/000_ec5e95d0bf243a61/s07-ill", "LessThanConstraintComponent"),
            ("attestation/000_ec5e95d0bf243a61/s07-ill", "MaxInclusiveConstraintComponent"),
        ],
    }


def _prefixed(path: str) -> str:
    """The engine's <iri> path as validate writes it (dip:p)."""
    return path.replace("<https://w3id.org/diplograph/ontology#", "dip:").rstrip(">")


def test_a_warning_is_found_by_the_gate_and_reported_by_pyshacl(monkeypatch, ontology) -> None:
    shapes = Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix dip: <https://w3id.org/diplograph/ontology#> .
<urn:x-test:shape> a sh:NodeShape ; sh:targetClass dip:Visit ;
    sh:property [ sh:path dip:place ; sh:minCount 1 ; sh:severity sh:Warning ] .""",
        format="turtle",
    )
    data = with_base(DATA / "invalid" / "VisitShape--missing-place.ttl")
    report = rows_with("shacl", monkeypatch, data, ontology, shapes)
    assert [(r.path, r.severity) for r in report.rows] == [("dip:place", "Warning")]
    assert report == rows_with("pyshacl", monkeypatch, data, ontology, shapes)


def test_the_validator_is_chosen_by_name(monkeypatch) -> None:
    monkeypatch.delenv("DIPLOGRAPH_VALIDATOR", raising=False)
    assert validator() == "shacl"
    monkeypatch.setenv("DIPLOGRAPH_VALIDATOR", "pyshacl")
    assert validator() == "pyshacl"
    monkeypatch.setenv("DIPLOGRAPH_VALIDATOR", "topbraid")
    with pytest.raises(InputError) as error:
        validator()
    assert str(error.value) == (
        "DIPLOGRAPH_VALIDATOR='topbraid': not a validator (one of shacl, pyshacl)"
    )


def test_the_cli_option_names_the_choices(monkeypatch) -> None:
    monkeypatch.delenv("DIPLOGRAPH_VALIDATOR", raising=False)
    result = CliRunner().invoke(cli, ["--validator", "topbraid", "queries"])
    assert result.exit_code == 2
    assert "'topbraid' is not one of 'shacl', 'pyshacl'" in result.output


def test_an_ill_formed_date_pyshacl_cannot_compare_is_an_input_error(ontology, shapes) -> None:
    """pySHACL 0.40.1 compares an ill-formed xsd:date under sh:lessThanOrEquals with <= on
    rdflib Literals and raises a TypeError; the run is then an InputError naming the node, the
    property and the value, never a crash."""
    fixture = DATA / "invalid" / "EventShape--earliest-after-latest.ttl"
    text = fixture.read_text(encoding="utf-8").replace('"2020-04-30"', '"2020-13-01"')
    data = with_base()
    data.parse(data=text, format="turtle")
    (node,) = {s for s, o in data.subject_objects(URIRef(DIP + "earliestDate"))}
    with pytest.raises(InputError) as caught:
        validate(data, ontology, shapes)
    assert str(caught.value) == (
        f'<{node}> dip:earliestDate "2020-13-01"^^<http://www.w3.org/2001/XMLSchema#date> is '
        "not a well-formed xsd:date: SHACL validation cannot compare it (pySHACL: '<=' not "
        "supported between instances of 'Literal' and 'Literal')"
    )


# ---------------------------------------------------------------------------- N-Triples text


def test_nt_text_writes_rdflibs_lines_once_and_keeps_ill_formed_literals() -> None:
    """The gate's text written from triples, no graph made: each line as rdflib's serializer
    writes it, a repeated triple once, an ill-formed date as it was written."""
    from rdflib import Literal
    from rdflib.namespace import XSD

    from diplograph.shaclgate import nt_text

    node, date, label = URIRef(ID + "event/x"), URIRef(ID + "date"), URIRef(ID + "label")
    triples = [
        (node, date, Literal("2023-13-01", datatype=XSD.date)),
        (node, label, Literal('a "b"\n', lang="en")),
        (node, date, Literal("2023-13-01", datatype=XSD.date)),
    ]
    assert nt_text(triples) == (
        f"<{node}> <{date}> "
        '"2023-13-01"^^<http://www.w3.org/2001/XMLSchema#date> .\n'
        f'<{node}> <{label}> "a \\"b\\"\\n"@en .\n'
    )
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    assert sorted(nt_text(triples).splitlines()) == sorted(
        graph.serialize(format="nt").strip().splitlines()
    )


def test_nt_text_writes_each_fixture_as_rdflibs_serializer_row_by_row() -> None:
    """Written term by term once, the text is rdflib's rows joined, a repeated row once, on
    every shape fixture (IRIs, blank nodes, typed, ill-formed and tagged literals), in the
    order the triples come: the gate is given the text it was given before."""
    from rdflib import BNode, Literal
    from rdflib.namespace import XSD
    from rdflib.plugins.serializers.nt import _nt_row

    from diplograph.shaclgate import nt_text

    fixtures = sorted((ROOT / "tests" / "data" / "shapes").rglob("*.ttl"))
    assert len(fixtures) > 40
    for path in fixtures:
        triples = list(Graph().parse(path, format="turtle"))
        triples += triples[:3]  # repeated rows, written once
        assert nt_text(triples) == "".join(dict.fromkeys(map(_nt_row, triples))), path.name
    node = URIRef(ID + "x")
    same_text = [  # equal as Python strings, told apart by type, datatype or language
        (node, node, Literal(ID + "x")),
        (node, node, URIRef(ID + "x")),
        (node, node, BNode("x")),
        (node, node, Literal("x")),
        (node, node, Literal("x", lang="en")),
        (node, node, Literal("x", lang="EN")),
        (node, node, Literal("x", datatype=XSD.string)),
        (node, node, Literal("01", datatype=XSD.integer)),
        (node, node, Literal("1", datatype=XSD.integer)),
    ]
    assert nt_text(same_text) == "".join(dict.fromkeys(map(_nt_row, same_text)))
    assert len(nt_text(same_text).splitlines()) == 8  # rdflib writes "01"^^xsd:integer as "1"
