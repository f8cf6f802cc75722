"""Command line: parses arguments, calls one function per command, renders through output.py.

Exit codes (pySHACL's contract): 0 ok, 1 the data does not conform, 2 usage or input error
naming the file and line or node (a refused system call too: disk full, read-only), 3 a remote
endpoint failed, 4 built with warnings (articles quarantined: their rule layer left out),
5 a query ran past its time limit (`query --timeout`), 130 interrupted (SIGINT), 143 terminated
(SIGTERM; `python -m diplograph` and the console script make it behave like SIGINT). Every error
is one line on stderr; `--debug` re-raises it with its traceback instead.

Each command imports the stages it runs when it runs: `diplograph --help` loads neither rdflib,
spaCy, pySHACL nor owlrl (docs/decisions/20261202-rule-cache-and-startup.md).
"""

from __future__ import annotations

import errno
import importlib
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from diplograph import __version__, paths
from diplograph.cli_add import add
from diplograph.cli_extract import evaluate, extract, review
from diplograph.cli_init import init
from diplograph.cli_wikidata import enrich_command, link
from diplograph.errors import EXIT_INTERRUPTED, EXIT_TERMINATED, DiplographError, Terminated
from diplograph.shaclgate import VALIDATOR_VARIABLE, VALIDATORS
from diplograph.startup import importing

ENGINES = ("oxigraph", "rdflib")  # store.ENGINES, named here so that --help imports no engine

if TYPE_CHECKING:
    from diplograph.answerpages import Page
    from diplograph.build import BuildResult
    from diplograph.queries import StoredQuery
    from diplograph.store import QueryResult


def _root(ctx: click.Context) -> Path:
    """The project folder chosen with --root, or found from the working directory."""
    return ctx.obj["root"]


def _out(ctx: click.Context, out: Path | None) -> Path:
    """The build folder: --out, or the project's default."""
    return out if out is not None else paths.build_dir(_root(ctx))


class LazyChoice(click.Choice):
    """A click.Choice whose choices are a constant of a module imported on first use (the
    module that owns them, without importing it at start-up)."""

    def __init__(self, module: str, name: str, extra: tuple[str, ...] = ()) -> None:
        self.source, self.extra, self.case_sensitive = (module, name), extra, True

    @property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        """The module's constant, then the extra choices."""
        module, name = self.source
        return (*getattr(importlib.import_module(module), name), *self.extra)


def _echo(text: str, err: bool = False) -> None:
    """Print through output.py (imported when there is something to print)."""
    from diplograph.output import echo

    echo(text, err=err)


OUT_OPTION = click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Build folder (default: out/ in the project).",
)


def _failure(exc: BaseException) -> tuple[str, int]:
    """The one-line message and exit code of an error that ends a command."""
    if isinstance(exc, DiplographError):
        return str(exc), exc.exit_code
    if isinstance(exc, Terminated):
        return "terminated", EXIT_TERMINATED
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted", EXIT_INTERRUPTED
    if isinstance(exc, OSError) and exc.strerror:
        return (f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror), 2
    return f"unexpected {type(exc).__name__}: {exc} (run with --debug for the traceback)", 1


class DiplographGroup(click.Group):
    """A command group that reports every error as one line on stderr with its exit code
    (a DiplographError its own, an OSError 2, an interrupt 130 or 143, anything else 1), or,
    with --debug, re-raises it."""

    def invoke(self, ctx: click.Context) -> object:
        """Run the command; map an error to its message and exit code."""
        try:
            with importing():  # output.py imports rdflib
                from diplograph.output import warnings_on_stderr
            with warnings_on_stderr():
                return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except (Exception, KeyboardInterrupt) as exc:
            if ctx.params.get("debug") or getattr(exc, "errno", None) == errno.EPIPE:
                raise  # --debug: the traceback; a closed pipe: click's own quiet exit
            message, code = _failure(exc)
            _echo(f"error: {message}", err=True)
            ctx.exit(code)


class _Settings(dict):
    """The commands' ctx.obj: `root` is found from the working directory when a command first
    asks for it, so that --help and --version need no project."""

    def __missing__(self, key: str) -> object:
        """Find the project folder on first use."""
        if key != "root":
            raise KeyError(key)
        self["root"] = paths.project_root()
        return self["root"]


@click.group(cls=DiplographGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="diplograph")
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Project folder with ontology/, seeds/, mappings/, queries/ (default: found from cwd).",
)
@click.option("--debug", is_flag=True, help="On an error, show its Python traceback.")
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    envvar="DIPLOGRAPH_ENGINE",
    default=None,
    help="The engine that holds the graph: oxigraph (default) or rdflib (the reference). "
    "Environment: DIPLOGRAPH_ENGINE.",
)
@click.option(
    "--validator",
    type=click.Choice(VALIDATORS),
    envvar=VALIDATOR_VARIABLE,
    default=None,
    help="The SHACL validator: shacl (default: a Rust engine checks first, pySHACL writes the "
    "rows of whatever it finds) or pyshacl (pySHACL alone). Environment: DIPLOGRAPH_VALIDATOR.",
)
@click.pass_context
def cli(
    ctx: click.Context, root: Path | None, debug: bool, engine: str | None, validator: str | None
) -> None:
    """Turn news about diplomacy into a validated, inferred, queryable knowledge graph."""
    if not debug:  # an ill-formed literal is reported by validation, naming its node and file;
        logging.getLogger("rdflib.term").setLevel(logging.ERROR)  # not as rdflib's traceback
    if engine:
        os.environ["DIPLOGRAPH_ENGINE"] = engine  # read by store.new_store, here and in workers
    if validator:
        os.environ[VALIDATOR_VARIABLE] = validator  # read by validate.shacl_rows, and in workers
    ctx.obj = _Settings(root=root.resolve()) if root else _Settings()


TIMEOUT_OPTION = click.option(
    "--article-timeout",
    type=click.FloatRange(min=0),
    envvar="DIPLOGRAPH_ARTICLE_TIMEOUT",
    default=60.0,
    show_default=True,
    metavar="SECONDS",
    help="Time limit of one article's rule layer; an article over it is quarantined (0: none). "
    "Environment: DIPLOGRAPH_ARTICLE_TIMEOUT.",
)


MEMORY_OPTION = click.option(
    "--article-memory",
    type=click.IntRange(min=0),
    envvar="DIPLOGRAPH_ARTICLE_MEMORY",
    default=2048,
    show_default=True,
    metavar="MIB",
    help="Memory the rule layer may add to the build (MiB); an article that needs more is "
    "quarantined (0: none). Environment: DIPLOGRAPH_ARTICLE_MEMORY.",
)


def _report(result: BuildResult) -> str:
    """The validation report of a build, with the articles it quarantined."""
    from diplograph.quarantine import format_quarantined
    from diplograph.validate import format_report

    return format_report(result.report) + format_quarantined(result.quarantined)


def _incremental(
    ctx: click.Context,
    target: Path,
    article_timeout: float,
    article_memory: int,
    jobs: int,
    scheduler: str | None,
) -> BuildResult | None:
    """The build folder brought up to date with the articles that changed (incremental/), or
    None when it must be built in full (said on stderr when the folder holds a build)."""
    from diplograph.errors import DiplographError
    from diplograph.incremental import STATE_FILE, FullBuildNeeded, incremental_build
    from diplograph.output import echo

    if not (target / STATE_FILE).is_file():
        return None
    try:
        result = incremental_build(
            _root(ctx), target, article_timeout, article_memory, jobs, scheduler
        )
    except FullBuildNeeded as reason:
        if not reason.quiet:  # else the full build fails with the error itself
            echo(f"full build: {reason}", err=True)
        return None
    except (DiplographError, OSError):
        raise  # the project's or the system's error: a full build would meet it too
    except Exception as exc:  # a fault of the incremental build: the full build is the oracle
        logging.getLogger(__name__).debug("incremental build failed", exc_info=True)
        echo(f"full build: the incremental build failed ({type(exc).__name__}: {exc})", err=True)
        return None
    echo(
        f"incremental build: {len(result.redone)} changed article(s) done again, the rest "
        f"kept from {target}",
        err=True,
    )
    return result


def _cores() -> int:
    """The number of cores this process may run on (the default of --jobs)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@cli.command()
@OUT_OPTION
@TIMEOUT_OPTION
@MEMORY_OPTION
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    envvar="DIPLOGRAPH_JOBS",
    default=_cores,
    show_default="the number of cores",
    help="Processes that map the articles by the rules and validate them (1: in one worker, "
    "as before). Environment: DIPLOGRAPH_JOBS.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    envvar="DIPLOGRAPH_SCHEDULER",
    default=None,
    help="Map the articles on a Dask cluster: a scheduler's address (tcp://host:8786), or "
    "local:N for N local worker processes (needs diplograph[dask]; docs/scaling.md).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show the stage, articles done and their rate on stderr (default: when it is a terminal).",
)
@click.option(
    "--full",
    is_flag=True,
    help="Build every article again, even where the build folder could be brought up to date "
    "with the articles that changed alone.",
)
@click.pass_context
def build(
    ctx: click.Context,
    out: Path | None,
    article_timeout: float,
    article_memory: int,
    jobs: int,
    scheduler: str | None,
    progress: bool | None,
    full: bool,
) -> None:
    """Map the seeds into a validated, inferred graph and write it to the build folder.

    When the build folder holds a build and only articles changed (added, edited or removed),
    only those and what they touch are done again (an incremental build, the same outputs);
    --full builds everything. An article that cannot be read, whose rule layer fails or runs
    out of time or memory, or whose rule layer breaks a shape is quarantined: the build goes
    on without its rule layer, writes it to OUT/quarantine/STEM.ttl and exits 4. A hand
    mapping that breaks a shape fails the build (1).
    """
    with importing():
        from diplograph.build import build as run_build
        from diplograph.build import write_build
        from diplograph.buildfolder import check_build_folder
        from diplograph.errors import EXIT_NONCONFORMING, EXIT_WARNINGS
        from diplograph.output import echo, summary_text
        from diplograph.progress import showing
        from diplograph.quarantine import FOLDER

    target = _out(ctx, out)
    check_build_folder(target, _root(ctx))
    with showing(sys.stderr, progress):
        result = (
            None
            if full
            else _incremental(ctx, target, article_timeout, article_memory, jobs, scheduler)
        )
        if result is None:
            result = run_build(_root(ctx), article_timeout, article_memory, jobs, scheduler)
        report = _report(result)
        if result.report.conforms and not result.incremental:
            write_build(result, target, report + "\n", _root(ctx))
    if not result.report.conforms:
        echo(report, err=True)
        echo(f"build failed: nothing written to {target}", err=True)
        sys.exit(EXIT_NONCONFORMING)
    echo(summary_text(result.summary, str(target)))
    if result.quarantined:
        echo(
            f"built with warnings: {len(result.quarantined)} article(s) quarantined, their rule "
            f"layer left out (see {target / FOLDER})",
            err=True,
        )
        sys.exit(EXIT_WARNINGS)


@cli.command()
@TIMEOUT_OPTION
@MEMORY_OPTION
@click.pass_context
def validate(ctx: click.Context, article_timeout: float, article_memory: int) -> None:
    """Validate the graph against the SHACL shapes; exit 1 on any violation of what the build
    keeps, 4 when it conforms but articles were quarantined."""
    with importing():
        from diplograph.build import build as run_build
        from diplograph.errors import EXIT_NONCONFORMING, EXIT_OK, EXIT_WARNINGS
        from diplograph.output import echo

    result = run_build(_root(ctx), article_timeout, article_memory)
    echo(_report(result))
    if not result.report.conforms:
        sys.exit(EXIT_NONCONFORMING)
    sys.exit(EXIT_WARNINGS if result.quarantined else EXIT_OK)


@cli.command()
@click.pass_context
def queries(ctx: click.Context) -> None:
    """List the stored queries with their questions and the parameters each needs; a query
    whose header is broken is skipped with a warning naming its file."""
    with importing():
        from diplograph.output import echo, query_list
        from diplograph.queries import list_queries

    echo(query_list(list_queries(paths.queries_dir(_root(ctx)))))


ENDPOINT_HELP = "SPARQL 1.1 query endpoint of a remote store (e.g. http://127.0.0.1:7878/query)."


@cli.command()
@click.argument("name")
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A parameter value, e.g. --param date=2023-07-26 (repeatable).",
)
@click.option(
    "--format",
    "fmt",
    type=LazyChoice("diplograph.output", "RESULT_FORMATS"),
    default="table",
    show_default=True,
    help="Result format (csv and json follow SPARQL 1.1 results).",
)
@click.option("--no-inference", is_flag=True, help="Query the asserted triples only.")
@click.option("--endpoint", default=None, metavar="URL", help=ENDPOINT_HELP)
@click.option(
    "--qids",
    is_flag=True,
    help="After each column holding linked entities, a COLUMN_qid column with their Wikidata QID.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    envvar="DIPLOGRAPH_QUERY_TIMEOUT",
    default=30.0,
    show_default=True,
    metavar="SECONDS",
    help="Time limit of the query, SERVICE calls included; a query over it is stopped (exit 5, "
    "or 3 when a SERVICE endpoint held it; 0: none). Environment: DIPLOGRAPH_QUERY_TIMEOUT.",
)
@click.option(
    "--page",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Show page N of the answer (a stored query without parameters shows page 1 unless "
    "--all; its pages are precomputed by the full build, or kept by the first request).",
)
@click.option(
    "--page-size",
    type=click.IntRange(min=1),
    default=None,
    metavar="K",
    help="Rows a page (default 100).",
)
@click.option("--all", "all_rows", is_flag=True, help="Show every row, not a page.")
@OUT_OPTION
@click.pass_context
def query(
    ctx: click.Context,
    name: str,
    params: tuple[str, ...],
    fmt: str,
    no_inference: bool,
    endpoint: str | None,
    qids: bool,
    timeout: float,
    page: int | None,
    page_size: int | None,
    all_rows: bool,
    out: Path | None,
) -> None:
    """Run the stored query NAME (see `diplograph queries`), or a query file given by its path
    ending in .rq, or `-` for a query on standard input (the header is optional; the stored
    queries' prefixes are declared). A stored query without parameters lists the whole graph:
    it shows its first page (--page N, --page-size K, --all), read from the answers the build
    precomputed (after an incremental build: the first request runs it and keeps its answer),
    and says how many rows and pages there are."""
    with importing():
        from diplograph.answerpages import PAGE_SIZE, page_note, page_of, whole_list
        from diplograph.output import as_answers, echo, render
        from diplograph.queries import (
            answer_query,
            bind_terms,
            deferred,
            get_query,
            is_query_file,
            query_file,
            run_query,
        )
        from diplograph.querylimit import query_limit

    values = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{item!r} is not KEY=VALUE", param_hint="--param")
        values[key.strip()] = value.strip()
    if all_rows and (page is not None or page_size is not None):
        raise click.BadParameter("--all shows every row: leave out --page", param_hint="--all")
    if is_query_file(name):
        stored = query_file(name)
    else:
        stored = get_query(paths.queries_dir(_root(ctx)), name)
    bind_terms(stored, values, deferred)  # checks the values before the store opens; QIDs and
    # labels are looked up when the query runs
    whole = not is_query_file(name) and whole_list(stored)
    paged = not all_rows and (whole or page is not None or page_size is not None)
    number, size = page or 1, page_size or PAGE_SIZE
    asked = page is not None or page_size is not None

    def show(shown: Page) -> None:
        """Print a page, and where it lies in the answer when there is more to see."""
        echo(render(shown.answers, fmt).rstrip("\n"))
        if paged and (shown.pages > 1 or asked):
            echo(page_note(shown, stored.name), err=True)

    current = None  # whether the build folder is up to date, once checked
    if whole and endpoint is None and not (qids or no_inference):
        from diplograph.answerpages import ENGINE, answer_now, read_page
        from diplograph.built import STORE_FOLDER, is_current
        from diplograph.store import engine_name

        folder = _out(ctx, out)
        current = is_current(_root(ctx), folder)
        if current:
            precomputed = read_page(folder, stored, number, size if paged else None)
            if precomputed is not None:
                show(precomputed)
                return
            if engine_name() == ENGINE and (folder / STORE_FOLDER).is_dir():
                answers, _ = answer_now(folder, stored, query_limit(timeout))  # and kept
                show(page_of(answers, number, size if paged else None, stored.name))
                return
    if endpoint is not None:
        if no_inference:
            raise click.BadParameter(
                "a remote store answers from every graph it holds", param_hint="--no-inference"
            )
        from diplograph.remote import run_remote

        def run(query: StoredQuery, values: dict) -> QueryResult:
            """Run a query on the remote store."""
            return run_remote(endpoint, query, values)
    else:
        from diplograph.built import current_store, load_build

        if current:  # up to date, checked above: its store, without checking again
            store, fresh = load_build(_out(ctx, out), _root(ctx)), False
        else:
            store, fresh = current_store(_root(ctx), _out(ctx, out))
        if fresh:
            echo("(no up-to-date build folder: built in memory)", err=True)

        def run(query: StoredQuery, values: dict) -> QueryResult:
            """Run a query on the embedded store."""
            return run_query(store, query, values, not no_inference, query_limit(timeout))

    if qids:
        from diplograph.qids import qid_map, with_qids

        result = with_qids(run(stored, values), qid_map(lambda links: run(links, {})))
    elif endpoint is None:  # answers as JSON terms: on Oxigraph, no rdflib is loaded
        result = answer_query(store, stored, values, not no_inference, query_limit(timeout))
    else:
        result = run(stored, values)
    show(page_of(as_answers(result), number, size if paged else None, stored.name))


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=LazyChoice("diplograph.export", "FORMATS", ("quickstatements",)),
    default="turtle",
    show_default=True,
    help="RDF format, or QuickStatements V1 for Wikidata editors (linked entities only).",
)
@click.option(
    "--layer",
    type=LazyChoice("diplograph.export", "LAYERS"),
    default="all",
    show_default=True,
    help="Asserted triples, inferred triples, or both.",
)
@click.option(
    "--with-ontology/--without-ontology",
    default=None,
    help="Include the ontology graph, which stored queries need on an external store "
    "(default: with it for --layer all, so that the default export is exactly the graph "
    "`query` answers from; without it for the other layers).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (default: standard output).",
)
@click.option(
    "--new-entities",
    is_flag=True,
    help="With --format quickstatements: also CREATE an item (label, P31) for each entity "
    "without a Wikidata link.",
)
@OUT_OPTION
@click.pass_context
def export(
    ctx: click.Context,
    fmt: str,
    layer: str,
    with_ontology: bool | None,
    output: Path | None,
    new_entities: bool,
    out: Path | None,
) -> None:
    """Export the graph as Turtle, TriG (one named graph per article), N-Triples, N-Quads (for a
    store's bulk loader) or JSON-LD.

    By default every layer but the rule layer's candidates, with the ontology: exactly the
    graph `diplograph query` answers from, to load into any SPARQL 1.1 store."""
    with importing():
        from diplograph.built import current_store
        from diplograph.cli_wikidata import quickstatements
        from diplograph.export import SUFFIXES, serialize
        from diplograph.output import echo
        from diplograph.writing import is_special, write_output

    store, _ = current_store(_root(ctx), _out(ctx, out))
    if fmt == "quickstatements":
        data = quickstatements(store, new_entities).encode("utf-8")
    else:
        ontology = layer == "all" if with_ontology is None else with_ontology
        data = serialize(store, fmt, layer, ontology)
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    if output.suffix == "" and not is_special(output):  # /dev/stdout is written as it is
        output = output.with_suffix(SUFFIXES.get(fmt, ".tsv"))
    write_output(output, data)
    echo(f"wrote {output} ({len(data)} bytes)", err=True)


@cli.command()
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="Graph Store Protocol URL of the store (Oxigraph: http://127.0.0.1:7878/store), or "
    "with --update its SPARQL Update URL.",
)
@click.option(
    "--update",
    is_flag=True,
    help="Replace each graph by SPARQL 1.1 Update (DROP SILENT GRAPH, INSERT), for a store "
    "without the Graph Store Protocol.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=60.0,
    show_default=True,
    metavar="SECONDS",
    help="Time limit of one request.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Retries of a request that failed (429, 5xx, connection).",
)
@click.option(
    "--prune",
    is_flag=True,
    help="Then drop the store's graphs under id:graph/ that the build no longer has (an "
    "article removed).",
)
@click.option(
    "--query-endpoint",
    default=None,
    metavar="URL",
    help="Query URL that lists the store's graphs for --prune (default: beside --endpoint, "
    ".../query for .../store, .../data or .../update; Virtuoso's .../sparql for "
    ".../sparql-graph-crud or .../sparql).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show the graphs pushed of all (default: when stderr is a terminal).",
)
@OUT_OPTION
@click.pass_context
def push(
    ctx: click.Context,
    endpoint: str,
    update: bool,
    timeout: float,
    retries: int,
    prune: bool,
    query_endpoint: str | None,
    progress: bool | None,
    out: Path | None,
) -> None:
    """Load the built graph into a SPARQL 1.1 store: one HTTP PUT per named graph (articles,
    rule layers, entities, inferred, Wikidata, ontology), or one SPARQL Update with --update,
    replacing each; exit 3 if the store fails, naming the graphs replaced so far (run push
    again to complete). --prune then drops the store's id:graph/ graphs the build lacks."""
    with importing():
        from diplograph.built import current_store
        from diplograph.output import echo
        from diplograph.progress import showing
        from diplograph.push import push as run_push
        from diplograph.push import short
        from diplograph.remote import check_url

    check_url(endpoint)
    if prune:
        from diplograph.prune import prune as run_prune
        from diplograph.prune import query_url_for

        query_endpoint = query_endpoint or query_url_for(endpoint)
        check_url(query_endpoint, "--query-endpoint")
    store, _ = current_store(_root(ctx), _out(ctx, out))
    with showing(sys.stderr, progress):
        pushed = run_push(
            store,
            endpoint,
            timeout,
            retries,
            done=lambda item: echo(f"replaced {short(item.graph)} ({item.triples} triples)"),
            update=update,
        )
    total = sum(item.triples for item in pushed)
    echo(f"pushed {len(pushed)} graph(s), {total} triples, to {endpoint}")
    if prune:
        kept = [str(item.graph) for item in pushed]
        dropped = run_prune(
            endpoint,
            query_endpoint,
            kept,
            timeout,
            retries,
            done=lambda graph: echo(f"dropped {short(graph)}"),
            update=update,
        )
        echo(f"dropped {len(dropped)} graph(s) the build no longer has")


@cli.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (another than 127.0.0.1 opens the endpoint to the network).",
)
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=30.0,
    show_default=True,
    metavar="SECONDS",
    help="Time limit of one query (Oxigraph's --timeout-s, whole seconds).",
)
@click.option(
    "--cors",
    is_flag=True,
    help="Let pages of any origin read the answers (the web view's query page, opened from a "
    "file, needs it; served at /view/ it does not); off by default.",
)
@click.option(
    "--allow-service",
    "allowed",
    multiple=True,
    metavar="HOST",
    help="A host (or HOST:PORT) a query's SERVICE may call; repeatable; by default none.",
)
@click.option(
    "--max-result-bytes",
    type=click.IntRange(min=1),
    default=50_000_000,  # serve.MAX_RESULT_BYTES (not imported here: start-up time)
    show_default=True,
    metavar="BYTES",
    help="Largest answer sent; a larger one is refused (403: add LIMIT).",
)
@OUT_OPTION
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    timeout: float,
    cors: bool,
    allowed: tuple[str, ...],
    max_result_bytes: int,
    out: Path | None,
) -> None:
    """Serve the built graph read-only as a SPARQL 1.1 Protocol endpoint (`oxigraph
    serve-read-only` behind a gate that refuses Updates, SERVICE off the allow-list and answers
    over the size bound), answering as `diplograph query` does, and the web view at /view/
    (written first, as `diplograph view`, if missing); writes OUT/queries.html, a page of the
    stored queries. Ctrl-C (or SIGTERM) stops it; a missing or stale build exits 2."""
    with importing():
        from diplograph.output import echo
        from diplograph.queries import list_queries
        from diplograph.serve import PAGE_FILE, check_served_build, query_page, view_url
        from diplograph.serve import serve as run_serve
        from diplograph.view import SITE_FOLDER, view_site
        from diplograph.writing import write_atomically

    target = _out(ctx, out)
    site = target / SITE_FOLDER

    def started(url: str, triples: int) -> None:
        """Write the query page and say where the endpoint is."""
        page = query_page(list_queries(paths.queries_dir(_root(ctx))), url)
        write_atomically(target / PAGE_FILE, page.encode("utf-8"))
        echo(
            f"serving {url} (read-only, {triples} triples; stored queries: "
            f"{target / PAGE_FILE}); Ctrl-C stops"
        )
        echo(f"web view: {view_url(host, port)}")

    import signal

    signal.signal(signal.SIGINT, signal.default_int_handler)  # even where a shell ignored it
    try:
        check_served_build(target, _root(ctx))  # a missing or stale build: serve's own error
        if not (site / "index.html").is_file():
            view_site(_root(ctx), target, site)  # before the server: a signal then stops it
        run_serve(
            target, _root(ctx), host, port, timeout, started, cors, allowed, max_result_bytes, site
        )
    except KeyboardInterrupt:
        echo("stopped", err=True)


@cli.command()
@click.option(
    "--site",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of the site (default: OUT/view); replaced whole, never half.",
)
@OUT_OPTION
@click.pass_context
def view(ctx: click.Context, site: Path | None, out: Path | None) -> None:
    """Write the web view of the build: a static site (index, network, timeline, a page per
    event and per actor with its reports, the stored queries) that opens from the file
    system; a missing or stale build exits 2."""
    with importing():
        from diplograph.output import echo
        from diplograph.view import SITE_FOLDER, view_site

    target = _out(ctx, out)
    folder = site if site is not None else target / SITE_FOLDER
    count = view_site(_root(ctx), target, folder)
    echo(f"wrote {count} files to {folder} (open {folder / 'index.html'})")


for _command in (init, add, extract, evaluate, review, link, enrich_command):
    cli.add_command(_command)


def main() -> None:
    """Console entry point."""
    cli(prog_name="diplograph")
