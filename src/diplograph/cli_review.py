"""Command line of `diplograph review` (issues 4 and 11): list, accept, correct and reject rule
facts.

Thin: parses the arguments, calls quality.review (every article) or quality.review_article,
review_rows, correct and accept (one article), and prints. Without ARTICLE: the rule facts the
hand layer lacks in every seed. With ARTICLE: its numbered rows; `--accept N`, `--reject N` and
`--correct N --set FIELD=VALUE` write the decisions (accept.py); on a terminal, without them, it
asks row by row (`c` asks field by field). Exit codes follow cli.py: 0 ok, 2 an input error (an
unknown article, number, field or entity: nothing is written).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from diplograph.startup import importing

if TYPE_CHECKING:
    from diplograph.quality.accept import Outcome
    from diplograph.quality.review_rows import Row, Sheet

CHOICES = {"a": "accept", "c": "correct", "r": "reject", "s": "skip", "q": "quit"}
Decisions = tuple[list[int], list[int], list[tuple[int, list[tuple[str, str]]]]]


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


def _prompt(text: str, **kwargs) -> str:
    """click.prompt, with Ctrl-C or end of input as KeyboardInterrupt (nothing is written)."""
    try:
        return click.prompt(text, **kwargs)
    except click.exceptions.Abort:
        raise KeyboardInterrupt from None


def ask_fix(sheet: Sheet, row: Row) -> list[tuple[str, str]] | None:
    """Ask for a row's fields one by one (Enter keeps a value, - removes it); the changes,
    or None when they change nothing or cannot be made (said why)."""
    from diplograph.errors import InputError
    from diplograph.output import echo
    from diplograph.quality.accept import prepare
    from diplograph.quality.fields import asked_fields, check, known_graph

    known = known_graph(sheet)
    pairs: list[tuple[str, str]] = []
    for name, shown in asked_fields(sheet, row):
        while True:
            text = _prompt(f"  {name} [{shown}]", default="", show_default=False).strip()
            if not text:
                break
            try:
                check(sheet, known, row, name, text)
            except InputError as exc:
                echo(f"  {exc} (Enter keeps {shown})")
                continue
            pairs.append((name, text))
            break
    if not pairs:
        echo("  nothing changed: skipped")
        return None
    try:
        prepare(sheet, [], [], [(row.number, pairs)])  # a trial: written with the other answers
    except InputError as exc:
        echo(f"  not corrected: {exc}")
        return None
    return pairs


def ask(sheet: Sheet) -> Decisions:
    """Ask for each open row: accept, correct, reject, skip or quit; return the decisions."""
    from diplograph.output import echo
    from diplograph.quality.review_rows import format_row

    accepted: list[int] = []
    rejected: list[int] = []
    corrected: list[tuple[int, list[tuple[str, str]]]] = []
    for row in sheet.open:
        echo("\n".join(format_row(row)))
        answer = _prompt(
            "accept, correct, reject, skip or quit? [a/c/r/s/q]",
            type=click.Choice(list(CHOICES)),
            show_choices=False,
        )
        if answer == "q":
            break
        if answer == "c":
            pairs = ask_fix(sheet, row)
            if pairs:
                corrected.append((row.number, pairs))
            continue
        {"a": accepted, "r": rejected}.get(answer, []).append(row.number)
    return accepted, rejected, corrected


def report(root: Path, sheet: Sheet, outcome: Outcome) -> None:
    """One line per file written."""
    from diplograph.output import echo
    from diplograph.quality.review_rows import short

    mapping, rejected = _relative(root, sheet.mapping), _relative(root, sheet.rejected_path)
    extra = ", ".join(f"#{n}" for n in outcome.needed)
    needed = f" (with {extra}, which they refer to)" if extra else ""
    entities = f" and {outcome.entities} entity description(s)" if outcome.entities else ""
    if outcome.accepted:
        numbers = ", ".join(f"#{n}" for n in outcome.accepted)
        echo(f"accepted {numbers}{needed}{entities} into {mapping}")
        needed = entities = ""
    for fix in outcome.corrected:
        fields, new = (
            ", ".join(fix.fields) or "as the rules found it",
            short(fix.fixed.candidate.iri),
        )
        again = " again" if fix.replaced is not None else ""
        echo(
            f"corrected #{fix.row.number}{again} ({fields}) as {new}{needed}{entities} "
            f"into {mapping}"
        )
        needed = entities = ""
        if fix.renamed:
            echo(f"listed #{fix.row.number}'s rule fact as corrected in {rejected}")
    if outcome.rejected:
        numbers = ", ".join(f"#{n}" for n in outcome.rejected)
        echo(f"rejected {numbers} into {rejected}")
    if not outcome.written:
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
@click.option(
    "--correct",
    "fix",
    multiple=True,
    callback=_numbers,
    help="A row number to write into the hand mapping with the values --set gives.",
)
@click.option(
    "--set",
    "sets",
    multiple=True,
    metavar="FIELD=VALUE",
    help="A corrected value (repeat): kind, a role (agent, participant, place...), date, "
    "modality, speaker, claimedBy; an entity by IRI, QID or label; - removes.",
)
@click.option("--interactive", is_flag=True, hidden=True, help="Ask even without a terminal.")
@click.pass_context
def review(
    ctx: click.Context,
    article: str | None,
    accept: list[int],
    reject: list[int],
    fix: list[int],
    sets: tuple[str, ...],
    interactive: bool,
) -> None:
    """List rule-layer facts the hand layer lacks, most confident first: for an article
    without a hand mapping, everything the rules found in it.

    With ARTICLE (a seed's name or its seeds/ path): its numbered rows, with parties,
    modality, date, words and speaker; --accept N writes a row into the article's hand
    mapping (mappings/gold/STEM.ttl, created if missing), --reject N lists it as rejected,
    --correct N --set FIELD=VALUE ... writes it with the values given (e.g. --set
    date=2024-05-03 --set place=Astana). On a terminal, without them, it asks for each row:
    accept, correct (field by field), reject, skip or quit.
    """
    from diplograph.errors import InputError

    root = ctx.obj["root"]
    corrections = _corrections(fix, sets)
    if article is None:
        if accept or reject or corrections:
            raise InputError(
                "--accept, --reject and --correct need an ARTICLE: diplograph review NAME"
            )
        list_all(root)
        return
    with importing():
        from diplograph.quality.accept import decide
        from diplograph.quality.review_article import Reviewer, article_path

    path = article_path(root, article)
    sheet = Reviewer.open(root).sheet(path)
    if not accept and not reject and not corrections:
        if not (interactive or sys.stdin.isatty()) or not sheet.open:
            show_sheet(sheet)
            return
        accept, reject, corrections = ask(sheet)
    report(root, sheet, decide(sheet, accept, reject, corrections))


def _corrections(fix: list[int], sets: tuple[str, ...]) -> list[tuple[int, list[tuple[str, str]]]]:
    """The one row --correct names with the --set values; either alone is an input error."""
    from diplograph.errors import InputError
    from diplograph.quality.fields import parse_sets

    if sets and not fix:
        raise InputError("--set needs the row it corrects: --correct N --set FIELD=VALUE")
    if fix and not sets:
        raise InputError(f"--correct #{fix[0]} needs the values it sets: --set FIELD=VALUE")
    if len(fix) > 1:
        raise InputError("--correct takes one row at a time (its --set values are that row's)")
    return [(fix[0], parse_sets(sets))] if fix else []
