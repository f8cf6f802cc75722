"""Output: renders results as a table, CSV or JSON; with cli.py, the only module that prints."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING

import click

from diplograph.names import PREFIXES

if TYPE_CHECKING:  # the store and the queries load when a command has a result to render
    from rdflib.term import Node

    from diplograph.queries import Param, StoredQuery
    from diplograph.store import Answers, QueryResult
    from diplograph.store.protocol import JsonTerm

RESULT_FORMATS = ("table", "csv", "json")
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def compact(term: Node | None) -> str:
    """A short readable form of a term: prefixed IRI, or a literal's lexical form.

    >>> from rdflib import URIRef
    >>> compact(URIRef("https://w3id.org/diplograph/id/person/kim-jong-un"))
    'id:person/kim-jong-un'
    """
    if term is None:
        return ""
    from rdflib import URIRef  # a term is an rdflib term: rdflib is loaded

    return short_iri(str(term)) if isinstance(term, URIRef) else str(term)


def short_iri(iri: str) -> str:
    """An IRI as a prefixed name if one of the project's prefixes fits, else as it is.

    >>> short_iri("https://w3id.org/diplograph/ontology#Visit"), short_iri("urn:x")
    ('dip:Visit', 'urn:x')
    """
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _short(term: JsonTerm | None) -> str:
    """`compact` of a SPARQL 1.1 JSON term."""
    if term is None:
        return ""
    return short_iri(term["value"]) if term["type"] == "uri" else term["value"]


def as_answers(result: QueryResult | Answers) -> Answers:
    """A result's answers as SPARQL 1.1 JSON terms."""
    from diplograph.store import Answers
    from diplograph.store.terms import json_of_rdflib

    if isinstance(result, Answers):
        return result
    rows = tuple(
        tuple(None if term is None else json_of_rdflib(term) for term in row) for row in result.rows
    )
    return Answers(result.variables, rows, result.boolean)


def to_table(result: QueryResult | Answers) -> str:
    """An aligned text table with a header row."""
    result = as_answers(result)
    if result.boolean is not None:
        return "yes" if result.boolean else "no"
    cells = [list(result.variables)] + [[_short(v) for v in row] for row in result.rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(result.variables))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines)


def to_csv(result: QueryResult | Answers, short: bool = False) -> str:
    """SPARQL 1.1 CSV results (full IRIs), or compact values when short is set."""
    result = as_answers(result)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_short(v) if short else ("" if v is None else v["value"]) for v in row])
    return buffer.getvalue()


def to_json(result: QueryResult | Answers) -> str:
    """SPARQL 1.1 Query Results JSON."""
    result = as_answers(result)
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean}, indent=2)
    bindings = [
        {var: v for var, v in zip(result.variables, row, strict=True) if v is not None}
        for row in result.rows
    ]
    data = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(data, indent=2, ensure_ascii=False)


def render(result: QueryResult | Answers, fmt: str) -> str:
    """A result in one of the RESULT_FORMATS."""
    return {"table": to_table, "csv": to_csv, "json": to_json}[fmt](result)


def query_list(queries: list[StoredQuery]) -> str:
    """The stored queries, one per line with its question, parameters and inference need."""
    lines = []
    for query in queries:
        params = "; ".join(param_text(p) for p in query.params) or "none"
        flag = " [inference]" if query.inference else ""
        lines.append(f"{query.name}{flag}\n    {query.question}\n    params: {params}")
    return "\n".join(lines)


def param_text(param: Param) -> str:
    """How to give a parameter: required with an example, or optional with its default.

    >>> from diplograph.queries import Param
    >>> param_text(Param("date", "xsd:date", "2023-07-26", False))
    'date (xsd:date, required, e.g. 2023-07-26)'
    >>> param_text(Param("source", "iri", "id:org/kcna", True))
    'source (iri, optional, default id:org/kcna)'
    """
    how = (
        f"optional, default {param.example}"
        if param.optional
        else f"required, e.g. {param.example}"
    )
    return f"{param.name} ({param.type}, {how})"


def summary_text(summary: dict, out: str) -> str:
    """The one-screen summary of a build."""
    kinds = summary["events_per_kind"]
    width = max((len(k) for k in kinds), default=0)
    lines = [
        f"diplograph build -> {out}",
        f"  articles             {summary['articles']}",
        f"  triples asserted     {summary['triples_asserted']}",
        f"  triples inferred     {summary['triples_inferred']}",
        f"  attestations         {summary['attestations']}",
        f"  events               {summary['events']}",
        *(f"    {k.ljust(width)}  {n}" for k, n in kinds.items()),
        f"  mapped by rules only {summary['rule_layer_articles']} article(s)",
        f"  rule candidates      {summary['rule_layer_candidates']} (see `diplograph review`)",
        f"  validation           {'conforms' if summary['conforms'] else 'DOES NOT CONFORM'}"
        f" ({summary['violations']} violation(s))",
        f"  quarantined          {len(summary['quarantined'])} article(s)",
        *(f"    {item['article']}" for item in summary["quarantined"]),
    ]
    return "\n".join(lines)


def echo(text: str, err: bool = False) -> None:
    """Print text to standard output (or error)."""
    click.echo(text, err=err)


class StderrHandler(logging.Handler):
    """A logging handler that prints `warning: message` lines on standard error."""

    def emit(self, record: logging.LogRecord) -> None:
        """Print one record, prefixed by its level."""
        click.echo(f"{record.levelname.lower()}: {record.getMessage()}", err=True)


@contextlib.contextmanager
def warnings_on_stderr(logger: str = "diplograph") -> Iterator[None]:
    """Show the package's warnings on standard error while a command runs."""
    handler = StderrHandler(logging.WARNING)
    log = logging.getLogger(logger)
    log.addHandler(handler)
    try:
        yield
    finally:
        log.removeHandler(handler)


def titled_lists(sections: list[tuple[str, list[str]]]) -> list[str]:
    """Lines of titled lists: a blank line, "title: count", then each item indented."""
    lines: list[str] = []
    for title, items in sections:
        lines += ["", f"{title}: {len(items)}"] + [f"  {item}" for item in items]
    return lines
