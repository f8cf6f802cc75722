"""Command line of `diplograph review` (issues 4 and 11): list, accept and reject rule facts.

Thin: parses the arguments, calls quality.review (every article) or quality.review_article,
review_rows and accept (one article), and prints. Without ARTICLE: the rule facts the hand layer
lacks in every seed. With ARTICLE: its numbered rows; `--accept N` and `--reject N` write the
decisions (accept.py); on a terminal, without them, it asks row by row. Exit codes follow
cli.py: 0 ok, 2 an input error (an unknown article or number: nothing is written).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from diplograph.startup import importing

if TYPE_CHECKING:
    from diplograph.quality.accept import Outcome
    from diplograph.quality.review_rows import Sheet

CHOICES = {"a": "accept", "r": "reject", "s": "skip", "q": "quit"}


def _numbers(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> list[int]:
    """Row numbers given as `--accept 3 --accept 5` or `--accept 3,5` (a leading # allowed)."""
    found = []
    for value in values:
        for word in value.replace(",", " ").split():
            if not word.lstrip("#").isdigit():
                raise click.BadParameter(f"{word!r} is not a row number")
            found.append(int(word.lstrip("#")))
    return found


def _relative(root: Path, path: Path) -> str:
    """A path as the project names it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def list_all(root: Path) -> None:
    """Every seed's rule facts that the hand layer lacks, most confident first (issue 4)."""
    with importing():
        from diplograph.output import echo
        from diplograph.quality.evaluate import participant_roles
        from diplograph.quality.review import review_candidates, review_layers
        from diplograph.vocabulary import ontology_file

    rule_graphs, gold_graphs, unmapped = review_layers(root)
    roles = participant_roles(ontology_file(root))
    rows = []
    for stem in sorted(rule_graphs):
        for cand in review_candidates(rule_graphs[stem], gold_graphs[stem], roles):
            rows.append((cand, stem))
    rows.sort(key=lambda row: (-row[0].confidence, row[1], str(row[0].iri)))
    for cand, stem in rows:
        echo(f"{cand.confidence:.2f}  {stem}  {cand.kind:<20} {cand.label}")
        echo(f"      rules: {', '.join(cand.rules)}")
        for text in cand.texts:
            echo(f"      “{text}”")
    unmapped_note = f", {len(unmapped)} article(s) without a hand mapping" if unmapped else ""
    echo(f"({len(rows)} candidate(s){unmapped_note})")


def show_sheet(sheet: Sheet, indent: str = "") -> None:
    """Print the open rows of one article and a count."""
    from diplograph.output import echo
    from diplograph.quality.review_rows import format_row

    for row in sheet.open:
        echo("\n".join(format_row(row, indent)))
    echo(
        f"{indent}({len(sheet.open)} open candidate(s) of {len(sheet.rows)} rule fact(s), "
        f"{len(sheet.rejected)} rejected)"
    )


def ask(sheet: Sheet) -> tuple[list[int], list[int]]:
    """Ask for each open row: accept, reject, skip or quit; return the numbers decided."""
    from diplograph.output import echo
    from diplograph.quality.review_rows import format_row

    accepted: list[int] = []
    rejected: list[int] = []
    for row in sheet.open:
        echo("\n".join(format_row(row)))
        try:
            answer = click.prompt(
                "accept, reject, skip or quit? [a/r/s/q]",
                type=click.Choice(list(CHOICES)),
                show_choices=False,
            )
        except click.exceptions.Abort:
            raise KeyboardInterrupt from None  # Ctrl-C or end of input: nothing is written
        if answer == "q":
            break
        {"a": accepted, "r": rejected}.get(answer, []).append(row.number)
    return accepted, rejected


def report(root: Path, sheet: Sheet, outcome: Outcome) -> None:
    """One line per file written."""
    from diplograph.output import echo

    if outcome.accepted:
        numbers = ", ".join(f"#{n}" for n in outcome.accepted)
        extra = ", ".join(f"#{n}" for n in outcome.needed)
        needed = f" (with {extra}, which they refer to)" if extra else ""
        entities = f" and {outcome.entities} entity description(s)" if outcome.entities else ""
        echo(f"accepted {numbers}{needed}{entities} into {_relative(root, sheet.mapping)}")
    if outcome.rejected:
        numbers = ", ".join(f"#{n}" for n in outcome.rejected)
        echo(f"rejected {numbers} into {_relative(root, sheet.rejected_path)}")
    if not outcome.accepted and not outcome.rejected:
        echo("nothing decided, nothing written")


@click.command()
@click.argument("article", required=False)
@click.option(
    "--accept",
    multiple=True,
    callback=_numbers,
    help="Row number(s) to write into the article's hand mapping (repeat, or 3,5).",
)
@click.option(
    "--reject",
    multiple=True,
    callback=_numbers,
    help="Row number(s) never to offer again (listed in mappings/gold/STEM.rejected.txt).",
)
@click.option("--interactive", is_flag=True, hidden=True, help="Ask even without a terminal.")
@click.pass_context
def review(
    ctx: click.Context,
    article: str | None,
    accept: list[int],
    reject: list[int],
    interactive: bool,
) -> None:
    """List rule-layer facts the hand layer lacks, most confident first: for an article
    without a hand mapping, everything the rules found in it.

    With ARTICLE (a seed's name or its seeds/ path): its numbered rows, with parties,
    modality, date, words and speaker; --accept N writes a row into the article's hand
    mapping (mappings/gold/STEM.ttl, created if missing), --reject N lists it as rejected.
    On a terminal, without either, it asks for each row: accept, reject, skip or quit.
    """
    root = ctx.obj["root"]
    if article is None:
        if accept or reject:
            from diplograph.errors import InputError

            raise InputError("--accept and --reject need an ARTICLE: diplograph review NAME")
        list_all(root)
        return
    with importing():
        from diplograph.quality.accept import decide
        from diplograph.quality.review_article import Reviewer, article_path

    path = article_path(root, article)
    sheet = Reviewer.open(root).sheet(path)
    if not accept and not reject:
        if not (interactive or sys.stdin.isatty()) or not sheet.open:
            show_sheet(sheet)
            return
        accept, reject = ask(sheet)
    report(root, sheet, decide(sheet, accept, reject))
