"""Command line of `diplograph add`: articles from a folder, a CSV or a JSONL file into seeds/.

Thin: parses the arguments, calls add.add_articles, prints one line per article and a total.
Exit codes follow cli.py: 0 ok, 2 a bad record (nothing written).
"""

from __future__ import annotations

from pathlib import Path

import click

from diplograph.cli_extract import _date


@click.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--date", "published", callback=_date, help="Publication date of records without one."
)
@click.option("--dry-run", is_flag=True, help="List what would be written; write nothing.")
@click.pass_context
def add(ctx: click.Context, sources: tuple[Path, ...], published, dry_run: bool) -> None:
    """Add the articles of each SOURCE to seeds/: a .txt file, a folder of them, a .csv or a
    .jsonl file (fields: text, date or published, outlet, dateline, title, url, author,
    language, name). All of them or, on a bad record, none."""
    from diplograph import paths
    from diplograph.add import add_articles
    from diplograph.output import echo

    seeds = paths.seeds_dir(ctx.obj["root"])
    planned = add_articles(list(sources), seeds, published, dry_run)
    verb = "to add" if dry_run else "added"
    for item in planned:
        what = "already in seeds/" if item.present else verb
        where = f"{item.record.source.name}:{item.record.line}"
        echo(f"{what:<17} seeds/{item.stem}.txt  ({where}) {item.title}")
    new = sum(not item.present for item in planned)
    echo(f"{new} article(s) {verb}, {len(planned) - new} already in seeds/")
