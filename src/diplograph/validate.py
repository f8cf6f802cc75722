"""Validation stage: reads the built data graph, the ontology and the SHACL shapes; returns
report rows.

The data graph is validated as one union graph (a Dataset's named graphs are merged first, since
pySHACL would otherwise validate each named graph alone). The ontology is mixed in as pySHACL's
``ont_graph`` with no inference, so ``rdfs:subClassOf`` reaches subclasses and nothing else is
added; only its types and class hierarchy are mixed in (``shaclgate.axioms``), the rest being
read by no shape about the data. Rows come from pySHACL's results graph, never from its text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Collection as Nodes
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from diplograph.errors import InputError, syntax_error
from diplograph.iris import ONTOLOGY_GRAPH
from diplograph.namespaces import PREFIXES
from diplograph.shaclgate import axioms, finds_results, validator
from diplograph.store import Store, new_store

log = logging.getLogger(__name__)

SH = Namespace("http://www.w3.org/ns/shacl#")
DSH = "https://w3id.org/diplograph/shapes#"
_NAMESPACES = sorted(
    {**PREFIXES, "sh": str(SH), "dsh": DSH}.items(), key=lambda item: -len(item[1])
)
_PATH_SUFFIXES = {SH.zeroOrMorePath: "*", SH.oneOrMorePath: "+", SH.zeroOrOnePath: "?"}
_DATA_GRAPH = URIRef("urn:x-diplograph:graph/checked")  # the data a QA check run is given


@dataclass(frozen=True, order=True)
class ReportRow:
    """One SHACL result, flattened for tables and tests."""

    focus: str  # the focus node IRI (or "_:b..." for blank nodes)
    path: str  # the result path, prefixed where possible (e.g. "dip:date", "^dip:attests")
    component: str  # e.g. "sh:MinCountConstraintComponent"
    severity: str  # "Violation" | "Warning" | "Info"
    message: str
    source: str  # the mapping file the focus node came from ("" if unknown)
    shape: str = ""  # the shape broken, prefixed (e.g. "dsh:VisitShape-date"); "" for QA checks


@dataclass(frozen=True)
class ValidationReport:
    """Whether the data conforms (no result of any severity, as SHACL defines it) and the rows."""

    conforms: bool
    rows: tuple[ReportRow, ...]  # sorted


def load_shapes(path: Path) -> Graph:
    """Parse a Turtle shapes file; a missing or malformed file is an InputError naming it."""
    try:
        return Graph().parse(path, format="turtle")
    # rdflib's parsers raise BadSyntax, but also IndexError, ValueError... on truncated input
    except Exception as error:
        raise syntax_error(path, error, "SHACL shapes (Turtle)") from error


def validate(
    data: Graph,
    ontology: Graph,
    shapes: Graph,
    sources: Mapping[Node, str] | None = None,
) -> ValidationReport:
    """Validate ``data`` (as one union graph) against ``shapes``, with ``ontology`` mixed in."""
    union = _union(data)
    conforms, rows = shacl_rows(union, shapes, ontology, sources)
    log.debug("SHACL: %d triples, %d results", len(union), len(rows))
    return ValidationReport(conforms=conforms, rows=tuple(sorted(rows)))


def shacl_rows(
    data: Graph,
    shapes: Graph,
    ontology: Graph | None = None,
    sources: Mapping[Node, str] | None = None,
    focus: Nodes[Node] | None = None,
    own: bool = False,
) -> tuple[bool, list[ReportRow]]:
    """pySHACL's verdict on one plain graph (the ontology's axioms mixed in, if given) and its
    results as rows, unsorted; with `focus`, only the results about those focus nodes (the
    verdict is then about them too); `own`: the graph is the caller's to change (pySHACL then
    mixes the ontology into it instead of into a copy). With the `shacl` validator (the
    default) the Rust engine validates first, and pySHACL runs only if it finds something."""
    if focus is not None and not focus:
        return True, []
    ontology = axioms(ontology) if ontology is not None else None  # what the shapes read of it
    if validator() == "shacl" and not finds_results(data, shapes, ontology, focus):
        return True, []  # the fast engine finds nothing: nor would pySHACL (shaclgate.py)
    _index_constraint_parameters()
    try:
        if focus is not None and all(isinstance(n, URIRef) for n in focus):
            conforms, results = _validate_focus(data, shapes, ontology, focus, own)
        else:
            from pyshacl import validate as shacl_validate  # 0.25 s: only where the gate finds

            conforms, results, _ = shacl_validate(
                data,
                shacl_graph=shapes,
                ont_graph=ontology,
                inference="none",
                allow_warnings=False,
                inplace=own,
            )
    except TypeError as exc:  # pySHACL compares an ill-formed date with <= and fails
        raise _ill_formed_error(data, sources or {}, exc) from exc
    reports = results.subjects(RDF.type, SH.ValidationReport)
    found = [result for report in reports for result in results.objects(report, SH.result)]
    if focus is not None:
        found = [r for r in found if results.value(r, SH.focusNode) in focus]
    return bool(conforms), [_row(results, result, sources or {}) for result in found]


def _ill_formed_error(data: Graph, sources: Mapping[Node, str], exc: Exception) -> Exception:
    """The error for a run pySHACL could not finish: an InputError naming the first ill-formed
    literal of the data, its node and its source file, or the exception itself if none."""
    bad = sorted(
        (s, p, o) for s, p, o in data if isinstance(o, Literal) and getattr(o, "ill_typed", False)
    )
    if not bad:
        return exc
    node, predicate, value = bad[0]
    where = f"{sources[node]}: " if node in sources else ""
    return InputError(
        f"{where}<{node}> {_compact(predicate)} {value.n3()} is not a well-formed "
        f"{_compact(value.datatype)}: SHACL validation cannot compare it (pySHACL: {exc})"
    )


class _Parameters(list):
    """pySHACL's list of constraint parameters, whose membership test is a set's."""

    def __init__(self, items: list) -> None:
        """The list, and a set of its items."""
        super().__init__(items)
        self.members = frozenset(items)

    def __contains__(self, item: object) -> bool:
        """Whether the item is a constraint parameter, looked up in the set."""
        return item in self.members


def _index_constraint_parameters() -> None:
    """Make pySHACL look constraint parameters up in a set: for every shape and focus node it
    tests each predicate of the shape against its list of 40 parameters with rdflib's __eq__
    (5 million calls, about a fifth of the validation's CPU). The same list, in the same order,
    so the same results; it stays a list for pySHACL's other uses (copy, append)."""
    from pyshacl import shape
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP

    found = getattr(shape, "CONSTRAINT_PARAMS", (None, None))[0]
    if not isinstance(found, _Parameters):
        shape.CONSTRAINT_PARAMS = (
            _Parameters(list(ALL_CONSTRAINT_PARAMETERS)),
            CONSTRAINT_PARAMETERS_MAP,
        )


def _validate_focus(
    data: Graph, shapes: Graph, ontology: Graph | None, focus: Nodes[Node], own: bool
) -> tuple[bool, Graph]:
    """pySHACL on the given focus nodes only (IRIs): the others are never checked, so no
    result is made for them. pySHACL's option looks nodes up in a list; a set keeps it linear.
    The ontology is loaded as pySHACL's own entry point loads it."""
    from pyshacl import Validator
    from pyshacl.graph_abstraction import DataGraph
    from pyshacl.rdfutil.load import load_from_source

    class FocusValidator(Validator):
        """A validator whose focus nodes are a set."""

        def make_executor(self):  # noqa: ANN202 - pySHACL's own type
            executor = super().make_executor()
            executor.focus_nodes = frozenset(executor.focus_nodes or ()) or None
            return executor

    options = {
        "inference": "none",
        "allow_warnings": False,
        "focus_nodes": sorted(focus),
        "inplace": own,
    }
    loaded = None
    if ontology is not None:
        loaded = load_from_source(ontology, multigraph=True, do_owl_imports=False, logger=log)
    graph = DataGraph.from_rdflib(data)
    validator = FocusValidator(graph, shacl_graph=shapes, ont_graph=loaded, options=options)
    conforms, results, _ = validator.run()
    return bool(conforms), results


def format_report(report: ValidationReport) -> str:
    """Readable text: a verdict line, then one block per result row."""
    if report.conforms:
        return "Conforms: the data graph satisfies every shape."
    lines = [f"Does not conform: {len(report.rows)} result(s)."]
    for row in report.rows:
        lines += [
            "",
            f"{row.severity}: {row.focus}",
            f"  path:      {row.path or '(node)'}",
            f"  message:   {row.message}",
            f"  component: {row.component}",
            *([f"  shape:     {row.shape}"] if row.shape else []),
            f"  source:    {row.source or '(unknown)'}",
        ]
    return "\n".join(lines)


def _union(data: Graph) -> Graph:
    """The data as one plain graph: every triple of every named graph of a Dataset."""
    if not hasattr(data, "quads"):
        return data
    union = Graph()
    for s, p, o, _ in data.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _row(results: Graph, result: Node, sources: Mapping[Node, str]) -> ReportRow:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    severity = results.value(result, SH.resultSeverity)
    messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
    return ReportRow(
        focus=_node_text(focus),
        path="" if path is None else _path_text(results, path),
        component=_compact(results.value(result, SH.sourceConstraintComponent)),
        severity=str(severity).removeprefix(str(SH)) if severity is not None else "",
        message=" / ".join(messages),
        source=sources.get(focus, "") if focus is not None else "",
        shape=_shape_text(results.value(result, SH.sourceShape)),
    )


def _shape_text(shape: Node | None) -> str:
    """A named shape, prefixed; "" for a blank-node shape (its id changes from run to run)."""
    return _compact(shape) if isinstance(shape, URIRef) else ""


def _node_text(node: Node | None) -> str:
    """A focus node as text: the full IRI, or _:id for a blank node."""
    if node is None:
        return ""
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def _compact(node: Node | None) -> str:
    """A prefixed name where a known namespace fits (longest first), else <iri>."""
    if not isinstance(node, URIRef):
        return _node_text(node)
    iri = str(node)
    for prefix, namespace in _NAMESPACES:
        local = iri[len(namespace) :]
        if iri.startswith(namespace) and local and all(c.isalnum() or c in "_-" for c in local):
            return f"{prefix}:{local}"
    return f"<{iri}>"


def _path_text(graph: Graph, path: Node) -> str:
    """SPARQL property-path text for a SHACL path: ^p, p/q, p|q, p*, p+, p?."""
    if isinstance(path, URIRef):
        return _compact(path)
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + _path_text(graph, inverse)
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        items = Collection(graph, alternatives)
        return "(" + "|".join(_path_text(graph, item) for item in items) + ")"
    for predicate, suffix in _PATH_SUFFIXES.items():
        inner = graph.value(path, predicate)
        if inner is not None:
            return f"({_path_text(graph, inner)}){suffix}"
    if graph.value(path, RDF.first) is not None:
        items = Collection(graph, path)
        return "/".join(_path_text(graph, item) for item in items)
    return _node_text(path)


def _check_message(path: Path) -> str:
    """The message of a QA check: its header comment, after 'must return 0 rows):'."""
    first = path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip()
    return first.split("):", 1)[-1].strip() or path.stem


def run_checks(
    data: Graph, ontology: Graph, checks: Path, sources: Mapping[Node, str] | None = None
) -> tuple[ReportRow, ...]:
    """Rows for the QA checks over a graph and the ontology, run in a new store of the engine."""
    store = new_store()
    store.add_graph(_DATA_GRAPH, _union(data))
    store.add_graph(ONTOLOGY_GRAPH, ontology)
    return check_store(store, [_DATA_GRAPH, ONTOLOGY_GRAPH], checks, sources)


def check_store(
    store: Store,
    graphs: Sequence[URIRef],
    checks: Path,
    sources: Mapping[Node, str] | None = None,
    ask: Callable[[Path, str], str | None] | None = None,
) -> tuple[ReportRow, ...]:
    """Rows for the QA checks (checks/*-violation.rq) that return rows over the union of the
    store's given graphs; none when all pass.

    A check's first column is the offending node; a second column, if any, a node that uses it,
    whose source file is reported. `ask` gives the text to run for a check's path and text
    (None: skip it); an incremental build asks about some nodes only (incremental/checking.py).
    """
    rows = []
    for path in sorted(checks.glob("*-violation.rq")):
        text = path.read_text(encoding="utf-8")
        text = text if ask is None else ask(path, text)
        for answer in store.query(text, graphs=graphs).rows if text is not None else ():
            focus = answer[0]
            user = URIRef(answer[1]) if len(answer) > 1 else focus
            message = _check_message(path)
            if user != focus:
                message += f" (used by {_compact(user)})"
            source = (sources or {}).get(user, "")
            rows.append(
                ReportRow(_node_text(focus), "", f"qa:{path.stem}", "Violation", message, source)
            )
    return tuple(sorted(rows))
