"""The notebook path: a project's stored queries and its graph as pandas DataFrames and an rdflib
Dataset, for researchers working in Jupyter.

Reads the build folder (or builds in memory when it is missing or stale, built.py), the stored
queries (queries.py) and notebook-queries/ (events.rq, entities.rq, statements.rq); writes the
build folder only through `build`. pandas is needed only by the functions that return DataFrames
(the `notebook` extra) and is imported there. `import diplograph` gives the functions of this
module's last part (`build`, `open`, `query`, `sparql`, `events`, `entities`, `statements`),
working on the project last built or opened:

    import diplograph
    diplograph.open(".")                      # or diplograph.build(".")
    df = diplograph.query("events-on-date", date="2023-07-26")
    events = diplograph.events()
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

NOTEBOOK_QUERIES = Path(__file__).with_name("notebook-queries")
EVENT_COLUMNS = ("kind", "date", "parties", "place", "article", "sentence", "modality", "event")
ENTITY_COLUMNS = ("type", "label", "qid", "events", "entity")
STATEMENT_COLUMNS = (
    "kind",
    "speaker",
    "target",
    "content",
    "date",
    "modality",
    "article",
    "sentence",
    "statement",
)


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
        self.summary: dict | None = None  # the build's summary, when `build` made it

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

    def events(self) -> pandas.DataFrame:
        """Every event with its kind, date, parties, place, and one row per article and
        sentence that reports it (with the modality the article gives it); parties and
        places joined by "; ", rows in date order (undated last), then by event IRI."""
        import pandas

        keys = ("event", "kind", "date", "article", "sentence", "modality")
        gathered = _gathered(self._notebook_query("events"), keys, ("party", "place"))
        rows = [
            (kind, when, parties, places, article, text, modality, event)
            for (event, kind, when, article, text, modality), (parties, places) in gathered
        ]
        rows.sort(key=lambda r: (r[1] is None, str(r[1]), r[7], r[4], r[5], r[6]))
        return pandas.DataFrame(rows, columns=list(EVENT_COLUMNS))

    def _notebook_query(self, name: str) -> QueryResult:
        """Run the notebook query notebook-queries/NAME.rq on the asserted graph."""
        path = NOTEBOOK_QUERIES / f"{name}.rq"
        stored = parse_query(path, path.read_text(encoding="utf-8"))
        return run_query(self.store, stored, {}, False, None)

    def entities(self) -> pandas.DataFrame:
        """Every person, organisation, country, place and piece of materiel with its type,
        label, Wikidata QID (None if not linked) and the number of events it takes part in or
        is the place of; rows by type, then label.

        >>> table = seeds.entities()
        >>> len(table), list(table.columns)
        (54, ['type', 'label', 'qid', 'events', 'entity'])
        >>> table[table["label"] == "Kim Jong Un"].iloc[0].tolist()[:4]
        ['person', 'Kim Jong Un', 'Q56226', 11]
        """
        import pandas

        result = self._notebook_query("entities")
        rows = []
        for row in result.rows:
            cell = dict(zip(result.variables, map(to_python, row), strict=True))
            rows.append(tuple(cell[c] for c in ENTITY_COLUMNS))
        rows.sort(key=lambda r: (r[0], r[1], r[4]))
        return pandas.DataFrame(rows, columns=list(ENTITY_COLUMNS), dtype=object)

    def statements(self) -> pandas.DataFrame:
        """Every statement (support, criticism, accusation, denial, pledge, threat...) with its
        kind, speakers and targets (joined by "; "), the event it is about (its IRI), date, and
        one row per article and sentence that reports it with the modality the article gives
        it; rows in date order (undated last), then by statement IRI.

        >>> table = seeds.statements()
        >>> len(table), table["statement"].nunique()
        (21, 18)
        >>> table[table["kind"] == "denial"].iloc[0].tolist()[:3]
        ['denial', 'North Korea; Russia', '']
        """
        import pandas

        keys = ("statement", "kind", "content", "date", "modality", "article", "sentence")
        gathered = _gathered(self._notebook_query("statements"), keys, ("speaker", "target"))
        rows = [
            (kind, speakers, targets, content, when, modality, article, text, statement)
            for (statement, kind, content, when, modality, article, text), (
                speakers,
                targets,
            ) in gathered
        ]
        rows.sort(key=lambda r: (r[4] is None, str(r[4]), r[8], r[6], r[7], r[5]))
        return pandas.DataFrame(rows, columns=list(STATEMENT_COLUMNS), dtype=object)

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


# ----------------------------------------------------------- `import diplograph`: one project

_current: list[Project] = []  # the project last built or opened


def _is_project(folder: Path) -> bool:
    """Whether a folder holds a project's marker files."""
    return any((folder / marker).is_file() for marker in paths.MARKERS)


def open(  # noqa: A001 (diplograph.open, as the notebook asks for it)
    path: str | Path | None = None, root: str | Path | None = None
) -> Project:
    """Open a project for the notebook functions. `path`: a project folder, or a build folder
    (one with a manifest.json) of the project `root`, by default its parent folder if that is a
    project, else the project open now, else the one found from the working directory; None:
    the project `root` or the one found from the working directory."""
    from diplograph.manifest import MANIFEST_FILE

    folder = Path(path).resolve() if path is not None else None
    if folder is not None and (folder / MANIFEST_FILE).is_file() and not _is_project(folder):
        if root is None and _is_project(folder.parent):
            root = folder.parent
        elif root is None:
            root = _current[0].root if _current else paths.project_root()
        project = Project(root, folder)
    else:
        project = Project(folder if folder is not None else root)
    _current[:] = [project]
    return project


def build(root: str | Path | None = None, out: str | Path | None = None) -> Project:
    """Build the project at `root` (None: found from the working directory) into its build
    folder `out` (None: out/), as `diplograph build` does, and open it; a graph that does not
    conform raises ValidationFailed with the report and writes nothing."""
    from diplograph.build import build as run_build
    from diplograph.build import write_build
    from diplograph.buildfolder import check_build_folder
    from diplograph.errors import ValidationFailed
    from diplograph.quarantine import format_quarantined
    from diplograph.validate import format_report

    project = Project(root, out)
    check_build_folder(project.out, project.root)
    result = run_build(project.root)
    report = format_report(result.report) + format_quarantined(result.quarantined)
    if not result.report.conforms:
        raise ValidationFailed(report)
    write_build(result, project.out, report + "\n", project.root)
    project._store = result.store
    project.summary = result.summary
    _current[:] = [project]
    return project


def current() -> Project:
    """The project last built or opened, else the one found from the working directory."""
    return _current[0] if _current else open()


def query(name: str, *, inference: bool = True, **params: Any) -> pandas.DataFrame:
    """Run a stored query of the current project (Project.query) as a DataFrame."""
    return current().query(name, inference=inference, **params)


def sparql(text: str, *, inference: bool = True) -> pandas.DataFrame | bool:
    """Run any SELECT or ASK on the current project (Project.sparql)."""
    return current().sparql(text, inference=inference)


def events() -> pandas.DataFrame:
    """The events of the current project (Project.events) as a DataFrame."""
    return current().events()


def entities() -> pandas.DataFrame:
    """The entities of the current project (Project.entities) as a DataFrame."""
    return current().entities()


def statements() -> pandas.DataFrame:
    """The statements of the current project (Project.statements) as a DataFrame."""
    return current().statements()


def _gathered(
    result: QueryResult, keys: tuple[str, ...], joined: tuple[str, ...]
) -> list[tuple[tuple, tuple[str, ...]]]:
    """The rows of a notebook query, one per value of the `keys` columns, with the values of
    each `joined` column gathered and joined by "; " (sorted)."""
    found: dict[tuple, tuple[set, ...]] = {}
    for row in result.rows:
        cell = dict(zip(result.variables, map(to_python, row), strict=True))
        values = found.setdefault(tuple(cell[k] for k in keys), tuple(set() for _ in joined))
        for name, value in zip(joined, values, strict=True):
            value.update([cell[name]] if cell[name] else [])
    return [(key, tuple("; ".join(sorted(v)) for v in values)) for key, values in found.items()]
