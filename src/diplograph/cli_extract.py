"""Command line of the rule layer: `extract`, `evaluate` and `review` (issue 4; `review` lives
in cli_review.py and is named here for the callers that import it from this module).

Thin: each command parses its arguments, calls one library function and prints the result.
Plain click commands, registered on the `diplograph` group by cli.py; they read the project
folder from ctx.obj["root"]. Exit codes follow cli.py: 0 ok, 2 input error. Each command imports
the rule layer (spaCy) when it runs, so that the other commands start without it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from diplograph.cli_review import review as review
from diplograph.startup import importing


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """Parse --date as YYYY-MM-DD."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a YYYY-MM-DD date") from exc


@click.command()
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--date", "published", callback=_date, help="Publication date, YYYY-MM-DD.")
@click.option(
    "--format", "fmt", type=click.Choice(["turtle", "trig"]), default="turtle", show_default=True
)
@click.pass_context
def extract(ctx: click.Context, article: Path, published: date | None, fmt: str) -> None:
    """Print the rule layer of ARTICLE (a text file) with its provenance.

    An article without a .meta.yaml takes its date from --date or a leading
    `date YYYY-MM-DD` marker.
    """
    from diplograph.extractcache import extract_output, output_key

    root = ctx.obj["root"]
    key = output_key(root, article, published, fmt)  # an unchanged article: no spaCy, no rules
    output = extract_output(key, lambda: _extracted(root, article, published, fmt))
    click.echo(output.decode("utf-8"), nl=False)


def _extracted(root: Path, article: Path, published: date | None, fmt: str) -> bytes:
    """The rule layer of one article with its provenance, serialised."""
    with importing():
        from diplograph.export import serialize_graph
        from diplograph.extract import extract_article
        from diplograph.extract.clean import input_article
        from diplograph.extract.workspace import rule_layer
        from diplograph.iris import rules_graph_iri

    rules, gazetteer = rule_layer(root)
    source = input_article(article, published, rules)
    graph = extract_article(source, rules, gazetteer)
    return serialize_graph(rules_graph_iri(source.stem), graph, fmt)


HALF_NOTE = "note: misses listed for the dev-a half only (dev-b's with --done-tuning)"


@click.command()
@click.option(
    "--split",
    type=click.Choice(["seeds", "dev", "dev-a", "dev-b", "test"]),
    default="seeds",
    show_default=True,
    help="seeds: against the hand layer; dev/test: against the corpus annotations; dev-a, "
    "dev-b: the two halves of dev (misses are read on dev-a only).",
)
@click.option(
    "--misses",
    is_flag=True,
    help="Also list misses and false alarms of a corpus split (dev-a's by default; of dev, "
    "dev-a's articles only; dev-b's and the test split's only with --done-tuning).",
)
@click.option(
    "--done-tuning",
    is_flag=True,
    help="Allow the misses of dev-b and the test split: only once no more rules are written.",
)
@click.pass_context
def evaluate(ctx: click.Context, split: str, misses: bool, done_tuning: bool) -> None:
    """Measure the rule layer: P/R/F1 on the seeds, or on a split of the development corpus."""
    with importing():
        from diplograph.extract.workspace import seed_layers
        from diplograph.output import echo
        from diplograph.quality.evaluate import evaluate as run_evaluation
        from diplograph.quality.evaluate import format_evaluation, participant_roles
        from diplograph.vocabulary import ontology_file

    if split != "seeds":
        from diplograph.quality.corpus import format_corpus_score
        from diplograph.quality.splits import only_half, score_split

        if misses and split in ("test", "dev-b"):
            if not done_tuning:
                raise click.UsageError(
                    f"the {split} split's misses are not listed while rules are written against "
                    "the corpus (reading them makes its figures optimistic); its figures: "
                    f"evaluate --split {split}; once tuning is over: --misses --done-tuning"
                )
            warning = f"warning: reading the {split} split's misses makes its figures optimistic"
            echo(warning, err=True)
        score = score_split(ctx.obj["root"], split)
        if split == "dev" and not done_tuning:
            score = only_half(score, "dev-a")  # dev-b's misses stay unread, like the test split's
            echo(HALF_NOTE, err=True)
        echo(format_corpus_score(split, score, misses or split in ("dev", "dev-a")))
        return
    rule_graphs, gold_graphs = seed_layers(ctx.obj["root"])
    roles = participant_roles(ontology_file(ctx.obj["root"]))
    echo(format_evaluation(run_evaluation(rule_graphs, gold_graphs, roles)))
