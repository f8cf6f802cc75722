"""Command line of `diplograph init`: lay out a new project folder from the installed package.

Thin: calls init.init_project and prints what it wrote. Exit codes follow cli.py: 0 ok, 2 a
folder that is not empty (or cannot be written); nothing is left behind then.
"""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("folder", type=click.Path(path_type=Path))
def init(folder: Path) -> None:
    """Lay out a new project in FOLDER (new or empty): seeds/, mappings/ with the rules and the
    gazetteer, queries/ and ontology/, copied from the installed package."""
    from diplograph.init import init_project
    from diplograph.output import echo

    files = init_project(folder)
    echo(f"wrote {len(files)} files to {folder}; add articles with `diplograph add FILE...`")
    echo(f"then build with `diplograph --root {folder} build`")
