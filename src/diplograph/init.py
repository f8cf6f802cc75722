"""`diplograph init DIR`: lay out a new project folder that builds from the installed package.

The folder gets seeds/ (a README on the article format), mappings/ (an empty entities.ttl, gold/,
and the rules and reference gazetteer), queries/ (the stored queries) and ontology/ (ontology,
shapes, QA checks), copied from the package data (`paths.DATA`; in a checkout, which has none,
from the checkout's own folders, as setup.py maps them). All of it or nothing: the layout is
written into a temporary folder beside DIR and renamed into place.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from diplograph import paths
from diplograph.errors import InputError

CHECKOUT = Path(__file__).resolve().parents[2]
# package data folder -> (its source in a checkout and its place in a new project, the files);
# as setup.py's PACKAGE_DATA
COPIES = {
    "ontology": ("ontology", ("*.ttl", "checks/*.rq")),
    "queries": ("queries", ("*.rq", "federated/*.rq", "view/*.rq")),
    "rules": ("mappings/rules", ("*.yaml",)),
    "gazetteer": ("mappings/gazetteer", ("*.ttl",)),
}
SEEDS_README = """\
# seeds/

One article per file: `STEM.txt`, the text byte for byte as received, whose first line is a
`date YYYY-MM-DD` marker, or with a `STEM.meta.yaml` beside it (outlet, date_published,
date_evidence, language; optional url). `diplograph add FILE...` writes both for you.
"""
ENTITIES = """\
# The people, countries, cities and organisations that the articles name (a hand layer; the rules
# also find the reference gazetteer's, in mappings/gazetteer/). Graph id:graph/entities.

@base <https://w3id.org/diplograph/id/> .
@prefix dip:  <https://w3id.org/diplograph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
"""


def data_source(name: str) -> Path:
    """Where the package data folder `name` is: installed with the wheel, else in the checkout."""
    installed = paths.DATA / name
    return installed if installed.is_dir() else CHECKOUT / COPIES[name][0]


def _refuse(target: Path) -> None:
    """An InputError unless the target is missing or an empty folder."""
    if target.is_dir():
        if any(target.iterdir()):
            raise InputError(f"{target}: not empty; diplograph init needs a new or empty folder")
    elif target.exists() or target.is_symlink():
        raise InputError(f"{target}: exists and is not a folder")
    if not target.parent.is_dir():
        raise InputError(f"{target.parent}: no such folder")


def _lay_out(folder: Path) -> None:
    """Write the project's files into `folder`."""
    for name, (place, patterns) in COPIES.items():
        source = data_source(name)
        found = sorted(path for pattern in patterns for path in source.glob(pattern))
        if not found:
            raise InputError(f"{source}: package data missing; reinstall diplograph")
        for path in found:
            copy = folder / place / path.relative_to(source)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
    (folder / "seeds").mkdir()
    (folder / "seeds" / "README.md").write_text(SEEDS_README, encoding="utf-8")
    (folder / "mappings" / "gold").mkdir()
    (folder / "mappings" / "entities.ttl").write_text(ENTITIES, encoding="utf-8")


def init_project(target: Path) -> list[Path]:
    """Lay out a new project in `target` (missing or empty); return its files, sorted."""
    target = target.absolute()
    _refuse(target)
    try:
        prefix = f".{target.name}-{os.getpid()}-"
        temporary = Path(tempfile.mkdtemp(prefix=prefix, suffix=".tmp", dir=target.parent))
    except OSError as exc:
        raise InputError(f"{target.parent}: cannot write: {exc.strerror or exc}") from None
    try:
        _lay_out(temporary)
        temporary.chmod(0o777 & ~_umask())
        os.replace(temporary, target)  # an empty folder is replaced; a non-empty one refused
    except OSError as exc:
        raise InputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    return sorted(path for path in target.rglob("*") if path.is_file())


def _umask() -> int:
    """The process's umask (read by setting and restoring it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
