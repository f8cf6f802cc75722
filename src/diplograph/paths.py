"""Project layout: where the ontology, seeds, mappings, queries and build folder live.

A project folder holds its own seeds/ and mappings/ (entities.ttl, gold/). The ontology and
shapes, the stored queries, the rules and the reference gazetteer are the project's own where it
has them (a checkout does), else the copies installed with the package (`DATA`, package data of
the wheel), so that a project created outside a checkout builds from an installed wheel.
"""

from __future__ import annotations

import os
from pathlib import Path

from diplograph.errors import InputError

DATA = Path(__file__).resolve().parent / "data"
MARKERS = (Path("ontology") / "diplo.ttl", Path("mappings") / "entities.ttl")


def project_root() -> Path:
    """The project folder: $DIPLOGRAPH_HOME, else the nearest parent of the cwd with
    ontology/diplo.ttl or mappings/entities.ttl; an InputError outside any project (never the
    installed package)."""
    env = os.environ.get("DIPLOGRAPH_HOME")
    if env:
        return Path(env).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if any((folder / marker).is_file() for marker in MARKERS):
            return folder
    raise InputError(
        f"{here}: not inside a diplograph project (no ontology/diplo.ttl or "
        "mappings/entities.ttl here or above); use --root or DIPLOGRAPH_HOME"
    )


def _own_or_installed(own: Path, installed: str, probe: str) -> Path:
    """The project's own folder if it holds `probe` (a glob), else the installed copy (the
    project's own folder where the package has none either, so that errors name it)."""
    if any(own.glob(probe)):
        return own
    return DATA / installed if any((DATA / installed).glob(probe)) else own


def ontology_dir(root: Path | None = None) -> Path:
    """Folder with the OWL ontology, its alignments and the SHACL shapes."""
    return _own_or_installed((root or project_root()) / "ontology", "ontology", "diplo.ttl")


def seeds_dir(root: Path | None = None) -> Path:
    """Folder with the seed articles and their metadata."""
    return (root or project_root()) / "seeds"


def mappings_dir(root: Path | None = None) -> Path:
    """Folder with the hand mappings, entities and links."""
    return (root or project_root()) / "mappings"


def rules_dir(root: Path | None = None) -> Path:
    """Folder with the rule layer's YAML rules."""
    return _own_or_installed(mappings_dir(root) / "rules", "rules", "*.yaml")


def gazetteer_dir(root: Path | None = None) -> Path:
    """Folder with the reference gazetteer (countries, cities, organisations) for the rules."""
    return _own_or_installed(mappings_dir(root) / "gazetteer", "gazetteer", "*.ttl")


def queries_dir(root: Path | None = None) -> Path:
    """Folder with the stored SPARQL queries."""
    return _own_or_installed((root or project_root()) / "queries", "queries", "*.rq")


def view_queries_dir(root: Path | None = None) -> Path:
    """Folder with the web view's stored queries (queries/view/)."""
    own = (root or project_root()) / "queries" / "view"
    return _own_or_installed(own, "queries/view", "*.rq")


def build_dir(root: Path | None = None) -> Path:
    """Default output folder of `diplograph build`."""
    return (root or project_root()) / "out"


def gazetteer_inputs(root: Path) -> list[Path]:
    """The files a gazetteer may be made from: all of mappings/ but the rules and hand layer,
    and the reference gazetteer."""
    mappings = mappings_dir(root)
    skip = (mappings / "rules", mappings / "gold")
    found = {p for p in mappings.rglob("*") if p.is_file()}
    found |= {p for p in gazetteer_dir(root).rglob("*") if p.is_file()}
    return sorted(p for p in found if not any(s in p.parents for s in skip))
