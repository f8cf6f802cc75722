"""Tests for diplograph.validate and ontology/diplo-shapes.ttl: every shape is proven both ways.

Fixtures live in tests/data/shapes/: base.ttl (shared entities, articles and sentences) is loaded
together with each file in valid/ (must conform) and invalid/ (must give exactly the one result
declared on its first line, `# expect: focus=<IRI> path=<path> component=<component>`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Dataset, Graph, URIRef

from diplograph.errors import InputError
from diplograph.export import analysis_graph
from diplograph.namespaces import DIP
from diplograph.shaclgate import validator
from diplograph.validate import (
    SH,
    ReportRow,
    ValidationReport,
    format_report,
    load_shapes,
    validate,
)

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "diplo.ttl"
SHAPES = ROOT / "ontology" / "diplo-shapes.ttl"
DATA = Path(__file__).resolve().parent / "data" / "shapes"
BASE = DATA / "base.ttl"
VALID = sorted((DATA / "valid").glob("*.ttl"))
INVALID = sorted((DATA / "invalid").glob("*.ttl"))
DSH = "https://w3id.org/diplograph/shapes#"
EXPECT = re.compile(
    r"^# expect: focus=<?(?P<focus>\S+?)>? path=(?P<path>\S+) component=(?P<component>\S+)$"
)
NOT_DATA = {DIP.Modality, DIP.Agent}  # an enumeration and an abstract role: never typed directly


def with_base(*paths: Path) -> Graph:
    """The base context plus the given fixture files, as one graph."""
    graph = Graph().parse(BASE)
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


def expected_row(path: Path) -> tuple[str, str, str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = EXPECT.match(first)
    assert match, f"{path.name}: first line must be '# expect: focus=... path=... component=...'"
    # "path=-": a constraint of the node itself (sh:or), whose result names no path
    return match["focus"], "" if match["path"] == "-" else match["path"], match["component"]


def shape_names(shapes: Graph) -> set[str]:
    return {str(s).removeprefix(DSH) for s in shapes.subjects(RDF.type, SH.NodeShape)}


# ---------------------------------------------------------------------------- both ways


def test_base_conforms(ontology: Graph, shapes: Graph) -> None:
    report = validate(with_base(), ontology, shapes)
    assert report.rows == ()
    assert report.conforms


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_fixture_conforms(path: Path, shape_report) -> None:
    report = shape_report(path, validator())  # validate(with_base(path), ontology, shapes)
    assert report.rows == (), format_report(report)
    assert report.conforms


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_gives_exactly_its_result(path: Path, shape_report) -> None:
    report = shape_report(path, validator())  # validate(with_base(path), ontology, shapes)
    got = [(row.focus, row.path, row.component) for row in report.rows]
    assert got == [expected_row(path)], format_report(report)
    assert not report.conforms
    assert report.rows[0].severity == "Violation"
    assert report.rows[0].message


def test_there_are_enough_fixtures() -> None:
    assert len(VALID) >= 2
    assert len(INVALID) >= 35


def test_every_invalid_fixture_is_named_after_a_shape(shapes: Graph) -> None:
    names = shape_names(shapes)
    orphans = [p.name for p in INVALID if p.stem.split("--")[0] not in names or "--" not in p.stem]
    assert orphans == []


def test_every_shape_has_an_invalid_fixture(shapes: Graph) -> None:
    proven = {p.stem.split("--")[0] for p in INVALID}
    assert sorted(shape_names(shapes) - proven) == []


def test_valid_fixtures_instantiate_every_target_class(shapes: Graph) -> None:
    data = with_base(*VALID)
    typed = set(data.objects(None, RDF.type))
    targets = set(shapes.objects(None, SH.targetClass))
    assert sorted(targets - typed) == []


# ---------------------------------------------------------------------------- QA


def test_every_data_class_is_covered_by_a_shape(ontology: Graph, shapes: Graph) -> None:
    targets = set(shapes.objects(None, SH.targetClass))
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
    uncovered = [
        c.n3(ontology.namespace_manager)
        for c in sorted(classes - NOT_DATA)
        if not targets & set(ontology.transitive_objects(c, RDFS.subClassOf))
    ]
    assert uncovered == []


def test_shapes_are_named_and_documented(shapes: Graph) -> None:
    for node_shape in shapes.subjects(RDF.type, SH.NodeShape):
        assert str(node_shape).startswith(DSH)
        assert shapes.value(node_shape, RDFS.label) and shapes.value(node_shape, RDFS.comment)
        for prop in shapes.objects(node_shape, SH.property):
            assert isinstance(prop, URIRef), f"{node_shape}: property shapes are named IRIs"
            assert str(prop).startswith(f"{node_shape}-")
            assert shapes.value(prop, SH.message), f"{prop} has no sh:message"


# ---------------------------------------------------------------------------- the API


def test_dataset_is_validated_as_one_union_graph(ontology: Graph, shapes: Graph) -> None:
    """An event in one article's graph, attested from another graph, is attested."""
    fixture = DATA / "valid" / "every-class.ttl"
    dataset = Dataset()
    dataset.graph(URIRef("urn:x-test:base")).parse(BASE)
    events, attestations = Graph().parse(fixture), Graph()
    for triple in events.triples((None, DIP.attests, None)):
        events.remove(triple)
        attestations.add(triple)
    article_graph = dataset.graph(URIRef("urn:x-test:article"))
    for triple in events:
        article_graph.add(triple)
    for triple in attestations:
        dataset.graph(URIRef("urn:x-test:provenance")).add(triple)
    assert validate(dataset, ontology, shapes).conforms
    # The verdict is about the named graphs' triples, not an empty graph (a validation that
    # dropped them would conform too): without the provenance graph, every attested thing has
    # no source sentence and every attestation attests nothing.
    dataset.remove_graph(dataset.graph(URIRef("urn:x-test:provenance")))
    rows = validate(dataset, ontology, shapes).rows
    attested = sorted({str(o) for _, _, o in attestations})
    assert sorted(r.focus for r in rows if r.path == "^dip:attests") == attested
    assert len(attested) == 38
    assert [r.component for r in rows if r.path == "dip:attests"] == [
        "sh:MinCountConstraintComponent"
    ] * len({s for s, _, _ in attestations})
    assert len(rows) == 38 + 39


def test_rows_carry_source_and_sort(ontology: Graph, shapes: Graph) -> None:
    fixture = DATA / "invalid" / "LetterDeliveryShape--missing-sender.ttl"
    data = with_base(fixture, DATA / "invalid" / "VisitShape--missing-place.ttl")
    visit = URIRef("https://w3id.org/diplograph/id/event/visit-no-place")
    report = validate(data, ontology, shapes, sources={visit: "mappings/gold/visit.ttl"})
    assert report.rows == tuple(sorted(report.rows))
    assert [row.source for row in report.rows] == ["", "mappings/gold/visit.ttl"]
    assert isinstance(report, ValidationReport) and isinstance(report.rows[0], ReportRow)


def test_inverse_path_is_written_as_sparql(ontology: Graph, shapes: Graph) -> None:
    data = with_base(DATA / "invalid" / "EventShape--no-attestation.ttl")
    (row,) = validate(data, ontology, shapes).rows
    assert row.path == "^dip:attests"
    assert row.message == "The event has no source sentence: no dip:Attestation dip:attests it."


def test_format_report_names_focus_path_message_and_source(ontology: Graph, shapes: Graph) -> None:
    data = with_base(DATA / "invalid" / "VisitShape--missing-place.ttl")
    visit = URIRef("https://w3id.org/diplograph/id/event/visit-no-place")
    report = validate(data, ontology, shapes, sources={visit: "mappings/gold/000_x.ttl"})
    text = format_report(report)
    assert str(visit) in text
    assert "dip:place" in text
    assert "A visit has at least one dip:place, the place visited." in text
    assert "sh:MinCountConstraintComponent" in text
    assert "mappings/gold/000_x.ttl" in text
    assert format_report(validate(with_base(), ontology, shapes)).startswith("Conforms")


def test_load_shapes_reports_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\nsh:x sh:y", encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_shapes(broken)
    assert str(error.value) == (
        f"{broken}: malformed SHACL shapes (Turtle): the file ends in the middle of a statement"
    )
    with pytest.raises(InputError) as error:
        load_shapes(tmp_path / "missing.ttl")
    assert str(error.value) == f"{tmp_path / 'missing.ttl'}: cannot read: No such file or directory"


def test_checks_leave_the_data_graph_unchanged(built):
    from pathlib import Path

    from diplograph.build import load_ontology
    from diplograph.validate import run_checks

    root = Path(__file__).resolve().parents[1]
    data = analysis_graph(built.store)
    before = len(data)
    assert run_checks(data, load_ontology(root), root / "ontology" / "checks") == ()
    assert len(data) == before


def test_a_warning_is_reported_as_a_warning_and_the_data_does_not_conform(ontology):
    """SHACL's verdict: any result, of any severity, means the data does not conform; the row
    keeps the severity the shape gives (the project's shapes use Violation only, so this shape
    is made here)."""
    shapes = Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix dip: <https://w3id.org/diplograph/ontology#> .
<urn:x-test:shape> a sh:NodeShape ; sh:targetClass dip:Visit ;
    sh:property [ sh:path dip:place ; sh:minCount 1 ; sh:severity sh:Warning ;
                  sh:message "A visit should name its place."@en ] .""",
        format="turtle",
    )
    visit = URIRef("https://w3id.org/diplograph/id/event/v")
    data = Graph()
    data.add((visit, RDF.type, DIP.Visit))
    report = validate(data, ontology, shapes, sources={visit: "mappings/gold/v.ttl"})
    assert report == ValidationReport(
        False,
        (
            ReportRow(
                str(visit),
                "dip:place",
                "sh:MinCountConstraintComponent",
                "Warning",
                "A visit should name its place.",
                "mappings/gold/v.ttl",
            ),
        ),
    )
    assert format_report(report).splitlines()[:3] == [
        "Does not conform: 1 result(s).",
        "",
        f"Warning: {visit}",
    ]


def test_a_qa_check_row_names_the_node_that_uses_the_term_and_its_file(root):
    from diplograph.build import load_ontology
    from diplograph.validate import run_checks

    event = URIRef("https://w3id.org/diplograph/id/event/x")
    data = Graph()
    data.add((event, RDF.type, URIRef(str(DIP) + "MilitaryParde")))
    rows = run_checks(data, load_ontology(root), root / "ontology" / "checks", {event: "x.ttl"})
    assert rows == (
        ReportRow(
            "https://w3id.org/diplograph/ontology#MilitaryParde",
            "",
            "qa:undeclared-term-violation",
            "Violation",
            "every dip: term the data uses is declared in the ontology. (used by "
            "<https://w3id.org/diplograph/id/event/x>)",
            "x.ttl",
        ),
    )


SOURCED = """
@prefix dip: <https://w3id.org/diplograph/ontology#> .
@prefix id: <https://w3id.org/diplograph/id/> .
id:e1 a dip:Meeting , dip:Event .
id:e2 a dip:Event .
id:e3 a dip:Event .
id:e4 a dip:Event .
id:d1 a dip:Delegation .
id:p1 a dip:PositionHolding .
id:a1 dip:attests id:e1 ; dip:sentence id:s1 .
id:s1 dip:inArticle id:art1 .
id:a2 dip:attests id:e2 ; dip:sentence id:s2 .
id:a3 dip:attests id:e3 .
id:a4 dip:attests id:e4 , id:d1 ; dip:sentence id:s1 , id:s2 .
id:a5 dip:attests id:p1 ; dip:sentence id:s2 .
id:z dip:madeUpProperty id:e1 ; a dip:MadeUpClass .
id:b dip:madeUpProperty 3 ; a dip:MadeUpClass .
"""


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_the_source_and_declaration_checks_name_exactly_their_nodes_on_both_engines(
    root, engine, monkeypatch
):
    """event-without-source and undeclared-term, written so that Oxigraph answers them in time
    linear in the corpus (an OPTIONAL left unbound; the first user found before the
    declaration is tested), give the rows of their NOT EXISTS forms on either engine."""
    from diplograph.build import load_ontology
    from diplograph.validate import run_checks

    monkeypatch.setenv("DIPLOGRAPH_ENGINE", engine)
    data = Graph().parse(data=SOURCED, format="turtle")
    rows = run_checks(data, load_ontology(root), root / "ontology" / "checks")
    found = [(row.focus, row.component, row.message) for row in rows]
    ids, terms = "https://w3id.org/diplograph/id/", str(DIP)
    undeclared = "every dip: term the data uses is declared in the ontology. (used by id:b)"
    sourced = "every event, delegation and position holding has an attestation"
    assert found == [
        (f"{ids}e2", "qa:event-without-source-violation", sourced),
        (f"{ids}e3", "qa:event-without-source-violation", sourced),
        (f"{ids}p1", "qa:event-without-source-violation", sourced),
        (f"{terms}MadeUpClass", "qa:undeclared-term-violation", undeclared),
        (f"{terms}madeUpProperty", "qa:undeclared-term-violation", undeclared),
    ]
