"""Project layout: where the ontology, seeds, mappings, queries and build folder live."""

from __future__ import annotations

import os
from pathlib import Path

from diplograph.errors import InputError


def project_root() -> Path:
    """The project folder: $DIPLOGRAPH_HOME, else the nearest parent of the cwd with
    ontology/diplo.ttl; an InputError outside any project (never the installed package)."""
    env = os.environ.get("DIPLOGRAPH_HOME")
    if env:
        return Path(env).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "ontology" / "diplo.ttl").is_file():
            return folder
    raise InputError(
        f"{here}: not inside a diplograph project (no ontology/diplo.ttl here or above); "
        "use --root or DIPLOGRAPH_HOME"
    )


def ontology_dir(root: Path | None = None) -> Path:
    """Folder with the OWL ontology, its alignments and the SHACL shapes."""
    return (root or project_root()) / "ontology"


def seeds_dir(root: Path | None = None) -> Path:
    """Folder with the seed articles and their metadata."""
    return (root or project_root()) / "seeds"


def mappings_dir(root: Path | None = None) -> Path:
    """Folder with the hand mappings, entities and links."""
    return (root or project_root()) / "mappings"


def queries_dir(root: Path | None = None) -> Path:
    """Folder with the stored SPARQL queries."""
    return (root or project_root()) / "queries"


def build_dir(root: Path | None = None) -> Path:
    """Default output folder of `diplograph build`."""
    return (root or project_root()) / "out"
