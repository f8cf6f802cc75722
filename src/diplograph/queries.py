"""Stored queries: reads queries/*.rq (a parsed header and the SPARQL text) and runs them with
bound parameters.

Header lines, each `# key: value`: `title`, `question`, `params` (`none`, or `;`-separated
`NAME TYPE, example VALUE` for a required parameter or `NAME TYPE, default VALUE` for an optional
one; TYPE is xsd:date, xsd:string, xsd:integer or iri) and `inference` (`required` or
`not needed`, optionally followed by the reason in parentheses). Parameters are bound as RDF
terms, never spliced into the query text.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from http.client import HTTPException
from pathlib import Path

from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from diplograph.errors import InputError, QueryTimeout, RemoteError, syntax_error
from diplograph.iris import iri_problem
from diplograph.namespaces import PREFIXES
from diplograph.querylimit import VARIABLE as LIMIT_VARIABLE
from diplograph.querylimit import QueryStopped, run_limited
from diplograph.store import QueryResult, Store, analysis_names, values_first

_HEADER = re.compile(r"^#\s*(title|question|params|inference)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(
    r"^(\w+)\s+(xsd:date|xsd:string|xsd:integer|iri)\s*,\s*(example|default)\s+(.+)$"
)
PARAM_TYPES = ("xsd:date", "xsd:string", "xsd:integer", "iri")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_DECLARED = re.compile(r"^\s*PREFIX\s+([\w.-]*):", re.IGNORECASE | re.MULTILINE)
log = logging.getLogger(__name__)
_SERVICE = re.compile(r"\bSERVICE\s+(?:SILENT\s+)?<([^>\s]+)>", re.IGNORECASE)


@dataclass(frozen=True)
class Param:
    """A query parameter: its name, type, example value, and whether it may be left out."""

    name: str
    type: str
    example: str
    optional: bool


@dataclass(frozen=True)
class StoredQuery:
    """One stored query: its CLI name (the file stem), header fields and SPARQL text."""

    name: str
    path: Path
    title: str
    question: str
    params: tuple[Param, ...]
    inference: bool
    text: str

    @property
    def examples(self) -> dict[str, str]:
        """The example value of every parameter."""
        return {p.name: p.example for p in self.params}


def _parse_params(value: str, path: Path) -> tuple[Param, ...]:
    """Parse the `params` header field."""
    if value.strip().lower() == "none":
        return ()
    params = []
    for part in value.split(";"):
        match = _PARAM.match(part.strip())
        if not match:
            raise InputError(f"{path}: bad params header part {part.strip()!r}")
        name, kind, how, example = match.groups()
        params.append(Param(name, kind, example.strip(), how == "default"))
    return tuple(params)


def parse_query(path: Path, text: str | None = None, header: bool = True) -> StoredQuery:
    """Read a query file (or its given text) and its header; with `header` False a file with
    no header line at all is a query without parameters, titled by its name."""
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise syntax_error(path, exc, "query") from exc
    fields: dict[str, str] = {}
    for line in text.splitlines():
        if match := _HEADER.match(line):
            fields[match.group(1)] = match.group(2)
    if not fields and not header:
        return StoredQuery(path.stem, path, path.name, "", (), False, text)
    missing = [k for k in ("title", "question", "params", "inference") if k not in fields]
    if missing:
        raise InputError(f"{path}:1: header lacks {', '.join(missing)}")
    need = fields["inference"].split("(")[0].strip()
    if need not in ("required", "not needed"):
        raise InputError(f"{path}: inference must be 'required' or 'not needed'")
    return StoredQuery(
        path.stem,
        path,
        fields["title"],
        fields["question"],
        _parse_params(fields["params"], path),
        need == "required",
        text,
    )


def load_queries(folder: Path) -> list[StoredQuery]:
    """Every stored query of a folder, sorted by name."""
    return [parse_query(p) for p in sorted(folder.glob("*.rq"))]


def list_queries(folder: Path) -> list[StoredQuery]:
    """Every stored query of a folder whose header parses, sorted by name; each one that does
    not is skipped with a one-line warning naming the file and the problem."""
    found = []
    for path in sorted(folder.glob("*.rq")):
        try:
            found.append(parse_query(path))
        except InputError as exc:
            log.warning("skipped %s", exc)
    return found


def query_file(argument: str) -> StoredQuery:
    """A query given by its path (ending in .rq) or as `-` (standard input); the header is
    optional, a broken one is an error naming the file."""
    if argument == "-":
        return parse_query(Path("<stdin>"), sys.stdin.read(), header=False)
    path = Path(argument)
    if not path.is_file():
        raise InputError(f"{argument}: no such query file")
    return parse_query(path, header=False)


def is_query_file(argument: str) -> bool:
    """Whether a `query` argument names a file (a path ending in .rq, or - for standard input)
    rather than a stored query.

    >>> is_query_file("letters-delivered"), is_query_file("../q.rq"), is_query_file("-")
    (False, True, True)
    """
    return argument == "-" or argument.endswith(".rq")


def get_query(folder: Path, name: str) -> StoredQuery:
    """One stored query by name (the stem of a file in the folder, never a path), or an error
    listing the close names."""
    if not _NAME.match(name) or ".." in name:
        raise InputError(
            f"{name!r} is not a stored query name: a name is the stem of a file in queries/ "
            "(see `diplograph queries`), never a path; a query file is run by its path ending "
            "in .rq"
        )
    path = folder / f"{name}.rq"
    if not path.is_file():
        close = [q.stem for q in sorted(folder.glob("*.rq")) if name in q.stem or q.stem in name]
        hint = (
            f"; did you mean {', '.join(close)}?" if close else "; `diplograph queries` lists them"
        )
        raise InputError(f"no stored query named {name!r}{hint}")
    return parse_query(path)


def expand_iri(value: str) -> URIRef:
    """An IRI from a full IRI or a prefixed name such as id:person/kim-jong-un; one that is no
    IRI (a space, a control character, one of <>"{}|^`\\) is an error.

    >>> expand_iri("id:person/kim-jong-un")
    rdflib.term.URIRef('https://w3id.org/diplograph/id/person/kim-jong-un')
    >>> expand_iri("id:a b")
    Traceback (most recent call last):
    ...
    diplograph.errors.InputError: 'id:a b' is not an IRI: it holds a space or control character
    """
    prefix, sep, rest = value.partition(":")
    if sep and prefix in PREFIXES and not rest.startswith("//"):
        iri = PREFIXES[prefix] + rest
    elif re.match(r"^[a-z][a-z0-9+.-]*://\S+$", value, re.I):
        iri = value
    else:
        raise InputError(f"{value!r} is not an IRI or a known prefixed name")
    if problem := iri_problem(iri):
        raise InputError(f"{value!r} is not an IRI: it holds {problem}")
    return URIRef(iri)


Resolve = Callable[[Param, str], URIRef]


def to_term(param: Param, value: str, resolve: Resolve | None = None) -> Node:
    """Convert a parameter's text value into a typed RDF term, checking it; an `iri` given as
    a Wikidata QID (wd:Q...) or a label is looked up by `resolve` (lookup.py), when given."""
    try:
        if param.type == "xsd:date":
            return Literal(date.fromisoformat(value), datatype=XSD.date)
        if param.type == "xsd:integer":
            return Literal(int(value), datatype=XSD.integer)
    except ValueError as exc:
        raise InputError(f"parameter {param.name}: {value!r} is not a valid {param.type}") from exc
    if param.type == "iri":
        if resolve is not None:
            from diplograph.lookup import lookup_kind

            if lookup_kind(value):
                return resolve(param, value)
        return expand_iri(value)
    return Literal(value)


def bind(
    query: StoredQuery, values: Mapping[str, str], resolve: Resolve | None = None
) -> dict[str, Node]:
    """The bindings for a run: given values, defaults for optional parameters, errors otherwise;
    `resolve` looks up an entity given by QID or label (without it, only IRIs are accepted)."""
    known = {p.name for p in query.params}
    unknown = sorted(set(values) - known)
    if unknown:
        raise InputError(f"query {query.name} has no parameter {', '.join(unknown)}")
    bindings = {}
    for param in query.params:
        if param.name in values:
            bindings[param.name] = to_term(param, values[param.name], resolve)
        elif param.optional:
            bindings[param.name] = to_term(param, param.example)
        else:
            raise InputError(
                f"query {query.name} needs --param {param.name}=VALUE ({param.type}, "
                f"e.g. {param.example})"
            )
    return bindings


def run_query(
    store: Store,
    query: StoredQuery,
    values: Mapping[str, str],
    inference: bool = True,
    seconds: float | None = None,
) -> QueryResult:
    """Run a stored query over every graph but the candidates, less the inferred one if asked,
    stopped after `seconds` (None: no limit; querylimit.py)."""
    from diplograph.lookup import resolver

    graphs = analysis_names(store, inference)
    lookup = resolver(lambda found, given: run_query(store, found, given, inference, seconds))
    bindings = bind(query, values, lookup)
    services = _SERVICE.findall(query.text)
    where = ", ".join(f"<{iri}>" for iri in services) or "its endpoint"
    try:
        return run_limited(lambda: store.query(query.text, bindings, graphs), seconds)
    except QueryStopped as stop:
        stopped = f"query {query.name} stopped after {stop.seconds:g} s (its limit)"
        # rdflib says whether a SERVICE call held the query; Oxigraph calls its endpoints
        # itself, so a federated query stopped there is taken as held by them
        if stop.remote or (services and getattr(store, "engine", "") != "rdflib"):
            raise RemoteError(
                f"{stopped}: the SERVICE endpoint {where} did not answer within it"
            ) from None
        raise QueryTimeout(
            f"{stopped}; set another with --timeout SECONDS or {LIMIT_VARIABLE} (0: none)"
        ) from None
    except InputError:
        raise
    except (OSError, HTTPException) as exc:  # a SERVICE endpoint: refused, unreachable, HTTP error
        raise RemoteError(f"{query.path}: the SERVICE endpoint {where} failed: {exc}") from exc
    except Exception as exc:  # a parse error in a stored query
        raise InputError(f"{query.path}: the query failed: {exc}") from exc


def with_prefixes(text: str) -> str:
    """The query text with a PREFIX line for each of the project's prefixes it does not declare,
    so that it runs on any SPARQL 1.1 store as `diplograph query` runs it.

    >>> with_prefixes("PREFIX dip: <x#>\\nASK {}").splitlines()[0]
    'PREFIX id: <https://w3id.org/diplograph/id/>'
    """
    declared = set(_DECLARED.findall(text))
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p not in declared]
    return "\n".join([*lines, text])


def with_values(text: str, bindings: Mapping[str, Node]) -> str:
    """The query text with its parameters bound by a VALUES block placed first in the outermost
    group (store.values_first), for a remote store.

    >>> with_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal("x")})
    'SELECT ?s WHERE { VALUES (?o) { ("x") }  ?s ?p ?o }'
    """
    return values_first(text, {name: term.n3() for name, term in bindings.items()})
