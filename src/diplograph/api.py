"""The notebook path: a project's stored queries and its graph as pandas DataFrames and an rdflib
Dataset, for researchers working in Jupyter.

Reads the build folder (or builds in memory when it is missing or stale, built.py), the stored
queries (queries.py); writes nothing. pandas is needed only by `query` and `sparql` (the
`notebook` extra) and is imported there.

    from diplograph.api import Project
    project = Project(".")
    df = project.query("events-on-date", date="2023-07-26")
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from rdflib import Dataset, Literal
from rdflib.term import Node

from diplograph import paths
from diplograph.errors import InputError
from diplograph.queries import get_query, list_queries, parse_query, run_query
from diplograph.store import QueryResult, Store, analysis_names

if TYPE_CHECKING:
    import pandas

log = logging.getLogger(__name__)


class QueryInfo(NamedTuple):
    """A stored query as a notebook lists it: its question and its parameters (name -> the
    example or default value)."""

    question: str
    params: dict[str, str]


def to_python(term: Node | None) -> Any:
    """A cell of a result: None for an unbound variable, a literal's Python value (a date, an
    int, a str), any other term (an IRI, a blank node) as its text.

    >>> from rdflib import XSD, URIRef
    >>> to_python(Literal("2023-07-26", datatype=XSD.date)), to_python(URIRef("https://x/y"))
    (datetime.date(2023, 7, 26), 'https://x/y')
    """
    if term is None:
        return None
    if isinstance(term, Literal):
        return term.toPython()
    return str(term)


def to_dataframe(result: QueryResult) -> pandas.DataFrame:
    """A SELECT result as a DataFrame: one column per variable in the query's order, a
    default index, cells converted by `to_python`."""
    import pandas

    rows = [[to_python(term) for term in row] for row in result.rows]
    return pandas.DataFrame(rows, columns=list(result.variables))


class Project:
    """A diplograph project folder as a notebook sees it; its store is opened on first use."""

    def __init__(self, root: str | Path | None = None, out: str | Path | None = None) -> None:
        """The project at `root` (None: found from the working directory) and its build folder
        `out` (None: the project's out/); a folder that is no project is an InputError."""
        if root is None:
            self.root = paths.project_root()
        else:
            self.root = Path(root).resolve()
            if not any((self.root / marker).is_file() for marker in paths.MARKERS):
                raise InputError(
                    f"{self.root}: not a diplograph project (no ontology/diplo.ttl or "
                    "mappings/entities.ttl)"
                )
        self.out = Path(out).resolve() if out is not None else paths.build_dir(self.root)
        self._store: Store | None = None

    def __repr__(self) -> str:
        """The project's folder."""
        return f"Project({str(self.root)!r})"

    @property
    def store(self) -> Store:
        """The project's built store: the build folder if up to date, else built in memory."""
        if self._store is None:
            from diplograph.built import current_store

            self._store, fresh = current_store(self.root, self.out)
            if fresh:
                log.info("no up-to-date build folder in %s: built in memory", self.out)
        return self._store

    def queries(self) -> dict[str, QueryInfo]:
        """The stored queries by name, sorted: each one's question and parameters."""
        return {
            q.name: QueryInfo(q.question, {p.name: p.example for p in q.params})
            for q in list_queries(paths.queries_dir(self.root))
        }

    def query(
        self, name: str, *, inference: bool = True, timeout: float | None = None, **params: Any
    ) -> pandas.DataFrame:
        """Run the stored query `name` with its parameters (`date="2023-07-26"`, a date, an
        int or an IRI as `id:...` text) as `diplograph query` does; the rows as a DataFrame."""
        stored = get_query(paths.queries_dir(self.root), name)
        values = {key: str(value) for key, value in params.items()}
        return to_dataframe(run_query(self.store, stored, values, inference, timeout))

    def sparql(
        self, text: str, *, inference: bool = True, timeout: float | None = None
    ) -> pandas.DataFrame | bool:
        """Run any SELECT (a DataFrame) or ASK (a bool) over the graph the stored queries
        answer from; the project's prefixes (dip:, id:, rdfs:, ...) need no PREFIX line."""
        stored = parse_query(Path("<sparql>"), text, header=False)
        result = run_query(self.store, stored, {}, inference, timeout)
        return result.boolean if result.boolean is not None else to_dataframe(result)

    def dataset(self, inference: bool = True) -> Dataset:
        """A copy of the graph the stored queries answer from as an rdflib Dataset: one named
        graph per article, the rule layers, the entities, the ontology and (unless
        `inference` is False) the inferred graph; the rule layer's candidates are left out."""
        dataset = Dataset()
        for name in analysis_names(self.store, inference):
            target = dataset.graph(name)
            for triple in self.store.graph(name):
                target.add(triple)
        return dataset
