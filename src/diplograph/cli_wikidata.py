"""Command line of the Wikidata stage: `link`, `enrich`, and QuickStatements for `export`.

`link` builds the graph (or reads an up-to-date build folder), asks the endpoint for candidate
items and writes mappings/wikidata-links.ttl and .csv; with --report it prints the linker's
precision and recall against the reference list. `enrich` fetches facts about the linked items
into mappings/wikidata-enrichment.trig. Both write nothing unless every request succeeded: a
failing endpoint (down, slow, 429 for ever, malformed JSON) exits 3 and leaves the files as they
were; so does an interrupt (SIGINT, SIGTERM) before the files are renamed into place. The
endpoint is --endpoint, else $DIPLOGRAPH_WIKIDATA_ENDPOINT, else Wikidata's.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import click

from diplograph import paths
from diplograph.errors import InputError
from diplograph.startup import importing

if TYPE_CHECKING:  # the stages are imported by the commands that run them
    from diplograph.store import Store
    from diplograph.wikidata.endpoint import SparqlClient

REFERENCE = Path("shared") / "reference" / "wikidata-qids.csv"


def _endpoint_options(command: click.Command) -> click.Command:
    """The options shared by the commands that query an endpoint."""
    options = [
        click.option(
            "--endpoint",
            default=None,
            metavar="URL",
            help="SPARQL endpoint (default: $DIPLOGRAPH_WIKIDATA_ENDPOINT, else Wikidata's).",
        ),
        click.option(
            "--timeout",
            type=click.IntRange(1),
            default=60,
            show_default=True,
            help="Seconds to wait for each answer.",
        ),
        click.option(
            "--retries",
            type=click.IntRange(0, 10),
            default=4,
            show_default=True,
            help="Retries after a 429 or 5xx answer, with exponential backoff.",
        ),
        click.option(
            "--interval",
            type=click.FloatRange(0),
            default=1.0,
            show_default=True,
            help="Seconds between two requests (rate limit).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _client(endpoint: str | None, timeout: int, retries: int, interval: float) -> SparqlClient:
    """A client of the chosen endpoint."""
    from diplograph.wikidata import endpoint_url
    from diplograph.wikidata.endpoint import SparqlClient

    return SparqlClient(endpoint_url(endpoint), timeout=timeout, retries=retries, interval=interval)


def current_store(root: Path, out: Path) -> tuple[Store, bool]:
    """The graph of an up-to-date build folder, else one built in memory (replaced in tests)."""
    from diplograph.built import current_store as load_store

    return load_store(root, out)


def _now() -> datetime:
    """The retrieval time of an enrichment (replaced in tests)."""
    return datetime.now(timezone.utc)


@click.command("link")
@_endpoint_options
@click.option("--report", is_flag=True, help="Print precision and recall against the reference.")
@click.option(
    "--reference",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Reference list of QIDs (default: ../shared/reference/wikidata-qids.csv).",
)
@click.pass_context
def link(
    ctx: click.Context,
    endpoint: str | None,
    timeout: int,
    retries: int,
    interval: float,
    report: bool,
    reference: Path | None,
) -> None:
    """Link every entity to its Wikidata item; write mappings/wikidata-links.ttl and .csv."""
    with importing():
        from diplograph.export import analysis_graph
        from diplograph.iris import ENTITIES_GRAPH
        from diplograph.output import echo
        from diplograph.wikidata.candidates import entities_to_link, fetch_candidates
        from diplograph.wikidata.link import (
            HAND_DIR,
            LINKS_CSV,
            LINKS_TTL,
            link_entities,
            links_csv,
            links_turtle,
            load_hand_links,
        )
        from diplograph.wikidata.rank import CLASSES
        from diplograph.wikidata.report import format_measure, load_reference, measure
        from diplograph.writing import write_all

    root: Path = ctx.obj["root"]
    client = _client(endpoint, timeout, retries, interval)
    mappings = paths.mappings_dir(root)
    store, fresh = current_store(root, paths.build_dir(root))
    if fresh:
        echo("(no up-to-date build folder: built in memory)", err=True)
    entities = entities_to_link(store.graph(ENTITIES_GRAPH), analysis_graph(store))
    hand = load_hand_links(mappings / HAND_DIR)
    started = time.monotonic()
    candidates = fetch_candidates(client, entities, CLASSES)
    decisions = link_entities(entities, candidates, hand)
    write_all(
        [
            (mappings / LINKS_TTL, links_turtle(decisions)),
            (mappings / LINKS_CSV, links_csv(decisions)),
        ]
    )
    counts = {
        k: sum(d.decision == k for d in decisions)
        for k in ("hand", "linked", "ambiguous", "no-candidate")
    }
    echo(
        f"{len(decisions)} entities: {counts['hand']} hand, {counts['linked']} linked, "
        f"{counts['ambiguous']} ambiguous, {counts['no-candidate']} without candidate "
        f"({client.requests} requests to {client.endpoint}, {time.monotonic() - started:.1f} s); "
        f"wrote {mappings / LINKS_TTL} and {LINKS_CSV}",
        err=True,
    )
    if report:
        path = reference or root.parent / REFERENCE
        echo(format_measure(measure(decisions, entities, load_reference(path), hand), path))


@click.command("enrich")
@_endpoint_options
@click.pass_context
def enrich_command(
    ctx: click.Context, endpoint: str | None, timeout: int, retries: int, interval: float
) -> None:
    """Fetch facts about the linked entities into mappings/wikidata-enrichment.trig."""
    with importing():
        from rdflib import SKOS

        from diplograph.namespaces import ID
        from diplograph.output import echo
        from diplograph.wikidata import qid
        from diplograph.wikidata.enrich import ENRICHMENT_FILE, enrich, enrichment_trig
        from diplograph.wikidata.link import load_links
        from diplograph.writing import write_atomically

    mappings = paths.mappings_dir(ctx.obj["root"])
    links, _ = load_links(mappings)
    items = {
        q
        for s, o in links.subject_objects(SKOS.exactMatch)
        if str(s).startswith(str(ID)) and (q := qid(o))
    }
    if not items:
        raise InputError(f"{mappings}: no Wikidata links yet; run `diplograph link` first")
    client = _client(endpoint, timeout, retries, interval)
    found = enrich(client, items)
    target = mappings / ENRICHMENT_FILE
    write_atomically(target, enrichment_trig(found, client.endpoint, _now()))
    echo(
        f"{len(found)} facts about {len(items)} items from {client.endpoint}; wrote {target}",
        err=True,
    )


def quickstatements(store: Store, new_entities: bool = False) -> str:
    """The events as QuickStatements V1 (with `new_entities`, items for the unlinked entities
    too); what was left out, and the articles without a url, are listed on standard error."""
    from diplograph.namespaces import ID
    from diplograph.output import echo
    from diplograph.wikidata.quickstatements import quickstatements as export_quickstatements

    result = export_quickstatements(store, new_entities)
    if result.no_url:
        echo(
            f"no url, referenced by title and publication date ({len(result.no_url)}): "
            f"{', '.join(result.no_url)} (add `url:` to their .meta.yaml)",
            err=True,
        )
    if result.created:
        names = ", ".join(str(e)[len(str(ID)) :] for e in result.created)
        echo(f"new items created ({len(result.created)}): {names}", err=True)
    if result.unlinked:
        names = ", ".join(str(e)[len(str(ID)) :] for e in result.unlinked)
        echo(f"not exported, no Wikidata link ({len(result.unlinked)}): {names}", err=True)
    if result.not_happened:
        names = ", ".join(str(e)[len(str(ID)) :] for e in result.not_happened)
        echo(
            f"not exported, never reported as having happened ({len(result.not_happened)}): "
            f"{names}",
            err=True,
        )
    return result.text
