"""Command line of `diplograph add`: articles from a folder, a CSV or a JSONL file into seeds/.

Thin: parses the arguments, calls add.add_articles, prints one line per article and a total;
under each added article, what the rules found in it, as `diplograph review ARTICLE` lists it
(unless --quiet or --dry-run). Exit codes follow cli.py: 0 ok, 2 a bad record (nothing written).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from diplograph.cli_extract import _date
from diplograph.cli_review import show_sheet
from diplograph.startup import importing

if TYPE_CHECKING:
    from diplograph.quality.review_article import Reviewer


def _reviewer(root: Path) -> Reviewer:
    """The rule layer, entities and roles that show what the rules found (review_article.py)."""
    with importing():
        from diplograph.quality.review_article import Reviewer

    return Reviewer.open(root)


def _show(reviewer: Reviewer, path: Path) -> None:
    """What the rules found in one added article, and whether it conforms to the shapes
    (what SHACL rejects, with its sentence: the build will quarantine it); one that the rules
    cannot read, a warning."""
    from diplograph.errors import InputError
    from diplograph.output import echo

    try:
        sheet = reviewer.sheet(path)
    except InputError as exc:
        echo(f"warning: not reviewed: {exc}", err=True)
        return
    show_sheet(sheet, indent="    ")
    problems = reviewer.shape_problems(sheet, f"seeds/{path.name}")
    if not problems:
        echo("    conforms to the shapes")
    for problem in problems:  # the build will quarantine the article's rule layer
        echo(f"    SHACL: {problem}")


@click.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--date", "published", callback=_date, help="Publication date of records without one."
)
@click.option("--dry-run", is_flag=True, help="List what would be written; write nothing.")
@click.option("--quiet", is_flag=True, help="Do not show what the rules found in each article.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show the progress of mapping the articles (default: when stderr is a terminal).",
)
@click.pass_context
def add(
    ctx: click.Context,
    sources: tuple[Path, ...],
    published,
    dry_run: bool,
    quiet: bool,
    progress: bool | None,
) -> None:
    """Add the articles of each SOURCE to seeds/: a .txt file, a folder of them, a .csv or a
    .jsonl file (fields: text, date or published, outlet, dateline, title, url, author,
    language, name). All of them or, on a bad record, none. Under each added article: what the
    rules found in it (see `diplograph review ARTICLE`), unless --quiet."""
    from diplograph import paths
    from diplograph.add import add_articles
    from diplograph.output import echo
    from diplograph.progress import advance, showing, stage

    seeds = paths.seeds_dir(ctx.obj["root"])
    planned = add_articles(list(sources), seeds, published, dry_run)
    verb = "to add" if dry_run else "added"
    show = not (quiet or dry_run) and any(not item.present for item in planned)
    show = show and any(paths.rules_dir(ctx.obj["root"]).glob("*.yaml"))  # as the build does
    reviewer = _reviewer(ctx.obj["root"]) if show else None
    with showing(sys.stderr, progress if reviewer is not None else False):
        stage("map by rules", len(planned))
        for item in planned:
            what = "already in seeds/" if item.present else verb
            where = f"{item.record.source.name}:{item.record.line}"
            echo(f"{what:<17} seeds/{item.stem}.txt  ({where}) {item.title}")
            if reviewer is not None and not item.present:
                _show(reviewer, seeds / f"{item.stem}.txt")
            advance()
    new = sum(not item.present for item in planned)
    echo(f"{new} article(s) {verb}, {len(planned) - new} already in seeds/")
